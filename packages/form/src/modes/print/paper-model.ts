/**
 * What the paper form shows, worked out from the questionnaire without a DOM: every page, section
 * and question whatever the answers (paper hides nothing; conditions become printed instructions),
 * the number each question is referred to by, tick boxes, likert grids and ruled lines. The
 * <sipas-print-sheet> element only lays this out.
 */
import { displayAnswer, valueLabel } from '@sipas/core';
import {
  asBuiltIn,
  isAnswerable,
  listQuestions,
  localize,
  noOpinionValue,
  noneValue,
  OTHER_VALUE,
  resolveScale,
  type Choice,
  type HierarchyItem,
  type LikertQuestion,
  type LocalizedString,
  type Question,
  type Questionnaire,
} from '@sipas/schema';
import { printWord, type PaperLanguage } from './print-words.js';
import { describeCondition, skipInstruction, type SkipContext } from './skip-instruction.js';

/** One tick box of a list, or (heading) the name of a group of boxes, such as a province above its communes. */
export interface PaperBox {
  label: string;
  /** A printed condition of the choice: "chỉ chọn nếu …". */
  note?: string;
  /** Nesting in a tree of units (0 at the top). */
  depth: number;
  heading?: boolean;
}

/** How many columns a list of boxes takes (1–4); `inline` lists run on one line, like a rating. */
export type BoxLayout = 'inline' | 1 | 2 | 3 | 4;

export interface PaperGridRow {
  code?: string;
  label: string;
  /** A condition on this row alone (rows without codes). */
  note?: string;
}

export type PaperGridLine = ({ kind: 'row' } & PaperGridRow) | { kind: 'note'; text: string };

export type PaperAnswer =
  /** Tick boxes: choices, scale levels, yes/no, units; `other` is the "Khác (ghi rõ)" write-in. */
  | { kind: 'boxes'; boxes: PaperBox[]; layout: BoxLayout; other?: string }
  /** The likert grid: statements down, levels across. */
  | { kind: 'grid'; levels: string[]; lines: PaperGridLine[]; codes: boolean }
  /** Ruled lines to write on. */
  | { kind: 'lines'; count: number; label?: string }
  | { kind: 'date' }
  /** Information text: paragraphs, nothing to answer. */
  | { kind: 'info'; text: string };

export interface PaperQuestion {
  name: string;
  /** The printed number ("12", or the question's code when every question has one); none for info text. */
  number?: string;
  title: string;
  description?: string;
  /** The printed skip instruction, from `visibleIf`. */
  instruction?: string;
  /** "(Có thể chọn nhiều ô)" and the like. */
  hint?: string;
  answer: PaperAnswer;
}

export interface PaperSection {
  name: string;
  title?: string;
  description?: string;
  instruction?: string;
  questions: PaperQuestion[];
}

export interface PaperPage {
  name: string;
  title?: string;
  description?: string;
  instruction?: string;
  sections: PaperSection[];
}

export interface PaperForm {
  language: PaperLanguage;
  /** "Mẫu phiếu sipas-2640, phiên bản 1". */
  template: string;
  agency?: string;
  period?: string;
  pages: PaperPage[];
}

/** Lists of units or fields longer than this get a line to write the name on instead of boxes. */
export const LONG_LIST_BOXES = 150;
/** Ruled lines of a comment question that does not say how many rows it has. */
const COMMENT_LINES = 4;

/**
 * The number each answerable question is printed with. Paper always numbers its questions (skip
 * instructions and the clerk typing the form in refer to them), even when the screen does not.
 * When every answerable question carries a distinct code (SIPAS 2023–2026: R1…R7, Q1…Q11), the
 * codes are the form's own numbering and are printed instead.
 */
export function paperNumbers(questionnaire: Questionnaire): Map<string, string> {
  const answerable = listQuestions(questionnaire)
    .map(({ question }) => question)
    .filter(isAnswerable);
  const codes = answerable.map((question) => ('code' in question && typeof question.code === 'string' ? question.code : undefined));
  const useCodes = codes.length > 0 && codes.every((code) => code !== undefined && code !== '') && new Set(codes).size === codes.length;
  return new Map(answerable.map((question, index) => [question.name, useCodes ? codes[index]! : String(index + 1)]));
}

/** The paper form of a questionnaire in a language. */
export function paperForm(questionnaire: Questionnaire, language: PaperLanguage): PaperForm {
  const numbers = paperNumbers(questionnaire);
  const context: SkipContext = { questionnaire, language, labelOf: (name) => numbers.get(name) };
  const text = (value: LocalizedString | undefined): string | undefined => (value === undefined ? undefined : paperText(value, language));
  const survey = questionnaire.sipas?.survey;
  const period = survey?.period;
  return {
    language,
    template: printWord('template', language, questionnaire.id, questionnaire.version ?? 1),
    agency: text(survey?.agency),
    period: text(period?.label) ?? (period?.from && period.to ? printWord('periodRange', language, paperDate(period.from), paperDate(period.to)) : undefined),
    pages: questionnaire.pages.map((page) => ({
      name: page.name,
      title: text(page.title),
      description: text(page.description),
      instruction: page.visibleIf ? skipInstruction(page.visibleIf, 'part', context) : undefined,
      sections: page.sections.map((section) => ({
        name: section.name,
        title: text(section.title),
        description: text(section.description),
        instruction: section.visibleIf ? skipInstruction(section.visibleIf, 'part', context) : undefined,
        questions: section.questions.map((question) => paperQuestion(question, numbers.get(question.name), context)),
      })),
    })),
  };
}

/**
 * A questionnaire text for paper: `{name}` (an answer piped into the text) cannot be known when
 * the form is printed, so it leaves a gap to read around.
 */
export function paperText(value: LocalizedString, language: PaperLanguage): string {
  return localize(value, language).replace(/\{\s*[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?\s*\}/g, '……');
}

/** 2024-08-01 → 01/08/2024, as Vietnamese documents write dates. */
function paperDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return year && month && day ? `${day}/${month}/${year}` : isoDate;
}

function paperQuestion(question: Question, number: string | undefined, context: SkipContext): PaperQuestion {
  const { language } = context;
  return {
    name: question.name,
    number,
    title: question.title === undefined ? '' : paperText(question.title, language),
    description: question.description === undefined ? undefined : paperText(question.description, language),
    instruction: question.visibleIf ? skipInstruction(question.visibleIf, 'question', context) : undefined,
    hint: question.type === 'multiple' ? printWord('multiple', language) : undefined,
    answer: paperAnswer(question, context),
  };
}

function paperAnswer(question: Question, context: SkipContext): PaperAnswer {
  const { questionnaire, language } = context;
  const builtIn = asBuiltIn(question);
  const label = (value: string | number) => valueLabel(questionnaire, question, value, language);
  switch (builtIn?.type) {
    case 'info':
      return { kind: 'info', text: builtIn.text === undefined ? '' : paperText(builtIn.text, language) };
    case 'single':
    case 'multiple': {
      const boxes = choiceBoxes(builtIn.choices, context);
      const none = noneValue(builtIn);
      if (none !== undefined) boxes.push({ label: label(none), depth: 0 });
      return { kind: 'boxes', boxes, layout: builtIn.columns ? columnsOf(builtIn.columns) : layoutFor(boxes), other: otherLabel(question, context) };
    }
    case 'dropdown': {
      if (!builtIn.choicesFrom) {
        const boxes = choiceBoxes(builtIn.choices ?? [], context);
        return { kind: 'boxes', boxes, layout: layoutFor(boxes), other: otherLabel(question, context) };
      }
      const boxes = hierarchyBoxes(questionnaire.sipas?.[builtIn.choicesFrom.list]?.items ?? [], builtIn.choicesFrom.level, language);
      const count = boxes.filter((box) => !box.heading).length;
      if (count > LONG_LIST_BOXES) return { kind: 'lines', count: 1, label: printWord('writeIn', language) };
      return { kind: 'boxes', boxes, layout: count > 8 ? 3 : 2, other: otherLabel(question, context) };
    }
    case 'rating': {
      const levels = resolveScale(questionnaire, builtIn.scale)?.levels ?? [];
      return { kind: 'boxes', boxes: levels.map((level) => ({ label: paperText(level.text, language), depth: 0 })), layout: 'inline' };
    }
    case 'boolean':
      return {
        kind: 'boxes',
        boxes: [true, false].map((value) => ({ label: displayAnswer(questionnaire, question, value, language), depth: 0 })),
        layout: 'inline',
      };
    case 'likert':
      return likertGrid(builtIn, context);
    case 'comment':
      return { kind: 'lines', count: Math.max(1, Math.min(builtIn.rows ?? COMMENT_LINES, 12)) };
    case 'text':
      return builtIn.inputType === 'date' ? { kind: 'date' } : { kind: 'lines', count: 1 };
    default:
      // A custom type: room to write its answer.
      return { kind: 'lines', count: 2 };
  }
}

function choiceBoxes(choices: Choice[], context: SkipContext): PaperBox[] {
  return choices.map((choice) => ({
    label: paperText(choice.text, context.language),
    depth: 0,
    note: choice.visibleIf ? skipInstruction(choice.visibleIf, 'choice', context) : undefined,
  }));
}

/** "Khác (ghi rõ)": the questionnaire's own words for "other", with "ghi rõ" added when they lack it. */
function otherLabel(question: Question, context: SkipContext): string | undefined {
  const builtIn = asBuiltIn(question);
  if (!builtIn || !('other' in builtIn) || !builtIn.other) return undefined;
  const label = valueLabel(context.questionnaire, question, OTHER_VALUE, context.language);
  const specify = printWord('specify', context.language);
  return label.toLowerCase().includes(specify) ? label : `${label} (${specify})`;
}

const columnsOf = (columns: number): BoxLayout => (Math.max(1, Math.min(4, Math.round(columns))) as 1 | 2 | 3 | 4);

/** Short labels share a line; longer ones take fewer, wider columns. */
function layoutFor(boxes: PaperBox[]): BoxLayout {
  const longest = Math.max(0, ...boxes.map((box) => box.label.length + (box.note?.length ?? 0)));
  const total = boxes.reduce((sum, box) => sum + box.label.length, 0);
  if (boxes.length <= 3 && total <= 60) return 'inline';
  const columns = longest <= 14 ? 4 : longest <= 24 ? 3 : longest <= 50 ? 2 : 1;
  return columnsOf(Math.min(columns, boxes.length));
}

/**
 * Units or service fields as a tree of boxes. With a level (communes only), the items above it
 * are printed as headings over their boxes, so two communes of the same name stay apart.
 */
function hierarchyBoxes(items: HierarchyItem[], level: string | undefined, language: PaperLanguage): PaperBox[] {
  const boxes: PaperBox[] = [];
  const hasChoice = (item: HierarchyItem): boolean => level === undefined || item.level === level || (item.children ?? []).some(hasChoice);
  const visit = (list: HierarchyItem[], depth: number): void => {
    for (const item of list) {
      if (!hasChoice(item)) continue;
      const chosen = level === undefined || item.level === level;
      boxes.push({ label: paperText(item.label, language), depth, heading: chosen ? undefined : true });
      visit(item.children ?? [], depth + 1);
    }
  };
  visit(items, 0);
  // A list with no tree in it (service fields) has no headings and no depth to show.
  return boxes;
}

function likertGrid(question: LikertQuestion, context: SkipContext): PaperAnswer {
  const { questionnaire, language } = context;
  const levels = (resolveScale(questionnaire, question.scale)?.levels ?? []).map((level) => paperText(level.text, language));
  const noOpinion = noOpinionValue(question);
  if (noOpinion !== undefined) levels.push(valueLabel(questionnaire, question, noOpinion, language));
  const codes = question.rows.length > 0 && question.rows.every((row) => row.code);
  const lines: PaperGridLine[] = [];
  // Rows whose condition differs from the question's own. With codes, a run of rows under one
  // condition gets one note above it ("Các dòng S-A1–S-D3: …"); without, each row says it.
  const rowCondition = (index: number): string | undefined => {
    const condition = question.rows[index]?.visibleIf;
    return condition && condition !== question.visibleIf ? condition : undefined;
  };
  question.rows.forEach((row, index) => {
    const condition = rowCondition(index);
    const label = paperText(row.text, language);
    if (condition && codes) {
      if (rowCondition(index - 1) !== condition) {
        let last = index;
        while (rowCondition(last + 1) === condition) last++;
        const range = last === index ? row.code! : `${row.code}–${question.rows[last]!.code}`;
        lines.push({ kind: 'note', text: printWord('onlyIfRows', language, range, describeCondition(condition, context)) });
      }
      lines.push({ kind: 'row', code: row.code, label });
    } else {
      lines.push({ kind: 'row', code: row.code, label, note: condition ? skipInstruction(condition, 'question', context) : undefined });
    }
  });
  return { kind: 'grid', levels, lines, codes };
}
