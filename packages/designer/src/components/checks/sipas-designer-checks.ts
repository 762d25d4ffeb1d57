import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { LocalizedString, Questionnaire } from '@sipas/schema';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { designChecks, type CheckSeverity, type DesignCheck } from '../../model/design-checks.js';
import { requestSelect } from '../../model/edit.js';
import { getIn, type PathKey } from '../../model/immutable.js';
import { partStyles } from '../part-styles.js';
import { tc } from './checks-strings.js';

/** Longest element title shown in an item; the message matters more. */
const TITLE_LENGTH = 60;

const ELEMENT = /^\/pages\/(\d+)(?:\/sections\/(\d+)(?:\/questions\/(\d+))?)?/;

/** A text in the interface language, falling back to Vietnamese. */
function textIn(value: unknown, lang: string): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object') return '';
  const texts = value as Exclude<LocalizedString, string>;
  return (lang === 'en' && typeof texts.en === 'string' && texts.en.trim() ? texts.en : typeof texts.vi === 'string' ? texts.vi : '').trim();
}

const shorten = (text: string): string => (text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1)}…` : text);

/**
 * The checks view: the validator's errors and the design warnings of the questionnaire, counted and
 * grouped by severity (errors, which stop publishing, first); each item names its element and
 * selects it when pressed.
 *
 * @summary The errors and warnings of a questionnaire, each leading to its element.
 *
 * @event sipas-designer-select - An item was pressed (bubbles, composed). detail: { path }, the JSON pointer of the problem
 *
 * @csspart base - the view's wrapper
 * @csspart item - one check's button
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerChecks extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 0.25rem;
      }
      h3 {
        font-size: 1rem;
        margin: 1rem 0 0.25rem;
      }
      .counts {
        margin: 0 0 0.5rem;
        font-weight: 600;
      }
      .help {
        margin: 0 0 0.5rem;
        font-size: 0.8125rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.375rem;
      }
      li button {
        inline-size: 100%;
        display: grid;
        gap: 0.125rem;
        text-align: start;
        border-inline-start-width: 4px;
      }
      .error button {
        border-inline-start-color: var(--_error);
      }
      .warning button {
        border-inline-start-color: var(--_muted);
      }
      .element {
        font-weight: 600;
      }
      .all-clear {
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: 6px;
        background: var(--_surface);
      }
    `,
  ];

  /** The document to check. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The question types the document may use (the shared registry by default); custom ones validate with its schemas. */
  @property({ attribute: false }) types: CoreTypeRegistry = coreTypes;
  /** Interface language: 'vi' (default) or 'en'. */
  @property() override lang = 'vi';

  /** "Câu “Tiêu đề”" for the element a check is about; the questionnaire for anything outside pages. */
  private elementLabel(path: string): string {
    const match = ELEMENT.exec(path);
    if (!match || !this.questionnaire) return tc('questionnaire', this.lang);
    const [, page, section, question] = match;
    const elementPath: PathKey[] = ['pages', Number(page)];
    if (section !== undefined) elementPath.push('sections', Number(section));
    if (question !== undefined) elementPath.push('questions', Number(question));
    const element = getIn(this.questionnaire, elementPath) as { name?: unknown; title?: unknown; text?: unknown } | undefined;
    const name = typeof element?.name === 'string' ? element.name : '';
    const shown = shorten(textIn(element?.title, this.lang) || textIn(element?.text, this.lang) || name || String(elementPath.at(-1)));
    const kind = question !== undefined ? 'question' : section !== undefined ? 'section' : 'page';
    return tc(kind, this.lang, `“${shown}”`);
  }

  private renderGroup(severity: CheckSeverity, checks: DesignCheck[]) {
    const headingId = `${severity}-heading`;
    const language = this.lang === 'en' ? 'en' : 'vi';
    return html`<h3 id=${headingId}>${tc(severity === 'error' ? 'errors' : 'warnings', this.lang, checks.length)}</h3>
      <p class="help muted">${tc(severity === 'error' ? 'errorsHelp' : 'warningsHelp', this.lang)}</p>
      ${checks.length === 0 && severity === 'error'
        ? html`<p class="all-clear">${tc('allClear', this.lang)}</p>`
        : html`<ul class=${severity} aria-labelledby=${headingId}>
            ${checks.map(
              (check) =>
                html`<li>
                  <button type="button" part="item" data-code=${check.code} @click=${() => requestSelect(this, check.path)}>
                    <span class="element">${this.elementLabel(check.path)}</span>
                    <span class="message">${check.message[language]}</span>
                  </button>
                </li>`,
            )}
          </ul>`}`;
  }

  override render() {
    if (!this.questionnaire) return html`<section part="base"><p class="muted">${tc('noQuestionnaire', this.lang)}</p></section>`;
    const checks = designChecks(this.questionnaire, { types: this.types });
    const errors = checks.filter((check) => check.severity === 'error');
    const warnings = checks.filter((check) => check.severity === 'warning');
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${tc('heading', this.lang)}</h2>
      <p class="counts">${tc('counts', this.lang, errors.length, warnings.length)}</p>
      ${checks.length === 0
        ? html`<div class="all-clear"><strong>${tc('allClear', this.lang)}</strong>. ${tc('allClearDetail', this.lang)}</div>`
        : html`${this.renderGroup('error', errors)} ${warnings.length > 0 ? this.renderGroup('warning', warnings) : nothing}`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-checks': SipasDesignerChecks;
  }
}
