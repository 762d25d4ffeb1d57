/** The logic parts: the condition editor (builder and text) and the logic panel. Importing defines both tags. */
import { defineElement } from '@sipas/form';
import { SipasExpressionEditor } from './sipas-expression-editor.js';
import { SipasDesignerLogic } from './sipas-designer-logic.js';

defineElement('sipas-expression-editor', SipasExpressionEditor);
defineElement('sipas-designer-logic', SipasDesignerLogic);

export { SipasExpressionEditor, type ExpressionChangeDetail } from './sipas-expression-editor.js';
export { SipasDesignerLogic } from './sipas-designer-logic.js';

declare global {
  interface HTMLElementTagNameMap {
    'sipas-expression-editor': SipasExpressionEditor;
    'sipas-designer-logic': SipasDesignerLogic;
  }
}
