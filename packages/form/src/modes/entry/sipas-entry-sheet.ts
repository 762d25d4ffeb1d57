import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Form } from '@sipas/core';
import { normalizeSerial, type Answer, type LocalizedMessage } from '@sipas/schema';
import { QUESTION_INPUT, type QuestionInputDetail, type SipasErrorDetail, type SipasQueuedDetail, type SipasSentDetail, type SipasSubmitDetail } from '../../events.js';
import type { ModeSheet, ModeSheetHost } from '../mode-sheet.js';
import {
  answerCodes,
  answerInput,
  answerLabel,
  entrySteps,
  matchOptions,
  multipleComplete,
  resolveCode,
  stepAfter,
  stepAnswer,
  stepBefore,
  toggled,
  type EntryOption,
  type EntryStep,
  type Mark,
} from './entry-steps.js';
import {
  compareEntries,
  keysInOrder,
  paperOf,
  resolveEntries,
  snapshotOfResponse,
  type EntryHeader,
  type EntrySnapshot,
  type Sample,
} from './entry-record.js';
import { entryText, type EntryStringKey } from './entry-text.js';
import { renderCounts, renderDifferences, renderKeys, renderLog, type LogEntry, type Resolution } from './entry-views.js';
import { SerialRegistry, type FirstEntryRecord, type SerialRecord } from './serial-registry.js';
import { Outbox, type OutboxEntry } from '../../outbox/index.js';
import { entrySheetStyles } from './sipas-entry-sheet.styles.js';
import { themeTokens } from '../../components/form/theme-tokens.js';

/** What the device knows of a questionnaire's paper forms. */
interface Known {
  questionnaireId: string;
  serials: Map<string, SerialRecord>;
  firstEntries: Map<string, FirstEntryRecord>;
}

/** Settings a clerk keeps for the whole session (enumerator, sample, double entry), per questionnaire. */
const SETTINGS_KEY = (questionnaireId: string) => `sipas-entry-settings:${questionnaireId}`;
/** How many forms the log shows besides the refused ones, which stay until corrected. */
const LOG_LENGTH = 12;

/** The log with every refused form and the latest LOG_LENGTH others (a dropped one comes back from the outbox if refused). */
const trimLog = (log: readonly LogEntry[]): LogEntry[] => {
  let others = 0;
  return log.filter((entry) => entry.delivery === 'rejected' || others++ < LOG_LENGTH);
};

/** The paper forms of a questionnaire the server refused, as the device's outbox keeps them (across reloads). */
async function refusedInOutbox(questionnaireId: string): Promise<OutboxEntry[]> {
  const outbox = await Outbox.open();
  try {
    return (await outbox.pending()).filter((entry) => entry.state === 'rejected' && entry.response.paper && entry.response.questionnaire.id === questionnaireId);
  } finally {
    await outbox.close();
  }
}

/** A DOM id for an item: ids in the sheet's shadow root, from names the format keeps to [A-Za-z0-9_.-]. */
const domId = (prefix: string, id: string) => `${prefix}-${id}`;

/**
 * The data-entry sheet of `<sipas-form mode="entry">`: clerks type paper forms with the keyboard
 * alone. Every shown item of the questionnaire on one dense screen, numbered as printed; the paper
 * form's serial number, enumerator and sample; digits pick levels and move on, `0`/`-` mark an item
 * blank and `*` spoiled (several boxes ticked); duplicate serial numbers are caught on the device
 * and shown when the server refuses one; an optional double entry compares two typings of the same
 * form before one response is sent. The keyboard map is `KEY_MAP` (entry-text.ts).
 *
 * It is not placed by hand: the form loads it on demand (`sipas-form-entry.js` in the drop-in
 * build), creates one sheet and keeps it across responses, setting `form`, `lang` and `host`. The
 * sheet submits through `host.submit({ paper })` and starts the next form with `host.reset()`. Its
 * colours follow the form's `--sipas-color-*` tokens.
 *
 * @summary The keyboard-only data-entry sheet for typing paper forms.
 *
 * @event sipas-question-input - An answer was typed (bubbles, composed), for the `<sipas-form>` holding the sheet. detail: { key, value }
 *
 * @csspart base - the sheet
 * @csspart header - the paper form's fields (serial number, enumerator, sample)
 * @csspart items - the list of items
 * @csspart item - one item line
 * @csspart submit-button - stores the typed form
 * @csspart differences - the double-entry comparison
 * @csspart log - the forms entered in this session
 *
 * @cssproperty --sipas-entry-color-blank - text of the blank marker
 * @cssproperty --sipas-entry-color-blank-background - background of a blank item
 * @cssproperty --sipas-entry-color-spoiled - text of the spoiled marker
 * @cssproperty --sipas-entry-color-spoiled-background - background of a spoiled item
 * @cssproperty --sipas-radius - corner radius
 */
export class SipasEntrySheet extends LitElement implements ModeSheet {
  static override styles = [themeTokens, entrySheetStyles];

  /** The engine of the response being typed; <sipas-form> sets a new one after each submission. */
  @property({ attribute: false }) form: Form | undefined;
  /** Submits and starts over through the <sipas-form> holding the sheet. */
  @property({ attribute: false }) host: ModeSheetHost | undefined;
  /** Language of the sheet's own texts: `vi` (default) or `en`. */
  @property() override lang = 'vi';

  /** The paper form's serial number, enumerator and sample (the last two stay across forms). */
  @state() private header: EntryHeader = { serial: '', enumerator: '', sample: 'official' };
  /** Blank and spoiled markers by item id. */
  @state() private marks = new Map<string, Mark>();
  @state() private doubleEntry = false;
  @state() private sessionCount = 0;
  @state() private known: Known | undefined;
  @state() private persistent = true;
  @state() private log: LogEntry[] = [];
  /** Errors and refusals (role=alert). */
  @state() private alertText = '';
  /** Confirmations of each key ("Câu 12: Hài lòng", role=status). */
  @state() private statusText = '';
  @state() private serialInvalid = false;
  @state() private resolution: Resolution | undefined;
  /** Digits typed into an item that more digits may follow. */
  @state() private pending: { id: string; typed: string } | undefined;
  /** What is typed into a dropdown item, and the match Enter would pick. */
  @state() private query: { id: string; text: string; active: number } | undefined;
  /** Text typed into a text item and not yet committed. */
  @state() private drafts = new Map<string, string>();
  @state() private busy = false;

  private registry: Promise<SerialRegistry> | undefined;
  private unsubscribe: (() => void) | undefined;
  private formHost: Element | undefined;
  private focusAfterUpdate: (() => void) | undefined;
  /** The refused response reopened on the sheet: it leaves the outbox once its correction is stored. */
  private reopenedId: string | undefined;

  // --- lifecycle ------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.registry ??= SerialRegistry.open();
    void this.registry.then((registry) => (this.persistent = registry.persistent));
    const root = this.getRootNode();
    this.formHost = root instanceof ShadowRoot ? root.host : undefined;
    for (const [type, listener] of this.hostListeners) this.formHost?.addEventListener(type, listener);
    this.listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const [type, listener] of this.hostListeners) this.formHost?.removeEventListener(type, listener);
    this.formHost = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('form')) this.adoptForm(changed.get('form') as Form | undefined);
  }

  protected override updated(): void {
    const focus = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    focus?.();
  }

  private listen(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.isConnected ? this.form?.subscribe(() => this.requestUpdate()) : undefined;
  }

  /** A new engine: the next response (markers and serial go, the clerk's settings stay), or the same one restarted. */
  private adoptForm(previous: Form | undefined): void {
    this.listen();
    const form = this.form;
    if (!form || previous?.responseId === form.responseId) return;
    this.busy = false;
    this.marks = new Map();
    this.drafts = new Map();
    this.pending = undefined;
    this.query = undefined;
    this.resolution = undefined;
    this.serialInvalid = false;
    this.header = { ...this.header, serial: '' };
    this.reopenedId = undefined;
    const questionnaireId = form.questionnaire.id;
    if (this.known?.questionnaireId !== questionnaireId) {
      this.restoreSettings(questionnaireId);
      // Refusals after the known serials: releasing a refused form's serial updates them.
      void this.loadKnown(questionnaireId).then(() => this.loadRefused(questionnaireId));
    }
    this.focusAfterUpdate = () => this.focusSerial();
  }

  private async loadKnown(questionnaireId: string): Promise<void> {
    const registry = await this.registry!;
    const { serials, firstEntries } = await registry.load(questionnaireId);
    if (this.form?.questionnaire.id === questionnaireId) this.known = { questionnaireId, serials, firstEntries };
  }

  /**
   * Every refused paper form of the questionnaire still in the outbox goes into the log (a refusal
   * that came after its entry left the log, or before a reload), and its serial is free again on
   * this device: the refusal is final, so the form is typed again (reopened) or not at all.
   */
  private async loadRefused(questionnaireId: string): Promise<void> {
    let refused: OutboxEntry[];
    try {
      refused = await refusedInOutbox(questionnaireId);
    } catch {
      return; // No outbox to read: the refusals this page hears of are all it can show.
    }
    if (this.form?.questionnaire.id !== questionnaireId) return;
    let log = this.log;
    for (const { responseId, response, rejection } of refused) {
      const entry: LogEntry = { responseId, serial: response.paper!.serial, delivery: 'rejected', response, errors: rejection?.errors ?? [] };
      log = log.some((known) => known.responseId === responseId) ? log.map((known) => (known.responseId === responseId ? { ...known, delivery: 'rejected', errors: entry.errors } : known)) : [...log, entry];
      await this.releaseSerial(questionnaireId, entry.serial, responseId);
    }
    if (refused.length > 0) this.log = log;
  }

  /** Frees a refused form's serial on this device, so that the form can be typed again. */
  private async releaseSerial(questionnaireId: string, serial: string, responseId: string): Promise<void> {
    const registry = await this.registry!;
    await registry.release(questionnaireId, serial, responseId);
    if (this.known?.questionnaireId === questionnaireId && this.known.serials.get(serial)?.responseId === responseId) {
      const serials = new Map(this.known.serials);
      serials.delete(serial);
      this.known = { ...this.known, serials };
    }
  }

  private restoreSettings(questionnaireId: string): void {
    try {
      const saved = JSON.parse(sessionStorage.getItem(SETTINGS_KEY(questionnaireId)) ?? 'null') as { enumerator?: string; sample?: Sample | ''; doubleEntry?: boolean } | null;
      if (!saved) return;
      this.header = { ...this.header, enumerator: saved.enumerator ?? '', sample: saved.sample ?? 'official' };
      this.doubleEntry = saved.doubleEntry === true;
    } catch {
      // No session storage (a sandboxed frame): the settings last as long as the page.
    }
  }

  private saveSettings(): void {
    const id = this.form?.questionnaire.id;
    if (!id) return;
    try {
      sessionStorage.setItem(SETTINGS_KEY(id), JSON.stringify({ enumerator: this.header.enumerator, sample: this.header.sample, doubleEntry: this.doubleEntry }));
    } catch {
      // As above.
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private t(key: EntryStringKey, ...args: (string | number)[]): string {
    return entryText(key, this.lang === 'en' ? 'en' : 'vi', ...args);
  }

  private say(message: LocalizedMessage): string {
    return this.lang === 'en' ? message.en : message.vi;
  }

  private get steps(): EntryStep[] {
    return this.form ? entrySteps(this.form) : [];
  }

  private stepById(id: string): EntryStep | undefined {
    return this.steps.find((step) => step.id === id);
  }

  private announce(text: string): void {
    this.statusText = text;
  }

  private warn(text: string): void {
    this.alertText = text;
    this.statusText = '';
  }

  private itemName(step: EntryStep): string {
    return this.t('item', step.number);
  }

  private entered(step: EntryStep): boolean {
    return !step.enabled || this.marks.has(step.id) || stepAnswer(this.form!, step) !== undefined;
  }

  private input(id: string): HTMLInputElement | HTMLTextAreaElement | null {
    return this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-step="${CSS.escape(id)}"]`);
  }

  private focusSerial(select = false): void {
    const serial = this.renderRoot.querySelector<HTMLInputElement>('#serial');
    serial?.focus();
    if (select) serial?.select();
  }

  /** Moves the keyboard to an item (or to "Save" past the last one) once the sheet has rendered. */
  private moveTo(step: EntryStep | undefined): void {
    this.focusAfterUpdate = () => {
      if (!step) {
        this.renderRoot.querySelector<HTMLButtonElement>('.submit')?.focus();
        return;
      }
      const input = this.input(step.id);
      input?.focus();
      if (input instanceof HTMLInputElement && step.kind !== 'pick' && step.kind !== 'multiple') input.select();
    };
    this.requestUpdate();
  }

  /**
   * On to the next item. Past the last one the keyboard goes to "Save", except with Enter, which
   * saves at once: the Enter that ends the last item is the one that ends the form.
   */
  private advance(step: EntryStep, how: 'auto' | 'enter' | 'tab' = 'auto'): void {
    const following = stepAfter(this.steps, step.order);
    if (!following && how === 'enter') {
      void this.submitEntry();
      return;
    }
    this.moveTo(following);
  }

  private back(step: EntryStep | undefined): void {
    const previous = stepBefore(this.steps, step ? step.order : Number.MAX_SAFE_INTEGER);
    if (previous) this.moveTo(previous);
    else this.focusAfterUpdate = () => this.focusSerial(true);
    this.requestUpdate();
  }

  /** Sends an answer up to the form, as a question element would. */
  private send(step: EntryStep, value: Answer | undefined): void {
    const detail: QuestionInputDetail = answerInput(this.form!, step, value);
    this.dispatchEvent(new CustomEvent<QuestionInputDetail>(QUESTION_INPUT, { detail, bubbles: true, composed: true }));
  }

  private setMark(step: EntryStep, mark: Mark | undefined): void {
    const marks = new Map(this.marks);
    if (mark) marks.set(step.id, mark);
    else marks.delete(step.id);
    this.marks = marks;
  }

  // --- what keys do ---------------------------------------------------------------------------

  private choose(step: EntryStep, option: EntryOption): void {
    this.pending = undefined;
    this.query = undefined;
    this.alertText = '';
    if (step.kind === 'multiple') {
      const before = stepAnswer(this.form!, step);
      const after = toggled(before, option.value as string | number);
      this.setMark(step, undefined);
      this.send(step, after);
      const now = stepAnswer(this.form!, step);
      const ticked = Array.isArray(now) && now.includes(option.value as string | number);
      this.announce(`${this.itemName(step)}: ${this.t(ticked ? 'chosenSaid' : 'unchosenSaid', option.label)}`);
      if (multipleComplete(step, now)) this.advance(step);
      return;
    }
    this.setMark(step, undefined);
    this.send(step, option.value as Answer);
    this.announce(`${this.itemName(step)}: ${option.label}`);
    this.advance(step);
  }

  private markItem(step: EntryStep, mark: Mark, how: 'auto' | 'enter' | 'tab' = 'auto'): void {
    this.pending = undefined;
    this.query = undefined;
    if (mark === 'spoiled' && !step.canSpoil) {
      this.warn(this.t('noSpoiledHere', step.number));
      return;
    }
    this.alertText = '';
    const drafts = new Map(this.drafts);
    drafts.delete(step.id);
    this.drafts = drafts;
    this.send(step, undefined);
    this.setMark(step, mark);
    this.announce(`${this.itemName(step)}: ${this.t(mark === 'blank' ? 'blankSaid' : 'spoiledSaid')}`);
    this.advance(step, how);
  }

  private clearItem(step: EntryStep): void {
    this.pending = undefined;
    this.query = undefined;
    this.send(step, undefined);
    this.setMark(step, undefined);
    this.announce(`${this.itemName(step)}: ${this.t('clearedSaid')}`);
  }

  /** Leaving an item with Enter or Tab: an item still empty is recorded as blank. */
  private leave(step: EntryStep, how: 'enter' | 'tab'): void {
    if (!this.entered(step)) this.markItem(step, 'blank', how);
    else this.advance(step, how);
  }

  private typeDigit(step: EntryStep, digit: string): void {
    const typed = (this.pending?.id === step.id ? this.pending.typed : '') + digit;
    if (typed === '0') {
      this.markItem(step, 'blank');
      return;
    }
    const result = resolveCode(step.options, typed);
    if (result.kind === 'pick') this.choose(step, result.option);
    else if (result.kind === 'pending') this.pending = { id: step.id, typed };
    else {
      this.pending = undefined;
      this.warn(this.t('noCode', step.number, typed));
    }
  }

  /** Enter on digits that a longer code also starts with: they mean the shorter code. */
  private settlePending(step: EntryStep): boolean {
    const typed = this.pending?.id === step.id ? this.pending.typed : '';
    if (!typed) return false;
    const result = resolveCode(step.options, typed);
    const option = result.kind === 'pick' ? result.option : result.kind === 'pending' ? result.exact : undefined;
    if (option) this.choose(step, option);
    else {
      this.pending = undefined;
      this.warn(this.t('noCode', step.number, typed));
    }
    return true;
  }

  private commitText(step: EntryStep, text: string): void {
    const drafts = new Map(this.drafts);
    drafts.delete(step.id);
    this.drafts = drafts;
    const value = text.trim() === '' ? undefined : text;
    if (value === undefined) {
      if (stepAnswer(this.form!, step) !== undefined) this.send(step, undefined);
      return;
    }
    this.setMark(step, undefined);
    this.send(step, value);
  }

  // --- event handlers -------------------------------------------------------------------------

  private readonly handleItemKeydown = (event: KeyboardEvent): void => {
    const input = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
    const step = this.stepById(input.dataset.step ?? '');
    if (!step || !this.form || this.form.isCompleted) return;
    if (this.busy) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (step.kind === 'text' || step.kind === 'comment' || step.kind === 'other') this.commitText(step, input.value);
      void this.submitEntry();
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (step.kind === 'pick' || step.kind === 'multiple') this.codeKey(event, step);
    else if (step.kind === 'dropdown') this.dropdownKey(event, step, input as HTMLInputElement);
    else this.textKey(event, step, input);
  };

  /** Items picked by code: every key is the sheet's (the box shows the codes chosen). */
  private codeKey(event: KeyboardEvent, step: EntryStep): void {
    const { key } = event;
    if (key === 'Tab' && event.shiftKey) {
      event.preventDefault();
      this.pending = undefined;
      this.back(step);
    } else if (key === 'Enter' || key === 'Tab') {
      event.preventDefault();
      if (this.settlePending(step)) return;
      this.leave(step, key === 'Enter' ? 'enter' : 'tab');
    } else if (key === 'Backspace') {
      event.preventDefault();
      if (this.pending?.id === step.id) {
        const typed = this.pending.typed.slice(0, -1);
        this.pending = typed ? { id: step.id, typed } : undefined;
      } else this.back(step);
    } else if (key === 'ArrowDown') {
      event.preventDefault();
      this.pending = undefined;
      this.moveTo(stepAfter(this.steps, step.order));
    } else if (key === 'ArrowUp') {
      event.preventDefault();
      this.pending = undefined;
      this.back(step);
    } else if (key === 'Delete') {
      event.preventDefault();
      this.clearItem(step);
    } else if (key === 'Escape') {
      this.pending = undefined;
    } else if (/^[0-9]$/.test(key)) {
      event.preventDefault();
      this.typeDigit(step, key);
    } else if (key === '-') {
      event.preventDefault();
      this.markItem(step, 'blank');
    } else if (key === '*') {
      event.preventDefault();
      this.markItem(step, 'spoiled');
    } else if (key.length === 1) {
      event.preventDefault(); // letters mean nothing in a code box
    }
  }

  /** Dropdowns: a code, or a few letters of the name with the matches listed. */
  private dropdownKey(event: KeyboardEvent, step: EntryStep, input: HTMLInputElement): void {
    const { key } = event;
    const text = input.value;
    const matches = this.matchesOf(step, text);
    if (key === 'Tab' && event.shiftKey) {
      event.preventDefault();
      this.query = undefined;
      this.back(step);
    } else if (key === 'Enter' || key === 'Tab') {
      event.preventDefault();
      if (text.trim() === '') {
        this.leave(step, key === 'Enter' ? 'enter' : 'tab');
        return;
      }
      const active = this.query?.id === step.id ? this.query.active : 0;
      const exact = /^\d+$/.test(text.trim()) ? step.options.find((option) => option.code === text.trim()) : undefined;
      const option = exact ?? matches[active];
      if (option) this.choose(step, option);
      else this.warn(this.t('noCode', step.number, text.trim()));
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && matches.length > 0) {
      event.preventDefault();
      const active = this.query?.id === step.id ? this.query.active : 0;
      const next = (active + (key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      this.query = { id: step.id, text, active: next };
    } else if (key === 'ArrowDown' || key === 'ArrowUp') {
      event.preventDefault();
      if (key === 'ArrowDown') this.moveTo(stepAfter(this.steps, step.order));
      else this.back(step);
    } else if (key === 'Escape') {
      this.query = undefined;
    } else if (key === 'Backspace' && text === '') {
      event.preventDefault();
      this.back(step);
    } else if (key === 'Delete' && text === '') {
      event.preventDefault();
      this.clearItem(step);
    } else if (text === '' && (key === '0' || key === '-')) {
      event.preventDefault();
      this.markItem(step, 'blank');
    } else if (text === '' && key === '*') {
      event.preventDefault();
      this.markItem(step, 'spoiled');
    }
  }

  /** What is typed into a dropdown item: a whole code picks at once, anything else lists matches. */
  private readonly handleDropdownInput = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement;
    const step = this.stepById(input.dataset.step ?? '');
    if (!step) return;
    const text = input.value;
    if (/^\d+$/.test(text)) {
      const result = resolveCode(step.options, text);
      if (result.kind === 'pick') {
        input.value = '';
        this.choose(step, result.option);
        return;
      }
      if (result.kind === 'invalid') this.warn(this.t('noCode', step.number, text));
    }
    this.query = text === '' ? undefined : { id: step.id, text, active: 0 };
  };

  private matchesOf(step: EntryStep, text: string): EntryOption[] {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    if (/^\d+$/.test(trimmed)) return step.options.filter((option) => option.code.startsWith(trimmed));
    return matchOptions(step.options, trimmed);
  }

  /** Typed items: text as typed; Enter (Shift+Enter is a new line in comments) commits and moves on. */
  private textKey(event: KeyboardEvent, step: EntryStep, input: HTMLInputElement | HTMLTextAreaElement): void {
    const { key } = event;
    const newLine = step.kind === 'comment' && key === 'Enter' && event.shiftKey;
    if (key === 'Tab' && event.shiftKey) {
      event.preventDefault();
      this.commitText(step, input.value);
      this.back(step);
    } else if ((key === 'Enter' && !newLine) || key === 'Tab') {
      event.preventDefault();
      this.commitText(step, input.value);
      this.leave(step, key === 'Enter' ? 'enter' : 'tab');
    } else if (key === 'Backspace' && input.value === '') {
      event.preventDefault();
      this.back(step);
    } else if ((key === 'ArrowDown' || key === 'ArrowUp') && step.kind !== 'comment') {
      event.preventDefault();
      this.commitText(step, input.value);
      if (key === 'ArrowDown') this.moveTo(stepAfter(this.steps, step.order));
      else this.back(step);
    }
  }

  private readonly handleTextInput = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
    const drafts = new Map(this.drafts);
    drafts.set(input.dataset.step ?? '', input.value);
    this.drafts = drafts;
  };

  private readonly handleTextChange = (event: Event): void => {
    const input = event.currentTarget as HTMLInputElement | HTMLTextAreaElement;
    const step = this.stepById(input.dataset.step ?? '');
    if (step && this.drafts.has(step.id)) this.commitText(step, input.value);
  };

  private readonly handleSerialInput = (event: Event): void => {
    this.header = { ...this.header, serial: (event.currentTarget as HTMLInputElement).value };
    this.serialInvalid = false;
    if (this.alertText) this.alertText = '';
  };

  /** Enter or Tab on the serial: checked at once against the forms of this device, then on to the first item. */
  private readonly handleSerialKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.submitEntry();
      return;
    }
    if (event.key !== 'Enter' && !(event.key === 'Tab' && !event.shiftKey)) return;
    event.preventDefault();
    if (this.checkSerial()) this.moveTo(stepAfter(this.steps, -1));
  };

  /** Whether the serial may be entered now; says why not. */
  private checkSerial(): boolean {
    const serial = normalizeSerial(this.header.serial);
    if (!serial) {
      this.serialInvalid = true;
      this.warn(this.t('serialMissing'));
      return false;
    }
    const earlier = this.known?.serials.get(serial);
    if (earlier && earlier.responseId !== this.form?.responseId) {
      this.refuseSerial(serial, earlier);
      return false;
    }
    this.serialInvalid = false;
    this.alertText = '';
    if (this.doubleEntry && this.known?.firstEntries.has(serial)) this.announce(this.t('serialSecondEntry', serial));
    return true;
  }

  private refuseSerial(serial: string, earlier: SerialRecord): void {
    this.serialInvalid = true;
    const when = new Date(earlier.enteredAt).toLocaleString(this.lang === 'en' ? 'en-GB' : 'vi-VN');
    this.warn(this.t('serialDuplicate', serial, when));
    this.focusAfterUpdate = () => this.focusSerial(true);
    this.requestUpdate();
  }

  private readonly handleEnumeratorInput = (event: Event): void => {
    this.header = { ...this.header, enumerator: (event.currentTarget as HTMLInputElement).value };
    this.saveSettings();
  };

  private readonly handleEnumeratorKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.renderRoot.querySelector<HTMLSelectElement>('#sample')?.focus();
  };

  private readonly handleSampleChange = (event: Event): void => {
    this.header = { ...this.header, sample: (event.currentTarget as HTMLSelectElement).value as Sample | '' };
    this.saveSettings();
  };

  private readonly handleSampleKeydown = (event: KeyboardEvent): void => {
    const select = event.currentTarget as HTMLSelectElement;
    if (event.key === '1' || event.key === '2') {
      event.preventDefault();
      select.value = event.key === '1' ? 'official' : 'reserve';
      select.dispatchEvent(new Event('change'));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.focusSerial();
    }
  };

  private readonly handleDoubleEntryChange = (event: Event): void => {
    this.doubleEntry = (event.currentTarget as HTMLInputElement).checked;
    this.saveSettings();
  };

  private readonly handleSubmitKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Backspace') return;
    event.preventDefault();
    this.back(undefined);
  };

  private readonly handleSubmitClick = (): void => void this.submitEntry();

  /** Whether anything has been typed into the form on the sheet (answers or markers). */
  private get hasWork(): boolean {
    return Object.keys(this.form?.values ?? {}).length > 0 || this.marks.size > 0;
  }

  /** Clearing a typed form cannot be undone: Tab lands here after Save, so it asks first. */
  private readonly handleClear = (): void => {
    if (this.hasWork && !confirm(this.t('confirmClear'))) return;
    this.alertText = '';
    void this.host?.reset();
  };

  // --- double entry ---------------------------------------------------------------------------

  private readonly handleDifferenceKeydown = (event: KeyboardEvent): void => {
    const radio = event.currentTarget as HTMLInputElement;
    const id = radio.dataset.difference ?? '';
    if (event.key === '1' || event.key === '2') {
      event.preventDefault();
      this.chooseVersion(id, event.key === '1' ? 'first' : 'second');
      const differences = this.resolution?.differences ?? [];
      const next = differences[differences.findIndex((difference) => difference.id === id) + 1];
      this.focusAfterUpdate = () =>
        (next ? this.renderRoot.querySelector<HTMLInputElement>(`[data-difference="${CSS.escape(next.id)}"]`) : this.renderRoot.querySelector<HTMLButtonElement>('.resolve'))?.focus();
      this.requestUpdate();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void this.resolve();
    }
  };

  private readonly handleDifferenceChange = (event: Event): void => {
    const radio = event.currentTarget as HTMLInputElement;
    this.chooseVersion(radio.dataset.difference ?? '', radio.value as 'first' | 'second');
  };

  private chooseVersion(id: string, version: 'first' | 'second'): void {
    const resolution = this.resolution;
    if (!resolution) return;
    const choices = new Map(resolution.choices);
    choices.set(id, version);
    this.resolution = { ...resolution, choices };
    const difference = resolution.differences.find((candidate) => candidate.id === id);
    if (difference) this.announce(`${difference.number ? this.t('item', difference.number) : difference.title}: ${version === 'first' ? difference.firstText : difference.secondText}`);
  }

  private readonly handleResolveClick = (): void => void this.resolve();

  private readonly handleCancelResolution = (): void => {
    this.resolution = undefined;
    this.alertText = '';
    this.moveTo(stepAfter(this.steps, -1));
  };

  /** The chosen values into the current form, then one response. */
  private async resolve(): Promise<void> {
    const resolution = this.resolution;
    const form = this.form;
    if (!resolution || !form) return;
    const open = resolution.differences.filter((difference) => !resolution.choices.has(difference.id));
    if (open.length > 0) {
      this.warn(this.t('unresolved', open.length));
      this.focusAfterUpdate = () => this.renderRoot.querySelector<HTMLInputElement>(`[data-difference="${CSS.escape(open[0]!.id)}"]`)?.focus();
      this.requestUpdate();
      return;
    }
    const merged = resolveEntries(form.questionnaire, resolution.first, resolution.second, resolution.choices);
    this.applySnapshot(merged);
    this.resolution = undefined;
    await this.submitEntry({ resolved: true });
  }

  /** Makes the current form hold an entry: its header, answers (in questionnaire order) and markers. */
  private applySnapshot(snapshot: EntrySnapshot): void {
    const form = this.form!;
    const current = form.values;
    for (const key of keysInOrder(form.questionnaire, current).reverse()) {
      if (!Object.hasOwn(snapshot.answers, key)) this.dispatchEvent(new CustomEvent<QuestionInputDetail>(QUESTION_INPUT, { detail: { key, value: undefined }, bubbles: true, composed: true }));
    }
    for (const key of keysInOrder(form.questionnaire, snapshot.answers)) {
      this.dispatchEvent(new CustomEvent<QuestionInputDetail>(QUESTION_INPUT, { detail: { key, value: snapshot.answers[key] }, bubbles: true, composed: true }));
    }
    const marks = new Map<string, Mark>();
    for (const step of entrySteps(form)) {
      const mark = snapshot.marks[step.id];
      if (stepAnswer(form, step) !== undefined) continue;
      marks.set(step.id, mark ?? 'blank');
    }
    this.marks = marks;
    this.drafts = new Map();
    this.header = { serial: snapshot.serial, enumerator: snapshot.enumerator, sample: snapshot.sample };
  }

  private snapshot(steps: readonly EntryStep[]): EntrySnapshot {
    const form = this.form!;
    const marks: Record<string, Mark> = {};
    for (const step of steps) {
      const mark = this.marks.get(step.id);
      if (mark && stepAnswer(form, step) === undefined) marks[step.id] = mark;
    }
    return { ...this.header, serial: normalizeSerial(this.header.serial), answers: form.toResponse().answers, marks };
  }

  // --- submitting -----------------------------------------------------------------------------

  /**
   * Saves the form typed: every shown item entered (an answer, blank or spoiled), the serial new on
   * this device; with double entry, a first entry is kept and a second one compared. Then the next form.
   */
  async submitEntry(options: { resolved?: boolean } = {}): Promise<boolean> {
    const form = this.form;
    const host = this.host;
    if (!form || !host || this.busy || form.isCompleted) return false;
    this.pending = undefined;
    const serial = normalizeSerial(this.header.serial);
    if (!serial) {
      this.serialInvalid = true;
      this.warn(this.t('serialMissing'));
      this.focusAfterUpdate = () => this.focusSerial();
      return false;
    }
    // A serial this device knows is the first thing to say: the rest of the form may not matter.
    const known = this.known?.serials.get(serial);
    if (known && known.responseId !== form.responseId) {
      this.refuseSerial(serial, known);
      return false;
    }
    const steps = entrySteps(form);
    const missing = steps.find((step) => !this.entered(step));
    if (missing) {
      this.warn(this.t('notEntered', missing.number));
      this.moveTo(missing);
      return false;
    }
    const questionnaireId = form.questionnaire.id;
    this.busy = true;
    try {
      const registry = await this.registry!;
      const earlier = await registry.serial(questionnaireId, serial);
      if (earlier && earlier.responseId !== form.responseId) {
        this.refuseSerial(serial, earlier);
        return false;
      }
      if (this.doubleEntry && !options.resolved) {
        const snapshot = this.snapshot(steps);
        const first = await registry.firstEntry(questionnaireId, serial);
        if (!first) {
          const record = await registry.keepFirstEntry(questionnaireId, snapshot);
          if (this.known?.questionnaireId === questionnaireId) this.known = { ...this.known, firstEntries: new Map(this.known.firstEntries).set(serial, record) };
          this.alertText = '';
          this.announce(this.t('firstKept', serial));
          this.startNext(host);
          return true;
        }
        const differences = compareEntries(form.questionnaire, first.entry, snapshot, this.lang === 'en' ? 'en' : 'vi');
        if (differences.length > 0) {
          this.resolution = { serial, first: first.entry, second: snapshot, differences, choices: new Map() };
          this.warn(this.t('differencesTitle', serial, differences.length));
          this.focusAfterUpdate = () => this.renderRoot.querySelector<HTMLInputElement>('[data-difference]')?.focus();
          return false;
        }
      }
      const claimed = await registry.claim(questionnaireId, serial, form.responseId);
      if (claimed.responseId !== form.responseId) {
        this.refuseSerial(serial, claimed);
        return false;
      }
      let accepted = false;
      try {
        accepted = await host.submit({ paper: paperOf({ ...this.header, serial }, this.marks, steps) });
      } finally {
        // Not stored (refused by the engine, or storing failed): the serial is free again.
        if (!accepted) await registry.release(questionnaireId, serial, form.responseId);
      }
      if (!accepted) {
        this.showErrors(form);
        return false;
      }
      // Stored: a first entry of this form waiting on the device has served its purpose, and a
      // refused copy it corrects leaves the outbox and the log.
      await registry.forgetFirstEntry(questionnaireId, serial);
      const corrected = this.reopenedId;
      this.reopenedId = undefined;
      if (corrected) {
        this.log = this.log.filter((entry) => entry.responseId !== corrected);
        await host.discard(corrected).catch(() => undefined);
      }
      if (this.known?.questionnaireId === questionnaireId) {
        const firstEntries = new Map(this.known.firstEntries);
        firstEntries.delete(serial);
        this.known = { ...this.known, serials: new Map(this.known.serials).set(serial, claimed), firstEntries };
      }
      this.sessionCount++;
      this.alertText = '';
      this.announce(this.t('saved', serial));
      this.startNext(host);
      return true;
    } finally {
      this.busy = false;
    }
  }

  /**
   * The next form. The form shows it at once while it tidies up behind (its draft store), and the
   * clerk may type the next serial as soon as it is shown: nothing here waits for the tidying.
   */
  private startNext(host: ModeSheetHost): void {
    this.busy = false;
    void host.reset();
  }

  /** The engine refused the response (a rule, a count): its first problem, at its item. */
  private showErrors(form: Form): void {
    const steps = entrySteps(form);
    const first = steps.find((step) => form.errorsOf(step.name).length > 0);
    const problem = first ? form.errorsOf(first.name)[0] : undefined;
    this.warn(this.t('notAccepted', problem ? `${this.itemName(first!)}: ${this.say(problem.message)}` : ''));
    if (first) this.moveTo(first);
  }

  // --- delivery -------------------------------------------------------------------------------

  private readonly handleHostSubmit = (event: Event): void => {
    const { response } = (event as CustomEvent<SipasSubmitDetail>).detail;
    if (!response.paper) return;
    const entry: LogEntry = { responseId: response.responseId, serial: response.paper.serial, delivery: this.host?.endpoint ? 'saving' : 'stored', response, errors: [] };
    this.log = trimLog([entry, ...this.log.filter((known) => known.responseId !== entry.responseId)]);
  };

  private updateLog(responseId: string, change: Partial<LogEntry>): LogEntry | undefined {
    const entry = this.log.find((known) => known.responseId === responseId);
    if (!entry) return undefined;
    const updated = { ...entry, ...change };
    this.log = this.log.map((known) => (known === entry ? updated : known));
    return updated;
  }

  private readonly handleHostQueued = (event: Event): void => {
    const { responseId } = (event as CustomEvent<SipasQueuedDetail>).detail;
    const entry = this.log.find((known) => known.responseId === responseId);
    if (entry?.delivery === 'saving') this.updateLog(responseId, { delivery: 'queued' });
  };

  private readonly handleHostSent = (event: Event): void => {
    this.updateLog((event as CustomEvent<SipasSentDetail>).detail.responseId, { delivery: 'sent' });
  };

  /**
   * The server refused a form: said at once, its serial freed on this device (the refusal is final;
   * the server still holds a duplicate). The outbox is read again for refusals no longer in the log.
   */
  private readonly handleHostError = (event: Event): void => {
    const detail = (event as CustomEvent<SipasErrorDetail>).detail;
    const responseId = detail.responseId;
    const questionnaireId = this.form?.questionnaire.id;
    if (detail.kind !== 'rejected' || !responseId || !questionnaireId) return;
    const entry = this.updateLog(responseId, { delivery: 'rejected', errors: detail.errors });
    if (entry) {
      this.warnRefused(entry, detail.message);
      void this.releaseSerial(questionnaireId, entry.serial, responseId);
    }
    void this.loadRefused(questionnaireId).then(() => {
      const loaded = entry ? undefined : this.log.find((known) => known.responseId === responseId);
      if (loaded) this.warnRefused(loaded, detail.message);
    });
  };

  private warnRefused(entry: LogEntry, fallback: LocalizedMessage): void {
    if (entry.errors.some((error) => error.code === 'duplicate-serial')) {
      this.warn(this.t('serverDuplicate', entry.serial));
      return;
    }
    const reason = entry.errors.map((error) => this.say(error.message)).join('; ') || this.say(fallback);
    this.warn(this.t('serverRejected', entry.serial, reason));
  }

  private readonly hostListeners: [string, EventListener][] = [
    ['sipas-submit', this.handleHostSubmit],
    ['sipas-queued', this.handleHostQueued],
    ['sipas-sent', this.handleHostSent],
    ['sipas-error', this.handleHostError],
  ];

  /** A refused form back on the sheet, to correct (the serial of a duplicate, an answer) and save again. */
  private readonly reopen = (entry: LogEntry): void => {
    if (!this.form || this.form.isCompleted) return;
    // The form being typed would be replaced by the refused one.
    if (this.hasWork && !confirm(this.t('confirmClear'))) return;
    this.applySnapshot(snapshotOfResponse(entry.response));
    // The corrected form is saved as a new response; the refused copy stays (outbox and log) until
    // then, so clearing the sheet or closing the page loses nothing.
    this.reopenedId = entry.responseId;
    this.warn(this.t('reopened', entry.serial));
    const duplicate = entry.errors.some((error) => error.code === 'duplicate-serial');
    const refusedName = entry.errors.map((error) => /^\/answers\/([^/]+)/.exec(error.path)?.[1]?.replace(/-other$/, '')).find(Boolean);
    const step = refusedName ? entrySteps(this.form).find((candidate) => candidate.name === refusedName) : undefined;
    if (duplicate || !step) {
      this.serialInvalid = duplicate;
      this.focusAfterUpdate = () => this.focusSerial(true);
      this.requestUpdate();
    } else this.moveTo(step);
  };

  // --- rendering ------------------------------------------------------------------------------

  /**
   * The paper form's fields: the clerk's settings for the session first, then the serial of the
   * form in hand, last before the items so that Tab and Enter go on from it to the first item.
   */
  private renderHeader(): TemplateResult {
    return html`<fieldset class="paper" part="header">
      <legend>${this.t('paperForm')}</legend>
      <div class="field">
        <label for="enumerator">${this.t('enumerator')}</label>
        <input id="enumerator" autocomplete="off" spellcheck="false" .value=${live(this.header.enumerator)} @input=${this.handleEnumeratorInput} @keydown=${this.handleEnumeratorKeydown} />
      </div>
      <div class="field">
        <label for="sample">${this.t('sample')}</label>
        <select id="sample" .value=${live(this.header.sample)} @change=${this.handleSampleChange} @keydown=${this.handleSampleKeydown}>
          <option value="official">1 · ${this.t('official')}</option>
          <option value="reserve">2 · ${this.t('reserve')}</option>
        </select>
      </div>
      <label class="double-entry">
        <input type="checkbox" .checked=${live(this.doubleEntry)} @change=${this.handleDoubleEntryChange} />
        ${this.t('doubleEntry')}
      </label>
      <div class="field serial">
        <label for="serial">${this.t('serial')}</label>
        <input
          id="serial"
          autocomplete="off"
          spellcheck="false"
          required
          aria-invalid=${this.serialInvalid ? 'true' : 'false'}
          aria-describedby="sheet-help"
          .value=${live(this.header.serial)}
          @input=${this.handleSerialInput}
          @keydown=${this.handleSerialKeydown}
        />
      </div>
    </fieldset>`;
  }

  private renderCodeHint(step: EntryStep, id: string): TemplateResult {
    const text = step.kind === 'dropdown' && step.options.length > 20 ? this.t('dropdownHint') : step.options.map((option) => `${option.code} ${option.label}`).join(' · ');
    return html`<p class="hint" id=${id}>${text}</p>`;
  }

  private renderMark(step: EntryStep): TemplateResult {
    const mark = this.marks.get(step.id);
    const answered = stepAnswer(this.form!, step) !== undefined;
    if (!mark || answered) return html`<span class="mark"></span>`;
    return html`<span class="mark ${mark}" id=${domId('m', step.id)}>${this.t(mark === 'blank' ? 'blank' : 'spoiled')}</span>`;
  }

  private renderControl(step: EntryStep, labelledBy: string, describedBy: string, invalid: boolean): TemplateResult {
    const form = this.form!;
    const answer = stepAnswer(form, step);
    const id = domId('i', step.id);
    const mark = this.marks.get(step.id);
    if (step.kind === 'pick' || step.kind === 'multiple') {
      const pending = this.pending?.id === step.id ? this.pending.typed : undefined;
      const shown = pending ?? (answer !== undefined ? answerCodes(step, answer) : mark === 'spoiled' ? '*' : mark === 'blank' ? '–' : '');
      return html`<input
        id=${id}
        class="code ${pending ? 'pending' : ''}"
        data-step=${step.id}
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        aria-labelledby=${labelledBy}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : 'false'}
        ?disabled=${!step.enabled}
        .value=${live(shown)}
        @keydown=${this.handleItemKeydown}
      />`;
    }
    if (step.kind === 'dropdown') {
      const query = this.query?.id === step.id ? this.query : undefined;
      const matches = query ? this.matchesOf(step, query.text).slice(0, 12) : [];
      const listId = domId('l', step.id);
      const active = matches[query?.active ?? 0];
      return html`<div class="combo">
        <input
          id=${id}
          class="code"
          data-step=${step.id}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${matches.length > 0 ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${active ? domId('o', `${step.id}-${active.code}`) : nothing}
          aria-labelledby=${labelledBy}
          aria-describedby=${describedBy}
          aria-invalid=${invalid ? 'true' : 'false'}
          autocomplete="off"
          spellcheck="false"
          ?disabled=${!step.enabled}
          placeholder=${answer !== undefined ? answerCodes(step, answer) : mark === 'spoiled' ? '*' : mark === 'blank' ? '–' : ''}
          .value=${live(query?.text ?? '')}
          @keydown=${this.handleItemKeydown}
          @input=${this.handleDropdownInput}
        />
        <ul class="listbox" id=${listId} role="listbox" aria-labelledby=${labelledBy} ?hidden=${matches.length === 0}>
          ${matches.map(
            (option) => html`<li role="option" id=${domId('o', `${step.id}-${option.code}`)} aria-selected=${option === active ? 'true' : 'false'}>${option.code} · ${option.label}</li>`,
          )}
        </ul>
      </div>`;
    }
    const text = this.drafts.get(step.id) ?? (answer === undefined ? '' : String(answer));
    if (step.kind === 'comment') {
      return html`<textarea
        id=${id}
        class="text-input"
        rows="2"
        data-step=${step.id}
        aria-labelledby=${labelledBy}
        aria-describedby=${describedBy}
        aria-invalid=${invalid ? 'true' : 'false'}
        ?disabled=${!step.enabled}
        .value=${live(text)}
        @keydown=${this.handleItemKeydown}
        @input=${this.handleTextInput}
        @change=${this.handleTextChange}
      ></textarea>`;
    }
    return html`<input
      id=${id}
      class="text-input"
      data-step=${step.id}
      inputmode=${step.inputMode ?? 'text'}
      autocomplete="off"
      aria-labelledby=${labelledBy}
      aria-describedby=${describedBy}
      aria-invalid=${invalid ? 'true' : 'false'}
      ?disabled=${!step.enabled}
      .value=${live(text)}
      @keydown=${this.handleItemKeydown}
      @input=${this.handleTextInput}
      @change=${this.handleTextChange}
    />`;
  }

  private renderItem(step: EntryStep, context: { questionTitleId?: string; hintId?: string; errorId: string; showError: boolean }): TemplateResult {
    const form = this.form!;
    const answer = stepAnswer(form, step);
    const mark = answer === undefined ? this.marks.get(step.id) : undefined;
    const titleId = domId('t', step.id);
    const valueId = domId('v', step.id);
    const typed = step.kind === 'text' || step.kind === 'comment' || step.kind === 'other';
    // Non-likert items with codes carry their own hint line; likert rows share their grid's.
    const hintId = typed ? undefined : (context.hintId ?? domId('h', step.id));
    const errors = context.showError ? form.errorsOf(step.name) : [];
    const labelledBy = [context.questionTitleId, titleId].filter(Boolean).join(' ');
    const describedBy = [hintId, typed ? '' : valueId, mark ? domId('m', step.id) : '', errors.length > 0 ? context.errorId : ''].filter(Boolean).join(' ');
    return html`<li class="item ${step.row !== undefined ? 'row' : ''} ${typed ? 'long' : ''} ${mark ?? ''} ${step.enabled ? '' : 'disabled'}" part="item">
      <span class="number" aria-hidden="true">${step.number}</span>
      <span class="title" id=${titleId}
        ><span class="visually-hidden">${this.t('item', step.number)}: </span>${step.rowCode ? html`<span class="row-code">${step.rowCode}</span>` : nothing}${step.title}</span
      >
      ${this.renderControl(step, labelledBy, describedBy, errors.length > 0)}
      ${typed ? nothing : html`<span class="value" id=${valueId}>${answerLabel(step, answer)}</span>`} ${this.renderMark(step)}
      ${hintId && !context.hintId ? this.renderCodeHint(step, hintId) : nothing}
      ${errors.length > 0 ? html`<p class="error" id=${context.errorId}>${errors.map((error) => this.say(error.message)).join(' ')}</p>` : nothing}
    </li>`;
  }

  private renderItems(): TemplateResult {
    const form = this.form!;
    const steps = entrySteps(form);
    const groups: { name: string; steps: EntryStep[] }[] = [];
    for (const step of steps) {
      const last = groups[groups.length - 1];
      if (last?.name === step.name) last.steps.push(step);
      else groups.push({ name: step.name, steps: [step] });
    }
    // While two entries are being reconciled the items stay as typed: the comparison is of them.
    return html`<ol class="items" part="items" aria-label=${this.t('sheetLabel')} ?inert=${this.resolution !== undefined}>
      ${groups.map(({ name, steps: items }) => {
        const first = items[0]!;
        const errorId = domId('e', name);
        if (first.row === undefined) return html`${items.map((step, index) => this.renderItem(step, { errorId, showError: index === 0 }))}`;
        // A likert grid: its title and codes once, then a line per row.
        const questionTitleId = domId('q', name);
        const hintId = domId('h', name);
        const question = form.question(name);
        const errors = form.errorsOf(name);
        return html`<li class="question">
          <div class="question-head">
            <span class="number" aria-hidden="true">${first.questionNumber}</span>
            <span id=${questionTitleId}><span class="visually-hidden">${this.t('item', first.questionNumber)}: </span>${form.text(question.title)}</span>
            ${this.renderCodeHint(first, hintId)}
            ${errors.length > 0 ? html`<p class="error" id=${errorId}>${errors.map((error) => this.say(error.message)).join(' ')}</p>` : nothing}
          </div>
          <ol>
            ${items.map((step) => this.renderItem(step, { questionTitleId, hintId, errorId, showError: false }))}
          </ol>
        </li>`;
      })}
    </ol>`;
  }

  override render() {
    if (!this.form) return nothing;
    const language = this.lang === 'en' ? 'en' : 'vi';
    const known = this.known;
    return html`<div class="sheet" part="base" lang=${language}>
      <div class="toolbar">
        ${renderCounts(language, { session: this.sessionCount, device: known?.serials.size, persistent: this.persistent, waiting: known ? [...known.firstEntries.keys()] : [] })}
      </div>
      ${this.renderHeader()}
      <p class="help" id="sheet-help">${this.t('help')}</p>
      <p class="alert" role="alert">${this.alertText}</p>
      ${this.resolution
        ? renderDifferences(language, this.resolution, {
            change: this.handleDifferenceChange,
            keydown: this.handleDifferenceKeydown,
            resolve: this.handleResolveClick,
            cancel: this.handleCancelResolution,
          })
        : nothing}
      ${this.renderItems()}
      <div class="actions">
        <button type="button" class="primary submit" part="submit-button" ?disabled=${this.busy} @click=${this.handleSubmitClick} @keydown=${this.handleSubmitKeydown}>${this.t('submit')}</button>
        <button type="button" @click=${this.handleClear}>${this.t('clearForm')}</button>
      </div>
      <p class="status" role="status">${this.statusText}</p>
      ${renderLog(language, this.log, this.reopen)} ${renderKeys(language)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-entry-sheet': SipasEntrySheet;
  }
}
