/**
 * The half of type registration that only custom types need: their schema part is registered with
 * @sipas/schema (so that questionnaires using them validate) and their answers are checked against
 * the answer fragment. Both rely on the schema-fragment interpreter and the compiled definitions
 * behind `$ref` (about 7 KB gzip), which a form of built-in types must not carry: the built-in path
 * (`Form`, `coreTypes`, registry.ts) never imports this module.
 */
import { message, QuestionTypeError, questionTypes, quote, validateWithFragment } from '@sipas/schema';
import { checkParts } from './check-parts.js';
import { coreTypes } from './core-types.js';
import { guardedSchema, guardedSemantics } from './guarded-hooks.js';
import type { AnswerProblem, CoreTypeRegistry, CustomTypeSchema, QuestionTypeDefinition, RegisteredQuestionType, TypeSchemaBinder } from './registry.js';

const notScalar = (): AnswerProblem[] => [
  { code: 'answer-type', message: message('Câu trả lời phải là chữ, số hoặc true/false', 'The answer must be text, a number or true/false') },
];

/** The schema parts registered here, by the definition's schema object they came from. */
const registeredFrom = new WeakMap<object, CustomTypeSchema>();

/**
 * Registers the schema part, or finds it registered from this very schema object (the same
 * definition given to a second engine registry that shares the schema registry); a different
 * schema under the name is refused. An answer must match the answer fragment (be a scalar
 * without one) before the type's own `validate` runs.
 */
const bindTypeSchema: TypeSchemaBinder = (definition, schemas = questionTypes) => {
  const { type, schema } = definition;
  const existing = schemas.get(type);
  if (existing && registeredFrom.get(existing) !== schema) {
    throw new QuestionTypeError(message(`Loại câu hỏi ${quote(type)} đã được đăng ký`, `Question type ${quote(type)} is already registered`));
  }
  if (!existing) {
    const entry = { type, ...guardedSchema(schema) };
    schemas.register(entry);
    registeredFrom.set(schemas.get(type)!, schema);
  }
  const answerFragment = schema.answer;
  return {
    // Only the registry that registered the schema part takes it back out.
    schemas: existing ? undefined : schemas,
    validate: (value, context) => {
      const shape = answerFragment
        ? validateWithFragment(value, answerFragment).map(({ code, message: text }) => ({ code, message: text }))
        : typeof value === 'object' && value !== null
          ? notScalar()
          : [];
      return shape.length > 0 ? shape : (definition.validate?.(value, context) ?? []);
    },
  };
};

/**
 * Registers a question type with a registry (the shared `coreTypes` by default). A custom type's
 * schema part is registered with the registry's schema registry (@sipas/schema's `questionTypes`
 * unless the registry was created with its own), and its answers must match its answer fragment
 * before its own `validate` runs. Throws QuestionTypeError for a repeated name, a custom type
 * without its schema, or an invalid fragment.
 */
export function defineQuestionType(definition: QuestionTypeDefinition, registry: CoreTypeRegistry = coreTypes): RegisteredQuestionType {
  checkParts(definition);
  return registry.define({ ...definition, ...guardedSemantics(definition) }, bindTypeSchema);
}
