/**
 * <sipas-print-sheet>, the print add-on: inside `<sipas-form mode="print">`, which loads it on
 * demand and shows the paper form of the questionnaire under its header, drawn as an A4 page.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { Questionnaire } from '@sipas/schema';
import { counter3, sipas1001 } from '@sipas/templates';
import '../src/index.js';
import { freshDevice } from './story-helpers.js';

type PrintArgs = { lang: 'vi' | 'en'; questionnaire: Questionnaire };
type Story = StoryObj<PrintArgs>;

const meta: Meta<PrintArgs> = {
  title: 'Form/Modes/sipas-print-sheet',
  component: 'sipas-print-sheet',
  tags: ['autodocs'],
  args: { lang: 'vi', questionnaire: counter3 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the paper form (`lang` attribute of <sipas-form>)' },
    questionnaire: { control: false, table: { disable: true } },
  },
  beforeEach: freshDevice,
  render: ({ lang, questionnaire }) => html`<sipas-form mode="print" lang=${lang} .questionnaire=${questionnaire}></sipas-form>`,
};
export default meta;

/** Counter-3 on paper: tick boxes for its three ratings. */
export const Counter3: Story = {
  name: 'Counter-3',
  play: async ({ canvasElement }) => {
    await waitFor(
      () => {
        const sheet = canvasElement.querySelector('sipas-form')?.shadowRoot?.querySelector('sipas-print-sheet');
        expect(sheet?.shadowRoot?.querySelectorAll('[part~="question"]').length).toBeGreaterThanOrEqual(3);
      },
      { timeout: 5000 },
    );
  },
};

/** SIPAS 1001 on paper, in English: pages as parts, grids as tables, skip instructions. */
export const Sipas1001English: Story = { name: 'SIPAS 1001 (en)', args: { questionnaire: sipas1001, lang: 'en' } };
