/**
 * The docs page of <sipas-question-likert>: its API, read from custom-elements.json, above the
 * `likert` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { LikertAnswered, LikertDisabled, LikertEmpty, LikertError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-likert',
  component: 'sipas-question-likert',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...LikertEmpty };
export const Answered: Story = { ...LikertAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...LikertError, tags: ['!dev'] };
export const Disabled: Story = { ...LikertDisabled, tags: ['!dev'] };
