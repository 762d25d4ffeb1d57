import { defineBuiltInTypes } from './built-in-types.js';
import { CoreTypeRegistry, type QuestionTypeDefinition, type RegisteredQuestionType } from './registry.js';

/** The registry forms use unless given another: the built-in types and what the page registered. */
export const coreTypes = new CoreTypeRegistry();
defineBuiltInTypes(coreTypes);

/** Registers a question type with the shared registry (built-ins were registered the same way). */
export function defineQuestionType(definition: QuestionTypeDefinition): RegisteredQuestionType {
  return coreTypes.define(definition);
}

/** A registry with only the built-in types, for tests and isolated forms. */
export function createTypeRegistry(...args: ConstructorParameters<typeof CoreTypeRegistry>): CoreTypeRegistry {
  const registry = new CoreTypeRegistry(...args);
  defineBuiltInTypes(registry);
  return registry;
}

export { CoreTypeRegistry, type AnswerContext, type AnswerProblem, type QuestionTypeDefinition, type RegisteredQuestionType } from './registry.js';
