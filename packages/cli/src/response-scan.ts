/**
 * Scanning a JSONL file of responses for `sipas index`: each line is parsed, checked against the
 * questionnaire (unless trusted) and added to an index accumulator. The same scanner runs in the
 * main thread or in worker threads; workers send their counts back as a snapshot to merge.
 */
import { checkResponse } from '@sipas/core';
import { IndexAccumulator, type IndexOptions } from '@sipas/index';
import type { Questionnaire, Response, ValidationError } from '@sipas/schema';

export interface InvalidLine {
  line: number;
  errors: ValidationError[];
}

export interface ScanTotals {
  /** Lines read, blank ones included. */
  lines: number;
  blank: number;
  invalidCount: number;
  /** The first invalid lines, in full. */
  invalid: InvalidLine[];
  /** Valid responses the options (dates, where) kept. */
  included: number;
}

/** How many invalid lines are listed in full; the rest are counted. */
export const LISTED_INVALID = 50;

export class LineScanner {
  readonly accumulator: IndexAccumulator;
  private readonly questionnaire: Questionnaire;
  private readonly trusted: boolean;
  private readonly counts: ScanTotals = { lines: 0, blank: 0, invalidCount: 0, invalid: [], included: 0 };

  constructor(questionnaire: Questionnaire, indexOptions: IndexOptions, trusted: boolean) {
    this.questionnaire = questionnaire;
    this.trusted = trusted;
    this.accumulator = new IndexAccumulator(questionnaire, indexOptions);
  }

  /** Takes one line of the file; `line` is its 1-based number. */
  scan(text: string, line: number): void {
    this.counts.lines++;
    if (text.trim() === '') {
      this.counts.blank++;
      return;
    }
    const checked = this.check(line === 1 ? text.replace(/^\uFEFF/, '') : text);
    if ('errors' in checked) {
      this.counts.invalidCount++;
      if (this.counts.invalid.length < LISTED_INVALID) this.counts.invalid.push({ line, errors: checked.errors });
      return;
    }
    if (this.accumulator.add(checked.response)) this.counts.included++;
  }

  totals(): ScanTotals {
    return { ...this.counts, invalid: [...this.counts.invalid] };
  }

  private check(text: string): { response: Response } | { errors: ValidationError[] } {
    let response: unknown;
    try {
      response = JSON.parse(text);
    } catch (error) {
      const detail = (error as Error).message;
      return { errors: [{ path: '', code: 'not-json', message: { vi: `Không phải JSON hợp lệ (${detail})`, en: `Not valid JSON (${detail})` } }] };
    }
    if (typeof response !== 'object' || response === null || Array.isArray(response) || typeof (response as { answers?: unknown }).answers !== 'object' || (response as { answers?: unknown }).answers === null) {
      return { errors: [{ path: '', code: 'not-a-response', message: { vi: 'Dòng này không phải là một phiếu trả lời (thiếu answers)', en: 'This line is not a response (no answers)' } }] };
    }
    if (this.trusted) return { response: response as Response };
    const result = checkResponse(this.questionnaire, response);
    return result.valid ? { response: response as Response } : { errors: result.errors };
  }
}

/** Adds up the totals of several scanners (threads), keeping the first invalid lines by number. */
export function combineTotals(parts: ScanTotals[]): ScanTotals {
  const invalid = parts.flatMap((part) => part.invalid).sort((a, b) => a.line - b.line).slice(0, LISTED_INVALID);
  const sum = (key: 'lines' | 'blank' | 'invalidCount' | 'included') => parts.reduce((total, part) => total + part[key], 0);
  return { lines: sum('lines'), blank: sum('blank'), invalidCount: sum('invalidCount'), invalid, included: sum('included') };
}
