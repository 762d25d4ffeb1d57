import { LitElement, css, html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { inLanguage, type Questionnaire, type ValidationError } from '@sipas/schema';
import { requestEdit, requestSelect } from '../../model/edit.js';
import { parseQuestionnaireText, type FileProblem } from '../../model/files.js';
import { partStyles } from '../part-styles.js';
import { tj } from './json-strings.js';

/** What the current text is: a document to apply (perhaps with validation errors), or why not. */
export type TextAnalysis = { kind: 'refused'; problems: FileProblem[] } | { kind: 'document'; document: Questionnaire; errors: ValidationError[] };

/** The text the view shows for a document: JSON with two-space indentation. */
export const prettyJson = (questionnaire: Questionnaire | undefined): string => (questionnaire === undefined ? '' : JSON.stringify(questionnaire, null, 2));

export function analyseJsonText(text: string): TextAnalysis {
  const read = parseQuestionnaireText(text);
  return 'errors' in read ? { kind: 'refused', problems: read.errors } : { kind: 'document', document: read.questionnaire, errors: read.problems };
}

/**
 * The JSON view: the questionnaire as pretty JSON, editable. Each edit is parsed at once: a syntax
 * error shows its line and column, a parsed document its validation errors (each one selects its
 * element). "Áp dụng" replaces the document in one undoable edit. The rule is the one for opening a
 * file (`parseQuestionnaireText` in model/files.ts): a document with validation errors may be
 * applied (designers fix things step by step), one without the shape the designer needs
 * (model/document-shape.ts: pages, sections and questions as objects with their lists and names)
 * may not, and its problems are listed by place.
 *
 * While the text is unmodified it follows the questionnaire; once modified it is kept, and a change
 * from elsewhere only shows a notice.
 *
 * A part of `<sipas-designer>`, usable on its own: it never changes the document it is given, and
 * asks for each change with a `sipas-designer-edit` event that the designer (or any host) applies
 * before handing the new document back.
 *
 * @summary The questionnaire as editable JSON, checked as it is typed.
 *
 * @event sipas-designer-edit - "Áp dụng" was pressed (bubbles, composed; see model/edit.ts).
 * @event sipas-designer-select - A validation error was pressed (bubbles, composed). detail: { path }, its JSON pointer
 *
 * @csspart base - the view's wrapper
 * @csspart editor - the text area
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 * @cssproperty --sipas-font-mono - the font of the JSON text
 */
export class SipasDesignerJson extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 0.5rem;
      }
      .help {
        margin: 0 0 0.5rem;
        font-size: 0.8125rem;
      }
      textarea {
        font-family: var(--sipas-font-mono, ui-monospace, 'Cascadia Mono', Consolas, 'Liberation Mono', monospace);
        font-size: 0.8125rem;
        line-height: 1.45;
        min-block-size: 28rem;
        resize: vertical;
        white-space: pre;
        tab-size: 2;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        margin-block: 0.5rem;
      }
      .notice {
        padding: 0.5rem 0.75rem;
        border-inline-start: 4px solid var(--_primary);
        background: var(--_surface);
        margin: 0.5rem 0;
      }
      .errors {
        margin: 0.25rem 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.25rem;
      }
      .shape-problems {
        margin: 0.25rem 0;
        padding-inline-start: 1.25rem;
      }
      .errors button {
        inline-size: 100%;
        text-align: start;
      }
      code {
        font-family: var(--sipas-font-mono, ui-monospace, Consolas, monospace);
        overflow-wrap: anywhere;
      }
    `,
  ];

  @query('textarea') private editor!: HTMLTextAreaElement;

  /** The text in the editor. */
  @state() private text = '';
  /** The questionnaire changed while the text was modified. */
  @state() private outsideChange = false;
  /** A short announcement after an action. */
  @state() private announcement = '';

  /** The document whose JSON is shown. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** Interface language: 'vi' (default) or 'en'. */
  @property() override lang = 'vi';

  /** The JSON of the current questionnaire: the text is modified when it differs. */
  private baseText = '';
  /** The document last applied from here: when it comes back as `questionnaire`, the text follows it. */
  private applied?: Questionnaire;
  private analysis: TextAnalysis = analyseJsonText('');

  /** True when the text differs from the questionnaire's own JSON. */
  get modified(): boolean {
    return this.text !== this.baseText;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('questionnaire')) {
      const next = prettyJson(this.questionnaire);
      const follow = !this.modified || this.text === next || (this.applied !== undefined && this.questionnaire === this.applied);
      this.applied = undefined;
      this.baseText = next;
      if (follow) {
        this.text = next;
        this.outsideChange = false;
      } else {
        this.outsideChange = true;
      }
    }
    if (changed.has('text')) this.analysis = analyseJsonText(this.text);
  }

  private handleInput(event: Event): void {
    this.text = (event.target as HTMLTextAreaElement).value;
    this.announcement = '';
  }

  private handleApply(): void {
    if (this.analysis.kind !== 'document') return;
    const { document } = this.analysis;
    this.applied = document;
    requestEdit(this, { label: tj('applyEdit', this.lang), apply: () => document });
    this.announcement = tj('applied', this.lang);
  }

  private handleRevert(): void {
    this.text = this.baseText;
    this.outsideChange = false;
    this.announcement = '';
  }

  private handleGoToError(offset: number): void {
    this.editor.focus();
    this.editor.setSelectionRange(offset, Math.min(offset + 1, this.text.length));
  }

  /** The live region stays in the document; only its text changes, so screen readers read it. */
  private renderNotice() {
    const notice = this.outsideChange ? tj('outsideChange', this.lang) : this.announcement;
    return html`<p class=${notice ? 'notice' : ''} role="status">${notice}</p>`;
  }

  private renderAnalysis() {
    const analysis = this.analysis;
    if (analysis.kind === 'refused') {
      const [first] = analysis.problems;
      if (first?.offset !== undefined) {
        const offset = first.offset;
        return html`<p class="error-text" id="problem">${inLanguage(first.message, this.lang)}</p>
          <button type="button" @click=${() => this.handleGoToError(offset)}>${tj('goToError', this.lang)}</button>`;
      }
      return html`<div id="problem">
        <p class="error-text">${tj('notQuestionnaire', this.lang)}</p>
        <ul class="shape-problems">
          ${analysis.problems.map((problem) => html`<li><code>${problem.path || tj('root', this.lang)}</code>: ${inLanguage(problem.message, this.lang)}</li>`)}
        </ul>
      </div>`;
    }
    if (analysis.errors.length === 0) return html`<p class="muted">${tj('valid', this.lang)}</p>`;
    const language = this.lang === 'en' ? 'en' : 'vi';
    return html`<h3 class="error-text" id="problem">${tj('validationErrors', this.lang, analysis.errors.length)}</h3>
      <ul class="errors">
        ${analysis.errors.map(
          (error) =>
            html`<li>
              <button type="button" @click=${() => requestSelect(this, error.path)}>
                <code>${error.path || tj('root', this.lang)}</code>: ${error.message[language]}
              </button>
            </li>`,
        )}
      </ul>`;
  }

  override render() {
    const analysis = this.analysis;
    const unusable = analysis.kind === 'refused';
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${tj('heading', this.lang)}</h2>
      <p class="help muted" id="help">${tj('help', this.lang)}</p>
      <label for="editor">${tj('editor', this.lang)}</label>
      <textarea
        id="editor"
        part="editor"
        spellcheck="false"
        autocomplete="off"
        autocapitalize="off"
        aria-describedby=${unusable ? 'help problem' : 'help'}
        aria-invalid=${unusable ? 'true' : 'false'}
        .value=${this.text}
        @input=${this.handleInput}
      ></textarea>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${unusable || !this.modified} @click=${this.handleApply}>${tj('apply', this.lang)}</button>
        <button type="button" ?disabled=${!this.modified} @click=${this.handleRevert}>${tj('revert', this.lang)}</button>
        <span class="muted">${this.modified ? tj('modified', this.lang) : tj('unchanged', this.lang)}</span>
      </div>
      ${this.renderNotice()}
      ${this.renderAnalysis()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-json': SipasDesignerJson;
  }
}
