export type {
  Answer,
  AnswerValue,
  BooleanQuestion,
  BuiltInQuestion,
  BuiltInQuestionType,
  Channel,
  Choice,
  CommentQuestion,
  CustomQuestion,
  DropdownQuestion,
  Hierarchy,
  HierarchyItem,
  HierarchyName,
  IndexMethod,
  IndexModel,
  IndexNode,
  IndexSource,
  InfoQuestion,
  LikertQuestion,
  LikertRow,
  Locale,
  LocalizedString,
  MultipleQuestion,
  NoOpinionOption,
  NoneOption,
  OtherOption,
  Page,
  Question,
  Questionnaire,
  RatingQuestion,
  Response,
  Scale,
  ScaleLevel,
  ScaleRef,
  Section,
  Settings,
  SingleQuestion,
  SipasBlock,
  TextInputType,
  TextQuestion,
  Validator,
  ValidatorType,
} from './types.js';
export { BUILT_IN_QUESTION_TYPES, CHANNELS, FORMAT_VERSION, isBuiltInType } from './types.js';
export type { BinaryOperator, ExpressionNode, UnaryOperator, VariableNode } from './expression/ast.js';
export { parseExpression, type ParseResult } from './expression/parser.js';
export { EXPRESSION_FUNCTIONS, type FunctionSignature } from './expression/functions.js';
export { message, quote, type LocalizedMessage, type MessageLanguage } from './messages.js';
export { localize, toMessage } from './localize.js';
export { inLanguage, languageOf, translator } from './translate.js';
export { normalizeSerial } from './paper-serial.js';
export { escapePointerToken, pointer, type ValidationError, type ValidationResult } from './validation-result.js';
export { validateQuestionnaire, isValidQuestionnaire, type ValidateOptions } from './validate-questionnaire.js';
export { checkLogic } from './logic-checks.js';
export { validateResponse, validateAnswer } from './validate-response.js';
export { checkAnswer, isEmptyAnswer, type CustomAnswerCheck } from './answer-checks.js';
export { isIsoDate } from './dates.js';
export { QuestionTypeError } from './question-type-error.js';
export { QuestionTypeRegistry, questionTypes, type QuestionTypeSchema } from './question-types.js';
export { pageShared } from './page-shared.js';
export { checkFragment, validateWithFragment, type SchemaFragment } from './fragment-validator.js';
export { COMMON_QUESTION_PROPERTIES } from './questionnaire-checks.js';
export {
  answerValues,
  asBuiltIn,
  isAnswerable,
  flattenHierarchy,
  hasOtherOption,
  hierarchyChoiceIds,
  listQuestions,
  noOpinionValue,
  noneValue,
  questionIndex,
  resolveScale,
  satisfiedValues,
  type AnswerableQuestion,
  type CustomTypeLookup,
  type LocatedQuestion,
} from './questionnaire-model.js';
export { NONE_VALUE, NO_OPINION_VALUE, OTHER_SUFFIX, OTHER_VALUE, RESPONSE_VARIABLES, STANDARD_SCALES } from './standard-scales.js';
export { QUESTIONNAIRE_SCHEMA } from './generated/questionnaire-schema.js';
