import { responseUnitAndField } from '@sipas/index';
import { normalizeSerial, type Questionnaire, type Response } from '@sipas/schema';
import type { Database } from '../db/database.js';

/** What the collector answers for a stored response, the first time and every time after. */
export interface Receipt {
  responseId: string;
  /** When the server first stored it (ISO 8601). */
  receivedAt: string;
}

/** The receipt of an already stored response, with the questionnaire it answers. */
export async function findReceipt(db: Database, responseId: string): Promise<{ receipt: Receipt; questionnaireId: string } | undefined> {
  const { rows } = await db.query<{ received_at: Date; questionnaire_id: string }>('select received_at, questionnaire_id from responses where response_id = $1', [responseId]);
  const row = rows[0];
  return row && { receipt: { responseId, receivedAt: row.received_at.toISOString() }, questionnaireId: row.questionnaire_id };
}

export type StoreOutcome = { kind: 'stored'; receipt: Receipt } | { kind: 'repeat'; receipt: Receipt } | { kind: 'duplicate-serial'; serial: string };

/**
 * Stores a checked response exactly once, in one statement: a second delivery of the same
 * responseId (a retry racing the first) and a second paper form with the same serial both hit a
 * unique index and store nothing; which of the two it was is read back afterwards.
 */
export async function storeResponse(db: Database, questionnaire: Questionnaire, response: Response, receivedAt: Date): Promise<StoreOutcome> {
  const serial = typeof response.paper?.serial === 'string' ? normalizeSerial(response.paper.serial) : null;
  // The unit and field columns hold what the index engine counts the response under, so SQL
  // filters and unit limits agree with the computed indices.
  const { unit, field } = responseUnitAndField(questionnaire, response);
  const { rows } = await db.query<{ received_at: Date }>(
    `insert into responses (response_id, questionnaire_id, questionnaire_version, received_at, submitted_at, channel, unit, service_field, paper_serial, document)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb)
     on conflict do nothing returning received_at`,
    [
      response.responseId,
      response.questionnaire.id,
      response.questionnaire.version,
      receivedAt,
      new Date(response.submittedAt),
      response.channel,
      unit ?? null,
      field ?? null,
      serial,
      JSON.stringify(response),
    ],
  );
  if (rows[0]) return { kind: 'stored', receipt: { responseId: response.responseId, receivedAt: rows[0].received_at.toISOString() } };
  const earlier = await findReceipt(db, response.responseId);
  if (earlier) return { kind: 'repeat', receipt: earlier.receipt };
  return { kind: 'duplicate-serial', serial: serial ?? '' };
}
