/** <sipas-designer-checks>: the errors and design warnings of the questionnaire, and the badge counts. */
import { defineElement } from '@sipas/form';
import { SipasDesignerChecks } from './sipas-designer-checks.js';

export { SipasDesignerChecks };
export { checkCounts, designChecks, type CheckSeverity, type DesignCheck, type DesignCheckOptions } from '../../model/design-checks.js';

defineElement('sipas-designer-checks', SipasDesignerChecks);
