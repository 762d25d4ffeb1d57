/**
 * The public events of <sipas-report>: bubbling, composed, with plain-data details (like the
 * form's, decision 0014). They report what the staff member did or what the server answered,
 * never what a script set.
 */
import type { ReportLoadProblem } from './fetch-report.js';
import type { ReportFilters } from './types.js';

/** detail of `sipas-report-filter-change`: the filters applied, empty ones left out. */
export type SipasReportFilterChangeDetail = ReportFilters;

/** detail of `sipas-report-error`: why the report could not be loaded. */
export type SipasReportErrorDetail = ReportLoadProblem;

export interface SipasReportEventMap {
  'sipas-report-filter-change': CustomEvent<SipasReportFilterChangeDetail>;
  'sipas-report-error': CustomEvent<SipasReportErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SipasReportEventMap {}
}

export function emit<K extends keyof SipasReportEventMap>(target: EventTarget, type: K, detail: SipasReportEventMap[K]['detail']): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}
