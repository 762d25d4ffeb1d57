/**
 * One language of a questionnaire text (LocalizedString), with the other language shown beneath
 * as a hint, so a translator sees what they translate. Rendered into the owner's shadow root.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { textIn } from './property-edits.js';
import { pt } from './properties-strings.js';

export interface LocalizedFieldOptions {
  /** Unique in the shadow root. */
  id: string;
  label: string;
  /** The whole LocalizedString (or undefined). */
  value: unknown;
  /** The language being edited and the one shown as a hint. */
  editLanguage: string;
  hintLanguage: string;
  /** The UI language. */
  lang: string;
  /** What the author typed when it could not be written, shown instead of the document's text. */
  draft?: string;
  error?: string;
  required?: boolean;
  multiline?: boolean;
  /** The JSON pointer inside the element, for focusProperty. */
  path?: string;
  /** Extra attributes for editors of lists (row index, column). */
  index?: number;
  column?: string;
  onInput: (typed: string) => void;
}

const languageName = (language: string, lang: string): string =>
  language === 'vi' ? pt('languageVi', lang) : language === 'en' ? pt('languageEn', lang) : language;

export function renderLocalizedField(options: LocalizedFieldOptions): TemplateResult {
  const { id, editLanguage, hintLanguage, lang } = options;
  const shown = options.draft ?? textIn(options.value, editLanguage);
  const hint = textIn(options.value, hintLanguage);
  const described = [options.error ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ');
  const onInput = (event: Event) => options.onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const control = options.multiline
    ? html`<textarea
        id=${id}
        rows="3"
        lang=${editLanguage}
        data-path=${ifDefined(options.path)}
        data-index=${ifDefined(options.index)}
        data-col=${ifDefined(options.column)}
        aria-describedby=${described}
        aria-invalid=${options.error ? 'true' : 'false'}
        ?required=${options.required}
        .value=${live(shown)}
        @input=${onInput}
      ></textarea>`
    : html`<input
        id=${id}
        type="text"
        lang=${editLanguage}
        data-path=${ifDefined(options.path)}
        data-index=${ifDefined(options.index)}
        data-col=${ifDefined(options.column)}
        aria-describedby=${described}
        aria-invalid=${options.error ? 'true' : 'false'}
        ?required=${options.required}
        .value=${live(shown)}
        @input=${onInput}
      />`;
  return html`<div class="field localized">
    <label for=${id}>${options.label}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${control}
    <p class="hint muted" id="${id}-hint">
      ${hint
        ? html`${pt('otherLanguage', lang, languageName(hintLanguage, lang))} <span lang=${hintLanguage}>${hint}</span>`
        : pt('notTranslated', lang, languageName(hintLanguage, lang))}
    </p>
    ${options.error ? html`<p class="error-text" id="${id}-error">${options.error}</p>` : nothing}
  </div>`;
}

/** The error message of a refused translation. */
export const translationError = (problem: 'required' | 'vietnamese-needed' | 'vietnamese-kept', lang: string): string =>
  problem === 'required' ? pt('required', lang) : problem === 'vietnamese-needed' ? pt('vietnameseNeeded', lang) : pt('vietnameseKept', lang);
