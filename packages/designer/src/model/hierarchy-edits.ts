/**
 * Edits of the two lists a survey is broken down by: `sipas.units` (tỉnh → huyện/sở → xã…) and
 * `sipas.serviceFields` (lĩnh vực → thủ tục). Dropdowns with `choicesFrom` offer their items and
 * responses store the chosen ids, so these functions keep ids unique and level references
 * consistent. Every function is pure: it returns a new questionnaire built with the copy-on-write
 * helpers and never touches the one it was given (the undo history holds it).
 */
import { listQuestions, message, quote, type LocalizedMessage } from '@sipas/schema';
import type { Hierarchy, HierarchyItem, HierarchyName, LocalizedString, Questionnaire } from '@sipas/schema';
import { fromPointer, getIn, insertAt, removeAt, updateIn, type PathKey } from './immutable.js';
import { textsOf } from './translations.js';
import { withoutDiacritics } from './values.js';

/** Where an item sits: its index among the top items, then among each parent's children. */
export type ItemAddress = readonly number[];

export interface HierarchyLevel {
  id: string;
  label: LocalizedString;
}

/** The format's `Identifier` (schemas/questionnaire.schema.json). */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const IDENTIFIER_MAX_LENGTH = 100;

export const isIdentifier = (id: string): boolean => IDENTIFIER_PATTERN.test(id) && id.length <= IDENTIFIER_MAX_LENGTH;

/** Thrown for an edit the format cannot hold (the list would be left with no item). */
export class HierarchyEditError extends Error {
  constructor(readonly detail: LocalizedMessage) {
    super(detail.en);
    this.name = 'HierarchyEditError';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

export const hierarchyOf = (questionnaire: Questionnaire, list: HierarchyName): Hierarchy | undefined => questionnaire.sipas?.[list];

const listPath = (list: HierarchyName): PathKey[] => ['sipas', list];

/** The path of the array holding the children of `parent` (the top items for the empty address). */
export function childrenPath(list: HierarchyName, parent: ItemAddress): PathKey[] {
  return parent.reduce<PathKey[]>((path, index) => [...path, index, 'children'], [...listPath(list), 'items']);
}

/** The path of the item itself. */
export function itemPath(list: HierarchyName, address: ItemAddress): PathKey[] {
  if (address.length === 0) throw new RangeError('An item address has at least one index');
  return [...childrenPath(list, address.slice(0, -1)), address[address.length - 1]!];
}

export function itemAt(hierarchy: Hierarchy | undefined, address: ItemAddress): HierarchyItem | undefined {
  let siblings: HierarchyItem[] | undefined = hierarchy?.items;
  let item: HierarchyItem | undefined;
  for (const index of address) {
    item = siblings?.[index];
    if (!item) return undefined;
    siblings = item.children;
  }
  return item;
}

const siblingsOf = (hierarchy: Hierarchy | undefined, address: ItemAddress): HierarchyItem[] =>
  (address.length <= 1 ? hierarchy?.items : itemAt(hierarchy, address.slice(0, -1))?.children) ?? [];

/** One row of the tree in document order. */
export interface FlatItem {
  item: HierarchyItem;
  address: number[];
  /** 0 for top items. */
  depth: number;
  /** Position among its siblings (1-based) and their number, for aria-posinset/aria-setsize. */
  position: number;
  siblings: number;
}

/** Every item in document order; `expanded` says whether to descend into an item's children. */
export function flattenItems(hierarchy: Hierarchy | undefined, expanded: (item: HierarchyItem, address: number[]) => boolean = () => true): FlatItem[] {
  const rows: FlatItem[] = [];
  const visit = (items: readonly HierarchyItem[], parent: number[]) =>
    items.forEach((item, index) => {
      const address = [...parent, index];
      rows.push({ item, address, depth: parent.length, position: index + 1, siblings: items.length });
      if (item.children?.length && expanded(item, address)) visit(item.children, address);
    });
  visit(hierarchy?.items ?? [], []);
  return rows;
}

/** Every id used in the list. */
export const idsOf = (hierarchy: Hierarchy | undefined): Set<string> => new Set(flattenItems(hierarchy).map((row) => row.item.id));

/** The level an item at `depth` is on by default: the depth-th declared level, if any. */
export const levelForDepth = (hierarchy: Hierarchy | undefined, depth: number): string | undefined => hierarchy?.levels?.[depth]?.id;

/** The names of the dropdowns that take their choices from `list` at `level`. */
export function questionsUsingLevel(questionnaire: Questionnaire, list: HierarchyName, level: string): string[] {
  return listQuestions(questionnaire)
    .filter(({ question }) => {
      const from = (question as { choicesFrom?: { list?: unknown; level?: unknown } }).choicesFrom;
      return from?.list === list && from.level === level;
    })
    .map(({ question }) => question.name);
}

// ---------------------------------------------------------------------------------------------
// Ids and new items

/**
 * An id made from a label: no diacritics (đ → d), lower case, words joined by "-"
 * ("Huyện Đồng Lam" → "huyen-dong-lam"); "muc" when nothing is left.
 */
export function idFromLabel(label: string): string {
  const ascii = withoutDiacritics(label)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const trimmed = ascii.slice(0, IDENTIFIER_MAX_LENGTH - 8).replace(/-+$/g, '');
  return trimmed === '' ? 'muc' : trimmed;
}

/** `base` when free, else `base-2`, `base-3`… (the taken set is not changed). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

const NEW_ITEM_LABEL = { vi: 'Mục mới', en: 'New item' } as const;

/** A new item for `depth`, with a free id and the depth's level. */
export function newItem(hierarchy: Hierarchy | undefined, depth: number, label: LocalizedString = { ...NEW_ITEM_LABEL }): HierarchyItem {
  const id = uniqueId(idFromLabel(textsOf(label).vi ?? ''), idsOf(hierarchy));
  const level = levelForDepth(hierarchy, depth);
  return level === undefined ? { id, label } : { id, label, level };
}

/** A new level with a free id ("cap-3") and a numbered label. */
export function newLevel(hierarchy: Hierarchy | undefined): HierarchyLevel {
  const count = (hierarchy?.levels?.length ?? 0) + 1;
  const taken = new Set(hierarchy?.levels?.map((level) => level.id));
  return { id: uniqueId(`cap-${count}`, taken), label: { vi: `Cấp ${count}`, en: `Level ${count}` } };
}

// ---------------------------------------------------------------------------------------------
// Item edits

/** A copy with `items` put into the children of `parent` (the top for []) at `index`. */
export function insertItems(questionnaire: Questionnaire, list: HierarchyName, parent: ItemAddress, index: number, ...items: HierarchyItem[]): Questionnaire {
  if (parent.length > 0 && !itemAt(hierarchyOf(questionnaire, list), parent)) throw new RangeError(`No item at ${parent.join('.')}`);
  return insertAt(questionnaire, childrenPath(list, parent), index, ...items);
}

/** A copy with `item` as the last child of the item at `address`. */
export function addChildItem(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress, item: HierarchyItem): Questionnaire {
  return insertItems(questionnaire, list, address, Number.MAX_SAFE_INTEGER, item);
}

/** A copy with `item` right after the item at `address`. */
export function addSiblingItem(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress, item: HierarchyItem): Questionnaire {
  return insertItems(questionnaire, list, address.slice(0, -1), address[address.length - 1]! + 1, item);
}

/** Removes the array item and, when that empties a `children` array, the property itself. */
function removeFromSiblings(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress): Questionnaire {
  const parent = address.slice(0, -1);
  const removed = removeAt(questionnaire, childrenPath(list, parent), address[address.length - 1]!);
  if (parent.length === 0) return removed;
  const children = itemAt(hierarchyOf(removed, list), parent)?.children;
  return children?.length === 0 ? updateIn(removed, [...itemPath(list, parent), 'children'], () => undefined) : removed;
}

/** A copy without the item at `address` (and its children). The last top item cannot go: a list has at least one. */
export function removeItem(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress): Questionnaire {
  const hierarchy = hierarchyOf(questionnaire, list);
  if (!itemAt(hierarchy, address)) throw new RangeError(`No item at ${address.join('.')}`);
  if (address.length === 1 && hierarchy!.items.length === 1) {
    throw new HierarchyEditError(message('Danh sách phải còn ít nhất một mục', 'A list must keep at least one item'));
  }
  return removeFromSiblings(questionnaire, list, address);
}

/** A copy with the item moved one place up (-1) or down (+1) among its siblings; the same document when it cannot move. */
export function moveItem(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress, delta: -1 | 1): Questionnaire {
  const siblings = siblingsOf(hierarchyOf(questionnaire, list), address);
  const from = address[address.length - 1]!;
  const to = from + delta;
  if (!siblings[from] || to < 0 || to >= siblings.length) return questionnaire;
  return updateIn(questionnaire, childrenPath(list, address.slice(0, -1)), (old) => {
    const copy = [...(old as HierarchyItem[])];
    [copy[from], copy[to]] = [copy[to]!, copy[from]!];
    return copy;
  });
}

/**
 * The item with its level following a change of depth: an item (or descendant) on the default
 * level of its old depth takes the default level of its new depth (none past the last level);
 * items on any other level keep it.
 */
function relevel(item: HierarchyItem, from: number, to: number, levels: readonly string[]): HierarchyItem {
  let result = item;
  if (item.level !== undefined && item.level === levels[from]) {
    const { level: _old, ...rest } = item;
    result = levels[to] === undefined ? rest : { ...rest, level: levels[to] };
  }
  if (item.children) {
    const children = item.children.map((child) => relevel(child, from + 1, to + 1, levels));
    if (children.some((child, i) => child !== item.children![i])) result = { ...result, children };
  }
  return result;
}

const levelIds = (hierarchy: Hierarchy | undefined): string[] => hierarchy?.levels?.map((level) => level.id) ?? [];

export const canIndent = (address: ItemAddress): boolean => address.length > 0 && address[address.length - 1]! > 0;
export const canOutdent = (address: ItemAddress): boolean => address.length > 1;

/** Where an item goes when indented: last child of the sibling above. */
export function addressAfterIndent(hierarchy: Hierarchy | undefined, address: ItemAddress): number[] {
  const index = address[address.length - 1]!;
  const above = [...address.slice(0, -1), index - 1];
  return [...above, itemAt(hierarchy, above)?.children?.length ?? 0];
}

/** Where an item goes when outdented: right after its parent. */
export const addressAfterOutdent = (address: ItemAddress): number[] => [...address.slice(0, -2), address[address.length - 2]! + 1];

/** A copy with the item made the last child of the sibling above it; the same document when there is none. */
export function indentItem(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress): Questionnaire {
  const hierarchy = hierarchyOf(questionnaire, list);
  const item = itemAt(hierarchy, address);
  if (!item || !canIndent(address)) return questionnaire;
  const depth = address.length - 1;
  const moved = relevel(item, depth, depth + 1, levelIds(hierarchy));
  const without = removeFromSiblings(questionnaire, list, address);
  const above = [...address.slice(0, -1), address[address.length - 1]! - 1];
  return insertItems(without, list, above, Number.MAX_SAFE_INTEGER, moved);
}

/** A copy with the item moved out of its parent, right after it; the same document for a top item. */
export function outdentItem(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress): Questionnaire {
  const hierarchy = hierarchyOf(questionnaire, list);
  const item = itemAt(hierarchy, address);
  if (!item || !canOutdent(address)) return questionnaire;
  const depth = address.length - 1;
  const moved = relevel(item, depth, depth - 1, levelIds(hierarchy));
  const without = removeFromSiblings(questionnaire, list, address);
  const target = addressAfterOutdent(address);
  return insertItems(without, list, target.slice(0, -1), target[target.length - 1]!, moved);
}

/** The storage form of a set of texts: a plain string when only Vietnamese is left. */
function toLocalizedString(texts: Record<string, string>): LocalizedString {
  const { vi = '', ...others } = texts;
  return Object.keys(others).length === 0 ? vi : { vi, ...others };
}

/** A LocalizedString with one locale set; an empty translation is removed (Vietnamese stays, even empty, and is reported). */
export function withLocale(label: LocalizedString | undefined, locale: string, text: string): LocalizedString {
  const texts = textsOf(label ?? '');
  if (text === '' && locale !== 'vi') delete texts[locale];
  else texts[locale] = text;
  return toLocalizedString(texts);
}

/** A copy with the item's id changed (any text: problems are reported by `hierarchyProblems`). */
export function setItemId(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress, id: string): Questionnaire {
  if (!itemAt(hierarchyOf(questionnaire, list), address)) throw new RangeError(`No item at ${address.join('.')}`);
  return updateIn(questionnaire, [...itemPath(list, address), 'id'], () => id);
}

export function setItemLabel(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress, locale: string, text: string): Questionnaire {
  const item = itemAt(hierarchyOf(questionnaire, list), address);
  if (!item) throw new RangeError(`No item at ${address.join('.')}`);
  return updateIn(questionnaire, [...itemPath(list, address), 'label'], () => withLocale(item.label, locale, text));
}

/** A copy with the item's level (or official code) set; an empty value removes the property. */
export function setItemField(questionnaire: Questionnaire, list: HierarchyName, address: ItemAddress, field: 'level' | 'officialCode', value: string): Questionnaire {
  if (!itemAt(hierarchyOf(questionnaire, list), address)) throw new RangeError(`No item at ${address.join('.')}`);
  return updateIn(questionnaire, [...itemPath(list, address), field], () => (value === '' ? undefined : value));
}

// ---------------------------------------------------------------------------------------------
// Level edits

const levelsPath = (list: HierarchyName): PathKey[] => [...listPath(list), 'levels'];

/** A copy with `level` added at the end of the levels (the bottom). */
export function addLevel(questionnaire: Questionnaire, list: HierarchyName, level: HierarchyLevel): Questionnaire {
  return insertAt(questionnaire, levelsPath(list), Number.MAX_SAFE_INTEGER, level);
}

/** Every place that names level `id` (items and dropdowns), rewritten by `rewrite` (undefined removes the reference). */
function rewriteLevelReferences(questionnaire: Questionnaire, list: HierarchyName, id: string, replacement: string | undefined): Questionnaire {
  let result = questionnaire;
  for (const row of flattenItems(hierarchyOf(questionnaire, list))) {
    if (row.item.level === id) result = updateIn(result, [...itemPath(list, row.address), 'level'], () => replacement);
  }
  for (const { question, path } of listQuestions(questionnaire)) {
    const from = (question as { choicesFrom?: { list?: unknown; level?: unknown } }).choicesFrom;
    if (from?.list === list && from.level === id) result = updateIn(result, [...fromPointer(path), 'choicesFrom', 'level'], () => replacement);
  }
  return result;
}

/**
 * A copy without the level at `index`. Items on it and dropdowns limited to it lose the reference
 * (a dropdown then offers the whole list), so the document stays valid; the last level removes `levels`.
 */
export function removeLevel(questionnaire: Questionnaire, list: HierarchyName, index: number): Questionnaire {
  const levels = hierarchyOf(questionnaire, list)?.levels;
  const level = levels?.[index];
  if (!level) throw new RangeError(`No level at ${index}`);
  const stillDeclared = levels.some((other, i) => i !== index && other.id === level.id);
  const cleared = stillDeclared ? questionnaire : rewriteLevelReferences(questionnaire, list, level.id, undefined);
  return levels.length === 1 ? updateIn(cleared, levelsPath(list), () => undefined) : removeAt(cleared, levelsPath(list), index);
}

export function moveLevel(questionnaire: Questionnaire, list: HierarchyName, index: number, delta: -1 | 1): Questionnaire {
  const levels = hierarchyOf(questionnaire, list)?.levels ?? [];
  const to = index + delta;
  if (!levels[index] || to < 0 || to >= levels.length) return questionnaire;
  return updateIn(questionnaire, levelsPath(list), (old) => {
    const copy = [...(old as HierarchyLevel[])];
    [copy[index], copy[to]] = [copy[to]!, copy[index]!];
    return copy;
  });
}

/**
 * A copy with the level's id changed. Items and dropdowns that named the old id follow, unless the
 * old id is declared twice or the new one is already another level's (renaming must not merge levels).
 */
export function setLevelId(questionnaire: Questionnaire, list: HierarchyName, index: number, id: string): Questionnaire {
  const levels = hierarchyOf(questionnaire, list)?.levels ?? [];
  const level = levels[index];
  if (!level) throw new RangeError(`No level at ${index}`);
  if (level.id === id) return questionnaire;
  const others = levels.filter((_, i) => i !== index).map((other) => other.id);
  const follow = !others.includes(level.id) && !others.includes(id) && id !== '';
  const renamed = updateIn(questionnaire, [...levelsPath(list), index, 'id'], () => id);
  return follow ? rewriteLevelReferences(renamed, list, level.id, id) : renamed;
}

export function setLevelLabel(questionnaire: Questionnaire, list: HierarchyName, index: number, locale: string, text: string): Questionnaire {
  const level = hierarchyOf(questionnaire, list)?.levels?.[index];
  if (!level) throw new RangeError(`No level at ${index}`);
  return updateIn(questionnaire, [...levelsPath(list), index, 'label'], () => withLocale(level.label, locale, text));
}

// ---------------------------------------------------------------------------------------------
// Problems, located for the element (the same rules as validateQuestionnaire, plus empty texts)

export type HierarchyProblemCode = 'empty-id' | 'invalid-id' | 'duplicate-id' | 'empty-label' | 'unknown-level';

export interface HierarchyProblem {
  /** An item (address) or a level ([index]). */
  target: 'item' | 'level';
  address: number[];
  field: 'id' | 'label' | 'level';
  code: HierarchyProblemCode;
  message: LocalizedMessage;
}

const idProblem = (id: string): { code: HierarchyProblemCode; message: LocalizedMessage } | undefined => {
  if (id.trim() === '') return { code: 'empty-id', message: message('Mã không được để trống', 'The id cannot be empty') };
  if (!isIdentifier(id)) {
    return {
      code: 'invalid-id',
      message: message(
        `Mã ${quote(id)} không hợp lệ: bắt đầu bằng chữ cái hoặc chữ số, sau đó chỉ gồm chữ cái không dấu, chữ số, “_”, “.”, “-” (tối đa ${IDENTIFIER_MAX_LENGTH} ký tự)`,
        `The id ${quote(id)} is not valid: a letter or digit, then only unaccented letters, digits, "_", "." or "-" (at most ${IDENTIFIER_MAX_LENGTH} characters)`,
      ),
    };
  }
  return undefined;
};

const labelIsEmpty = (label: LocalizedString | undefined): boolean => (textsOf(label ?? '').vi ?? '').trim() === '';

const EMPTY_LABEL = message('Tên tiếng Việt không được để trống', 'The Vietnamese label cannot be empty');

/** What is wrong with the list, each problem at its item or level and field. */
export function hierarchyProblems(hierarchy: Hierarchy | undefined): HierarchyProblem[] {
  const problems: HierarchyProblem[] = [];
  const levels = hierarchy?.levels ?? [];
  const firstLevel = new Map<string, number>();
  levels.forEach((level, index) => {
    const address = [index];
    const bad = idProblem(level.id);
    if (bad) problems.push({ target: 'level', address, field: 'id', ...bad });
    else if (firstLevel.has(level.id)) {
      problems.push({
        target: 'level',
        address,
        field: 'id',
        code: 'duplicate-id',
        message: message(`Mã cấp ${quote(level.id)} bị lặp (đã có ở cấp ${firstLevel.get(level.id)! + 1})`, `The level id ${quote(level.id)} is repeated (first at level ${firstLevel.get(level.id)! + 1})`),
      });
    } else firstLevel.set(level.id, index);
    if (labelIsEmpty(level.label)) problems.push({ target: 'level', address, field: 'label', code: 'empty-label', message: EMPTY_LABEL });
  });
  // Every item with a repeated id is marked, so the one being typed into shows the problem too.
  const rows = flattenItems(hierarchy);
  const counts = new Map<string, number>();
  for (const { item } of rows) counts.set(item.id, (counts.get(item.id) ?? 0) + 1);
  for (const { item, address } of rows) {
    const bad = idProblem(item.id);
    if (bad) problems.push({ target: 'item', address, field: 'id', ...bad });
    else if (counts.get(item.id)! > 1) {
      problems.push({
        target: 'item',
        address,
        field: 'id',
        code: 'duplicate-id',
        message: message(`Mã ${quote(item.id)} được dùng cho ${counts.get(item.id)} mục; mỗi mục cần một mã riêng`, `The id ${quote(item.id)} is used by ${counts.get(item.id)} items; each item needs its own id`),
      });
    }
    if (labelIsEmpty(item.label)) problems.push({ target: 'item', address, field: 'label', code: 'empty-label', message: EMPTY_LABEL });
    if (item.level !== undefined && !levels.some((level) => level.id === item.level)) {
      problems.push({
        target: 'item',
        address,
        field: 'level',
        code: 'unknown-level',
        message: message(`Cấp ${quote(item.level)} chưa được khai báo`, `The level ${quote(item.level)} is not declared`),
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Bulk paste

/** One line of a pasted list, as the preview shows it. */
export interface PastedRow {
  /** 1-based line number in the pasted text. */
  line: number;
  depth: number;
  id: string;
  label: string;
  level?: string;
  /** True when the id was made from the label. */
  generatedId: boolean;
}

export interface PastedLineProblem {
  line: number;
  message: LocalizedMessage;
}

export interface PastedItems {
  rows: PastedRow[];
  /** The items to add, nested by indentation. */
  items: HierarchyItem[];
  problems: PastedLineProblem[];
}

export interface PasteOptions {
  /** Ids already used in the list. */
  taken: ReadonlySet<string>;
  /** Level ids from the top down; a pasted item at depth d gets the level of baseDepth + d. */
  levels?: readonly string[];
  /** The depth of the pasted top lines in the list (0 at the top, parent depth + 1 under an item). */
  baseDepth?: number;
}

/** Indentation in levels: a tab or two spaces each. */
function indentOf(line: string): number {
  let columns = 0;
  for (const character of line) {
    if (character === '\t') columns += 2;
    else if (character === ' ') columns += 1;
    else break;
  }
  return Math.floor(columns / 2);
}

/**
 * Reads a pasted list: one item per line, indentation (two spaces or a tab) for depth, `id | label`
 * or just a label (the id is then made from it, unique among the list and the lines above). The
 * least indented lines are the top ones; blank lines are skipped.
 */
export function parsePastedItems(text: string, { taken, levels = [], baseDepth = 0 }: PasteOptions): PastedItems {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ raw, line: index + 1 }))
    .filter(({ raw }) => raw.trim() !== '');
  const least = Math.min(...lines.map(({ raw }) => indentOf(raw)));
  const used = new Set(taken);
  const rows: PastedRow[] = [];
  const problems: PastedLineProblem[] = [];
  const items: HierarchyItem[] = [];
  /** The last item at each depth, to hang deeper lines under. */
  const open: HierarchyItem[] = [];
  for (const { raw, line } of lines) {
    let depth = indentOf(raw) - least;
    const previousDepth = rows.length ? rows[rows.length - 1]!.depth : -1;
    if (depth > previousDepth + 1) {
      problems.push({
        line,
        message: message(`Dòng ${line} thụt vào sâu hơn dòng trên quá một bậc`, `Line ${line} is indented more than one step below the line above`),
      });
      depth = previousDepth + 1;
    }
    const content = raw.trim();
    const bar = content.indexOf('|');
    const typedId = bar >= 0 ? content.slice(0, bar).trim() : '';
    const label = (bar >= 0 ? content.slice(bar + 1) : content).trim();
    if (label === '') problems.push({ line, message: message(`Dòng ${line}: tên không được để trống`, `Line ${line}: the label cannot be empty`) });
    let id = typedId;
    if (typedId === '') id = uniqueId(idFromLabel(label), used);
    else if (!isIdentifier(typedId)) {
      problems.push({ line, message: message(`Dòng ${line}: ${idProblem(typedId)!.message.vi}`, `Line ${line}: ${idProblem(typedId)!.message.en}`) });
    } else if (used.has(typedId)) {
      problems.push({ line, message: message(`Dòng ${line}: mã ${quote(typedId)} đã được dùng`, `Line ${line}: the id ${quote(typedId)} is already used`) });
    }
    used.add(id);
    const level = levels[baseDepth + depth];
    const row: PastedRow = { line, depth, id, label, generatedId: typedId === '', ...(level !== undefined ? { level } : {}) };
    rows.push(row);
    const item: HierarchyItem = { id, label, ...(level !== undefined ? { level } : {}) };
    if (depth === 0) items.push(item);
    else {
      const parent = open[depth - 1]!;
      parent.children = [...(parent.children ?? []), item];
    }
    open[depth] = item;
    open.length = depth + 1;
  }
  return { rows, items, problems };
}

/** A copy with pasted items appended under `parent` (the top for []); creates the list when there is none. */
export function pasteItems(questionnaire: Questionnaire, list: HierarchyName, parent: ItemAddress, items: readonly HierarchyItem[]): Questionnaire {
  if (items.length === 0) return questionnaire;
  return insertItems(questionnaire, list, parent, Number.MAX_SAFE_INTEGER, ...structuredClone(items as HierarchyItem[]));
}

/** Whether the list exists (a questionnaire may have none yet). */
export const hasList = (questionnaire: Questionnaire, list: HierarchyName): boolean => getIn(questionnaire, listPath(list)) !== undefined;
