/**
 * The shapes of the SurveyJS JSON that `toSurveyJS` writes, and the custom `sipas…` properties
 * that carry what SurveyJS has no concept of (docs/decisions/0013-surveyjs-mapping.md).
 */
import type { AnswerValue, HierarchyName, Question, Questionnaire, Scale, SipasBlock } from '@sipas/schema';

/**
 * A SurveyJS localizable string: plain text (for every locale), or texts keyed by locale where
 * `default` is the text for SurveyJS's default locale (`surveyLocalization.defaultLocale`).
 */
export type SurveyJSText = string | Record<string, string>;

/**
 * Our original expressions, keyed by the property they belong to, kept only when their SurveyJS
 * form does not read back to exactly the same text (or SurveyJS cannot express them at all).
 */
export type ExpressionResidue = Record<string, string>;

/** An item of `choices`, `rateValues`, matrix `rows` or `columns`. */
export interface SurveyJSItemValue {
  value: AnswerValue;
  text?: SurveyJSText;
  visibleIf?: string;
  isExclusive?: boolean;
  /** Criterion code of a likert row. */
  sipasCode?: string;
  sipasExpressions?: ExpressionResidue;
}

export interface SurveyJSValidator {
  type: 'numeric' | 'text' | 'regex' | 'answercount' | 'expression';
  text?: SurveyJSText;
  minValue?: number;
  maxValue?: number;
  minLength?: number;
  maxLength?: number;
  regex?: string;
  minCount?: number;
  maxCount?: number;
  expression?: string;
  /** A `range` rule of a date question written as an expression validator. */
  sipasRange?: { min?: number | string; max?: number | string };
  sipasExpressions?: ExpressionResidue;
}

/** The form of a `none` option given as an object; `text: true` means "the text is the item's". */
export interface NoneResidue {
  value?: AnswerValue;
  text?: true;
}

/** The form of a `noOpinion` option: `true`/`false` as written, or an object as for `none`. */
export type NoOpinionResidue = boolean | NoneResidue;

/** A SurveyJS question or panel. Every property beyond `type` and `name` is optional. */
export interface SurveyJSElement {
  type: string;
  name: string;
  /** Criterion code of the question. */
  sipasCode?: string;
  /** The scale by name, or what an in-place scale has besides its levels. */
  sipasScale?: string | Omit<Scale, 'levels'>;
  sipasNone?: NoneResidue;
  sipasNoOpinion?: NoOpinionResidue;
  sipasChoicesFrom?: { list: HierarchyName; level?: string };
  /** `allRowsRequired: true` on a grid that is not always required. */
  sipasAllRowsRequired?: true;
  /** `title`: the html was made from the title of an info question that has no text. */
  sipasInfo?: 'title';
  /** A question of a custom type, carried whole: inside a hidden html element, or on its type's own SurveyJS element. */
  sipasQuestion?: Question;
  sipasExpressions?: ExpressionResidue;
  [property: string]: unknown;
}

export interface SurveyJSPage {
  name: string;
  title?: SurveyJSText;
  description?: SurveyJSText;
  visibleIf?: string;
  elements: SurveyJSElement[];
  sipasExpressions?: ExpressionResidue;
}

/** What the root `sipas` property carries: every part of the questionnaire SurveyJS has no place for. */
export interface SipasRootResidue {
  formatVersion: string;
  id: string;
  version?: number;
  $schema?: string;
  locales?: string[];
  metadata?: Questionnaire['metadata'];
  /** Settings with no SurveyJS form (`onePerDevice: false`), or `{}` for an empty settings object. */
  settings?: Questionnaire['settings'];
  scales?: Record<string, Scale>;
  /** The questionnaire's `sipas` block: survey, units, service fields, index model. */
  block?: SipasBlock;
  /** The `x-…` extension properties of the questionnaire. */
  extensions?: Record<string, unknown>;
}

export interface SurveyJSJson {
  locale: string;
  title: SurveyJSText;
  description?: SurveyJSText;
  showProgressBar?: boolean;
  showQuestionNumbers?: 'on' | 'off';
  clearInvisibleValues?: 'onHidden' | 'onComplete' | 'none';
  cookieName?: string;
  sipas: SipasRootResidue;
  pages: SurveyJSPage[];
}

/**
 * The custom properties `toSurveyJS` writes, by the survey-core class they sit on. survey-core
 * loads JSON with them anyway (it lists them in `jsonErrors` and drops them from `toJSON()`);
 * register them to keep them through survey-core, e.g. in SurveyJS Creator:
 * `for (const { className, name } of SURVEYJS_CUSTOM_PROPERTIES) Serializer.addProperty(className, { name, visible: false })`.
 */
export const SURVEYJS_CUSTOM_PROPERTIES: readonly { className: string; name: string }[] = [
  { className: 'survey', name: 'sipas' },
  { className: 'page', name: 'sipasExpressions' },
  { className: 'panel', name: 'sipasExpressions' },
  ...[
    'sipasCode',
    'sipasScale',
    'sipasNone',
    'sipasNoOpinion',
    'sipasChoicesFrom',
    'sipasAllRowsRequired',
    'sipasInfo',
    'sipasQuestion',
    'sipasExpressions',
  ].map((name) => ({ className: 'question', name })),
  { className: 'itemvalue', name: 'sipasCode' },
  { className: 'itemvalue', name: 'sipasExpressions' },
  { className: 'surveyvalidator', name: 'sipasRange' },
  { className: 'surveyvalidator', name: 'sipasExpressions' },
];
