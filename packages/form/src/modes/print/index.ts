/**
 * The print add-on: defines <sipas-print-sheet>, which <sipas-form mode="print"> loads on demand
 * (src/modes/add-ons.ts). In the drop-in build this is dist/sipas-form-print.js, an ES module with
 * its own copy of Lit, so the citizen's drop-in carries none of it.
 */
import { defineElement } from '../../define.js';
import { SipasPrintSheet } from './sipas-print-sheet.js';

defineElement('sipas-print-sheet', SipasPrintSheet);

export { SipasPrintSheet } from './sipas-print-sheet.js';
export { paperForm, paperNumbers, paperText, type PaperForm } from './paper-model.js';
export { describeCondition, skipInstruction } from './skip-instruction.js';
