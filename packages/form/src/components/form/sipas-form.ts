import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Form, QuestionnaireLoadError, type CoreTypeRegistry, type FieldError, type FormOptions } from '@sipas/core';
import { hierarchyChoiceIds, message, questionIndex, type Answer, type Channel, type Question, type Questionnaire, type Response, type ValidationError } from '@sipas/schema';
import { emit, QUESTION_INPUT, type QuestionInputDetail } from '../../events.js';
import { languageOf, ui, uiMessage } from '../../i18n.js';
import type { OutboxEvent } from '../../outbox/index.js';
import { ADD_ONS, loadAddOn, loadKioskSession, type AddOnName } from '../../modes/add-ons.js';
import type { ModeSheet } from '../../modes/mode-sheet.js';
import type { SipasQuestionElement } from '../questions/question-element.js';
import { questionElementTag } from '../questions/question-elements.js';
import { openDeviceStorage } from './device-storage.js';
import { DraftAutosave } from './draft-autosave.js';
import type { FormStorage } from './form-storage.js';
import {
  renderHeader,
  renderLoadFailure,
  renderNavigation,
  renderPage,
  renderProgress,
  renderSummary,
  renderThankYou,
  type Delivery,
  type SummaryEntry,
} from './form-views.js';
import { formStyles } from './sipas-form.styles.js';

export type FormMode = 'online' | 'kiosk' | 'entry' | 'print';

type Phase = 'empty' | 'loading' | 'load-failed' | 'filling' | 'done' | 'already-submitted';

const CHANNEL_OF_MODE: Record<FormMode, Channel> = { online: 'online', kiosk: 'kiosk', entry: 'paper', print: 'paper' };

/** Drafts belong to one version of one questionnaire on this device. */
const draftKey = (questionnaire: Questionnaire): string => `${questionnaire.id}@${questionnaire.version ?? 1}`;

/**
 * The embeddable SIPAS questionnaire: pages, questions, errors, submission and the offline outbox,
 * in one element a district site drops in with a script tag. Give it a `questionnaire` (or a `src`
 * URL) and an `endpoint`: answers are kept as a draft on the device, and a response that cannot be
 * sent yet waits in the outbox and goes out once the connection is back.
 *
 * `mode` chooses how answers are collected: `online` (the default), `kiosk` (a tablet at the
 * counter that starts over by itself), `entry` (staff typing paper forms, `<sipas-entry-sheet>`) or
 * `print` (the paper form, `<sipas-print-sheet>`); the two staff modes are loaded on demand. The
 * interface speaks Vietnamese (`lang="vi"`, the default) or English.
 *
 * Question elements (`<sipas-question-*>`) render inside the form's shadow root, so every part
 * below, theirs included, is styled from the page with `sipas-form::part(...)`.
 *
 * @summary The embeddable SIPAS questionnaire, with drafts and offline delivery.
 *
 * @event sipas-value-change - The respondent changed an answer. detail: { name, value }
 * @event sipas-page-change - The respondent moved to another page. detail: { page, index, count }
 * @event sipas-submit - A complete response was submitted (cancelable: cancel to send it yourself). detail: { response }
 * @event sipas-queued - The response is stored on the device and waits for delivery. detail: { responseId, persistent }
 * @event sipas-sent - The server acknowledged the response. detail: { responseId, receipt }
 * @event sipas-error - The questionnaire could not load, or the server refused the response. detail: { kind, message, errors }
 *
 * @csspart base - the form's frame
 * @csspart header - the questionnaire's title and description
 * @csspart title - the questionnaire's title
 * @csspart description - the questionnaire's description
 * @csspart notice - a notice above the questions (draft restored, already answered, could not load)
 * @csspart progress - the progress bar
 * @csspart error-summary - the list of errors after a failed "next" or submit
 * @csspart page - the current page
 * @csspart page-title - the page's heading
 * @csspart section - a section of the page
 * @csspart section-title - a section's heading
 * @csspart navigation - the back, next and submit buttons
 * @csspart button - every button, besides its own part below
 * @csspart back-button - "Quay lại" (back)
 * @csspart next-button - "Tiếp theo" (next)
 * @csspart submit-button - "Gửi phiếu" (submit), on the last page
 * @csspart start-over-button - start over instead of the restored draft
 * @csspart retry-button - load the questionnaire again
 * @csspart fix-button - back to the answers the server refused
 * @csspart new-button - another response, on the thank-you screen
 * @csspart thank-you - the thank-you screen
 * @csspart delivery-status - where the response is (saving, waiting, sent, refused)
 * @csspart question - a question's frame (rendered by its `<sipas-question-*>` element)
 * @csspart question-title - a question's title, with its number and required marker
 * @csspart question-description - a question's description
 * @csspart question-error - the error under a question
 * @csspart input - a text box, text area or drop-down list
 * @csspart other-input - the text box of an "other" answer
 * @csspart choice - one answer option (radio button, check box or scale level)
 * @csspart choice-label - an option's text
 * @csspart likert-row - one statement of a likert grid
 * @csspart likert-row-title - a statement's text
 * @csspart info-text - the text of an information item
 *
 * @cssproperty --sipas-color-primary - buttons, chosen answers and focus rings
 * @cssproperty --sipas-color-on-primary - text on primary buttons
 * @cssproperty --sipas-color-text - body text
 * @cssproperty --sipas-color-muted - descriptions and secondary text
 * @cssproperty --sipas-color-background - the form's background
 * @cssproperty --sipas-color-surface - question cards
 * @cssproperty --sipas-color-chosen - the background of a chosen answer
 * @cssproperty --sipas-color-border - borders of inputs and cards
 * @cssproperty --sipas-color-error - error text and borders
 * @cssproperty --sipas-font-family - the form's font
 * @cssproperty --sipas-font-size - body text size (16px by default, never smaller)
 * @cssproperty --sipas-radius - corner radius
 * @cssproperty --sipas-space-m - the base spacing unit
 * @cssproperty --sipas-touch-target - minimum height of anything tappable (44px)
 */
export class SipasForm extends LitElement {
  static override styles = formStyles;

  private readonly autosave = new DraftAutosave(this, () => this.saveDraft());

  /** URL of the questionnaire JSON, fetched when no `questionnaire` property is given. */
  @property() src?: string;
  /** URL responses are POSTed to; without it the page handles `sipas-submit` itself. */
  @property() endpoint?: string;
  /** Language of the form: `vi` (default) or `en` (`en-US` and the like count as `en`); switchable at any time. */
  @property({ reflect: true }) override lang = 'vi';
  /** How answers are collected: `online` (default), `kiosk`, `entry` (typing in paper forms) or `print`. */
  @property({ reflect: true }) mode: FormMode = 'online';
  /** The unit (agency) the response belongs to, when the embedding page knows it. */
  @property() unit?: string;
  /** The service field the response belongs to, when the embedding page knows it. */
  @property({ attribute: 'service-field' }) serviceField?: string;
  /** The questionnaire document; takes precedence over `src`. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The question types the form runs (the page's shared registry by default); a designer's preview passes its own. */
  @property({ attribute: false }) types?: CoreTypeRegistry;
  /** `interview` or `phone` when staff fill the form in for a respondent (online mode); the mode decides otherwise. */
  @property() channel?: 'interview' | 'phone';
  /** The counter (quầy) a kiosk stands at; in kiosk mode also read from the page URL (`?counter=`). */
  @property() counter?: string;
  /** The officer whose service is rated, as a code; in kiosk mode also read from the page URL (`?officer=`). */
  @property() officer?: string;
  /** The interviewer's code, for interviews and phone surveys. */
  @property() interviewer?: string;
  /** Kiosk: seconds without a touch before an unfinished response is cleared (0: never). */
  @property({ type: Number, attribute: 'idle-timeout' }) idleTimeout = 90;
  /** Kiosk: seconds the thank-you screen stays before the form starts over. */
  @property({ type: Number, attribute: 'reset-delay' }) resetDelay = 8;

  /** What the element shows: loading, the questions, the thank-you screen or a problem. */
  @state() private phase: Phase = 'empty';
  /** Where the response on the thank-you screen is on its way to the server. */
  @state() private delivery: Delivery = 'none';
  /** Why the questionnaire could not be shown. */
  @state() private loadErrors: ValidationError[] = [];
  /** Why the server refused the response on the thank-you screen. */
  @state() private rejection: ValidationError[] = [];
  /** The error summary above the page. */
  @state() private summary: SummaryEntry[] = [];
  /** The answers came from this device's draft (a notice offers to start over). */
  @state() private restored = false;
  /** False when the browser keeps nothing on the device. */
  @state() private persistent = true;

  private form: Form | undefined;
  /** The JSON of the questionnaire shown, to tell a new questionnaire from an equal copy. */
  private loadedJson = '';
  private readonly questionNodes = new Map<string, SipasQuestionElement>();
  private unsubscribeForm: (() => void) | undefined;
  private storage: Promise<FormStorage> | undefined;
  private unsubscribeStorage: (() => void) | undefined;
  /** Responses this element handed to the outbox and has not heard the end of. */
  private readonly ownResponses = new Set<string>();
  /** The response the thank-you screen is about. */
  private shownResponseId: string | undefined;
  private pendingData: Record<string, Answer> | undefined;
  private loadToken = 0;
  private focusAfterRender: (() => void) | undefined;
  private kioskStarted = false;

  /** The answers given so far; setting it replaces them (no `sipas-value-change` is fired). */
  get data(): Record<string, Answer> {
    return this.form?.values ?? this.pendingData ?? {};
  }

  set data(values: Record<string, Answer>) {
    this.pendingData = { ...values };
    const previous = this.form;
    if (!previous) return;
    if (this.phase === 'filling') {
      // Same response, same page: a script filling answers does not move the respondent.
      this.restart({ data: this.pendingData, responseId: previous.responseId, startedAt: previous.startedAt });
    } else {
      // After a submission, new answers are a new response.
      this.startForm(previous.questionnaire, { data: this.pendingData });
    }
  }

  /** The primary language asked for: `vi` or `en` (others fall back to Vietnamese in texts). */
  private get language(): string {
    return languageOf(this.lang);
  }

  private get normalizedMode(): FormMode {
    const mode = this.mode.toLowerCase() as FormMode;
    return mode in CHANNEL_OF_MODE ? mode : 'online';
  }

  private get responseChannel(): Channel {
    const channel = CHANNEL_OF_MODE[this.normalizedMode];
    return channel === 'online' && (this.channel === 'interview' || this.channel === 'phone') ? this.channel : channel;
  }

  /** A kiosk serves one person after another, and a clerk types form after form: nothing of one may resume for the next. */
  private get keepsDrafts(): boolean {
    return this.normalizedMode === 'online';
  }

  /** Counter identification: attributes first; a kiosk also takes them from its page address. */
  private pageParameter(name: 'unit' | 'counter' | 'officer'): string | undefined {
    if (this.normalizedMode !== 'kiosk') return undefined;
    return new URLSearchParams(location.search).get(name)?.trim() || undefined;
  }

  private collectionInfo(): Response['collection'] {
    const collection: NonNullable<Response['collection']> = {};
    const counter = this.counter || this.pageParameter('counter');
    const officer = this.officer || this.pageParameter('officer');
    if (counter) collection.counter = counter;
    if (officer) collection.officer = officer;
    if (this.interviewer && this.responseChannel !== 'kiosk') collection.interviewer = this.interviewer;
    return Object.keys(collection).length > 0 ? collection : undefined;
  }

  /** One response per device concerns a citizen's own device: kiosks, clerks and interviewers answer for many. */
  private oncePerDevice(questionnaire: Questionnaire): boolean {
    return questionnaire.settings?.onePerDevice === true && this.normalizedMode === 'online' && this.responseChannel === 'online';
  }

  // What the kiosk session reads (KioskHost).
  get submitted(): boolean {
    return this.phase === 'done';
  }

  get answered(): boolean {
    return Object.keys(this.data).length > 0;
  }

  // --- lifecycle ------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.renderRoot.addEventListener(QUESTION_INPUT, this.handleQuestionInput as EventListener);
    this.storage ??= openDeviceStorage();
    void this.storage.then((storage) => {
      this.persistent = storage.persistent;
      if (this.isConnected && !this.unsubscribeStorage) this.unsubscribeStorage = storage.subscribe(this.handleDelivery);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.renderRoot.removeEventListener(QUESTION_INPUT, this.handleQuestionInput as EventListener);
    this.unsubscribeStorage?.();
    this.unsubscribeStorage = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') && this.questionnaire) {
      if (JSON.stringify(this.questionnaire) !== this.loadedJson) {
        this.autosave.flush();
        void this.load(this.questionnaire);
      }
    } else if (changed.has('src') && this.src && !this.questionnaire) void this.fetchQuestionnaire(this.src);
    if (changed.has('lang') && this.form) this.form.locale = this.language;
    if (this.normalizedMode === 'kiosk' && !this.kioskStarted) {
      this.kioskStarted = true;
      // A controller: it registers itself with the element.
      void loadKioskSession().then((KioskSession) => new KioskSession(this));
    }
    // A unit or mode the page sets after loading (from its own API call) applies to the response.
    const bindingChanged = ['unit', 'serviceField', 'mode', 'channel', 'counter', 'officer', 'interviewer'].some((key) => changed.has(key as keyof SipasForm));
    if (changed.has('mode') && this.addOn) void this.prepareAddOn(this.addOn);
    if (bindingChanged && this.hasUpdated && this.form && this.phase === 'filling') {
      const { responseId, startedAt, values } = this.form;
      this.restart({ data: values, responseId, startedAt });
    }
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
    this.loadedJson = JSON.stringify(questionnaire);
    const storage = await this.storage;
    if (token !== this.loadToken) return;
    if (this.oncePerDevice(questionnaire) && storage && (await storage.hasSubmitted(questionnaire.id))) {
      this.phase = 'already-submitted';
      return;
    }
    const draft = this.pendingData || !storage || !this.keepsDrafts ? undefined : await storage.loadDraft(draftKey(questionnaire));
    if (token !== this.loadToken) return;
    // Answers a script set while the draft was being read win over the draft.
    const resumed = this.pendingData ? undefined : draft;
    // A resumed draft gets a new responseId: a draft is never sent (submitting removes it), and two
    // tabs resuming one draft must not send two different responses under one id.
    const started = this.startForm(questionnaire, resumed ? { data: resumed.values, startedAt: resumed.startedAt } : { data: this.pendingData });
    if (started && resumed) {
      if (resumed.page) this.form!.goToPage(resumed.page);
      this.restored = true;
    }
  }

  /** Creates the engine for a questionnaire; a questionnaire it cannot run is reported, not thrown. */
  private startForm(questionnaire: Questionnaire, options: Pick<FormOptions, 'data' | 'responseId' | 'startedAt'>): boolean {
    this.unsubscribeForm?.();
    // Question elements are kept for the same questionnaire, so focus and scroll survive a restart.
    if (this.form?.questionnaire !== questionnaire) this.questionNodes.clear();
    this.summary = [];
    this.rejection = [];
    this.restored = false;
    this.delivery = 'none';
    const channel = this.responseChannel;
    try {
      this.form = new Form(questionnaire, {
        types: this.types,
        locale: this.language,
        channel,
        unit: this.unit || this.pageParameter('unit'),
        serviceField: this.serviceField,
        collection: this.collectionInfo(),
        ...options,
      });
    } catch (error) {
      const errors = error instanceof QuestionnaireLoadError ? error.errors : [{ path: '', code: 'load-failed', message: message(`Phiếu khảo sát không đúng định dạng: ${String(error)}`, `The questionnaire is malformed: ${String(error)}`) }];
      this.failLoad(errors);
      return false;
    }
    // A page embedding a kiosk-only questionnaire in online mode would collect answers the server
    // refuses; the web team hears it now rather than the respondent after the last question.
    // Printing collects nothing, so any questionnaire may be printed.
    const channels = questionnaire.sipas?.survey?.channels;
    if (channels && !channels.includes(channel) && this.normalizedMode !== 'print') {
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
    const setupErrors = this.checkIdentification(questionnaire);
    if (setupErrors.length > 0) {
      this.failLoad(setupErrors);
      return false;
    }
    this.unsubscribeForm = this.form.subscribe(this.handleFormChange);
    this.phase = 'filling';
    return true;
  }

  /**
   * The unit and codes a page stamps into every response, checked before anyone answers: a typo
   * in a kiosk's address would otherwise have the server refuse a whole day of ratings.
   */
  private checkIdentification(questionnaire: Questionnaire): ValidationError[] {
    const errors: ValidationError[] = [];
    const unit = this.unit || this.pageParameter('unit');
    if (unit && questionnaire.sipas?.units && !hierarchyChoiceIds(questionnaire, 'units').includes(unit)) {
      errors.push({ path: '/unit', code: 'unknown-unit', message: message(`Đơn vị "${unit}" không có trong danh sách đơn vị của phiếu`, `Unit "${unit}" is not in the questionnaire's list of units`) });
    }
    const codes = { ...this.collectionInfo() };
    for (const [name, code] of Object.entries(codes)) {
      if (code.length > 50) errors.push({ path: `/collection/${name}`, code: 'too-long', message: message(`Mã ${name} dài quá 50 ký tự`, `The ${name} code is longer than 50 characters`) });
    }
    return errors;
  }

  /** A new engine on the same questionnaire and page (new answers, unit or mode). */
  private restart(options: Pick<FormOptions, 'data' | 'responseId' | 'startedAt'>): void {
    const previous = this.form!;
    const page = previous.currentPage?.name;
    if (this.startForm(previous.questionnaire, options) && page) this.form!.goToPage(page);
  }

  private failLoad(errors: ValidationError[]): void {
    this.form = undefined;
    this.loadErrors = errors;
    this.phase = 'load-failed';
    emit(this, 'sipas-error', { kind: 'load', message: uiMessage('loadFailed'), errors });
  }

  // --- event handlers -------------------------------------------------------------------------

  /** The engine notifies only when something changed; the page, progress and summary follow it. */
  private readonly handleFormChange = (): void => this.requestUpdate();

  private readonly handleQuestionInput = (event: CustomEvent<QuestionInputDetail>): void => {
    event.stopPropagation();
    const form = this.form;
    if (!form || form.isCompleted) return;
    const { key, value } = event.detail;
    if (!form.setValue(key, value)) return;
    emit(this, 'sipas-value-change', { name: key, value: form.getValue(key) });
    this.autosave.schedule();
  };

  private readonly handleDelivery = (event: OutboxEvent): void => {
    const { responseId } = event;
    if (!this.ownResponses.has(responseId)) return;
    const shown = responseId === this.shownResponseId;
    if (event.type === 'sent') {
      // Another tab may deliver it too and say so; the page hears of it once.
      this.ownResponses.delete(responseId);
      if (shown) this.delivery = 'sent';
      emit(this, 'sipas-sent', { responseId, receipt: event.receipt });
    } else if (event.type === 'rejected') {
      this.ownResponses.delete(responseId);
      if (shown) {
        this.delivery = 'rejected';
        this.rejection = event.errors;
      }
      emit(this, 'sipas-error', { kind: 'rejected', message: uiMessage('rejected'), errors: event.errors, responseId });
    } else if (shown && this.delivery === 'saving') {
      this.delivery = 'queued';
    }
  };

  private readonly handleBack = (): void => {
    if (this.form?.prev()) this.afterPageChange();
  };

  private readonly handleNext = (): void => {
    const form = this.form;
    if (!form) return;
    if (form.next()) {
      this.summary = [];
      this.afterPageChange();
    } else this.showErrors();
  };

  private readonly handleSubmit = (): void => void this.submit();
  private readonly handleReset = (): void => void this.reset();

  // --- drafts ---------------------------------------------------------------------------------

  /** Writes the draft; the answer being typed counts (it is committed first). */
  private saveDraft(): void {
    this.commitFocusedText();
    const form = this.form;
    if (!form || form.isCompleted || this.phase !== 'filling' || !this.keepsDrafts) return;
    const key = draftKey(form.questionnaire);
    const values = form.values;
    // An untouched form leaves no draft: there would be nothing to resume.
    if (Object.keys(values).length === 0) {
      void this.storage?.then((storage) => storage.clearDraft(key));
      return;
    }
    const draft = { responseId: form.responseId, startedAt: form.startedAt, values, page: form.currentPage?.name, savedAt: new Date().toISOString() };
    void this.storage?.then((storage) => storage.saveDraft(key, draft));
  }

  /** Text answers are committed when the box is left; a page going away must not lose one being typed. */
  private commitFocusedText(): void {
    this.focusedTextBox()?.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** The text box or text area the respondent is typing in, if any. */
  private focusedTextBox(): HTMLInputElement | HTMLTextAreaElement | undefined {
    const focused = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (focused instanceof HTMLTextAreaElement) return focused;
    return focused instanceof HTMLInputElement && focused.type !== 'radio' && focused.type !== 'checkbox' ? focused : undefined;
  }

  // --- navigation and errors ------------------------------------------------------------------

  private afterPageChange(): void {
    this.announcePage();
    // Keyboard and screen-reader users continue from the new page's heading, not from a button.
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.page-heading')?.focus();
  }

  private announcePage(): void {
    const form = this.form!;
    this.autosave.flush();
    emit(this, 'sipas-page-change', { page: form.currentPage!.name, index: form.currentPageIndex, count: form.visiblePages.length });
  }

  /** Goes to the first page with an error (if it is another one), lists that page's errors and focuses the first. */
  private showErrors(general: SummaryEntry[] = []): void {
    const form = this.form!;
    const first = form.firstError;
    if (first && form.pageOf(first) !== form.currentPage) {
      form.goToPage(form.pageOf(first).name);
      this.announcePage();
    }
    const page = form.currentPage;
    const names = page ? page.sections.flatMap((section) => section.questions.map((question) => question.name)) : [];
    this.summary = [...general, ...names.filter((name) => form.errorsOf(name).length > 0).map((name) => ({ name, message: form.errorsOf(name)[0]!.message }))];
    const firstOnPage = names.find((name) => form.errorsOf(name).length > 0);
    this.focusAfterRender = firstOnPage ? () => this.focusQuestion(firstOnPage) : () => this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  private readonly focusQuestion = (name: string): void => {
    const node = this.questionNodes.get(name);
    if (!node) return;
    // A question on a page just shown renders after the form does.
    void node.updateComplete.then(() => {
      node.scrollIntoView?.({ block: 'center' });
      node.focusInput();
    });
  };

  // --- public methods -------------------------------------------------------------------------

  /** Checks every shown question and shows the errors, from the first page that has one. Returns whether all is well. */
  validate(): boolean {
    const form = this.form;
    if (!form || this.phase !== 'filling') return false;
    if (form.validate('all').size === 0) {
      this.summary = [];
      return true;
    }
    this.showErrors();
    return false;
  }

  /**
   * Completes the response: validates it, shows errors or, when it is complete, fires
   * `sipas-submit`, stores it on the device and sends it to `endpoint`. Resolves to whether the
   * response was accepted for delivery (not whether the server has it yet: see `sipas-sent`).
   */
  async submit(options: { paper?: Response['paper'] } = {}): Promise<boolean> {
    const form = this.form;
    if (!form || form.isCompleted || this.phase !== 'filling') return false;
    if (options.paper) form.setPaper(options.paper);
    const page = form.currentPage;
    if (!form.complete()) {
      // complete() has moved to the first page with an error.
      if (form.currentPage !== page) this.announcePage();
      this.showErrors();
      return false;
    }
    this.summary = [];
    const response = form.toResponse();
    const handledByPage = !emit(this, 'sipas-submit', { response }, true);
    const endpoint = handledByPage ? undefined : this.endpoint || undefined;
    this.autosave.cancel();
    this.shownResponseId = response.responseId;
    this.phase = 'done';
    this.delivery = endpoint ? 'saving' : 'none';
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.thank-you-heading')?.focus();
    if (endpoint) this.ownResponses.add(response.responseId);
    const storage = await this.storage!;
    try {
      // One transaction: the draft goes only when the response is safely in the outbox.
      await storage.submit(response, endpoint, {
        draftKey: this.keepsDrafts ? draftKey(form.questionnaire) : undefined,
        onePerDevice: this.oncePerDevice(form.questionnaire),
      });
    } catch (error) {
      // Not stored: back to the answers (a new engine, same answers) so nothing typed is lost.
      this.ownResponses.delete(response.responseId);
      this.restart({ data: form.values, startedAt: form.startedAt });
      this.summary = [{ message: message(`Không lưu được phiếu trên máy: ${String(error)}`, `The answers could not be saved on this device: ${String(error)}`) }];
      return false;
    }
    if (!endpoint) return true;
    if (this.shownResponseId === response.responseId && this.delivery === 'saving') this.delivery = 'queued';
    emit(this, 'sipas-queued', { responseId: response.responseId, persistent: storage.persistent });
    return true;
  }

  /** Starts over: clears the answers and this device's draft, back to the first page. */
  async reset(): Promise<void> {
    const questionnaire = this.form?.questionnaire ?? this.questionnaire;
    this.autosave.cancel();
    this.pendingData = undefined;
    if (!questionnaire) return;
    this.loadToken++; // a draft still being read must not come back
    // Text still being typed is dropped too: when its box lost focus it would land in the new response.
    const focused = this.focusedTextBox();
    if (focused) {
      focused.value = '';
      focused.blur();
    }
    // The new form shows at once; the old draft goes in the background.
    this.startForm(questionnaire, {});
    this.focusAfterRender = () => this.renderRoot.querySelector<HTMLElement>('.page-heading')?.focus();
    const storage = await this.storage;
    await storage?.clearDraft(draftKey(questionnaire));
  }

  /** After the server refused a response: back to the answers, the refusals shown on their questions. */
  private readonly reopen = (): void => {
    const form = this.form!;
    const errors = this.rejection;
    const refused = this.shownResponseId;
    this.startForm(form.questionnaire, { data: form.values, startedAt: form.startedAt });
    const corrected = this.form!;
    const index = questionIndex(corrected.questionnaire);
    const byQuestion = new Map<string, FieldError[]>();
    const general: SummaryEntry[] = [];
    for (const error of errors) {
      // Answers are located as /answers/<name>[/...]; anything else is shown as the server put it.
      const name = error.path.startsWith('/answers/') ? error.path.split('/')[2]!.replace(/-other$/, '') : '';
      if (index.has(name)) byQuestion.set(name, [...(byQuestion.get(name) ?? []), { code: error.code, message: error.message }]);
      else general.push({ message: error.message });
    }
    corrected.reportErrors(byQuestion);
    this.showErrors(general);
    if (refused) void this.storage?.then((storage) => storage.discard(refused));
  };

  // --- rendering ------------------------------------------------------------------------------

  /** The staff mode whose sheet replaces the pages, if any. */
  private get addOn(): AddOnName | undefined {
    const mode = this.normalizedMode;
    return mode === 'entry' || mode === 'print' ? mode : undefined;
  }

  /** The sheet of a staff mode, kept across responses (a clerk's counters and settings live in it). */
  private sheet: ModeSheet | undefined;
  @state() private addOnReady = false;

  private async prepareAddOn(name: AddOnName): Promise<void> {
    this.addOnReady = false;
    try {
      await loadAddOn(name);
    } catch (error) {
      this.failLoad([{ path: '', code: 'add-on-failed', message: message(`Không tải được chế độ "${name}": ${String(error)}`, `Could not load the "${name}" mode: ${String(error)}`) }]);
      return;
    }
    if (this.addOn === name) this.addOnReady = true;
  }

  private renderSheet(name: AddOnName): TemplateResult | ModeSheet {
    if (!this.addOnReady) return html`<p class="loading" role="status">${ui('loading', this.language)}</p>`;
    const tag = ADD_ONS[name].tag;
    if (this.sheet?.localName !== tag) this.sheet = document.createElement(tag) as ModeSheet;
    this.sheet.host = {
      submit: (options) => this.submit(options),
      reset: () => this.reset(),
      discard: async (responseId) => (await this.storage)?.discard(responseId),
      endpoint: this.endpoint || undefined,
    };
    this.sheet.form = this.form;
    this.sheet.lang = this.language;
    return this.sheet;
  }

  private readonly questionNode = (question: Question, number: number | undefined): SipasQuestionElement | TemplateResult => {
    const tag = questionElementTag(question.type, this.types);
    if (!tag) return html`<p class="question unsupported" role="note">${ui('unknownType', this.language, question.type)}</p>`;
    let node = this.questionNodes.get(question.name);
    if (!node) {
      node = document.createElement(tag) as SipasQuestionElement;
      node.name = question.name;
      this.questionNodes.set(question.name, node);
    }
    node.form = this.form;
    node.number = number;
    return node;
  };

  private renderBody(): TemplateResult | typeof nothing {
    const language = this.language;
    const form = this.form;
    const addOn = this.addOn;
    if (addOn && form && (this.phase === 'filling' || this.phase === 'done')) return html`${renderHeader(form)}${this.renderSheet(addOn)}`;
    switch (this.phase) {
      case 'loading':
        return html`<p class="loading" role="status">${ui('loading', language)}</p>`;
      case 'load-failed':
        return renderLoadFailure(this.loadErrors, language, this.src && !this.questionnaire ? () => void this.fetchQuestionnaire(this.src!) : undefined);
      case 'already-submitted':
        return html`<p class="notice" part="notice" role="status">${ui('alreadySubmitted', language)}</p>`;
      case 'done':
        return html`${renderHeader(form!)}${renderThankYou(form!, { delivery: this.delivery, persistent: this.persistent, rejection: this.rejection }, language, { reopen: this.reopen, newResponse: this.handleReset })}`;
      case 'filling':
        return html`${renderHeader(form!)}
          ${this.restored
            ? html`<div class="notice" part="notice" role="status">
                ${ui('draftRestored', language)}
                <button type="button" class="link" part="button start-over-button" @click=${this.handleReset}>${ui('startOver', language)}</button>
              </div>`
            : nothing}
          ${renderProgress(form!, language)}${renderSummary(form!, this.summary, language, this.focusQuestion)}${renderPage(form!, language, this.questionNode)}
          ${renderNavigation(form!, language, { back: this.handleBack, next: this.handleNext, submit: this.handleSubmit })}`;
      default:
        return nothing;
    }
  }

  override render() {
    return html`<div class="form" part="base" lang=${this.language}>${this.renderBody()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-form': SipasForm;
  }
}
