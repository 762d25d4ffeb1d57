/**
 * The half of type registration that only custom types need: their schema part is registered with
 * @sipas/schema (so that questionnaires using them validate) and their answers are checked against
 * the answer fragment. Both rely on the schema-fragment interpreter and the compiled definitions
 * behind `$ref` (about 7 KB gzip), which a form of built-in types must not carry: the built-in path
 * (`Form`, `coreTypes`, registry.ts) never imports this module.
 */
import { message, questionTypes, validateWithFragment } from '@sipas/schema';
import { checkParts } from './check-parts.js';
import { coreTypes } from './core-types.js';
import type { AnswerProblem, CoreTypeRegistry, QuestionTypeDefinition, RegisteredQuestionType, TypeSchemaBinder } from './registry.js';

const notScalar = (): AnswerProblem[] => [
  { code: 'answer-type', message: message('Câu trả lời phải là chữ, số hoặc true/false', 'The answer must be text, a number or true/false') },
];

/**
 * Registers the schema part unless registered already. An answer must match the answer fragment (be
 * a scalar without one) before the type's own `validate` runs.
 */
const bindTypeSchema: TypeSchemaBinder = (definition, schemas = questionTypes) => {
  const { type, schema } = definition;
  if (!schemas.has(type)) schemas.register({ type, ...schema });
  const answerFragment = schema.answer;
  return {
    schemas,
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
  return registry.define(definition, bindTypeSchema);
}
