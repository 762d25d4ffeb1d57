/**
 * What every question element shares: where it reads its state (a Form of @sipas/core), how it
 * labels itself (title, required marker, description, errors with their ARIA links) and how it
 * hands the respondent's edits to its form. Subclasses render their inputs only.
 *
 * Question elements render into their form's shadow root rather than their own: the form's one
 * stylesheet and `::part()`s reach them, and the error summary, labels and `aria-describedby`
 * references all resolve inside one tree.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Form, FormChange } from '@sipas/core';
import { OTHER_SUFFIX, type Answer, type LocalizedString, type Question } from '@sipas/schema';
import { QUESTION_INPUT, type QuestionInputDetail } from '../../events.js';
import { renderOptions, type ChoiceOption } from './choice-options.js';
import { inLanguage, ui } from '../../i18n.js';

/** `{name}` or `{name.row}` in a text: the answer is shown there (the pattern Form.text fills in). */
const PIPED_ANSWER = /\{\s*[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?\s*\}/;

/** Whether any text of the question shows another answer, so it must follow every change. */
function pipesAnswers(question: Question): boolean {
  const texts = question as { title?: unknown; description?: unknown; text?: unknown; placeholder?: unknown; choices?: unknown; rows?: unknown };
  const items = (list: unknown) => (Array.isArray(list) ? list.map((item: { text?: unknown }) => item?.text) : []);
  const all = [texts.title, texts.description, texts.text, texts.placeholder, ...items(texts.choices), ...items(texts.rows)];
  return all.some((text) => text !== undefined && PIPED_ANSWER.test(JSON.stringify(text)));
}

export abstract class SipasQuestionElement extends LitElement {
  /** The form state the question reads and writes. */
  @property({ attribute: false }) form?: Form;
  /** The question's name in the questionnaire. */
  @property() name = '';
  /** The number shown before the title when the questionnaire numbers its questions. */
  @property({ type: Number }) number?: number;

  private unsubscribe: (() => void) | undefined;
  private pipesAnswers = false;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
    // Back on a page seen before: the language, errors or answers may have changed meanwhile.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form') || changed.has('name')) {
      this.listen();
      this.pipesAnswers = this.form !== undefined && pipesAnswers(this.question);
    }
  }

  /** Re-renders only on changes that concern this question, so an answer repaints one element. */
  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.isConnected ? this.form?.subscribe((change) => this.concerns(change) && this.requestUpdate()) : undefined;
  }

  private concerns(change: FormChange): boolean {
    const { name } = this;
    return (
      change.locale ||
      change.values.includes(name) ||
      change.values.includes(`${name}${OTHER_SUFFIX}`) ||
      change.errors.includes(name) ||
      change.states.includes(name) ||
      (this.pipesAnswers && change.values.length > 0)
    );
  }

  get question(): Question {
    return this.form!.question(this.name);
  }

  protected get value(): Answer | undefined {
    return this.form!.getValue(this.name);
  }

  protected get locale(): string {
    return this.form!.locale;
  }

  /** A questionnaire text in the form's language, answers piped in. Lit escapes it when rendered. */
  protected text(value: LocalizedString | undefined): string {
    return this.form!.text(value);
  }

  protected get disabled(): boolean {
    return !this.form!.isEnabled(this.name);
  }

  protected get errors(): string[] {
    return this.form!.errorsOf(this.name).map((error) => inLanguage(error.message, this.locale));
  }

  /** Element ids inside the form's shadow root; names are identifiers, so they are valid ids. */
  protected idOf(part: 'title' | 'description' | 'errors' | 'input' | 'other'): string {
    return `sipas-${this.name}-${part}`;
  }

  /** The ids that describe the input: the description and, when shown, the errors. */
  protected get describedBy(): string | typeof nothing {
    const ids = [this.question.description !== undefined ? this.idOf('description') : '', this.errors.length > 0 ? this.idOf('errors') : ''].filter(Boolean);
    return ids.length > 0 ? ids.join(' ') : nothing;
  }

  protected get invalid(): 'true' | typeof nothing {
    return this.errors.length > 0 ? 'true' : nothing;
  }

  /** Hands an edit to the form, which stores it and announces it (sipas-value-change). */
  protected commit(key: string, value: unknown): void {
    const detail: QuestionInputDetail = { key, value };
    this.dispatchEvent(new CustomEvent(QUESTION_INPUT, { detail, bubbles: true }));
  }

  /** Puts the keyboard on the question's first control (error summary links, page changes). */
  focusInput(): void {
    // The control that needs attention first, then the chosen one, then the first.
    const control =
      this.querySelector<HTMLElement>('.other-text[aria-invalid="true"]') ??
      this.querySelector<HTMLElement>('[aria-invalid="true"]:not(:disabled)') ??
      this.querySelector<HTMLElement>('input:checked') ??
      this.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, [tabindex="0"]');
    control?.focus();
  }

  /**
   * The title line: number, text and the required marker, a star for the eye and words for the
   * ear. The words are the one announcement of it: no aria-required or native required on top.
   */
  protected renderTitleContent(): TemplateResult {
    const required = this.form!.isRequired(this.name);
    return html`${this.number !== undefined ? html`<span class="number">${this.number}.</span> ` : nothing}${this.text(this.question.title)}${required
      ? html`<span class="required-marker" aria-hidden="true"> *</span><span class="visually-hidden"> ${ui('required', this.locale)}</span>`
      : nothing}`;
  }

  protected renderDescription(): TemplateResult | typeof nothing {
    const { description } = this.question;
    return description === undefined ? nothing : html`<div class="description" id=${this.idOf('description')} part="question-description">${this.text(description)}</div>`;
  }

  protected renderErrors(): TemplateResult | typeof nothing {
    const errors = this.errors;
    return errors.length === 0
      ? nothing
      : html`<div class="errors" id=${this.idOf('errors')} part="question-error">${errors.map((error) => html`<p>${error}</p>`)}</div>`;
  }

  /**
   * A group of radio buttons (one answer) or check boxes (several), labelled by the title and
   * described by the description and errors. `layout` adds classes; `columns` the column count.
   */
  protected renderChoiceGroup(group: {
    kind: 'radio' | 'checkbox';
    options: ChoiceOption[];
    isChecked: (value: ChoiceOption['value']) => boolean;
    onToggle: (value: ChoiceOption['value'], checked: boolean) => void;
    layout?: string;
    columns?: number;
  }): TemplateResult {
    return html`<div
      class="choices ${group.layout ?? ''}"
      role=${group.kind === 'radio' ? 'radiogroup' : 'group'}
      data-columns=${group.columns ?? 1}
      aria-labelledby=${this.idOf('title')}
      aria-describedby=${this.describedBy}
    >
      ${renderOptions({ ...group, group: this.idOf('input'), disabled: this.disabled, invalid: this.invalid, describedBy: this.describedBy })}
    </div>`;
  }

  /** The question frame; `control` is the rendered input(s), `grouped` for several inputs (legend-like title). */
  protected renderFrame(control: TemplateResult, grouped: boolean): TemplateResult {
    const title = grouped
      ? html`<div class="title" id=${this.idOf('title')} part="question-title">${this.renderTitleContent()}</div>`
      : html`<label class="title" id=${this.idOf('title')} for=${this.idOf('input')} part="question-title">${this.renderTitleContent()}</label>`;
    return html`<div class="question ${this.errors.length > 0 ? 'invalid' : ''}" part="question" data-type=${this.question.type}>
      ${title}${this.renderDescription()}${control}${this.renderErrors()}
    </div>`;
  }
}
