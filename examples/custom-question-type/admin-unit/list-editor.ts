import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { themeTokens } from '@sipas/form';
import { formatUnitList, parseUnitList, type ParsedUnitList } from './unit-list.js';
import type { AdminUnit, AdminUnitQuestion } from './units.js';

const STRINGS = {
  label: { vi: 'Mỗi dòng một đơn vị', en: 'One unit a line' },
  format: {
    vi: 'Mã; tên; mã đơn vị cấp trên (để trống ở cấp cao nhất); tên tiếng Anh (không bắt buộc). Có thể dán từ bảng tính.',
    en: 'Code; name; code of the parent unit (empty on the top level); English name (optional). Pasting from a spreadsheet works.',
  },
  count: { vi: 'đơn vị', en: 'units' },
};

/**
 * The designer's editor of an `admin-unit` question's units: a text box with one unit a line,
 * `code; name; parent code; English name` (a tab instead of `;` when pasted from a spreadsheet).
 * Problems are listed by line; a valid list is handed to the property panel.
 *
 * One of the property panel's editors: the type's `designer.editors.units` names it, and
 * `<sipas-designer-properties>` creates it for the `units` field, sets `value`, `question` and
 * `lang`, and applies the value it reports (`sipas-property-value`, listened to on the element).
 *
 * @summary The designer's editor of an administrative-unit question's units, one a line.
 *
 * @event sipas-property-value - The parsed units, when the text is changed and valid. detail: { value }
 *
 * @csspart input - the text box
 * @csspart problems - the list of problems
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, text, muted, background, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasAdminUnitListEditor extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: block;
        color: var(--_text);
        font-family: var(--sipas-font-family, system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
        font-size: 0.9375rem;
      }
      label {
        display: block;
        font-weight: 600;
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 10rem;
        padding: 0.25rem 0.5rem;
        font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
        font-size: 0.875rem;
        color: inherit;
        background: var(--_background);
        border: 1px solid var(--_border);
        border-radius: 6px;
        tab-size: 12;
      }
      textarea[aria-invalid='true'] {
        border-color: var(--_error);
      }
      textarea:focus-visible {
        outline: 3px solid var(--_primary);
        outline-offset: 1px;
      }
      .hint {
        color: var(--_muted);
        margin: 0.25rem 0;
        font-size: 0.8125rem;
      }
      ul {
        color: var(--_error);
        margin: 0.25rem 0 0;
        padding-inline-start: 1.25rem;
      }
    `,
  ];

  /** The text as typed, until the value changes from outside (undo, another editor). */
  @state() private draft: string | undefined;
  /** The question's units. */
  @property({ attribute: false }) value?: AdminUnit[];
  /** The question being edited: its number of levels bounds the depth of the list. */
  @property({ attribute: false }) question?: Partial<AdminUnitQuestion>;
  /** The designer's interface language. */
  @property() override lang: 'vi' | 'en' = 'vi';

  /** The last list this editor handed over, to tell its own echo from an outside change. */
  private emitted: string | undefined;

  /** The last parse: a render after each key press re-reads a list of thousands of lines only when it changed. */
  private parsed: { text: string; levels?: number; previous?: AdminUnit[]; result: ParsedUnitList } | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value') && JSON.stringify(this.value ?? []) !== this.emitted) {
      this.draft = undefined;
      this.emitted = undefined;
    }
  }

  private get text(): string {
    return this.draft ?? formatUnitList(this.value ?? []);
  }

  private parse(text: string): ParsedUnitList {
    const levels = this.question?.levels?.length;
    const known = this.parsed;
    if (known && known.text === text && known.levels === levels && known.previous === this.value) return known.result;
    const result = parseUnitList(text, { levels, previous: this.value });
    this.parsed = { text, levels, previous: this.value, result };
    return result;
  }

  private handleChange(text: string): void {
    this.draft = text;
    const { units, problems } = this.parse(text);
    if (problems.length > 0) return;
    const json = JSON.stringify(units);
    if (json === JSON.stringify(this.value ?? [])) return;
    this.emitted = json;
    this.dispatchEvent(new CustomEvent('sipas-property-value', { detail: { value: units } }));
  }

  private t(key: keyof typeof STRINGS): string {
    return STRINGS[key][this.lang === 'en' ? 'en' : 'vi'];
  }

  protected override render() {
    const text = this.text;
    const { units, problems } = this.parse(text);
    const language = this.lang === 'en' ? 'en' : 'vi';
    return html`<label for="units">${this.t('label')}</label>
      <p class="hint" id="format">${this.t('format')}</p>
      <textarea
        id="units"
        part="input"
        rows="10"
        spellcheck="false"
        wrap="off"
        aria-describedby="format status${problems.length > 0 ? ' problems' : ''}"
        aria-invalid=${problems.length > 0 ? 'true' : 'false'}
        .value=${live(text)}
        @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
        @change=${(event: Event) => this.handleChange((event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="hint" id="status" role="status">${units.length} ${this.t('count')}</p>
      ${problems.length === 0
        ? nothing
        : html`<ul id="problems" part="problems">
            ${problems.map((problem) => html`<li data-code=${problem.code} data-line=${problem.line}>${problem.message[language]}</li>`)}
          </ul>`}`;
  }
}
