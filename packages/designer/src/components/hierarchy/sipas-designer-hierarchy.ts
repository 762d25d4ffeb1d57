import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { cssomStyle } from '../cssom-style.js';
import { inLanguage, localize, type Hierarchy, type HierarchyItem, type HierarchyName, type LocalizedString, type Questionnaire } from '@sipas/schema';
import { requestEdit } from '../../model/edit.js';
import {
  addChildItem,
  addLevel,
  addressAfterIndent,
  addressAfterOutdent,
  addSiblingItem,
  canIndent,
  canOutdent,
  flattenItems,
  hierarchyOf,
  hierarchyProblems,
  idsOf,
  indentItem,
  insertItems,
  itemAt,
  moveItem,
  moveLevel,
  newItem,
  newLevel,
  outdentItem,
  parsePastedItems,
  pasteItems,
  questionsUsingLevel,
  removeItem,
  removeLevel,
  setItemField,
  setItemId,
  setItemLabel,
  setLevelId,
  setLevelLabel,
  type FlatItem,
  type HierarchyProblem,
  type ItemAddress,
} from '../../model/hierarchy-edits.js';
import { partStyles } from '../part-styles.js';
import { hierarchyStyles } from './hierarchy.styles.js';
import { tr, type HierarchyStringKey } from './hierarchy-strings.js';

const keyOf = (address: ItemAddress): string => address.join('.');

/** The Vietnamese (or other locale) text of a label, '' when absent. */
const textOf = (label: LocalizedString | undefined, locale: string): string =>
  typeof label === 'string' ? (locale === 'vi' ? label : '') : (label?.[locale as 'vi'] ?? '');

/** Counts an item's descendants, for the removal question. */
const descendants = (item: HierarchyItem): number => (item.children ?? []).reduce((sum, child) => sum + 1 + descendants(child), 0);

/** Which list the paste goes into: the top, or under the selected item. */
type PasteTarget = 'top' | 'selected';

interface PendingConfirm {
  text: string;
  run: () => void;
}

/**
 * The units and service fields view: the levels of `sipas.units` or `sipas.serviceFields` (tỉnh →
 * huyện → xã, lĩnh vực → thủ tục), their items as a keyboard-operable tree beside the selected
 * item's fields, and a bulk paste of an indented list. Problems (empty, invalid or repeated ids,
 * empty labels, unknown levels) show at their field, in both languages.
 *
 * Keyboard in the tree: ↑/↓/Home/End move, → / ← expand, collapse or go to child/parent, Alt + ↑/↓
 * reorder, Alt + →/← indent/outdent (announced), Enter edits the label, Delete removes.
 *
 * A part of `<sipas-designer>`, usable on its own: it never changes the document it is given, and
 * asks for each change with a `sipas-designer-edit` event that the designer (or any host) applies
 * before handing the new document back.
 *
 * @summary The units and service fields of a questionnaire, as an editable tree.
 *
 * @event sipas-designer-edit - Every change, as one pure edit (bubbles, composed; see model/edit.ts).
 *
 * @csspart base - the view's wrapper
 * @csspart tree - the tree of items
 * @csspart details - the fields of the selected item
 * @csspart paste - the bulk paste form
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerHierarchy extends LitElement {
  static override styles = [partStyles, hierarchyStyles];

  @query('dialog') private dialog?: HTMLDialogElement;

  /** The selected item's address as "0.1.2". */
  @state() private selectedKey = '';
  /** Ids of items whose children are hidden. */
  @state() private collapsed = new Set<string>();
  /** What the status region says after a move or an insert. */
  @state() private said = '';
  @state() private pasteText = '';
  @state() private pasteTarget: PasteTarget = 'top';
  @state() private pendingConfirm?: PendingConfirm;

  /** The questionnaire shown; never mutated (edits go out as `sipas-designer-edit`). */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The language of the interface: 'vi' (default) or 'en'. */
  @property() override lang = 'vi';
  /** The list shown: 'units' (đơn vị) or 'serviceFields' (lĩnh vực); the view has its own switch too. */
  @property({ reflect: true }) list: HierarchyName = 'units';

  private get hierarchy(): Hierarchy | undefined {
    return this.questionnaire ? hierarchyOf(this.questionnaire, this.list) : undefined;
  }

  private t(key: HierarchyStringKey, ...args: (string | number)[]): string {
    return tr(key, this.lang, ...args);
  }

  private labelOf(item: HierarchyItem | undefined): string {
    return item ? localize(item.label, this.lang) || item.id : '';
  }

  /** The rows the tree shows (children of collapsed items hidden). */
  private visibleRows(): FlatItem[] {
    return flattenItems(this.hierarchy, (item) => !this.collapsed.has(item.id));
  }

  /** The selected row, or the first one when the selection is gone. */
  private selectedRow(rows: FlatItem[]): FlatItem | undefined {
    return rows.find((row) => keyOf(row.address) === this.selectedKey) ?? rows[0];
  }

  // -------------------------------------------------------------------------------------------
  // Edits

  private edit(label: string, apply: (questionnaire: Questionnaire) => Questionnaire, mergeKey?: string): void {
    requestEdit(this, { label, apply, ...(mergeKey ? { mergeKey } : {}) });
  }

  /** Selects an item and, after the render, puts the focus on its tree row or one of its fields. */
  private async focusItem(address: ItemAddress, where: 'tree' | 'label' = 'tree'): Promise<void> {
    this.selectedKey = keyOf(address);
    // An item inside a collapsed parent is shown.
    const collapsed = new Set(this.collapsed);
    for (let depth = 1; depth < address.length; depth += 1) {
      const parent = itemAt(this.hierarchy, address.slice(0, depth));
      if (parent) collapsed.delete(parent.id);
    }
    this.collapsed = collapsed;
    await this.updateComplete;
    const target =
      where === 'tree'
        ? this.renderRoot.querySelector<HTMLElement>(`[role="treeitem"][data-address="${keyOf(address)}"]`)
        : this.renderRoot.querySelector<HTMLElement>('#item-label-vi');
    target?.focus();
  }

  private announce(text: string): void {
    this.said = text;
  }

  private handleCreateList(): void {
    const item = newItem(undefined, 0);
    this.edit(this.t('editCreate', this.t(this.list)), (q) => insertItems(q, this.list, [], 0, item));
    void this.focusItem([0], 'label');
  }

  private handleAddChild(address: ItemAddress): void {
    const parent = itemAt(this.hierarchy, address);
    if (!parent) return;
    const item = newItem(this.hierarchy, address.length);
    const index = parent.children?.length ?? 0;
    this.edit(this.t('editAddItem', this.labelOf(item)), (q) => addChildItem(q, this.list, address, item));
    this.announce(this.t('saidAdded', this.labelOf(item)));
    void this.focusItem([...address, index], 'label');
  }

  private handleAddSibling(address: ItemAddress): void {
    const item = newItem(this.hierarchy, address.length - 1);
    this.edit(this.t('editAddItem', this.labelOf(item)), (q) => addSiblingItem(q, this.list, address, item));
    this.announce(this.t('saidAdded', this.labelOf(item)));
    void this.focusItem([...address.slice(0, -1), address[address.length - 1]! + 1], 'label');
  }

  private handleMove(address: ItemAddress, delta: -1 | 1, focusTree: boolean): void {
    const item = itemAt(this.hierarchy, address);
    if (!item) return;
    const siblings = address.length === 1 ? this.hierarchy!.items.length : (itemAt(this.hierarchy, address.slice(0, -1))?.children?.length ?? 0);
    const to = address[address.length - 1]! + delta;
    if (to < 0 || to >= siblings) {
      this.announce(this.t('saidCannot', this.labelOf(item)));
      return;
    }
    this.edit(this.t('editMoveItem', this.labelOf(item)), (q) => moveItem(q, this.list, address, delta));
    this.announce(this.t('saidMoved', this.labelOf(item), to + 1, siblings));
    const next = [...address.slice(0, -1), to];
    if (focusTree) void this.focusItem(next);
    else this.selectedKey = keyOf(next);
  }

  private handleIndent(address: ItemAddress, focusTree: boolean): void {
    const item = itemAt(this.hierarchy, address);
    if (!item) return;
    if (!canIndent(address)) {
      this.announce(this.t('saidCannot', this.labelOf(item)));
      return;
    }
    const parent = itemAt(this.hierarchy, [...address.slice(0, -1), address[address.length - 1]! - 1]);
    const next = addressAfterIndent(this.hierarchy, address);
    this.edit(this.t('editIndent', this.labelOf(item)), (q) => indentItem(q, this.list, address));
    this.announce(this.t('saidIndented', this.labelOf(item), this.labelOf(parent)));
    if (focusTree) void this.focusItem(next);
    else this.selectedKey = keyOf(next);
  }

  private handleOutdent(address: ItemAddress, focusTree: boolean): void {
    const item = itemAt(this.hierarchy, address);
    if (!item) return;
    if (!canOutdent(address)) {
      this.announce(this.t('saidCannot', this.labelOf(item)));
      return;
    }
    const next = addressAfterOutdent(address);
    this.edit(this.t('editOutdent', this.labelOf(item)), (q) => outdentItem(q, this.list, address));
    this.announce(this.t('saidOutdented', this.labelOf(item), next.length));
    if (focusTree) void this.focusItem(next);
    else this.selectedKey = keyOf(next);
  }

  /** Removes at once, or asks first when children or a dropdown's level would go with the item. */
  private handleRemove(address: ItemAddress): void {
    const item = itemAt(this.hierarchy, address);
    if (!item || !this.questionnaire || this.isLastItem(address)) return;
    const reasons: string[] = [];
    const count = descendants(item);
    if (count > 0) reasons.push(this.t('confirmChildren', this.labelOf(item), count));
    const questions = item.level === undefined ? [] : questionsUsingLevel(this.questionnaire, this.list, item.level);
    if (questions.length > 0) reasons.push(this.t('confirmUsed', questions.join(', '), this.labelOf(item)));
    const run = () => {
      const label = this.labelOf(item);
      this.edit(this.t('editRemoveItem', label), (q) => removeItem(q, this.list, address));
      this.announce(this.t('saidRemoved', label));
      const index = address[address.length - 1]!;
      const next = index > 0 ? [...address.slice(0, -1), index - 1] : address.length > 1 ? address.slice(0, -1) : [0];
      void this.focusItem(next);
    };
    if (reasons.length === 0) run();
    else this.askFirst(reasons.join(' '), run);
  }

  private isLastItem(address: ItemAddress): boolean {
    return address.length === 1 && (this.hierarchy?.items.length ?? 0) <= 1;
  }

  private askFirst(text: string, run: () => void): void {
    this.pendingConfirm = { text, run };
    void this.updateComplete.then(() => {
      if (this.dialog && !this.dialog.open) this.dialog.showModal();
    });
  }

  private handleConfirm(confirmed: boolean): void {
    const pending = this.pendingConfirm;
    this.dialog?.close();
    this.pendingConfirm = undefined;
    if (confirmed) pending?.run();
  }

  private handleItemId(address: ItemAddress, event: Event): void {
    const id = (event.target as HTMLInputElement).value;
    const item = itemAt(this.hierarchy, address);
    this.edit(this.t('editItemField', this.t('id'), this.labelOf(item)), (q) => setItemId(q, this.list, address, id), `hierarchy/${this.list}/${keyOf(address)}/id`);
  }

  private handleItemLabel(address: ItemAddress, locale: 'vi' | 'en', event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    const item = itemAt(this.hierarchy, address);
    this.edit(
      this.t('editItemField', this.t(locale === 'vi' ? 'labelVi' : 'labelEn'), this.labelOf(item)),
      (q) => setItemLabel(q, this.list, address, locale, text),
      `hierarchy/${this.list}/${keyOf(address)}/label/${locale}`,
    );
  }

  private handleItemField(address: ItemAddress, field: 'level' | 'officialCode', event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    const item = itemAt(this.hierarchy, address);
    this.edit(
      this.t('editItemField', this.t(field), this.labelOf(item)),
      (q) => setItemField(q, this.list, address, field, value),
      `hierarchy/${this.list}/${keyOf(address)}/${field}`,
    );
  }

  private handleAddLevel(): void {
    const level = newLevel(this.hierarchy);
    this.edit(this.t('editAddLevel'), (q) => addLevel(q, this.list, level));
  }

  private handleRemoveLevel(index: number): void {
    const level = this.hierarchy?.levels?.[index];
    if (!level || !this.questionnaire) return;
    const name = localize(level.label, this.lang) || level.id;
    const items = flattenItems(this.hierarchy).filter((row) => row.item.level === level.id).length;
    const questions = questionsUsingLevel(this.questionnaire, this.list, level.id);
    const run = () => this.edit(this.t('editRemoveLevel', name), (q) => removeLevel(q, this.list, index));
    if (items === 0 && questions.length === 0) run();
    else this.askFirst(this.t('confirmLevel', name, items, questions.join(', ') || this.t('none')), run);
  }

  private handleMoveLevel(index: number, delta: -1 | 1): void {
    const level = this.hierarchy?.levels?.[index];
    if (!level) return;
    this.edit(this.t('editMoveLevel', localize(level.label, this.lang) || level.id), (q) => moveLevel(q, this.list, index, delta));
  }

  private handleLevelId(index: number, event: Event): void {
    const id = (event.target as HTMLInputElement).value;
    this.edit(this.t('editLevel', index + 1), (q) => setLevelId(q, this.list, index, id), `hierarchy/${this.list}/levels/${index}/id`);
  }

  private handleLevelLabel(index: number, locale: 'vi' | 'en', event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.edit(this.t('editLevel', index + 1), (q) => setLevelLabel(q, this.list, index, locale, text), `hierarchy/${this.list}/levels/${index}/label/${locale}`);
  }

  private handleSwitchList(list: HierarchyName): void {
    if (list === this.list) return;
    this.list = list;
    this.selectedKey = '';
    this.said = '';
  }

  private handleTreeKeydown(event: KeyboardEvent, rows: FlatItem[]): void {
    const current = this.selectedRow(rows);
    if (!current) return;
    const index = rows.indexOf(current);
    const { address, item } = current;
    const hasChildren = (item.children?.length ?? 0) > 0;
    const expanded = hasChildren && !this.collapsed.has(item.id);
    let handled = true;
    if (event.altKey) {
      if (event.key === 'ArrowUp') this.handleMove(address, -1, true);
      else if (event.key === 'ArrowDown') this.handleMove(address, 1, true);
      else if (event.key === 'ArrowRight') this.handleIndent(address, true);
      else if (event.key === 'ArrowLeft') this.handleOutdent(address, true);
      else handled = false;
    } else if (event.key === 'ArrowDown' && rows[index + 1]) void this.focusItem(rows[index + 1]!.address);
    else if (event.key === 'ArrowUp' && index > 0) void this.focusItem(rows[index - 1]!.address);
    else if (event.key === 'Home') void this.focusItem(rows[0]!.address);
    else if (event.key === 'End') void this.focusItem(rows[rows.length - 1]!.address);
    else if (event.key === 'ArrowRight' && hasChildren) {
      if (expanded) void this.focusItem([...address, 0]);
      else this.toggle(item, false);
    } else if (event.key === 'ArrowLeft') {
      if (expanded) this.toggle(item, true);
      else if (address.length > 1) void this.focusItem(address.slice(0, -1));
    } else if (event.key === 'Enter' || event.key === 'F2') void this.focusItem(address, 'label');
    else if (event.key === 'Delete') this.handleRemove(address);
    else handled = false;
    if (handled) event.preventDefault();
  }

  private toggle(item: HierarchyItem, collapse: boolean): void {
    const collapsed = new Set(this.collapsed);
    if (collapse) collapsed.add(item.id);
    else collapsed.delete(item.id);
    this.collapsed = collapsed;
  }

  private handlePaste(items: HierarchyItem[], parent: ItemAddress, count: number): void {
    this.edit(this.t('editPaste', count), (q) => pasteItems(q, this.list, parent, items));
    this.pasteText = '';
    this.announce(this.t('saidPasted', count));
  }

  /** Puts the focus on the field a problem is about. */
  private async handleGoToProblem(problem: HierarchyProblem): Promise<void> {
    if (problem.target === 'item') {
      this.selectedKey = keyOf(problem.address);
      await this.focusItem(problem.address, 'label');
      this.renderRoot.querySelector<HTMLElement>(`#item-${problem.field === 'label' ? 'label-vi' : problem.field}`)?.focus();
    } else {
      this.renderRoot.querySelector<HTMLElement>(`#level-${problem.address[0]}-${problem.field === 'label' ? 'label-vi' : 'id'}`)?.focus();
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  private problemText(problems: HierarchyProblem[]): string {
    return problems.map((problem) => inLanguage(problem.message, this.lang)).join(' ');
  }

  /** A text field with its own problems below it (aria-invalid, aria-describedby). */
  private field(id: string, label: string, value: string, problems: HierarchyProblem[], onInput: (event: Event) => void, lang?: string): TemplateResult {
    const invalid = problems.length > 0;
    return html`<label for=${id}
      >${label}
      <input
        id=${id}
        lang=${lang ?? nothing}
        .value=${live(value)}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? `${id}-error` : nothing}
        autocomplete="off"
        spellcheck="false"
        @input=${onInput}
      />
      ${invalid ? html`<span id="${id}-error" class="error-text">${this.problemText(problems)}</span>` : nothing}
    </label>`;
  }

  private renderSwitch(): TemplateResult {
    return html`<div class="switch" role="group" aria-label=${this.t('whichList')}>
      ${(['units', 'serviceFields'] as const).map(
        (list) => html`<button type="button" aria-pressed=${this.list === list ? 'true' : 'false'} data-list=${list} @click=${() => this.handleSwitchList(list)}>
          ${this.t(list)}
        </button>`,
      )}
    </div>`;
  }

  private renderLevels(hierarchy: Hierarchy, problems: HierarchyProblem[]): TemplateResult {
    const levels = hierarchy.levels ?? [];
    const at = (index: number, field: HierarchyProblem['field']) => problems.filter((p) => p.target === 'level' && p.address[0] === index && p.field === field);
    return html`<section aria-labelledby="levels-heading">
      <h3 id="levels-heading">${this.t('levels')}</h3>
      <p class="help muted">${this.t('levelsHelp')}</p>
      ${levels.length === 0 ? html`<p class="muted">${this.t('noLevels')}</p>` : nothing}
      <ol class="levels">
        ${levels.map(
          (level, index) => html`<li class="level">
            <span class="name">${this.t('levelN', index + 1)}</span>
            ${this.field(`level-${index}-id`, `${this.t('id')} (${this.t('levelN', index + 1)})`, level.id, at(index, 'id'), (e) => this.handleLevelId(index, e))}
            ${this.field(`level-${index}-label-vi`, `${this.t('labelVi')} (${this.t('levelN', index + 1)})`, textOf(level.label, 'vi'), at(index, 'label'), (e) => this.handleLevelLabel(index, 'vi', e), 'vi')}
            ${this.field(`level-${index}-label-en`, `${this.t('labelEn')} (${this.t('levelN', index + 1)})`, textOf(level.label, 'en'), [], (e) => this.handleLevelLabel(index, 'en', e), 'en')}
            <span class="row-buttons">
              <button type="button" aria-label=${this.t('levelUp', index + 1)} ?disabled=${index === 0} @click=${() => this.handleMoveLevel(index, -1)}>↑</button>
              <button type="button" aria-label=${this.t('levelDown', index + 1)} ?disabled=${index === levels.length - 1} @click=${() => this.handleMoveLevel(index, 1)}>↓</button>
              <button type="button" aria-label=${this.t('removeLevel', index + 1)} @click=${() => this.handleRemoveLevel(index)}>✕</button>
            </span>
          </li>`,
        )}
      </ol>
      <p><button type="button" @click=${this.handleAddLevel}>${this.t('addLevel')}</button></p>
    </section>`;
  }

  private renderTree(rows: FlatItem[], selected: FlatItem | undefined, problems: HierarchyProblem[]): TemplateResult {
    const countAt = (address: number[]) => problems.filter((p) => p.target === 'item' && keyOf(p.address) === keyOf(address)).length;
    return html`<div>
      <ul role="tree" part="tree" aria-label=${this.t('treeLabel', this.t(this.list))} aria-describedby="tree-help" @keydown=${(e: KeyboardEvent) => this.handleTreeKeydown(e, rows)}>
        ${rows.map((row) => {
          const isSelected = row === selected;
          const hasChildren = (row.item.children?.length ?? 0) > 0;
          const expanded = hasChildren && !this.collapsed.has(row.item.id);
          const errors = countAt(row.address);
          return html`<li
            role="treeitem"
            data-address=${keyOf(row.address)}
            aria-level=${row.depth + 1}
            aria-posinset=${row.position}
            aria-setsize=${row.siblings}
            aria-expanded=${hasChildren ? String(expanded) : nothing}
            aria-selected=${isSelected ? 'true' : 'false'}
            tabindex=${isSelected ? 0 : -1}
            ${cssomStyle({ '--depth': String(row.depth) })}
            @click=${() => void this.focusItem(row.address)}
          >
            <span
              class="toggle"
              aria-hidden="true"
              @click=${(e: Event) => {
                if (!hasChildren) return;
                e.stopPropagation();
                this.toggle(row.item, expanded);
              }}
              >${hasChildren ? (expanded ? '▾' : '▸') : '·'}</span
            >
            <span>${this.labelOf(row.item)}</span>
            <span class="item-id muted">${row.item.id}</span>
            ${errors > 0 ? html`<span class="badge">⚠ ${this.t('itemErrors', errors)}</span>` : nothing}
          </li>`;
        })}
      </ul>
      <p id="tree-help" class="help muted">${this.t('treeHelp')}</p>
    </div>`;
  }

  private renderDetails(selected: FlatItem | undefined, hierarchy: Hierarchy, problems: HierarchyProblem[]): TemplateResult {
    if (!selected) return html`<div class="details" part="details"><p class="muted">${this.t('noSelection')}</p></div>`;
    const { item, address } = selected;
    const at = (field: HierarchyProblem['field']) => problems.filter((p) => p.target === 'item' && keyOf(p.address) === keyOf(address) && p.field === field);
    const levelProblems = at('level');
    const last = this.isLastItem(address);
    return html`<section class="details" part="details" aria-labelledby="details-heading">
      <h3 id="details-heading">${this.t('selectedItem')}: ${this.labelOf(item)}</h3>
      <div class="actions" role="group" aria-label=${this.t('itemActions')}>
        <button type="button" @click=${() => this.handleAddChild(address)}>${this.t('addChild')}</button>
        <button type="button" @click=${() => this.handleAddSibling(address)}>${this.t('addSibling')}</button>
        <button type="button" @click=${() => this.handleMove(address, -1, false)}>${this.t('moveUp')}</button>
        <button type="button" @click=${() => this.handleMove(address, 1, false)}>${this.t('moveDown')}</button>
        <button type="button" ?disabled=${!canIndent(address)} @click=${() => this.handleIndent(address, false)}>${this.t('indent')}</button>
        <button type="button" ?disabled=${!canOutdent(address)} @click=${() => this.handleOutdent(address, false)}>${this.t('outdent')}</button>
        <button type="button" ?disabled=${last} aria-describedby=${last ? 'last-item' : nothing} @click=${() => this.handleRemove(address)}>${this.t('remove')}</button>
      </div>
      ${last ? html`<p id="last-item" class="help muted">${this.t('lastItem')}</p>` : nothing}
      ${this.field('item-label-vi', this.t('labelVi'), textOf(item.label, 'vi'), at('label'), (e) => this.handleItemLabel(address, 'vi', e), 'vi')}
      ${this.field('item-label-en', this.t('labelEn'), textOf(item.label, 'en'), [], (e) => this.handleItemLabel(address, 'en', e), 'en')}
      ${this.field('item-id', this.t('id'), item.id, at('id'), (e) => this.handleItemId(address, e))}
      <label for="item-level"
        >${this.t('level')}
        <select
          id="item-level"
          aria-invalid=${levelProblems.length ? 'true' : 'false'}
          aria-describedby=${levelProblems.length ? 'item-level-error' : nothing}
          @change=${(e: Event) => this.handleItemField(address, 'level', e)}
        >
          <option value="" ?selected=${item.level === undefined}>${this.t('noLevel')}</option>
          ${(hierarchy.levels ?? []).map((level) => html`<option value=${level.id} ?selected=${item.level === level.id}>${localize(level.label, this.lang) || level.id}</option>`)}
          ${levelProblems.length ? html`<option value=${item.level!} selected>${item.level}</option>` : nothing}
        </select>
        ${levelProblems.length ? html`<span id="item-level-error" class="error-text">${this.problemText(levelProblems)}</span>` : nothing}
      </label>
      ${this.field('item-officialCode', this.t('officialCode'), item.officialCode ?? '', [], (e) => this.handleItemField(address, 'officialCode', e))}
    </section>`;
  }

  private renderProblems(problems: HierarchyProblem[]): TemplateResult | typeof nothing {
    if (problems.length === 0) return nothing;
    const where = (problem: HierarchyProblem) =>
      problem.target === 'level' ? this.t('levelN', problem.address[0]! + 1) : this.labelOf(itemAt(this.hierarchy, problem.address)) || keyOf(problem.address);
    return html`<section aria-labelledby="problems-heading">
      <h3 id="problems-heading" class="error-text">${this.t('errors')}</h3>
      <ul class="problems">
        ${problems.map(
          (problem) => html`<li>
            <button type="button" @click=${() => void this.handleGoToProblem(problem)}>${this.t('goTo', where(problem), inLanguage(problem.message, this.lang))}</button>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderPaste(hierarchy: Hierarchy | undefined, selected: FlatItem | undefined): TemplateResult {
    const underSelected = this.pasteTarget === 'selected' && selected !== undefined;
    const parent = underSelected ? selected.address : [];
    const parsed = parsePastedItems(this.pasteText, {
      taken: idsOf(hierarchy),
      levels: hierarchy?.levels?.map((level) => level.id) ?? [],
      baseDepth: parent.length,
    });
    const count = parsed.rows.length;
    return html`<section class="paste" part="paste" aria-labelledby="paste-heading">
      <h3 id="paste-heading">${this.t('paste')}</h3>
      <p id="paste-help" class="help muted">${this.t('pasteHelp')}</p>
      <label for="paste-text"
        >${this.t('pasteText')}
        <textarea
          id="paste-text"
          aria-describedby="paste-help"
          spellcheck="false"
          .value=${live(this.pasteText)}
          @input=${(e: Event) => (this.pasteText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </label>
      <label for="paste-target"
        >${this.t('pasteTarget')}
        <select id="paste-target" @change=${(e: Event) => (this.pasteTarget = (e.target as HTMLSelectElement).value as PasteTarget)}>
          <option value="top" ?selected=${!underSelected}>${this.t('pasteTop')}</option>
          ${selected ? html`<option value="selected" ?selected=${underSelected}>${this.t('pasteUnder', this.labelOf(selected.item))}</option>` : nothing}
        </select>
      </label>
      ${count > 0
        ? html`<p id="paste-preview-heading">${this.t('preview', count)}</p>
            <ul class="preview" aria-labelledby="paste-preview-heading">
              ${parsed.rows.map(
                (row) => html`<li ${cssomStyle({ '--depth': String(row.depth) })}>
                  ${row.label} — <span class="item-id">${row.id}</span>${row.generatedId ? html` <span class="muted">(${this.t('generated')})</span>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${parsed.problems.length
        ? html`<ul class="problems" id="paste-problems">
            ${parsed.problems.map((problem) => html`<li class="error-text">${inLanguage(problem.message, this.lang)}</li>`)}
          </ul>`
        : nothing}
      <p>
        <button
          type="button"
          class="primary"
          ?disabled=${count === 0 || parsed.problems.length > 0}
          aria-describedby=${parsed.problems.length ? 'paste-problems' : nothing}
          @click=${() => this.handlePaste(parsed.items, parent, count)}
        >
          ${this.t('pasteAdd')}
        </button>
      </p>
    </section>`;
  }

  private renderDialog(): TemplateResult {
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${() => this.handleConfirm(false)}>
      <h3 id="confirm-title">${this.t('confirmTitle')}</h3>
      <p id="confirm-text">${this.pendingConfirm?.text ?? ''}</p>
      <div class="actions">
        <button type="button" data-confirm="cancel" @click=${() => this.handleConfirm(false)}>${this.t('cancel')}</button>
        <button type="button" class="primary" data-confirm="remove" @click=${() => this.handleConfirm(true)}>${this.t('confirmRemove')}</button>
      </div>
    </dialog>`;
  }

  override render(): TemplateResult {
    const hierarchy = this.hierarchy;
    const problems = hierarchyProblems(hierarchy);
    const rows = this.visibleRows();
    const selected = this.selectedRow(rows);
    return html`<div part="base" lang=${this.lang}>
      <h2>${this.t('heading')}</h2>
      ${this.renderSwitch()}
      <p class="help muted">${this.t('help')}</p>
      ${hierarchy
        ? html`${this.renderLevels(hierarchy, problems)}
            <h3>${this.t('items')}</h3>
            ${this.renderProblems(problems)}
            <div class="workspace">${this.renderTree(rows, selected, problems)} ${this.renderDetails(selected, hierarchy, problems)}</div>`
        : html`<p>${this.t('noList')}</p>
            <p><button type="button" @click=${this.handleCreateList} ?disabled=${!this.questionnaire}>${this.t('createList')}</button></p>`}
      ${this.questionnaire ? this.renderPaste(hierarchy, selected) : nothing}
      <p role="status" class="visually-hidden">${this.said}</p>
      ${this.renderDialog()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-hierarchy': SipasDesignerHierarchy;
  }
}
