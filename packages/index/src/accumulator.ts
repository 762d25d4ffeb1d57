/**
 * Streaming aggregation: an accumulator holds counters only (one flat array per group), so its
 * memory does not grow with the number of responses, and partial accumulators (shards, periods)
 * merge into exactly what aggregating everything at once gives.
 */
import type { Questionnaire, Response } from '@sipas/schema';
import { checkDate, compileDimension, dayReader, parseUtcOffset, stringAnswer, type DimensionReader, type DimensionValue, type ResponseFacts } from './dimensions.js';
import { indexError } from './index-error.js';
import { CELL, compileQuestionnaire, SHAPE, type ConditionEntry, type QuestionnairePlan, type Tally } from './plan.js';
import { compareText, distributionResults, nodeResult, rank, type Counts } from './report.js';
import type { Dimension, GroupResult, IndexOptions, IndexReport } from './types.js';

/** Counters of one group. */
interface GroupCounters {
  /** The group's value per `by` dimension (undefined: the responses have none). */
  values: (string | undefined)[];
  responses: number;
  cells: Uint32Array;
}

/** A plain copy of an accumulator's counters, to store or send to another thread and restore later. */
export interface AccumulatorSnapshot {
  /** Identifies the questionnaire and options; restoring into another gives an error. */
  signature: string;
  responses: number;
  overall: number[];
  groups: { values: (string | null)[]; responses: number; cells: number[] }[];
}

interface WhereFilter {
  reader: DimensionReader;
  allowed: Set<string>;
}

/** Stands for a missing dimension value in the group tree. */
const MISSING = '\u0000';
const EMPTY_ANSWERS: Readonly<Record<string, never>> = Object.freeze({});
/**
 * Counters are 32-bit (half the memory of doubles, so a group's counters stay in the CPU's fastest
 * cache): at most this many responses per group.
 */
const MAX_COUNT = 0xffff_ffff;
const tooMany = () =>
  indexError('too-many-responses', '', `Một nhóm không thể có quá ${MAX_COUNT} phiếu`, `A group cannot hold more than ${MAX_COUNT} responses`);
/** Marks a condition result that is not to be remembered. */
const MEMO_NONE = Symbol('not remembered');
/** Distinct answer values remembered per condition (free text could have any number). */
const MEMO_LIMIT = 256;

const keep = (value: DimensionValue, allowed: Set<string>): boolean => {
  if (value === undefined) return false;
  if (typeof value === 'string') return allowed.has(value);
  return value.some((item) => allowed.has(item));
};

export class IndexAccumulator {
  readonly questionnaire: Questionnaire;
  readonly options: IndexOptions;
  private readonly plan: QuestionnairePlan;
  private readonly by: DimensionReader[];
  private readonly where: WhereFilter[];
  /** yyyymmdd bounds, inclusive. */
  private readonly from: number | undefined;
  private readonly to: number | undefined;
  private readonly readDay: ((timestamp: string) => number) | undefined;
  private readonly signature: string;
  /**
   * When every response falls in exactly one group, it is counted in its group only and the
   * overall counters are the sum of the groups' (worked out in result()): half the increments.
   */
  private readonly overallFromGroups: boolean;

  private readonly overall: GroupCounters;
  /** Every group, in order of appearance. */
  private readonly groups: GroupCounters[] = [];
  /** Groups by their value of each dimension in turn (no key strings are built per response). */
  private readonly groupTree = new Map<string, unknown>();

  // Scratch space reused for every response: nothing below is allocated per item.
  private readonly facts: ResponseFacts;
  private readonly conditionStamp: Uint32Array;
  private readonly conditionValue: Uint8Array;
  private readonly memos: Map<unknown, boolean>[];
  private stamp = 0;
  private scopeStamp = 0;
  private readonly scope: Record<string, unknown> = {};
  private clockStamp = 0;
  private clock: { now: Date } = { now: new Date(0) };
  private readonly dimensionValues: (string | undefined)[];

  constructor(questionnaire: Questionnaire, options: IndexOptions = {}) {
    this.questionnaire = questionnaire;
    this.options = copyOptions(options);
    this.plan = compileQuestionnaire(questionnaire);
    this.by = (options.by ?? []).map((dimension, i) => compileDimension(questionnaire, dimension, `/by/${i}`));
    this.where = Object.entries(options.where ?? {}).map(([dimension, allowed]) => ({
      reader: compileDimension(questionnaire, dimension, `/where/${dimension}`),
      allowed: new Set((allowed ?? []).map(String)),
    }));
    this.from = options.from === undefined ? undefined : checkDate(options.from, '/from');
    this.to = options.to === undefined ? undefined : checkDate(options.to, '/to');
    const needsDate = this.from !== undefined || this.to !== undefined || this.by.some((r) => r.needsDate) || this.where.some((w) => w.reader.needsDate);
    const utcOffsetMinutes = options.utcOffset === undefined ? undefined : parseUtcOffset(options.utcOffset, '/utcOffset');
    this.readDay = needsDate ? dayReader(utcOffsetMinutes) : undefined;
    this.signature = JSON.stringify([questionnaire.id, questionnaire.version ?? null, questionnaire.sipas?.index, this.plan.cellCount, this.options]);

    this.overallFromGroups = this.by.length > 0 && !this.by.some((reader) => reader.mayListSeveral);
    this.overall = { values: [], responses: 0, cells: new Uint32Array(this.plan.cellCount) };
    this.facts = { response: undefined as unknown as Response, day: -1, unit: undefined, field: undefined };
    this.conditionStamp = new Uint32Array(this.plan.conditions.length);
    this.conditionValue = new Uint8Array(this.plan.conditions.length);
    this.memos = this.plan.conditions.map(() => new Map<unknown, boolean>());
    this.dimensionValues = this.by.map(() => undefined);
  }

  /**
   * Counts one response; false when the date range or a `where` filter leaves it out. Assumes the
   * response was validated against the questionnaire (values outside it count as `invalid`).
   */
  add(response: Response): boolean {
    const facts = this.facts;
    facts.response = response;
    const answers = response.answers ?? EMPTY_ANSWERS;
    if (this.readDay) facts.day = this.readDay(response.submittedAt);
    facts.unit = response.unit ?? stringAnswer(answers, this.plan.unitQuestion);
    facts.field = response.serviceField ?? stringAnswer(answers, this.plan.fieldQuestion);
    if (this.from !== undefined && (facts.day < 0 || facts.day < this.from)) return false;
    if (this.to !== undefined && (facts.day < 0 || facts.day > this.to)) return false;
    for (const filter of this.where) if (!keep(filter.reader.read(facts), filter.allowed)) return false;

    // Conditions are evaluated once per response, however many groups it is counted in.
    this.nextStamp();
    if (this.by.length === 0) {
      this.countIn(this.overall, response, answers);
    } else if (this.overallFromGroups) {
      this.overall.responses++;
      this.countIn(this.groupOf(facts)!, response, answers); // no dimension lists several values here
    } else {
      this.countIn(this.overall, response, answers);
      const group = this.groupOf(facts);
      if (group) this.countIn(group, response, answers);
      else for (const each of this.combinationsOf(facts)) this.countIn(each, response, answers);
    }
    return true;
  }

  /** Adds the counts of another accumulator over the same questionnaire and options. */
  merge(other: IndexAccumulator): void {
    if (other.signature !== this.signature) {
      throw indexError(
        'incompatible-accumulator',
        '',
        'Chỉ gộp được các bộ cộng dồn của cùng một bảng hỏi với cùng tùy chọn',
        'Only accumulators of the same questionnaire with the same options can be merged',
      );
    }
    const sources = [...other.groups];
    addInto(this.overall, other.overall.cells, other.overall.responses);
    for (const group of sources) addInto(this.groupFor(group.values), group.cells, group.responses);
  }

  /** The counters as plain data (see AccumulatorSnapshot). */
  snapshot(): AccumulatorSnapshot {
    return {
      signature: this.signature,
      responses: this.overall.responses,
      overall: Array.from(this.overall.cells),
      groups: this.groups.map((group) => ({ values: group.values.map((v) => v ?? null), responses: group.responses, cells: Array.from(group.cells) })),
    };
  }

  /** Adds a snapshot taken from an accumulator of the same questionnaire and options. */
  restore(snapshot: AccumulatorSnapshot): void {
    const fits = (cells: readonly number[]) => Array.isArray(cells) && cells.length === this.plan.cellCount;
    if (
      snapshot.signature !== this.signature ||
      !fits(snapshot.overall) ||
      !snapshot.groups.every((group) => fits(group.cells) && group.values.length === this.by.length)
    ) {
      throw indexError('incompatible-accumulator', '', 'Bản chụp thuộc bảng hỏi hoặc tùy chọn khác', 'The snapshot belongs to another questionnaire or other options');
    }
    addInto(this.overall, snapshot.overall, snapshot.responses);
    for (const group of snapshot.groups) {
      const values = group.values.map((v) => v ?? undefined);
      addInto(this.groupFor(values), group.cells, group.responses);
    }
  }

  result(): IndexReport {
    const plan = this.plan;
    const dimensions = this.options.by ?? [];
    const toGroup = (counters: { values: (string | undefined)[]; responses: number; cells: Counts }): GroupResult => {
      const key: Partial<Record<Dimension, string>> = {};
      counters.values.forEach((value, i) => {
        if (value !== undefined) key[dimensions[i]!] = value;
      });
      return { key, responses: counters.responses, root: nodeResult(plan.root, counters.cells), distributions: distributionResults(plan.distributions, counters.cells) };
    };
    const sorted = [...this.groups].sort((a, b) => {
      for (let i = 0; i < a.values.length; i++) {
        const x = a.values[i];
        const y = b.values[i];
        if (x === y) continue;
        if (x === undefined) return 1;
        if (y === undefined) return -1;
        return compareText(x, y);
      }
      return 0;
    });
    const groups = sorted.map(toGroup);
    const report: IndexReport = {
      questionnaire: this.questionnaire.version === undefined ? { id: this.questionnaire.id } : { id: this.questionnaire.id, version: this.questionnaire.version },
      options: copyOptions(this.options),
      responses: this.overall.responses,
      overall: toGroup(this.overallCounters()),
      groups,
    };
    const only = dimensions.length === 1 ? dimensions[0]! : undefined;
    if (only !== undefined && (only === 'unit' || only.startsWith('unit:'))) {
      const entries = groups
        .filter((group) => group.key[only] !== undefined)
        .map((group) => ({ key: group.key[only]!, index: group.root.index, nValid: group.root.nValid }));
      report.ranking = { dimension: only, entries: rank(entries) };
    }
    return report;
  }

  /** A new stamp for the response; when the 32 bits run out, the marks of earlier responses are cleared. */
  private nextStamp(): void {
    this.stamp = (this.stamp + 1) >>> 0;
    if (this.stamp === 0) {
      this.conditionStamp.fill(0);
      this.scopeStamp = 0;
      this.clockStamp = 0;
      this.stamp = 1;
    }
  }

  /** The overall counters, summed from the groups when responses are counted in their group only. */
  private overallCounters(): { values: (string | undefined)[]; responses: number; cells: Counts } {
    if (!this.overallFromGroups) return this.overall;
    const cells = Float64Array.from(this.overall.cells);
    for (const group of this.groups) {
      const groupCells = group.cells;
      for (let i = 0; i < cells.length; i++) cells[i]! += groupCells[i]!;
    }
    return { values: [], responses: this.overall.responses, cells };
  }

  // --- per response ---------------------------------------------------------------------------

  /** Adds one to the counter of every tally for this response, in a group's counters. */
  private countIn(group: GroupCounters, response: Response, answers: Record<string, unknown>): void {
    const plan = this.plan;
    const cells = group.cells;
    if (group.responses === MAX_COUNT) throw tooMany();
    group.responses++;
    const spoiled = response.paper?.spoiled;
    const anySpoiled = spoiled !== undefined && spoiled.length > 0;
    for (const reader of plan.readers) {
      let hidden = false;
      for (const condition of reader.conditions) {
        if (!this.condition(condition, response, answers)) {
          hidden = true;
          break;
        }
      }
      const answer = reader.readsPrototype && !Object.hasOwn(answers, reader.name) ? undefined : answers[reader.name];
      const questionSpoiled = anySpoiled && spoiled.includes(reader.name);
      const tallies = reader.tallies;
      switch (reader.shape) {
        case SHAPE.scalar: {
          const tally = tallies[0]!;
          cells[hidden ? tally.base + CELL.filtered : questionSpoiled ? tally.base + CELL.spoiled : valueCell(tally, answer)]!++;
          break;
        }
        case SHAPE.likert: {
          const rows = typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as Record<string, unknown>) : undefined;
          if (rows !== undefined && !hidden && !anySpoiled) {
            // The common case: a shown grid on a form that is not spoiled.
            for (let i = 0; i < tallies.length; i++) {
              const tally = tallies[i]!;
              cells[
                tally.rowCondition >= 0 && !this.condition(tally.rowCondition, response, answers)
                  ? tally.base + CELL.filtered
                  : valueCell(tally, tally.rowReadsPrototype && !Object.hasOwn(rows, tally.row!) ? undefined : rows[tally.row!])
              ]!++;
            }
            break;
          }
          const answerBlank = rows === undefined && isBlank(answer);
          for (let i = 0; i < tallies.length; i++) {
            const tally = tallies[i]!;
            let cell: number;
            if (hidden || (tally.rowCondition >= 0 && !this.condition(tally.rowCondition, response, answers))) cell = tally.base + CELL.filtered;
            else if (questionSpoiled || (anySpoiled && spoiled.includes(tally.spoiledKey))) cell = tally.base + CELL.spoiled;
            else if (rows === undefined) cell = tally.base + (answerBlank ? CELL.blank : CELL.invalid);
            else cell = valueCell(tally, tally.rowReadsPrototype && !Object.hasOwn(rows, tally.row!) ? undefined : rows[tally.row!]);
            cells[cell]!++;
          }
          break;
        }
        case SHAPE.multiple: {
          const tally = tallies[0]!;
          if (hidden) cells[tally.base + CELL.filtered]!++;
          else if (questionSpoiled) cells[tally.base + CELL.spoiled]!++;
          else if (Array.isArray(answer) && answer.length > 0) {
            cells[tally.base + CELL.answered]!++;
            for (let i = 0; i < answer.length; i++) {
              const position = tally.lookup.find(answer[i]);
              cells[position < 0 ? tally.base + CELL.invalid : tally.base + tally.valuesOffset + position]!++;
            }
          } else cells[tally.base + (isBlank(answer) ? CELL.blank : CELL.invalid)]!++;
          break;
        }
        case SHAPE.free: {
          const tally = tallies[0]!;
          cells[tally.base + (hidden ? CELL.filtered : questionSpoiled ? CELL.spoiled : isBlank(answer) ? CELL.blank : CELL.answered)]!++;
          break;
        }
      }
    }
  }

  /**
   * A condition's value for the current response, evaluated at most once per response. A condition
   * that reads a single answer is remembered per value of that answer (`{feedback_given} = true`
   * has two or three outcomes over millions of responses).
   */
  private condition(position: number, response: Response, answers: Record<string, unknown>): boolean {
    if (this.conditionStamp[position] === this.stamp) return this.conditionValue[position] === 1;
    const entry = this.plan.conditions[position]!;
    let result: boolean;
    const single = entry.single;
    let remembered: unknown = MEMO_NONE;
    if (single !== undefined) {
      remembered = singleValue(single, answers);
      // Only primitive values are remembered; not -0 either, which a division tells from 0.
      if ((typeof remembered === 'object' && remembered !== null) || (remembered === 0 && 1 / remembered < 0)) remembered = MEMO_NONE;
    }
    const memo = this.memos[position]!;
    const known = remembered === MEMO_NONE ? undefined : memo.get(remembered);
    if (known !== undefined) {
      result = known;
    } else {
      const values = this.plan.conditionsReadVariables ? this.scopeFor(response, answers) : answers;
      result = entry.usesClock ? entry.expression.test(values, this.clockFor(response)) : entry.expression.test(values);
      if (remembered !== MEMO_NONE && memo.size < MEMO_LIMIT) memo.set(remembered, result);
    }
    this.conditionStamp[position] = this.stamp;
    this.conditionValue[position] = result ? 1 : 0;
    return result;
  }

  /** Answers plus the response variables, filled once per response (only the keys conditions read). */
  private scopeFor(response: Response, answers: Record<string, unknown>): Record<string, unknown> {
    const scope = this.scope;
    if (this.scopeStamp !== this.stamp) {
      this.scopeStamp = this.stamp;
      for (const key of this.plan.conditionKeys) scope[key] = Object.hasOwn(answers, key) ? answers[key] : undefined;
      scope.channel = response.channel;
      scope.locale = response.locale;
      scope.unit = this.facts.unit;
      scope.serviceField = this.facts.field;
    }
    return scope;
  }

  /** today() and age() in a condition count from the response's submission, so results do not depend on when they are computed. */
  private clockFor(response: Response): { now: Date } {
    if (this.clockStamp !== this.stamp) {
      this.clockStamp = this.stamp;
      this.clock = { now: new Date(response.submittedAt) };
    }
    return this.clock;
  }

  /** The response's group, or undefined when a breakdown answer lists several values (see combinationsOf). */
  private groupOf(facts: ResponseFacts): GroupCounters | undefined {
    const by = this.by;
    const values = this.dimensionValues;
    for (let i = 0; i < by.length; i++) {
      const value = by[i]!.read(facts);
      if (typeof value === 'object') return undefined;
      values[i] = value;
    }
    return this.groupFor(values);
  }

  /** One group per combination of the values of every dimension (a multiple-choice breakdown). */
  private combinationsOf(facts: ResponseFacts): GroupCounters[] {
    let combinations: (string | undefined)[][] = [[]];
    for (const reader of this.by) {
      const value = reader.read(facts);
      const choices = typeof value === 'object' ? [...new Set(value)] : [value];
      combinations = combinations.flatMap((prefix) => choices.map((choice) => [...prefix, choice]));
    }
    return combinations.map((combination) => this.groupFor(combination));
  }

  /** The group of these dimension values, created on first use. */
  private groupFor(values: readonly (string | undefined)[]): GroupCounters {
    let level = this.groupTree;
    const last = values.length - 1;
    for (let i = 0; i < last; i++) {
      const key = values[i] ?? MISSING;
      let next = level.get(key) as Map<string, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(key, next);
      }
      level = next;
    }
    const key = values[last] ?? MISSING;
    let group = level.get(key) as GroupCounters | undefined;
    if (group === undefined) {
      group = { values: [...values], responses: 0, cells: new Uint32Array(this.plan.cellCount) };
      level.set(key, group);
      this.groups.push(group);
    }
    return group;
  }
}

/** Aggregates the responses with a fresh accumulator. */
export function computeIndex(questionnaire: Questionnaire, responses: Iterable<Response>, options?: IndexOptions): IndexReport {
  const accumulator = new IndexAccumulator(questionnaire, options);
  for (const response of responses) accumulator.add(response);
  return accumulator.result();
}

// --- helpers --------------------------------------------------------------------------------


function addInto(group: GroupCounters, cells: ArrayLike<number>, responses: number): void {
  if (group.responses + responses > MAX_COUNT) throw tooMany();
  const target = group.cells;
  for (let i = 0; i < target.length; i++) target[i]! += cells[i]!;
  group.responses += responses;
}

/** Absent, null, "", [] and {}: the answer is not given. */
function isBlank(answer: unknown): boolean {
  if (answer === undefined || answer === null || answer === '') return true;
  if (typeof answer !== 'object') return false;
  return Array.isArray(answer) ? answer.length === 0 : Object.keys(answer).length === 0;
}

/** The counter of a single value: one of the tally's values, blank, or invalid. */
function valueCell(tally: Tally, value: unknown): number {
  if (value === undefined || value === null || value === '') return tally.base + CELL.blank;
  const position = tally.lookup.find(value);
  if (position >= 0) return tally.base + tally.valuesOffset + position;
  return tally.base + (isBlank(value) ? CELL.blank : CELL.invalid);
}

/** The raw answer a single-reference condition reads, as resolveReference of @sipas/core finds it (own properties only). */
function singleValue(single: NonNullable<ConditionEntry['single']>, answers: Record<string, unknown>): unknown {
  const answer = single.readsPrototype && !Object.hasOwn(answers, single.name) ? undefined : answers[single.name];
  if (single.row === undefined) return answer;
  if (typeof answer !== 'object' || answer === null) return undefined;
  return Object.hasOwn(answer, single.row) ? (answer as Record<string, unknown>)[single.row] : undefined;
}



function copyOptions(options: IndexOptions): IndexOptions {
  const copy: IndexOptions = {};
  if (options.by !== undefined && options.by.length > 0) copy.by = [...options.by];
  if (options.from !== undefined) copy.from = options.from;
  if (options.to !== undefined) copy.to = options.to;
  if (options.where !== undefined) {
    copy.where = Object.fromEntries(Object.entries(options.where).map(([dimension, values]) => [dimension, [...(values ?? [])]]));
  }
  if (options.utcOffset !== undefined) copy.utcOffset = options.utcOffset;
  return copy;
}
