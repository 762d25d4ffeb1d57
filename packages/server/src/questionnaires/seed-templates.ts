import { templates } from '@sipas/templates';
import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import type { Database } from '../db/database.js';
import { createQuestionnaire, publishDraft } from './questionnaire-store.js';

/**
 * Makes questionnaires available: each one not on the server yet is stored as a draft and
 * published as version 1. One already there, under the same id, is left as it is, so running this
 * on every start is safe. Nothing is stored unless every document is valid here (a custom type
 * they use must be defined in this process): the first error is thrown, located. Returns the ids
 * it added.
 */
export async function seedQuestionnaires(db: Database, questionnaires: readonly Questionnaire[], options: { publishedBy?: number } = {}): Promise<string[]> {
  for (const questionnaire of questionnaires) {
    const [first] = validateQuestionnaire(questionnaire).errors;
    if (first) throw new Error(`${questionnaire.id}: ${first.path} ${first.code}: ${first.message.en}`);
  }
  const added: string[] = [];
  for (const questionnaire of questionnaires) {
    const seeded = await db.transaction(async (tx) => {
      const created = await createQuestionnaire(tx, { questionnaire, allowedOrigins: [], plannedSample: {}, createdBy: options.publishedBy ?? null });
      if (created) await publishDraft(tx, questionnaire.id, options.publishedBy ?? null);
      return created;
    });
    if (seeded) added.push(questionnaire.id);
  }
  return added;
}

/** The standard questionnaires (@sipas/templates), seeded as above. */
export function seedTemplates(db: Database, options: { publishedBy?: number } = {}): Promise<string[]> {
  return seedQuestionnaires(
    db,
    templates.map((template) => template.questionnaire),
    options,
  );
}
