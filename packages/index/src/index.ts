export { IndexAccumulator, computeIndex, type AccumulatorSnapshot } from './accumulator.js';
export { formatPercent, roundPercent, NO_INDEX } from './format.js';
export { flattenNodes, indexTable, type IndexTable, type IndexTableCell } from './index-table.js';
export { IndexError, type IndexErrorCode } from './index-error.js';
export { periodKey, responseUnitAndField, unitRollUp } from './dimensions.js';
export { rank } from './report.js';
export {
  DISTRIBUTION_KEYS,
  type Dimension,
  type GroupResult,
  type IndexOptions,
  type IndexReport,
  type NodeResult,
  type RankingEntry,
} from './types.js';
// Sampling: sample sizes, allocation over strata, official + reserve draws, frames, phúc tra.
export { SamplingError, type SamplingErrorCode, type SamplingNotice, type SamplingNoticeCode } from './sampling/errors.js';
export { confidenceSampleSize, normalQuantile, yamaneSampleSize, zScore, type ConfidenceSampleSizeOptions } from './sampling/sample-size.js';
export { allocate, type Allocation, type AllocationMethod, type AllocationOptions, type StratumAllocation, type StratumSize } from './sampling/allocate.js';
export { createRandom, createSeed, hashText, normalizeSeed, type RandomSource, type Seed } from './sampling/random.js';
export { detectDelimiter, formatCsv, parseCsv, type CsvDelimiter, type CsvFormatOptions, type CsvParseResult, type CsvProblem, type CsvRecord } from './sampling/csv.js';
export {
  filterFrameByDate,
  FRAME_HEADERS,
  normalizeHeader,
  parseFrameCsv,
  parseFrameDate,
  type DateWindow,
  type DateWindowResult,
  type FrameError,
  type FrameField,
  type FrameParseResult,
  type FrameRow,
} from './sampling/frame.js';
export { deduplicateById, type Deduplicated, type DuplicateId } from './sampling/dedupe.js';
export { drawSample, type DrawOptions, type SampleDraw, type StratumDraw } from './sampling/draw.js';
export { verificationDraw, type VerificationDraw, type VerificationOptions, type VerificationUnit } from './sampling/verification.js';
