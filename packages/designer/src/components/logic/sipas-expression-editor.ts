import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { inLanguage, parseExpression, type Questionnaire } from '@sipas/schema';
import {
  CONDITION_OPERATORS,
  LIST_OPERATORS,
  VALUELESS_OPERATORS,
  canWriteText,
  emptyCondition,
  fromConditionModel,
  isCompleteRule,
  isGroup,
  toConditionModel,
  type ConditionGroup,
  type ConditionModel,
  type ConditionOperator,
  type ConditionRule,
  type RuleValue,
} from '../../model/condition-model.js';
import { partStyles } from '../part-styles.js';
import { questionGroups, questionNamed, referenceNotes, rowOptions, takesNumbers, valueOptions, type ValueOption } from './condition-choices.js';
import { appendItem, itemNumber, newRule, rulesOf, updateItem, withOperator, withQuestion, withRow, withValue, type ItemPath } from './condition-edits.js';
import { logicText as t, type LogicStringKey } from './logic-strings.js';
import { expressionEditorStyles } from './logic.styles.js';
import { displayText } from '../../model/values.js';

export interface ExpressionChangeDetail {
  value: string | undefined;
}

interface RawError {
  offset: number;
  message: { vi: string; en: string };
}

const blankToUndefined = (text: string | undefined): string | undefined => (text?.trim() ? text : undefined);

const pathKey = (path: ItemPath): string => path.join('-') || 'root';

/**
 * Edits one condition of the questionnaire two ways at once: a visual builder (rules of question →
 * row → operator → value, groups joined by "and" or "or") and the expression text with live syntax
 * checking. Editing either updates the other.
 *
 * @summary Edits a condition as rules or as expression text, each following the other.
 *
 * @event change - The condition changed (bubbles, composed). detail: { value: string | undefined }, the new valid expression, or undefined when the condition was cleared. Not fired while the text does not parse or a rule is incomplete, nor when `value` is set by the program.
 *
 * @csspart base - the whole editor
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 * @cssproperty --sipas-font-mono - the font of the expression text
 */
export class SipasExpressionEditor extends LitElement {
  static override styles = [partStyles, expressionEditorStyles];

  /** The document whose questions the rules can name. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  @property() override lang = 'vi';
  /** The expression; undefined or empty for no condition. */
  @property({ attribute: false }) value: string | undefined;
  /** The field's label (for example "Hiện khi"), the accessible name of the editor. */
  @property() label = '';
  /** The name of the element that owns the condition: it is not offered, and later-page questions are flagged. */
  @property() subject = '';

  /** The builder's state; kept while the text stays in step, so an unfinished rule survives. */
  @state() private model: ConditionModel = emptyCondition();
  /** The text as typed, which may not parse. */
  @state() private rawText = '';
  @state() private rawError: RawError | undefined;
  /** The text parses but the builder cannot show it. */
  @state() private unsupported = false;

  /** The last value this editor was given or fired, to tell the program's changes from echoes of its own. */
  private settledValue: string | undefined;
  private focusAfterRender: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || (changed.has('value') && blankToUndefined(this.value) !== this.settledValue)) this.resetFrom(this.value);
  }

  protected override updated(): void {
    if (this.focusAfterRender === undefined) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    this.focusAfterRender = undefined;
    target?.focus();
  }

  private resetFrom(value: string | undefined): void {
    const text = blankToUndefined(value);
    this.settledValue = text;
    this.rawText = text ?? '';
    this.rawError = undefined;
    this.readModel(text);
    if (text !== undefined) {
      const parsed = parseExpression(text);
      if (!parsed.ok) this.rawError = parsed.error;
    }
  }

  private readModel(text: string | undefined): void {
    const model = toConditionModel(text);
    this.unsupported = model === undefined;
    this.model = model ?? emptyCondition();
  }

  private emit(value: string | undefined): void {
    if (value === this.settledValue) return;
    this.settledValue = value;
    this.dispatchEvent(new CustomEvent<ExpressionChangeDetail>('change', { detail: { value }, bubbles: true, composed: true }));
  }

  // ——— the raw text ———

  private handleRawInput(event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this.rawText = text;
    if (text.trim() === '') {
      this.rawError = undefined;
      this.readModel(undefined);
      this.emit(undefined);
      return;
    }
    const parsed = parseExpression(text);
    if (!parsed.ok) {
      this.rawError = parsed.error;
      return;
    }
    this.rawError = undefined;
    this.readModel(text);
    this.emit(text);
  }

  // ——— the builder ———

  private commit(model: ConditionModel): void {
    this.model = model;
    this.unsupported = false;
    this.rawError = undefined;
    const text = fromConditionModel(model);
    this.rawText = text ?? '';
    // An unfinished rule is work in progress: the stored condition waits for it.
    if (rulesOf(model).some(({ rule }) => !isCompleteRule(rule))) return;
    this.emit(text);
  }

  private editRule(path: ItemPath, edit: (rule: ConditionRule) => ConditionRule): void {
    this.commit(updateItem(this.model, path, (item) => (isGroup(item) ? item : edit(item))));
  }

  private handleAddRule(path: ItemPath): void {
    const index = this.groupAt(path)?.items.length ?? 0;
    this.commit(appendItem(this.model, path, newRule()));
    this.focusAfterRender = `[data-path="${pathKey([...path, index])}"] select.question`;
  }

  private handleAddGroup(path: ItemPath): void {
    const index = this.groupAt(path)?.items.length ?? 0;
    const join = this.groupAt(path)?.join === 'and' ? 'or' : 'and';
    this.commit(appendItem(this.model, path, { join, items: [newRule()] }));
    this.focusAfterRender = `[data-path="${pathKey([...path, index, 0])}"] select.question`;
  }

  private handleRemove(path: ItemPath): void {
    this.commit(updateItem(this.model, path, () => undefined));
    this.focusAfterRender = `[data-path="${pathKey(path.slice(0, -1))}"] > .group-actions button.add-rule`;
  }

  private groupAt(path: ItemPath): ConditionGroup | undefined {
    let group: ConditionGroup = this.model;
    for (const index of path) {
      const next = group.items[index];
      if (!next || !isGroup(next)) return undefined;
      group = next;
    }
    return group;
  }

  private handleJoin(path: ItemPath, join: string): void {
    const group = this.groupAt(path);
    if (!group || (join !== 'and' && join !== 'or')) return;
    this.commit(path.length === 0 ? { ...this.model, join } : updateItem(this.model, path, () => ({ ...group, join })));
  }

  private handleValueText(path: ItemPath, rule: ConditionRule, text: string, numbers: boolean): void {
    const read = (piece: string): string | number | undefined => {
      if (piece === '') return undefined;
      if (!numbers) return piece;
      const number = Number(piece);
      return Number.isFinite(number) ? number : undefined;
    };
    let value: RuleValue | undefined;
    if (LIST_OPERATORS.includes(rule.operator)) {
      const items = text.split(',').map((piece) => read(piece.trim())).filter((item): item is string | number => item !== undefined);
      value = items.length > 0 ? items : undefined;
    } else {
      value = read(numbers ? text.trim() : text);
    }
    this.editRule(path, (current) => withValue(current, value));
  }

  private handleValueCheck(path: ItemPath, rule: ConditionRule, options: ValueOption[], option: ValueOption, checked: boolean): void {
    const current = Array.isArray(rule.value) ? rule.value : [];
    const chosen = new Set<unknown>(current);
    if (checked) chosen.add(option.value);
    else chosen.delete(option.value);
    // Keep the offered order; values the list does not offer (typed in the text) stay at the end.
    const ordered = [...options.map((o) => o.value), ...current.filter((v) => !options.some((o) => o.value === v))].filter(
      (v): v is string | number => chosen.has(v) && typeof v !== 'boolean',
    );
    this.editRule(path, (latest) => withValue(latest, ordered.length > 0 ? ordered : undefined));
  }

  // ——— rendering ———

  /** A name the list does not offer: the subject itself, or a name no question has. */
  private unofferedLabel(name: string): string {
    const question = questionNamed(this.questionnaire!, name);
    return question ? `${displayText(question.title, this.lang) ?? name} (${name})` : t('unknownQuestion', this.lang, name);
  }

  private renderQuestionSelect(rule: ConditionRule, number: string, path: ItemPath): TemplateResult {
    const questionnaire = this.questionnaire!;
    const groups = questionGroups(questionnaire, this.subject, this.lang);
    const offered = groups.some((group) => group.options.some((option) => option.name === rule.question));
    return html`<select class="question" aria-label=${t('question', this.lang, number)} @change=${(event: Event) => this.editRule(path, (current) => withQuestion(current, (event.target as HTMLSelectElement).value))}>
      <option value="" .selected=${live(rule.question === '')}>${t('chooseQuestion', this.lang)}</option>
      ${groups.map(
        (group) => html`<optgroup label=${group.label}>
          ${group.options.map((option) => html`<option value=${option.name} .selected=${live(option.name === rule.question)}>${option.label}</option>`)}
        </optgroup>`,
      )}
      ${rule.question !== '' && !offered ? html`<option value=${rule.question} .selected=${live(true)}>${this.unofferedLabel(rule.question)}</option>` : nothing}
    </select>`;
  }

  private renderRowSelect(rule: ConditionRule, number: string, path: ItemPath): TemplateResult | typeof nothing {
    const rows = rowOptions(questionNamed(this.questionnaire!, rule.question), this.lang);
    if (rows.length === 0 && rule.row === undefined) return nothing;
    const offered = rows.some((row) => row.name === rule.row);
    return html`<select class="row" aria-label=${t('row', this.lang, number)} @change=${(event: Event) => this.editRule(path, (current) => withRow(current, (event.target as HTMLSelectElement).value || undefined))}>
      <option value="" .selected=${live(rule.row === undefined)}>${t('wholeQuestion', this.lang)}</option>
      ${rows.map((row) => html`<option value=${row.name} .selected=${live(row.name === rule.row)}>${row.label}</option>`)}
      ${rule.row !== undefined && !offered ? html`<option value=${rule.row} .selected=${live(true)}>${t('unknownQuestion', this.lang, rule.row)}</option>` : nothing}
    </select>`;
  }

  private renderOperatorSelect(rule: ConditionRule, number: string, path: ItemPath): TemplateResult {
    return html`<select class="operator" aria-label=${t('operator', this.lang, number)} @change=${(event: Event) => this.editRule(path, (current) => withOperator(current, (event.target as HTMLSelectElement).value as ConditionOperator))}>
      ${CONDITION_OPERATORS.map((operator) => html`<option value=${operator} .selected=${live(operator === rule.operator)}>${t(`op${operator}` as LogicStringKey, this.lang)}</option>`)}
    </select>`;
  }

  private renderValue(rule: ConditionRule, number: string, path: ItemPath): TemplateResult | typeof nothing {
    if (VALUELESS_OPERATORS.includes(rule.operator)) return nothing;
    const questionnaire = this.questionnaire!;
    const list = LIST_OPERATORS.includes(rule.operator);
    const offered = rule.question ? valueOptions(questionnaire, rule.question, rule.row, this.lang) : undefined;
    const options = offered && list ? (offered.some((o) => typeof o.value === 'boolean') ? undefined : offered) : offered;
    if (options && list) {
      const chosen = Array.isArray(rule.value) ? rule.value : [];
      return html`<fieldset class="values">
        <legend class="visually-hidden">${t('value', this.lang, number)}</legend>
        ${options.map(
          (option) => html`<label class="check"
            ><input
              type="checkbox"
              .checked=${live(chosen.includes(option.value as string | number))}
              @change=${(event: Event) => this.handleValueCheck(path, rule, options, option, (event.target as HTMLInputElement).checked)}
            />${option.label}</label
          >`,
        )}
      </fieldset>`;
    }
    if (options) {
      const all = rule.value !== undefined && !Array.isArray(rule.value) && !options.some((o) => o.value === rule.value) ? [...options, { value: rule.value, label: String(rule.value) }] : options;
      return html`<select class="value" aria-label=${t('value', this.lang, number)} @change=${(event: Event) => {
        const index = (event.target as HTMLSelectElement).value;
        this.editRule(path, (current) => withValue(current, index === '' ? undefined : all[Number(index)]!.value));
      }}>
        <option value="" .selected=${live(rule.value === undefined)}>${t('chooseValue', this.lang)}</option>
        ${all.map((option, index) => html`<option value=${index} .selected=${live(option.value === rule.value)}>${option.label}</option>`)}
      </select>`;
    }
    const numbers = takesNumbers(questionnaire, rule.question);
    const shown = rule.value === undefined ? '' : Array.isArray(rule.value) ? rule.value.join(', ') : String(rule.value);
    const badText = typeof rule.value === 'string' && !canWriteText(rule.value);
    const errorId = `value-error-${pathKey(path)}`;
    return html`<input
        class="value"
        type=${numbers && !list ? 'number' : 'text'}
        aria-label=${t(list ? 'valueList' : 'value', this.lang, number)}
        aria-invalid=${badText ? 'true' : 'false'}
        aria-describedby=${badText ? errorId : nothing}
        .value=${shown /* not live: "a," while typing a list reads as "a" and must stay as typed */}
        @input=${(event: Event) => this.handleValueText(path, rule, (event.target as HTMLInputElement).value, numbers)}
      />${badText ? html`<span class="error-text" id=${errorId}>${t('trailingBackslash', this.lang)}</span>` : nothing}`;
  }

  private renderRule(rule: ConditionRule, path: ItemPath): TemplateResult {
    const number = itemNumber(path);
    return html`<div class="rule" role="group" aria-label=${t('rule', this.lang, number)} data-path=${pathKey(path)}>
      ${this.renderQuestionSelect(rule, number, path)} ${this.renderRowSelect(rule, number, path)} ${this.renderOperatorSelect(rule, number, path)}
      ${this.renderValue(rule, number, path)}
      <button type="button" class="remove" aria-label=${t('removeRule', this.lang, number)} @click=${() => this.handleRemove(path)}>${t('remove', this.lang)}</button>
    </div>`;
  }

  private renderGroup(group: ConditionGroup, path: ItemPath): TemplateResult {
    const nested = path.length > 0;
    const number = itemNumber(path);
    const name = nested ? t('group', this.lang, number) : t('builder', this.lang);
    return html`<div class="group ${nested ? 'nested' : ''}" role="group" aria-label=${name} data-path=${pathKey(path)}>
      ${group.items.length > 1 || nested
        ? html`<select class="join" aria-label=${nested ? t('join', this.lang, number) : t('joinRoot', this.lang)} @change=${(event: Event) => this.handleJoin(path, (event.target as HTMLSelectElement).value)}>
            <option value="and" .selected=${live(group.join === 'and')}>${t('joinAnd', this.lang)}</option>
            <option value="or" .selected=${live(group.join === 'or')}>${t('joinOr', this.lang)}</option>
          </select>`
        : nothing}
      ${group.items.length === 0 && !nested ? html`<p class="muted">${t('noRules', this.lang)}</p>` : nothing}
      ${group.items.length > 0
        ? html`<ol class="items">
            ${group.items.map((item, index) => html`<li>${isGroup(item) ? this.renderGroup(item, [...path, index]) : this.renderRule(item, [...path, index])}</li>`)}
          </ol>`
        : nothing}
      <div class="group-actions">
        <button type="button" class="add-rule" aria-label=${nested ? t('addRuleTo', this.lang, number) : nothing} @click=${() => this.handleAddRule(path)}>${t('addRule', this.lang)}</button>
        <button type="button" class="add-group" aria-label=${nested ? t('addGroupTo', this.lang, number) : nothing} @click=${() => this.handleAddGroup(path)}>${t('addGroup', this.lang)}</button>
        ${nested ? html`<button type="button" class="remove" aria-label=${t('removeGroup', this.lang, number)} @click=${() => this.handleRemove(path)}>${t('remove', this.lang)}</button>` : nothing}
      </div>
    </div>`;
  }

  private renderNotes(): TemplateResult | typeof nothing {
    const incomplete = this.unsupported ? [] : rulesOf(this.model).filter(({ rule }) => !isCompleteRule(rule));
    const valid = this.rawError === undefined && this.rawText.trim() !== '' ? this.rawText : undefined;
    const notes = this.questionnaire ? referenceNotes(this.questionnaire, this.subject, valid) : { laterPage: [], self: false };
    const lines = [
      ...incomplete.map(({ path }) => t('incomplete', this.lang, itemNumber(path))),
      ...notes.laterPage.map((name) => t('laterPage', this.lang, name)),
      ...(notes.self ? [t('selfReference', this.lang, this.subject)] : []),
    ];
    return html`<div id="raw-notes" class="notes" role="status">${lines.length > 0 ? html`<ul>${lines.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}</div>`;
  }

  protected override render(): TemplateResult {
    const error = this.rawError;
    const describedBy = ['raw-hint', error ? 'raw-error' : '', 'raw-notes'].filter(Boolean).join(' ');
    return html`<fieldset part="base" class="editor">
      <legend>${this.label || t('expression', this.lang)}</legend>
      ${this.questionnaire === undefined
        ? nothing
        : this.unsupported
          ? html`<p class="muted unsupported">${t('tooComplex', this.lang)}</p>`
          : this.renderGroup(this.model, [])}
      <div class="raw">
        <label for="raw">${t('expression', this.lang)}</label>
        <textarea
          id="raw"
          rows="2"
          spellcheck="false"
          autocomplete="off"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${live(this.rawText)}
          @input=${this.handleRawInput}
        ></textarea>
        <p id="raw-hint" class="muted hint">${t('expressionHint', this.lang)}</p>
        <div aria-live="polite">
          ${error
            ? html`<p id="raw-error" class="error-text">${t('syntaxError', this.lang, error.offset + 1, inLanguage(error.message, this.lang))}</p>
                <pre class="excerpt" aria-hidden="true">${this.rawText}\n${' '.repeat(error.offset)}^</pre>`
            : nothing}
        </div>
        ${this.renderNotes()}
      </div>
    </fieldset>`;
  }
}
