/**
 * The device side of <sipas-form> (FormStorage) on top of the IndexedDB outbox, drafts and device
 * memory. One per page: every form on a page shares the outbox, and opening it delivers what
 * earlier visits (of this page or another page of the site) left queued.
 */
import type { Response } from '@sipas/schema';
import { DeviceMemory, DraftStore, Outbox, type Draft, type OutboxEvent } from '../../outbox/index.js';
import type { FormStorage } from './form-storage.js';

class DeviceStorage implements FormStorage {
  constructor(
    private readonly outbox: Outbox,
    private readonly drafts: DraftStore,
    private readonly memory: DeviceMemory,
  ) {}

  get persistent(): boolean {
    return this.outbox.persistent;
  }

  loadDraft = (key: string) => this.drafts.load(key);
  saveDraft = (key: string, draft: Draft) => this.drafts.save(key, draft);
  clearDraft = (key: string) => this.drafts.clear(key);
  hasSubmitted = (questionnaireId: string) => this.memory.hasSubmitted(questionnaireId);
  markSubmitted = (questionnaireId: string, responseId: string) => this.memory.markSubmitted(questionnaireId, responseId);

  async send(response: Response, endpoint: string): Promise<void> {
    await this.outbox.enqueue(response, endpoint);
    void this.outbox.flush();
  }

  discard = (responseId: string) => this.outbox.discard(responseId);

  subscribe = (listener: (event: OutboxEvent) => void) => this.outbox.subscribe(listener);
}

let shared: Promise<FormStorage> | undefined;

export function openDeviceStorage(): Promise<FormStorage> {
  shared ??= (async () => {
    const outbox = await Outbox.open();
    outbox.start();
    return new DeviceStorage(outbox, outbox.drafts, outbox.device);
  })();
  return shared;
}
