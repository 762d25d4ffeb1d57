/**
 * What the stories of @sipas/form share: a clean device for every story (no draft of one story
 * shows up in another) and waiting for a <sipas-form> to show its questionnaire before a `play`
 * function drives it.
 */
import { waitFor } from 'storybook/test';
import { DEFAULT_DB_NAME } from '../src/outbox/index.js';
import type { SipasForm } from '../src/index.js';

/** The device tables a story can leave behind: autosaved drafts and "already answered" marks. */
const DEVICE_TABLES = ['drafts', 'device'];

/** Empties this origin's drafts and sent-response memory. Never rejects. */
export function forgetDevice(): Promise<void> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DEFAULT_DB_NAME);
    } catch {
      resolve();
      return;
    }
    // No database yet: leave its creation (with its tables) to the form.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => {
      event.preventDefault();
      resolve();
    };
    request.onsuccess = () => {
      const database = request.result;
      const tables = DEVICE_TABLES.filter((table) => database.objectStoreNames.contains(table));
      if (tables.length === 0) {
        database.close();
        resolve();
        return;
      }
      const transaction = database.transaction(tables, 'readwrite');
      for (const table of tables) transaction.objectStore(table).clear();
      transaction.oncomplete = transaction.onabort = () => {
        database.close();
        resolve();
      };
    };
  });
}

/**
 * `beforeEach` for form stories. A form saves its draft when it leaves the page, which Storybook
 * would do only while rendering the next story, after that story's own clean-up; so the clean-up
 * takes the story off the page itself and then forgets the draft it saved.
 */
export async function freshDevice({ canvasElement }: { canvasElement: HTMLElement }): Promise<() => Promise<void>> {
  await forgetDevice();
  return async () => {
    canvasElement.replaceChildren();
    await forgetDevice();
  };
}

/** The story's <sipas-form>, once it shows a page of questions (its questionnaire loads asynchronously). */
export async function shownForm(canvasElement: HTMLElement): Promise<SipasForm> {
  return waitFor(
    () => {
      const form = canvasElement.querySelector('sipas-form');
      if (!form?.shadowRoot?.querySelector('[part~="page"]')) throw new Error('<sipas-form> shows no page yet');
      return form;
    },
    { timeout: 5000 },
  );
}
