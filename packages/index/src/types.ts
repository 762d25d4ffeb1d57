/**
 * The public shapes of the index engine: what callers ask for (dimensions, options) and what they
 * get back (a report of groups, each with its tree of node results). README.md explains every field.
 */
import type { IndexMethod, IndexSource, LocalizedString } from '@sipas/schema';

/**
 * What results can be grouped or filtered by:
 * - `unit`: the response's `unit`; `unit:<level>`: that unit rolled up to its ancestor of a
 *   declared level of `sipas.units` (`unit:province`);
 * - `field`: the response's `serviceField`; `channel`: its channel;
 * - `month` (`2024-05`), `quarter` (`2024-Q2`), `half` (`2024-H1`), `year` (`2024`) of `submittedAt`;
 * - `answer:<question>`: the answer to one of the index model's `breakdowns` questions.
 */
export type Dimension =
  | 'unit'
  | `unit:${string}`
  | 'field'
  | 'channel'
  | 'month'
  | 'quarter'
  | 'half'
  | 'year'
  | `answer:${string}`;

export interface IndexOptions {
  /** Group results by these dimensions together (one group per combination), besides the overall group. */
  by?: Dimension[];
  /** First day kept, `YYYY-MM-DD`, inclusive, compared with the date of `submittedAt`. */
  from?: string;
  /** Last day kept, `YYYY-MM-DD`, inclusive. */
  to?: string;
  /** Keep only responses whose value of a dimension is one of the listed values. */
  where?: Partial<Record<Dimension, string[]>>;
  /**
   * The offset (`+07:00`, `-05:30`, `Z`) in which the calendar date of `submittedAt` is read, for
   * `from`/`to` and the period dimensions. Absent: the date as written in the timestamp (its first
   * ten characters). Pass `+07:00` to count in Vietnamese days when timestamps are stored in UTC.
   */
  utcOffset?: string;
}

/** Special keys of a distribution, besides the answer values. */
export const DISTRIBUTION_KEYS = {
  /** No answer (absent or empty). */
  blank: 'blank',
  /** Ticked more than once on a paper form (`paper.spoiled`). */
  spoiled: 'spoiled',
  /** The question, its section or page, or its likert row was hidden by the response's own answers. */
  filtered: 'filtered',
  /** An answer of the wrong shape or outside the question's values (not expected in validated responses); only listed when it occurs. */
  invalid: 'invalid',
  /** Multiple-choice and free-text questions: responses with an answer (the base for shares of a multiple choice). */
  answered: 'answered',
} as const;

export interface NodeResult {
  id: string;
  label?: LocalizedString;
  method: IndexMethod;
  /** Percentage 0–100 at full precision, or null when nothing valid stands behind it. Never rounded. */
  index: number | null;
  /**
   * share/source: the valid answers of the node's own source; pooled: the valid answers of every
   * leaf item under the node together; mean: the sum of the nValid of the children that entered
   * the mean (those with an index and a weight above 0).
   */
  nValid: number;
  /** Satisfied answers, counted like nValid (for mean: the sum over the children that entered the mean). */
  satisfied: number;
  /** Counts per answer value of the node's own source (share/source nodes), with `blank`, `spoiled`, `filtered` (and `invalid` when it occurs). */
  distribution?: Record<string, number>;
  /** The node's weight in its parent's mean (1 when the model gives none). */
  weight: number;
  /** The question (and likert row) the node reads, for share and source nodes. */
  source?: IndexSource;
  /** Mean nodes: ids of children left out of the mean because their index is null. */
  skipped?: string[];
  children?: NodeResult[];
}

export interface GroupResult {
  /** The group's value of each `by` dimension; a dimension the responses have no value for is left out. */
  key: Partial<Record<Dimension, string>>;
  responses: number;
  root: NodeResult;
  /**
   * Counts of the model's distribution questions, keyed by question name (`name.row` for each row
   * of a likert grid), then by answer value, with the special keys of DISTRIBUTION_KEYS.
   */
  distributions: Record<string, Record<string, number>>;
}

export interface RankingEntry {
  key: string;
  index: number | null;
  nValid: number;
  /** 1 for the highest index; equal indices share a rank (1, 2, 2, 4); null indices come last. */
  rank: number;
}

export interface IndexReport {
  questionnaire: { id: string; version?: number };
  options: IndexOptions;
  /** Responses kept (after from/to/where). */
  responses: number;
  overall: GroupResult;
  /** One per combination of the `by` dimensions that occurs, sorted by key. */
  groups: GroupResult[];
  /** Present when `by` is exactly one unit dimension (`unit` or `unit:<level>`). */
  ranking?: { dimension: Dimension; entries: RankingEntry[] };
}
