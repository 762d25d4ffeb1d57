// The offline outbox, drafts and device memory: DOM-light (no Lit), usable by any page or worker.
export {
  Outbox,
  type OutboxEntry,
  type OutboxEntryState,
  type OutboxEvent,
  type OutboxListener,
  type OutboxOptions,
  type SubmitOptions,
} from './outbox.js';
export { DraftStore, type Draft } from './drafts.js';
export { DeviceMemory } from './device-memory.js';
export { DeviceDatabase, DEFAULT_DB_NAME } from './database.js';
export { DEFAULT_RETRY_POLICY, MAX_RETRY_AFTER_MS, parseRetryAfter, retryDelay, retryWait, type RetryPolicy, type RetryWaitOptions } from './backoff.js';
export { DEFAULT_TIMEOUT_MS, sendResponse, type Receipt, type RetryReason, type SendOutcome, type SendOptions } from './transport.js';
