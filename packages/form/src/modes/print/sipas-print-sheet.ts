import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { Form } from '@sipas/core';
import type { Questionnaire } from '@sipas/schema';
import type { ModeSheet, ModeSheetHost } from '../mode-sheet.js';
import { paperForm, type PaperForm } from './paper-model.js';
import { renderInstructions, renderMasthead, renderPage } from './paper-views.js';
import { paperLanguage, printWord } from './print-words.js';
import { printSheetStyles } from './sipas-print-sheet.styles.js';

/**
 * The paper questionnaire: every page, section and question of a questionnaire laid out for A4,
 * whatever the answers, with tick boxes, the likert grid as a table, ruled lines for written
 * answers, skip instructions where the screen would hide a question, and a box for the form number
 * and the enumerator.
 *
 * `<sipas-form mode="print">` loads it on demand (`sipas-form-print.js` in the drop-in build) and
 * shows it under its header; printing the page (Ctrl+P, `window.print()`) prints the form.
 *
 * @summary The paper questionnaire, laid out for A4.
 *
 * @csspart base - the sheet
 * @csspart masthead - the heading block: agency, period and template, beside the staff box
 * @csspart staff-box - the box for the form number, the enumerator and the sample
 * @csspart instructions - how to tick, write and skip
 * @csspart part - one page of the questionnaire
 * @csspart part-title - a page's heading
 * @csspart section - a section
 * @csspart section-title - a section's heading
 * @csspart question - one question
 * @csspart question-title - a question's number and title
 * @csspart grid - a likert grid's table
 * @csspart thanks - the closing thanks
 *
 * @cssproperty --sipas-print-font-family - the sheet's font (a serif, as official forms use)
 * @cssproperty --sipas-print-font-size - body text size (11pt)
 * @cssproperty --sipas-print-sheet-padding - on screen, the margins of the A4 page the sheet is drawn as (15mm)
 * @cssproperty --sipas-print-sheet-border - on screen, the page's border (0 when the embedding page draws the paper itself)
 * @cssproperty --sipas-print-sheet-shadow - on screen, the page's shadow
 */
export class SipasPrintSheet extends LitElement implements ModeSheet {
  static override styles = printSheetStyles;

  /** The form whose questionnaire is printed; its answers are not (a paper form starts blank). */
  @property({ attribute: false }) form: Form | undefined;
  /** Language of the sheet, its own words and the questionnaire's: `vi` (default) or `en`. */
  @property({ reflect: true }) override lang = 'vi';
  /** The form's host (ModeSheet); printing submits nothing, so the sheet never calls it. */
  host: ModeSheetHost | undefined;

  /** The paper model, worked out again only when the questionnaire or the language changes. */
  private paper: PaperForm | undefined;
  private paperSource: { questionnaire: Questionnaire; language: string } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const questionnaire = this.form?.questionnaire;
    const language = paperLanguage(this.lang);
    if (!questionnaire) {
      this.paper = undefined;
      this.paperSource = undefined;
    } else if (this.paperSource?.questionnaire !== questionnaire || this.paperSource.language !== language) {
      this.paper = paperForm(questionnaire, language);
      this.paperSource = { questionnaire, language };
    }
  }

  override render() {
    const paper = this.paper;
    if (!paper) return nothing;
    return html`<article class="sheet" part="base" lang=${paper.language}>
      ${renderMasthead(paper)} ${renderInstructions(paper.language)} ${paper.pages.map((page) => renderPage(page, paper.language))}
      <p class="thanks" part="thanks">${printWord('thanks', paper.language)}</p>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-print-sheet': SipasPrintSheet;
  }
}
