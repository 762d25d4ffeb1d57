/**
 * The docs page of <sipas-question-comment>: its API, read from custom-elements.json, above the
 * `comment` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { CommentAnswered, CommentDisabled, CommentEmpty, CommentError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-comment',
  component: 'sipas-question-comment',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...CommentEmpty };
export const Answered: Story = { ...CommentAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...CommentError, tags: ['!dev'] };
export const Disabled: Story = { ...CommentDisabled, tags: ['!dev'] };
