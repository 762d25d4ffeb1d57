import { LitElement, css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { STANDARD_SCALES, localize, resolveScale, type Questionnaire, type Scale, type ScaleRef } from '@sipas/schema';
import { partStyles } from '../part-styles.js';
import { emitPropertyValue, type FocusablePath, type PropertyValueDetail } from './property-value-event.js';
import { pt } from './properties-strings.js';
import type { SipasDesignerChoicesEditor } from './choices-editor.js';

/** The select's value for "levels written in place" (scale names cannot contain #). */
const CUSTOM = '#custom';

const DEFAULT_LEVELS: Scale['levels'] = [
  { value: 1, text: { vi: 'Không', en: 'No' } },
  { value: 2, text: { vi: 'Có', en: 'Yes' } },
];

/**
 * Chooses a rating or likert question's scale: a standard one, one declared in the questionnaire's
 * `scales`, or levels written in place (edited with the list editor).
 *
 * One of the property panel's editors: `<sipas-designer-properties>` creates it for a field and
 * applies the value it reports (`sipas-property-value`, listened to on the element itself).
 *
 * @summary Chooses a rating or likert question's scale.
 *
 * @event sipas-property-value - The new scale reference. detail: { value, merge } (`merge` while typing levels)
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerScalePicker extends LitElement implements FocusablePath {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: block;
      }
      ol.preview {
        margin: 0.25rem 0 0;
        padding-inline-start: 1.5rem;
        font-size: 0.8125rem;
      }
      sipas-designer-choices-editor {
        margin-top: 0.5rem;
      }
    `,
  ];

  /** The question's scale. */
  @property({ attribute: false }) value?: ScaleRef;
  /** Its declared `scales` are offered after the standard ones. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The select's label (the field's name in the panel). */
  @property() label = '';
  @property() override lang = 'vi';
  @property({ attribute: 'edit-language' }) editLanguage = 'vi';
  @property({ attribute: 'hint-language' }) hintLanguage = 'en';
  @property() subject = '';

  private get declared(): Record<string, Scale> {
    return this.questionnaire?.scales ?? {};
  }

  private handleChoose(event: Event): void {
    const chosen = (event.target as HTMLSelectElement).value;
    if (chosen !== CUSTOM) {
      emitPropertyValue(this, { value: chosen });
      return;
    }
    // Start the written-in-place scale from the one in use, so switching loses nothing.
    const current = this.questionnaire && this.value !== undefined ? resolveScale(this.questionnaire, this.value) : undefined;
    const levels = structuredClone(current?.levels ?? DEFAULT_LEVELS);
    const scale: Scale = current?.satisfied ? { levels, satisfied: [...current.satisfied] } : { levels };
    emitPropertyValue(this, { value: scale });
  }

  private handleLevels(event: CustomEvent<PropertyValueDetail>): void {
    event.stopPropagation();
    if (typeof this.value !== 'object') return;
    const levels = event.detail.value as Scale['levels'];
    // Satisfied values that are no longer levels would make the document invalid.
    const values = new Set(levels.map((level) => level.value));
    const satisfied = this.value.satisfied?.filter((value) => values.has(value));
    const next: Scale = { ...this.value, levels };
    if (satisfied && satisfied.length > 0) next.satisfied = satisfied;
    else delete next.satisfied;
    emitPropertyValue(this, { value: next, merge: event.detail.merge === undefined ? undefined : `/levels${event.detail.merge}` });
  }

  /** Focuses the select, or a level's cell for `['levels', 2, 'text']`. */
  async focusPath(rest: readonly (string | number)[]): Promise<boolean> {
    await this.updateComplete;
    if (rest[0] === 'levels') {
      const editor = this.renderRoot.querySelector<SipasDesignerChoicesEditor>('sipas-designer-choices-editor');
      if (editor) return editor.focusPath(rest.slice(1));
    }
    const select = this.renderRoot.querySelector('select');
    select?.focus();
    return select !== null;
  }

  private renderPreview(name: string) {
    const scale = this.declared[name] ?? STANDARD_SCALES[name];
    if (!scale) return html`<p class="error-text" id="scale-error">${pt('scaleMissingError', this.lang, name)}</p>`;
    return html`<ol class="preview muted" aria-label=${pt('scaleLevels', this.lang)}>
      ${scale.levels.map((level) => html`<li>${level.value} – ${localize(level.text, this.lang)}</li>`)}
    </ol>`;
  }

  protected override render() {
    const named = typeof this.value === 'string' ? this.value : undefined;
    const declaredNames = Object.keys(this.declared);
    const standardNames = Object.keys(STANDARD_SCALES).filter((name) => !declaredNames.includes(name));
    const known = named === undefined || declaredNames.includes(named) || standardNames.includes(named);
    const selected = named ?? (this.value === undefined ? '' : CUSTOM);
    const option = (name: string, scale: Scale) =>
      html`<option value=${name} ?selected=${selected === name}>${scale.title ? `${localize(scale.title, this.lang)} (${name})` : name}</option>`;
    return html`<label for="scale">${this.labelText()}</label>
      <select id="scale" aria-invalid=${known ? 'false' : 'true'} aria-describedby=${known ? nothing : 'scale-error'} .value=${live(selected)} @change=${this.handleChoose}>
        ${this.value === undefined ? html`<option value="" disabled>${pt('notSet', this.lang)}</option>` : nothing}
        <optgroup label=${pt('scaleStandard', this.lang)}>${standardNames.map((name) => option(name, STANDARD_SCALES[name]!))}</optgroup>
        ${declaredNames.length > 0 ? html`<optgroup label=${pt('scaleDeclared', this.lang)}>${declaredNames.map((name) => option(name, this.declared[name]!))}</optgroup>` : nothing}
        ${known ? nothing : html`<option value=${named!} selected>${pt('scaleMissing', this.lang, named!)}</option>`}
        <option value=${CUSTOM} ?selected=${selected === CUSTOM}>${pt('scaleCustom', this.lang)}</option>
      </select>
      ${named !== undefined
        ? this.renderPreview(named)
        : typeof this.value === 'object'
          ? html`<sipas-designer-choices-editor
              kind="levels"
              min-items="2"
              max-items="11"
              .items=${this.value.levels}
              .lang=${this.lang}
              .editLanguage=${this.editLanguage}
              .hintLanguage=${this.hintLanguage}
              .subject=${this.subject}
              @sipas-property-value=${this.handleLevels}
            ></sipas-designer-choices-editor>`
          : nothing}`;
  }

  private labelText(): string {
    return this.label || pt('scaleLevels', this.lang);
  }
}
