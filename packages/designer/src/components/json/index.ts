/** <sipas-designer-json>: the questionnaire as editable JSON. */
import { defineElement } from '@sipas/form';
import { SipasDesignerJson } from './sipas-designer-json.js';

export { SipasDesignerJson, analyseJsonText, prettyJson, type TextAnalysis } from './sipas-designer-json.js';
export { findJsonSyntaxError, parseJson, syntaxErrorMessage, type JsonSyntaxError, type JsonSyntaxProblem } from '../../model/json-text.js';

defineElement('sipas-designer-json', SipasDesignerJson);
