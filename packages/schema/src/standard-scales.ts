import type { Scale } from './types.js';

/**
 * The answer scales every questionnaire can name without declaring them (SIPAS-DOMAIN §2.4, §3.3, §7.3).
 * Levels are listed in the order they are shown; satisfaction scales run from the least to the most favourable.
 */
export const STANDARD_SCALES: Readonly<Record<string, Scale>> = {
  'satisfaction-5': {
    title: { vi: 'Mức độ hài lòng (5 mức)', en: 'Satisfaction (5 levels)' },
    levels: [
      { value: 1, text: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' } },
      { value: 2, text: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
      { value: 3, text: { vi: 'Bình thường', en: 'Neutral' } },
      { value: 4, text: { vi: 'Hài lòng', en: 'Satisfied' } },
      { value: 5, text: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
    ],
    satisfied: [4, 5],
  },
  'satisfaction-3': {
    title: { vi: 'Mức độ hài lòng (3 mức, tại Bộ phận Một cửa)', en: 'Satisfaction (3 levels, one-stop counter)' },
    levels: [
      { value: 1, text: { vi: 'Không hài lòng', en: 'Dissatisfied' } },
      { value: 2, text: { vi: 'Hài lòng', en: 'Satisfied' } },
      { value: 3, text: { vi: 'Rất hài lòng', en: 'Very satisfied' } },
    ],
    satisfied: [2, 3],
  },
  'expectation-3': {
    title: { vi: 'Mức độ mong muốn cải thiện', en: 'How much improvement is wanted' },
    levels: [
      { value: 1, text: { vi: 'Ít', en: 'A little' } },
      { value: 2, text: { vi: 'Nhiều', en: 'Much' } },
      { value: 3, text: { vi: 'Rất nhiều', en: 'Very much' } },
    ],
  },
  'interest-3': {
    title: { vi: 'Mức độ quan tâm', en: 'Interest' },
    levels: [
      { value: 1, text: { vi: 'Không quan tâm', en: 'Not interested' } },
      { value: 2, text: { vi: 'Quan tâm một chút', en: 'Somewhat interested' } },
      { value: 3, text: { vi: 'Rất quan tâm', en: 'Very interested' } },
    ],
  },
  'experience-2': {
    title: { vi: 'Trải nghiệm', en: 'Experience' },
    levels: [
      { value: 1, text: { vi: 'Đã từng / Có', en: 'Yes, have done so' } },
      { value: 0, text: { vi: 'Chưa từng / Không', en: 'No, never' } },
    ],
  },
};

/** The value of the standard "other" option, and the suffix of the answer key holding its text. */
export const OTHER_VALUE = 'other';
export const OTHER_SUFFIX = '-other';
/** Default values of the exclusive "none" option and of the likert "no opinion" column. */
export const NONE_VALUE = 'none';
export const NO_OPINION_VALUE = 'na';

/** Response variables that expressions may read besides questions: `{channel} = 'kiosk'`. */
export const RESPONSE_VARIABLES: readonly string[] = ['channel', 'unit', 'serviceField', 'locale'];
