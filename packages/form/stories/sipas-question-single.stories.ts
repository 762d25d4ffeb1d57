/**
 * The docs page of <sipas-question-single>: its API, read from custom-elements.json, above the
 * `single` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { SingleAnswered, SingleDisabled, SingleEmpty, SingleError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-single',
  component: 'sipas-question-single',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...SingleEmpty };
export const Answered: Story = { ...SingleAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...SingleError, tags: ['!dev'] };
export const Disabled: Story = { ...SingleDisabled, tags: ['!dev'] };
