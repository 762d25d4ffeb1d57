/**
 * The docs page of <sipas-expression-editor>, the condition editor: its API, read from
 * custom-elements.json, above the `ExpressionEditor` story of designer-parts.stories.ts. (A story
 * file has one docs page, and designer-parts.stories.ts holds every part, so each part's page lives
 * in a file of its own, with the part's story again.)
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import designerParts, { ExpressionEditor as ExpressionEditorStory } from './designer-parts.stories.js';

type PartArgs = { lang: 'vi' | 'en' };

const meta: Meta<PartArgs> = {
  title: 'Designer/Parts/sipas-expression-editor',
  component: 'sipas-expression-editor',
  tags: ['autodocs'],
  args: designerParts.args,
  argTypes: designerParts.argTypes,
};
export default meta;

export const ExpressionEditor: StoryObj<PartArgs> = { ...ExpressionEditorStory };
