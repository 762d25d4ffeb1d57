/**
 * Linking a question to the SIPAS index model (D7), as pure functions of the document. Like the
 * standard templates, an item of the index is a leaf node under a component (a child of the root):
 * `{ id: code, label, method: 'share', source: { question } }`, and for a likert grid one leaf per
 * row, `{ id: row code, …, source: { question, row } }`.
 */
import type { IndexNode, LikertQuestion, Question, Questionnaire, QuestionTypeRegistry } from '@sipas/schema';
import { questionTypes } from '@sipas/schema';
import { setIn } from '../../model/immutable.js';
import { locate } from '../../model/locate.js';

/** The question's criterion code (every answerable type may have one). */
export const codeOf = (question: Question): string | undefined => {
  const code = (question as { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
};

/** A leaf that reads this question (component nodes with their own source question are not leaves). */
const isLeafOf = (node: IndexNode, name: string): boolean => node.source?.question === name && node.children === undefined;

function* nodes(node: IndexNode): Generator<IndexNode> {
  yield node;
  for (const child of node.children ?? []) yield* nodes(child);
}

/** The components items can be put under: the root's children that are not items themselves. */
export function indexComponents(questionnaire: Questionnaire): IndexNode[] {
  return (questionnaire.sipas?.index?.root.children ?? []).filter((node) => node.children !== undefined || node.source === undefined);
}

/** The id of the component holding the question's items, if any. */
export function componentOf(questionnaire: Questionnaire, name: string): string | undefined {
  return indexComponents(questionnaire).find((component) => [...nodes(component)].some((node) => isLeafOf(node, name)))?.id;
}

/** Whether the question can feed an index (the format's `index-not-scored` rule); `schemas` describes custom types. */
export function canFeedIndex(question: Question, schemas: QuestionTypeRegistry = questionTypes): boolean {
  if (['rating', 'likert', 'single', 'dropdown'].includes(question.type)) return true;
  return schemas.get(question.type)?.answerValues !== undefined;
}

/** The codes of the question (a likert grid: of its rows) that no node of the index model has as id. */
export function codesMissingFromIndex(questionnaire: Questionnaire, question: Question): string[] {
  const root = questionnaire.sipas?.index?.root;
  if (!root) return [];
  const ids = new Set([...nodes(root)].map((node) => node.id));
  const own = codeOf(question);
  const codes = question.type === 'likert' ? (question as LikertQuestion).rows.flatMap((row) => row.code ?? []) : own !== undefined ? [own] : [];
  return codes.filter((code) => !ids.has(code));
}

/** The tree without the question's leaves (unchanged branches keep their identity). */
function withoutLeaves(node: IndexNode, name: string, removed: IndexNode[]): IndexNode {
  if (!node.children) return node;
  let changed = false;
  const children: IndexNode[] = [];
  for (const child of node.children) {
    if (isLeafOf(child, name)) {
      removed.push(child);
      changed = true;
      continue;
    }
    const next = withoutLeaves(child, name, removed);
    if (next !== child) changed = true;
    children.push(next);
  }
  return changed ? { ...node, children } : node;
}

/** The leaves the question should have: the ones it has (kept whole: weights, sets), new ones where missing. */
function leavesFor(question: Question, existing: IndexNode[]): IndexNode[] {
  const byRow = new Map(existing.map((node) => [node.source?.row ?? '', node]));
  if (question.type === 'likert') {
    return (question as LikertQuestion).rows.map(
      (row) =>
        byRow.get(row.value) ?? { id: row.code ?? row.value, label: row.text, method: 'share', source: { question: question.name, row: row.value } },
    );
  }
  const own = byRow.get('');
  if (own) return [own];
  const code = codeOf(question);
  if (code === undefined) return [];
  return [{ id: code, ...(question.title !== undefined ? { label: question.title } : {}), method: 'share', source: { question: question.name } }];
}

/**
 * The document with the question's items moved under the component `componentId` (added if it
 * had none), or taken out of the index model when `componentId` is undefined. A component left
 * without children is reported by the design checks (`required`), not silently deleted.
 */
export function linkToComponent(questionnaire: Questionnaire, name: string, componentId: string | undefined): Questionnaire {
  const root = questionnaire.sipas?.index?.root;
  const found = locate(questionnaire, name);
  if (!root || found?.kind !== 'question') return questionnaire;
  const removed: IndexNode[] = [];
  let nextRoot = withoutLeaves(root, name, removed);
  if (componentId !== undefined) {
    const leaves = leavesFor(found.element as Question, removed);
    const at = (nextRoot.children ?? []).findIndex((node) => node.id === componentId);
    if (at < 0 || leaves.length === 0) return questionnaire;
    const component = nextRoot.children![at]!;
    const children = [...nextRoot.children!];
    children[at] = { ...component, children: [...(component.children ?? []), ...leaves] };
    nextRoot = { ...nextRoot, children };
  }
  return nextRoot === root ? questionnaire : setIn(questionnaire, ['sipas', 'index', 'root'], nextRoot);
}

/** Renames the id of the question's own leaf when its criterion code changes (rows keep theirs). */
export function renameLeafId(questionnaire: Questionnaire, name: string, from: string | undefined, to: string | undefined): Questionnaire {
  const root = questionnaire.sipas?.index?.root;
  if (!root || from === undefined || to === undefined || from === to) return questionnaire;
  const rename = (node: IndexNode): IndexNode => {
    if (isLeafOf(node, name) && node.source?.row === undefined && node.id === from) return { ...node, id: to };
    if (!node.children) return node;
    const children = node.children.map(rename);
    return children.some((child, i) => child !== node.children![i]) ? { ...node, children } : node;
  };
  const nextRoot = rename(root);
  return nextRoot === root ? questionnaire : setIn(questionnaire, ['sipas', 'index', 'root'], nextRoot);
}
