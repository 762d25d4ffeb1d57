/**
 * The docs page of <sipas-question-boolean>: its API, read from custom-elements.json, above the
 * `boolean` question's stories of question-types.stories.ts (empty, answered, with its error,
 * disabled), each inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { BooleanAnswered, BooleanDisabled, BooleanEmpty, BooleanError } from './question-types.stories.js';

type Story = StoryObj<QuestionStoryArgs>;

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-boolean',
  component: 'sipas-question-boolean',
  tags: ['autodocs'],
};
export default meta;

export const Empty: Story = { ...BooleanEmpty };
export const Answered: Story = { ...BooleanAnswered, tags: ['!dev'] };
export const ErrorShown: Story = { ...BooleanError, tags: ['!dev'] };
export const Disabled: Story = { ...BooleanDisabled, tags: ['!dev'] };
