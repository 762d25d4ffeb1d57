/**
 * The structural edits of the canvas: insert, move, duplicate and remove pages, sections and
 * questions, as pure functions of the document (copy-on-write, see immutable.ts). Positions are
 * given by name so an edit stays right when it is replayed on the document it was made for.
 */
import type { Page, Question, Questionnaire, Section } from '@sipas/schema';
import { getIn, insertAt, removeAt, setIn, type PathKey } from './immutable.js';
import { freeName, locate, usedNames } from './locate.js';

/** Where a question goes: into a section, before the question at `index` (the end when absent). */
export interface QuestionTarget {
  section: string;
  index?: number;
}

/** Where a section goes: into a page, before the section at `index`. */
export interface SectionTarget {
  page: string;
  index?: number;
}

const sectionPath = (questionnaire: Questionnaire, name: string): PathKey[] => {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'section') throw new Error(`No section named "${name}"`);
  return found.path;
};

const pagePath = (questionnaire: Questionnaire, name: string): PathKey[] => {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'page') throw new Error(`No page named "${name}"`);
  return found.path;
};

/** Inserts a question (already named) at the target. */
export function insertQuestion(questionnaire: Questionnaire, question: Question, target: QuestionTarget): Questionnaire {
  const path = [...sectionPath(questionnaire, target.section), 'questions'];
  const count = (getIn(questionnaire, path) as unknown[]).length;
  return insertAt(questionnaire, path, target.index ?? count, question);
}

/** Removes the page, section or question with this name (the document is unchanged for an unknown name). */
export function removeElement(questionnaire: Questionnaire, name: string): Questionnaire {
  const found = locate(questionnaire, name);
  if (!found) return questionnaire;
  const path = found.path.slice(0, -1);
  return removeAt(questionnaire, path, found.path[found.path.length - 1] as number);
}

/**
 * Moves a question to a target section and index, the index counted in the section as it is
 * before the move (so "before question X" means the same thing whether X is above or below).
 */
export function moveQuestion(questionnaire: Questionnaire, name: string, target: QuestionTarget): Questionnaire {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'question') return questionnaire;
  const sameSection = (getIn(questionnaire, found.path.slice(0, -2)) as Section).name === target.section;
  let index = target.index;
  if (sameSection && index !== undefined && index > found.question!) index -= 1;
  if (sameSection && index === found.question) return questionnaire;
  return insertQuestion(removeElement(questionnaire, name), found.element as Question, { section: target.section, index });
}

/** Moves a section to a target page and index (counted before the move, as for questions). */
export function moveSection(questionnaire: Questionnaire, name: string, target: SectionTarget): Questionnaire {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'section') return questionnaire;
  const samePage = questionnaire.pages[found.page]!.name === target.page;
  let index = target.index;
  if (samePage && index !== undefined && index > found.section!) index -= 1;
  if (samePage && index === found.section) return questionnaire;
  const without = removeElement(questionnaire, name);
  const path = [...pagePath(without, target.page), 'sections'];
  const count = (getIn(without, path) as unknown[]).length;
  return insertAt(without, path, index ?? count, found.element);
}

/** Moves a page before the page at `index` (counted before the move). */
export function movePage(questionnaire: Questionnaire, name: string, index: number): Questionnaire {
  const found = locate(questionnaire, name);
  if (found?.kind !== 'page') return questionnaire;
  const to = index > found.page ? index - 1 : index;
  if (to === found.page) return questionnaire;
  return insertAt(removeElement(questionnaire, name), ['pages'], to, found.element);
}

/** A new empty section, named freely. */
export function newSection(questionnaire: Questionnaire, taken = usedNames(questionnaire)): Section {
  const name = freeName(questionnaire, 'section', taken);
  taken.add(name);
  return { name, title: { vi: 'Phần mới', en: 'New section' }, questions: [] };
}

/** Adds a section to a page (at the end by default). */
export function addSection(questionnaire: Questionnaire, target: SectionTarget, section = newSection(questionnaire)): Questionnaire {
  const path = [...pagePath(questionnaire, target.page), 'sections'];
  const count = (getIn(questionnaire, path) as unknown[]).length;
  return insertAt(questionnaire, path, target.index ?? count, section);
}

/** A new page with one empty section, named freely. */
export function newPage(questionnaire: Questionnaire): Page {
  const taken = usedNames(questionnaire);
  const name = freeName(questionnaire, 'page', taken);
  taken.add(name);
  return { name, title: { vi: 'Trang mới', en: 'New page' }, sections: [newSection(questionnaire, taken)] };
}

/** Adds a page (a new one by default) at `index` (the end by default). */
export function addPage(questionnaire: Questionnaire, index = questionnaire.pages.length, page = newPage(questionnaire)): { questionnaire: Questionnaire; page: Page } {
  return { questionnaire: insertAt(questionnaire, ['pages'], index, page), page };
}

/**
 * A deep copy of an element in which it and everything inside it get fresh names, so nothing
 * clashes with `taken`. A copied question loses its criterion code: a code names one item of the
 * index, and the copy must not claim it too.
 */
function renamedCopy<T extends Page | Section | Question>(element: T, questionnaire: Questionnaire, taken: Set<string>): T {
  const rename = (item: { name: string; sections?: Section[]; questions?: Question[]; type?: string; code?: string }) => {
    const next = freeName(questionnaire, item.name.replace(/\d+$/, '') || 'q', taken);
    taken.add(next);
    item.name = next;
    if (item.type !== undefined) delete item.code;
    item.sections?.forEach(rename);
    item.questions?.forEach(rename);
  };
  const copy = structuredClone(element);
  rename(copy as Parameters<typeof rename>[0]);
  return copy;
}

/** Puts a copy of the element right after it, with fresh names; returns the copy's name. */
export function duplicateElement(questionnaire: Questionnaire, name: string): { questionnaire: Questionnaire; name: string } {
  const found = locate(questionnaire, name);
  if (!found) return { questionnaire, name };
  const copy = renamedCopy(found.element, questionnaire, usedNames(questionnaire));
  const index = found.path[found.path.length - 1] as number;
  return { questionnaire: insertAt(questionnaire, found.path.slice(0, -1), index + 1, copy), name: copy.name };
}

/** Replaces the element with this name by `update(element)`. */
export function updateElement<T extends Page | Section | Question>(questionnaire: Questionnaire, name: string, update: (element: T) => T): Questionnaire {
  const found = locate(questionnaire, name);
  if (!found) return questionnaire;
  return setIn(questionnaire, found.path, update(found.element as T));
}
