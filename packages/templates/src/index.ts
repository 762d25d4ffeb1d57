import type { Questionnaire } from '@sipas/schema';
import { generatedTemplates } from './generated/all.js';

export { counter3, kioskQuick, sipas1001, sipas2640 } from './generated/all.js';

export interface TemplateEntry {
  /** The questionnaire's id, e.g. `sipas-2640`. */
  id: string;
  /** The file under questionnaires/ it comes from. */
  file: string;
  questionnaire: Questionnaire;
}

/** Every standard questionnaire, in file-name order. */
export const templates: readonly TemplateEntry[] = generatedTemplates.map(({ file, questionnaire }) => ({
  id: questionnaire.id,
  file,
  questionnaire,
}));

/** A deep copy of a standard questionnaire to adapt, or undefined for an unknown id. */
export function copyTemplate(id: string): Questionnaire | undefined {
  const entry = templates.find((t) => t.id === id);
  return entry ? structuredClone(entry.questionnaire) : undefined;
}
