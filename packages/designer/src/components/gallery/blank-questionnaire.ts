/** The questionnaire "Phiếu trống" starts from. */
import { FORMAT_VERSION, type Questionnaire } from '@sipas/schema';
import { BLANK_TEXTS } from './gallery-strings.js';

/** Six base-36 characters from the platform's random source (crypto.randomUUID needs HTTPS; this does not). */
function shortRandomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}

/**
 * A new questionnaire with a fresh id (`phieu-moi-<random>`), in Vietnamese and English. It has one
 * text question because the format does not allow an empty section (`questions` has at least one
 * item): the document is valid from the first moment, so the preview and the checks work at once.
 */
export function blankQuestionnaire(): Questionnaire {
  return {
    formatVersion: FORMAT_VERSION,
    id: `phieu-moi-${shortRandomId()}`,
    title: { ...BLANK_TEXTS.title },
    locales: ['vi', 'en'],
    pages: [
      {
        name: 'page1',
        title: { ...BLANK_TEXTS.pageTitle },
        sections: [{ name: 'section1', title: { ...BLANK_TEXTS.sectionTitle }, questions: [{ type: 'text', name: 'q1', title: { ...BLANK_TEXTS.questionTitle } }] }],
      },
    ],
  };
}
