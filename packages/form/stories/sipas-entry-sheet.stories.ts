/**
 * <sipas-entry-sheet>, the data-entry add-on, as clerks meet it: inside `<sipas-form mode="entry">`,
 * which loads it on demand and hands it the form. No story sets `endpoint`, so a stored form stays
 * on this device (and `beforeEach` forgets it).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Questionnaire } from '@sipas/schema';
import { sipas1001, sipas2640 } from '@sipas/templates';
import '../src/index.js';
import { freshDevice } from './story-helpers.js';

type EntryArgs = { lang: 'vi' | 'en'; questionnaire: Questionnaire };
type Story = StoryObj<EntryArgs>;

const meta: Meta<EntryArgs> = {
  title: 'Form/Modes/sipas-entry-sheet',
  component: 'sipas-entry-sheet',
  tags: ['autodocs'],
  args: { lang: 'vi', questionnaire: sipas2640 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the form and the sheet (`lang` attribute of <sipas-form>)' },
    questionnaire: { control: false, table: { disable: true } },
  },
  beforeEach: freshDevice,
  render: ({ lang, questionnaire }) => html`<sipas-form mode="entry" lang=${lang} .questionnaire=${questionnaire}></sipas-form>`,
};
export default meta;

/** SIPAS 2640: every item of its eight pages on one screen, numbered as printed; digits pick levels. */
export const Sipas2640: Story = {
  name: 'SIPAS 2640',
  play: async ({ canvasElement }) => {
    await waitFor(
      () => {
        const sheet = canvasElement.querySelector('sipas-form')?.shadowRoot?.querySelector('sipas-entry-sheet');
        expect(sheet?.shadowRoot?.querySelectorAll('[part~="item"]').length).toBeGreaterThanOrEqual(20);
      },
      { timeout: 5000 },
    );
  },
};

/**
 * SIPAS 1001 with the sheet's own texts in English. (A questionnaire collected only at kiosks or
 * online, such as Counter-3, has no paper forms to type: the form refuses `mode="entry"` for it.)
 */
export const Sipas1001English: Story = { name: 'SIPAS 1001 (en)', args: { questionnaire: sipas1001, lang: 'en' } };
