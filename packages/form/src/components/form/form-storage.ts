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
  markSubmitted(questionnaireId: string, responseId: string): Promise<void>;
  /** Writes the response to the outbox, then tries to send it; delivery is reported to listeners. */
  send(response: Response, endpoint: string): Promise<void>;
  /** Forgets a response the server refused, once the respondent corrects it. */
  discard(responseId: string): Promise<void>;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
}
