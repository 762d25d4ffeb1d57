/** The property panel and its editors; importing this module defines their tags. */
import { defineElement } from '@sipas/form';
import { SipasDesignerChoicesEditor } from './choices-editor.js';
import { SipasDesignerIndexLink } from './index-link-editor.js';
import { SipasDesignerScalePicker } from './scale-picker.js';
import { SipasDesignerProperties } from './sipas-designer-properties.js';
import { SipasDesignerValidatorsEditor } from './validators-editor.js';

export { SipasDesignerChoicesEditor, type ListKind } from './choices-editor.js';
export { SipasDesignerIndexLink } from './index-link-editor.js';
export { SipasDesignerScalePicker } from './scale-picker.js';
export { SipasDesignerValidatorsEditor } from './validators-editor.js';
export { DESIGNER_RENAME, SipasDesignerProperties, type DesignerRenameDetail } from './sipas-designer-properties.js';
export { PROPERTY_VALUE, type PropertyValueDetail } from './property-value-event.js';

defineElement('sipas-designer-properties', SipasDesignerProperties);
defineElement('sipas-designer-choices-editor', SipasDesignerChoicesEditor);
defineElement('sipas-designer-scale-picker', SipasDesignerScalePicker);
defineElement('sipas-designer-validators-editor', SipasDesignerValidatorsEditor);
defineElement('sipas-designer-index-link', SipasDesignerIndexLink);

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-properties': SipasDesignerProperties;
    'sipas-designer-choices-editor': SipasDesignerChoicesEditor;
    'sipas-designer-scale-picker': SipasDesignerScalePicker;
    'sipas-designer-validators-editor': SipasDesignerValidatorsEditor;
    'sipas-designer-index-link': SipasDesignerIndexLink;
  }
}
