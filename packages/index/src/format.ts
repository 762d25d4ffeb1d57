/**
 * Display of percentages. Rounding happens here and nowhere else: indices are computed and stored
 * at full precision.
 */

/** Shown for an index that has no valid answers behind it. */
export const NO_INDEX = '–';

/**
 * A percentage rounded half up to two decimals, for display and exports only. The stored value is
 * first snapped to nine decimals: 69/480 is exactly 14.375 %, but the double is 14.374999…, and
 * rounding that directly would publish 14,37 instead of 14,38.
 */
export function roundPercent(value: number): number {
  const snapped = Number(value.toFixed(9));
  return Math.round(snapped * 100) / 100;
}

/**
 * Two decimals, "79,20 %" in Vietnamese and "79.20%" in English (rounded half up by roundPercent),
 * so 78.7719… shows as 78,77 and 79.2044… as 79,20.
 */
export function formatPercent(value: number | null, locale: 'vi' | 'en' = 'vi'): string {
  if (value === null || !Number.isFinite(value)) return NO_INDEX;
  const fixed = roundPercent(value).toFixed(2);
  return locale === 'vi' ? `${fixed.replace('.', ',')} %` : `${fixed}%`;
}
