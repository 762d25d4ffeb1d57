/**
 * The draw of the official sample and an equally large reserve sample (SIPAS-DOMAIN §5.2: each
 * province gets official + reserve samples of equal size; a reserve replaces an official
 * respondent who cannot be reached, in the reserve's draw order).
 *
 * Reproducible: the rows of each stratum are put in id order and shuffled by a generator seeded
 * from the seed and the stratum's key, so the same seed, frame and options always give the same
 * lists, whatever the order of the rows in the file, and one stratum's draw does not change when
 * another stratum is added or removed (as long as its allocation stays the same).
 */
import { allocate, type Allocation, type AllocationOptions } from './allocate.js';
import { compareIds, deduplicateById, type DuplicateId } from './dedupe.js';
import { notice, samplingError, type SamplingNotice } from './errors.js';
import { createRandom, drawInOrder, normalizeSeed, streamSeed, type Seed } from './random.js';

export interface DrawOptions<Row> {
  /** The size of the official sample over all strata; the reserve sample has the same size. */
  size: number;
  /** The seed of the draw; print it with the lists (`createSeed()` makes one). */
  seed: Seed;
  /** The stratum of a row (its unit, field…); without it the frame is one stratum, keyed "". */
  strata?: (row: Row) => string;
  /** How `size` is shared among strata: proportional (default) or equal, with a minimum per stratum. */
  allocation?: AllocationOptions;
}

export interface StratumDraw<Row> {
  key: string;
  /** Distinct rows of the stratum in the frame. */
  population: number;
  /** In draw order. */
  official: Row[];
  /** In draw order: the first reserve replaces the first official respondent who drops out. */
  reserve: Row[];
  /** How many reserves the stratum lacks (official minus reserve); 0 when it is large enough. */
  shortfall: number;
}

export interface SampleDraw<Row> {
  /** The seed as text: the draw is repeated by passing it again. */
  seed: string;
  /** Every stratum's official rows, strata in key order. */
  official: Row[];
  /** Every stratum's reserve rows, strata in key order. */
  reserve: Row[];
  /** Strata in key order (code-unit order). */
  strata: StratumDraw<Row>[];
  /** Ids found more than once in the frame (only the first row of each took part). */
  duplicates: DuplicateId[];
  allocation: Allocation;
  /** Duplicates, capped or raised totals, strata below the minimum and reserve shortfalls. */
  notices: SamplingNotice[];
}

/**
 * Draws the official and reserve samples from a frame: deduplicated by id, split into strata,
 * `size` allocated over the strata, then in each stratum the official rows drawn first and as
 * many reserve rows after them, disjoint from the officials. When a stratum is too small for
 * both, the officials come first and the shortfall of reserves is reported.
 */
export function drawSample<Row extends { id: string }>(frame: readonly Row[], options: DrawOptions<Row>): SampleDraw<Row> {
  const seed = normalizeSeed(options.seed);
  if (!Number.isSafeInteger(options.size) || options.size < 1) {
    throw samplingError('invalid-size', `Cỡ mẫu phải là số nguyên từ 1 trở lên, không phải ${String(options.size)}.`, `The sample size must be a whole number of at least 1, not ${String(options.size)}.`);
  }
  const unique = deduplicateById(frame);
  if (unique.rows.length === 0) {
    throw samplingError('empty-frame', 'Khung mẫu không có dòng nào để rút mẫu.', 'The sampling frame has no rows to draw from.');
  }

  const groups = new Map<string, Row[]>();
  for (const row of unique.rows) {
    const key = options.strata ? String(options.strata(row) ?? '') : '';
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const keys = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const allocation = allocate(
    options.size,
    keys.map((key) => ({ key, population: (groups.get(key) as Row[]).length })),
    options.allocation,
  );

  const notices: SamplingNotice[] = [...unique.notices, ...allocation.notices];
  const strata = allocation.strata.map((stratum): StratumDraw<Row> => {
    const rows = (groups.get(stratum.key) as Row[]).slice().sort(compareIds);
    const officialCount = stratum.sample;
    const reserveCount = Math.min(officialCount, rows.length - officialCount);
    const drawn = drawInOrder(rows, officialCount + reserveCount, createRandom(streamSeed('sample', seed, stratum.key)));
    const shortfall = officialCount - reserveCount;
    if (shortfall > 0) {
      const name = stratum.key === '' ? { vi: 'Khung mẫu', en: 'The frame' } : { vi: `Tầng "${stratum.key}"`, en: `Stratum "${stratum.key}"` };
      notices.push(
        notice(
          'reserve-shortfall',
          `${name.vi} có ${rows.length}: đủ ${officialCount} mẫu chính thức nhưng chỉ ${reserveCount} mẫu dự phòng (thiếu ${shortfall}).`,
          `${name.en} has ${rows.length}: enough for ${officialCount} official but only ${reserveCount} reserve (${shortfall} short).`,
          stratum.key,
        ),
      );
    }
    return { key: stratum.key, population: rows.length, official: drawn.slice(0, officialCount), reserve: drawn.slice(officialCount), shortfall };
  });

  return {
    seed,
    official: strata.flatMap((stratum) => stratum.official),
    reserve: strata.flatMap((stratum) => stratum.reserve),
    strata,
    duplicates: unique.duplicates,
    allocation,
    notices,
  };
}
