/**
 * The administrative-unit picker for pages: load this one script after the drop-in (or import it
 * in a bundle) and `<sipas-form>` and `<sipas-designer>` know the `admin-unit` type. Loading it
 * twice is harmless: the second load finds everything defined.
 */
import { coreTypes } from '@sipas/core';
import { defineElement, defineQuestionType } from '@sipas/form';
import adminUnit from './type.js';
import { SipasAdminUnit } from './element.js';
import { SipasAdminUnitListEditor } from './list-editor.js';

defineElement('sipas-admin-unit-list-editor', SipasAdminUnitListEditor);
if (!coreTypes.has(adminUnit.type)) {
  defineQuestionType({ ...adminUnit, element: { tag: 'sipas-admin-unit', class: SipasAdminUnit } });
}
