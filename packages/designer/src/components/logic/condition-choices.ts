/**
 * What the condition builder offers: the questions a rule can name (grouped by page), the rows of
 * a likert grid, the values an answer can take (choices, scale levels, yes/no), and which named
 * questions sit on a later page than the element that owns the condition.
 */
import { valueLabel } from '@sipas/core';
import {
  CHANNELS,
  RESPONSE_VARIABLES,
  asBuiltIn,
  answerValues,
  flattenHierarchy,
  hasOtherOption,
  isAnswerable,
  localize,
  noOpinionValue,
  parseExpression,
  OTHER_VALUE,
  type Question,
  type Questionnaire,
} from '@sipas/schema';
import { locate } from '../../model/locate.js';
import type { ScalarValue } from '../../model/condition-model.js';
import { logicText as t, type LogicStringKey } from './logic-strings.js';
import { displayText } from '../../model/values.js';

export interface NamedOption {
  name: string;
  label: string;
}

export interface QuestionGroupOption {
  label: string;
  options: NamedOption[];
}

export interface ValueOption {
  value: ScalarValue;
  label: string;
}

const MAX_LABEL = 70;

const shorten = (text: string): string => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/** A title in the language, or undefined when there is none. */
const VARIABLE_KEYS: Readonly<Record<string, LogicStringKey>> = { channel: 'varChannel', unit: 'varUnit', serviceField: 'varServiceField', locale: 'varLocale' };

/** The answerable questions other than `subject`, page by page, then the response variables. */
export function questionGroups(questionnaire: Questionnaire, subject: string, lang: string): QuestionGroupOption[] {
  const groups: QuestionGroupOption[] = questionnaire.pages.map((page, p) => ({
    label: t('pageGroup', lang, p + 1, displayText(page.title, lang) ?? page.name),
    options: page.sections.flatMap((section) =>
      section.questions
        .filter((question) => isAnswerable(question) && question.name !== subject)
        .map((question) => ({ name: question.name, label: shorten(`${displayText(question.title, lang) ?? question.name} (${question.name})`) })),
    ),
  }));
  const variables = RESPONSE_VARIABLES.map((name) => ({ name, label: `${Object.hasOwn(VARIABLE_KEYS, name) ? t(VARIABLE_KEYS[name]!, lang) : name} (${name})` }));
  return [...groups.filter((group) => group.options.length > 0), { label: t('responseVariables', lang), options: variables }];
}

/** The question of that name, when it is one. */
export function questionNamed(questionnaire: Questionnaire, name: string): Question | undefined {
  const found = locate(questionnaire, name);
  return found?.kind === 'question' ? (found.element as Question) : undefined;
}

/** The rows of a likert grid, for `{name.row}`; empty for any other question. */
export function rowOptions(question: Question | undefined, lang: string): NamedOption[] {
  const builtIn = question && asBuiltIn(question);
  if (builtIn?.type !== 'likert') return [];
  return builtIn.rows.map((row) => ({ name: row.value, label: shorten(`${displayText(row.text, lang) ?? row.value} (${row.value})`) }));
}

const labelled = (value: ScalarValue, label: string): ValueOption => ({ value, label: label === String(value) ? label : `${String(value)} – ${shorten(label)}` });

/**
 * The values an answer can take, as the builder offers them in a list: choices (and "other"),
 * scale levels of a rating or of one likert row, yes/no, the response variables' lists. Undefined
 * where answers are free (text, comment, a whole likert grid, custom types).
 */
export function valueOptions(questionnaire: Questionnaire, name: string, row: string | undefined, lang: string): ValueOption[] | undefined {
  const question = questionNamed(questionnaire, name);
  if (!question) return variableOptions(questionnaire, name, lang);
  const builtIn = asBuiltIn(question);
  if (!builtIn) return undefined;
  if (builtIn.type === 'boolean') {
    return [
      { value: true, label: displayText(builtIn.labelTrue, lang) ?? t('yes', lang) },
      { value: false, label: displayText(builtIn.labelFalse, lang) ?? t('no', lang) },
    ];
  }
  if (builtIn.type === 'likert' && row === undefined) return undefined;
  const values = answerValues(questionnaire, question);
  if (!values) return undefined;
  const all = [...values];
  if (hasOtherOption(question)) all.push(OTHER_VALUE);
  if (builtIn.type === 'likert') {
    const noOpinion = noOpinionValue(builtIn);
    if (noOpinion !== undefined) all.push(noOpinion);
  }
  return all.map((value) => labelled(value, valueLabel(questionnaire, question, value, lang)));
}

function variableOptions(questionnaire: Questionnaire, name: string, lang: string): ValueOption[] | undefined {
  switch (name) {
    case 'channel':
      return CHANNELS.map((channel) => ({ value: channel, label: channel }));
    case 'locale':
      return (questionnaire.locales ?? ['vi']).map((locale) => ({ value: locale, label: locale }));
    case 'unit':
    case 'serviceField':
      return flattenHierarchy(questionnaire.sipas?.[name === 'unit' ? 'units' : 'serviceFields']).map((item) => labelled(item.id, localize(item.label, lang)));
    default:
      return undefined;
  }
}

/** Whether the question's answers are numbers typed in a box (a number text field). */
export function takesNumbers(questionnaire: Questionnaire, name: string): boolean {
  const question = questionNamed(questionnaire, name);
  return question?.type === 'text' && (question as { inputType?: string }).inputType === 'number';
}

/** The page index of an element (page, section or question), if it exists. */
const pageOf = (questionnaire: Questionnaire, name: string): number | undefined => locate(questionnaire, name)?.page;

/**
 * Notes about a valid expression owned by `subject`: the questions it names that sit on a later
 * page (they have no answer yet when the condition is checked) and whether it names the subject.
 */
export function referenceNotes(questionnaire: Questionnaire, subject: string, expression: string | undefined): { laterPage: string[]; self: boolean } {
  const notes = { laterPage: [] as string[], self: false };
  if (!expression || !subject) return notes;
  const parsed = parseExpression(expression);
  if (!parsed.ok) return notes;
  const subjectPage = pageOf(questionnaire, subject);
  for (const reference of parsed.references) {
    if (reference.name === subject) notes.self = true;
    const page = questionNamed(questionnaire, reference.name) ? pageOf(questionnaire, reference.name) : undefined;
    if (subjectPage !== undefined && page !== undefined && page > subjectPage && !notes.laterPage.includes(reference.name)) notes.laterPage.push(reference.name);
  }
  return notes;
}
