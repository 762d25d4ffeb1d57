/**
 * The docs page of <sipas-question-text>: its API, read from custom-elements.json, above the `text`
 * question's stories of question-types.stories.ts (empty, answered, with its error, disabled), each
 * inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { TextAnswered, TextDisabled, TextEmpty, TextError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-text',
  component: 'sipas-question-text',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...TextEmpty };
export const Answered: Story = { ...TextAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...TextError, tags: ['!dev'] };
export const Disabled: Story = { ...TextDisabled, tags: ['!dev'] };
