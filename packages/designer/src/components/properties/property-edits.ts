/**
 * The property panel's changes as pure functions of the document (DOM-free, tested under Node):
 * setting a property of the selected element, writing one translation of a text, reading typed
 * answer values, and the list operations of the choices editor.
 */
import { isBuiltInType, type AnswerValue, type LocalizedString, type Question, type Questionnaire, type Validator, type ValidatorType } from '@sipas/schema';
import { getIn, updateIn, type PathKey } from '../../model/immutable.js';
import { locate } from '../../model/locate.js';
import type { Selection } from '../../model/edit.js';
import { ELEMENT_NAME } from '../../model/values.js';

/** The path of the selected element in this document (found by name: the document may have changed). */
export function elementPath(questionnaire: Questionnaire, selection: Selection): PathKey[] | undefined {
  if (selection.kind === 'questionnaire') return [];
  const found = locate(questionnaire, selection.name);
  return found && found.kind === selection.kind ? found.path : undefined;
}

/**
 * The document with the selected element's property at `rest` set to `value` (`undefined` removes
 * it). The same document when nothing changes, so an edit that changes nothing costs nothing.
 */
export function setProperty(questionnaire: Questionnaire, selection: Selection, rest: readonly PathKey[], value: unknown): Questionnaire {
  const base = elementPath(questionnaire, selection);
  if (!base || rest.length === 0) return questionnaire;
  const path = [...base, ...rest];
  if (Object.is(getIn(questionnaire, path), value)) return questionnaire;
  if (value === undefined && getIn(questionnaire, path.slice(0, -1)) === undefined) return questionnaire;
  return updateIn(questionnaire, path, () => value);
}

/** The text of a LocalizedString in one language ('' when absent; a plain string is Vietnamese). */
export function textIn(text: unknown, language: string): string {
  if (typeof text === 'string') return language === 'vi' ? text : '';
  if (text !== null && typeof text === 'object') {
    const value = (text as Record<string, unknown>)[language];
    return typeof value === 'string' ? value : '';
  }
  return '';
}

/** Why a typed translation is not written: a required text emptied, or a translation with no Vietnamese. */
export type TranslationProblem = 'required' | 'vietnamese-needed' | 'vietnamese-kept';

export type TranslationResult = { ok: true; value: LocalizedString | undefined } | { ok: false; problem: TranslationProblem };

const isBlank = (text: string): boolean => text.trim() === '';

/**
 * A LocalizedString with the text of one language replaced. Vietnamese is required by the format:
 * emptying it removes an optional text that has no other translation, and is refused (kept as a
 * draft, the document unchanged) for a required text or one that still has translations. Emptying
 * another language removes that translation; a text left with Vietnamese only becomes a plain string.
 */
export function withTranslation(old: unknown, language: string, typed: string, required: boolean): TranslationResult {
  const translations: Record<string, string> =
    typeof old === 'string' ? { vi: old } : old !== null && typeof old === 'object' ? { ...(old as Record<string, string>) } : {};
  if (isBlank(typed)) delete translations[language];
  else translations[language] = typed;
  const others = Object.keys(translations).filter((locale) => locale !== 'vi' && !isBlank(translations[locale] ?? ''));
  const vietnamese = translations.vi;
  if (vietnamese === undefined || isBlank(vietnamese)) {
    if (others.length > 0) return { ok: false, problem: language === 'vi' ? 'vietnamese-kept' : 'vietnamese-needed' };
    if (required) return { ok: false, problem: 'required' };
    return { ok: true, value: undefined };
  }
  if (others.length === 0) return { ok: true, value: vietnamese };
  const result: Record<string, string> = { vi: vietnamese };
  for (const locale of others) result[locale] = translations[locale]!;
  return { ok: true, value: result as LocalizedString };
}

const NUMBER_TEXT = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A typed answer value: digits read as a number (scale-like values 1…5), anything else as text. */
export const parseAnswerValue = (typed: string): AnswerValue => (NUMBER_TEXT.test(typed.trim()) ? Number(typed.trim()) : typed.trim());

/** How a list's values are made and checked: choices and scale levels take any answer value; likert rows need names. */
export type ListValueKind = 'answer' | 'name';

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export interface ListItem {
  value: AnswerValue;
  text: LocalizedString;
  code?: string;
  visibleIf?: string;
}

/** `count` fresh values after the list's own: numbers after the largest one, or r1, r2… for likert rows. */
export function nextValues(items: readonly { value: AnswerValue }[], count: number, kind: ListValueKind): AnswerValue[] {
  const taken = new Set(items.map((item) => String(item.value)));
  const values: AnswerValue[] = [];
  if (kind === 'name') {
    for (let n = items.length + 1; values.length < count; n += 1) if (!taken.has(`r${n}`)) values.push(`r${n}`);
    return values;
  }
  const numbers = items.map((item) => item.value).filter((value): value is number => typeof value === 'number' && Number.isInteger(value));
  for (let n = Math.max(0, ...numbers) + 1; values.length < count; n += 1) if (!taken.has(String(n))) values.push(n);
  return values;
}

/** For each item, the index of an earlier item with the same value (a duplicate), or -1. */
export function duplicateOf(items: readonly { value: AnswerValue }[]): number[] {
  const first = new Map<string, number>();
  return items.map((item, index) => {
    const key = String(item.value);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    return earlier ?? -1;
  });
}

export interface PastedLines {
  items: ListItem[];
  /** 1-based numbers of pasted lines whose value is not a valid name (likert rows). */
  badLines: number[];
}

/**
 * Items from pasted lines: `value|text` (likert rows: `value|text|code`) or just the text, the
 * value then numbered after the list's own. Blank lines are skipped. Text goes in as Vietnamese.
 */
export function parsePastedLines(pasted: string, existing: readonly ListItem[], kind: ListValueKind): PastedLines {
  const lines = pasted
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '');
  const parsed = lines.map(({ line, number }) => {
    const parts = line.split('|').map((part) => part.trim());
    const hasValue = parts.length > 1 && parts[0] !== '';
    if (!hasValue) return { number, value: undefined, text: parts.filter((part) => part !== '').join(' '), code: undefined };
    if (kind === 'name') return { number, value: parts[0], text: parts[1] ?? '', code: parts[2] || undefined };
    return { number, value: parts[0], text: parts.slice(1).join('|').trim(), code: undefined };
  });
  const fresh = nextValues(existing, parsed.filter((p) => p.value === undefined).length, kind);
  const badLines: number[] = [];
  const items = parsed.map((p): ListItem => {
    const value: AnswerValue = p.value === undefined ? fresh.shift()! : kind === 'name' ? p.value : parseAnswerValue(p.value);
    if (kind === 'name' && !ELEMENT_NAME.test(String(value))) badLines.push(p.number);
    const item: ListItem = { value, text: p.text === '' ? String(value) : p.text };
    if (p.code) item.code = p.code;
    return item;
  });
  return { items, badLines };
}

/** The list with the item at `from` moved to `to` (a copy; the same list when out of range). */
export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

/** Why a regular expression is refused, or undefined when the engine (`new RegExp(p, 'u')`) accepts it. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern === '') return 'empty';
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export const VALIDATOR_TYPES: readonly ValidatorType[] = ['range', 'length', 'pattern', 'count', 'expression'];

const inputTypeOf = (question: Question): string | undefined =>
  question.type === 'text' ? String((question as { inputType?: unknown }).inputType ?? 'text') : undefined;

/**
 * The rule types that mean something for the question (the format's `validator-not-applicable`
 * check): a range of numbers or dates, a length or pattern of text, a count of selected options;
 * a condition fits any. Custom types may use them all.
 */
export function applicableValidatorTypes(question: Question): ValidatorType[] {
  if (!isBuiltInType(question.type)) return [...VALIDATOR_TYPES];
  const inputType = inputTypeOf(question);
  const textual = question.type === 'comment' || (inputType !== undefined && inputType !== 'number' && inputType !== 'date');
  const applies: Record<ValidatorType, boolean> = {
    range: inputType === 'number' || inputType === 'date',
    length: textual,
    pattern: textual,
    count: question.type === 'multiple',
    expression: true,
  };
  return VALIDATOR_TYPES.filter((type) => applies[type]);
}

/**
 * A new rule of a type that is valid as it stands (the format needs a bound, a pattern, or an
 * expression and message), for the author to adjust; the message carries over on a type change.
 */
export function defaultValidator(type: ValidatorType, question: Question, message?: LocalizedString): Validator {
  const withMessage = <T extends Validator>(rule: T): T => (message === undefined ? rule : { ...rule, message });
  switch (type) {
    case 'range':
      return withMessage(inputTypeOf(question) === 'date' ? { type, min: '2000-01-01' } : { type, min: 0 });
    case 'length':
      return withMessage({ type, max: 200 });
    case 'count':
      return withMessage({ type, max: 3 });
    case 'pattern':
      return withMessage({ type, pattern: '^[0-9]+$' });
    case 'expression':
      return { type, expression: `{${question.name}} notempty`, message: message ?? { vi: 'Câu trả lời chưa hợp lệ', en: 'The answer is not valid' } };
  }
}
