/**
 * <sipas-designer>, the whole designer, with the standard questionnaires (@sipas/templates), a blank
 * document and one with design errors. Every story sets `autosave="off"`, so Storybook never reads
 * or writes the visitor's drafts, and none sets `server` (no Publish button, nothing leaves the page).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { Question, Questionnaire, SingleQuestion } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import '../src/index.js';
import { QUESTIONNAIRE_CHANGE, type QuestionnaireChangeDetail, type SipasDesigner } from '../src/index.js';
import { blankQuestionnaire } from '../src/components/gallery/index.js';
import { shownDesigner } from './shown-designer.js';

type DesignerArgs = {
  lang: 'vi' | 'en';
  questionnaire: Questionnaire;
};
type Story = StoryObj<DesignerArgs>;

/** A copy of a standard questionnaire (the stories may change it; the template stays as it is). */
function template(id: string): Questionnaire {
  const questionnaire = copyTemplate(id);
  if (!questionnaire) throw new Error(`@sipas/templates has no "${id}"`);
  return questionnaire;
}

/** The question of `questionnaire` named `name` (the stories' own copy, so it may be changed). */
function questionIn(questionnaire: Questionnaire, name: string): Question {
  const question = questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).find((candidate) => candidate.name === name);
  if (!question) throw new Error(`${questionnaire.id} has no question "${name}"`);
  return question;
}

/**
 * SIPAS 2640 half way through an adaptation: the condition of the feedback criteria was cut off
 * mid-edit, the feedback rating still names the filter question by its old name, the second gender
 * choice was given the first one's value and the overall rating lost its English title. Three
 * errors that stop publishing and one translation warning.
 *
 * (An emptied choice list would be an error too, but one of the document's shape: the validator
 * reports shape errors alone, so the expression errors would show only once it is fixed.)
 */
function documentWithDesignErrors(): Questionnaire {
  const questionnaire = template('sipas-2640');
  questionnaire.id = 'sipas-2640-dang-sua';
  Object.assign(questionIn(questionnaire, 'E_criteria'), { visibleIf: '{feedback_given} = ' });
  Object.assign(questionIn(questionnaire, 'E_satisfaction'), { visibleIf: '{feedback} = true' });
  const gender = questionIn(questionnaire, 'gender') as SingleQuestion;
  gender.choices = [gender.choices[0]!, { ...gender.choices[1]!, value: gender.choices[0]!.value }];
  Object.assign(questionIn(questionnaire, 'overall_satisfaction'), { title: 'Nhìn chung, Ông/Bà hài lòng với sự phục vụ của cơ quan ở mức nào?' });
  return questionnaire;
}

const renderDesigner = ({ lang, questionnaire }: DesignerArgs): TemplateResult =>
  html`<sipas-designer lang=${lang} autosave="off" .questionnaire=${questionnaire}></sipas-designer>`;

/** Resolves with the next document the designer announces. */
const nextChange = (designer: SipasDesigner): Promise<Questionnaire> =>
  new Promise((resolve) =>
    designer.addEventListener(QUESTIONNAIRE_CHANGE, (event: CustomEvent<QuestionnaireChangeDetail>) => resolve(event.detail.questionnaire), { once: true }),
  );

const meta: Meta<DesignerArgs> = {
  title: 'Designer/sipas-designer',
  component: 'sipas-designer',
  tags: ['autodocs'],
  parameters: { layout: 'fullscreen' },
  args: { lang: 'vi' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the designer’s own interface (`lang` attribute)' },
    questionnaire: {
      control: false,
      description: 'The document being designed (`questionnaire` property). Setting it opens it: the undo history starts afresh.',
    },
  },
  render: renderDesigner,
};
export default meta;

/** SIPAS 2640 opened for adaptation: eight pages, the toolbox, the canvas of the first page and its properties. */
export const Sipas2640: Story = {
  name: 'SIPAS 2640 (vi)',
  args: { questionnaire: template('sipas-2640') },
};

/**
 * The same document with the interface in English. The questionnaire's texts are still edited in
 * Vietnamese (the format's required language); "Editing language" switches the canvas to English.
 */
export const Sipas2640English: Story = {
  name: 'SIPAS 2640 (en)',
  args: { questionnaire: template('sipas-2640'), lang: 'en' },
};

/** "Phiếu trống": one page, one section, one text question, valid from the first moment. */
export const Blank: Story = {
  name: 'Blank questionnaire',
  args: { questionnaire: blankQuestionnaire() },
};

/** A document with design errors, shown in the Checks view; each item selects the element at fault. */
export const DesignErrors: Story = {
  name: 'Design errors (Checks view)',
  args: { questionnaire: documentWithDesignErrors() },
  play: async ({ canvasElement }) => {
    const designer = await shownDesigner(canvasElement);
    designer.view = 'checks';
    await designer.updateComplete;
    const checks = designer.shadowRoot!.querySelector('sipas-designer-checks');
    await expect(checks).toBeTruthy();
    await waitFor(() => expect(checks!.shadowRoot!.querySelectorAll('ul.error [part~="item"]').length).toBe(3));
    const tab = designer.shadowRoot!.querySelector('#tab-checks')!;
    await expect(tab.getAttribute('aria-selected')).toBe('true');
  },
};

/** "+ Thêm trang" adds a page after the current one and opens it; the document changes once. */
export const AddPage: Story = {
  name: 'Adding a page',
  args: { questionnaire: template('counter-3') },
  play: async ({ canvasElement }) => {
    const designer = await shownDesigner(canvasElement);
    const root = designer.shadowRoot!;
    const pagesBefore = designer.questionnaire.pages.length;
    const addPage = [...root.querySelectorAll<HTMLButtonElement>('button.add')].find((button) => button.textContent?.includes('Thêm trang'));
    await expect(addPage).toBeTruthy();
    const changed = nextChange(designer);
    await userEvent.click(addPage!);
    const questionnaire = await changed;
    await expect(questionnaire.pages.length).toBe(pagesBefore + 1);
    await expect(designer.questionnaire).toBe(questionnaire);
    await waitFor(() => expect(root.querySelectorAll('[data-page-tab]').length).toBe(pagesBefore + 1));
  },
};

/** Enter on a toolbox item inserts that type after the selection, as a click does. */
export const InsertFromToolbox: Story = {
  name: 'Inserting a question from the toolbox (keyboard)',
  args: { questionnaire: template('kiosk-quick') },
  play: async ({ canvasElement }) => {
    const designer = await shownDesigner(canvasElement);
    const toolbox = await waitFor(() => {
      const element = designer.shadowRoot!.querySelector('sipas-designer-toolbox');
      if (!element?.shadowRoot?.querySelector('button[data-type="boolean"]')) throw new Error('the toolbox shows no items yet');
      return element;
    });
    const countQuestions = (questionnaire: Questionnaire) => questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).length;
    const questionsBefore = countQuestions(designer.questionnaire);
    const changed = nextChange(designer);
    toolbox.shadowRoot!.querySelector<HTMLButtonElement>('button[data-type="boolean"]')!.focus();
    await userEvent.keyboard('{Enter}');
    const questionnaire = await changed;
    await expect(countQuestions(questionnaire)).toBe(questionsBefore + 1);
    await expect(questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).some((question) => question.type === 'boolean')).toBe(true);
  },
};
