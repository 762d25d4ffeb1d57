import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { isAnswerable, languageOf, listQuestions, localize, type Questionnaire } from '@sipas/schema';
import { copyTemplate, templates, type TemplateEntry } from '@sipas/templates';
import { partStyles } from '../part-styles.js';
import { blankQuestionnaire } from './blank-questionnaire.js';
import { galleryText as text } from './gallery-strings.js';

export const TEMPLATE_CHOOSE = 'sipas-template-choose';

export interface TemplateChooseDetail {
  questionnaire: Questionnaire;
}

/** The element that had focus, looking into shadow roots (the opener usually lives in the designer's). */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

const answerableCount = (questionnaire: Questionnaire): number => listQuestions(questionnaire).filter(({ question }) => isAnswerable(question)).length;

const STATUS_KEYS = { official: 'statusOfficial', reconstructed: 'statusReconstructed', draft: 'statusDraft' } as const;

/**
 * The template gallery: a modal dialog with one card per standard questionnaire (its title,
 * description, number of questions, source and legal basis) and a blank questionnaire. Choosing one
 * hands a copy to the designer; the templates themselves never change.
 *
 * @summary A modal dialog to start a questionnaire from a standard template.
 *
 * @event sipas-template-choose - A template (or the blank questionnaire) was chosen; the dialog closes (bubbles, composed). detail: { questionnaire } (a deep copy)
 * @event close - The dialog closed (chosen, Escape or the close button); `open` is false again.
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasTemplateGallery extends LitElement {
  static override styles = [
    partStyles,
    css`
      dialog {
        width: min(60rem, 94vw);
        max-height: 90vh;
        padding: 1rem 1.25rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1.25rem;
      }
      .cards {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 0.75rem;
      }
      .card {
        /* The choose button covers the whole card (::after), so the card is one click target and one tab stop. */
        position: relative;
        display: grid;
        align-content: start;
        gap: 0.375rem;
        padding: 0.75rem;
        border: 1px solid var(--_border);
        border-radius: 8px;
        background: var(--_surface);
      }
      .card:focus-within {
        outline: 3px solid var(--_primary);
        outline-offset: 2px;
      }
      .card.blank {
        border-style: dashed;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      .choose {
        all: unset;
        cursor: pointer;
        font-weight: 600;
        color: var(--_primary);
      }
      .choose::after {
        content: '';
        position: absolute;
        inset: 0;
      }
      .choose:focus-visible {
        outline: none;
      }
      p,
      dl {
        margin: 0;
      }
      .description {
        display: -webkit-box;
        -webkit-line-clamp: 4;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      dl {
        display: grid;
        gap: 0.125rem;
        font-size: 0.8125rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0 0 0.25rem;
      }
    `,
  ];

  /** The gallery's language: `vi` (default) or `en`; template texts follow it where translated. */
  @property() override lang = 'vi';
  /** Shows the dialog (modal); set back to false when it closes. */
  @property({ type: Boolean, reflect: true }) open = false;

  @query('dialog') private dialog?: HTMLDialogElement;

  /** Where focus was when the dialog opened; it goes back there on close. */
  private opener: HTMLElement | undefined;
  /** The dialog is shown and its closing not yet handled. */
  private showing = false;

  private get language(): 'vi' | 'en' {
    return languageOf(this.lang) === 'en' ? 'en' : 'vi';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open') || !this.dialog) return;
    if (this.open && !this.dialog.open) {
      this.opener = deepActiveElement();
      this.dialog.showModal();
      this.showing = true;
      this.renderRoot.querySelector<HTMLButtonElement>('button.choose')?.focus();
    } else if (!this.open && this.dialog.open) {
      this.closeDialog();
    }
  }

  private closeDialog(): void {
    this.dialog?.close();
    this.handleClose();
  }

  /**
   * The dialog closed (Escape, a choice, the close button, `open = false`): focus goes back and
   * the page hears it. Done at once by this element's own closes, since the dialog's `close`
   * event comes a task later (and later still in a background page); that event covers the rest.
   */
  private readonly handleClose = (): void => {
    if (!this.showing) return;
    this.showing = false;
    this.open = false;
    const opener = this.opener;
    this.opener = undefined;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new Event('close'));
  };

  /**
   * Escape closes the dialog here too, not only through the browser's close request: that one
   * only arrives while the window has focus (a page beside another, a test run in parallel).
   */
  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.closeDialog();
  };

  private choose(questionnaire: Questionnaire): void {
    this.dispatchEvent(new CustomEvent<TemplateChooseDetail>(TEMPLATE_CHOOSE, { detail: { questionnaire }, bubbles: true, composed: true }));
    this.closeDialog();
  }

  private chooseTemplate(entry: TemplateEntry): void {
    const copy = copyTemplate(entry.id);
    if (copy) this.choose(copy);
  }

  private questionCount(count: number) {
    return count === 1 ? text('oneQuestion', this.language) : text('questions', this.language, count);
  }

  private renderTemplateCard(entry: TemplateEntry, index: number) {
    const language = this.language;
    const { questionnaire } = entry;
    const metadata = questionnaire.metadata;
    const title = localize(questionnaire.title, language);
    const status = metadata?.status ? text(STATUS_KEYS[metadata.status], language) : undefined;
    return html`<li class="card" data-template=${entry.id}>
      <h3>
        <button type="button" class="choose" aria-describedby=${`details-${index}`} @click=${() => this.chooseTemplate(entry)}>${title}</button>
      </h3>
      <div id=${`details-${index}`}>
        ${questionnaire.description ? html`<p class="description">${localize(questionnaire.description, language)}</p>` : nothing}
        <p class="count">${this.questionCount(answerableCount(questionnaire))}${status ? html` · ${status}` : nothing}</p>
        <dl>
          ${metadata?.source ? html`<dt>${text('source', language)}</dt><dd class="source">${localize(metadata.source, language)}</dd>` : nothing}
          ${metadata?.legalBasis ? html`<dt>${text('legalBasis', language)}</dt><dd class="legal-basis">${metadata.legalBasis}</dd>` : nothing}
        </dl>
      </div>
    </li>`;
  }

  override render() {
    const language = this.language;
    return html`<dialog aria-labelledby="gallery-title" aria-describedby="gallery-intro" @close=${this.handleClose} @keydown=${this.handleKeydown}>
      <header>
        <h2 id="gallery-title">${text('title', language)}</h2>
        <button type="button" class="close" @click=${() => this.closeDialog()}>${text('close', language)}</button>
      </header>
      <p id="gallery-intro" class="muted">${text('intro', language)}</p>
      <ul class="cards" aria-label=${text('templates', language)}>
        ${templates.map((entry, index) => this.renderTemplateCard(entry, index))}
        <li class="card blank" data-template="blank">
          <h3><button type="button" class="choose" aria-describedby="details-blank" @click=${() => this.choose(blankQuestionnaire())}>${text('blankTitle', language)}</button></h3>
          <p id="details-blank">${text('blankDescription', language)}</p>
        </li>
      </ul>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-template-gallery': SipasTemplateGallery;
  }
  interface HTMLElementEventMap {
    [TEMPLATE_CHOOSE]: CustomEvent<TemplateChooseDetail>;
  }
}
