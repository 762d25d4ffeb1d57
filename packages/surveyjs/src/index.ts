export { toSurveyJS, type ToSurveyJSOptions, type ToSurveyJSResult } from './to-surveyjs.js';
export { fromSurveyJS, type FromSurveyJSOptions, type FromSurveyJSResult } from './from-surveyjs.js';
export { answersToSurveyJSData, surveyJSDataToAnswers } from './data.js';
export { expressionToSurveyJS, type ExpressionConversion } from './expressions.js';
export { SurveyJSImportError, type SurveyJSImportErrorCode } from './errors.js';
export { EXPORT_WARNING_CODES, IMPORT_WARNING_CODES, type ConversionWarning, type ConversionWarningCode } from './warnings.js';
export {
  SURVEYJS_CUSTOM_PROPERTIES,
  type ExpressionResidue,
  type NoOpinionResidue,
  type NoneResidue,
  type SipasRootResidue,
  type SurveyJSElement,
  type SurveyJSItemValue,
  type SurveyJSJson,
  type SurveyJSPage,
  type SurveyJSText,
  type SurveyJSValidator,
} from './surveyjs-json.js';
