/**
 * The public events of <sipas-form>: bubbling, composed, with plain-data details (the contract in
 * ARCHITECTURE.md). They report what the respondent did, never what a script set.
 */
import type { Answer, LocalizedMessage, Response, ValidationError } from '@sipas/schema';

export interface SipasValueChangeDetail {
  /** The question name, or `<name>-other` for the text of an "other" option. */
  name: string;
  /** The stored answer after the change; undefined when it was cleared. */
  value: Answer | undefined;
}

export interface SipasPageChangeDetail {
  page: string;
  index: number;
  count: number;
}

export interface SipasSubmitDetail {
  response: Response;
}

export interface SipasQueuedDetail {
  responseId: string;
  /** False when the browser keeps nothing on the device (private mode): the answers live only in the page. */
  persistent: boolean;
}

export interface SipasSentDetail {
  responseId: string;
  receipt: unknown;
}

export interface SipasErrorDetail {
  /** `load`: the questionnaire could not be loaded; `rejected`: the server refused the response. */
  kind: 'load' | 'rejected';
  message: LocalizedMessage;
  errors: ValidationError[];
  responseId?: string;
}

export interface SipasFormEventMap {
  'sipas-value-change': CustomEvent<SipasValueChangeDetail>;
  'sipas-page-change': CustomEvent<SipasPageChangeDetail>;
  'sipas-submit': CustomEvent<SipasSubmitDetail>;
  'sipas-queued': CustomEvent<SipasQueuedDetail>;
  'sipas-sent': CustomEvent<SipasSentDetail>;
  'sipas-error': CustomEvent<SipasErrorDetail>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SipasFormEventMap {}
}

/** Fires one of the public events from an element; returns false when a listener cancelled it. */
export function emit<K extends keyof SipasFormEventMap>(
  target: EventTarget,
  type: K,
  detail: SipasFormEventMap[K]['detail'],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/** What a question element sends up to its form when the respondent edits an answer (internal). */
export const QUESTION_INPUT = 'sipas-question-input';

export interface QuestionInputDetail {
  key: string;
  value: unknown;
}
