import { LitElement, css, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Questionnaire } from '@sipas/schema';
import { requestEdit, requestSelect } from '../../model/edit.js';
import {
  collectTexts,
  documentLocales,
  fromCsv,
  missing,
  setText,
  TextEditError,
  toCsv,
  type CsvImportError,
  type TextRow,
} from '../../model/translations.js';
import { partStyles } from '../part-styles.js';
import { fieldLabel, ownerLabel } from './text-labels.js';
import { tr } from './translations-strings.js';

/** How long the exported file's blob URL lives: long enough for any browser to start the download. */
const DOWNLOAD_URL_LIFETIME_MS = 30_000;

/**
 * The translations view: every text of the questionnaire in a table, Vietnamese and English side by
 * side, each cell editable; untranslated texts are marked and can be shown alone; the table goes
 * out to translators as CSV and comes back.
 *
 * A part of `<sipas-designer>`, usable on its own: it never changes the document it is given, and
 * asks for each change with a `sipas-designer-edit` event that the designer (or any host) applies
 * before handing the new document back.
 *
 * @summary Every text of a questionnaire, Vietnamese and English side by side.
 *
 * @event sipas-designer-edit - A cell was edited or a CSV imported (bubbles, composed; see model/edit.ts).
 * @event sipas-designer-select - The owner of a row was pressed (bubbles, composed). detail: { path }, the text's JSON pointer
 *
 * @csspart base - the view's wrapper
 * @csspart table - the table of texts
 *
 * @cssproperty --sipas-color-* - the SIPAS palette, shared with `<sipas-form>`: primary, on-primary, text, muted, background, surface, chosen, border, error
 * @cssproperty --sipas-font-family - the font
 */
export class SipasDesignerTranslations extends LitElement {
  static override styles = [
    partStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.125rem;
        margin: 0 0 0.5rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        margin-block-end: 0.5rem;
      }
      .toolbar label {
        display: inline-flex;
        gap: 0.375rem;
        align-items: center;
      }
      .count {
        margin: 0;
        font-weight: 600;
      }
      .buttons {
        display: flex;
        gap: 0.5rem;
        margin-inline-start: auto;
      }
      .help {
        margin: 0 0 0.5rem;
        font-size: 0.8125rem;
      }
      .errors {
        margin: 0 0 0.75rem;
        padding-inline-start: 1.25rem;
      }
      table {
        inline-size: 100%;
        border-collapse: collapse;
        table-layout: fixed;
      }
      th,
      td {
        border-block-end: 1px solid var(--_border);
        padding: 0.375rem;
        vertical-align: top;
        text-align: start;
      }
      thead th {
        position: sticky;
        inset-block-start: 0;
        background: var(--_surface);
        z-index: 1;
      }
      .owner-column {
        inline-size: 22%;
      }
      tbody tr {
        /* 300+ rows: let the browser skip laying out rows that are off screen. */
        content-visibility: auto;
        contain-intrinsic-size: auto 4.5rem;
      }
      tbody th {
        font-weight: normal;
      }
      .owner {
        min-height: 0;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_primary);
        text-decoration: underline;
        text-align: start;
      }
      .field {
        display: block;
        font-size: 0.8125rem;
      }
      textarea {
        resize: vertical;
        min-block-size: 2.5rem;
      }
      td.missing textarea {
        border-style: dashed;
        border-color: var(--_error);
        background: var(--_surface);
      }
      .marker {
        display: block;
        font-size: 0.75rem;
        color: var(--_error);
      }
    `,
  ];

  @query('input[type="file"]') private fileInput!: HTMLInputElement;

  /** Rows the filter keeps although translated since it was turned on: a row must not vanish under the cursor. */
  @state() private keptVisible = new Set<string>();
  /** Pointers whose Vietnamese cell was emptied (not applied: Vietnamese cannot be empty). */
  @state() private emptiedVietnamese = new Set<string>();
  @state() private onlyMissing = false;
  @state() private importStatus = '';
  @state() private importErrors: CsvImportError[] = [];

  /** The document whose texts are shown. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** Interface language: 'vi' (default) or 'en'. */
  @property() override lang = 'vi';

  /** The locales shown as columns: Vietnamese first, English at least. */
  private get locales(): string[] {
    if (!this.questionnaire) return ['vi', 'en'];
    const locales = documentLocales(this.questionnaire);
    return locales.length > 1 ? locales : ['vi', 'en'];
  }

  private localeName(locale: string): string {
    if (locale === 'vi') return tr('localeVi', this.lang);
    if (locale === 'en') return tr('localeEn', this.lang);
    return locale;
  }

  private missingOf(row: TextRow): string[] {
    return missing(row, this.locales.slice(1));
  }

  private handleFilter(event: Event): void {
    this.onlyMissing = (event.target as HTMLInputElement).checked;
    this.keptVisible = new Set();
  }

  private handleInput(row: TextRow, locale: string, event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    if (this.onlyMissing && !this.keptVisible.has(row.pointer)) this.keptVisible = new Set(this.keptVisible).add(row.pointer);
    const emptied = new Set(this.emptiedVietnamese);
    if (locale === 'vi' && text.trim() === '') {
      this.emptiedVietnamese = emptied.add(row.pointer);
      return;
    }
    if (emptied.delete(row.pointer)) this.emptiedVietnamese = emptied;
    requestEdit(this, {
      label: tr('editText', this.lang, `${ownerLabel(row.owner, this.lang)} › ${fieldLabel(row.field, this.lang)}`, this.localeName(locale)),
      mergeKey: `text:${row.pointer}:${locale}`,
      apply: (questionnaire) => {
        try {
          return setText(questionnaire, row.path, locale, text);
        } catch (error) {
          // The text moved or went away since the keystroke (an undo in between): nothing to change.
          if (error instanceof TextEditError) return questionnaire;
          throw error;
        }
      },
    });
  }

  private handleExport(): void {
    if (!this.questionnaire) return;
    const blob = new Blob([toCsv(this.questionnaire, this.locales)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${this.questionnaire.id || 'questionnaire'}-translations.csv`;
    link.hidden = true;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
  }

  private async handleFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file || !this.questionnaire) return;
    let csv: string;
    try {
      csv = await file.text();
    } catch (error) {
      this.importErrors = [];
      this.importStatus = tr('importFailed', this.lang, error instanceof Error ? error.message : String(error));
      return;
    } finally {
      input.value = ''; // choosing the same file again must import again
    }
    const result = fromCsv(this.questionnaire, csv);
    this.importErrors = result.errors;
    this.importStatus = tr('importResult', this.lang, result.applied, result.changed, result.errors.length);
    if (result.changed > 0) {
      requestEdit(this, { label: tr('importEdit', this.lang), apply: (questionnaire) => fromCsv(questionnaire, csv).questionnaire });
    }
  }

  private renderCell(row: TextRow, locale: string, untranslated: boolean) {
    const emptied = locale === 'vi' && this.emptiedVietnamese.has(row.pointer);
    const errorId = `error-${row.pointer}`;
    const label = tr('cellLabel', this.lang, this.localeName(locale), ownerLabel(row.owner, this.lang), fieldLabel(row.field, this.lang));
    return html`<td class=${untranslated ? 'missing' : ''} lang=${locale}>
      <textarea
        rows="2"
        aria-label=${label}
        aria-invalid=${emptied ? 'true' : 'false'}
        aria-describedby=${emptied ? errorId : nothing}
        .value=${row.texts[locale] ?? ''}
        @input=${(event: Event) => this.handleInput(row, locale, event)}
      ></textarea>
      ${untranslated ? html`<span class="marker" aria-hidden="true">—</span><span class="visually-hidden">${tr('untranslated', this.lang)}</span>` : nothing}
      ${emptied ? html`<p class="error-text" id=${errorId} lang=${this.lang}>${tr('viRequired', this.lang)}</p>` : nothing}
    </td>`;
  }

  private renderRow(row: TextRow) {
    const untranslated = this.missingOf(row);
    return html`<tr class=${untranslated.length > 0 ? 'missing' : ''} data-pointer=${row.pointer}>
      <th scope="row">
        <button type="button" class="owner" @click=${() => requestSelect(this, row.pointer)}>${ownerLabel(row.owner, this.lang)}</button>
        <span class="field muted">${fieldLabel(row.field, this.lang)}</span>
      </th>
      ${this.locales.map((locale) => this.renderCell(row, locale, untranslated.includes(locale)))}
    </tr>`;
  }

  override render() {
    const rows = this.questionnaire ? collectTexts(this.questionnaire) : [];
    const missingCount = rows.filter((row) => this.missingOf(row).length > 0).length;
    const shown = this.onlyMissing ? rows.filter((row) => this.missingOf(row).length > 0 || this.keptVisible.has(row.pointer)) : rows;
    const empty = rows.length === 0 ? tr('noTexts', this.lang) : shown.length === 0 ? tr('noneMissing', this.lang) : '';
    return html`<section part="base" aria-labelledby="heading">
      <h2 id="heading">${tr('heading', this.lang)}</h2>
      <div class="toolbar">
        <label><input type="checkbox" .checked=${this.onlyMissing} @change=${this.handleFilter} />${tr('onlyMissing', this.lang)}</label>
        <p class="count">${missingCount === 0 && rows.length > 0 ? tr('allTranslated', this.lang) : tr('missingCount', this.lang, missingCount, rows.length)}</p>
        <div class="buttons">
          <button type="button" ?disabled=${!this.questionnaire} @click=${this.handleExport}>${tr('exportCsv', this.lang)}</button>
          <button type="button" ?disabled=${!this.questionnaire} @click=${() => this.fileInput.click()}>${tr('importCsv', this.lang)}</button>
          <input type="file" accept=".csv,text/csv" hidden tabindex="-1" aria-label=${tr('importCsv', this.lang)} @change=${this.handleFile} />
        </div>
      </div>
      <p class="help muted">${tr('csvHelp', this.lang)}</p>
      <p role="status" class="import-status">${this.importStatus}</p>
      ${this.importErrors.length > 0
        ? html`<h3 class="visually-hidden">${tr('importErrors', this.lang)}</h3>
            <ul class="errors error-text" aria-label=${tr('importErrors', this.lang)}>
              ${this.importErrors.map((error) => html`<li>${tr('lineError', this.lang, error.line, error.message[this.lang === 'en' ? 'en' : 'vi'])}</li>`)}
            </ul>`
        : nothing}
      ${empty
        ? html`<p class="muted">${empty}</p>`
        : html`<table part="table">
            <caption class="visually-hidden">${tr('table', this.lang)}</caption>
            <thead>
              <tr>
                <th scope="col" class="owner-column">${tr('element', this.lang)}</th>
                ${this.locales.map((locale) => html`<th scope="col">${this.localeName(locale)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${repeat(shown, (row) => row.pointer, (row) => this.renderRow(row))}
            </tbody>
          </table>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sipas-designer-translations': SipasDesignerTranslations;
  }
}
