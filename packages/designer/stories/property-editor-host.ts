/**
 * What <sipas-designer-properties> does with one of its editors, in small, for the editors' own
 * stories: an editor reports a new value with `sipas-property-value` (on itself, not bubbling); the
 * host sets it back on the editor's property and its status line says what changed.
 */
import { html, type TemplateResult } from 'lit';
import type { Question, Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';

export type Language = 'vi' | 'en';
export type EditorArgs = { lang: Language };

const LAST_VALUE = { vi: 'Giá trị mới: {0}', en: 'New value: {0}' } as const;

/** A named region around one editor, with the status line a screen reader hears after each change. */
export function editorFrame(label: string, lang: Language, editor: TemplateResult, width = '40rem'): TemplateResult {
  return html`<section aria-label=${label} lang=${lang} style="max-width: ${width}">
    ${editor}
    <p role="status" style="font: 0.875rem system-ui, sans-serif; color: #4b5563; margin: 0.75rem 0 0; overflow-wrap: anywhere"></p>
  </section>`;
}

/** A `sipas-property-value` listener that writes the value into the editor's `property`, as the panel would. */
export function applyValueTo(property: string, lang: Language): (event: CustomEvent<{ value: unknown }>) => void {
  return (event) => {
    const editor = event.currentTarget as HTMLElement & Record<string, unknown>;
    editor[property] = event.detail.value;
    const status = editor.parentElement?.querySelector(':scope > [role="status"]');
    if (status) status.textContent = LAST_VALUE[lang].replace('{0}', JSON.stringify(event.detail.value) ?? '—');
  };
}

/** A copy of SIPAS 2640 (the stories may change it; the template stays as it is). */
export function sipas2640(): Questionnaire {
  const questionnaire = copyTemplate('sipas-2640');
  if (!questionnaire) throw new Error('@sipas/templates has no "sipas-2640"');
  return questionnaire;
}

/** The question of `questionnaire` named `name`. */
export function questionIn(questionnaire: Questionnaire, name: string): Question {
  const question = questionnaire.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).find((candidate) => candidate.name === name);
  if (!question) throw new Error(`${questionnaire.id} has no question "${name}"`);
  return question;
}
