/** <sipas-designer-hierarchy>: the units (đơn vị) and service fields (lĩnh vực) of a questionnaire. */
import { defineElement } from '@sipas/form';
import { SipasDesignerHierarchy } from './sipas-designer-hierarchy.js';

export { SipasDesignerHierarchy };

defineElement('sipas-designer-hierarchy', SipasDesignerHierarchy);
