/** Finding elements of the document by name or by JSON pointer. */
import type { Page, Question, Questionnaire, Section } from '@sipas/schema';
import { fromPointer, type PathKey } from './immutable.js';
import { QUESTIONNAIRE_SELECTION, type ElementKind, type Selection } from './edit.js';

export interface ElementLocation {
  kind: Exclude<ElementKind, 'questionnaire'>;
  page: number;
  /** Set for sections and questions. */
  section?: number;
  /** Set for questions. */
  question?: number;
  /** The path of the element itself, e.g. ['pages', 1, 'sections', 0, 'questions', 4]. */
  path: PathKey[];
  element: Page | Section | Question;
}

/** Where the element with this name sits (the first, if a name repeats). */
export function locate(questionnaire: Questionnaire, name: string): ElementLocation | undefined {
  for (const [p, page] of questionnaire.pages.entries()) {
    if (page.name === name) return { kind: 'page', page: p, path: ['pages', p], element: page };
    for (const [s, section] of page.sections.entries()) {
      if (section.name === name) return { kind: 'section', page: p, section: s, path: ['pages', p, 'sections', s], element: section };
      for (const [q, question] of section.questions.entries()) {
        if (question.name === name) {
          return { kind: 'question', page: p, section: s, question: q, path: ['pages', p, 'sections', s, 'questions', q], element: question };
        }
      }
    }
  }
  return undefined;
}

/** Every name used by a page, section or question. */
export function usedNames(questionnaire: Questionnaire): Set<string> {
  const names = new Set<string>();
  for (const page of questionnaire.pages) {
    names.add(page.name);
    for (const section of page.sections) {
      names.add(section.name);
      for (const question of section.questions) names.add(question.name);
    }
  }
  return names;
}

/** The first of `prefix1`, `prefix2`… not used yet; `prefix` must start with a letter. */
export function freeName(questionnaire: Questionnaire, prefix: string, taken: Set<string> = usedNames(questionnaire)): string {
  for (let n = 1; ; n += 1) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}

/**
 * The innermost page, section or question that a JSON pointer falls in, and what remains of the
 * pointer inside it (a design check at `/pages/0/sections/1/questions/2/choices/3/value` selects
 * that question with the rest `/choices/3/value`). Pointers outside pages select the questionnaire.
 */
export function selectionAt(questionnaire: Questionnaire, pointer: string): { selection: Selection; rest: PathKey[] } {
  const path = fromPointer(pointer);
  const [pages, p, sections, s, questions, q] = path;
  const page = pages === 'pages' && typeof p === 'number' ? questionnaire.pages[p] : undefined;
  if (!page) return { selection: QUESTIONNAIRE_SELECTION, rest: path };
  const section = sections === 'sections' && typeof s === 'number' ? page.sections[s] : undefined;
  if (!section) return { selection: { kind: 'page', name: page.name }, rest: path.slice(2) };
  const question = questions === 'questions' && typeof q === 'number' ? section.questions[q] : undefined;
  if (!question) return { selection: { kind: 'section', name: section.name }, rest: path.slice(4) };
  return { selection: { kind: 'question', name: question.name }, rest: path.slice(6) };
}
