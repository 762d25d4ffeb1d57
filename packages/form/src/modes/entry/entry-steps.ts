/**
 * The data-entry sheet's model, DOM-free: the items a clerk types, in questionnaire order (a likert
 * row, the text of an "other" option and every other question are one item each), the codes that
 * pick their options, and the answers a key leads to. The sheet renders these; the key plan of the
 * tests and the benchmark walks them the same way.
 */
import type { Form } from '@sipas/core';
import {
  asBuiltIn,
  flattenHierarchy,
  hasOtherOption,
  isAnswerable,
  listQuestions,
  localize,
  noneValue,
  noOpinionValue,
  OTHER_SUFFIX,
  OTHER_VALUE,
  resolveScale,
  type Answer,
  type AnswerValue,
  type Question,
  type Questionnaire,
} from '@sipas/schema';
import { entryText } from './entry-text.js';

/**
 * How an item is typed: `pick` takes one code (single choice, rating, likert row, yes/no, a short
 * list), `multiple` toggles codes, `dropdown` takes a code or a few letters of a name, `text` and
 * `comment` are typed out, `other` is the text of an "other" option.
 */
export type StepKind = 'pick' | 'multiple' | 'dropdown' | 'text' | 'comment' | 'other';

/** Explicit markers of an item without an answer: left blank on paper, or several boxes ticked. */
export type Mark = 'blank' | 'spoiled';

export interface EntryOption {
  /** What the clerk types: the level value of a numeric scale, otherwise the position (1, 2, …). */
  code: string;
  value: AnswerValue | boolean;
  label: string;
}

export interface EntryStep {
  /** The question name, `name.row` for a likert row (as paper.spoiled lists it), `name-other` for the text of "other". */
  id: string;
  /** The question the item belongs to. */
  name: string;
  row?: string;
  /** The answer key events carry: the question name, or `name-other`. */
  key: string;
  kind: StepKind;
  /** Position in the questionnaire, stable whatever is shown: question index × 1000 + row. */
  order: number;
  /** What the sheet prints before the item: `12`, `8.3` for a likert row, `5+` for an "other" text (paper numbering). */
  number: string;
  /** The question's printed number. */
  questionNumber: string;
  /** The question title; for a likert row, the row's statement. */
  title: string;
  /** The likert row's code (A1, B2…) when it has one. */
  rowCode?: string;
  /** The options offered now (hidden choices and rows left out), each with its code. */
  options: EntryOption[];
  /** Multiple choice: the most options the question allows (a `count` rule), after which the sheet moves on. */
  max?: number;
  /** Multiple choice: the exclusive "none" option, after which the sheet moves on. */
  exclusive?: AnswerValue;
  enabled: boolean;
  /** Text items: the HTML input mode that suits them. */
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel';
  /** A spoiled marker (several boxes ticked) applies to tick-box items only. */
  canSpoil: boolean;
}

/** Numeric scales are typed by their level values (1–5 is typed as printed); others by position. */
function scaleCodes(values: readonly AnswerValue[]): string[] {
  const digits = values.every((value) => typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 9);
  const distinct = new Set(values).size === values.length;
  return digits && distinct ? values.map(String) : values.map((_, i) => String(i + 1));
}

/** Codes for extra options (no opinion, other, none) continue after the highest code. */
function nextCode(codes: readonly string[]): string {
  return String(codes.reduce((highest, code) => Math.max(highest, Number(code)), 0) + 1);
}

/** Every option of a question with its code, whether shown now or not: codes never move. */
export function codedOptions(questionnaire: Questionnaire, question: Question, locale: string): EntryOption[] {
  const builtIn = asBuiltIn(question);
  if (!builtIn) return [];
  const otherLabel = (): string => {
    const other = 'other' in builtIn ? builtIn.other : undefined;
    return typeof other === 'object' && other ? localize(other.text, locale) : entryText('other', locale);
  };
  const positional = (entries: { value: AnswerValue; label: string }[]): EntryOption[] => entries.map((entry, i) => ({ code: String(i + 1), ...entry }));
  const withExtras = (options: EntryOption[], extras: { value: AnswerValue; label: string }[]): EntryOption[] => {
    for (const extra of extras) options.push({ code: nextCode(options.map((option) => option.code)), ...extra });
    return options;
  };
  switch (builtIn.type) {
    case 'single':
    case 'multiple': {
      const options = positional(builtIn.choices.map((choice) => ({ value: choice.value, label: localize(choice.text, locale) })));
      const extras: { value: AnswerValue; label: string }[] = [];
      if (builtIn.other) extras.push({ value: OTHER_VALUE, label: otherLabel() });
      const none = noneValue(builtIn);
      if (none !== undefined && builtIn.type === 'multiple') {
        const text = typeof builtIn.none === 'object' && builtIn.none.text ? localize(builtIn.none.text, locale) : locale === 'en' ? 'None of these' : 'Không có';
        extras.push({ value: none, label: text });
      }
      return withExtras(options, extras);
    }
    case 'dropdown': {
      const entries = builtIn.choicesFrom
        ? flattenHierarchy(questionnaire.sipas?.[builtIn.choicesFrom.list])
            .filter((item) => builtIn.choicesFrom!.level === undefined || item.level === builtIn.choicesFrom!.level)
            .map((item) => ({ value: item.id, label: localize(item.label, locale) }))
        : (builtIn.choices ?? []).map((choice) => ({ value: choice.value, label: localize(choice.text, locale) }));
      return withExtras(positional(entries), builtIn.other ? [{ value: OTHER_VALUE, label: otherLabel() }] : []);
    }
    case 'rating':
    case 'likert': {
      const levels = resolveScale(questionnaire, builtIn.scale)?.levels ?? [];
      const codes = scaleCodes(levels.map((level) => level.value));
      const options = levels.map((level, i) => ({ code: codes[i]!, value: level.value, label: localize(level.text, locale) }));
      const noOpinion = builtIn.type === 'likert' ? noOpinionValue(builtIn) : undefined;
      if (builtIn.type === 'likert' && noOpinion !== undefined) {
        const text = typeof builtIn.noOpinion === 'object' && builtIn.noOpinion.text ? localize(builtIn.noOpinion.text, locale) : locale === 'en' ? 'No opinion' : 'Không ý kiến';
        withExtras(options, [{ value: noOpinion, label: text }]);
      }
      return options;
    }
    case 'boolean':
      return [
        { code: '1', value: true, label: builtIn.labelTrue ? localize(builtIn.labelTrue, locale) : entryText('yes', locale) },
        { code: '2', value: false, label: builtIn.labelFalse ? localize(builtIn.labelFalse, locale) : entryText('no', locale) },
      ];
    default:
      return [];
  }
}

/**
 * The number each answerable question is printed with, as the print mode numbers the paper form:
 * 1, 2, 3… in questionnaire order, hidden or not, or the questions' codes when every answerable
 * question has a distinct one (SIPAS 2023–2026: R1…R7, Q1…Q11).
 */
export function paperNumbers(questionnaire: Questionnaire): Map<string, string> {
  const answerable = listQuestions(questionnaire)
    .map(({ question }) => question)
    .filter(isAnswerable);
  const codes = answerable.map((question) => ('code' in question && typeof question.code === 'string' ? question.code : ''));
  const useCodes = codes.length > 0 && codes.every((code) => code !== '') && new Set(codes).size === codes.length;
  return new Map(answerable.map((question, index) => [question.name, useCodes ? codes[index]! : String(index + 1)]));
}

const INPUT_MODES = { number: 'decimal', email: 'email', tel: 'tel', date: 'numeric', text: 'text' } as const;

/** The items shown now, in questionnaire order; numbers follow the printed form (every question counts). */
export function entrySteps(form: Form): EntryStep[] {
  const { questionnaire } = form;
  const steps: EntryStep[] = [];
  const numbers = paperNumbers(questionnaire);
  let index = 0;
  for (const { question } of listQuestions(questionnaire)) {
    if (!isAnswerable(question)) continue;
    const questionNumber = numbers.get(question.name)!;
    const order = ++index * 1000;
    const { name } = question;
    if (!form.isVisible(name)) continue;
    const builtIn = asBuiltIn(question);
    const enabled = form.isEnabled(name);
    const title = form.text(question.title);
    const offered = (options: EntryOption[], name: string) => options.filter((option) => typeof option.value === 'boolean' || form.isItemVisible(name, option.value));
    const common = { name, key: name, questionNumber, enabled, title };
    switch (builtIn?.type) {
      case 'likert': {
        const options = codedOptions(questionnaire, question, form.locale);
        builtIn.rows.forEach((row, r) => {
          if (!form.isItemVisible(name, row.value)) return;
          steps.push({
            ...common,
            id: `${name}.${row.value}`,
            row: row.value,
            kind: 'pick',
            order: order + r + 1,
            number: `${questionNumber}.${r + 1}`,
            title: form.text(row.text),
            ...(row.code ? { rowCode: row.code } : {}),
            options,
            canSpoil: true,
          });
        });
        continue;
      }
      case 'single':
      case 'rating':
      case 'boolean':
        steps.push({ ...common, id: name, kind: 'pick', order, number: questionNumber, options: offered(codedOptions(questionnaire, question, form.locale), name), canSpoil: true });
        break;
      case 'dropdown':
        steps.push({ ...common, id: name, kind: 'dropdown', order, number: questionNumber, options: offered(codedOptions(questionnaire, question, form.locale), name), canSpoil: true });
        break;
      case 'multiple': {
        const max = builtIn.validators?.find((rule) => rule.type === 'count')?.max;
        const exclusive = noneValue(builtIn);
        steps.push({
          ...common,
          id: name,
          kind: 'multiple',
          order,
          number: questionNumber,
          options: offered(codedOptions(questionnaire, question, form.locale), name),
          ...(max !== undefined ? { max } : {}),
          ...(exclusive !== undefined ? { exclusive } : {}),
          canSpoil: true,
        });
        break;
      }
      case 'comment':
        steps.push({ ...common, id: name, kind: 'comment', order, number: questionNumber, options: [], canSpoil: false });
        break;
      default:
        // Text, and custom types typed as text (their normalize takes a string).
        steps.push({
          ...common,
          id: name,
          kind: 'text',
          order,
          number: questionNumber,
          options: [],
          inputMode: builtIn?.type === 'text' ? INPUT_MODES[builtIn.inputType ?? 'text'] : 'text',
          canSpoil: false,
        });
    }
    if (hasOtherOption(question) && otherChosen(form.getValue(name))) {
      const other = codedOptions(questionnaire, question, form.locale).find((option) => option.value === OTHER_VALUE);
      steps.push({
        ...common,
        id: `${name}${OTHER_SUFFIX}`,
        key: `${name}${OTHER_SUFFIX}`,
        kind: 'other',
        order: order + 999,
        number: `${questionNumber}+`,
        title: entryText('otherOf', form.locale, other?.label ?? entryText('other', form.locale)),
        options: [],
        canSpoil: false,
      });
    }
  }
  return steps;
}

const otherChosen = (value: Answer | undefined): boolean => (Array.isArray(value) ? value.includes(OTHER_VALUE) : value === OTHER_VALUE);

/** The answer an item holds now (a likert row's level, an "other" text). */
export function stepAnswer(form: Form, step: EntryStep): Answer | undefined {
  const value = form.getValue(step.key);
  if (step.row === undefined) return value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, AnswerValue>)[step.row] : undefined;
}

/** The `sipas-question-input` detail that gives an item this answer (undefined clears it). */
export function answerInput(form: Form, step: EntryStep, value: Answer | undefined): { key: string; value: unknown } {
  if (step.row === undefined) return { key: step.key, value };
  const current = form.getValue(step.name);
  const rows: Record<string, unknown> = typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...current } : {};
  if (value === undefined) delete rows[step.row];
  else rows[step.row] = value;
  return { key: step.name, value: Object.keys(rows).length > 0 ? rows : undefined };
}

/** Multiple choice after ticking or unticking one option. */
export function toggled(current: Answer | undefined, value: AnswerValue): AnswerValue[] | undefined {
  const list = Array.isArray(current) ? [...current] : [];
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  else list.push(value);
  return list.length > 0 ? list : undefined;
}

/** Multiple choice moves on by itself once nothing more can be ticked: "none", or the most allowed. */
export function multipleComplete(step: EntryStep, answer: Answer | undefined): boolean {
  if (!Array.isArray(answer)) return false;
  if (step.exclusive !== undefined && answer.includes(step.exclusive)) return true;
  return step.max !== undefined && answer.length >= step.max;
}

export type CodeResult =
  /** The code is complete and no longer code starts with it: pick (and move on). */
  | { kind: 'pick'; option: EntryOption }
  /** More digits may follow; `exact` is what Enter would pick now. */
  | { kind: 'pending'; exact?: EntryOption }
  | { kind: 'invalid' };

/** What the digits typed so far in an item mean. */
export function resolveCode(options: readonly EntryOption[], typed: string): CodeResult {
  const exact = options.find((option) => option.code === typed);
  const longer = options.some((option) => option.code !== typed && option.code.startsWith(typed));
  if (exact && !longer) return { kind: 'pick', option: exact };
  if (longer) return exact ? { kind: 'pending', exact } : { kind: 'pending' };
  return { kind: 'invalid' };
}

/** Lower case without Vietnamese diacritics, so "xay dung" finds "Xây dựng". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/** Options whose label holds every word typed, those starting with the first word first. */
export function matchOptions(options: readonly EntryOption[], query: string): EntryOption[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const found = options.filter((option) => {
    const label = fold(option.label);
    return words.every((word) => label.includes(word));
  });
  const first = words[0]!;
  return [...found.filter((option) => fold(option.label).startsWith(first)), ...found.filter((option) => !fold(option.label).startsWith(first))];
}

/** The codes of an item's answer, as the sheet shows them in its box. */
export function answerCodes(step: EntryStep, answer: Answer | undefined): string {
  if (answer === undefined) return '';
  const codeOf = (value: unknown) => step.options.find((option) => option.value === value)?.code ?? String(value);
  if (Array.isArray(answer)) return answer.map(codeOf).join(' ');
  if (step.kind === 'text' || step.kind === 'comment' || step.kind === 'other') return String(answer);
  return codeOf(answer);
}

/** The label of an item's answer ("Hài lòng", "Nam, Nữ"). */
export function answerLabel(step: EntryStep, answer: Answer | undefined): string {
  if (answer === undefined) return '';
  const labelOf = (value: unknown) => step.options.find((option) => option.value === value)?.label ?? String(value);
  if (Array.isArray(answer)) return answer.map(labelOf).join(', ');
  if (step.kind === 'text' || step.kind === 'comment' || step.kind === 'other') return String(answer);
  return labelOf(answer);
}

/** The first item after a position in questionnaire order (the items may have changed meanwhile). */
export function stepAfter(steps: readonly EntryStep[], order: number): EntryStep | undefined {
  return steps.find((step) => step.enabled && step.order > order);
}

export function stepBefore(steps: readonly EntryStep[], order: number): EntryStep | undefined {
  return [...steps].reverse().find((step) => step.enabled && step.order < order);
}
