import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { SipasQuestionElement } from '@sipas/form';
import { treeOf, type AdminUnitQuestion, type PlacedUnit, type UnitTree } from './units.js';

/** How many units the search lists at most: more is noise on a phone; the respondent types on. */
const RESULT_LIMIT = 12;

const STRINGS = {
  choose: { vi: '— Chọn —', en: '— Choose —' },
  search: { vi: 'Tìm nhanh theo tên', en: 'Search by name' },
  searchHint: {
    vi: 'Gõ một phần tên, không cần dấu (ví dụ: sai gon), rồi chọn trong kết quả; hoặc chọn lần lượt từng cấp bên dưới.',
    en: 'Type part of a name, accents optional (e.g. sai gon), then pick a result; or choose level by level below.',
  },
  results: { vi: 'Kết quả tìm kiếm', en: 'Search results' },
};

type StringKey = keyof typeof STRINGS;

/**
 * An administrative unit chosen level by level: one native list per level, each offering the units
 * under the one chosen above it, and a search box that finds a unit by part of its name without
 * diacritics ("sai gon" finds Phường Sài Gòn) and sets the whole path at once. The levels and the
 * units are data in the question (`levels`, `units`), so one element serves the two levels in
 * force since July 2025 and the three of older surveys. The answer is the path of codes, top first.
 *
 * It is not placed by hand: index.ts registers the `admin-unit` type with this element, and
 * `<sipas-form>` creates one for each `admin-unit` question and sets `form`, `name` and `number`.
 * It renders into the form's shadow root like the built-in questions (it has none of its own), so
 * the form's stylesheet and classes apply and its parts are styled through the form:
 * `sipas-form::part(...)`. No inline styles, no eval (strict CSP).
 *
 * @summary An administrative unit (province, commune…) chosen level by level or found by name.
 *
 * @csspart question - the question's frame
 * @csspart question-title - its title, with the number and the required marker
 * @csspart question-description - its description
 * @csspart question-error - the error shown under it
 * @csspart input - the list of each level
 * @csspart search-input - the search box
 * @csspart search-result - one unit found (a button)
 */
export class SipasAdminUnit extends SipasQuestionElement {
  /** What is typed in the search box. */
  @state() private query = '';

  private get own(): AdminUnitQuestion {
    return this.question as AdminUnitQuestion;
  }

  private get tree(): UnitTree {
    return treeOf(this.own);
  }

  /** The chosen codes the lists can show: the answer as far as it is a real path. */
  private get path(): string[] {
    const value = this.value;
    return this.tree.validPrefix(Array.isArray(value) ? value.map(String) : []);
  }

  private t(key: StringKey): string {
    return this.locale === 'vi' ? STRINGS[key].vi : STRINGS[key].en;
  }

  private levelId(depth: number): string {
    // The top level's list is the question's input, so labels and error links find it as on a dropdown.
    return depth === 0 ? this.idOf('input') : `${this.idOf('input')}-${depth}`;
  }

  private partId(part: 'search' | 'search-hint' | 'search-status' | 'search-results'): string {
    return `${this.idOf('input')}-${part}`;
  }

  private byId<T extends HTMLElement>(id: string): T | null {
    return this.querySelector<T>(`#${CSS.escape(id)}`);
  }

  /** Choosing on a level keeps the levels above and clears those below: they belonged to the old choice. */
  private handleChoose(depth: number, code: string): void {
    const path = [...this.path.slice(0, depth), ...(code ? [code] : [])];
    this.commit(this.name, path.length > 0 ? path : undefined);
  }

  private async handlePick(found: PlacedUnit): Promise<void> {
    this.query = '';
    this.commit(this.name, found.path);
    await this.updateComplete;
    // On to the next level when there is one to choose, else back to the list that shows the choice.
    const next = this.tree.hasChildren(found.unit.code) && found.depth + 1 < this.tree.levels.length ? found.depth + 1 : found.depth;
    this.byId(this.levelId(next))?.focus();
  }

  private results(): HTMLButtonElement[] {
    return [...(this.byId(this.partId('search-results'))?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  }

  private handleSearchKey(event: KeyboardEvent, matches: PlacedUnit[]): void {
    if (event.key === 'ArrowDown' && matches.length > 0) {
      event.preventDefault();
      this.results()[0]?.focus();
    } else if (event.key === 'Enter' && matches.length > 0) {
      event.preventDefault();
      if (matches.length === 1) void this.handlePick(matches[0]!);
      else this.results()[0]?.focus();
    } else if (event.key === 'Escape' && this.query !== '') {
      event.preventDefault();
      event.stopPropagation();
      this.query = '';
    }
  }

  private handleResultKey(event: KeyboardEvent, index: number): void {
    const results = this.results();
    const search = this.byId(this.partId('search'));
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const target = event.key === 'ArrowDown' ? results[Math.min(index + 1, results.length - 1)] : index === 0 ? search : results[index - 1];
      target?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.query = '';
      search?.focus();
    }
  }

  /** Puts the keyboard on the first level still to choose (error summary links, page changes). */
  override focusInput(): void {
    const lists = this.tree.levels.map((_, depth) => this.byId<HTMLSelectElement>(this.levelId(depth)));
    const open = lists.find((list) => list && !list.disabled && list.value === '');
    (open ?? lists[0])?.focus();
  }

  private renderStatus(shown: number, total: number): string {
    if (this.query.trim() === '') return '';
    const vi = this.locale === 'vi';
    if (total === 0) return vi ? `Không tìm thấy đơn vị nào khớp với “${this.query.trim()}”.` : `No unit matches “${this.query.trim()}”.`;
    if (shown < total) return vi ? `${total} kết quả; hiện ${shown} kết quả đầu, gõ thêm để thu hẹp.` : `${total} results; the first ${shown} are shown, type more to narrow them.`;
    return vi ? `${total} kết quả.` : `${total} result${total === 1 ? '' : 's'}.`;
  }

  /** The live region stays in place when silent (hidden, not removed), so that what it says next is announced. */
  private renderStatusLine(status: string): TemplateResult {
    return html`<p class="description ${status ? '' : 'visually-hidden'}" id=${this.partId('search-status')} role="status">${status}</p>`;
  }

  /** The search box, what it found, and the results: items of the picker's grid, so the form's spacing applies. */
  private renderSearch(): TemplateResult {
    const { matches, total } = this.tree.search(this.query, RESULT_LIMIT);
    return html`<div class="admin-unit-search">
        <label for=${this.partId('search')}>${this.t('search')}</label>
        <input
          type="text"
          id=${this.partId('search')}
          part="search-input"
          autocomplete="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-describedby=${this.partId('search-hint')}
          .value=${live(this.query)}
          ?disabled=${this.disabled}
          @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
          @keydown=${(event: KeyboardEvent) => this.handleSearchKey(event, matches)}
        />
        <p class="description" id=${this.partId('search-hint')}>${this.t('searchHint')}</p>
      </div>
      ${this.renderStatusLine(this.renderStatus(matches.length, total))}
      ${matches.length === 0
        ? nothing
        : html`<div class="choices" data-columns="1" id=${this.partId('search-results')} role="group" aria-label=${this.t('results')}>
            ${matches.map(
              (found, index) => html`<button
                type="button"
                class="choice"
                part="search-result"
                data-code=${found.unit.code}
                @click=${() => void this.handlePick(found)}
                @keydown=${(event: KeyboardEvent) => this.handleResultKey(event, index)}
              >
                ${this.tree.address(found.path, this.locale)}
              </button>`,
            )}
          </div>`}`;
  }

  private renderLevel(depth: number, path: string[]): TemplateResult {
    const level = this.tree.levels[depth]!;
    const parent = depth === 0 ? undefined : path[depth - 1];
    const units = depth === 0 || parent !== undefined ? this.tree.children(parent) : [];
    const selected = path[depth] ?? '';
    const id = this.levelId(depth);
    const disabled = this.disabled || units.length === 0;
    return html`<div class="admin-unit-level">
      <label for=${id}>${this.text(level.title)}</label>
      <select
        id=${id}
        part="input"
        data-level=${level.name}
        .value=${live(selected)}
        ?disabled=${disabled}
        aria-invalid=${disabled ? nothing : this.invalid}
        aria-describedby=${this.describedBy}
        @change=${(event: Event) => this.handleChoose(depth, (event.target as HTMLSelectElement).value)}
      >
        <option value="">${this.t('choose')}</option>
        ${units.map((unit) => html`<option value=${unit.code} ?selected=${unit.code === selected}>${this.text(unit.name)}</option>`)}
      </select>
    </div>`;
  }

  protected override render() {
    const path = this.path;
    return this.renderFrame(
      html`<div class="admin-unit choices" data-columns="1" role="group" aria-labelledby=${this.idOf('title')} aria-describedby=${this.describedBy}>
        ${this.own.searchable === false ? nothing : this.renderSearch()} ${this.tree.levels.map((_, depth) => this.renderLevel(depth, path))}
      </div>`,
      true,
    );
  }
}
