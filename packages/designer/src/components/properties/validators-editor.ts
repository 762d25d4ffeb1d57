import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LocalizedString, Question, Questionnaire, Validator, ValidatorType } from '@sipas/schema';
import { partStyles } from '../part-styles.js';
import { renderLocalizedField, translationError } from './localized-text-field.js';
import { applicableValidatorTypes, defaultValidator, regexProblem, withTranslation } from './property-edits.js';
import { emitPropertyValue, type FocusablePath } from './property-value-event.js';
import { pt } from './properties-strings.js';

type RuleField = 'type' | 'min' | 'max' | 'pattern' | 'expression' | 'message';

interface FieldDraft {
  text: string;
  error: string;
}

/**
 * A question's validation rules: add and remove rules of type range, length, pattern, count or
 * expression, edit their bounds, pattern or condition and an optional message. A pattern the engine
 * would reject (`new RegExp(p, 'u')`) is refused with a message beside it.
 *
 * One of the property panel's editors: `<sipas-designer-properties>` creates it for a field and
 * applies the value it reports (`sipas-property-value`, listened to on the element itself).
 *
 * @summary Edits a question's validation rules.
 *
 * @event sipas-property-value - The new rule list. detail: { value, merge } (`value` undefined when the last rule goes)
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerValidatorsEditor extends LitElement implements FocusablePath {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: 6px;
        margin: 0 0 0.5rem;
        padding: 0.5rem;
        display: grid;
        gap: 0.375rem;
      }
      label {
        display: block;
        font-size: 0.8125rem;
      }
      .bounds {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
      .add {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.5rem;
        align-items: end;
      }
      .hint {
        font-size: 0.8125rem;
        margin: 0;
      }
    `,
  ];

  /** The question's rules. */
  @property({ attribute: false }) validators?: readonly Validator[];
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The question the rules belong to: it decides which rule types apply; another question clears drafts. */
  @property({ attribute: false }) question?: Question;
  @property() override lang = 'vi';
  @property({ attribute: 'edit-language' }) editLanguage = 'vi';
  @property({ attribute: 'hint-language' }) hintLanguage = 'en';

  @state() private drafts = new Map<string, FieldDraft>();
  @state() private newType: ValidatorType = 'range';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editLanguage') || (changed.has('question') && (changed.get('question') as Question | undefined)?.name !== this.question?.name)) {
      this.drafts = new Map();
    }
  }

  private get rules(): readonly Validator[] {
    return this.validators ?? [];
  }

  private get subject(): string {
    return this.question?.name ?? '';
  }

  private get types(): ValidatorType[] {
    return this.question ? applicableValidatorTypes(this.question) : ['expression'];
  }

  private setDraft(index: number, field: RuleField, draft: FieldDraft | undefined): void {
    const drafts = new Map(this.drafts);
    if (draft) drafts.set(`${index}/${field}`, draft);
    else drafts.delete(`${index}/${field}`);
    this.drafts = drafts;
  }

  private replace(index: number, rule: Validator, merge?: string): void {
    emitPropertyValue(this, { value: this.rules.map((old, i) => (i === index ? rule : old)), merge });
  }

  private handleType(index: number, type: ValidatorType): void {
    this.drafts = new Map();
    if (this.question) this.replace(index, defaultValidator(type, this.question, this.rules[index]!.message));
  }

  private handleBound(index: number, bound: 'min' | 'max', typed: string): void {
    const rule = this.rules[index] as Validator & { min?: number | string; max?: number | string };
    const text = typed.trim();
    let value: number | string | undefined;
    if (text !== '') {
      const number = Number(text);
      if (rule.type === 'range') value = Number.isFinite(number) ? number : text;
      else if (Number.isInteger(number) && number >= 0) value = number;
      else return this.setDraft(index, bound, { text: typed, error: pt('integerInvalid', this.lang) });
    }
    const next = { ...rule } as Record<string, unknown>;
    if (value === undefined) delete next[bound];
    else next[bound] = value;
    if (next.min === undefined && next.max === undefined) return this.setDraft(index, bound, { text: typed, error: pt('boundsNeeded', this.lang) });
    this.setDraft(index, bound, undefined);
    this.replace(index, next as Validator, `/${index}/${bound}`);
  }

  private handlePattern(index: number, typed: string): void {
    const problem = regexProblem(typed);
    if (problem !== undefined) {
      const error = problem === 'empty' ? pt('required', this.lang) : pt('regexInvalid', this.lang, problem);
      return this.setDraft(index, 'pattern', { text: typed, error });
    }
    this.setDraft(index, 'pattern', undefined);
    this.replace(index, { ...(this.rules[index] as Extract<Validator, { type: 'pattern' }>), pattern: typed }, `/${index}/pattern`);
  }

  private handleExpression(index: number, event: CustomEvent<{ value: string | undefined }>): void {
    const expression = event.detail?.value;
    if (!expression) return this.setDraft(index, 'expression', { text: '', error: pt('required', this.lang) });
    this.setDraft(index, 'expression', undefined);
    this.replace(index, { ...(this.rules[index] as Extract<Validator, { type: 'expression' }>), expression }, `/${index}/expression`);
  }

  private handleMessage(index: number, typed: string): void {
    const rule = this.rules[index]!;
    const result = withTranslation(rule.message, this.editLanguage, typed, rule.type === 'expression');
    if (!result.ok) return this.setDraft(index, 'message', { text: typed, error: translationError(result.problem, this.lang) });
    this.setDraft(index, 'message', undefined);
    const { message: _old, ...rest } = rule;
    const next = (result.value === undefined ? rest : { ...rest, message: result.value as LocalizedString }) as Validator;
    this.replace(index, next, `/${index}/message/${this.editLanguage}`);
  }

  private removeAt(index: number): void {
    this.drafts = new Map();
    const rules = this.rules.filter((_, i) => i !== index);
    emitPropertyValue(this, { value: rules.length > 0 ? rules : undefined });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-type')?.focus());
  }

  private add(): void {
    if (!this.question) return;
    const type = this.types.includes(this.newType) ? this.newType : this.types[0]!;
    emitPropertyValue(this, { value: [...this.rules, defaultValidator(type, this.question)] });
  }

  /** Focuses a rule's field: `[0, 'pattern']`, or the rule's type for `[0]`. */
  async focusPath(rest: readonly (string | number)[]): Promise<boolean> {
    await this.updateComplete;
    const [index, field = 'type'] = rest;
    const target =
      typeof index === 'number'
        ? (this.renderRoot.querySelector<HTMLElement>(`#rule-${index}-${String(field)}`) ?? this.renderRoot.querySelector<HTMLElement>(`#rule-${index}-type`))
        : this.renderRoot.querySelector<HTMLElement>('#add-type');
    target?.focus();
    return target !== null;
  }

  private renderInput(index: number, field: RuleField, label: string, value: string, onInput: (typed: string) => void) {
    const draft = this.drafts.get(`${index}/${field}`);
    const id = `rule-${index}-${field}`;
    return html`<div>
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="text"
        aria-invalid=${draft ? 'true' : 'false'}
        aria-describedby=${draft ? `${id}-error` : nothing}
        .value=${live(draft?.text ?? value)}
        @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
      />
      ${draft ? html`<p class="error-text" id="${id}-error">${draft.error}</p>` : nothing}
    </div>`;
  }

  private renderFields(rule: Validator, index: number) {
    switch (rule.type) {
      case 'range':
      case 'length':
      case 'count': {
        const bound = (key: 'min' | 'max') => (rule[key] === undefined ? '' : String(rule[key]));
        return html`<div class="bounds">
          ${this.renderInput(index, 'min', pt('min', this.lang), bound('min'), (typed) => this.handleBound(index, 'min', typed))}
          ${this.renderInput(index, 'max', pt('max', this.lang), bound('max'), (typed) => this.handleBound(index, 'max', typed))}
        </div>`;
      }
      case 'pattern':
        return this.renderInput(index, 'pattern', pt('patternField', this.lang), rule.pattern, (typed) => this.handlePattern(index, typed));
      case 'expression': {
        const draft = this.drafts.get(`${index}/expression`);
        return html`<sipas-expression-editor
            id="rule-${index}-expression"
            label=${pt('expressionField', this.lang)}
            .questionnaire=${this.questionnaire}
            .value=${rule.expression}
            .lang=${this.lang}
            .subject=${this.subject}
            @change=${(event: CustomEvent<{ value: string | undefined }>) => this.handleExpression(index, event)}
          ></sipas-expression-editor>
          ${draft ? html`<p class="error-text">${draft.error}</p>` : nothing}`;
      }
    }
  }

  private renderRule(rule: Validator, index: number) {
    const title = pt('rule', this.lang, index + 1);
    const messageDraft = this.drafts.get(`${index}/message`);
    return html`<fieldset>
      <legend>${title}: ${pt(rule.type, this.lang)}</legend>
      <div>
        <label for="rule-${index}-type">${pt('ruleType', this.lang)}</label>
        <select id="rule-${index}-type" .value=${live(rule.type)} @change=${(event: Event) => this.handleType(index, (event.target as HTMLSelectElement).value as ValidatorType)}>
          ${[...new Set([...this.types, rule.type])].map((type) => html`<option value=${type} ?selected=${type === rule.type}>${pt(type, this.lang)}</option>`)}
        </select>
      </div>
      ${this.renderFields(rule, index)}
      ${renderLocalizedField({
        id: `rule-${index}-message`,
        label: pt('message', this.lang),
        value: rule.message,
        editLanguage: this.editLanguage,
        hintLanguage: this.hintLanguage,
        lang: this.lang,
        draft: messageDraft?.text,
        error: messageDraft?.error,
        required: rule.type === 'expression',
        onInput: (typed) => this.handleMessage(index, typed),
      })}
      <div><button type="button" class="remove" @click=${() => this.removeAt(index)}>${pt('removeRule', this.lang, index + 1)}</button></div>
    </fieldset>`;
  }

  protected override render() {
    const newType = this.types.includes(this.newType) ? this.newType : this.types[0];
    return html`${this.rules.length === 0 ? html`<p class="hint muted">${pt('noRules', this.lang)}</p>` : nothing}
      ${this.rules.map((rule, index) => this.renderRule(rule, index))}
      <div class="add">
        <div>
          <label for="add-type">${pt('newRuleType', this.lang)}</label>
          <select id="add-type" .value=${live(newType ?? '')} @change=${(event: Event) => (this.newType = (event.target as HTMLSelectElement).value as ValidatorType)}>
            ${this.types.map((type) => html`<option value=${type} ?selected=${type === newType}>${pt(type, this.lang)}</option>`)}
          </select>
        </div>
        <button type="button" class="add-rule" @click=${() => this.add()}>${pt('addRule', this.lang)}</button>
      </div>`;
  }
}
