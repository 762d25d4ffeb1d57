/**
 * What this device remembers about responses it sent, for the questionnaire setting "one response
 * per device" (a kiosk or a shared phone should not answer twice). It is a courtesy that a
 * respondent can clear with the site's data, not a security control; the server's own checks are.
 */
import { DeviceDatabase, type Table, type TableWrite } from './database.js';

interface Submission {
  responseId: string;
  /** ISO 8601. */
  submittedAt: string;
}

const submissionKey = (questionnaireId: string): string => `submitted:${questionnaireId}`;

/** The write that remembers a submission, for batching with others (Outbox.submit). */
export function submissionWrite(questionnaireId: string, responseId: string): TableWrite {
  const submission: Submission = { responseId, submittedAt: new Date().toISOString() };
  return { table: 'device', key: submissionKey(questionnaireId), value: submission };
}

export class DeviceMemory {
  static async open(options: { dbName?: string } = {}): Promise<DeviceMemory> {
    return new DeviceMemory(await DeviceDatabase.open(options.dbName));
  }

  private readonly database: DeviceDatabase;
  private readonly records: Table<Submission>;

  constructor(database: DeviceDatabase) {
    this.database = database;
    this.records = database.table<Submission>('device');
  }

  /** False when the memory will not survive closing the page. */
  get persistent(): boolean {
    return this.database.persistent;
  }

  async hasSubmitted(questionnaireId: string): Promise<boolean> {
    return (await this.records.get(submissionKey(questionnaireId))) !== undefined;
  }

  async markSubmitted(questionnaireId: string, responseId: string): Promise<void> {
    await this.database.writeTogether([submissionWrite(questionnaireId, responseId)]);
  }
}
