/**
 * <sipas-form> with the standard SIPAS questionnaires, one story per documented state. No story
 * sets `endpoint`, so a submitted response stays in the page (nothing leaves the machine).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import type { Questionnaire } from '@sipas/schema';
import { counter3, kioskQuick, sipas1001, sipas2640 } from '@sipas/templates';
import '../src/index.js';
import type { FormMode } from '../src/index.js';
import { freshDevice, shownForm } from './story-helpers.js';

type FormArgs = {
  lang: 'vi' | 'en';
  mode: FormMode;
  questionnaire?: Questionnaire;
  src?: string;
};
type Story = StoryObj<FormArgs>;

const renderForm = ({ lang, mode, questionnaire, src }: FormArgs): TemplateResult =>
  html`<sipas-form lang=${lang} mode=${mode} src=${ifDefined(src)} .questionnaire=${questionnaire}></sipas-form>`;

const meta: Meta<FormArgs> = {
  title: 'Form/sipas-form',
  component: 'sipas-form',
  tags: ['autodocs'],
  args: { lang: 'vi', mode: 'online' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the form (`lang` attribute)' },
    mode: { control: 'select', options: ['online', 'kiosk', 'entry', 'print'], description: 'How answers are collected (`mode` attribute)' },
    questionnaire: { control: false, description: 'The questionnaire document (`questionnaire` property)' },
    src: { control: 'text', description: 'URL of the questionnaire JSON, used when no `questionnaire` is given' },
  },
  beforeEach: freshDevice,
  render: renderForm,
};
export default meta;

/** SIPAS 2640: the national satisfaction survey of administrative services, eight pages. */
export const Sipas2640: Story = { name: 'SIPAS 2640 (vi)', args: { questionnaire: sipas2640 } };
export const Sipas2640English: Story = { name: 'SIPAS 2640 (en)', args: { questionnaire: sipas2640, lang: 'en' } };

/** SIPAS 1001: the household survey of policies and public services, five pages. */
export const Sipas1001: Story = { name: 'SIPAS 1001 (vi)', args: { questionnaire: sipas1001 } };
export const Sipas1001English: Story = { name: 'SIPAS 1001 (en)', args: { questionnaire: sipas1001, lang: 'en' } };

/** Counter-3: three ratings at the one-stop counter. */
export const Counter3: Story = { name: 'Counter-3 (vi)', args: { questionnaire: counter3, mode: 'kiosk' } };
export const Counter3English: Story = { name: 'Counter-3 (en)', args: { questionnaire: counter3, mode: 'kiosk', lang: 'en' } };

/** Kiosk-quick: one overall rating, optional criteria and a comment, for a tablet at the counter. */
export const KioskQuick: Story = { name: 'Kiosk-quick (vi)', args: { questionnaire: kioskQuick, mode: 'kiosk' } };
export const KioskQuickEnglish: Story = { name: 'Kiosk-quick (en)', args: { questionnaire: kioskQuick, mode: 'kiosk', lang: 'en' } };

/** Submitting without the required answer: the error summary above the page, the error at the question. */
export const ErrorsAfterSubmit: Story = {
  name: 'Errors after a failed submit',
  args: { questionnaire: kioskQuick, mode: 'kiosk' },
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    await expect(await form.submit()).toBe(false);
    await waitFor(() => expect(form.shadowRoot!.querySelector('[part~="error-summary"]')).toBeTruthy());
  },
};

/** After a complete response is submitted (here without `endpoint`: the page would handle `sipas-submit`). */
export const ThankYou: Story = {
  name: 'Thank-you screen',
  args: { questionnaire: counter3, mode: 'kiosk' },
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    form.data = { overall: 3, convenience: 3, attitude: 2 };
    await expect(await form.submit()).toBe(true);
    await waitFor(() => expect(form.shadowRoot!.querySelector('[part~="thank-you"]')).toBeTruthy());
  },
};

/** `src` points to a file that does not exist: the notice with the reason and a "try again" button. */
export const LoadFailure: Story = {
  name: 'Load failure',
  // The smoke test (scripts/storybook-smoke.mjs) accepts the 404 this story causes on purpose.
  tags: ['smoke-allow-404'],
  args: { src: 'missing-questionnaire.json' },
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('sipas-form')!;
    await waitFor(() => expect(form.shadowRoot!.querySelector('.load-failed')).toBeTruthy(), { timeout: 5000 });
  },
};

/** The dark palette the form's default theme itself uses when the system asks for a dark scheme. */
const DARK_TOKENS = `
  --sipas-color-primary: #8cc2ff; --sipas-color-on-primary: #06223f; --sipas-color-text: #e8ecf1;
  --sipas-color-muted: #b5bfcc; --sipas-color-background: #15191f; --sipas-color-surface: #20262e;
  --sipas-color-border: #7d8897; --sipas-color-error: #ffb4ab; --sipas-color-chosen: #1d3a5c;`;

/**
 * The form follows `prefers-color-scheme` by itself: on a device set to dark it looks like this with
 * no configuration. Storybook cannot switch the system setting, so this story sets the same dark
 * palette through the `--sipas-*` tokens on a dark page.
 */
export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { questionnaire: kioskQuick, mode: 'kiosk' },
  decorators: [(story) => html`<div style="color-scheme: dark; background: #0d1014; padding: 16px; ${DARK_TOKENS}">${story()}</div>`],
};

/** A district portal's own look: `--sipas-*` tokens for colours, font and shape, `::part()` for details. */
export const CustomTheme: Story = {
  name: 'Custom theme (tokens and ::part)',
  args: { questionnaire: kioskQuick, mode: 'kiosk' },
  render: (args) => html`<style>
      .district-theme sipas-form {
        --sipas-color-primary: #a4161a;
        --sipas-color-chosen: #fbe9e7;
        --sipas-color-surface: #fffaf3;
        --sipas-color-border: #b08968;
        --sipas-font-family: Georgia, 'Times New Roman', serif;
        --sipas-radius: 2px;
        --sipas-space-m: 20px;
      }
      .district-theme sipas-form::part(header) {
        border-bottom: 3px double #a4161a;
        margin-bottom: 16px;
      }
      .district-theme sipas-form::part(title) {
        color: #a4161a;
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .district-theme sipas-form::part(question) {
        border-inline-start: 4px solid #a4161a;
      }
      .district-theme sipas-form::part(submit-button) {
        font-weight: 700;
        padding-inline: 32px;
      }
    </style>
    <div class="district-theme">${renderForm(args)}</div>`,
};
