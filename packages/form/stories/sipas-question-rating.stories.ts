/**
 * The docs page of <sipas-question-rating>: its API, read from custom-elements.json, above the
 * `rating` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { RatingAnswered, RatingDisabled, RatingEmpty, RatingError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-rating',
  component: 'sipas-question-rating',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...RatingEmpty };
export const Answered: Story = { ...RatingAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...RatingError, tags: ['!dev'] };
export const Disabled: Story = { ...RatingDisabled, tags: ['!dev'] };
