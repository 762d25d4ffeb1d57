/**
 * Autosaved answers, so a respondent who closes the tab, loses power at the kiosk or comes back
 * tomorrow continues where they stopped. The key is chosen by the form (one questionnaire version
 * on one device); a draft keeps its responseId, so a resumed response is still the same response.
 */
import type { Answer } from '@sipas/schema';
import { DeviceDatabase, type Table } from './database.js';

export interface Draft {
  responseId: string;
  /** When the respondent started (ISO 8601); it travels into the response. */
  startedAt: string;
  values: Record<string, Answer>;
  /** The page the respondent was on, by name. */
  page: string | undefined;
  /** When the draft was saved (ISO 8601), to tell a fresh draft from a stale one. */
  savedAt: string;
}

export class DraftStore {
  static async open(options: { dbName?: string } = {}): Promise<DraftStore> {
    return new DraftStore(await DeviceDatabase.open(options.dbName));
  }

  private readonly database: DeviceDatabase;
  private readonly drafts: Table<Draft>;

  constructor(database: DeviceDatabase) {
    this.database = database;
    this.drafts = database.table<Draft>('drafts');
  }

  /** False when drafts will not survive closing the page. */
  get persistent(): boolean {
    return this.database.persistent;
  }

  /** The saved draft, or undefined when there is none or it is not a draft this code can read. */
  async load(key: string): Promise<Draft | undefined> {
    const draft = await this.drafts.get(key);
    return isDraft(draft) ? draft : undefined;
  }

  async save(key: string, draft: Draft): Promise<void> {
    await this.drafts.put(key, draft);
  }

  async clear(key: string): Promise<void> {
    await this.drafts.delete(key);
  }
}

/** Drafts outlive the code that wrote them; a future shape must not crash today's form. */
function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const draft = value as Partial<Record<keyof Draft, unknown>>;
  return typeof draft.responseId === 'string' && typeof draft.startedAt === 'string' && typeof draft.values === 'object' && draft.values !== null && !Array.isArray(draft.values);
}
