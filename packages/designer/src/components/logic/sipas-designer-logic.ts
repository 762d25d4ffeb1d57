import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Questionnaire } from '@sipas/schema';
import { QUESTIONNAIRE_SELECTION, requestSelect, type Selection } from '../../model/edit.js';
import { toPointer, type PathKey } from '../../model/immutable.js';
import { expressionSites, findReferences, type Reference, type ReferenceKind } from '../../model/references.js';
import { partStyles } from '../part-styles.js';
import { ownerKind, ownerTitle, propertyLabel } from './logic-labels.js';
import { logicText as t, type LogicStringKey } from './logic-strings.js';
import { logicPanelStyles } from './logic.styles.js';

const REFERENCE_KIND_KEYS: Record<ReferenceKind, LogicStringKey> = { expression: 'kindExpression', text: 'kindText', index: 'kindIndex' };

/**
 * The logic panel: where the selected question is referenced (conditions, piped texts, the index
 * model) and every condition of the questionnaire, each a button that selects the element holding
 * it.
 *
 * @summary Where a question is referenced, and every condition of the questionnaire.
 *
 * @event sipas-designer-select - An entry was pressed (bubbles, composed). detail: { path }, the JSON pointer of the expression or text, for the designer to select its element
 *
 * @csspart base - the panel
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 * @cssproperty --sipas-font-mono - the font of the expressions
 */
export class SipasDesignerLogic extends LitElement {
  static override styles = [partStyles, logicPanelStyles];

  /** The document to read. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  @property() override lang = 'vi';
  /** The selected element; its references are listed when it is a question. */
  @property({ attribute: false }) selection: Selection = QUESTIONNAIRE_SELECTION;

  private handleGo(path: PathKey[]): void {
    requestSelect(this, toPointer(path));
  }

  private goButton(questionnaire: Questionnaire, owner: Selection, property: string, path: PathKey[]): TemplateResult {
    const kind = ownerKind(owner, this.lang);
    const title = ownerTitle(questionnaire, owner, this.lang);
    // The name holds the visible words, then says which property of the element it leads to.
    return html`<button type="button" class="go" aria-label=${t('goTo', this.lang, `${kind} ${title}`, propertyLabel(property, this.lang))} @click=${() => this.handleGo(path)}>
      <span class="kind">${kind}</span> ${title}
    </button>`;
  }

  private renderReference(questionnaire: Questionnaire, reference: Reference): TemplateResult {
    return html`<li>
      ${this.goButton(questionnaire, reference.owner, reference.property, reference.path)}
      <span class="kind">${t(REFERENCE_KIND_KEYS[reference.kind], this.lang)} · ${propertyLabel(reference.property, this.lang)}</span>
      <code>${reference.text}</code>
    </li>`;
  }

  private renderReferences(questionnaire: Questionnaire): TemplateResult {
    const question = this.selection.kind === 'question' ? this.selection.name : undefined;
    const references = question === undefined ? [] : findReferences(questionnaire, question);
    return html`<section aria-labelledby="referenced-heading">
      <h2 id="referenced-heading">${t('referencedAt', this.lang)}${question ? html` <code>${question}</code>` : nothing}</h2>
      ${question === undefined
        ? html`<p class="muted">${t('selectQuestion', this.lang)}</p>`
        : references.length === 0
          ? html`<p class="muted">${t('noReferences', this.lang)}</p>`
          : html`<ul class="references" aria-label=${t('referencedAtOf', this.lang, question)}>
              ${references.map((reference) => this.renderReference(questionnaire, reference))}
            </ul>`}
    </section>`;
  }

  private renderAllLogic(questionnaire: Questionnaire): TemplateResult {
    const sites = expressionSites(questionnaire);
    return html`<section aria-labelledby="all-heading">
      <h2 id="all-heading">${t('allLogic', this.lang)}</h2>
      ${sites.length === 0
        ? html`<p class="muted">${t('noLogic', this.lang)}</p>`
        : html`<table aria-labelledby="all-heading">
            <thead>
              <tr>
                <th scope="col">${t('owner', this.lang)}</th>
                <th scope="col">${t('property', this.lang)}</th>
                <th scope="col">${t('expression', this.lang)}</th>
              </tr>
            </thead>
            <tbody>
              ${sites.map(
                (site) => html`<tr>
                  <td>${this.goButton(questionnaire, site.owner, site.property, site.path)}</td>
                  <td>${propertyLabel(site.property, this.lang)}</td>
                  <td><code>${site.expression}</code></td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  protected override render(): TemplateResult {
    const questionnaire = this.questionnaire;
    return html`<div part="base" role="region" aria-label=${t('logicPanel', this.lang)}>
      ${questionnaire ? [this.renderReferences(questionnaire), this.renderAllLogic(questionnaire)] : nothing}
    </div>`;
  }
}
