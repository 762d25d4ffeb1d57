import { defineElement } from '@sipas/form';
import { SipasDesignerPreview } from './sipas-designer-preview.js';

defineElement('sipas-designer-preview', SipasDesignerPreview);

export { SipasDesignerPreview, DEVICE_WIDTHS, PREVIEW_MODES, previewCopy, type PreviewDevice } from './sipas-designer-preview.js';
