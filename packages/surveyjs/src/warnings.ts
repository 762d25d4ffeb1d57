import type { LocalizedMessage } from '@sipas/schema';

/**
 * Something a conversion could not carry over exactly. `path` is a JSON pointer (RFC 6901) into
 * the document that was converted: our questionnaire for `toSurveyJS`, the SurveyJS JSON for
 * `fromSurveyJS`. Codes are stable; README.md lists them.
 */
export interface ConversionWarning {
  path: string;
  code: ConversionWarningCode;
  message: LocalizedMessage;
}

/** Codes of warnings given by `toSurveyJS` (paths into our questionnaire). */
export const EXPORT_WARNING_CODES = [
  'unsupported-question-type',
  'mapping-failed',
  'expression-not-convertible',
  'text-placeholder',
  'name-case-collision',
  'row-name-collision',
  'pattern-unicode',
  'length-zero-max',
  'too-many-faces',
  'all-rows-required-conditional',
  'unknown-scale',
] as const;

/** Codes of warnings given by `fromSurveyJS` (paths into the SurveyJS JSON). */
export const IMPORT_WARNING_CODES = [
  'unsupported-type',
  'unsupported-property',
  'layout-property-ignored',
  'unsupported-validator',
  'validator-not-applicable',
  'unsupported-input-type',
  'nested-panel',
  'renamed',
  'invalid-value',
  'duplicate-value',
  'expression-not-supported',
  'unknown-reference',
  'html-markup-lost',
  'type-approximated',
  'empty-element-dropped',
  'missing-title',
  'default-locale-as-vietnamese',
  'invalid-locale',
  'default-message',
  'text-placeholder',
  'invalid-question-dropped',
  'invalid-residue-dropped',
] as const;

export type ConversionWarningCode = (typeof EXPORT_WARNING_CODES)[number] | (typeof IMPORT_WARNING_CODES)[number];

/** Collects warnings in document order. */
export class WarningList {
  readonly items: ConversionWarning[] = [];

  add(path: string, code: ConversionWarningCode, vi: string, en: string): void {
    this.items.push({ path, code, message: { vi, en } });
  }
}
