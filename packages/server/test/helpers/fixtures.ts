/** Questionnaires and responses for the server tests, built from the standard templates. */
import { randomUUID } from 'node:crypto';
import type { Questionnaire, Response } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import type { ApiClient } from './http.js';

/**
 * The 3-level counter rating under another id, collecting on paper too: `overall` (1–3) is
 * required, and `reason` is shown only when overall is 1.
 */
export function counterQuestionnaire(id: string): Questionnaire {
  const questionnaire = copyTemplate('counter-3')!;
  questionnaire.id = id;
  questionnaire.sipas = { ...questionnaire.sipas, survey: { ...questionnaire.sipas?.survey, channels: ['kiosk', 'online', 'paper'] } };
  return questionnaire;
}

/** A valid kiosk response to the counter questionnaire `id`, version `version`. */
export function counterResponse(id: string, version = 1, overrides: Partial<Response> = {}): Response {
  return {
    formatVersion: '1.0',
    responseId: randomUUID(),
    questionnaire: { id, version },
    channel: 'kiosk',
    submittedAt: '2025-03-04T05:06:07.000Z',
    locale: 'vi',
    answers: { overall: 3 },
    ...overrides,
  };
}

/** A paper response with a serial number (blanks allowed on paper). */
export const paperResponse = (id: string, serial: string, version = 1): Response =>
  counterResponse(id, version, { channel: 'paper', paper: { serial } });

/** Creates and publishes a counter questionnaire through the API; returns its version number. */
export async function publishCounter(editor: ApiClient, id: string, settings: { allowedOrigins?: string[]; plannedSample?: Record<string, number> } = {}): Promise<number> {
  const created = await editor.post('/api/v1/questionnaires', { questionnaire: counterQuestionnaire(id), ...settings });
  if (created.status !== 201) throw new Error(`creating ${id} failed: ${created.status} ${JSON.stringify(created.body)}`);
  const published = await editor.post(`/api/v1/questionnaires/${id}/publish`);
  if (published.status !== 201) throw new Error(`publishing ${id} failed: ${published.status} ${JSON.stringify(published.body)}`);
  return published.body.version;
}
