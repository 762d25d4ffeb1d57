/**
 * The text form of a unit list, one unit a line: `code; name; parent code; English name`, with a
 * tab instead of `;` when pasted from a spreadsheet. DOM-free, so the list editor's rules are
 * tested under Node. Problems are located by line, so a list of three thousand communes can be
 * fixed where it is wrong.
 */
import { message, quote, type LocalizedMessage, type LocalizedString } from '@sipas/schema';
import type { AdminUnit } from './units.js';

/** What a code may look like: no spaces and no `;`, the separator of the text form. */
export const UNIT_CODE = /^[^\s;]+$/u;
export const UNIT_CODE_MAX = 100;

export interface UnitListProblem {
  /** 1-based line of the text; 0 for the list as a whole. */
  line: number;
  code: string;
  message: LocalizedMessage;
}

export interface ParsedUnitList {
  units: AdminUnit[];
  problems: UnitListProblem[];
}

export interface ParseOptions {
  /** The number of levels of the question: deeper units are reported. */
  levels?: number;
  /** The list before the edit: translations other than Vietnamese and English are kept by code. */
  previous?: readonly AdminUnit[];
}

const cellsOf = (line: string): string[] => (line.includes('\t') ? line.split('\t') : line.split(';')).map((cell) => cell.trim());

/** A name from its Vietnamese and English cells, keeping the other translations it had. */
function nameOf(vi: string, en: string, before: LocalizedString | undefined): LocalizedString {
  const others = typeof before === 'object' ? Object.fromEntries(Object.entries(before).filter(([locale]) => locale !== 'vi' && locale !== 'en')) : {};
  const name = { vi, ...(en ? { en } : {}), ...others };
  return Object.keys(name).length === 1 ? vi : name;
}

export function parseUnitList(text: string, options: ParseOptions = {}): ParsedUnitList {
  const problems: UnitListProblem[] = [];
  const problem = (line: number, code: string, vi: string, en: string) =>
    problems.push({ line, code, message: message(line > 0 ? `Dòng ${line}: ${vi}` : vi, line > 0 ? `Line ${line}: ${en}` : en) });
  const previous = new Map((options.previous ?? []).map((unit) => [unit.code, unit.name]));
  const units: AdminUnit[] = [];
  const lineOf = new Map<string, number>();

  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const cells = cellsOf(raw);
    const [code = '', name = '', parent = '', english = ''] = cells;
    if (cells.length > 4) {
      problem(line, 'extra-columns', `có ${cells.length} cột, tối đa 4 (mã; tên; mã cấp trên; tên tiếng Anh)`, `${cells.length} columns, at most 4 (code; name; parent code; English name)`);
      return;
    }
    if (code === '') return void problem(line, 'missing-code', 'thiếu mã đơn vị', 'the unit code is missing');
    if (!UNIT_CODE.test(code) || code.length > UNIT_CODE_MAX) {
      return void problem(line, 'invalid-code', `mã ${quote(code)} không được chứa khoảng trắng và dài tối đa ${UNIT_CODE_MAX} ký tự`, `code ${quote(code)} may not contain spaces and has at most ${UNIT_CODE_MAX} characters`);
    }
    if (name === '') return void problem(line, 'missing-name', `thiếu tên của đơn vị ${quote(code)}`, `the name of unit ${quote(code)} is missing`);
    const first = lineOf.get(code);
    if (first !== undefined) return void problem(line, 'duplicate-code', `mã ${quote(code)} trùng với dòng ${first}`, `code ${quote(code)} is already on line ${first}`);
    lineOf.set(code, line);
    const unit: AdminUnit = { code, name: nameOf(name, english, previous.get(code)) };
    if (parent !== '') unit.parent = parent;
    units.push(unit);
  });

  for (const found of relationProblems(units, options.levels)) problem(lineOf.get(units[found.index]!.code)!, found.code, found.vi, found.en);
  if (units.length === 0 && problems.length === 0) problem(0, 'empty', 'Danh mục cần ít nhất một đơn vị', 'The list needs at least one unit');
  problems.sort((a, b) => a.line - b.line);
  return { units, problems };
}

/** The text form of a list; a line whose name contains `;` is written with tabs. */
export function formatUnitList(units: readonly AdminUnit[]): string {
  return units
    .map((unit) => {
      const vi = typeof unit.name === 'string' ? unit.name : unit.name.vi;
      const en = typeof unit.name === 'string' ? '' : (unit.name.en ?? '');
      const cells = [unit.code, vi, unit.parent ?? '', en];
      while (cells.length > 2 && cells.at(-1) === '') cells.pop();
      return cells.some((cell) => cell.includes(';')) ? cells.join('\t') : cells.join('; ');
    })
    .join('\n');
}

/** A problem of one unit of a list with the others: where it is, what, in both languages. */
export interface RelationProblem {
  index: number;
  /** The unit's property at fault. */
  field: 'code' | 'parent';
  code: 'duplicate-code' | 'unknown-parent' | 'parent-cycle' | 'too-deep';
  vi: string;
  en: string;
}

/**
 * What a list's units get wrong together: a repeated code, a parent not listed, a cycle of
 * parents, a unit deeper than the question's levels. Parents may come after their children (a
 * spreadsheet sorted by name), so they are checked once all are known. The list editor reports
 * these by line; the type's `checkQuestion` by path, so validation catches a list typed as JSON.
 */
export function relationProblems(units: readonly AdminUnit[], levels: number | undefined): RelationProblem[] {
  const problems: RelationProblem[] = [];
  const byCode = new Map<string, AdminUnit>();
  units.forEach((unit, index) => {
    if (byCode.has(unit.code)) problems.push({ index, field: 'code', code: 'duplicate-code', vi: `mã ${quote(unit.code)} bị trùng`, en: `code ${quote(unit.code)} is repeated` });
    else byCode.set(unit.code, unit);
  });
  units.forEach((unit, index) => {
    if (unit.parent === undefined || byCode.get(unit.code) !== unit) return;
    if (!byCode.has(unit.parent)) {
      problems.push({ index, field: 'parent', code: 'unknown-parent', vi: `không có đơn vị cấp trên mã ${quote(unit.parent)}`, en: `there is no parent unit with code ${quote(unit.parent)}` });
      return;
    }
    // Walk up: a cycle never reaches the top; the depth is the number of steps.
    let depth = 0;
    const seen = new Set([unit.code]);
    for (let up = byCode.get(unit.parent); up; up = up.parent === undefined ? undefined : byCode.get(up.parent)) {
      depth++;
      if (seen.has(up.code)) {
        problems.push({ index, field: 'parent', code: 'parent-cycle', vi: `đơn vị ${quote(unit.code)} nằm trong một vòng cấp trên – cấp dưới`, en: `unit ${quote(unit.code)} is its own ancestor` });
        return;
      }
      seen.add(up.code);
    }
    if (levels !== undefined && depth >= levels) {
      problems.push({ index, field: 'parent', code: 'too-deep', vi: `đơn vị ${quote(unit.code)} ở cấp ${depth + 1} nhưng câu hỏi chỉ có ${levels} cấp`, en: `unit ${quote(unit.code)} is on level ${depth + 1} but the question has ${levels} levels` });
    }
  });
  return problems;
}
