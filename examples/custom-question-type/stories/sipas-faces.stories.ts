/**
 * The docs page of `<sipas-faces>`, the faces rating of examples/custom-question-type/faces: its API,
 * read from custom-elements.json, above its states, each inside a `<sipas-form>` (the element is
 * created by the form for each `faces` question, never placed by hand).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { Question } from '@sipas/schema';
import { demoQuestions, freshDevice, questionElementArgTypes, questionnaireOf, renderForm, shownForm, type FormArgs } from './custom-type-stories.js';

type Story = StoryObj<FormArgs>;

/** The three faces questions of questionnaire.json (3 levels, the first required). */
const counterFaces = questionnaireOf('story-faces-counter', demoQuestions('faces'));

/** A faces question without `levels`: the five faces of the standard satisfaction scale. */
const FIVE_FACES: Question = {
  type: 'faces',
  name: 'overall',
  title: { vi: 'Ông/Bà hài lòng với sự phục vụ của cơ quan ở mức nào?', en: 'How satisfied are you with the agency’s service?' },
  description: { vi: 'Năm mức, như thang đo hài lòng của phiếu SIPAS.', en: 'Five levels, as the SIPAS questionnaires’ satisfaction scale.' },
  required: true,
} as Question;

const meta: Meta<FormArgs> = {
  title: 'Examples/Custom question types/sipas-faces',
  component: 'sipas-faces',
  tags: ['autodocs'],
  args: { lang: 'vi', mode: 'kiosk', questionnaire: counterFaces },
  argTypes: questionElementArgTypes,
  beforeEach: freshDevice,
  render: renderForm,
};
export default meta;

/** On the counter's tablet (`mode="kiosk"`): three big faces per question, Không hài lòng / Hài lòng / Rất hài lòng. */
export const Kiosk: Story = { name: 'Kiosk (3 faces)' };

export const KioskEnglish: Story = { name: 'Kiosk (3 faces, en)', args: { lang: 'en' } };

/** Five faces, from Rất không hài lòng to Rất hài lòng, in an online form. */
export const FiveFaces: Story = {
  name: 'Five faces (online)',
  args: { mode: 'online', questionnaire: questionnaireOf('story-faces-five', [FIVE_FACES]) },
};

/** Answered (through `data`): the chosen face is a checked radio, as on any rating. */
export const Answered: Story = {
  args: { data: { overall: 3, attitude: 2 } },
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    // The first question (overall) at its third face, Rất hài lòng.
    const overall = form.shadowRoot!.querySelector('sipas-faces')!;
    await waitFor(() => expect([...overall.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map((radio) => radio.checked)).toEqual([false, false, true]));
  },
};

/** The required question left empty after `validate()`: its error under it. */
export const ErrorShown: Story = {
  name: 'Error shown',
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    await expect(form.validate()).toBe(false);
    await waitFor(() => expect(form.shadowRoot!.querySelector('sipas-faces [part~="question-error"]')).toBeTruthy());
  },
};
