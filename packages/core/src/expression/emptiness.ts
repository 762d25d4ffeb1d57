/**
 * What counts as empty (survey-core's Helpers.isValueEmpty): undefined, null, '', NaN, [] and a
 * plain object whose every value is empty ({} or { r1: null }). 0 and false are answers, not empty.
 * `empty`, `notempty`, the arithmetic of missing answers, `anyof` and `allof` all use this rule.
 */
export function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) {
    for (const key in value) {
      if (!isEmptyValue(value[key])) return false;
    }
    return true;
  }
  return !value && value !== 0 && value !== false;
}

/** An object made by `{…}` or JSON.parse; survey-core recognises it by its constructor. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value instanceof Object && value.constructor === Object;
}
