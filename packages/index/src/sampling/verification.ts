/**
 * The phúc tra (re-verification) draw: a random share of the collected forms, per unit, that an
 * independent team (the provincial Office with MTTQ and Hội CCB, in Bình Dương 2019) contacts again
 * to confirm the form was really delivered and filled in (SIPAS-DOMAIN §5.3). No national share
 * is fixed; 10–20 % is usual (Bình Dương 2019: 97 of 480 forms, 20.21 %).
 */
import { compareIds, deduplicateById, type DuplicateId } from './dedupe.js';
import { samplingError, type SamplingNotice } from './errors.js';
import { createRandom, drawInOrder, normalizeSeed, streamSeed, type Seed } from './random.js';

export interface VerificationOptions {
  /** The share of forms to re-verify, above 0 and at most 1 (0.2 for 20 %). */
  share: number;
  seed: Seed;
  /** Draw the share within every unit (the default) or over all forms at once. */
  byUnit?: boolean;
}

export interface VerificationUnit<Item> {
  /** The unit ("" for forms without one, and for the single group when `byUnit` is false). */
  unit: string;
  /** Distinct forms of the unit. */
  forms: number;
  /** In draw order. */
  selected: Item[];
}

export interface VerificationDraw<Item> {
  seed: string;
  share: number;
  byUnit: boolean;
  /** Every unit's selection, units in key order. */
  selected: Item[];
  units: VerificationUnit<Item>[];
  duplicates: DuplicateId[];
  notices: SamplingNotice[];
}

/**
 * Draws the phúc tra list: in every unit with forms, ⌈share × forms⌉ of them, and at least one,
 * so the share is met in each unit (rounding up, never down). Reproducible from the seed, like
 * drawSample: forms are put in id order and each unit has its own generator.
 */
export function verificationDraw<Item extends { id: string; unit?: string }>(items: readonly Item[], options: VerificationOptions): VerificationDraw<Item> {
  const seed = normalizeSeed(options.seed);
  const { share, byUnit = true } = options;
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
    throw samplingError('invalid-share', `Tỉ lệ phúc tra phải lớn hơn 0 và không quá 1 (20 % là 0,2), không phải ${String(share)}.`, `The verification share must be above 0 and at most 1 (20 % is 0.2), not ${String(share)}.`);
  }
  const unique = deduplicateById(items);
  const groups = new Map<string, Item[]>();
  for (const item of unique.rows) {
    const key = byUnit ? (item.unit ?? '') : '';
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const units = keys.map((unit): VerificationUnit<Item> => {
    const forms = (groups.get(unit) as Item[]).slice().sort(compareIds);
    // 1e−9 keeps 0.2 × 5 = 1.0000000000000002 from rounding up to 2.
    const count = Math.min(forms.length, Math.max(1, Math.ceil(share * forms.length - 1e-9)));
    return { unit, forms: forms.length, selected: drawInOrder(forms, count, createRandom(streamSeed('verification', seed, unit))) };
  });
  return { seed, share, byUnit, selected: units.flatMap((unit) => unit.selected), units, duplicates: unique.duplicates, notices: unique.notices };
}
