import { defineElement } from '@sipas/form';
import { SipasTemplateGallery } from './sipas-template-gallery.js';

defineElement('sipas-template-gallery', SipasTemplateGallery);

export { SipasTemplateGallery, TEMPLATE_CHOOSE, type TemplateChooseDetail } from './sipas-template-gallery.js';
export { blankQuestionnaire } from './blank-questionnaire.js';
