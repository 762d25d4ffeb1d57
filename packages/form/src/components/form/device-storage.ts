/**
 * The device side of <sipas-form> (FormStorage) on top of the IndexedDB outbox, drafts and device
 * memory. One per page: every form on a page shares the outbox, and opening it delivers what
 * earlier visits (of this page or another page of the site) left queued.
 */
import { Outbox } from '../../outbox/index.js';
import type { FormStorage } from './form-storage.js';

function storageOn(outbox: Outbox): FormStorage {
  return {
    get persistent() {
      return outbox.persistent;
    },
    loadDraft: (key) => outbox.drafts.load(key),
    saveDraft: (key, draft) => outbox.drafts.save(key, draft),
    clearDraft: (key) => outbox.drafts.clear(key),
    hasSubmitted: (questionnaireId) => outbox.device.hasSubmitted(questionnaireId),
    submit: (response, endpoint, options) => outbox.submit(response, endpoint, options),
    discard: (responseId) => outbox.discard(responseId),
    subscribe: (listener) => outbox.subscribe(listener),
  };
}

let shared: Promise<FormStorage> | undefined;

export function openDeviceStorage(): Promise<FormStorage> {
  shared ??= (async () => {
    const outbox = await Outbox.open();
    outbox.start();
    return storageOn(outbox);
  })();
  return shared;
}
