/**
 * The least a document needs for the designer to render and edit it: an object with a `pages`
 * list of objects, each with a string `name` and a `sections` list of objects, each with a string
 * `name` and a `questions` list of objects, each with a string `name` and `type`.
 *
 * Everything else (empty lists, bad names, unknown types, broken expressions) is for
 * `validateQuestionnaire` to report while the designer keeps working; a document without this
 * shape would crash the canvas on every render, so the JSON view, opening a file and recovering an
 * autosaved draft all refuse it, with these located problems.
 */
import { message, pointer, type LocalizedMessage, type Questionnaire } from '@sipas/schema';
import { isRecord } from './values.js';

/** Why a document cannot be designed, located by a JSON pointer (empty: the whole document). */
export interface ShapeProblem {
  path: string;
  message: LocalizedMessage;
}

/** What each level is called in the messages, and the list it holds. */
interface Level {
  noun: LocalizedMessage;
  list?: 'sections' | 'questions';
  /** String properties besides `name`. */
  strings: string[];
}

const PAGE: Level = { noun: message('Trang', 'The page'), list: 'sections', strings: [] };
const SECTION: Level = { noun: message('Phần', 'The section'), list: 'questions', strings: [] };
const QUESTION: Level = { noun: message('Câu hỏi', 'The question'), strings: ['type'] };
const CHILD: Record<'pages' | 'sections' | 'questions', Level> = { pages: PAGE, sections: SECTION, questions: QUESTION };


/** Every shape problem of a document, in document order; none when the designer can open it. */
export function shapeProblems(value: unknown): ShapeProblem[] {
  if (!isRecord(value)) {
    return [{ path: '', message: message('Nội dung phải là một đối tượng JSON { … }.', 'The content must be a JSON object { … }.') }];
  }
  const problems: ShapeProblem[] = [];
  checkList(value, 'pages', [], message('Phiếu', 'The questionnaire'), problems);
  return problems;
}

/** True when the designer can render and edit the document (it may still have validation errors). */
export function hasDocumentShape(value: unknown): value is Questionnaire {
  return shapeProblems(value).length === 0;
}

function checkList(owner: Record<string, unknown>, key: 'pages' | 'sections' | 'questions', at: (string | number)[], ownerNoun: LocalizedMessage, problems: ShapeProblem[]): void {
  const list = owner[key];
  const path = pointer(...at, key);
  if (!Array.isArray(list)) {
    const missing = list === undefined;
    problems.push({
      path,
      message: missing
        ? message(`${ownerNoun.vi} thiếu danh sách "${key}" [ … ].`, `${ownerNoun.en} has no "${key}" list [ … ].`)
        : message(`"${key}" của ${lower(ownerNoun.vi)} phải là một danh sách [ … ].`, `The "${key}" of ${lower(ownerNoun.en)} must be a list [ … ].`),
    });
    return;
  }
  const level = CHILD[key];
  list.forEach((item: unknown, index) => checkItem(item, level, [...at, key, index], problems));
}

function checkItem(item: unknown, level: Level, at: (string | number)[], problems: ShapeProblem[]): void {
  const { noun } = level;
  if (!isRecord(item)) {
    problems.push({ path: pointer(...at), message: message(`${noun.vi} phải là một đối tượng JSON { … }.`, `${noun.en} must be a JSON object { … }.`) });
    return;
  }
  for (const key of ['name', ...level.strings]) {
    if (typeof item[key] !== 'string') {
      problems.push({
        path: pointer(...at, key),
        message: message(`${noun.vi} thiếu "${key}" (một chuỗi ký tự).`, `${noun.en} has no "${key}" (a string).`),
      });
    }
  }
  if (level.list) checkList(item, level.list, at, noun, problems);
}

/** "Trang" → "trang", "The page" → "the page", for use inside a sentence. */
const lower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
