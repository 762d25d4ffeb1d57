export { createForm } from './form/create-form.js';
export { Form, QuestionnaireLoadError, type FieldError, type FormChange, type FormListener, type FormOptions } from './form/form.js';
export { displayAnswer, valueLabel } from './form/display.js';
export { createResponseId } from './form/response-id.js';
export { checkResponse, type CheckResponseOptions } from './check-response.js';
export {
  coreTypes,
  createTypeRegistry,
  defineQuestionType,
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
} from './question-types/index.js';
export {
  compileExpression,
  evaluate,
  evaluateCondition,
  ExpressionCompileError,
  type CompiledExpression,
  type EvaluateOptions,
  type ExpressionValues,
} from './expression/evaluate.js';
export { seededRandom, seededUuid, simulateResponse, simulateResponses, type RandomInt, type SimulateOptions } from './simulate.js';
