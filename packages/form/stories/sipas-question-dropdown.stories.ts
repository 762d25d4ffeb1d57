/**
 * The docs page of <sipas-question-dropdown>: its API, read from custom-elements.json, above the
 * `dropdown` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { DropdownAnswered, DropdownDisabled, DropdownEmpty, DropdownError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-dropdown',
  component: 'sipas-question-dropdown',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...DropdownEmpty };
export const Answered: Story = { ...DropdownAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...DropdownError, tags: ['!dev'] };
export const Disabled: Story = { ...DropdownDisabled, tags: ['!dev'] };
