/**
 * The dashboard's blocks as Lit templates, from the view model. Every text from the data is
 * rendered as text (Lit escapes it); nothing here builds HTML from strings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, formatDateTime, formatDay, formatPercent, formatPeriod, formatRatio, NO_VALUE } from '../../format.js';
import { text, type ReportLanguage } from '../../i18n.js';
import type {
  CriterionGroup,
  ExpectationView,
  FigureView,
  FilterOption,
  ProgressView,
  RankingView,
  ReportLabels,
  TrendView,
} from '../../report-model.js';
import type { ReportLoadProblem } from '../../fetch-report.js';
import type { ReportFilters } from '../../types.js';

export function renderHeader(title: string, responses: number | undefined, generatedAt: string | undefined, filters: ReportFilters, language: ReportLanguage): TemplateResult {
  const facts: string[] = [];
  if (responses !== undefined) facts.push(text('responses', language, formatCount(responses, language)));
  if (filters.from && filters.to) facts.push(text('period', language, formatDay(filters.from, language), formatDay(filters.to, language)));
  else if (filters.from) facts.push(text('periodFrom', language, formatDay(filters.from, language)));
  else if (filters.to) facts.push(text('periodTo', language, formatDay(filters.to, language)));
  if (generatedAt) facts.push(text('generatedAt', language, formatDateTime(generatedAt, language)));
  // Not a <header>: inside a page the dashboard is a region, not the page's banner.
  return html`<div class="header" part="header">
    <h2 part="title">${title}</h2>
    ${facts.length > 0 ? html`<p class="meta" part="meta">${facts.join(' · ')}</p>` : nothing}
  </div>`;
}

export interface FilterFormOptions {
  filters: ReportFilters;
  units: FilterOption[];
  fields: FilterOption[];
  channels: FilterOption[];
  dateError: boolean;
  language: ReportLanguage;
  onSubmit: (event: SubmitEvent) => void;
  onClear: () => void;
}

/** A percentage, or the "—" of no data, which a screen reader says in words rather than as a dash. */
function percent(value: number | null | undefined, language: ReportLanguage): TemplateResult | string {
  if (value === null || value === undefined || !Number.isFinite(value)) return html`<span role="img" aria-label=${text('noData', language)}>${NO_VALUE}</span>`;
  return formatPercent(value, language);
}

const indent = (option: FilterOption): string => '\u00a0\u00a0\u00a0'.repeat(option.depth) + option.label;

function renderSelect(id: string, name: string, label: string, all: string, options: FilterOption[], value: string | undefined): TemplateResult {
  return html`<div class="filter-field">
    <label for=${id}>${label}</label>
    <select id=${id} name=${name} part="filter-input">
      <option value="" ?selected=${!value}>${all}</option>
      ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${indent(option)}</option>`)}
    </select>
  </div>`;
}

export function renderFilters(options: FilterFormOptions): TemplateResult {
  const { filters, language, dateError } = options;
  return html`<form class="filters-form" part="filters" novalidate @submit=${options.onSubmit}>
    <fieldset class="filters">
      <legend>${text('filters', language)}</legend>
      <div class="filter-fields">
        <div class="filter-field">
          <label for="filter-from">${text('from', language)}</label>
          <input
            id="filter-from"
            name="from"
            type="date"
            part="filter-input"
            value=${filters.from ?? ''}
            aria-invalid=${dateError ? 'true' : 'false'}
            aria-describedby=${dateError ? 'filter-error' : nothing}
          />
        </div>
        <div class="filter-field">
          <label for="filter-to">${text('to', language)}</label>
          <input id="filter-to" name="to" type="date" part="filter-input" value=${filters.to ?? ''} aria-invalid=${dateError ? 'true' : 'false'} />
        </div>
        ${renderSelect('filter-unit', 'unit', text('unit', language), text('allUnits', language), options.units, filters.unit)}
        ${renderSelect('filter-field', 'field', text('field', language), text('allFields', language), options.fields, filters.field)}
        ${renderSelect('filter-channel', 'channel', text('channel', language), text('allChannels', language), options.channels, filters.channel)}
      </div>
      ${dateError ? html`<p class="filter-error" id="filter-error" role="alert">${text('dateOrder', language)}</p>` : nothing}
      <div class="filter-actions">
        <button type="submit" class="primary" part="button apply-button">${text('apply', language)}</button>
        <button type="button" part="button clear-button" @click=${options.onClear}>${text('clear', language)}</button>
      </div>
    </fieldset>
  </form>`;
}

export function renderProblem(problem: ReportLoadProblem, labels: ReportLabels, onRetry: (() => void) | undefined): TemplateResult {
  const language = labels.language;
  const detail = problem.detail === undefined ? undefined : labels.localize(problem.detail, '');
  return html`<div class="problem" part="error" role="alert" data-kind=${problem.kind}>
    <p class="problem-title">${language === 'en' ? problem.message.en : problem.message.vi}</p>
    ${detail ? html`<p class="problem-detail">${text('errorDetail', language, detail)}</p>` : nothing}
    ${onRetry ? html`<button type="button" part="button retry-button" @click=${onRetry}>${text('retry', language)}</button>` : nothing}
  </div>`;
}

function renderFigure(figure: FigureView, language: ReportLanguage): TemplateResult {
  const showCode = figure.label !== figure.id;
  return html`<li class="figure ${figure.overall ? 'overall' : 'component'}" part="figure ${figure.overall ? 'overall' : 'component'}" data-node=${figure.id}>
    <h4>${showCode ? html`<span class="figure-code">${figure.id}</span> · ` : nothing}${figure.label}</h4>
    <p class="figure-value" part="figure-value">${percent(figure.index, language)}</p>
    <dl>
      <div>
        <dt>${text('nValid', language)}</dt>
        <dd class="n-valid">${formatCount(figure.nValid, language)}</dd>
      </div>
      <div>
        <dt>${text('method', language)}</dt>
        <dd class="method">${figure.method}</dd>
      </div>
    </dl>
    ${figure.skipped > 0 ? html`<p class="note">${text('skipped', language, figure.skipped)}</p>` : nothing}
  </li>`;
}

export function renderFigures(figures: FigureView[], language: ReportLanguage): TemplateResult {
  return html`<section class="summary" part="summary" aria-labelledby="indices-heading">
    <h3 id="indices-heading">${text('indices', language)}</h3>
    <ul class="figures">
      ${figures.map((figure) => renderFigure(figure, language))}
    </ul>
  </section>`;
}

export function renderCriteria(groups: CriterionGroup[], language: ReportLanguage): TemplateResult {
  return html`<section class="criteria" part="criteria" aria-labelledby="criteria-heading">
    <div class="table-wrap">
      <table part="criteria-table">
        <caption>
          <h3 id="criteria-heading">${text('criteria', language)}</h3>
        </caption>
        <thead>
          <tr>
            <th scope="col">${text('code', language)}</th>
            <th scope="col">${text('criterion', language)}</th>
            <th scope="col" class="number">${text('index', language)}</th>
            <th scope="col" class="number">${text('nValid', language)}</th>
            <th scope="col" class="number">${text('satisfiedOfValid', language)}</th>
          </tr>
        </thead>
        ${groups.map(
          (group) => html`<tbody data-group=${group.id}>
            ${group.isRoot
              ? nothing
              : html`<tr class="group-row">
                  <th scope="rowgroup" colspan="2">${group.label === group.id ? group.id : `${group.id} · ${group.label}`}</th>
                  <td class="number">${percent(group.index, language)}</td>
                  <td class="number">${formatCount(group.nValid, language)}</td>
                  <td class="number">${formatRatio(group.satisfied, group.nValid, language)}</td>
                </tr>`}
            ${group.rows.map(
              (row) => html`<tr class="criterion" data-code=${row.code}>
                <th scope="row">${row.code}</th>
                <td>${row.text}</td>
                <td class="number index">${percent(row.index, language)}</td>
                <td class="number n-valid">${formatCount(row.nValid, language)}</td>
                <td class="number ratio">${formatRatio(row.satisfied, row.nValid, language)}</td>
              </tr>`,
            )}
          </tbody>`,
        )}
      </table>
    </div>
  </section>`;
}

/** A chart's canvas: an image named by what it shows, followed by its table. */
const chartBox = (key: string, name: string, bars: boolean): TemplateResult =>
  html`<div class="chart ${bars ? 'bars' : ''}" part="chart"><canvas data-chart=${key} role="img" aria-label=${name}></canvas></div>`;

export function renderRanking(view: RankingView, labels: ReportLabels): TemplateResult {
  const language = labels.language;
  const heading = view.dimension === 'unit' ? text('ranking', language) : text('rankingOf', language, labels.dimension(view.dimension));
  return html`<section class="chart-section ranking" part="ranking" aria-labelledby="ranking-heading">
    <h3 id="ranking-heading">${heading}</h3>
    ${chartBox('ranking', text('rankingChart', language, view.rows.length), true)}
    <div class="visually-hidden"><table part="data-table" data-table="ranking">
      <caption>${heading}</caption>
      <thead>
        <tr>
          <th scope="col">${text('rank', language)}</th>
          <th scope="col">${text('unit', language)}</th>
          <th scope="col">${text('index', language)}</th>
          <th scope="col">${text('nValid', language)}</th>
        </tr>
      </thead>
      <tbody>
        ${view.rows.map(
          (row) => html`<tr data-unit=${row.key}>
            <td>${row.rank}</td>
            <th scope="row">${row.label}</th>
            <td class="index">${percent(row.index, language)}</td>
            <td class="n-valid">${formatCount(row.nValid, language)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
  </section>`;
}

export function renderTrend(view: TrendView, language: ReportLanguage): TemplateResult {
  const heading = text('trend', language);
  return html`<section class="chart-section trend" part="trend" aria-labelledby="trend-heading">
    <h3 id="trend-heading">${heading}</h3>
    ${chartBox('trend', text('trendChart', language, view.periods.length), false)}
    <div class="visually-hidden"><table part="data-table" data-table="trend">
      <caption>${heading}</caption>
      <thead>
        <tr>
          <th scope="col">${text('periodColumn', language)}</th>
          ${view.series.map((series) => html`<th scope="col">${series.label === series.id ? series.id : `${series.id} · ${series.label}`}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${view.periods.map(
          (period, position) => html`<tr data-period=${period}>
            <th scope="row">${formatPeriod(period, language)}</th>
            ${view.series.map((series) => html`<td>${percent(series.values[position], language)} (n = ${formatCount(series.nValid[position] ?? 0, language)})</td>`)}
          </tr>`,
        )}
      </tbody>
    </table></div>
  </section>`;
}

export function renderExpectations(view: ExpectationView, language: ReportLanguage): TemplateResult {
  const heading = text('expectations', language);
  const intro = html`${view.title ? html`<p class="note question-title">${view.title}</p>` : nothing}`;
  if (view.kind === 'multiple') {
    return html`<section class="chart-section expectations" part="expectations" aria-labelledby="expectations-heading">
      <h3 id="expectations-heading">${heading}</h3>
      ${intro}
      <p class="note">${text('expectationBase', language, formatCount(view.base, language))}</p>
      ${chartBox('expectations', text('expectationsChart', language, view.items.length), true)}
      <div class="visually-hidden"><table part="data-table" data-table="expectations">
        <caption>${heading}</caption>
        <thead>
          <tr>
            <th scope="col">${text('expectationItem', language)}</th>
            <th scope="col">${text('count', language)}</th>
            <th scope="col">${text('share', language)}</th>
          </tr>
        </thead>
        <tbody>
          ${view.items.map(
            (item) => html`<tr data-choice=${item.key}>
              <th scope="row">${item.label}</th>
              <td>${formatCount(item.count, language)}</td>
              <td class="share">${percent(item.share, language)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
    </section>`;
  }
  return html`<section class="chart-section expectations" part="expectations" aria-labelledby="expectations-heading">
    <h3 id="expectations-heading">${heading}</h3>
    ${intro}
    <p class="note">${text('expectationRowBase', language)}</p>
    ${chartBox('expectations', text('expectationsStackedChart', language, view.rows.length), true)}
    <div class="visually-hidden"><table part="data-table" data-table="expectations">
      <caption>${heading}</caption>
      <thead>
        <tr>
          <th scope="col">${text('expectationItem', language)}</th>
          ${view.levels.map((level) => html`<th scope="col">${level.label}</th>`)}
          <th scope="col">${text('nValid', language)}</th>
        </tr>
      </thead>
      <tbody>
        ${view.rows.map(
          (row) => html`<tr data-row=${row.key}>
            <th scope="row">${row.label}</th>
            ${row.shares.map((share) => html`<td>${percent(share, language)}</td>`)}
            <td>${formatCount(row.valid, language)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>
  </section>`;
}

export function renderProgress(view: ProgressView, language: ReportLanguage): TemplateResult {
  const heading = text('progress', language);
  const total =
    view.planned !== undefined
      ? text('progressTotal', language, formatCount(view.collected, language), formatCount(view.planned, language), formatPercent(view.share, language))
      : text('progressCollected', language, formatCount(view.collected, language));
  return html`<section class="chart-section progress" part="progress" aria-labelledby="progress-heading">
    <h3 id="progress-heading">${heading}</h3>
    <p class="progress-total">${total}</p>
    ${view.channels.length > 0
      ? html`<div class="by-channel">
          <h4 id="channels-heading">${text('byChannel', language)}</h4>
          <ul class="channels" aria-labelledby="channels-heading">
            ${view.channels.map((channel) => html`<li data-channel=${channel.channel}>${channel.label}: ${formatCount(channel.count, language)}</li>`)}
          </ul>
        </div>`
      : nothing}
    ${view.lastReceivedAt ? html`<p class="note">${text('lastReceived', language, formatDateTime(view.lastReceivedAt, language))}</p>` : nothing}
    ${view.rows.length > 0
      ? html`${chartBox('progress', text('progressChart', language, view.rows.length), true)}
          <div class="visually-hidden"><table part="data-table" data-table="progress">
            <caption>${heading}</caption>
            <thead>
              <tr>
                <th scope="col">${text('unit', language)}</th>
                <th scope="col">${text('planned', language)}</th>
                <th scope="col">${text('collected', language)}</th>
                <th scope="col">${text('share', language)}</th>
              </tr>
            </thead>
            <tbody>
              ${view.rows.map(
                (row) => html`<tr data-unit=${row.unit}>
                  <th scope="row">${row.label}</th>
                  <td>${formatCount(row.planned, language)}</td>
                  <td>${formatCount(row.collected, language)}</td>
                  <td>${percent(row.share, language)}</td>
                </tr>`,
              )}
            </tbody>
          </table></div>`
      : nothing}
  </section>`;
}
