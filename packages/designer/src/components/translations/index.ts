/** <sipas-designer-translations>: the texts of the questionnaire side by side with their translations. */
import { defineElement } from '@sipas/form';
import { SipasDesignerTranslations } from './sipas-designer-translations.js';

export { SipasDesignerTranslations };
export { fieldLabel, ownerLabel } from './text-labels.js';

defineElement('sipas-designer-translations', SipasDesignerTranslations);
