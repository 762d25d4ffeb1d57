/**
 * @sipas/report: <sipas-report>, the SIPAS dashboard element. Importing this module defines it.
 */
import { defineElement } from './define.js';
import { SipasReport } from './components/report/sipas-report.js';

defineElement('sipas-report', SipasReport);

declare global {
  interface HTMLElementTagNameMap {
    'sipas-report': SipasReport;
  }
}

export { SipasReport } from './components/report/sipas-report.js';
export { reportStyles } from './components/report/sipas-report.styles.js';
export type { SipasReportErrorDetail, SipasReportEventMap, SipasReportFilterChangeDetail } from './events.js';
export { fetchReport, FILTER_PARAMETERS, reportUrl, ReportFetchError, type FetchedReport, type ReportErrorKind, type ReportLoadProblem, type ReportRequest } from './fetch-report.js';
export { formatCount, formatPercent, formatPeriod, NO_VALUE, roundPercent1 } from './format.js';
export { languageOf, text, type ReportLanguage, type ReportStringKey } from './i18n.js';
export { normalizeReport, type NormalizedReport } from './report-model.js';
export {
  FILTER_NAMES,
  type CollectionProgress,
  type FilterName,
  type ProgressUnit,
  type ReportFilters,
  type ReportInput,
  type ServerReport,
  type WrappedReport,
} from './types.js';
