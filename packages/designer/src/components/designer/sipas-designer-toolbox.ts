import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { inLanguage } from '@sipas/schema';
import { designerTypes, type DesignerTypeCatalog, type DesignerTypeEntry, type ToolboxGroup } from '../../model/question-catalog.js';
import { withoutDiacritics } from '../../model/values.js';
import { t, type DesignerStringKey } from '../../i18n.js';
import { partStyles } from '../part-styles.js';

export const TOOLBOX_INSERT = 'sipas-toolbox-insert';
export const TOOLBOX_PRESS = 'sipas-toolbox-press';

export interface ToolboxInsertDetail {
  type: string;
}

export interface ToolboxPressDetail {
  type: string;
  event: PointerEvent;
}

const GROUPS: [ToolboxGroup, DesignerStringKey][] = [
  ['choice', 'groupChoice'],
  ['scale', 'groupScale'],
  ['text', 'groupText'],
  ['other', 'groupOther'],
];

/** Lower case without diacritics, so "hai long" finds "Hài lòng" and "d" finds "đ". */
const folded = (text: string) => withoutDiacritics(text).toLowerCase();

/**
 * The toolbox: every question type the designer can add (built-in, then registered ones), grouped
 * and searchable without diacritics ("hai long" finds "Hài lòng"). A click or Enter asks to insert
 * the type after the selection; a pointer press tells the designer a drag may start (it owns drag
 * and drop across its parts).
 *
 * @summary The designer's question types, grouped and searchable.
 *
 * @event sipas-toolbox-insert - A type was chosen with a click or Enter (bubbles, composed). detail: { type }
 * @event sipas-toolbox-press - A pointer went down on a type: a drag may start (bubbles, composed). detail: { type, event }
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerToolbox extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      h3 {
        font-size: 0.8125rem;
        text-transform: uppercase;
        letter-spacing: 0.04em;
        color: var(--_muted);
        margin: 0.75rem 0 0.25rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      li button {
        width: 100%;
        display: flex;
        gap: 0.5rem;
        align-items: center;
        text-align: start;
        touch-action: none;
        user-select: none;
      }
      .icon {
        inline-size: 1.5rem;
        text-align: center;
        font-weight: 600;
      }
      .hint {
        font-size: 0.8125rem;
        margin: 0.5rem 0 0;
      }
    `,
  ];

  @property() override lang = 'vi';
  @property({ attribute: false }) catalog: DesignerTypeCatalog = designerTypes;
  @property({ attribute: false }) types: CoreTypeRegistry = coreTypes;
  @state() private query = '';

  private matchesQuery(entry: DesignerTypeEntry): boolean {
    const query = folded(this.query.trim());
    return query === '' || [entry.type, entry.label.vi, entry.label.en].some((text) => folded(text).includes(query));
  }

  override render() {
    const entries = this.catalog.list(this.types).filter((entry) => this.matchesQuery(entry));
    return html`<h2 id="toolbox-title">${t('toolbox', this.lang)}</h2>
      <input
        type="search"
        aria-label=${t('searchTypes', this.lang)}
        placeholder=${t('searchTypes', this.lang)}
        .value=${this.query}
        @input=${(event: Event) => (this.query = (event.target as HTMLInputElement).value)}
      />
      ${entries.length === 0 ? html`<p role="status">${t('noTypes', this.lang)}</p>` : nothing}
      ${GROUPS.map(([group, heading]) => {
        const inGroup = entries.filter((entry) => entry.group === group);
        return inGroup.length === 0
          ? nothing
          : html`<h3 id=${`group-${group}`}>${t(heading, this.lang)}</h3>
              <ul aria-labelledby=${`group-${group}`}>
                ${inGroup.map(
                  (entry) => html`<li>
                    <button
                      type="button"
                      data-type=${entry.type}
                      aria-describedby="toolbox-hint"
                      @click=${() => this.emit<ToolboxInsertDetail>(TOOLBOX_INSERT, { type: entry.type })}
                      @pointerdown=${(event: PointerEvent) => this.emit<ToolboxPressDetail>(TOOLBOX_PRESS, { type: entry.type, event })}
                    >
                      <span class="icon" aria-hidden="true">${entry.icon}</span>${inLanguage(entry.label, this.lang)}
                    </button>
                  </li>`,
                )}
              </ul>`;
      })}
      <p class="hint muted" id="toolbox-hint">${t('toolboxHint', this.lang)}</p>`;
  }

  private emit<Detail>(type: string, detail: Detail): void {
    this.dispatchEvent(new CustomEvent<Detail>(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-toolbox': SipasDesignerToolbox;
  }
}
