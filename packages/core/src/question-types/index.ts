export { coreTypes, createTypeRegistry } from './core-types.js';
export { defineQuestionType } from './custom-types.js';
export { CoreTypeRegistry, type AnswerContext, type AnswerProblem, type QuestionTypeDefinition, type RegisteredQuestionType } from './registry.js';
