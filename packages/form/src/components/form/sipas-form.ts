/**
 * @summary The embeddable SIPAS questionnaire: pages, questions, errors, submission and the
 * offline outbox, in one element a district site drops in with a script tag.
 *
 * @event sipas-value-change - The respondent changed an answer. detail: { name, value }
 * @event sipas-page-change - The respondent moved to another page. detail: { page, index, count }
 * @event sipas-submit - A complete response was submitted (cancelable: cancel to send it yourself). detail: { response }
 * @event sipas-queued - The response is stored on the device and waits for delivery. detail: { responseId, persistent }
 * @event sipas-sent - The server acknowledged the response. detail: { responseId, receipt }
 * @event sipas-error - The questionnaire could not load, or the server refused the response. detail: { kind, message, errors }
 *
 * @csspart base - the form's frame; header, title, description, notice, progress, error-summary,
 * page, page-title, section, section-title, navigation, button, back-button, next-button,
 * submit-button, thank-you, delivery-status; and the question parts (question, question-title,
 * question-description, question-error, input, choice, choice-label, likert-row, likert-row-title).
 *
 * @cssproperty --sipas-color-primary - buttons, chosen answers and focus rings
 * @cssproperty --sipas-color-text - body text
 * @cssproperty --sipas-color-background - the form's background
 * @cssproperty --sipas-color-surface - question cards and buttons at rest
 * @cssproperty --sipas-color-border - borders of inputs and cards
 * @cssproperty --sipas-color-error - error text and borders
 * @cssproperty --sipas-font-family - the form's font
 * @cssproperty --sipas-font-size - body text size (16px by default, never smaller on phones)
 * @cssproperty --sipas-radius - corner radius
 * @cssproperty --sipas-space-m - the base spacing unit
 * @cssproperty --sipas-touch-target - minimum height of anything tappable (44px)
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Form, QuestionnaireLoadError, type FormChange } from '@sipas/core';
import { isAnswerable, message, questionIndex, type Answer, type Channel, type Question, type Questionnaire, type Response, type ValidationError } from '@sipas/schema';
import { emit, QUESTION_INPUT, type QuestionInputDetail } from '../../events.js';
import { inLanguage, ui, uiMessage } from '../../i18n.js';
import type { SipasQuestionElement } from '../questions/question-element.js';
import { questionElementTag } from '../questions/question-elements.js';
import type { FormStorage } from './form-storage.js';
import type { Draft, OutboxEvent } from '../../outbox/index.js';
import { openDeviceStorage } from './device-storage.js';
import { formStyles } from './sipas-form.styles.js';

export type FormMode = 'online' | 'kiosk' | 'entry' | 'print';

type Phase = 'empty' | 'loading' | 'load-failed' | 'filling' | 'done' | 'already-submitted';
type Delivery = 'none' | 'saving' | 'queued' | 'sent' | 'rejected';

const CHANNEL_OF_MODE: Record<FormMode, Channel> = { online: 'online', kiosk: 'kiosk', entry: 'paper', print: 'paper' };
/** How long typing may go unsaved; a closing page saves at once (pagehide). */
const DRAFT_DELAY_MS = 400;

export class SipasForm extends LitElement {
  static override styles = formStyles;

  /** URL of the questionnaire JSON, fetched when no `questionnaire` property is given. */
  @property() src?: string;
  /** URL responses are POSTed to; without it the page handles `sipas-submit` itself. */
  @property() endpoint?: string;
  /** Language of the form: `vi` (default) or `en`; switchable at any time. */
  @property({ reflect: true }) override lang = 'vi';
  /** How answers are collected: `online` (default), `kiosk`, `entry` (typing in paper forms) or `print`. */
  @property() mode: FormMode = 'online';
  /** The unit (agency) the response belongs to, when the embedding page knows it. */
  @property() unit?: string;
  /** The service field the response belongs to, when the embedding page knows it. */
  @property({ attribute: 'service-field' }) serviceField?: string;
  /** The questionnaire document; takes precedence over `src`. */
  @property({ attribute: false }) questionnaire?: Questionnaire;

  @state() private phase: Phase = 'empty';
  @state() private delivery: Delivery = 'none';
  @state() private loadErrors: ValidationError[] = [];
  @state() private serverErrors: ValidationError[] = [];
  @state() private summary: { name: string; text: string }[] = [];
  @state() private restored = false;
  @state() private persistent = true;

  private form: Form | undefined;
  private readonly questionNodes = new Map<string, SipasQuestionElement>();
  private unsubscribeForm: (() => void) | undefined;
  private storage: Promise<FormStorage> | undefined;
  private unsubscribeStorage: (() => void) | undefined;
  private readonly ownResponses = new Set<string>();
  private pendingData: Record<string, Answer> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private loadToken = 0;
  private focusAfterRender: (() => void) | undefined;

  /** The answers given so far; setting it replaces them (no `sipas-value-change` is fired). */
  get data(): Record<string, Answer> {
    return this.form?.values ?? this.pendingData ?? {};
  }

  set data(values: Record<string, Answer>) {
    this.pendingData = { ...values };
    const previous = this.form;
    if (!previous) return;
    // Same response, same page: a script filling answers does not move the respondent.
    if (this.startForm(previous.questionnaire, { data: this.pendingData, responseId: previous.responseId, startedAt: previous.startedAt }) && previous.currentPage) {
      this.form!.goToPage(previous.currentPage.name);
    }
  }

  // --- lifecycle ------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener(QUESTION_INPUT, this.handleQuestionInput as EventListener);
    addEventListener('pagehide', this.handlePageHide);
    this.storage ??= openDeviceStorage();
    void this.storage.then((storage) => {
      this.persistent = storage.persistent;
      this.unsubscribeStorage = storage.subscribe(this.handleDelivery);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener(QUESTION_INPUT, this.handleQuestionInput as EventListener);
    removeEventListener('pagehide', this.handlePageHide);
    this.unsubscribeStorage?.();
    this.saveDraftNow();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') && this.questionnaire) void this.load(this.questionnaire);
    else if (changed.has('src') && this.src && !this.questionnaire) void this.fetchQuestionnaire(this.src);
    if (changed.has('lang') && this.form) this.form.locale = this.lang;
  }

  protected override updated(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    focus?.();
  }

  // --- loading --------------------------------------------------------------------------------

  private async fetchQuestionnaire(src: string): Promise<void> {
    const token = ++this.loadToken;
    this.phase = 'loading';
    try {
      const reply = await fetch(src, { credentials: 'same-origin' });
      if (!reply.ok) throw new Error(`HTTP ${reply.status}`);
      const questionnaire = (await reply.json()) as Questionnaire;
      if (token === this.loadToken) await this.load(questionnaire, token);
    } catch (error) {
      if (token !== this.loadToken) return;
      this.failLoad([{ path: '', code: 'load-failed', message: message(`Không tải được ${src}: ${String(error)}`, `Could not load ${src}: ${String(error)}`) }]);
    }
  }

  /** Starts a form on the questionnaire, resuming this device's draft when there is one. */
  private async load(questionnaire: Questionnaire, token = ++this.loadToken): Promise<void> {
    this.phase = 'loading';
    const storage = await this.storage;
    if (token !== this.loadToken) return;
    if (questionnaire.settings?.onePerDevice && storage && (await storage.hasSubmitted(questionnaire.id))) {
      this.phase = 'already-submitted';
      return;
    }
    const draft = this.pendingData || !storage ? undefined : await storage.loadDraft(draftKey(questionnaire));
    if (token !== this.loadToken) return;
    const started = this.startForm(questionnaire, draft ? { data: draft.values, responseId: draft.responseId, startedAt: draft.startedAt } : { data: this.pendingData });
    if (started && draft) {
      if (draft.page) this.form!.goToPage(draft.page);
      this.restored = true;
    }
  }

  /** Creates the engine for a questionnaire; a questionnaire it cannot run is reported, not thrown. */
  private startForm(questionnaire: Questionnaire, options: { data?: Record<string, Answer>; responseId?: string; startedAt?: string }): boolean {
    this.unsubscribeForm?.();
    this.questionNodes.clear();
    this.summary = [];
    this.serverErrors = [];
    this.restored = false;
    try {
      this.form = new Form(questionnaire, {
        locale: this.lang,
        channel: CHANNEL_OF_MODE[this.mode] ?? 'online',
        unit: this.unit,
        serviceField: this.serviceField,
        ...options,
      });
    } catch (error) {
      this.form = undefined;
      const errors = error instanceof QuestionnaireLoadError ? error.errors : [{ path: '', code: 'load-failed', message: message(`Phiếu khảo sát không đúng định dạng: ${String(error)}`, `The questionnaire is malformed: ${String(error)}`) }];
      this.failLoad(errors);
      return false;
    }
    // A page embedding a kiosk-only questionnaire in online mode would collect answers the server
    // refuses; the web team hears it now rather than the respondent after the last question.
    const channels = questionnaire.sipas?.survey?.channels;
    const channel = CHANNEL_OF_MODE[this.mode] ?? 'online';
    if (channels && !channels.includes(channel)) {
      this.failLoad([
        {
          path: '/sipas/survey/channels',
          code: 'channel-not-allowed',
          message: message(
            `Phiếu này chỉ thu qua kênh ${channels.join(', ')}; chế độ mode="${this.mode}" thu qua kênh ${channel}`,
            `This questionnaire collects only through ${channels.join(', ')}; mode="${this.mode}" collects through ${channel}`,
          ),
        },
      ]);
      return false;
    }
    this.unsubscribeForm = this.form.subscribe(this.handleFormChange);
    this.phase = 'filling';
    this.delivery = 'none';
    return true;
  }

  private failLoad(errors: ValidationError[]): void {
    this.form = undefined;
    this.loadErrors = errors;
    this.phase = 'load-failed';
    emit(this, 'sipas-error', { kind: 'load', message: uiMessage('loadFailed'), errors });
  }

  // --- event handlers -------------------------------------------------------------------------

  private readonly handleFormChange = (change: FormChange): void => {
    if (change.page || change.states.length > 0 || change.values.length > 0 || change.locale || change.completed || change.errors.length > 0) this.requestUpdate();
    if (change.errors.length > 0 && this.summary.length > 0) this.summary = this.summary.filter(({ name }) => this.form!.errorsOf(name).length > 0);
  };

  private readonly handleQuestionInput = (event: CustomEvent<QuestionInputDetail>): void => {
    event.stopPropagation();
    const form = this.form;
    if (!form || form.isCompleted) return;
    const { key, value } = event.detail;
    if (!form.setValue(key, value)) return;
    emit(this, 'sipas-value-change', { name: key, value: form.getValue(key) });
    this.scheduleDraftSave();
  };

  private readonly handleDelivery = (event: OutboxEvent): void => {
    if (!this.ownResponses.has(event.responseId)) return;
    if (event.type === 'sent') {
      this.delivery = 'sent';
      emit(this, 'sipas-sent', { responseId: event.responseId, receipt: event.receipt });
    } else if (event.type === 'rejected') {
      this.delivery = 'rejected';
      this.serverErrors = event.errors;
      emit(this, 'sipas-error', { kind: 'rejected', message: uiMessage('rejected'), errors: event.errors, responseId: event.responseId });
    } else if (this.delivery !== 'sent') {
      this.delivery = 'queued';
    }
  };

  private readonly handlePageHide = (): void => this.saveDraftNow();

  private handleBack(): void {
    if (this.form?.prev()) this.afterPageChange();
  }

  private handleNext(): void {
    const form = this.form;
    if (!form) return;
    if (form.next()) {
      this.summary = [];
      this.afterPageChange();
    } else this.showErrors();
  }

  // --- drafts ---------------------------------------------------------------------------------

  private scheduleDraftSave(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveDraftNow(), DRAFT_DELAY_MS);
  }

  private saveDraftNow(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const form = this.form;
    if (!form || form.isCompleted || this.phase !== 'filling') return;
    const values = form.values;
    const key = draftKey(form.questionnaire);
    // An untouched form leaves no draft: there would be nothing to resume.
    if (Object.keys(values).length === 0) {
      void this.storage?.then((storage) => storage.clearDraft(key));
      return;
    }
    const draft: Draft = { responseId: form.responseId, startedAt: form.startedAt, values, page: form.currentPage?.name, savedAt: new Date().toISOString() };
    void this.storage?.then((storage) => storage.saveDraft(key, draft));
  }

  // --- navigation and errors ------------------------------------------------------------------

  private afterPageChange(): void {
    this.announcePage();
    // Keyboard and screen-reader users continue from the new page's heading, not from a button.
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.page-heading')?.focus();
  }

  private announcePage(): void {
    const form = this.form!;
    this.saveDraftNow();
    emit(this, 'sipas-page-change', { page: form.currentPage!.name, index: form.currentPageIndex, count: form.visiblePages.length });
  }

  /** Lists the current page's errors above it and puts the keyboard on the first one. */
  private showErrors(): void {
    const form = this.form!;
    const page = form.currentPage;
    const names = page ? page.sections.flatMap((section) => section.questions.map((question) => question.name)) : [];
    this.summary = names
      .filter((name) => form.errorsOf(name).length > 0)
      .map((name) => ({ name, text: `${plainTitle(form, form.question(name))}: ${inLanguage(form.errorsOf(name)[0]!.message, this.lang)}` }));
    const first = this.summary[0];
    if (first) this.focusAfterRender = () => this.focusQuestion(first.name);
  }

  private focusQuestion(name: string): void {
    const node = this.questionNodes.get(name);
    if (!node) return;
    // A question on a page just shown renders after the form does.
    void node.updateComplete.then(() => {
      node.scrollIntoView?.({ block: 'center' });
      node.focusInput();
    });
  }

  // --- public methods -------------------------------------------------------------------------

  /** Checks every shown question; shows the errors of the current page. Returns whether all is well. */
  validate(): boolean {
    const form = this.form;
    if (!form) return false;
    const valid = form.validate('all').size === 0;
    if (!valid) this.showErrors();
    return valid;
  }

  /**
   * Completes the response: validates it, shows errors or, when it is complete, fires
   * `sipas-submit`, stores it on the device and sends it to `endpoint`. Resolves to whether the
   * response was accepted for delivery (not whether the server has it yet: see `sipas-sent`).
   */
  async submit(): Promise<boolean> {
    const form = this.form;
    if (!form || form.isCompleted) return false;
    const page = form.currentPage;
    if (!form.complete()) {
      // Errors take the respondent to the first page that has one.
      if (form.currentPage !== page) this.announcePage();
      this.showErrors();
      return false;
    }
    this.summary = [];
    const response = form.toResponse();
    const handledByPage = !emit(this, 'sipas-submit', { response }, true);
    clearTimeout(this.draftTimer);
    this.phase = 'done';
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.thank-you-heading')?.focus();
    const storage = await this.storage!;
    await storage.clearDraft(draftKey(form.questionnaire));
    if (form.questionnaire.settings?.onePerDevice) await storage.markSubmitted(form.questionnaire.id, response.responseId);
    if (handledByPage || !this.endpoint) return true;
    await this.send(storage, response, this.endpoint);
    return true;
  }

  private async send(storage: FormStorage, response: Response, endpoint: string): Promise<void> {
    this.ownResponses.add(response.responseId);
    this.delivery = 'saving';
    await storage.send(response, endpoint);
    if (this.delivery === 'saving') this.delivery = 'queued';
    emit(this, 'sipas-queued', { responseId: response.responseId, persistent: storage.persistent });
  }

  /** Starts over: clears the answers and this device's draft, back to the first page. */
  async reset(): Promise<void> {
    const questionnaire = this.form?.questionnaire ?? this.questionnaire;
    clearTimeout(this.draftTimer);
    this.pendingData = undefined;
    if (!questionnaire) return;
    // The new form shows at once; the old draft goes in the background.
    this.startForm(questionnaire, {});
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.page-heading')?.focus();
    const storage = await this.storage;
    await storage?.clearDraft(draftKey(questionnaire));
  }

  /** After the server refused a response: back to the answers, to be corrected and sent again. */
  private reopen(): void {
    const form = this.form!;
    const errors = this.serverErrors;
    const refused = [...this.ownResponses];
    this.ownResponses.clear();
    this.startForm(form.questionnaire, { data: form.values, startedAt: form.startedAt });
    const corrected = this.form!;
    this.summary = errors.map((error) => {
      // Answers are located as /answers/<name>[/...]; anything else is shown as the server put it.
      const name = error.path.startsWith('/answers/') ? error.path.split('/')[2]! : '';
      const text = inLanguage(error.message, this.lang);
      return questionIndex(corrected.questionnaire).has(name) && corrected.isVisible(name) ? { name, text: `${plainTitle(corrected, corrected.question(name))}: ${text}` } : { name, text };
    });
    void this.storage?.then((storage) => Promise.all(refused.map((responseId) => storage.discard(responseId))));
  }

  // --- rendering ------------------------------------------------------------------------------

  private questionNode(question: Question, number: number | undefined): SipasQuestionElement | TemplateResult {
    const tag = questionElementTag(question.type);
    if (!tag) return html`<p class="question unsupported" role="note">${ui('unknownType', this.lang, question.type)}</p>`;
    let node = this.questionNodes.get(question.name);
    if (!node) {
      node = document.createElement(tag) as SipasQuestionElement;
      node.name = question.name;
      this.questionNodes.set(question.name, node);
    }
    node.form = this.form;
    node.number = number;
    return node;
  }

  /** Question numbers count the shown questions that take an answer, across pages. */
  private questionNumbers(): Map<string, number> {
    const numbers = new Map<string, number>();
    const form = this.form!;
    if (!form.questionnaire.settings?.questionNumbers) return numbers;
    for (const page of form.visiblePages) {
      for (const section of page.sections) {
        for (const question of section.questions) if (isAnswerable(question) && form.isVisible(question.name)) numbers.set(question.name, numbers.size + 1);
      }
    }
    return numbers;
  }

  private renderHeader(): TemplateResult {
    const { questionnaire } = this.form!;
    return html`<header part="header">
      <h2 class="title" part="title">${this.form!.text(questionnaire.title)}</h2>
      ${questionnaire.description ? html`<p class="description" part="description">${this.form!.text(questionnaire.description)}</p>` : nothing}
    </header>`;
  }

  private renderProgress(): TemplateResult | typeof nothing {
    const form = this.form!;
    if (form.questionnaire.settings?.progressBar === false) return nothing;
    const { answered, total } = form.progress;
    const pages = form.visiblePages.length;
    return html`<div class="progress" part="progress">
      ${pages > 1 ? html`<span>${ui('pageOf', this.lang, form.currentPageIndex + 1, pages)}</span>` : nothing}
      <label>
        <span>${ui('answered', this.lang, answered, total)}</span>
        <progress max=${Math.max(total, 1)} .value=${answered} aria-label=${ui('progress', this.lang)}></progress>
      </label>
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    if (this.summary.length === 0) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert">
      <p>${ui('errorSummary', this.lang, this.summary.length)}</p>
      <ul>
        ${this.summary.map(({ name, text }) => html`<li><a href=${`#sipas-${name}-title`} @click=${(event: Event) => { event.preventDefault(); this.focusQuestion(name); }}>${text}</a></li>`)}
      </ul>
    </div>`;
  }

  private renderPage(): TemplateResult {
    const form = this.form!;
    const page = form.currentPage!;
    const numbers = this.questionNumbers();
    return html`<div class="page" part="page">
      <h3 class="page-heading" part="page-title" tabindex="-1">${page.title ? form.text(page.title) : ui('pageOf', this.lang, form.currentPageIndex + 1, form.visiblePages.length)}</h3>
      ${page.description ? html`<p class="description">${form.text(page.description)}</p>` : nothing}
      ${form.visibleSections(page.name).map(
        ({ section, questions }) => html`<section part="section" aria-labelledby=${section.title ? `sipas-section-${section.name}` : nothing}>
          ${section.title ? html`<h4 class="section-title" id=${`sipas-section-${section.name}`} part="section-title">${form.text(section.title)}</h4>` : nothing}
          ${section.description ? html`<p class="description">${form.text(section.description)}</p>` : nothing}
          ${questions.map((question) => this.questionNode(question, numbers.get(question.name)))}
        </section>`,
      )}
    </div>`;
  }

  private renderNavigation(): TemplateResult {
    const form = this.form!;
    return html`<nav class="navigation" part="navigation" aria-label=${ui('progress', this.lang)}>
      ${form.isFirstPage ? nothing : html`<button type="button" class="secondary" part="button back-button" @click=${this.handleBack}>${ui('back', this.lang)}</button>`}
      ${form.isLastPage
        ? html`<button type="button" class="primary" part="button submit-button" @click=${() => void this.submit()}>${ui('submit', this.lang)}</button>`
        : html`<button type="button" class="primary" part="button next-button" @click=${this.handleNext}>${ui('next', this.lang)}</button>`}
    </nav>`;
  }

  private renderDeliveryStatus(): TemplateResult | typeof nothing {
    switch (this.delivery) {
      case 'saving':
        return html`<p>${ui('saving', this.lang)}</p>`;
      case 'queued':
        return html`<p class="queued">${ui('queued', this.lang)}</p>${this.persistent ? nothing : html`<p>${ui('notPersistent', this.lang)}</p>`}`;
      case 'sent':
        return html`<p class="sent">${ui('sent', this.lang)}</p>`;
      case 'rejected':
        return html`<div class="rejected">
          <p>${ui('rejected', this.lang)}</p>
          <ul>${this.serverErrors.map((error) => html`<li>${inLanguage(error.message, this.lang)}</li>`)}</ul>
          <button type="button" class="primary" part="button" @click=${this.reopen}>${ui('fixAnswers', this.lang)}</button>
        </div>`;
      default:
        return nothing;
    }
  }

  private renderThankYou(): TemplateResult {
    return html`<div class="thank-you" part="thank-you">
      <h3 class="thank-you-heading" tabindex="-1">${ui('thanksTitle', this.lang)}</h3>
      <p>${ui('thanksText', this.lang)}</p>
      <div class="delivery-status" part="delivery-status" role="status">${this.renderDeliveryStatus()}</div>
      ${this.form?.questionnaire.settings?.onePerDevice ? nothing : html`<button type="button" class="secondary" part="button new-button" @click=${() => void this.reset()}>${ui('newResponse', this.lang)}</button>`}
    </div>`;
  }

  private renderLoadFailure(): TemplateResult {
    return html`<div class="load-failed" part="notice" role="alert">
      <p>${ui('loadFailed', this.lang)}</p>
      <ul>${this.loadErrors.slice(0, 5).map((error) => html`<li><code>${error.path || '/'}</code> ${inLanguage(error.message, this.lang)}</li>`)}</ul>
      ${this.src && !this.questionnaire ? html`<button type="button" class="secondary" part="button" @click=${() => void this.fetchQuestionnaire(this.src!)}>${ui('retry', this.lang)}</button>` : nothing}
    </div>`;
  }

  override render() {
    let body: TemplateResult | typeof nothing = nothing;
    switch (this.phase) {
      case 'loading':
        body = html`<p class="loading" role="status">${ui('loading', this.lang)}</p>`;
        break;
      case 'load-failed':
        body = this.renderLoadFailure();
        break;
      case 'already-submitted':
        body = html`<p class="notice" part="notice" role="status">${ui('alreadySubmitted', this.lang)}</p>`;
        break;
      case 'done':
        body = html`${this.renderHeader()}${this.renderThankYou()}`;
        break;
      case 'filling':
        body = html`${this.renderHeader()}
          ${this.restored
            ? html`<div class="notice" part="notice" role="status">${ui('draftRestored', this.lang)}
                <button type="button" class="link" part="button start-over-button" @click=${() => void this.reset()}>${ui('startOver', this.lang)}</button></div>`
            : nothing}
          ${this.renderProgress()}${this.renderSummary()}${this.renderPage()}${this.renderNavigation()}`;
        break;
    }
    return html`<div class="form" part="base" lang=${this.lang}>${body}</div>`;
  }
}

/** Drafts belong to one version of one questionnaire on this device. */
const draftKey = (questionnaire: Questionnaire): string => `${questionnaire.id}@${questionnaire.version ?? 1}`;

/** A question's title as plain text for the error summary (or its name when it has none). */
function plainTitle(form: Form, question: Question): string {
  return question.title === undefined ? question.name : form.text(question.title);
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-form': SipasForm;
  }
}
