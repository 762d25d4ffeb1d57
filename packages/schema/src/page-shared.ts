/**
 * One instance per page or process, however many bundles carry this code. The drop-in, the
 * designer bundle and an extension's script each include their own copy of @sipas/schema and
 * @sipas/core; a question type registered through one copy must be known to the others, so the
 * registries live under a global symbol rather than in a module variable. The key carries the
 * format's major version: copies that disagree on the format keep apart.
 */
export function pageShared<T>(name: string, create: () => T): T {
  const scope = globalThis as unknown as Record<symbol, T | undefined>;
  return (scope[Symbol.for(`sipas-forms@1/${name}`)] ??= create());
}
