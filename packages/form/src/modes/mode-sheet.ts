/**
 * The contract between <sipas-form> and the elements of its staff modes (add-ons: data entry,
 * print). A sheet receives the engine, the language and a host to submit through; it sends
 * answers up as `sipas-question-input` events (composed, so they leave its shadow root).
 */
import type { Form } from '@sipas/core';
import type { Response } from '@sipas/schema';

export interface ModeSheetHost {
  /** Submits the current response like the Submit button (validation, outbox); resolves to whether it was accepted. */
  submit(options?: { paper?: Response['paper'] }): Promise<boolean>;
  /** Starts the next response on the same questionnaire. */
  reset(): Promise<void>;
  /** Forgets a response the server refused (it is being corrected and sent again under a new id). */
  discard(responseId: string): Promise<void>;
  /** The endpoint responses go to, if any (a sheet may ask the server about duplicates). */
  readonly endpoint: string | undefined;
}

/** The properties <sipas-form> sets on a sheet element. */
export interface ModeSheet extends HTMLElement {
  form: Form | undefined;
  host: ModeSheetHost | undefined;
  lang: string;
}
