/**
 * <sipas-designer-scale-picker>, the property panel's scale field, on its own: the rating of access
 * in SIPAS 2640 on the standard satisfaction scale, and a scale written in place (its levels edited
 * with the list editor). Each change comes back through the story's host, as in the panel.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { ScaleRef } from '@sipas/schema';
import { applyValueTo, editorFrame, sipas2640, type EditorArgs } from './property-editor-host.js';
import '../src/index.js';

type ScaleArgs = EditorArgs & { value: ScaleRef };
type Story = StoryObj<ScaleArgs>;

const LABEL = { vi: 'Thang đo', en: 'Scale' } as const;

const meta: Meta<ScaleArgs> = {
  title: 'Designer/Parts/sipas-designer-scale-picker',
  component: 'sipas-designer-scale-picker',
  tags: ['autodocs'],
  args: { lang: 'vi', value: 'satisfaction-5' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the picker (`lang` attribute)' },
    value: { control: 'object', description: 'The scale: a standard or declared name, or `{ levels }` written in place' },
  },
  render: ({ lang, value }) =>
    editorFrame(
      LABEL[lang],
      lang,
      html`<sipas-designer-scale-picker
        label=${LABEL[lang]}
        lang=${lang}
        subject="A_satisfaction"
        .value=${value}
        .questionnaire=${sipas2640()}
        @sipas-property-value=${applyValueTo('value', lang)}
      ></sipas-designer-scale-picker>`,
    ),
};
export default meta;

/** The standard five-level satisfaction scale, chosen by name. */
export const StandardScale: Story = {
  name: 'Standard scale',
  play: async ({ canvasElement }) => {
    const picker = canvasElement.querySelector('sipas-designer-scale-picker')!;
    await waitFor(() => expect(picker.shadowRoot!.querySelector('select')?.value).toBe('satisfaction-5'));
  },
};

/** Three levels written in place, edited with <sipas-designer-choices-editor> inside the picker. */
export const LevelsInPlace: Story = {
  name: 'Levels written in place',
  args: {
    value: {
      levels: [
        { value: 1, text: { vi: 'Chưa tốt', en: 'Not good' } },
        { value: 2, text: { vi: 'Bình thường', en: 'Fair' } },
        { value: 3, text: { vi: 'Tốt', en: 'Good' } },
      ],
    },
  },
};
