/**
 * Which units' responses a request may see, and which it asks for.
 *
 * An account limited to units (`users.units`) sees the responses of those units **and of every
 * unit below them** in the questionnaire's unit tree (`sipas.units`): an account of a province's
 * Department of Home Affairs follows its districts and communes; an account of a commune sees only
 * that commune. A unit id that is not in the tree matches itself only. Responses without a unit
 * are never shown to a limited account.
 *
 * A filter naming a unit outside that scope is refused (403) rather than quietly emptied, so the
 * caller knows the figures are not the ones asked for.
 */
import { message, type Hierarchy, type HierarchyItem, type ValidationError } from '@sipas/schema';
import { unitRollUp } from '@sipas/index';
import type { FilterDimension } from './report-query.js';
import { HttpError } from '../http/errors.js';

/** Every unit id at or below each of `units`, across the trees given (one per selected version). */
export function visibleUnits(units: readonly string[], trees: readonly (Hierarchy | undefined)[]): Set<string> {
  const visible = new Set(units);
  const addSubtree = (item: HierarchyItem) => {
    visible.add(item.id);
    for (const child of item.children ?? []) addSubtree(child);
  };
  const search = (items: readonly HierarchyItem[] | undefined) => {
    for (const item of items ?? []) {
      if (units.includes(item.id)) addSubtree(item);
      else search(item.children);
    }
  };
  for (const tree of trees) search(tree?.items);
  return visible;
}

/** The unit ids whose ancestor (or self) at `level` is one of `ids`, across the trees given. */
export function unitsUnder(level: string, ids: readonly string[], trees: readonly (Hierarchy | undefined)[]): Set<string> {
  const under = new Set<string>();
  for (const tree of trees) {
    for (const [unit, rolled] of unitRollUp(tree?.items, level)) if (ids.includes(rolled)) under.add(unit);
  }
  return under;
}

/**
 * The unit ids the SQL selection is limited to: the intersection of the account's scope, the
 * `where.unit` list and the units under each `where.unit:<level>` list; undefined when nothing
 * limits units. An empty set selects nothing.
 */
export function selectedUnits(
  scope: ReadonlySet<string> | null,
  where: Partial<Record<FilterDimension, string[]>>,
  trees: readonly (Hierarchy | undefined)[],
): Set<string> | undefined {
  let selected: Set<string> | undefined = scope === null ? undefined : new Set(scope);
  const narrow = (allowed: Iterable<string>) => {
    const next = new Set(allowed);
    selected = selected === undefined ? next : new Set([...selected].filter((unit) => next.has(unit)));
  };
  for (const [dimension, values] of Object.entries(where) as [FilterDimension, string[]][]) {
    if (dimension === 'unit') narrow(values);
    else if (dimension.startsWith('unit:')) narrow(unitsUnder(dimension.slice('unit:'.length), values, trees));
  }
  return selected;
}

/** Refuses (422) `where.unit:<level>` for a level the questionnaire does not declare. */
export function checkUnitLevels(where: Partial<Record<FilterDimension, string[]>>, units: Hierarchy | undefined): void {
  const declared = units?.levels?.map((level) => level.id) ?? [];
  const errors: ValidationError[] = Object.keys(where)
    .filter((dimension) => dimension.startsWith('unit:') && !declared.includes(dimension.slice('unit:'.length)))
    .map((dimension) => ({
      path: `/query/where.${dimension}`,
      code: 'unknown-dimension',
      message: message(
        `Cấp đơn vị "${dimension.slice('unit:'.length)}" không được khai báo trong sipas.units.levels (các cấp: ${declared.join(', ') || '–'})`,
        `Unit level "${dimension.slice('unit:'.length)}" is not declared in sipas.units.levels (levels: ${declared.join(', ') || '–'})`,
      ),
    }));
  if (errors.length > 0) throw new HttpError(422, errors);
}

/**
 * Refuses (403) a unit filter naming a unit the account may not see: for `where.unit`, a unit
 * outside the scope; for `where.unit:<level>`, a unit with nothing of the scope under it.
 */
export function checkRequestedUnits(
  scope: ReadonlySet<string> | null,
  where: Partial<Record<FilterDimension, string[]>>,
  trees: readonly (Hierarchy | undefined)[],
): void {
  if (scope === null) return;
  const errors: ValidationError[] = [];
  for (const [dimension, values] of Object.entries(where) as [FilterDimension, string[]][]) {
    if (dimension !== 'unit' && !dimension.startsWith('unit:')) continue;
    const outside = values.filter((value) => {
      if (dimension === 'unit') return !scope.has(value);
      const under = unitsUnder(dimension.slice('unit:'.length), [value], trees);
      return ![...under].some((unit) => scope.has(unit));
    });
    if (outside.length > 0) {
      errors.push({
        path: `/query/where.${dimension}`,
        code: 'unit-not-allowed',
        message: message(`Tài khoản không được xem đơn vị: ${outside.join(', ')}`, `This account may not see the unit(s): ${outside.join(', ')}`),
      });
    }
  }
  if (errors.length > 0) throw new HttpError(403, errors);
}
