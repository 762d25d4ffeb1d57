/**
 * The docs page of <sipas-designer-json>, the JSON view: its API, read from custom-elements.json,
 * above the `Json` story of designer-parts.stories.ts. (A story file has one docs page, and
 * designer-parts.stories.ts holds every part, so each part's page lives in a file of its own, with
 * the part's story again.)
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import designerParts, { Json as JsonStory } from './designer-parts.stories.js';

type PartArgs = { lang: 'vi' | 'en' };

const meta: Meta<PartArgs> = {
  title: 'Designer/Parts/sipas-designer-json',
  component: 'sipas-designer-json',
  tags: ['autodocs'],
  args: designerParts.args,
  argTypes: designerParts.argTypes,
};
export default meta;

export const Json: StoryObj<PartArgs> = { ...JsonStory };
