/**
 * The parts of the data-entry sheet that only show state: the counts, the double-entry
 * comparison, the log of forms entered and the keyboard map. The element renders the items and
 * routes the keys.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Response, ValidationError } from '@sipas/schema';
import type { EntryDifference, EntrySnapshot } from './entry-record.js';
import { entryText, KEY_MAP } from './entry-text.js';

export type Delivery = 'saving' | 'stored' | 'queued' | 'sent' | 'rejected';

/** One form entered in this session, as the log beside the sheet shows it. */
export interface LogEntry {
  responseId: string;
  serial: string;
  delivery: Delivery;
  response: Response;
  errors: ValidationError[];
}

/** Two entries of one paper form that differ, and what the clerk chose for each item. */
export interface Resolution {
  serial: string;
  first: EntrySnapshot;
  second: EntrySnapshot;
  differences: EntryDifference[];
  choices: Map<string, 'first' | 'second'>;
}

type Language = 'vi' | 'en';

export function renderCounts(language: Language, counts: { session: number; device: number | undefined; persistent: boolean; waiting: string[] }): TemplateResult {
  return html`<p class="counts">
    <span><strong>${entryText('sessionCount', language, counts.session)}</strong></span>
    ${counts.device === undefined ? nothing : html`<span>${entryText(counts.persistent ? 'deviceCount' : 'deviceCountMemory', language, counts.device)}</span>`}
    ${counts.waiting.length > 0 ? html`<span>${entryText('pendingFirst', language, counts.waiting.join(', '))}</span>` : nothing}
  </p>`;
}

/** The items two entries differ in, each a pair of radio buttons (keys 1 and 2 pick). */
export function renderDifferences(
  language: Language,
  resolution: Resolution,
  on: { change: (event: Event) => void; keydown: (event: KeyboardEvent) => void; resolve: () => void; cancel: () => void },
): TemplateResult {
  return html`<section class="differences" part="differences" aria-labelledby="differences-title">
    <h2 id="differences-title">${entryText('differencesTitle', language, resolution.serial, resolution.differences.length)}</h2>
    <p>${entryText('differencesHelp', language)}</p>
    ${resolution.differences.map((difference, index) => {
      const chosen = resolution.choices.get(difference.id);
      const legend = difference.number ? `${entryText('item', language, difference.number)} — ${difference.title}` : difference.title;
      return html`<fieldset class="difference">
        <legend>${legend}</legend>
        ${(['first', 'second'] as const).map(
          (version) => html`<label>
            <input
              type="radio"
              name=${`difference-${index}`}
              value=${version}
              data-difference=${difference.id}
              .checked=${live(chosen === version)}
              @change=${on.change}
              @keydown=${on.keydown}
            />
            <kbd>${version === 'first' ? '1' : '2'}</kbd> ${entryText(version === 'first' ? 'firstEntry' : 'secondEntry', language)}:
            <strong>${version === 'first' ? difference.firstText : difference.secondText}</strong>
          </label>`,
        )}
      </fieldset>`;
    })}
    <div class="actions">
      <button type="button" class="primary resolve" @click=${on.resolve}>${entryText('resolve', language)}</button>
      <button type="button" @click=${on.cancel}>${entryText('cancel', language)}</button>
    </div>
  </section>`;
}

/** The forms entered in this session and where each is on its way to the server. */
export function renderLog(language: Language, log: readonly LogEntry[], reopen: (entry: LogEntry) => void): TemplateResult | typeof nothing {
  if (log.length === 0) return nothing;
  return html`<section class="log" part="log" aria-labelledby="log-title">
    <h2 id="log-title">${entryText('log', language)}</h2>
    <ol>
      ${log.map(
        (entry) => html`<li class=${entry.delivery}>
          <span>${entryText('serial', language)} <strong>${entry.serial}</strong></span>
          <span>${entryText(entry.delivery, language)}</span>
          ${entry.delivery === 'rejected'
            ? html`<span>${entry.errors.map((error) => error.message[language]).join('; ')}</span>
                <button type="button" class="link" @click=${() => reopen(entry)}>${entryText('reopen', language, entry.serial)}</button>`
            : nothing}
        </li>`,
      )}
    </ol>
  </section>`;
}

export function renderKeys(language: Language): TemplateResult {
  return html`<details class="keys">
    <summary>${entryText('keysTitle', language)}</summary>
    <table>
      <thead>
        <tr>
          <th scope="col">${entryText('key', language)}</th>
          <th scope="col">${entryText('keyAction', language)}</th>
        </tr>
      </thead>
      <tbody>
        ${KEY_MAP.map((entry) => html`<tr><td><kbd>${entry.keys}</kbd></td><td>${entry[language]}</td></tr>`)}
      </tbody>
    </table>
  </details>`;
}
