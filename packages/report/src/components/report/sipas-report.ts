import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { IndexReport } from '@sipas/index';
import type { Questionnaire } from '@sipas/schema';
import { emit } from '../../events.js';
import { fetchReport, ReportFetchError, type FetchedReport, type ReportLoadProblem } from '../../fetch-report.js';
import { bothLanguages, languageOf, text, type ReportLanguage } from '../../i18n.js';
import {
  channelOptions,
  cleanFilters,
  criteriaGroups,
  datesOutOfOrder,
  expectationView,
  fieldOptions,
  filtersOfReport,
  indexFigures,
  normalizeReport,
  progressView,
  rankingView,
  ReportLabels,
  trendView,
  unitOptions,
  type NormalizedReport,
} from '../../report-model.js';
import type { CollectionProgress, ReportFilters, ReportInput } from '../../types.js';
import { expectationsChart, progressChart, rankingChart, trendChart } from '../../charts/chart-configs.js';
import { renderSwatches } from '../../charts/palette.js';
import { ReportCharts, type ChartRequest } from '../../charts/report-charts.js';
import { renderCriteria, renderExpectations, renderFigures, renderFilters, renderHeader, renderProblem, renderProgress, renderRanking, renderTrend } from './report-views.js';
import { reportStyles } from './sipas-report.styles.js';

type Phase = 'idle' | 'loading' | 'ready' | 'error';

/**
 * The SIPAS dashboard: the overall index and each component as large figures with their n_valid and
 * method, the criteria table, the ranking of units, the trend by period, people's expectations and
 * collection progress, with filters.
 *
 * It shows a report it is given (`report`, with `questionnaire` for the names of units, fields and
 * options), or, with `questionnaire-id`, fetches one from the SIPAS server with the staff member's
 * session and fetches again when the filters change. Every chart is followed by its figures as a
 * table for screen readers.
 *
 * @summary The SIPAS satisfaction-index dashboard, with filters and charts.
 *
 * @event sipas-report-filter-change - The staff member applied or cleared the filters. detail: the filter object ({ from, to, unit, field, channel }, empty ones left out)
 * @event sipas-report-error - The report could not be fetched. detail: { kind, status, message: { vi, en }, detail }
 *
 * @csspart base - the dashboard's frame
 * @csspart header - title and facts (responses, period, update time)
 * @csspart title - the report's title
 * @csspart meta - the facts under the title
 * @csspart filters - the filter form
 * @csspart filter-input - each date box and list of the filters
 * @csspart button - every button, besides its own part below
 * @csspart apply-button - applies the filters
 * @csspart clear-button - clears the filters
 * @csspart status - the loading notice (a live region)
 * @csspart error - why the report could not be loaded
 * @csspart retry-button - fetches the report again
 * @csspart empty - the notice when there is nothing to show
 * @csspart summary - the index figures
 * @csspart figure - each figure's card; the overall one is also `overall`, the others `component`
 * @csspart overall - the card of the overall index
 * @csspart component - the card of a component index
 * @csspart figure-value - the number on a card
 * @csspart criteria - the criteria section
 * @csspart criteria-table - the criteria table
 * @csspart ranking - the ranking of units
 * @csspart trend - the index by period
 * @csspart expectations - what people want improved
 * @csspart progress - collection against the plan
 * @csspart chart - the box of each chart's canvas
 * @csspart data-table - each chart's table (visually hidden: the chart's text alternative)
 *
 * @cssproperty --sipas-color-primary - figures, bars, the overall line, buttons and focus rings
 * @cssproperty --sipas-color-on-primary - text on primary buttons and inside bars
 * @cssproperty --sipas-color-text - body text, axis labels
 * @cssproperty --sipas-color-muted - secondary text, axis lines
 * @cssproperty --sipas-color-background - the dashboard's background
 * @cssproperty --sipas-color-surface - cards, the filter panel, group rows
 * @cssproperty --sipas-color-border - borders; the outline of planned bars
 * @cssproperty --sipas-color-error - the error notice
 * @cssproperty --sipas-color-chart-2 … --sipas-color-chart-6 - further series (components on the trend, expectation levels)
 * @cssproperty --sipas-color-chart-grid - chart grid lines
 * @cssproperty --sipas-color-chart-planned - the planned bars of collection progress
 * @cssproperty --sipas-font-family - the dashboard's font (charts too)
 * @cssproperty --sipas-font-size - body text size (16px by default, never smaller)
 * @cssproperty --sipas-radius - corner radius
 * @cssproperty --sipas-space-m - the base spacing unit
 * @cssproperty --sipas-touch-target - minimum height of buttons and filter controls (44px)
 */
export class SipasReport extends LitElement {
  static override styles = reportStyles;

  private readonly charts = new ReportCharts(this, () => this.renderRoot?.querySelector<HTMLElement>('.report') ?? null);

  /** The report to show (IndexReport, or as the server wraps it); ignored when `questionnaire-id` makes the element fetch. */
  @property({ attribute: false }) report?: ReportInput;
  /** A report grouped by one period dimension (`by: ['month']`) for the trend, when `report` is grouped otherwise. */
  @property({ attribute: false }) trend?: IndexReport;
  /** Collection progress against the plan; shown when present (fetched in fetching mode). */
  @property({ attribute: false }) progress?: CollectionProgress;
  /** The questionnaire, for the names of units, service fields and answer options the report does not carry. */
  @property({ attribute: false }) questionnaire?: Questionnaire;
  /** The filters applied; setting it updates the form (and re-fetches in fetching mode) without an event. */
  @property({ attribute: false }) filters?: ReportFilters;
  /** Base URL of the SIPAS server; empty (default) for the page's own origin. */
  @property() server = '';
  /** Makes the element fetch `${server}/api/v1/questionnaires/${id}/report` (and the trend and progress) itself. */
  @property({ attribute: 'questionnaire-id' }) questionnaireId?: string;
  /** Fetching mode: the dimension of the ranking (`unit`, or a unit level such as `unit:province`). */
  @property() by = 'unit';
  /** Fetching mode: the period of the trend (`month`, `quarter`, `half` or `year`). */
  @property() period = 'month';
  /** The name of the expectations question, when it cannot be recognised from the questionnaire. */
  @property() expectations?: string;
  /** Language of the dashboard: `vi` (default) or `en` (`en-GB` and the like count as `en`). */
  @property({ reflect: true }) override lang = 'vi';

  /** Fetching mode: what the server returned last. */
  @state() private fetched: FetchedReport | undefined;
  /** Fetching mode: whether a request is under way, done or failed. */
  @state() private phase: Phase = 'idle';
  /** Why the report could not be shown. */
  @state() private problem: ReportLoadProblem | undefined;
  /** The filter form was submitted with "from" after "to". */
  @state() private dateError = false;

  private abort: AbortController | undefined;
  /** Fetching mode: the questionnaire already asked for (found or not), not asked again for each filter. */
  private questionnaireAskedFor: string | undefined;
  private chartRequests: ChartRequest[] = [];
  /** The filters the form showed at the last render, to reset the form when they change. */
  private shownFilters = '';

  private get language(): ReportLanguage {
    return languageOf(this.lang);
  }

  private get fetching(): boolean {
    return !!this.questionnaireId;
  }

  // --- lifecycle ------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a request was cut short by leaving it.
    if (this.hasUpdated && this.fetching && this.phase === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const request = (['questionnaireId', 'server', 'by', 'period', 'filters'] as const).some((key) => changed.has(key));
    if (this.fetching && request) void this.load();
    if (changed.has('questionnaireId') && !this.fetching) {
      this.abort?.abort();
      this.fetched = undefined;
      this.phase = 'idle';
      this.problem = undefined;
    }
  }

  protected override updated(): void {
    const form = this.renderRoot.querySelector('form');
    // The form's controls follow the filters shown (after apply, clear or a script's change).
    if (form && this.shownFilters !== (form.dataset.filters ?? '')) {
      form.dataset.filters = this.shownFilters;
      form.reset();
    }
    this.charts.sync(this.chartRequests);
  }

  // --- fetching -------------------------------------------------------------------------------

  private async load(): Promise<void> {
    const questionnaireId = this.questionnaireId;
    if (!questionnaireId || !this.isConnected) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.phase = 'loading';
    this.problem = undefined;
    try {
      const fetched = await fetchReport({
        server: this.server,
        questionnaireId,
        filters: this.filters ?? {},
        by: this.by || 'unit',
        period: this.period || 'month',
        // The published questionnaire, for names, once per questionnaire (not again for every filter).
        withQuestionnaire: !this.questionnaire && this.questionnaireAskedFor !== questionnaireId,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      const known = this.fetched?.questionnaire;
      this.fetched = !fetched.questionnaire && known?.id === questionnaireId ? { ...fetched, questionnaire: known } : fetched;
      this.questionnaireAskedFor = questionnaireId;
      this.phase = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      const problem: ReportLoadProblem =
        error instanceof ReportFetchError ? error.problem : { kind: 'network', status: 0, message: bothLanguages('errorNetwork') };
      this.fetched = undefined;
      this.questionnaireAskedFor = undefined;
      this.problem = problem;
      this.phase = 'error';
      emit(this, 'sipas-report-error', problem);
    }
  }

  // --- user intent ----------------------------------------------------------------------------

  private readonly handleApply = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const filters = cleanFilters(Object.fromEntries([...data.entries()].map(([name, value]) => [name, typeof value === 'string' ? value : ''])));
    if (datesOutOfOrder(filters)) {
      this.dateError = true;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#filter-from')?.focus());
      return;
    }
    this.dateError = false;
    this.applyFilters(filters);
  };

  private readonly handleClear = (): void => {
    this.dateError = false;
    this.applyFilters({});
  };

  private readonly handleRetry = (): void => {
    void this.load();
  };

  private applyFilters(filters: ReportFilters): void {
    this.filters = filters;
    emit(this, 'sipas-report-filter-change', { ...filters });
  }

  // --- public methods -------------------------------------------------------------------------

  /** Fetching mode: asks the server again with the current filters. */
  refresh(): Promise<void> {
    return this.load();
  }

  // --- rendering ------------------------------------------------------------------------------

  private renderContent(report: NormalizedReport, trend: NormalizedReport | undefined, labels: ReportLabels, progress: CollectionProgress | undefined): TemplateResult {
    const language = this.language;
    const requests: ChartRequest[] = [];
    const ranking = rankingView(report, labels);
    const trendData = trendView([trend, report], labels);
    const expectations = expectationView(report, labels, this.expectations);
    const hasExpectations = expectations && (expectations.kind === 'multiple' ? expectations.base > 0 : expectations.rows.some((row) => row.valid > 0));
    const progressData = progressView(progress, labels);
    if (ranking) {
      requests.push({ key: 'ranking', rows: ranking.rows.length, signature: JSON.stringify([ranking, language]), build: (palette, mode) => rankingChart(ranking, { palette, mode, language }) });
    }
    if (trendData) requests.push({ key: 'trend', signature: JSON.stringify([trendData, language]), build: (palette, mode) => trendChart(trendData, { palette, mode, language }) });
    if (expectations && hasExpectations) {
      const rows = expectations.kind === 'multiple' ? expectations.items.length : expectations.rows.length + 1;
      requests.push({ key: 'expectations', rows, signature: JSON.stringify([expectations, language]), build: (palette, mode) => expectationsChart(expectations, { palette, mode, language }) });
    }
    if (progressData && progressData.rows.length > 0) {
      requests.push({ key: 'progress', rows: progressData.rows.length + 1, signature: JSON.stringify([progressData, language]), build: (palette, mode) => progressChart(progressData, { palette, mode, language }) });
    }
    this.chartRequests = requests;
    return html`
      ${report.responses === 0 ? html`<p class="empty" part="empty">${text('noResponses', language)}</p>` : nothing}
      ${renderFigures(indexFigures(report, labels), language)} ${renderCriteria(criteriaGroups(report, labels), language)}
      ${ranking ? renderRanking(ranking, labels) : nothing} ${trendData ? renderTrend(trendData, language) : nothing}
      ${expectations && hasExpectations ? renderExpectations(expectations, language) : nothing}
      ${progressData ? renderProgress(progressData, language) : nothing}
    `;
  }

  override render(): TemplateResult {
    const language = this.language;
    const report = this.fetching ? this.fetched?.report : normalizeReport(this.report);
    const trend = this.fetching ? this.fetched?.trend : normalizeReport(this.trend);
    const progress = this.fetching ? (this.fetched?.progress ?? this.progress) : this.progress;
    const questionnaire = this.questionnaire ?? this.fetched?.questionnaire;
    const labels = new ReportLabels(questionnaire, progress, language);
    const problem: ReportLoadProblem | undefined =
      this.problem ?? (!this.fetching && this.report !== undefined && !report ? { kind: 'invalid', status: 0, message: bothLanguages('errorInvalid') } : undefined);
    const filters = this.filters ?? filtersOfReport(report);
    this.shownFilters = JSON.stringify(cleanFilters({ ...filters }));
    const title = report?.title !== undefined ? labels.localize(report.title, '') : questionnaire ? labels.localize(questionnaire.title, '') : '';
    const reports = [report, trend];
    this.chartRequests = [];
    const content = report && !problem ? this.renderContent(report, trend, labels, progress) : undefined;
    return html`<div class="report" part="base" aria-busy=${this.phase === 'loading' ? 'true' : 'false'}>
      ${renderSwatches()} ${renderHeader(title || text('dashboard', language), report?.responses, report?.generatedAt, filters, language)}
      ${renderFilters({
        filters,
        units: unitOptions(labels, reports, progress),
        fields: fieldOptions(labels, reports),
        channels: channelOptions(labels),
        dateError: this.dateError,
        language,
        onSubmit: this.handleApply,
        onClear: this.handleClear,
      })}
      <div class="status" part="status" role="status">${this.phase === 'loading' ? text('loading', language) : nothing}</div>
      ${problem ? renderProblem(problem, labels, this.fetching ? this.handleRetry : undefined) : nothing}
      ${content ?? (!problem && this.phase !== 'loading' ? html`<p class="empty" part="empty">${text('noReport', language)}</p>` : nothing)}
    </div>`;
  }
}
