/**
 * The faces rating (đánh giá bằng mặt cười): how satisfied the citizen is, in 3 or 5 faces, for
 * the tablet at a one-stop counter. It counts in indices like a rating on a satisfaction scale.
 *
 * DOM-free: this is the whole type for servers and the CLI (`sipas --types faces.type.js`); the
 * page adds its element in index.ts. It imports types only, so the built module stands alone.
 *
 * Answers are the level, 1 (saddest) to `levels` (happiest). The level texts are fixed, not
 * editable per question: the satisfied set below is defined by those words, and a question that
 * renamed "Bình thường" to "Tốt" would be counted as dissatisfied under a label saying otherwise.
 */
import type { AnswerContext, AnswerProblem, QuestionTypeDefinition } from '@sipas/core';
import type { Answer, AnswerValue, CustomQuestion, LocalizedString, Question } from '@sipas/schema';

export const FACES_TYPE = 'faces';

/** 3 levels at counters (SIPAS-DOMAIN §7.3), 5 as the SIPAS questionnaires' satisfaction scale (§2.4). */
export type FacesLevelCount = 3 | 5;

export interface FacesQuestion extends CustomQuestion {
  type: typeof FACES_TYPE;
  /** How many faces; 5 when absent. */
  levels?: FacesLevelCount;
}

/** One face of a question: its stored value, its words and its glyph. */
export interface FaceLevel {
  value: number;
  text: LocalizedString;
  face: string;
}

export const DEFAULT_LEVEL_COUNT: FacesLevelCount = 5;

/** ☹ and ☺ with the emoji selector, so that they are drawn like the other faces where a font has both. */
const FROWN = '\u2639\uFE0F';
const SMILE = '\u263A\uFE0F';

/**
 * Saddest first. Five levels are the standard `satisfaction-5` scale; three are the counter
 * devices' Không hài lòng / Hài lòng / Rất hài lòng (the standard `satisfaction-3`), so their middle
 * face smiles: it says "satisfied", not "neutral". The faces are Unicode 6.0 emoji and the older
 * ☹/☺: the 2014 🙁/🙂 are missing from the fonts of many older tablets, which show a box instead.
 */
const LEVELS: Record<FacesLevelCount, readonly FaceLevel[]> = {
  5: [
    { value: 1, text: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' }, face: '😞' },
    { value: 2, text: { vi: 'Không hài lòng', en: 'Dissatisfied' }, face: FROWN },
    { value: 3, text: { vi: 'Bình thường', en: 'Neutral' }, face: '😐' },
    { value: 4, text: { vi: 'Hài lòng', en: 'Satisfied' }, face: SMILE },
    { value: 5, text: { vi: 'Rất hài lòng', en: 'Very satisfied' }, face: '😃' },
  ],
  3: [
    { value: 1, text: { vi: 'Không hài lòng', en: 'Dissatisfied' }, face: FROWN },
    { value: 2, text: { vi: 'Hài lòng', en: 'Satisfied' }, face: SMILE },
    { value: 3, text: { vi: 'Rất hài lòng', en: 'Very satisfied' }, face: '😃' },
  ],
};

/**
 * The levels that count as satisfied, as the standard scales have them (docs/format.md §5):
 * "Hài lòng" and "Rất hài lòng" in both; "Bình thường" is not satisfied (SIPAS counts 4 and 5).
 */
const SATISFIED: Record<FacesLevelCount, readonly number[]> = { 5: [4, 5], 3: [2, 3] };

export const levelCountOf = (question: Question): FacesLevelCount => ((question as FacesQuestion).levels === 3 ? 3 : DEFAULT_LEVEL_COUNT);

/** The faces a question shows, saddest first. */
export const faceLevels = (question: Question): readonly FaceLevel[] => LEVELS[levelCountOf(question)];

/** Text from a kiosk's radio or a spreadsheet ("4") becomes the level; anything else is kept for the checks to report. */
function normalize(value: unknown): Answer | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) return Number(value);
  return value as Answer;
}

/** The answer fragment has made it an integer from 1 to 5; the question may have fewer faces. */
function validate(value: Answer, { question }: AnswerContext): AnswerProblem[] {
  const count = levelCountOf(question);
  if (typeof value === 'number' && value >= 1 && value <= count) return [];
  return [
    {
      code: 'out-of-scale',
      message: { vi: `Câu trả lời phải là một mức từ 1 đến ${count}`, en: `The answer must be a level from 1 to ${count}` },
    },
  ];
}

/** The designer's label and hint of `levels`; the fragment carries the Vietnamese ones for other JSON Schema tools. */
const PROPERTY_TEXTS = {
  levels: {
    label: { vi: 'Số mặt cười', en: 'Number of faces' },
    description: {
      vi: '3: Không hài lòng, Hài lòng, Rất hài lòng (tại quầy); 5: thang hài lòng SIPAS',
      en: '3: Dissatisfied, Satisfied, Very satisfied (at counters); 5: the SIPAS satisfaction scale',
    },
  },
};

const faces: QuestionTypeDefinition = {
  type: FACES_TYPE,
  schema: {
    properties: {
      type: 'object',
      properties: {
        levels: {
          title: PROPERTY_TEXTS.levels.label.vi,
          description: PROPERTY_TEXTS.levels.description.vi,
          enum: [3, 5],
          default: DEFAULT_LEVEL_COUNT,
        },
      },
    },
    answer: { type: 'integer', minimum: 1, maximum: 5 },
    answerValues: (question): AnswerValue[] => faceLevels(question).map((level) => level.value),
    satisfiedValues: (question): AnswerValue[] => [...SATISFIED[levelCountOf(question)]],
  },
  normalize,
  validate,
  // No exportColumns: one column with the level is what analysts expect of a rating (the
  // questions sheet says how many faces the question had).
  designer: {
    label: { vi: 'Mặt cười (3 hoặc 5 mức)', en: 'Faces rating (3 or 5 levels)' },
    icon: '☺',
    group: 'scale',
    namePrefix: 'faces',
    defaults: {
      title: { vi: 'Ông/Bà hài lòng với sự phục vụ hôm nay như thế nào?', en: 'How satisfied are you with the service today?' },
      levels: DEFAULT_LEVEL_COUNT,
    },
    properties: PROPERTY_TEXTS,
  },
  surveyjs: {
    // SurveyJS's own faces: a rating drawn as smileys, with our levels as its values and words.
    toSurveyJS: (question, { text }) => {
      const levels = faceLevels(question);
      return {
        type: 'rating',
        rateType: 'smileys',
        rateCount: levels.length,
        rateValues: levels.map((level) => ({ value: level.value, text: text(level.text) })),
      };
    },
  },
};

export default faces;
