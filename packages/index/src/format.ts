/**
 * Display of percentages. Rounding happens here and nowhere else: indices are computed and stored
 * at full precision.
 */

/** Shown for an index that has no valid answers behind it. */
export const NO_INDEX = '–';

/**
 * Two decimals, "79,20 %" in Vietnamese and "79.20%" in English. Rounds the exact stored value
 * half up (Number#toFixed), so 78.7719… shows as 78,77 and 79.2044… as 79,20.
 */
export function formatPercent(value: number | null, locale: 'vi' | 'en' = 'vi'): string {
  if (value === null || !Number.isFinite(value)) return NO_INDEX;
  const fixed = value.toFixed(2);
  return locale === 'vi' ? `${fixed.replace('.', ',')} %` : `${fixed}%`;
}
