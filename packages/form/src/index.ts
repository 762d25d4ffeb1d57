/**
 * @sipas/form: <sipas-form> and its question elements, for bundlers. Importing this module defines
 * the elements. The one-file drop-in for sites without a bundler is dist/sipas-form.bundle.js.
 */
import { defineElement } from './define.js';
import { SipasForm } from './components/form/sipas-form.js';

defineElement('sipas-form', SipasForm);

export { SipasForm, type FormMode } from './components/form/sipas-form.js';
export { formStyles } from './components/form/sipas-form.styles.js';
export { themeTokens } from './components/form/theme-tokens.js';
export { defineElement } from './define.js';
export { SipasQuestionElement } from './components/questions/question-element.js';
export { registerQuestionElement, questionElementTag, BUILT_IN_QUESTION_ELEMENTS } from './components/questions/question-elements.js';
export { defineQuestionType } from './define-question-type.js';
export type { FormStorage } from './components/form/form-storage.js';
export type {
  SipasErrorDetail,
  SipasFormEventMap,
  SipasPageChangeDetail,
  SipasQueuedDetail,
  SipasSentDetail,
  SipasSubmitDetail,
  SipasValueChangeDetail,
} from './events.js';
export { ui, type UiStringKey } from './i18n.js';
export {
  DeviceMemory,
  DraftStore,
  Outbox,
  type Draft,
  type OutboxEntry,
  type OutboxEvent,
  type OutboxListener,
  type OutboxOptions,
} from './outbox/index.js';
