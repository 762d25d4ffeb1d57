/**
 * The docs page of <sipas-designer-translations>, the translations view: its API, read from
 * custom-elements.json, above the `Translations` story of designer-parts.stories.ts. (A story file
 * has one docs page, and designer-parts.stories.ts holds every part, so each part's page lives in a
 * file of its own, with the part's story again.)
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import designerParts, { Translations as TranslationsStory } from './designer-parts.stories.js';

type PartArgs = { lang: 'vi' | 'en' };

const meta: Meta<PartArgs> = {
  title: 'Designer/Parts/sipas-designer-translations',
  component: 'sipas-designer-translations',
  tags: ['autodocs'],
  args: designerParts.args,
  argTypes: designerParts.argTypes,
};
export default meta;

export const Translations: StoryObj<PartArgs> = { ...TranslationsStory };
