/**
 * What <sipas-form> needs from the device: drafts to resume, the memory of a sent response (the
 * one-response-per-device setting) and the outbox that delivers responses exactly once.
 */
import type { Response } from '@sipas/schema';
import type { Draft, OutboxEvent } from '../../outbox/index.js';

export interface FormStorage {
  /** False when nothing survives a reload (IndexedDB refused, private mode). */
  readonly persistent: boolean;
  loadDraft(key: string): Promise<Draft | undefined>;
  saveDraft(key: string, draft: Draft): Promise<void>;
  clearDraft(key: string): Promise<void>;
  hasSubmitted(questionnaireId: string): Promise<boolean>;
  /**
   * Stores a completed response in one step: queued for `endpoint` (when given), its draft
   * removed, the device marked as having answered (when the questionnaire allows one response
   * per device). Sending starts afterwards; delivery is reported to listeners.
   */
  submit(response: Response, endpoint: string | undefined, options: { draftKey?: string; onePerDevice: boolean }): Promise<void>;
  /** Forgets a response the server refused, once the respondent corrects it. */
  discard(responseId: string): Promise<void>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
}
