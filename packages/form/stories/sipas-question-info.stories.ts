/**
 * The docs page of <sipas-question-info>: its API, read from custom-elements.json, above the `info`
 * item's story of question-types.stories.ts, inside a <sipas-form>.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { questionStoryRendering, type QuestionStoryArgs } from './question-element-docs.js';
import { Info as InfoStory } from './question-types.stories.js';

const meta: Meta<QuestionStoryArgs> = {
  ...questionStoryRendering,
  title: 'Form/Question elements/sipas-question-info',
  component: 'sipas-question-info',
  tags: ['autodocs'],
};
export default meta;

export const Info: StoryObj<QuestionStoryArgs> = { ...InfoStory };
