/**
 * The data-entry add-on of <sipas-form mode="entry">, loaded on demand (modes/add-ons.ts): in the
 * drop-in build it is `sipas-form-entry.js`, one ES module beside the bundle with its own Lit.
 */
import { SipasEntrySheet } from './sipas-entry-sheet.js';

if (!customElements.get('sipas-entry-sheet')) customElements.define('sipas-entry-sheet', SipasEntrySheet);

export { SipasEntrySheet };
export { KEY_MAP } from './entry-text.js';
