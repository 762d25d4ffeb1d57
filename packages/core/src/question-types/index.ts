export { coreTypes, createTypeRegistry } from './core-types.js';
export { defineQuestionType } from './custom-types.js';
export {
  CoreTypeRegistry,
  type AnswerContext,
  type AnswerProblem,
  type DesignerPart,
  type DesignerPropertyText,
  type ExportColumnPart,
  type QuestionElementPart,
  type QuestionTypeDefinition,
  type RegisteredQuestionType,
  type SurveyJSContext,
  type SurveyJSPart,
  type ToolboxGroup,
} from './registry.js';
