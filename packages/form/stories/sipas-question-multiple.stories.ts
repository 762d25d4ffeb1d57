/**
 * The docs page of <sipas-question-multiple>: its API, read from custom-elements.json, above the
 * `multiple` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { MultipleAnswered, MultipleDisabled, MultipleEmpty, MultipleError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-multiple',
  component: 'sipas-question-multiple',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...MultipleEmpty };
export const Answered: Story = { ...MultipleAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...MultipleError, tags: ['!dev'] };
export const Disabled: Story = { ...MultipleDisabled, tags: ['!dev'] };
