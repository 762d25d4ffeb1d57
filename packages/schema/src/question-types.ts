import { checkFragment, type SchemaFragment } from './fragment-validator.js';
import { message, quote, type LocalizedMessage } from './messages.js';
import { pageShared } from './page-shared.js';
import { QuestionTypeError } from './question-type-error.js';
import { BUILT_IN_QUESTION_TYPES, isBuiltInType, type AnswerValue, type Question } from './types.js';

/**
 * What the format needs to know of a custom question type (D6): the schema fragment of its own
 * properties, the shape of its answers, and, if it can feed an index, its possible answer values.
 * The runtime element and the designer entry are registered by the packages that own them.
 */
export interface QuestionTypeSchema {
  /** The type name used in questionnaires, e.g. `faces`. */
  type: string;
  /** JSON Schema fragment for the type's own properties (the common ones are always allowed). */
  properties: SchemaFragment;
  /** JSON Schema fragment an answer must match; any text, number or yes/no when absent. */
  answer?: SchemaFragment;
  /** The finite set of values an answer can take, when the type can be an index source. */
  answerValues?: (question: Question) => AnswerValue[] | undefined;
  /**
   * The values that count as satisfied when an index node or model does not say (as a scale's
   * `satisfied` does for rating and likert), for types with `answerValues`.
   */
  satisfiedValues?: (question: Question) => AnswerValue[] | undefined;
  /**
   * Checks of a question of this type that its fragment cannot state (a list's codes unique, each
   * parent listed), run once the fragment holds: each problem with its path inside the question
   * (`/units/3/parent`), which validation prefixes with the question's own.
   */
  checkQuestion?: (question: Question) => { path: string; code: string; message: LocalizedMessage }[];
}

const TYPE_NAME = /^[a-z][a-z0-9-]*$/;

/** A set of custom question types; questionnaires using a type validate only where it is registered. */
export class QuestionTypeRegistry {
  private readonly types = new Map<string, QuestionTypeSchema>();

  /** Adds a type; throws QuestionTypeError for a bad name, a built-in or repeated name, or a bad fragment. */
  register(definition: QuestionTypeSchema): void {
    const { type } = definition;
    if (typeof type !== 'string' || !TYPE_NAME.test(type)) {
      throw new QuestionTypeError(
        message(
          `Tên loại câu hỏi ${quote(type)} không hợp lệ: chữ thường không dấu, chữ số và dấu -`,
          `Invalid question type name ${quote(type)}: use lower-case ASCII letters, digits and -`,
        ),
      );
    }
    if ((BUILT_IN_QUESTION_TYPES as readonly string[]).includes(type) || this.types.has(type)) {
      throw new QuestionTypeError(
        message(`Loại câu hỏi ${quote(type)} đã được đăng ký`, `Question type ${quote(type)} is already registered`),
      );
    }
    for (const [part, fragment] of [['properties', definition.properties], ['answer', definition.answer ?? {}]] as const) {
      const problems = checkFragment(fragment, `/${part}`);
      if (problems.length > 0) {
        const first = problems[0]!;
        throw new QuestionTypeError(
          message(
            `Phân đoạn schema của loại ${quote(type)} không hợp lệ tại ${first.path}: ${first.message.vi}`,
            `The schema fragment of type ${quote(type)} is invalid at ${first.path}: ${first.message.en}`,
          ),
        );
      }
    }
    this.types.set(type, definition);
  }

  /** Removes a type (tests and hot reload). */
  unregister(type: string): boolean {
    return this.types.delete(type);
  }

  get(type: string): QuestionTypeSchema | undefined {
    return this.types.get(type);
  }

  has(type: string): boolean {
    return this.types.has(type);
  }

  /** The registered type names, in registration order. */
  names(): string[] {
    return [...this.types.keys()];
  }
}

/** The registry used when a caller passes none: what the page or process has registered (shared by every bundle on the page). */
export const questionTypes: QuestionTypeRegistry = pageShared('question-schemas', () => new QuestionTypeRegistry());

export { isBuiltInType };
