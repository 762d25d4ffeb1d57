/**
 * The questionnaire compiled once for aggregation. Every question the index model or the
 * distributions read becomes a reader with its visibility conditions, and each (question, row)
 * it reads a tally: a run of counters in a flat array (filtered, spoiled, blank, invalid, then
 * one per known answer value). Adding a response increments one counter per tally; satisfied
 * sets and exclusions are applied only when a report is built, so nodes that read the same
 * question and row share their counters.
 */
import {
  answerValues,
  asBuiltIn,
  hasOtherOption,
  listQuestions,
  noOpinionValue,
  OTHER_VALUE,
  questionTypes,
  RESPONSE_VARIABLES,
  satisfiedValues,
  type AnswerValue,
  type IndexMethod,
  type IndexModel,
  type IndexNode,
  type IndexSource,
  type LocalizedString,
  type LocatedQuestion,
  type Questionnaire,
} from '@sipas/schema';
import { compileExpression, type CompiledExpression } from '@sipas/core';
import { boundDropdown } from './dimensions.js';
import { indexError } from './index-error.js';

/** Offsets of the special counters at the start of every tally. */
export const CELL = { filtered: 0, spoiled: 1, blank: 2, invalid: 3, answered: 4 } as const;

/** How a reader takes the answer apart. */
export const SHAPE = {
  /** One value: rating, single, dropdown, boolean, scored custom types. */
  scalar: 0,
  /** An object of rows: likert (one tally per row read). */
  likert: 1,
  /** A list of choices. */
  multiple: 2,
  /** Free text or a custom type without a finite set of values: answered or not. */
  free: 3,
} as const;

export type Shape = (typeof SHAPE)[keyof typeof SHAPE];

/** Answer value → position in a tally's value list, with a direct table for small whole numbers (scale levels). */
export class ValueLookup {
  readonly values: readonly AnswerValue[] | readonly boolean[];
  private readonly small: Int32Array;
  private readonly smallLength: number;
  private readonly other = new Map<unknown, number>();

  constructor(values: readonly (AnswerValue | boolean)[]) {
    this.values = values as AnswerValue[];
    let smallLength = 0;
    for (const value of values) {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 64) smallLength = Math.max(smallLength, value + 1);
    }
    // Stores position + 1, so 0 means "not a value".
    this.small = new Int32Array(smallLength);
    this.smallLength = smallLength;
    values.forEach((value, position) => {
      if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 64) {
        if (this.small[value] === 0) this.small[value] = position + 1;
      } else if (!this.other.has(value)) {
        this.other.set(value, position);
      }
    });
  }

  /** The position of a value, or -1. Values are compared strictly: 4 and "4" differ. */
  find(value: unknown): number {
    if (typeof value === 'number' && value >= 0 && value < this.smallLength && (value | 0) === value) return this.small[value]! - 1;
    const position = this.other.get(value);
    return position === undefined ? -1 : position;
  }
}

export interface Tally {
  question: string;
  row: string | undefined;
  /** The row's name is also a property of Object.prototype, so it is read as an own property only. */
  rowReadsPrototype: boolean;
  /** `question` or `question.row`, as paper.spoiled names it. */
  spoiledKey: string;
  /** Condition (index into Plan.conditions) of the likert row, or -1. */
  rowCondition: number;
  /** First counter of the tally in a group's array. */
  base: number;
  /** Offset of the first value counter from base (after the special counters). */
  valuesOffset: number;
  /** Number of counters, special ones included. */
  size: number;
  lookup: ValueLookup;
}

export interface QuestionReader {
  name: string;
  readsPrototype: boolean;
  shape: Shape;
  /** Conditions of the page, section and question (indices into Plan.conditions): hidden when any is false. */
  conditions: number[];
  tallies: Tally[];
}

export interface ConditionEntry {
  expression: CompiledExpression;
  /** Calls today() or age(), so it is evaluated at the response's submission time. */
  usesClock: boolean;
  /**
   * The one answer the condition reads, when that is all it depends on (one reference, no
   * response variable, no clock): its result can then be remembered per answer value.
   */
  single: { name: string; row: string | undefined; readsPrototype: boolean } | undefined;
}

/** Per value of a tally: how a node counts it. */
export const CATEGORY = { unsatisfied: 0, satisfied: 1, excluded: 2 } as const;

export interface PlanNode {
  id: string;
  label: LocalizedString | undefined;
  method: IndexMethod;
  weight: number;
  source: IndexSource | undefined;
  /** The tally of the node's own source (share and source nodes). */
  tally: Tally | undefined;
  /** CATEGORY per value of the tally. */
  categories: Uint8Array | undefined;
  children: PlanNode[];
  /** Leaf items under the node (nodes without children), for pooled nodes. */
  leaves: PlanNode[];
}

export interface DistributionTarget {
  /** The question name, or `name.row` for a likert row. */
  key: string;
  tally: Tally;
}

export interface QuestionnairePlan {
  root: PlanNode;
  readers: QuestionReader[];
  conditions: ConditionEntry[];
  /** Answer keys the conditions read, copied into the evaluation scope when response variables are needed. */
  conditionKeys: string[];
  /** Some condition reads {channel}, {unit}, {serviceField} or {locale}. */
  conditionsReadVariables: boolean;
  distributions: DistributionTarget[];
  /** Counters per group. */
  cellCount: number;
  /** Dropdowns bound to the hierarchies, standing in for a missing unit / serviceField. */
  unitQuestion: string | undefined;
  fieldQuestion: string | undefined;
}

const CLOCK = /\b(?:today|age)\s*\(/i;

interface QuestionFacts {
  shape: Shape;
  values: (AnswerValue | boolean)[];
  /** May feed an index (a finite set of values that are not a list). */
  scored: boolean;
  /** The scale's satisfied levels, for rating and likert. */
  scaleSatisfied: AnswerValue[] | undefined;
  noOpinion: AnswerValue | undefined;
}

function questionFacts(questionnaire: Questionnaire, located: LocatedQuestion): QuestionFacts {
  const question = located.question;
  const builtIn = asBuiltIn(question);
  const withOther = (values: AnswerValue[]) => (hasOtherOption(question) && !values.includes(OTHER_VALUE) ? [...values, OTHER_VALUE] : values);
  if (!builtIn) {
    const values = answerValues(questionnaire, question, questionTypes);
    return values ? { shape: SHAPE.scalar, values, scored: true, scaleSatisfied: satisfiedValues(questionnaire, question, questionTypes), noOpinion: undefined } : { shape: SHAPE.free, values: [], scored: false, scaleSatisfied: undefined, noOpinion: undefined };
  }
  switch (builtIn.type) {
    case 'likert': {
      const noOpinion = noOpinionValue(builtIn);
      const levels = answerValues(questionnaire, builtIn) ?? [];
      return {
        shape: SHAPE.likert,
        values: noOpinion === undefined || levels.includes(noOpinion) ? levels : [...levels, noOpinion],
        scored: true,
        scaleSatisfied: satisfiedValues(questionnaire, builtIn),
        noOpinion,
      };
    }
    case 'rating':
      return { shape: SHAPE.scalar, values: answerValues(questionnaire, builtIn) ?? [], scored: true, scaleSatisfied: satisfiedValues(questionnaire, builtIn), noOpinion: undefined };
    case 'single':
    case 'dropdown':
      return { shape: SHAPE.scalar, values: withOther(answerValues(questionnaire, builtIn) ?? []), scored: true, scaleSatisfied: undefined, noOpinion: undefined };
    case 'multiple':
      return { shape: SHAPE.multiple, values: withOther(answerValues(questionnaire, builtIn) ?? []), scored: false, scaleSatisfied: undefined, noOpinion: undefined };
    case 'boolean':
      return { shape: SHAPE.scalar, values: [true, false], scored: false, scaleSatisfied: undefined, noOpinion: undefined };
    default:
      return { shape: SHAPE.free, values: [], scored: false, scaleSatisfied: undefined, noOpinion: undefined };
  }
}

/** Compiles the questionnaire's index model; throws IndexError for a model it cannot compute. */
export function compileQuestionnaire(questionnaire: Questionnaire): QuestionnairePlan {
  const model: IndexModel | undefined = questionnaire.sipas?.index;
  if (!model?.root) {
    throw indexError('no-index-model', '/sipas/index', 'Bảng hỏi không có mô hình chỉ số (sipas.index)', 'The questionnaire has no index model (sipas.index)');
  }
  const located = new Map<string, LocatedQuestion>();
  for (const entry of listQuestions(questionnaire)) if (entry.question.type !== 'info') located.set(entry.question.name, entry);

  const conditions: ConditionEntry[] = [];
  const conditionBySource = new Map<string, number>();
  const conditionKeys = new Set<string>();
  let conditionsReadVariables = false;
  const condition = (source: string | undefined): number => {
    if (source === undefined) return -1;
    let position = conditionBySource.get(source);
    if (position === undefined) {
      const expression = compileExpression(source);
      for (const reference of expression.references) {
        if (RESPONSE_VARIABLES.includes(reference.name)) conditionsReadVariables = true;
        else conditionKeys.add(reference.other ? `${reference.name}-other` : reference.name);
      }
      position = conditions.length;
      const usesClock = CLOCK.test(source);
      const keys = new Set(expression.references.map((reference) => `${reference.name}\u0000${reference.row ?? ''}\u0000${reference.other ? 1 : 0}`));
      const only = keys.size === 1 ? expression.references[0]! : undefined;
      const single =
        only && !usesClock && !RESPONSE_VARIABLES.includes(only.name) && only.row !== 'length'
          ? { name: only.other ? `${only.name}-other` : only.name, row: only.row, readsPrototype: only.name in Object.prototype || (only.row !== undefined && only.row in Object.prototype) }
          : undefined;
      conditions.push({ expression, usesClock, single });
      conditionBySource.set(source, position);
    }
    return position;
  };

  const readers = new Map<string, { reader: QuestionReader; facts: QuestionFacts; located: LocatedQuestion }>();
  const tallies = new Map<string, Tally>();
  const readerFor = (name: string, path: string) => {
    const existing = readers.get(name);
    if (existing) return existing;
    const entry = located.get(name);
    if (!entry) {
      throw indexError('index-unknown-question', path, `Không có câu hỏi "${name}" trong bảng hỏi`, `The questionnaire has no question "${name}"`);
    }
    const facts = questionFacts(questionnaire, entry);
    const reader: QuestionReader = {
      name,
      readsPrototype: name in Object.prototype,
      shape: facts.shape,
      conditions: [condition(entry.page.visibleIf), condition(entry.section.visibleIf), condition(entry.question.visibleIf)].filter((c) => c >= 0),
      tallies: [],
    };
    const created = { reader, facts, located: entry };
    readers.set(name, created);
    return created;
  };
  const tallyFor = (name: string, row: string | undefined, path: string): { tally: Tally; facts: QuestionFacts } => {
    const { reader, facts, located: entry } = readerFor(name, path);
    if (facts.shape === SHAPE.likert && row === undefined) {
      throw indexError('index-row-required', `${path}/row`, `Câu dạng bảng "${name}" cần chỉ rõ hàng (row)`, `The likert question "${name}" needs a row`);
    }
    const key = `${name}\u0000${row ?? ''}`;
    let tally = tallies.get(key);
    if (!tally) {
      const rowDefinition = row === undefined ? undefined : asBuiltIn(entry.question)?.type === 'likert' ? (entry.question as { rows: { value: string; visibleIf?: string }[] }).rows.find((r) => r.value === row) : undefined;
      if (row !== undefined && !rowDefinition) {
        throw indexError('index-unknown-row', `${path}/row`, `Câu "${name}" không có hàng "${row}"`, `Question "${name}" has no row "${row}"`);
      }
      const valuesOffset = facts.shape === SHAPE.multiple || facts.shape === SHAPE.free ? CELL.answered + 1 : CELL.answered;
      tally = {
        question: name,
        row,
        rowReadsPrototype: row !== undefined && row in Object.prototype,
        spoiledKey: row === undefined ? name : `${name}.${row}`,
        rowCondition: condition(rowDefinition?.visibleIf),
        base: 0,
        valuesOffset,
        size: valuesOffset + facts.values.length,
        lookup: new ValueLookup(facts.values),
      };
      tallies.set(key, tally);
      reader.tallies.push(tally);
    }
    return { tally, facts };
  };

  const modelExcluded = model.excluded ?? [];
  const compileNode = (node: IndexNode, path: string): PlanNode => {
    const method: IndexMethod = node.method ?? (node.children ? 'mean' : 'share');
    const needsSource = method === 'share' || method === 'source';
    if (needsSource !== (node.source !== undefined) || ((method === 'mean' || method === 'pooled') && !node.children?.length) || (method === 'share' && node.children)) {
      throw indexError(
        'index-method-mismatch',
        `${path}/method`,
        `Nút "${node.id}": phương pháp ${method} không khớp với source/children của nút`,
        `Node "${node.id}": method ${method} does not fit the node's source/children`,
      );
    }
    const children = (node.children ?? []).map((child, i) => compileNode(child, `${path}/children/${i}`));
    let tally: Tally | undefined;
    let categories: Uint8Array | undefined;
    if (node.source) {
      const found = tallyFor(node.source.question, node.source.row, `${path}/source`);
      if (!found.facts.scored) {
        throw indexError('index-not-scored', `${path}/source/question`, `Câu "${node.source.question}" không thể làm nguồn của chỉ số`, `Question "${node.source.question}" cannot be the source of an index`);
      }
      tally = found.tally;
      // Satisfied: the node's, else the model's, else the scale's (whole lists, never merged).
      const satisfied = node.satisfied ?? model.satisfied ?? found.facts.scaleSatisfied ?? [];
      const excluded = [...modelExcluded, ...(node.excluded ?? [])];
      categories = new Uint8Array(tally.lookup.values.length);
      tally.lookup.values.forEach((value, position) => {
        const isExcluded = value === found.facts.noOpinion || (excluded as unknown[]).includes(value);
        categories![position] = isExcluded ? CATEGORY.excluded : (satisfied as unknown[]).includes(value) ? CATEGORY.satisfied : CATEGORY.unsatisfied;
      });
      // A model validateQuestionnaire refuses must not quietly publish 0 %.
      if (!categories.includes(CATEGORY.satisfied)) {
        throw indexError(
          'index-no-satisfied-set',
          `${path}/satisfied`,
          `Nút "${node.id}": không câu trả lời nào của câu hỏi nguồn được tính là hài lòng`,
          `Node "${node.id}": none of the source question's answers counts as satisfied`,
        );
      }
    }
    const leaves = children.length === 0 ? [] : children.flatMap((child) => (child.children.length === 0 ? [child] : child.leaves));
    return { id: node.id, label: node.label, method, weight: node.weight ?? 1, source: node.source, tally, categories, children, leaves };
  };
  const root = compileNode(model.root, '/sipas/index/root');

  const distributions: DistributionTarget[] = [];
  (model.distributions ?? []).forEach((name, i) => {
    const path = `/sipas/index/distributions/${i}`;
    const { facts, located: entry } = readerFor(name, path);
    if (facts.shape === SHAPE.likert) {
      for (const row of (entry.question as { rows: { value: string }[] }).rows) distributions.push({ key: `${name}.${row.value}`, tally: tallyFor(name, row.value, path).tally });
    } else {
      distributions.push({ key: name, tally: tallyFor(name, undefined, path).tally });
    }
  });

  // Lay the tallies out in document order of their questions.
  const orderedReaders = [...readers.values()].sort((a, b) => a.located.path.localeCompare(b.located.path, 'en', { numeric: true })).map((r) => r.reader);
  let cellCount = 0;
  for (const reader of orderedReaders) {
    for (const tally of reader.tallies) {
      tally.base = cellCount;
      cellCount += tally.size;
    }
  }
  return {
    root,
    readers: orderedReaders.filter((reader) => reader.tallies.length > 0),
    conditions,
    conditionKeys: [...conditionKeys],
    conditionsReadVariables,
    distributions,
    cellCount,
    unitQuestion: boundDropdown(questionnaire, 'units'),
    fieldQuestion: boundDropdown(questionnaire, 'serviceFields'),
  };
}
