import { templates } from '@sipas/templates';
import type { Database } from '../db/database.js';
import { createQuestionnaire, publishDraft } from './questionnaire-store.js';

/**
 * Makes the standard questionnaires (@sipas/templates) available: each one not on the server yet
 * is stored as a draft and published as version 1. A questionnaire already there, under the same
 * id, is left as it is, so running this on every start is safe. Returns the ids it added.
 */
export async function seedTemplates(db: Database, options: { publishedBy?: number } = {}): Promise<string[]> {
  const added: string[] = [];
  for (const template of templates) {
    const seeded = await db.transaction(async (tx) => {
      const created = await createQuestionnaire(tx, { questionnaire: template.questionnaire, allowedOrigins: [], plannedSample: {}, createdBy: options.publishedBy ?? null });
      if (created) await publishDraft(tx, template.id, options.publishedBy ?? null);
      return created;
    });
    if (seeded) added.push(template.id);
  }
  return added;
}
