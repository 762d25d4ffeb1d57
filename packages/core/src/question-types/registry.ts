/**
 * One registry of question types (D6): the value semantics every part of the engine relies on.
 * Built-in types are registered here directly. A custom type also has a schema part (its properties
 * fragment, answer fragment, answer values) that must be registered with @sipas/schema and checked
 * against its answers: that half lives in custom-types.ts and reaches `define` only through
 * `defineQuestionType`, so that a form of built-in types does not bundle the schema-fragment
 * interpreter and the compiled definitions it relies on (about 7 KB gzip).
 */
import {
  isBuiltInType,
  isEmptyAnswer,
  message,
  QuestionTypeError,
  quote,
  type Answer,
  type LocalizedMessage,
  type LocalizedString,
  type Question,
  type Questionnaire,
  type QuestionTypeRegistry,
  type QuestionTypeSchema,
} from '@sipas/schema';

/** A problem with one answer, in both languages. */
export interface AnswerProblem {
  code: string;
  message: LocalizedMessage;
}

/** What the engine hands to a type's hooks. */
export interface AnswerContext {
  questionnaire: Questionnaire;
  question: Question;
  /** The value before this change, for types whose normalization depends on it. */
  previous?: Answer;
}

/** The schema part of a custom type as the engine receives it (the type name comes from the definition). */
export type CustomTypeSchema = Omit<QuestionTypeSchema, 'type'>;

/**
 * The element that draws a type in `<sipas-form>` (and in the designer's canvas and preview): a
 * custom element extending @sipas/form's SipasQuestionElement. Typed loosely here because the
 * engine runs without a DOM; @sipas/form checks it.
 */
export interface QuestionElementPart {
  /** The custom element's tag: lower case, with a hyphen (`sipas-faces-rating`). */
  tag: string;
  class: abstract new () => object;
}

export type ToolboxGroup = 'choice' | 'scale' | 'text' | 'other';

/** How a type appears in `<sipas-designer>`; the property panel is generated from the schema fragment. */
export interface DesignerPart {
  /** The toolbox label. */
  label: { vi: string; en: string };
  /** A short glyph on the toolbox button (decorative): one or two characters. */
  icon?: string;
  /** The toolbox group; `other` by default. */
  group?: ToolboxGroup;
  /** What a new question of this type starts with besides its type, name and title (the "default JSON"). */
  defaults?: Record<string, unknown>;
  /** The name new questions get, numbered (`faces` gives faces1, faces2…); `q` by default. */
  namePrefix?: string;
  /**
   * Own editors for some of the type's properties, by property name: the tag of an element that
   * is given `value`, `question`, `questionnaire`, `lang` and `editLanguage`, and dispatches
   * `sipas-property-value` with the new value in `detail.value` (as the built-in editors do).
   */
  editors?: Record<string, string>;
  /**
   * The property panel's label and hint for the type's own properties, in both languages, by
   * property name (a nested object's property as `parent.child`). Without one, the fragment's
   * `title` and `description` serve both languages.
   */
  properties?: Record<string, DesignerPropertyText>;
}

/** How the designer's property panel names one property. */
export interface DesignerPropertyText {
  label: { vi: string; en: string };
  description?: { vi: string; en: string };
}

export interface SurveyJSContext {
  /** The locale SurveyJS's `default` texts are in. */
  defaultLocale: string;
  /** A localized text as SurveyJS writes it (a string, or an object of locales with `default`). */
  text: (value: LocalizedString) => unknown;
}

/** What `toSurveyJS` writes for a question of this type; without it the question is kept whole in a hidden html element. */
export interface SurveyJSPart {
  /**
   * The SurveyJS element's own properties (`type` and what it needs to show the question): the
   * exporter adds the name, the common properties (title, description, required, conditions) and
   * the whole question, so that importing the JSON back restores it exactly.
   */
  toSurveyJS: (question: Question, context: SurveyJSContext) => { type: string } & Record<string, unknown>;
}

/** One column of a responses export made from a question's answer. */
export interface ExportColumnPart {
  /** Appended to the question's name after a dot (`unit.province`); the column is named after the question alone without one. */
  key?: string;
  /** What the column holds, after the question's title (`— Tỉnh`). */
  title?: LocalizedMessage;
  /** The cell of one answer (never called for a missing answer); the answer itself by default (JSON when structured). */
  value?: (answer: Answer) => string | number | null;
}

export interface QuestionTypeDefinition {
  /** The type name used in questionnaires. */
  type: string;
  /** Schema part of a custom type (properties fragment, answer fragment, answer values); built-ins have theirs in the format. */
  schema?: CustomTypeSchema;
  /** False for types that take no answer (info). */
  answerable?: boolean;
  /** True when the answer counts as not given; the format's rule (undefined, null, '', [], {}) by default. */
  isEmpty?: (value: Answer | undefined, context: AnswerContext) => boolean;
  /** Brings an incoming value to the stored shape (for example '5' to 5 on a number field); undefined clears it. */
  normalize?: (value: unknown, context: AnswerContext) => Answer | undefined;
  /** Problems of a non-empty answer beyond what the format's validators check. */
  validate?: (value: Answer, context: AnswerContext) => AnswerProblem[];
  /** Columns of a responses export; one column with the value (JSON when structured) when absent or giving undefined. */
  exportColumns?: (question: Question) => ExportColumnPart[] | undefined;
  /** The runtime element; required by @sipas/form's `defineQuestionType`, absent where nothing is drawn (servers). */
  element?: QuestionElementPart;
  /** The designer's toolbox entry; a generic one (the type's name, the panel from its fragment) without it. */
  designer?: DesignerPart;
  /** The SurveyJS mapping; the documented fallback (a hidden html element keeping the question) without it. */
  surveyjs?: SurveyJSPart;
}

/** A registered type, with every hook filled in. */
export interface RegisteredQuestionType {
  type: string;
  answerable: boolean;
  isEmpty: (value: Answer | undefined, context: AnswerContext) => boolean;
  normalize: (value: unknown, context: AnswerContext) => Answer | undefined;
  validate: (value: Answer, context: AnswerContext) => AnswerProblem[];
  exportColumns?: QuestionTypeDefinition['exportColumns'];
  element?: QuestionElementPart;
  designer?: DesignerPart;
  surveyjs?: SurveyJSPart;
}

const defaultEmpty = (value: Answer | undefined) => isEmptyAnswer(value);
const keepAsIs = (value: unknown) => (value === undefined || value === null ? undefined : (value as Answer));
const noProblems = () => [];

/**
 * What registering a custom type's schema part yields: the schema registry it went to (so that
 * `remove` takes it back out) and the type's full answer check (the answer fragment, then its own).
 */
export interface BoundTypeSchema {
  /** Undefined when the schema part was registered already (by the same definition), so `remove` leaves it. */
  schemas: QuestionTypeRegistry | undefined;
  validate: RegisteredQuestionType['validate'];
}

/**
 * Registers a custom type's schema part with @sipas/schema (with `schemas`, or the shared
 * `questionTypes` when undefined) and binds its answer check. `defineQuestionType` supplies it.
 */
export type TypeSchemaBinder = (definition: QuestionTypeDefinition & { schema: CustomTypeSchema }, schemas: QuestionTypeRegistry | undefined) => BoundTypeSchema;

export class CoreTypeRegistry {
  private readonly types = new Map<string, RegisteredQuestionType>();
  /** The schema registry of each custom type, so that `remove` unregisters it there. */
  private readonly schemaHomes = new Map<string, QuestionTypeRegistry>();
  private readonly schemaRegistry: QuestionTypeRegistry | undefined;

  /**
   * `schemaRegistry` receives the schema parts of custom types defined here; without it they go to
   * @sipas/schema's shared `questionTypes`, which validates questionnaires by default.
   */
  constructor(schemaRegistry?: QuestionTypeRegistry) {
    this.schemaRegistry = schemaRegistry;
  }

  /**
   * Registers a type's value semantics. A custom type needs `bindSchema`, which registers its
   * schema part: define custom types with `defineQuestionType(definition, registry)`, which passes
   * it. Throws QuestionTypeError for a repeated name, or a custom type without its schema or binder.
   */
  define(definition: QuestionTypeDefinition, bindSchema?: TypeSchemaBinder): RegisteredQuestionType {
    const { type } = definition;
    if (this.types.has(type)) {
      throw new QuestionTypeError(message(`Loại câu hỏi ${quote(type)} đã được đăng ký`, `Question type ${quote(type)} is already registered`));
    }
    let validate = definition.validate ?? noProblems;
    if (!isBuiltInType(type)) {
      if (!definition.schema) {
        throw new QuestionTypeError(
          message(`Loại câu hỏi ${quote(type)} cần phân đoạn schema (schema.properties)`, `Question type ${quote(type)} needs its schema fragment (schema.properties)`),
        );
      }
      if (!bindSchema) {
        throw new QuestionTypeError(
          message(
            `Loại câu hỏi tự định nghĩa ${quote(type)} phải được đăng ký bằng defineQuestionType(definition, registry)`,
            `Custom question type ${quote(type)} must be defined with defineQuestionType(definition, registry)`,
          ),
        );
      }
      const bound = bindSchema({ ...definition, schema: definition.schema }, this.schemaRegistry);
      if (bound.schemas) this.schemaHomes.set(type, bound.schemas);
      validate = bound.validate;
    }
    const registered: RegisteredQuestionType = {
      type,
      answerable: definition.answerable ?? true,
      isEmpty: definition.isEmpty ?? defaultEmpty,
      normalize: definition.normalize ?? keepAsIs,
      validate,
      exportColumns: definition.exportColumns,
      element: definition.element,
      designer: definition.designer,
      surveyjs: definition.surveyjs,
    };
    this.types.set(type, registered);
    return registered;
  }

  get(type: string): RegisteredQuestionType | undefined {
    return this.types.get(type);
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  /** Removes a custom type here and from the schema registry it was registered with (tests, hot reload). */
  remove(type: string): boolean {
    this.schemaHomes.get(type)?.unregister(type);
    this.schemaHomes.delete(type);
    return this.types.delete(type);
  }

  names(): string[] {
    return [...this.types.keys()];
  }

  /**
   * The schema registry given at construction, which validates questionnaires using these types;
   * undefined stands for @sipas/schema's shared `questionTypes` (the default of its validators).
   */
  get schemas(): QuestionTypeRegistry | undefined {
    return this.schemaRegistry;
  }
}
