/**
 * The administrative-unit picker's model, DOM-free: the levels and units a question carries as
 * data, the tree they form, the check of an answer (a path of codes from the top level down) and
 * the search without diacritics. The element, the type's hooks and the list editor all read it.
 *
 * Units are a flat list with parent codes because schema fragments cannot describe a recursive
 * tree, and because a flat list is what a spreadsheet of codes gives.
 */
import { localize, message, quote, type LocalizedMessage, type LocalizedString, type Question } from '@sipas/schema';

/** One level of the hierarchy, top first (since July 2025: province, then commune). */
export interface AdminLevel {
  /** An identifier; the export column `<question>.<name>` holds the chosen code of this level. */
  name: string;
  title: LocalizedString;
}

export interface AdminUnit {
  /** Unique within the question; what answers store. */
  code: string;
  name: LocalizedString;
  /** The code of the unit one level up; absent on the top level. */
  parent?: string;
}

export type AdminUnitQuestion = Question & {
  type: 'admin-unit';
  levels: AdminLevel[];
  units: AdminUnit[];
  /** The answer must go down to a unit without sub-units; true by default. */
  fullPath?: boolean;
  /** Offer the search box; true by default. */
  searchable?: boolean;
};

export interface PathProblem {
  code: string;
  message: LocalizedMessage;
}

/** A unit with where it sits: its depth (0 = top level) and the codes from the top down to it. */
export interface PlacedUnit {
  unit: AdminUnit;
  depth: number;
  path: string[];
}

export interface SearchResult {
  /** The best matches, at most the limit asked for. */
  matches: PlacedUnit[];
  /** How many units match in all. */
  total: number;
}

/**
 * Folds a text for matching: lower case, without diacritics, đ as d, single spaces; so that
 * "sai gon" finds "Sài Gòn" and "DA NANG" finds "Đà Nẵng".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A unit's names in every language it has, folded, for the search. */
const foldedNames = (name: LocalizedString): string[] => (typeof name === 'string' ? [foldText(name)] : Object.values(name).map(foldText));

/**
 * The units of a question arranged as a tree. Units that cannot be reached from the top level
 * (an unknown parent, a cycle, or deeper than the levels) are left out, so a slip in the data
 * hides a unit instead of breaking the form; the designer's list editor reports such slips.
 */
export class UnitTree {
  readonly levels: readonly AdminLevel[];
  private readonly placed = new Map<string, PlacedUnit>();
  private readonly childrenOf = new Map<string | undefined, AdminUnit[]>();
  private folded: { unit: PlacedUnit; names: string[] }[] | undefined;

  constructor(levels: readonly AdminLevel[], units: readonly AdminUnit[]) {
    this.levels = levels;
    const byCode = new Map<string, AdminUnit>();
    for (const unit of units) if (!byCode.has(unit.code)) byCode.set(unit.code, unit);
    // Breadth first from the top level, so depth and path are known when a unit is reached.
    const children = new Map<string | undefined, AdminUnit[]>();
    for (const unit of byCode.values()) {
      const parent = unit.parent === undefined || unit.parent === '' ? undefined : unit.parent;
      const siblings = children.get(parent);
      if (siblings) siblings.push(unit);
      else children.set(parent, [unit]);
    }
    let frontier: { parent: string | undefined; path: string[] }[] = [{ parent: undefined, path: [] }];
    for (let depth = 0; depth < levels.length && frontier.length > 0; depth++) {
      const next: typeof frontier = [];
      for (const { parent, path } of frontier) {
        const own = children.get(parent) ?? [];
        if (own.length > 0) this.childrenOf.set(parent, own);
        for (const unit of own) {
          const unitPath = [...path, unit.code];
          this.placed.set(unit.code, { unit, depth, path: unitPath });
          next.push({ parent: unit.code, path: unitPath });
        }
      }
      frontier = next;
    }
  }

  /** The units under `parent` (the top level without one), in the order the list gives them. */
  children(parent?: string): readonly AdminUnit[] {
    return this.childrenOf.get(parent) ?? [];
  }

  get(code: string): PlacedUnit | undefined {
    return this.placed.get(code);
  }

  hasChildren(code: string): boolean {
    return this.children(code).length > 0;
  }

  /** The longest beginning of `path` that is a real path of the tree (what the lists can show). */
  validPrefix(path: readonly string[]): string[] {
    const prefix: string[] = [];
    for (const code of path) {
      const placed = this.placed.get(code);
      if (!placed || placed.depth !== prefix.length || (placed.unit.parent || undefined) !== prefix.at(-1)) break;
      prefix.push(code);
    }
    return prefix;
  }

  /** The names along a path in one language, smallest unit first, as an address reads. */
  address(path: readonly string[], locale: string): string {
    return path
      .map((code) => {
        const unit = this.placed.get(code)?.unit;
        return unit ? localize(unit.name, locale) : code;
      })
      .reverse()
      .join(', ');
  }

  /**
   * Units whose name (in any language) contains every word typed, diacritics ignored. Names that
   * start with the words come first, then higher levels, then list order.
   */
  search(query: string, limit = 20): SearchResult {
    const words = foldText(query).split(' ').filter(Boolean);
    if (words.length === 0) return { matches: [], total: 0 };
    this.folded ??= [...this.placed.values()].map((unit) => ({ unit, names: foldedNames(unit.unit.name) }));
    const phrase = words.join(' ');
    const hits: { unit: PlacedUnit; rank: number; order: number }[] = [];
    this.folded.forEach(({ unit, names }, order) => {
      const matching = names.filter((name) => words.every((word) => name.includes(word)));
      if (matching.length === 0) return;
      // The words as one phrase ("sai gon" in "phuong sai gon") rank above the same words scattered.
      const rank = matching.some((name) => name.includes(phrase)) ? 0 : 1;
      hits.push({ unit, rank, order });
    });
    hits.sort((a, b) => a.rank - b.rank || a.unit.depth - b.unit.depth || a.order - b.order);
    return { matches: hits.slice(0, limit).map((hit) => hit.unit), total: hits.length };
  }
}

const trees = new WeakMap<object, UnitTree>();

/** The tree of a question, made once per question object (questions are replaced, not mutated, on edit). */
export function treeOf(question: Pick<AdminUnitQuestion, 'levels' | 'units'>): UnitTree {
  let tree = trees.get(question);
  if (!tree) trees.set(question, (tree = new UnitTree(question.levels ?? [], question.units ?? [])));
  return tree;
}

const levelTitle = (level: AdminLevel | undefined, locale: 'vi' | 'en'): string => (level ? localize(level.title, locale) : '');
const unitName = (placed: PlacedUnit | undefined, code: string, locale: 'vi' | 'en'): string => (placed ? localize(placed.unit.name, locale) : code);

/**
 * What is wrong with a path of codes: an unknown code, a unit not under the one before it (or
 * not on the top level), more codes than levels, or, when `fullPath`, a path that stops at a unit
 * that still has sub-units. Only the first problem is reported: the later ones follow from it.
 */
export function checkPath(tree: UnitTree, path: readonly string[], fullPath: boolean): PathProblem[] {
  const { levels } = tree;
  if (path.length > levels.length) {
    return [{ code: 'too-deep', message: message(`Chỉ có ${levels.length} cấp đơn vị hành chính`, `There are only ${levels.length} levels of administrative units`) }];
  }
  for (const [depth, code] of path.entries()) {
    const placed = tree.get(code);
    if (!placed) {
      return [{ code: 'unknown-unit', message: message(`Không có đơn vị mã ${quote(code)} trong danh mục`, `There is no unit with code ${quote(code)} in the list`) }];
    }
    const parent = depth === 0 ? undefined : path[depth - 1];
    if (placed.depth !== depth || (placed.unit.parent || undefined) !== parent) {
      if (parent === undefined) {
        return [
          {
            code: 'not-top-level',
            message: message(
              `${quote(unitName(placed, code, 'vi'))} không phải là đơn vị cấp ${levelTitle(levels[0], 'vi')}`,
              `${quote(unitName(placed, code, 'en'))} is not a unit of the level ${levelTitle(levels[0], 'en')}`,
            ),
          },
        ];
      }
      const above = tree.get(parent);
      return [
        {
          code: 'not-a-child',
          message: message(
            `${quote(unitName(placed, code, 'vi'))} không thuộc ${quote(unitName(above, parent, 'vi'))}`,
            `${quote(unitName(placed, code, 'en'))} is not part of ${quote(unitName(above, parent, 'en'))}`,
          ),
        },
      ];
    }
  }
  const last = path.at(-1);
  if (fullPath && last !== undefined && tree.hasChildren(last)) {
    const missing = levels[path.length];
    return [
      {
        code: 'incomplete-path',
        message: message(`Vui lòng chọn tiếp ${levelTitle(missing, 'vi')}`, `Please also choose the ${levelTitle(missing, 'en')}`),
      },
    ];
  }
  return [];
}
