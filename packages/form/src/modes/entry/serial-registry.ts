/**
 * What this device remembers of paper forms typed on it, in the 'device' table of the device's
 * database (DeviceDatabase; keys prefixed `entry-`, the database version untouched):
 * - the serial numbers entered per questionnaire, to catch a form typed twice before it is sent;
 * - first entries waiting for their second (double entry), kept here and never sent.
 * Like the database itself it falls back to memory when IndexedDB refuses (`persistent` false).
 * The server's own check (409 duplicate-serial) is the one that holds across devices.
 */
import { DeviceDatabase, type Table } from '../../outbox/database.js';
import type { EntrySnapshot } from './entry-record.js';

export interface SerialRecord {
  kind: 'serial';
  questionnaireId: string;
  serial: string;
  responseId: string;
  /** ISO 8601. */
  enteredAt: string;
}

export interface FirstEntryRecord {
  kind: 'first-entry';
  questionnaireId: string;
  serial: string;
  entry: EntrySnapshot;
  /** ISO 8601. */
  enteredAt: string;
}

type EntryRecord = SerialRecord | FirstEntryRecord;

const serialKey = (questionnaireId: string, serial: string): string => `entry-serial:${questionnaireId}:${serial}`;
const firstEntryKey = (questionnaireId: string, serial: string): string => `entry-first:${questionnaireId}:${serial}`;

export class SerialRegistry {
  static async open(dbName?: string): Promise<SerialRegistry> {
    return new SerialRegistry(await DeviceDatabase.open(dbName));
  }

  private readonly database: DeviceDatabase;
  private readonly records: Table<EntryRecord>;

  constructor(database: DeviceDatabase) {
    this.database = database;
    this.records = database.table<EntryRecord>('device');
  }

  /** False when what is remembered will not survive closing the page. */
  get persistent(): boolean {
    return this.database.persistent;
  }

  /** The serials and waiting first entries of one questionnaire on this device. */
  async load(questionnaireId: string): Promise<{ serials: Map<string, SerialRecord>; firstEntries: Map<string, FirstEntryRecord> }> {
    const serials = new Map<string, SerialRecord>();
    const firstEntries = new Map<string, FirstEntryRecord>();
    for (const record of await this.records.values()) {
      if (typeof record !== 'object' || record === null || record.questionnaireId !== questionnaireId) continue;
      if (record.kind === 'serial') serials.set(record.serial, record);
      else if (record.kind === 'first-entry') firstEntries.set(record.serial, record);
    }
    return { serials, firstEntries };
  }

  async serial(questionnaireId: string, serial: string): Promise<SerialRecord | undefined> {
    return (await this.records.get(serialKey(questionnaireId, serial))) as SerialRecord | undefined;
  }

  /**
   * Claims a serial for a response, in one transaction: resolves to the record that holds it, the
   * new one when it was free, or the earlier one (another response, another tab) when it was not.
   */
  async claim(questionnaireId: string, serial: string, responseId: string): Promise<SerialRecord> {
    const record: SerialRecord = { kind: 'serial', questionnaireId, serial, responseId, enteredAt: new Date().toISOString() };
    const key = serialKey(questionnaireId, serial);
    const [written] = await this.database.writeTogether([{ table: 'device', key, value: record, keep: (current) => (current as SerialRecord).responseId !== responseId }]);
    return written ? record : ((await this.records.get(key)) as SerialRecord | undefined) ?? record;
  }

  /** Frees a serial claimed by a response that was not stored after all (refused, not accepted). */
  async release(questionnaireId: string, serial: string, responseId: string): Promise<void> {
    await this.records.deleteIf(serialKey(questionnaireId, serial), (current) => current.kind === 'serial' && current.responseId === responseId);
  }

  async firstEntry(questionnaireId: string, serial: string): Promise<FirstEntryRecord | undefined> {
    return (await this.records.get(firstEntryKey(questionnaireId, serial))) as FirstEntryRecord | undefined;
  }

  async keepFirstEntry(questionnaireId: string, entry: EntrySnapshot): Promise<FirstEntryRecord> {
    const record: FirstEntryRecord = { kind: 'first-entry', questionnaireId, serial: entry.serial, entry, enteredAt: new Date().toISOString() };
    await this.records.put(firstEntryKey(questionnaireId, entry.serial), record);
    return record;
  }

  async forgetFirstEntry(questionnaireId: string, serial: string): Promise<void> {
    await this.records.delete(firstEntryKey(questionnaireId, serial));
  }
}
