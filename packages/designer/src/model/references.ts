/**
 * Where the document refers to a question by name: expressions (`{name}`, `{name.row}`,
 * `{name-other}`, read with the expression parser so text inside string literals is never taken
 * for a reference), answers piped into texts (`{name}` in a title) and the index model (sources,
 * distributions, breakdowns). The designer uses it to show a question's dependents, to warn before
 * a deletion and to carry a rename through the whole document.
 */
import { parseExpression, type IndexNode, type Questionnaire } from '@sipas/schema';
import { QUESTIONNAIRE_SELECTION, type Selection } from './edit.js';
import { getIn, updateIn, type PathKey } from './immutable.js';
import { isRecord, QUESTION_TEXT_KEYS } from './values.js';

/** One property that holds an expression. */
export interface ExpressionSite {
  /** Path to the expression string, e.g. ['pages', 0, 'sections', 1, 'questions', 2, 'visibleIf']. */
  path: PathKey[];
  /** The page, section or question the expression belongs to. */
  owner: Selection;
  /** The path from the owner to the expression, dot-joined: `visibleIf`, `choices.2.visibleIf`, `validators.0.expression`. */
  property: string;
  expression: string;
}

/** Where a reference sits: an expression, a text that pipes an answer in, or the index model. */
export type ReferenceKind = 'expression' | 'text' | 'index';

export interface Reference {
  kind: ReferenceKind;
  /** Path to the string that holds the reference. */
  path: PathKey[];
  owner: Selection;
  /** As in ExpressionSite; for texts the language is the last part (`title.en`), for the index `sipas.index.breakdowns.0`. */
  property: string;
  /** The whole string: the expression, the text, or the question name in the index model. */
  text: string;
}

const CONDITION_KEYS = ['visibleIf', 'enableIf', 'requiredIf'] as const;

/** Texts of an element that may pipe answers in (the form fills `{name}` in these). */
/** Options whose object form carries a text. */
const OPTION_KEYS = ['other', 'none', 'noOpinion'] as const;

/** `{name}` or `{name.row}` piped into a text, as the form reads it (spaces allowed inside the braces). */
const PIPED = /\{(\s*)([A-Za-z][A-Za-z0-9_]*)((?:\.[A-Za-z][A-Za-z0-9_]*)?)(\s*)\}/g;

type Visit = (path: PathKey[], owner: Selection, property: PathKey[], value: unknown) => void;


/** Calls `visitElement` for the questionnaire, then each page, its sections and their questions, in document order. */
function walkElements(questionnaire: Questionnaire, visitElement: (element: Record<string, unknown>, path: PathKey[], owner: Selection) => void): void {
  visitElement(questionnaire as unknown as Record<string, unknown>, [], QUESTIONNAIRE_SELECTION);
  questionnaire.pages.forEach((page, p) => {
    visitElement(page as unknown as Record<string, unknown>, ['pages', p], { kind: 'page', name: page.name });
    page.sections.forEach((section, s) => {
      visitElement(section as unknown as Record<string, unknown>, ['pages', p, 'sections', s], { kind: 'section', name: section.name });
      section.questions.forEach((question, q) =>
        visitElement(question as unknown as Record<string, unknown>, ['pages', p, 'sections', s, 'questions', q], { kind: 'question', name: question.name }),
      );
    });
  });
}

function visitExpressions(questionnaire: Questionnaire, visit: Visit): void {
  walkElements(questionnaire, (element, path, owner) => {
    if (owner.kind === 'questionnaire') return;
    const conditions = (holder: Record<string, unknown>, relative: PathKey[]) => {
      for (const key of CONDITION_KEYS) visit([...path, ...relative, key], owner, [...relative, key], holder[key]);
    };
    conditions(element, []);
    if (owner.kind !== 'question') return;
    (element.validators as unknown[] | undefined)?.forEach((validator, v) => {
      if (isRecord(validator) && validator.type === 'expression') visit([...path, 'validators', v, 'expression'], owner, ['validators', v, 'expression'], validator.expression);
    });
    for (const list of ['choices', 'rows'] as const) {
      if (Array.isArray(element[list])) (element[list] as unknown[]).forEach((item, i) => isRecord(item) && conditions(item, [list, i]));
    }
  });
}

/** Every localized string (each language separately) of every element's texts. */
function visitTexts(questionnaire: Questionnaire, visit: Visit): void {
  walkElements(questionnaire, (element, path, owner) => {
    const localized = (relative: PathKey[]) => {
      const value = getIn(element, relative);
      if (typeof value === 'string') visit([...path, ...relative], owner, relative, value);
      else if (isRecord(value)) for (const [language, text] of Object.entries(value)) visit([...path, ...relative, language], owner, [...relative, language], text);
    };
    const keys = owner.kind === 'questionnaire' ? (['title', 'description'] as const) : QUESTION_TEXT_KEYS;
    for (const key of keys) localized([key]);
    if (owner.kind !== 'question') return;
    for (const key of OPTION_KEYS) if (isRecord(element[key])) localized([key, 'text']);
    for (const list of ['choices', 'rows'] as const) if (Array.isArray(element[list])) (element[list] as unknown[]).forEach((_, i) => localized([list, i, 'text']));
    if (Array.isArray(element.validators)) element.validators.forEach((_, v) => localized(['validators', v, 'message']));
  });
}

/** Every question name the index model holds: criterion sources, distributions and breakdowns. */
function visitIndex(questionnaire: Questionnaire, visit: Visit): void {
  const index = questionnaire.sipas?.index;
  if (!index) return;
  const node = (current: IndexNode, relative: PathKey[]) => {
    if (current.source) visit(['sipas', 'index', ...relative, 'source', 'question'], QUESTIONNAIRE_SELECTION, ['sipas', 'index', ...relative, 'source', 'question'], current.source.question);
    current.children?.forEach((child, c) => node(child, [...relative, 'children', c]));
  };
  if (isRecord(index.root)) node(index.root, ['root']);
  for (const list of ['distributions', 'breakdowns'] as const) {
    index[list]?.forEach((name, n) => visit(['sipas', 'index', list, n], QUESTIONNAIRE_SELECTION, ['sipas', 'index', list, n], name));
  }
}

/** Every place an expression lives, in document order (page, its sections, their questions). */
export function expressionSites(questionnaire: Questionnaire): ExpressionSite[] {
  const sites: ExpressionSite[] = [];
  visitExpressions(questionnaire, (path, owner, property, value) => {
    if (typeof value === 'string') sites.push({ path, owner, property: property.join('.'), expression: value });
  });
  return sites;
}

/** The start of each `name` written inside a reference to `name` (after any spaces within the braces); none when the expression does not parse. */
function referenceOffsets(expression: string, name: string): number[] {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return [];
  return parsed.references
    .filter((reference) => reference.name === name)
    .map((reference) => {
      const inner = expression.slice(reference.start + 1, reference.end - 1);
      return reference.start + 1 + (inner.length - inner.trimStart().length);
    });
}

const pipesAnswerOf = (text: string, name: string): boolean => [...text.matchAll(PIPED)].some((match) => match[2] === name);

const isName = (value: unknown, name: string): value is string => value === name;

/** Every expression, text and index entry that refers to the question `name`, once per string. */
export function findReferences(questionnaire: Questionnaire, name: string): Reference[] {
  const found: Reference[] = [];
  const take = (kind: ReferenceKind, matches: (value: string) => boolean): Visit => (path, owner, property, value) => {
    if (typeof value === 'string' && matches(value)) found.push({ kind, path, owner, property: property.join('.'), text: value });
  };
  visitExpressions(questionnaire, take('expression', (expression) => referenceOffsets(expression, name).length > 0));
  visitTexts(questionnaire, take('text', (text) => pipesAnswerOf(text, name)));
  visitIndex(questionnaire, take('index', (value) => isName(value, name)));
  return found;
}

/** The expression with every reference to `from` naming `to` instead; all other characters kept. */
export function renameInExpression(expression: string, from: string, to: string): string {
  let renamed = expression;
  for (const offset of referenceOffsets(expression, from).sort((a, b) => b - a)) {
    renamed = renamed.slice(0, offset) + to + renamed.slice(offset + from.length);
  }
  return renamed;
}

const renameInText = (text: string, from: string, to: string): string =>
  text.replace(PIPED, (whole, before: string, name: string, row: string, after: string) => (name === from ? `{${before}${to}${row}${after}}` : whole));

/**
 * The document with every reference to question `from` rewritten to `to` (the question itself is
 * renamed by the caller). Only the strings that change are replaced, so every other object keeps
 * its identity and every other character of a changed string is kept.
 */
export function renameReferences(questionnaire: Questionnaire, from: string, to: string): Questionnaire {
  if (from === to) return questionnaire;
  let renamed = questionnaire;
  for (const reference of findReferences(questionnaire, from)) {
    const next =
      reference.kind === 'expression' ? renameInExpression(reference.text, from, to) : reference.kind === 'text' ? renameInText(reference.text, from, to) : to;
    if (next !== reference.text) renamed = updateIn(renamed, reference.path, () => next);
  }
  return renamed;
}

/**
 * The references that would break if the elements named `names` (a question, or a section or page
 * with every name inside it) were deleted: those held by elements that go too are left out.
 */
export function removalImpact(questionnaire: Questionnaire, names: readonly string[]): Reference[] {
  const removed = new Set(names);
  const seen = new Set<string>();
  const impact: Reference[] = [];
  for (const name of removed) {
    for (const reference of findReferences(questionnaire, name)) {
      if (reference.owner.kind !== 'questionnaire' && removed.has(reference.owner.name)) continue;
      const key = reference.path.join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      impact.push(reference);
    }
  }
  return impact;
}
