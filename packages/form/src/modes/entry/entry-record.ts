/**
 * One typed paper form as data, DOM-free: its header (serial, enumerator, sample), answers and
 * markers; the `paper` block of the response it becomes; and the item-by-item comparison of two
 * entries of the same form (double entry).
 */
import { displayAnswer, valueLabel } from '@sipas/core';
import {
  isAnswerable,
  listQuestions,
  localize,
  hasOtherOption,
  normalizeSerial,
  OTHER_SUFFIX,
  type Answer,
  type AnswerValue,
  type LikertQuestion,
  type Question,
  type Questionnaire,
  type Response,
} from '@sipas/schema';
import { entryText } from './entry-text.js';
import { paperNumbers, type EntryStep, type Mark } from './entry-steps.js';

export type Sample = 'official' | 'reserve';

export interface EntryHeader {
  serial: string;
  enumerator: string;
  sample: Sample | '';
}

/** What a clerk typed for one paper form. */
export interface EntrySnapshot extends EntryHeader {
  /** The answers as the response would carry them (shown questions only). */
  answers: Record<string, Answer>;
  /** Markers by item id (`name`, `name.row`, `name-other`). */
  marks: Record<string, Mark>;
}

/** The response's `paper` block: spoiled lists the spoiled items shown now (blanks are absent answers). */
export function paperOf(header: EntryHeader, marks: ReadonlyMap<string, Mark>, steps: readonly EntryStep[]): NonNullable<Response['paper']> {
  const spoiled = steps.filter((step) => step.canSpoil && marks.get(step.id) === 'spoiled').map((step) => step.id);
  return {
    serial: normalizeSerial(header.serial),
    ...(header.enumerator.trim() ? { enumerator: header.enumerator.trim() } : {}),
    ...(header.sample ? { sample: header.sample } : {}),
    ...(spoiled.length > 0 ? { spoiled } : {}),
  };
}

/** A submitted response as an entry again (to reopen one the server refused): unanswered shown items read as blank. */
export function snapshotOfResponse(response: Response): EntrySnapshot {
  const marks: Record<string, Mark> = {};
  for (const item of response.paper?.spoiled ?? []) marks[item] = 'spoiled';
  return {
    serial: response.paper?.serial ?? '',
    enumerator: response.paper?.enumerator ?? '',
    sample: response.paper?.sample ?? '',
    answers: structuredClone(response.answers),
    marks,
  };
}

/** The answer keys of a set of answers in questionnaire order, each question before its "other" text. */
export function keysInOrder(questionnaire: Questionnaire, answers: Record<string, Answer>): string[] {
  const keys: string[] = [];
  for (const { question } of listQuestions(questionnaire)) {
    if (Object.hasOwn(answers, question.name)) keys.push(question.name);
    if (Object.hasOwn(answers, `${question.name}${OTHER_SUFFIX}`)) keys.push(`${question.name}${OTHER_SUFFIX}`);
  }
  return keys;
}

/** What one item holds in an entry: an answer, a marker, or nothing. */
export interface Cell {
  answer?: Answer;
  mark?: Mark;
}

export interface EntryDifference {
  /** The item id, or `#enumerator` / `#sample` for the header. */
  id: string;
  /** The question the item belongs to (empty for the header). */
  name: string;
  number: string;
  title: string;
  first: Cell;
  second: Cell;
  firstText: string;
  secondText: string;
}

interface CellSpec {
  id: string;
  name: string;
  row?: string;
  key: string;
  number: string;
  /** The question's title, or a likert row's code and statement. */
  title: string;
  question: Question;
  other?: boolean;
}

/** Every item a questionnaire can have, shown or not, in order. */
function allCells(questionnaire: Questionnaire, locale: string): CellSpec[] {
  const cells: CellSpec[] = [];
  const numbers = paperNumbers(questionnaire);
  for (const { question } of listQuestions(questionnaire)) {
    if (!isAnswerable(question)) continue;
    const number = numbers.get(question.name)!;
    const title = localize(question.title, locale);
    if (question.type === 'likert') {
      (question as LikertQuestion).rows.forEach((row, r) =>
        cells.push({ id: `${question.name}.${row.value}`, name: question.name, row: row.value, key: question.name, number: `${number}.${r + 1}`, title: `${row.code ?? row.value}: ${localize(row.text, locale)}`, question }),
      );
    } else {
      cells.push({ id: question.name, name: question.name, key: question.name, number, title, question });
    }
    if (hasOtherOption(question)) {
      const key = `${question.name}${OTHER_SUFFIX}`;
      cells.push({ id: key, name: question.name, key, number: `${number}+`, title: entryText('otherOf', locale, title), question, other: true });
    }
  }
  return cells;
}

function cellOf(entry: EntrySnapshot, spec: CellSpec): Cell {
  const mark = entry.marks[spec.id];
  const value = entry.answers[spec.key];
  const answer = spec.row === undefined ? value : typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, Answer>)[spec.row] : undefined;
  // An answer wins: a marker on an answered item is stale.
  if (answer !== undefined) return { answer };
  return mark ? { mark } : {};
}

/** Order does not matter in multiple choice. */
const comparable = (cell: Cell): string => JSON.stringify(Array.isArray(cell.answer) ? { ...cell, answer: [...cell.answer].map(String).sort() } : cell);

function cellText(questionnaire: Questionnaire, spec: CellSpec, cell: Cell, locale: string): string {
  if (cell.mark === 'blank') return entryText('blank', locale);
  if (cell.mark === 'spoiled') return entryText('spoiled', locale);
  if (cell.answer === undefined) return entryText('absent', locale);
  if (spec.other) return String(cell.answer);
  const label = spec.row !== undefined ? valueLabel(questionnaire, spec.question, cell.answer as AnswerValue, locale) : displayAnswer(questionnaire, spec.question, cell.answer, locale);
  return typeof cell.answer === 'number' && label !== String(cell.answer) ? `${cell.answer} · ${label}` : label;
}

/**
 * The items where two entries of one paper form differ, in questionnaire order, header first. A
 * blank and an absent answer are the same on paper (both mean no answer), so only a spoiled marker
 * or an answer makes a difference against them.
 */
export function compareEntries(questionnaire: Questionnaire, first: EntrySnapshot, second: EntrySnapshot, locale: string): EntryDifference[] {
  const differences: EntryDifference[] = [];
  const header = (id: '#enumerator' | '#sample', label: string, a: string, b: string, text: (value: string) => string) => {
    if (a === b) return;
    differences.push({ id, name: '', number: '', title: label, first: { answer: a }, second: { answer: b }, firstText: text(a), secondText: text(b) });
  };
  const sampleText = (value: string) => (value === 'official' || value === 'reserve' ? entryText(value, locale) : entryText('absent', locale));
  header('#enumerator', entryText('enumerator', locale), first.enumerator.trim(), second.enumerator.trim(), (value) => value || entryText('absent', locale));
  header('#sample', entryText('sample', locale), first.sample, second.sample, sampleText);
  const noAnswer = (cell: Cell): Cell => (cell.mark === 'blank' ? {} : cell);
  for (const spec of allCells(questionnaire, locale)) {
    const a = cellOf(first, spec);
    const b = cellOf(second, spec);
    if (comparable(noAnswer(a)) === comparable(noAnswer(b))) continue;
    differences.push({
      id: spec.id,
      name: spec.name,
      number: spec.number,
      title: spec.title,
      first: a,
      second: b,
      firstText: cellText(questionnaire, spec, a, locale),
      secondText: cellText(questionnaire, spec, b, locale),
    });
  }
  return differences;
}

/**
 * The entry that results from resolving the differences: the second entry with, where the clerk
 * chose the first, the first entry's value of that item.
 */
export function resolveEntries(questionnaire: Questionnaire, first: EntrySnapshot, second: EntrySnapshot, choices: ReadonlyMap<string, 'first' | 'second'>): EntrySnapshot {
  const result: EntrySnapshot = structuredClone(second);
  const specs = new Map(allCells(questionnaire, 'vi').map((spec) => [spec.id, spec]));
  for (const [id, choice] of choices) {
    if (choice !== 'first') continue;
    if (id === '#enumerator') result.enumerator = first.enumerator;
    else if (id === '#sample') result.sample = first.sample;
    const spec = specs.get(id);
    if (!spec) continue;
    const cell = cellOf(first, spec);
    delete result.marks[id];
    if (cell.mark) result.marks[id] = cell.mark;
    if (spec.row === undefined) {
      if (cell.answer === undefined) delete result.answers[spec.key];
      else result.answers[spec.key] = cell.answer;
      continue;
    }
    const current = result.answers[spec.key];
    const rows: Record<string, Answer> = typeof current === 'object' && current !== null && !Array.isArray(current) ? { ...(current as Record<string, Answer>) } : {};
    if (cell.answer === undefined) delete rows[spec.row];
    else rows[spec.row] = cell.answer;
    if (Object.keys(rows).length > 0) result.answers[spec.key] = rows as Answer;
    else delete result.answers[spec.key];
  }
  return result;
}
