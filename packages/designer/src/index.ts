/**
 * @sipas/designer: <sipas-designer> and its parts, for bundlers. Importing this module defines
 * every element; `dist/sipas-designer.bundle.js` is the same as one ES module for plain pages.
 */
import { defineElement } from '@sipas/form';
import { SipasDesigner } from './components/designer/sipas-designer.js';
import { SipasDesignerToolbox } from './components/designer/sipas-designer-toolbox.js';
import './components/properties/index.js';
import './components/logic/index.js';
import './components/translations/index.js';
import './components/json/index.js';
import './components/checks/index.js';
import './components/hierarchy/index.js';
import './components/preview/index.js';
import './components/gallery/index.js';
import './components/publish/index.js';

defineElement('sipas-designer-toolbox', SipasDesignerToolbox);
defineElement('sipas-designer', SipasDesigner);

export { SipasDesigner, QUESTIONNAIRE_CHANGE, type DesignerView, type QuestionnaireChangeDetail } from './components/designer/sipas-designer.js';
export { SipasDesignerToolbox } from './components/designer/sipas-designer-toolbox.js';
export * from './model/edit.js';
export { DocumentSession } from './model/document-session.js';
export { designerTypes, DesignerTypeCatalog, type DesignerTypeEntry, type ToolboxGroup } from './model/question-catalog.js';
export { findReferences, renameReferences, removalImpact } from './model/references.js';
export { designChecks } from './model/design-checks.js';
export { collectTexts, toCsv, fromCsv } from './model/translations.js';
export { copyTemplate, templates } from '@sipas/templates';
