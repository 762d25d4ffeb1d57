/**
 * The docs page of <sipas-template-gallery>, the template gallery: its API, read from
 * custom-elements.json, above the `TemplateGallery` story of designer-parts.stories.ts. (A story
 * file has one docs page, and designer-parts.stories.ts holds every part, so each part's page lives
 * in a file of its own, with the part's story again.)
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import designerParts, { TemplateGallery as TemplateGalleryStory } from './designer-parts.stories.js';

type PartArgs = { lang: 'vi' | 'en' };

const meta: Meta<PartArgs> = {
  title: 'Designer/Parts/sipas-template-gallery',
  component: 'sipas-template-gallery',
  tags: ['autodocs'],
  args: designerParts.args,
  argTypes: designerParts.argTypes,
  // A modal dialog makes the rest of its page inert: on the docs page the story gets a frame of its own.
  parameters: { docs: { story: { inline: false, height: '640px' } } },
};
export default meta;

export const TemplateGallery: StoryObj<PartArgs> = { ...TemplateGalleryStory };
