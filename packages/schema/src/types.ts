/**
 * TypeScript types of the questionnaire and response formats (format 1).
 * They mirror schemas/questionnaire.schema.json and schemas/response.schema.json; the JSON Schemas
 * are the reference, these types are what code works with after validation.
 */

/** A locale code such as `vi` or `en`. */
export type Locale = string;

/** Text shown to people: a plain string (Vietnamese) or translations keyed by locale, `vi` required. */
export type LocalizedString = string | ({ vi: string } & Record<Locale, string>);

/** The stored value of a choice or a scale level. */
export type AnswerValue = string | number;

export type Channel = 'online' | 'kiosk' | 'paper' | 'interview' | 'phone';

export const CHANNELS: readonly Channel[] = ['online', 'kiosk', 'paper', 'interview', 'phone'];

export interface ScaleLevel {
  value: AnswerValue;
  text: LocalizedString;
}

export interface Scale {
  title?: LocalizedString;
  levels: ScaleLevel[];
  /** Levels that count as satisfied in an index unless the index model says otherwise. */
  satisfied?: AnswerValue[];
}

/** The name of a scale (standard or declared in `scales`) or a scale written in place. */
export type ScaleRef = string | Scale;

export interface Choice {
  value: AnswerValue;
  text: LocalizedString;
  visibleIf?: string;
}

export type OtherOption = boolean | { text: LocalizedString };
export type NoneOption = boolean | { value?: AnswerValue; text?: LocalizedString };
export type NoOpinionOption = boolean | { value?: AnswerValue; text?: LocalizedString };

export type Validator =
  | { type: 'range'; min?: number | string; max?: number | string; message?: LocalizedString }
  | { type: 'length'; min?: number; max?: number; message?: LocalizedString }
  | { type: 'count'; min?: number; max?: number; message?: LocalizedString }
  | { type: 'pattern'; pattern: string; message?: LocalizedString }
  | { type: 'expression'; expression: string; message: LocalizedString };

export type ValidatorType = Validator['type'];

interface QuestionCommon {
  name: string;
  title?: LocalizedString;
  description?: LocalizedString;
  visibleIf?: string;
}

interface AnswerableCommon extends QuestionCommon {
  title: LocalizedString;
  /** Criterion code, for questions an index model may name. */
  code?: string;
  required?: boolean;
  requiredIf?: string;
  requiredMessage?: LocalizedString;
  enableIf?: string;
  validators?: Validator[];
}

export type TextInputType = 'text' | 'email' | 'tel' | 'number' | 'date';

export interface TextQuestion extends AnswerableCommon {
  type: 'text';
  inputType?: TextInputType;
  placeholder?: LocalizedString;
}

export interface CommentQuestion extends AnswerableCommon {
  type: 'comment';
  placeholder?: LocalizedString;
  rows?: number;
}

export interface SingleQuestion extends AnswerableCommon {
  type: 'single';
  choices: Choice[];
  other?: OtherOption;
  columns?: number;
}

export interface MultipleQuestion extends AnswerableCommon {
  type: 'multiple';
  choices: Choice[];
  other?: OtherOption;
  none?: NoneOption;
  columns?: number;
}

export type HierarchyName = 'units' | 'serviceFields';

export interface DropdownQuestion extends AnswerableCommon {
  type: 'dropdown';
  choices?: Choice[];
  choicesFrom?: { list: HierarchyName; level?: string };
  other?: OtherOption;
  placeholder?: LocalizedString;
  searchable?: boolean;
}

export interface RatingQuestion extends AnswerableCommon {
  type: 'rating';
  scale: ScaleRef;
  display?: 'buttons' | 'stars' | 'faces';
}

export interface LikertRow {
  value: string;
  text: LocalizedString;
  code?: string;
  visibleIf?: string;
}

export interface LikertQuestion extends AnswerableCommon {
  type: 'likert';
  scale: ScaleRef;
  rows: LikertRow[];
  noOpinion?: NoOpinionOption;
  allRowsRequired?: boolean;
}

export interface BooleanQuestion extends AnswerableCommon {
  type: 'boolean';
  labelTrue?: LocalizedString;
  labelFalse?: LocalizedString;
}

export interface InfoQuestion extends QuestionCommon {
  type: 'info';
  text?: LocalizedString;
}

/** A question of a registered custom type: common properties plus whatever its fragment allows. */
export interface CustomQuestion extends AnswerableCommon {
  type: string;
  [property: string]: unknown;
}

export type BuiltInQuestion =
  | TextQuestion
  | CommentQuestion
  | SingleQuestion
  | MultipleQuestion
  | DropdownQuestion
  | RatingQuestion
  | LikertQuestion
  | BooleanQuestion
  | InfoQuestion;

export type Question = BuiltInQuestion | CustomQuestion;

export type BuiltInQuestionType = BuiltInQuestion['type'];

export const BUILT_IN_QUESTION_TYPES: readonly BuiltInQuestionType[] = [
  'text',
  'comment',
  'single',
  'multiple',
  'dropdown',
  'rating',
  'likert',
  'boolean',
  'info',
];

/** True for the nine types of the format; any other type must be registered. */
export const isBuiltInType = (type: string): boolean => (BUILT_IN_QUESTION_TYPES as readonly string[]).includes(type);

export interface Section {
  name: string;
  title?: LocalizedString;
  description?: LocalizedString;
  visibleIf?: string;
  questions: Question[];
}

export interface Page {
  name: string;
  title?: LocalizedString;
  description?: LocalizedString;
  visibleIf?: string;
  sections: Section[];
}

export interface HierarchyItem {
  id: string;
  label: LocalizedString;
  level?: string;
  officialCode?: string;
  children?: HierarchyItem[];
}

export interface Hierarchy {
  levels?: { id: string; label: LocalizedString }[];
  items: HierarchyItem[];
}

export type IndexMethod = 'share' | 'mean' | 'pooled' | 'source';

export interface IndexSource {
  question: string;
  /** The likert row, when the question is a likert grid. */
  row?: string;
}

export interface IndexNode {
  id: string;
  label?: LocalizedString;
  method?: IndexMethod;
  weight?: number;
  source?: IndexSource;
  satisfied?: AnswerValue[];
  excluded?: AnswerValue[];
  children?: IndexNode[];
}

export interface IndexModel {
  satisfied?: AnswerValue[];
  excluded?: AnswerValue[];
  root: IndexNode;
  distributions?: string[];
  breakdowns?: string[];
}

export interface SipasBlock {
  survey?: {
    agency?: LocalizedString;
    period?: { label?: LocalizedString; from?: string; to?: string };
    channels?: Channel[];
  };
  units?: Hierarchy;
  serviceFields?: Hierarchy;
  index?: IndexModel;
}

export interface Settings {
  clearHiddenValues?: 'onHidden' | 'onComplete' | 'never';
  progressBar?: boolean;
  questionNumbers?: boolean;
  onePerDevice?: boolean;
}

export interface Questionnaire {
  $schema?: string;
  formatVersion: string;
  id: string;
  version?: number;
  title: LocalizedString;
  description?: LocalizedString;
  locales?: Locale[];
  metadata?: {
    source?: LocalizedString;
    legalBasis?: string;
    status?: 'official' | 'reconstructed' | 'draft';
    notes?: LocalizedString;
    tags?: string[];
    [extension: `x-${string}`]: unknown;
  };
  settings?: Settings;
  scales?: Record<string, Scale>;
  sipas?: SipasBlock;
  pages: Page[];
  [extension: `x-${string}`]: unknown;
}

/** A likert answer maps row values to scale values; a multiple answer is a list of choice values. */
export type Answer = string | number | boolean | AnswerValue[] | Record<string, AnswerValue>;

export interface Response {
  $schema?: string;
  formatVersion: string;
  responseId: string;
  questionnaire: { id: string; version: number };
  channel: Channel;
  unit?: string;
  serviceField?: string;
  startedAt?: string;
  submittedAt: string;
  locale: Locale;
  answers: Record<string, Answer>;
  collection?: { counter?: string; officer?: string; interviewer?: string };
  paper?: {
    serial: string;
    enumerator?: string;
    sample?: 'official' | 'reserve';
    verification?: boolean;
    spoiled?: string[];
  };
}

/** The current format version, written into new documents. */
export const FORMAT_VERSION = '1.0';
