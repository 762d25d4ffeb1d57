import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localize, type Question, type Questionnaire } from '@sipas/schema';
import { requestEdit } from '../../model/edit.js';
import { locate } from '../../model/locate.js';
import { partStyles } from '../part-styles.js';
import { codeOf, codesMissingFromIndex, componentOf, indexComponents, linkToComponent } from './index-links.js';
import { pt } from './properties-strings.js';

const NONE = '';

/**
 * Which component of the SIPAS index model a question's items belong to: choosing one moves the
 * question's leaf nodes there (one per row of a likert grid), "none" takes them out. Warns when the
 * question's criterion codes are not in the index model.
 *
 * Part of `<sipas-designer-properties>`; the move goes out as a designer edit, like every change of
 * the panel.
 *
 * @summary Places a question's items in the SIPAS index model.
 *
 * @event sipas-designer-edit - The move, as a designer edit (bubbles, composed; see model/edit.ts).
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerIndexLink extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
      }
      .warning {
        margin: 0.25rem 0 0;
        color: var(--_error);
      }
    `,
  ];

  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The question whose items are placed. */
  @property({ attribute: 'question-name' }) questionName = '';
  @property() override lang = 'vi';

  private get question(): Question | undefined {
    const found = this.questionnaire ? locate(this.questionnaire, this.questionName) : undefined;
    return found?.kind === 'question' ? (found.element as Question) : undefined;
  }

  private handleChange(event: Event): void {
    const chosen = (event.target as HTMLSelectElement).value;
    const name = this.questionName;
    const component = chosen === NONE ? undefined : chosen;
    requestEdit(this, {
      label: component === undefined ? pt('unlink', this.lang, name) : pt('linkTo', this.lang, name, component),
      apply: (questionnaire) => linkToComponent(questionnaire, name, component),
    });
  }

  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('select')?.focus(options);
  }

  protected override render() {
    const question = this.question;
    if (!this.questionnaire?.sipas?.index || !question) return nothing;
    // A grid links its rows; any other question needs its own code as the item's id.
    const linkable = question.type === 'likert' || codeOf(question) !== undefined;
    const current = componentOf(this.questionnaire, question.name) ?? NONE;
    const missing = codesMissingFromIndex(this.questionnaire, question);
    const described = [linkable ? '' : 'need-code', missing.length > 0 ? 'missing' : ''].filter(Boolean).join(' ');
    return html`<label for="component">${pt('indexComponent', this.lang)}</label>
      <select id="component" ?disabled=${!linkable} aria-describedby=${described || nothing} .value=${live(current)} @change=${this.handleChange}>
        <option value=${NONE} ?selected=${current === NONE}>${pt('noComponent', this.lang)}</option>
        ${indexComponents(this.questionnaire).map(
          (component) =>
            html`<option value=${component.id} ?selected=${current === component.id}>
              ${component.id}${component.label ? ` – ${localize(component.label, this.lang)}` : ''}
            </option>`,
        )}
      </select>
      ${linkable ? nothing : html`<p class="muted" id="need-code">${pt('needCode', this.lang)}</p>`}
      ${missing.length > 0 ? html`<p class="warning" id="missing" role="note">⚠ ${pt('codesMissing', this.lang, missing.join(', '))}</p>` : nothing}`;
  }
}
