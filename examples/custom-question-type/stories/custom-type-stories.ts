/**
 * What the stories of the example question types share: both types registered as a page would
 * register them (their index.ts, the same module a bundled app imports), the example questionnaire
 * (questionnaire.json, which `npm start` publishes) and a `<sipas-form>` to show questions in.
 * No story sets `endpoint`, so a submitted response stays in the page (nothing leaves the machine).
 */
import type { ArgTypes } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import type { Answer, Question, Questionnaire } from '@sipas/schema';
import '@sipas/form';
import type { FormMode } from '@sipas/form';
import '../faces/index.js';
import '../admin-unit/index.js';
import questionnaireJson from '../questionnaire.json';

export { freshDevice, shownForm } from '../../../packages/form/stories/story-helpers.js';

/** The form stories' args: the form's language and mode, the questionnaire and its answers. */
export type FormArgs = {
  lang: 'vi' | 'en';
  mode: FormMode;
  questionnaire: Questionnaire;
  data?: Record<string, Answer>;
};

/** The example questionnaire: three faces questions (counted in the QUAY index) and an admin-unit question. */
export const customTypesDemo = questionnaireJson as unknown as Questionnaire;

/** The questions of the example questionnaire of `type`. */
export function demoQuestions(type: string): Question[] {
  const questions = customTypesDemo.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).filter((question) => question.type === type);
  if (questions.length === 0) throw new Error(`questionnaire.json has no "${type}" question`);
  return questions;
}

/** A one-page questionnaire of `questions`, with the example's texts and languages. */
export function questionnaireOf(id: string, questions: Question[]): Questionnaire {
  return {
    formatVersion: customTypesDemo.formatVersion,
    id,
    title: customTypesDemo.title,
    locales: customTypesDemo.locales,
    settings: { progressBar: false },
    pages: [{ name: 'only_page', sections: [{ name: 'questions', questions }] }],
  } as Questionnaire;
}

export const renderForm = ({ lang, mode, questionnaire, data }: FormArgs): TemplateResult =>
  html`<sipas-form lang=${lang} mode=${mode} .data=${data ?? {}} .questionnaire=${questionnaire}></sipas-form>`;

export const formArgTypes: Partial<ArgTypes<FormArgs>> = {
  lang: { control: 'inline-radio', options: ['vi', 'en'], description: 'Language of the form (`lang` attribute)' },
  mode: { control: 'select', options: ['online', 'kiosk', 'entry', 'print'], description: 'How answers are collected (`mode` attribute)' },
  questionnaire: { control: false, description: 'The questionnaire document (`questionnaire` property)' },
  data: { control: 'object', description: 'The answers (`data` property)' },
};

/** The story's own args are the form's, not the element's: a question element's tables leave them out. */
const notTheElements = { table: { disable: true } };

/** argTypes of a question element's docs page, whose stories show the element inside a `<sipas-form>`. */
export const questionElementArgTypes: Partial<ArgTypes<FormArgs>> = { lang: notTheElements, mode: notTheElements, questionnaire: notTheElements, data: notTheElements };
