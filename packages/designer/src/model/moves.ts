/**
 * Where a keyboard move (Alt+Arrow) takes an element: one place up or down among its siblings,
 * and past the first or last place into the neighbouring section or page, so every drag and drop
 * has a keyboard equivalent made of single steps.
 */
import type { Questionnaire } from '@sipas/schema';
import { locate } from './locate.js';
import { movePage, moveQuestion, moveSection, type QuestionTarget, type SectionTarget } from './operations.js';

export type Direction = -1 | 1;

/** Every section in document order, with its page. */
const sectionsInOrder = (questionnaire: Questionnaire) =>
  questionnaire.pages.flatMap((page) => page.sections.map((section) => ({ page: page.name, section })));

/** The target one step up or down from a question, or undefined at the very start or end. */
export function questionStep(questionnaire: Questionnaire, name: string, direction: Direction): QuestionTarget | undefined {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'question') return undefined;
  const sections = sectionsInOrder(questionnaire);
  const here = sections.findIndex(({ section }) => section === questionnaire.pages[found.page]!.sections[found.section!]);
  const count = sections[here]!.section.questions.length;
  const index = found.question!;
  if (direction === -1 && index > 0) return { section: sections[here]!.section.name, index: index - 1 };
  // Indexes count positions before the move: "before the one after next" is one step down.
  if (direction === 1 && index < count - 1) return { section: sections[here]!.section.name, index: index + 2 };
  const neighbour = sections[here + direction];
  if (!neighbour) return undefined;
  return { section: neighbour.section.name, index: direction === -1 ? neighbour.section.questions.length : 0 };
}

/** The target one step up or down from a section, crossing into the neighbouring page at the ends. */
export function sectionStep(questionnaire: Questionnaire, name: string, direction: Direction): SectionTarget | undefined {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'section') return undefined;
  const page = questionnaire.pages[found.page]!;
  const index = found.section!;
  if (direction === -1 && index > 0) return { page: page.name, index: index - 1 };
  if (direction === 1 && index < page.sections.length - 1) return { page: page.name, index: index + 2 };
  const neighbour = questionnaire.pages[found.page + direction];
  if (!neighbour) return undefined;
  return { page: neighbour.name, index: direction === -1 ? neighbour.sections.length : 0 };
}

/** The document after moving an element one step, or undefined when it cannot go further. */
export function stepElement(questionnaire: Questionnaire, name: string, direction: Direction): Questionnaire | undefined {
  const found = locate(questionnaire, name);
  if (!found) return undefined;
  if (found.kind === 'question') {
    const target = questionStep(questionnaire, name, direction);
    return target && moveQuestion(questionnaire, name, target);
  }
  if (found.kind === 'section') {
    const target = sectionStep(questionnaire, name, direction);
    return target && moveSection(questionnaire, name, target);
  }
  const to = found.page + (direction === 1 ? 2 : -1);
  return to < 0 || to > questionnaire.pages.length ? undefined : movePage(questionnaire, name, to);
}
