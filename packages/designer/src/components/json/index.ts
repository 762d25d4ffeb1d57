/** <sipas-designer-json>: the questionnaire as editable JSON. */
import { defineElement } from '@sipas/form';
import { SipasDesignerJson } from './sipas-designer-json.js';

export { SipasDesignerJson, analyseJsonText, prettyJson } from './sipas-designer-json.js';
export { findJsonSyntaxError, parseJson, type JsonSyntaxError, type JsonSyntaxProblem } from './json-syntax.js';

defineElement('sipas-designer-json', SipasDesignerJson);
