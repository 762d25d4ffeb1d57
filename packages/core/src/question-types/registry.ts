/**
 * One registry of question types (D6): the value semantics every part of the engine relies on.
 * Built-in types are registered through the same `defineQuestionType` call a custom type uses;
 * for a custom type the call also registers its schema fragment with @sipas/schema, so that
 * questionnaires using it validate wherever it is registered.
 */
import {
  isBuiltInType,
  isEmptyAnswer,
  message,
  questionTypes,
  QuestionTypeError,
  quote,
  type Answer,
  type LocalizedMessage,
  type Question,
  type Questionnaire,
  type QuestionTypeSchema,
  validateWithFragment,
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

export interface QuestionTypeDefinition {
  /** The type name used in questionnaires. */
  type: string;
  /** Schema part of a custom type (properties fragment, answer fragment, answer values); built-ins have theirs in the format. */
  schema?: Omit<QuestionTypeSchema, 'type'>;
  /** False for types that take no answer (info). */
  answerable?: boolean;
  /** True when the answer counts as not given; the format's rule (undefined, null, '', [], {}) by default. */
  isEmpty?: (value: Answer | undefined, context: AnswerContext) => boolean;
  /** Brings an incoming value to the stored shape (for example '5' to 5 on a number field); undefined clears it. */
  normalize?: (value: unknown, context: AnswerContext) => Answer | undefined;
  /** Problems of a non-empty answer beyond what the format's validators check. */
  validate?: (value: Answer, context: AnswerContext) => AnswerProblem[];
}

/** A registered type, with every hook filled in. */
export interface RegisteredQuestionType {
  type: string;
  answerable: boolean;
  isEmpty: (value: Answer | undefined, context: AnswerContext) => boolean;
  normalize: (value: unknown, context: AnswerContext) => Answer | undefined;
  validate: (value: Answer, context: AnswerContext) => AnswerProblem[];
}

const defaultEmpty = (value: Answer | undefined) => isEmptyAnswer(value);
const keepAsIs = (value: unknown) => (value === undefined || value === null ? undefined : (value as Answer));
const noProblems = () => [];

/** A custom answer must match the type's answer fragment (a scalar without one), then pass its own check. */
function customValidation(definition: QuestionTypeDefinition): RegisteredQuestionType['validate'] {
  const answerFragment = definition.schema?.answer;
  return (value, context) => {
    const shape = answerFragment
      ? validateWithFragment(value, answerFragment).map(({ code, message: text }) => ({ code, message: text }))
      : typeof value === 'object' && value !== null
        ? [{ code: 'answer-type', message: message('Câu trả lời phải là chữ, số hoặc true/false', 'The answer must be text, a number or true/false') }]
        : [];
    return shape.length > 0 ? shape : (definition.validate?.(value, context) ?? []);
  };
}

export class CoreTypeRegistry {
  private readonly types = new Map<string, RegisteredQuestionType>();
  private readonly schemaRegistry: typeof questionTypes;

  constructor(schemaRegistry = questionTypes) {
    this.schemaRegistry = schemaRegistry;
  }

  /** Registers a type; throws QuestionTypeError for a repeated name or a custom type without its schema. */
  define(definition: QuestionTypeDefinition): RegisteredQuestionType {
    const { type } = definition;
    if (this.types.has(type)) {
      throw new QuestionTypeError(message(`Loại câu hỏi ${quote(type)} đã được đăng ký`, `Question type ${quote(type)} is already registered`));
    }
    if (!isBuiltInType(type)) {
      if (!definition.schema) {
        throw new QuestionTypeError(
          message(`Loại câu hỏi ${quote(type)} cần phân đoạn schema (schema.properties)`, `Question type ${quote(type)} needs its schema fragment (schema.properties)`),
        );
      }
      if (!this.schemaRegistry.has(type)) this.schemaRegistry.register({ type, ...definition.schema });
    }
    const registered: RegisteredQuestionType = {
      type,
      answerable: definition.answerable ?? true,
      isEmpty: definition.isEmpty ?? defaultEmpty,
      normalize: definition.normalize ?? keepAsIs,
      validate: isBuiltInType(type) ? (definition.validate ?? noProblems) : customValidation(definition),
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

  /** Removes a custom type here and from the schema registry (tests, hot reload). */
  remove(type: string): boolean {
    if (!isBuiltInType(type)) this.schemaRegistry.unregister(type);
    return this.types.delete(type);
  }

  names(): string[] {
    return [...this.types.keys()];
  }

  /** The schema registry that validates questionnaires using these types. */
  get schemas(): typeof questionTypes {
    return this.schemaRegistry;
  }
}
