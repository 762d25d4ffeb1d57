import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LocalizedString, Questionnaire } from '@sipas/schema';
import { partStyles } from '../part-styles.js';
import { renderLocalizedField, translationError } from './localized-text-field.js';
import { ELEMENT_NAME } from '../../model/values.js';
import {
  CODE_PATTERN,
  duplicateOf,
  moveItem,
  nextValues,
  parseAnswerValue,
  parsePastedLines,
  withTranslation,
  type ListItem,
  type ListValueKind,
} from './property-edits.js';
import { emitPropertyValue, type FocusablePath } from './property-value-event.js';
import { pt, type PropertiesStringKey } from './properties-strings.js';

/** What the list holds: choices (with a condition each), likert rows (name values, codes, conditions) or scale levels. */
export type ListKind = 'choices' | 'rows' | 'levels';

type Column = 'value' | 'text' | 'code' | 'visibleIf' | 'up' | 'down' | 'remove';

interface CellDraft {
  text: string;
  error: string;
}

const ITEM_NAME: Record<ListKind, PropertiesStringKey> = { choices: 'choiceN', rows: 'rowN', levels: 'levelN' };
const NEW_TEXT: Record<ListKind, { vi: string; en: string }> = {
  choices: { vi: 'Lựa chọn', en: 'Option' },
  rows: { vi: 'Tiêu chí', en: 'Criterion' },
  levels: { vi: 'Mức', en: 'Level' },
};

/**
 * An editable list of value/text items: a question's choices, a likert grid's rows (with criterion
 * codes) or a custom scale's levels. Add, remove, reorder with buttons or Alt+↑/↓ in a row, edit in
 * place, and paste many lines at once; repeated values are flagged on their row.
 *
 * One of the property panel's editors: `<sipas-designer-properties>` creates it for a field and
 * applies the value it reports (`sipas-property-value`, listened to on the element itself).
 *
 * @summary An editable list of choices, likert rows or scale levels.
 *
 * @event sipas-property-value - The new list. detail: { value, merge } (`merge` while typing, so one undo step covers a word)
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerChoicesEditor extends LitElement implements FocusablePath {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      .item {
        border: 1px solid var(--_border);
        border-radius: 6px;
        padding: 0.5rem;
        display: grid;
        gap: 0.25rem;
      }
      .item:focus-within {
        border-color: var(--_primary);
      }
      .cells {
        display: grid;
        grid-template-columns: minmax(4rem, 1fr) minmax(8rem, 3fr);
        gap: 0.5rem;
      }
      .cells.with-code {
        grid-template-columns: minmax(4rem, 1fr) minmax(8rem, 3fr) minmax(4rem, 1fr);
      }
      .actions {
        display: flex;
        gap: 0.25rem;
        flex-wrap: wrap;
      }
      label {
        display: block;
        font-size: 0.8125rem;
      }
      .hint {
        font-size: 0.8125rem;
        margin: 0.125rem 0 0;
      }
      .bulk {
        margin-top: 0.75rem;
        display: grid;
        gap: 0.25rem;
      }
      .footer {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        margin-top: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  /** The items shown (the property's current value). */
  @property({ attribute: false }) items: readonly ListItem[] = [];
  /** What the items are; decides the columns and how values are made. */
  @property() kind: ListKind = 'choices';
  /** UI language. */
  @property() override lang = 'vi';
  /** The language the text cells edit, and the one shown as a hint. */
  @property({ attribute: 'edit-language' }) editLanguage = 'vi';
  @property({ attribute: 'hint-language' }) hintLanguage = 'en';
  /** For the condition editors of choices and rows. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The question the items belong to (conditions are checked against it); a change clears drafts. */
  @property() subject = '';
  @property({ type: Number, attribute: 'min-items' }) minItems = 1;
  @property({ type: Number, attribute: 'max-items' }) maxItems = Number.POSITIVE_INFINITY;

  /** Cells whose typed text could not be written, keyed `index/column`. */
  @state() private drafts = new Map<string, CellDraft>();
  @state() private pasted = '';
  @state() private pasteError = '';
  /** Rows whose "Hiện khi" was opened while empty. */
  @state() private openConditions = new Set<number>();
  @state() private announcement = '';
  /** The cell to focus once the new list arrives (after a move, an add or a removal). */
  private pendingFocus?: { index: number; column: Column; select?: boolean };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('subject') || changed.has('editLanguage')) this.drafts = new Map();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('items') && this.pendingFocus) {
      const { index, column, select } = this.pendingFocus;
      this.pendingFocus = undefined;
      const cell = this.cell(index, column);
      cell?.focus();
      // A new item's placeholder text is selected, so typing replaces it.
      if (select && cell instanceof HTMLInputElement) cell.select();
    }
  }

  private get valueKind(): ListValueKind {
    return this.kind === 'rows' ? 'name' : 'answer';
  }

  private itemName(index: number): string {
    return pt(ITEM_NAME[this.kind], this.lang, index + 1);
  }

  private cell(index: number, column: Column): HTMLElement | null {
    const cells = this.renderRoot.querySelectorAll<HTMLElement>(`[data-index="${index}"]`);
    const wanted = [...cells].find((cell) => cell.dataset.col === column);
    if (wanted && !(wanted as HTMLButtonElement).disabled) return wanted;
    return [...cells].find((cell) => !(cell as HTMLButtonElement).disabled && cell.dataset.col !== 'visibleIf') ?? null;
  }

  private setDraft(index: number, column: Column, draft: CellDraft | undefined): void {
    const drafts = new Map(this.drafts);
    if (draft) drafts.set(`${index}/${column}`, draft);
    else drafts.delete(`${index}/${column}`);
    this.drafts = drafts;
  }

  private replaceItem(index: number, item: ListItem, merge: string): void {
    const items = this.items.map((old, i) => (i === index ? item : old));
    emitPropertyValue(this, { value: items, merge });
  }

  private handleValueInput(index: number, typed: string): void {
    const item = this.items[index]!;
    if (typed.trim() === '') return this.setDraft(index, 'value', { text: typed, error: pt('required', this.lang) });
    if (this.valueKind === 'name' && !ELEMENT_NAME.test(typed)) return this.setDraft(index, 'value', { text: typed, error: pt('nameInvalid', this.lang) });
    this.setDraft(index, 'value', undefined);
    this.replaceItem(index, { ...item, value: this.valueKind === 'name' ? typed : parseAnswerValue(typed) }, `/${index}/value`);
  }

  private handleTextInput(index: number, typed: string): void {
    const item = this.items[index]!;
    const result = withTranslation(item.text, this.editLanguage, typed, true);
    if (!result.ok) return this.setDraft(index, 'text', { text: typed, error: translationError(result.problem, this.lang) });
    this.setDraft(index, 'text', undefined);
    this.replaceItem(index, { ...item, text: result.value as LocalizedString }, `/${index}/text/${this.editLanguage}`);
  }

  private handleCodeInput(index: number, typed: string): void {
    const { code: _old, ...item } = this.items[index]!;
    const code = typed.trim();
    if (code !== '' && (!CODE_PATTERN.test(code) || code.length > 32)) return this.setDraft(index, 'code', { text: typed, error: pt('codeInvalid', this.lang) });
    this.setDraft(index, 'code', undefined);
    this.replaceItem(index, code === '' ? item : { ...item, code }, `/${index}/code`);
  }

  private handleConditionChange(index: number, event: CustomEvent<{ value: string | undefined }>): void {
    const { visibleIf: _old, ...item } = this.items[index]!;
    const condition = event.detail?.value;
    this.replaceItem(index, condition ? { ...item, visibleIf: condition } : item, `/${index}/visibleIf`);
  }

  private move(from: number, to: number, column: Column): void {
    if (to < 0 || to >= this.items.length) return;
    this.drafts = new Map();
    this.pendingFocus = { index: to, column };
    this.announcement = pt('moved', this.lang, this.itemName(from), to + 1);
    emitPropertyValue(this, { value: moveItem(this.items, from, to) });
  }

  private removeAt(index: number): void {
    if (this.items.length <= this.minItems) return;
    this.drafts = new Map();
    this.pendingFocus = { index: Math.min(index, this.items.length - 2), column: 'remove' };
    this.announcement = pt('removed', this.lang, this.itemName(index));
    emitPropertyValue(this, { value: this.items.filter((_, i) => i !== index) });
  }

  private add(): void {
    if (this.items.length >= this.maxItems) return;
    const [value] = nextValues(this.items, 1, this.valueKind);
    const n = this.items.length + 1;
    const words = NEW_TEXT[this.kind];
    const text: LocalizedString = this.editLanguage === 'vi' ? `${words.vi} ${n}` : { vi: `${words.vi} ${n}`, [this.editLanguage]: `${words.en} ${n}` };
    this.pendingFocus = { index: this.items.length, column: 'text', select: true };
    emitPropertyValue(this, { value: [...this.items, { value: value!, text }] });
  }

  private addPasted(): void {
    const { items, badLines } = parsePastedLines(this.pasted, this.items, this.valueKind);
    if (items.length === 0) {
      this.pasteError = pt('bulkEmpty', this.lang);
      return;
    }
    if (badLines.length > 0) {
      this.pasteError = pt('bulkBadLines', this.lang, badLines.join(', '));
      return;
    }
    this.pasteError = '';
    this.pasted = '';
    this.announcement = pt('added', this.lang, items.length);
    emitPropertyValue(this, { value: [...this.items, ...items].slice(0, this.maxItems) });
  }

  private handleRowKeydown(index: number, event: KeyboardEvent): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    const column = ((event.target as HTMLElement).dataset.col as Column | undefined) ?? 'text';
    this.move(index, index + (event.key === 'ArrowUp' ? -1 : 1), column);
  }

  /** Focuses a cell: `[3, 'value']`, `[3, 'text', 'vi']`, or the list's first cell for `[]`. */
  async focusPath(rest: readonly (string | number)[]): Promise<boolean> {
    await this.updateComplete;
    const [index = 0, column = 'text'] = rest;
    const target = typeof index === 'number' ? this.cell(index, (['value', 'text', 'code', 'visibleIf'].includes(String(column)) ? column : 'text') as Column) : null;
    target?.focus();
    return target !== null;
  }

  /** One plain text cell of a row (value, code) with its label and error. */
  private renderCell(id: string, index: number, column: string, label: string, shown: string, error: string, onInput: (typed: string) => void) {
    return html`<div>
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type="text"
        data-index=${index}
        data-col=${column}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        .value=${live(shown)}
        @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
      />
      ${error ? html`<p class="error-text" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  /** A row's condition editor is built when its "Hiện khi" is opened (a list of choices would otherwise build one per row). */
  private toggleCondition(index: number, open: boolean): void {
    if (open === this.openConditions.has(index)) return;
    const next = new Set(this.openConditions);
    if (open) next.add(index);
    else next.delete(index);
    this.openConditions = next;
  }

  private renderItem(item: ListItem, index: number, duplicates: number[]) {
    const name = this.itemName(index);
    const id = `item-${index}`;
    const valueDraft = this.drafts.get(`${index}/value`);
    const codeDraft = this.drafts.get(`${index}/code`);
    const textDraft = this.drafts.get(`${index}/text`);
    const duplicate = duplicates[index]! >= 0 ? pt('duplicateValue', this.lang, this.itemName(duplicates[index]!)) : '';
    const valueError = valueDraft?.error ?? duplicate;
    const withCode = this.kind === 'rows';
    return html`<li @keydown=${(event: KeyboardEvent) => this.handleRowKeydown(index, event)}>
      <div class="item" role="group" aria-label=${name}>
      <div class="cells ${withCode ? 'with-code' : ''}">
        ${this.renderCell(`${id}-value`, index, 'value', pt('fieldOf', this.lang, pt('value', this.lang), name), valueDraft?.text ?? String(item.value), valueError, (typed) =>
          this.handleValueInput(index, typed),
        )}
        ${renderLocalizedField({
          id: `${id}-text`,
          label: pt('fieldOf', this.lang, pt('text', this.lang), name),
          value: item.text,
          editLanguage: this.editLanguage,
          hintLanguage: this.hintLanguage,
          lang: this.lang,
          draft: textDraft?.text,
          error: textDraft?.error,
          required: true,
          index,
          column: 'text',
          onInput: (typed) => this.handleTextInput(index, typed),
        })}
        ${withCode
          ? this.renderCell(`${id}-code`, index, 'code', pt('fieldOf', this.lang, pt('code', this.lang), name), codeDraft?.text ?? item.code ?? '', codeDraft?.error ?? '', (typed) =>
              this.handleCodeInput(index, typed),
            )
          : nothing}
      </div>
      ${this.kind === 'levels'
        ? nothing
        : html`<details
            ?open=${item.visibleIf !== undefined || this.openConditions.has(index)}
            @toggle=${(event: Event) => this.toggleCondition(index, (event.target as HTMLDetailsElement).open)}
          >
            <summary>${pt('visibleIf', this.lang)}</summary>
            ${item.visibleIf === undefined && !this.openConditions.has(index)
              ? nothing
              : html`<sipas-expression-editor
              data-index=${index}
              data-col="visibleIf"
              label=${pt('fieldOf', this.lang, pt('visibleIf', this.lang), name)}
              .questionnaire=${this.questionnaire}
              .value=${item.visibleIf}
              .lang=${this.lang}
              .subject=${this.subject}
              @change=${(event: CustomEvent<{ value: string | undefined }>) => this.handleConditionChange(index, event)}
            ></sipas-expression-editor>`}
          </details>`}
      <div class="actions">
        <button type="button" data-index=${index} data-col="up" aria-label=${pt('moveUp', this.lang, name)} ?disabled=${index === 0} @click=${() => this.move(index, index - 1, 'up')}>
          ${pt('up', this.lang)}
        </button>
        <button
          type="button"
          data-index=${index}
          data-col="down"
          aria-label=${pt('moveDown', this.lang, name)}
          ?disabled=${index === this.items.length - 1}
          @click=${() => this.move(index, index + 1, 'down')}
        >
          ${pt('down', this.lang)}
        </button>
        <button
          type="button"
          data-index=${index}
          data-col="remove"
          aria-label=${pt('removeItem', this.lang, name)}
          ?disabled=${this.items.length <= this.minItems}
          @click=${() => this.removeAt(index)}
        >
          ${pt('remove', this.lang)}
        </button>
      </div>
      </div>
    </li>`;
  }

  private renderBulkPaste() {
    if (this.kind === 'levels') return nothing;
    return html`<div class="bulk">
      <label for="bulk">${pt('bulkPaste', this.lang)}</label>
      <textarea
        id="bulk"
        rows="4"
        aria-describedby="bulk-help ${this.pasteError ? 'bulk-error' : ''}"
        aria-invalid=${this.pasteError ? 'true' : 'false'}
        .value=${live(this.pasted)}
        @input=${(event: Event) => {
          this.pasted = (event.target as HTMLTextAreaElement).value;
          this.pasteError = '';
        }}
      ></textarea>
      <p class="hint muted" id="bulk-help">${pt(this.kind === 'rows' ? 'bulkHelpRows' : 'bulkHelpChoices', this.lang)}</p>
      ${this.pasteError ? html`<p class="error-text" id="bulk-error">${this.pasteError}</p>` : nothing}
      <div><button type="button" class="bulk-add" @click=${() => this.addPasted()}>${pt('bulkAdd', this.lang)}</button></div>
    </div>`;
  }

  protected override render() {
    const duplicates = duplicateOf(this.items);
    const addKey: PropertiesStringKey = this.kind === 'rows' ? 'addRow' : this.kind === 'levels' ? 'addLevel' : 'addChoice';
    return html`<p class="hint muted" id="reorder-help">${pt('reorderHelp', this.lang)}</p>
      <ol aria-describedby="reorder-help">
        ${this.items.map((item, index) => this.renderItem(item, index, duplicates))}
      </ol>
      <div class="footer">
        <button type="button" class="add" ?disabled=${this.items.length >= this.maxItems} @click=${() => this.add()}>${pt(addKey, this.lang)}</button>
        <span role="status" class="muted">${this.announcement}</span>
      </div>
      ${this.renderBulkPaste()}`;
  }
}
