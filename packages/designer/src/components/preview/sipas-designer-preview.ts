import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { keyed } from 'lit/directives/keyed.js';
import type { FormMode, SipasErrorDetail, SipasForm } from '@sipas/form';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { inLanguage, languageOf, questionTypes, validateQuestionnaire, type Answer, type Channel, type Questionnaire, type ValidationError } from '@sipas/schema';
import { partStyles } from '../part-styles.js';
import { previewText as text } from './preview-strings.js';
import '@sipas/form';

export type PreviewDevice = 'phone' | 'tablet' | 'desktop';

/** The frame's width in CSS pixels for each device. */
export const DEVICE_WIDTHS: Readonly<Record<PreviewDevice, number>> = { phone: 375, tablet: 768, desktop: 1200 };
const DEVICES = Object.keys(DEVICE_WIDTHS) as PreviewDevice[];

export const PREVIEW_MODES: readonly FormMode[] = ['online', 'kiosk', 'entry', 'print'];
const MODE_KEYS = { online: 'modeOnline', kiosk: 'modeKiosk', entry: 'modeEntry', print: 'modePrint' } as const;
/** The channel each mode collects through, as <sipas-form> stamps it (printing collects nothing). */
const MODE_CHANNELS: Record<FormMode, Channel | undefined> = { online: 'online', kiosk: 'kiosk', entry: 'paper', print: undefined };

/** Whether the questionnaire lets the form collect in this mode (`sipas.survey.channels`). */
const modeAllowed = (questionnaire: Questionnaire, mode: FormMode): boolean => {
  const channels = questionnaire.sipas?.survey?.channels;
  const channel = MODE_CHANNELS[mode];
  return !channels || !channel || channels.includes(channel);
};

/** Languages name themselves in a language switch, whatever the interface language. */
const LANGUAGE_NAMES: Record<string, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Marks the preview's copy, so its drafts on this device are never a real form's. */
const PREVIEW_ID_SUFFIX = '.xem-truoc';
/** The format's longest id. */
const MAX_ID_LENGTH = 100;

/**
 * What the form is given: the same document under a preview id, without one-response-per-device
 * (a preview submit must not stop the real form on this origin, nor the next preview).
 */
export function previewCopy(questionnaire: Questionnaire): Questionnaire {
  const copy: Questionnaire = { ...questionnaire, id: `${questionnaire.id.slice(0, MAX_ID_LENGTH - PREVIEW_ID_SUFFIX.length)}${PREVIEW_ID_SUFFIX}` };
  if (questionnaire.settings?.onePerDevice) copy.settings = { ...questionnaire.settings, onePerDevice: false };
  return copy;
}

/**
 * Empty answers, given to each new form once: they keep it from resuming a draft of an earlier
 * preview (a fresh start is what a designer expects after an edit). Given once only (guard): the
 * form takes any later `data` as new answers and would start the response over.
 */
const noAnswers = (): Record<string, Answer> => ({});

/**
 * The live preview: the questionnaire being designed in a real `<sipas-form>`, at the width of a
 * phone, a tablet or a desktop, in any of its languages and collection modes.
 *
 * Nothing leaves the preview: the form gets no endpoint and the preview cancels `sipas-submit`, so
 * a submitted preview only shows the thank-you screen (and "Làm lại"). The form still uses this
 * origin's device storage for drafts; the preview hands it a copy whose id ends in `.xem-truoc` and
 * without `onePerDevice`, so the preview's drafts never mix with a published form's on this origin
 * and submitting a preview never marks the device as having answered.
 *
 * A document the validator refuses is not handed to the form: a notice names the first error. It is
 * validated with the schemas of `types`, and the form runs with the same registry, so custom
 * question types given to the designer work here too.
 *
 * @summary The questionnaire being designed, in a real form at phone, tablet or desktop width.
 *
 * @csspart toolbar - the device, language and mode switches
 * @csspart frame - the box the form is shown in, as wide as the chosen device (a section, so the form's header is the preview's, not a second banner of the page)
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerPreview extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
        align-items: center;
        margin-bottom: 0.75rem;
      }
      [role='group'] {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem;
      }
      .group-label {
        font-weight: 600;
        margin-right: 0.25rem;
      }
      .width {
        font-size: 0.8125rem;
      }
      .viewport {
        /* A frame wider than the panel scrolls sideways, as the real page would on that device. */
        overflow-x: auto;
        padding: 0.5rem;
        background: var(--_surface);
        border-radius: 8px;
      }
      .frame {
        margin: 0 auto;
        border: 1px solid var(--_border);
        border-radius: 8px;
        background: var(--_background);
        padding: 0.5rem;
        min-height: 12rem;
      }
      .frame.phone {
        width: 375px;
      }
      .frame.tablet {
        width: 768px;
      }
      .frame.desktop {
        width: 1200px;
      }
      .notice {
        display: grid;
        gap: 0.375rem;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-left: 4px solid var(--_primary);
        border-radius: 6px;
        margin: 0 0 0.5rem;
      }
      .notice.problem {
        border-left-color: var(--_error);
      }
      .notice p {
        margin: 0;
      }
      .done {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
    `,
  ];

  /** The questionnaire to preview; a new document restarts the form (the answers given so far are cleared). */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The designer's language: `vi` (default) or `en`. */
  @property() override lang = 'vi';
  /** The width the form is shown at. */
  @property({ reflect: true }) device: PreviewDevice = 'phone';
  /** The language the form is shown in, one of the questionnaire's `locales`. */
  @property({ attribute: 'form-lang', reflect: true }) formLang = 'vi';
  /** How the form collects answers: `online`, `kiosk`, `entry` or `print`. */
  @property({ reflect: true }) mode: FormMode = 'online';
  /** The question types the document may use (the shared registry by default); its schemas validate the document. */
  @property({ attribute: false }) types: CoreTypeRegistry = coreTypes;

  /** The test response was submitted (nothing was sent). */
  @state() private submitted = false;
  /** Why the form could not show the questionnaire in this mode (from its `sipas-error`). */
  @state() private loadErrors: ValidationError[] = [];

  @query('sipas-form') private form?: SipasForm;

  /** Why the document cannot be previewed (the validator's errors); empty when it can. */
  private documentErrors: ValidationError[] = [];
  /** The copy handed to the form; kept while the document is the same, so rerendering changes nothing. */
  private shown: Questionnaire | undefined;
  /** Bumped for each new document or mode: the form element is recreated, so no state of the last one (kiosk timers, a mode's sheet) carries over. */
  private generation = 0;

  private get language(): 'vi' | 'en' {
    return languageOf(this.lang) === 'en' ? 'en' : 'vi';
  }

  private get locales(): string[] {
    const locales = this.questionnaire?.locales;
    return locales && locales.length > 0 ? locales : ['vi'];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('questionnaire') || changed.has('types')) {
      // Updating the document starts the form again: the answers given so far are cleared, since
      // questions may have gone, moved or changed type.
      const questionnaire = this.questionnaire;
      this.documentErrors = questionnaire ? validateQuestionnaire(questionnaire, { types: this.types.schemas ?? questionTypes }).errors : [];
      this.shown = questionnaire && this.documentErrors.length === 0 ? previewCopy(questionnaire) : undefined;
      this.restartForm();
      if (!this.locales.includes(this.formLang)) this.formLang = this.locales[0]!;
      // A kiosk-only questionnaire opens in kiosk mode; choosing a mode it refuses still shows why.
      if (questionnaire && !modeAllowed(questionnaire, this.mode)) this.mode = PREVIEW_MODES.find((mode) => modeAllowed(questionnaire, mode)) ?? this.mode;
    }
    if (changed.has('mode') && changed.get('mode') !== undefined) this.restartForm();
  }

  private restartForm(): void {
    this.generation += 1;
    this.submitted = false;
    this.loadErrors = [];
  }

  private readonly handleSubmit = (event: CustomEvent): void => {
    // Cancelled: the page "handles" the response, so the form queues nothing (it has no endpoint either).
    event.preventDefault();
    this.submitted = true;
  };

  private readonly handleFormError = (event: CustomEvent<SipasErrorDetail>): void => {
    if (event.detail.kind === 'load') this.loadErrors = event.detail.errors;
  };

  /** Answering again after a kiosk's automatic restart ends the "submitted" state. */
  private readonly handleValueChange = (): void => {
    this.submitted = false;
  };

  /** Clears the answers and starts the form from its first page. */
  async restart(): Promise<void> {
    this.submitted = false;
    await this.form?.reset();
  }

  private renderSwitch<T extends string>(group: string, label: string, options: readonly T[], current: T, name: (option: T) => string, choose: (option: T) => void, extra?: (option: T) => unknown) {
    return html`<div role="group" class=${`switch ${group}`} aria-labelledby=${`${group}-label`}>
      <span class="group-label" id=${`${group}-label`}>${label}</span>
      ${options.map(
        (option) => html`<button type="button" data-value=${option} aria-pressed=${option === current ? 'true' : 'false'} @click=${() => choose(option)}>
          <span class="label">${name(option)}</span>${extra ? extra(option) : nothing}
        </button>`,
      )}
    </div>`;
  }

  private renderToolbar() {
    const language = this.language;
    return html`<div class="toolbar" part="toolbar">
      ${this.renderSwitch(
        'device',
        text('device', language),
        DEVICES,
        this.device,
        (device) => text(device, language),
        (device) => (this.device = device),
        (device) => html` <span class="width muted">${text('widthHint', language, DEVICE_WIDTHS[device])}</span>`,
      )}
      ${this.renderSwitch('language', text('language', language), this.locales, this.formLang, (locale) => LANGUAGE_NAMES[locale] ?? locale, (locale) => (this.formLang = locale))}
      ${this.renderSwitch('mode', text('mode', language), PREVIEW_MODES, this.mode, (mode) => text(MODE_KEYS[mode], language), (mode) => (this.mode = mode))}
    </div>`;
  }

  private renderProblem(errors: ValidationError[], lead: string) {
    const language = this.language;
    const [first] = errors;
    return html`<div class="notice problem" role="status">
      <p><strong>${lead}</strong></p>
      ${first ? html`<p class="first-error"><code>${first.path || '/'}</code> ${inLanguage(first.message, language)}</p>` : nothing}
      ${errors.length > 1 ? html`<p class="muted">${text('moreErrors', language, errors.length - 1)}</p>` : nothing}
    </div>`;
  }

  private renderForm() {
    const language = this.language;
    if (!this.questionnaire) return html`<p class="notice">${text('noQuestionnaire', language)}</p>`;
    if (this.documentErrors.length > 0) return this.renderProblem(this.documentErrors, text('invalid', language));
    return html`${this.loadErrors.length > 0 ? this.renderProblem(this.loadErrors, text('loadFailed', language)) : nothing}
      ${this.submitted
        ? html`<div class="notice done" role="status">
            <p>${text('submitted', language)}</p>
            <button type="button" class="primary restart" @click=${() => void this.restart()}>${text('restart', language)}</button>
          </div>`
        : nothing}
      ${keyed(
        this.generation,
        html`<sipas-form
          .data=${guard([this.generation], noAnswers)}
          .questionnaire=${this.shown}
          .types=${this.types}
          mode=${this.mode}
          lang=${this.formLang}
          @sipas-submit=${this.handleSubmit}
          @sipas-error=${this.handleFormError}
          @sipas-value-change=${this.handleValueChange}
        ></sipas-form>`,
      )}`;
  }

  override render() {
    const language = this.language;
    const device = this.device in DEVICE_WIDTHS ? this.device : 'phone';
    return html`${this.renderToolbar()}
      <p class="muted">${text('nothingSent', language)}</p>
      <div class="viewport">
        <section class=${`frame ${device}`} part="frame" aria-label=${text('frame', language, text(device, language), DEVICE_WIDTHS[device])}>
          ${this.renderForm()}
        </section>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-preview': SipasDesignerPreview;
  }
}
