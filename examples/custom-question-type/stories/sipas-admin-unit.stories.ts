/**
 * The docs page of `<sipas-admin-unit>`, the administrative-unit picker of
 * examples/custom-question-type/admin-unit: its API, read from custom-elements.json, above its
 * states, each inside a `<sipas-form>` (the element is created by the form for each `admin-unit`
 * question). The levels are data: the same element shows three levels (before July 2025) or two.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Question } from '@sipas/schema';
import { threeLevels } from '../admin-unit/test/questionnaires.js';
import { demoQuestions, freshDevice, questionElementArgTypes, questionnaireOf, renderForm, shownForm, type FormArgs } from './custom-type-stories.js';

type Story = StoryObj<FormArgs>;

/** Province → district → commune, the test fixture's sample (Huyện Cồn Cỏ has no commune listed). */
const threeLevelQuestionnaire = questionnaireOf('story-admin-unit-three-levels', [threeLevels({ required: true }) as unknown as Question]);

/** Province → commune, ward or special zone (since July 2025): the question of questionnaire.json. */
const twoLevelQuestionnaire = questionnaireOf('story-admin-unit-two-levels', demoQuestions('admin-unit'));

/** The story's `<sipas-admin-unit>` inside its form, once shown. */
async function shownPicker(canvasElement: HTMLElement): Promise<HTMLElement> {
  const form = await shownForm(canvasElement);
  return waitFor(() => {
    const picker = form.shadowRoot!.querySelector<HTMLElement>('sipas-admin-unit');
    if (!picker?.querySelector('select')) throw new Error('<sipas-admin-unit> shows no lists yet');
    return picker;
  });
}

const meta: Meta<FormArgs> = {
  title: 'Examples/Custom question types/sipas-admin-unit',
  component: 'sipas-admin-unit',
  tags: ['autodocs'],
  args: { lang: 'vi', mode: 'online', questionnaire: threeLevelQuestionnaire },
  argTypes: questionElementArgTypes,
  beforeEach: freshDevice,
  render: renderForm,
};
export default meta;

/** Three levels, nothing chosen: only the province list is open; each list opens once the level above is chosen. */
export const ThreeLevels: Story = {
  name: 'Three levels',
  play: async ({ canvasElement }) => {
    const picker = await shownPicker(canvasElement);
    await expect([...picker.querySelectorAll('select')].map((list) => list.disabled)).toEqual([false, true, true]);
  },
};

/** Three levels answered (through `data`): the path of codes, top first, `["T1", "H1", "X2"]`. */
export const ThreeLevelsAnswered: Story = {
  name: 'Three levels, answered',
  args: { data: { place: ['T1', 'H1', 'X2'] } },
  play: async ({ canvasElement }) => {
    const picker = await shownPicker(canvasElement);
    await waitFor(() => expect([...picker.querySelectorAll('select')].map((list) => list.value)).toEqual(['T1', 'H1', 'X2']));
  },
};

/** Two levels, as in questionnaire.json: province or city, then commune, ward or special zone. */
export const TwoLevels: Story = { name: 'Two levels (since July 2025)', args: { questionnaire: twoLevelQuestionnaire } };

export const TwoLevelsEnglish: Story = { name: 'Two levels (en)', args: { questionnaire: twoLevelQuestionnaire, lang: 'en' } };

/** The search box finds a unit by part of its name without diacritics: "sai gon" lists Phường Sài Gòn with its province. */
export const Search: Story = {
  name: 'Found by name',
  args: { questionnaire: twoLevelQuestionnaire },
  play: async ({ canvasElement }) => {
    const picker = await shownPicker(canvasElement);
    await userEvent.type(picker.querySelector<HTMLInputElement>('[part~="search-input"]')!, 'sai gon');
    await waitFor(() => expect(picker.querySelector('[part~="search-result"]')?.textContent).toContain('Phường Sài Gòn'));
  },
};

/** Only the district chosen where a commune must follow (`fullPath`), after `validate()`: the error under the lists. */
export const ErrorShown: Story = {
  name: 'Error shown (path not complete)',
  args: { data: { place: ['T1', 'H1'] } },
  play: async ({ canvasElement }) => {
    const form = await shownForm(canvasElement);
    await expect(form.validate()).toBe(false);
    await waitFor(() => expect(form.shadowRoot!.querySelector('sipas-admin-unit [part~="question-error"]')).toBeTruthy());
  },
};
