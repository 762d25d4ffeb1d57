import { defineElement } from '@sipas/form';
import { SipasPublishDialog } from './sipas-publish-dialog.js';

defineElement('sipas-publish-dialog', SipasPublishDialog);

export { SipasPublishDialog, type PublishedDetail } from './sipas-publish-dialog.js';
