/**
 * Copy-on-write updates of the questionnaire: only the objects on the path to a change are copied,
 * so unchanged pages, sections and questions keep their identity (the canvas and the checks cache
 * by identity, which keeps an edit of a 300-question document within one frame).
 */

export type PathKey = string | number;

/** The JSON pointer of a path (`['pages', 0, 'title']` is `/pages/0/title`). */
export const toPointer = (path: readonly PathKey[]): string =>
  path.map((key) => `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

/** The path of a JSON pointer; numeric tokens become indexes. */
export const fromPointer = (pointer: string): PathKey[] =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((token) => (/^(0|[1-9]\d*)$/.test(token) ? Number(token) : token));

/** The value at a path, or undefined where the path leads nowhere. */
export function getIn(value: unknown, path: readonly PathKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

const copyOf = (value: unknown, nextKey: PathKey): Record<PathKey, unknown> | unknown[] => {
  if (Array.isArray(value)) return [...value];
  if (value !== null && typeof value === 'object') return { ...(value as object) } as Record<PathKey, unknown>;
  return typeof nextKey === 'number' ? [] : {};
};

/**
 * A copy of `root` with the value at `path` replaced by `update(old)`; `undefined` from `update`
 * removes an object property (array items are removed with `removeAt`). Missing containers on the
 * way are created.
 */
export function updateIn<T>(root: T, path: readonly PathKey[], update: (old: unknown) => unknown): T {
  if (path.length === 0) return update(root) as T;
  const [key, ...rest] = path as [PathKey, ...PathKey[]];
  const copy = copyOf(root, key) as Record<PathKey, unknown>;
  const next = updateIn(getIn(root, [key]), rest, update);
  if (next === undefined && !Array.isArray(copy)) delete copy[key];
  else copy[key] = next;
  return copy as T;
}

export const setIn = <T>(root: T, path: readonly PathKey[], value: unknown): T => updateIn(root, path, () => value);

/** A copy with the array at `path` given `item` at `index` (the end when index is past it). */
export const insertAt = <T>(root: T, path: readonly PathKey[], index: number, ...items: unknown[]): T =>
  updateIn(root, path, (old) => {
    const list = Array.isArray(old) ? [...old] : [];
    list.splice(Math.max(0, Math.min(index, list.length)), 0, ...items);
    return list;
  });

/** A copy with the array item at `path` + `index` removed. */
export const removeAt = <T>(root: T, path: readonly PathKey[], index: number): T =>
  updateIn(root, path, (old) => (Array.isArray(old) ? old.filter((_, i) => i !== index) : old));
