/**
 * Questionnaire files on the user's computer: opening one (every way a file can be wrong is a
 * located, two-language problem, never an exception) and saving one as exactly the JSON that
 * `sipas validate` and the collector server accept.
 */
import { message, validateQuestionnaire, type LocalizedMessage, type Questionnaire, type ValidateOptions } from '@sipas/schema';

/** Larger files are refused before they are read: the standard questionnaires weigh about 100 kB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Why a file cannot be opened, located by a JSON pointer (empty: the whole file). */
export interface FileProblem {
  path: string;
  /** `too-big`, `unreadable`, `empty`, `not-json`, `not-object`, or the validator's code. */
  code: string;
  message: LocalizedMessage;
  /** Where a JSON syntax error is, counted from 1, when the browser says. */
  line?: number;
  column?: number;
}

export type ReadQuestionnaireResult = { questionnaire: Questionnaire } | { errors: FileProblem[] };

/**
 * Reads a questionnaire file. A document the validator accepts opens (design warnings such as an
 * untranslated title do not stop it: the checks view lists them); anything else comes back as
 * located problems.
 */
export async function readQuestionnaireFile(file: File, options: ValidateOptions = {}): Promise<ReadQuestionnaireResult> {
  if (file.size > MAX_FILE_BYTES) {
    const size = (file.size / 1024 / 1024).toFixed(1);
    return problem('too-big', message(`Tệp quá lớn (${size} MB); phiếu khảo sát không vượt quá 5 MB.`, `The file is too big (${size} MB); a questionnaire is at most 5 MB.`));
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    return problem('unreadable', message(`Không đọc được tệp: ${String(error)}`, `The file could not be read: ${String(error)}`));
  }
  return parseQuestionnaireText(text, options);
}

/** The same checks on text already read (the JSON view, a pasted document). */
export function parseQuestionnaireText(text: string, options: ValidateOptions = {}): ReadQuestionnaireResult {
  // Editors on Windows save UTF-8 with a byte order mark; JSON.parse refuses it.
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return problem('empty', message('Tệp trống, không có nội dung.', 'The file is empty.'));
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    return { errors: [syntaxProblem(json, error)] };
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return problem('not-object', message('Tệp không chứa một phiếu khảo sát: nội dung phải là một đối tượng JSON { … }.', 'The file does not hold a questionnaire: its content must be a JSON object { … }.'));
  }
  const checked = validateQuestionnaire(document, options);
  if (!checked.valid) return { errors: checked.errors.map(({ path, code, message: text }) => ({ path, code, message: text })) };
  return { questionnaire: document as Questionnaire };
}

function problem(code: string, text: LocalizedMessage): { errors: FileProblem[] } {
  return { errors: [{ path: '', code, message: text }] };
}

/** A JSON syntax error with its line and column, read from the engine's message (browsers word it differently). */
function syntaxProblem(text: string, error: unknown): FileProblem {
  const detail = error instanceof Error ? error.message : String(error);
  const place = syntaxErrorPlace(text, detail);
  if (!place) return { path: '', code: 'not-json', message: message(`Tệp không phải JSON hợp lệ (${detail}).`, `The file is not valid JSON (${detail}).`) };
  const { line, column } = place;
  return {
    path: '',
    code: 'not-json',
    line,
    column,
    message: message(`Tệp không phải JSON hợp lệ: lỗi ở dòng ${line}, cột ${column} (${detail}).`, `The file is not valid JSON: error at line ${line}, column ${column} (${detail}).`),
  };
}

function syntaxErrorPlace(text: string, detail: string): { line: number; column: number } | undefined {
  // Chromium and Node: "… (line 3 column 5)"; Firefox: "… at line 3 column 5 of the JSON data".
  const stated = /line (\d+) column (\d+)/i.exec(detail);
  if (stated) return { line: Number(stated[1]), column: Number(stated[2]) };
  // Older V8: "… at position 42"; a message without a place (Safari) falls back to the end of the text.
  const position = /position (\d+)/i.exec(detail);
  const offset = position ? Number(position[1]) : /unexpected end/i.test(detail) ? text.length : undefined;
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/**
 * The document as saved: without a `$schema` that is a path inside the project's repository (the
 * standard templates carry `../../../schemas/…`, which points nowhere next to a downloaded file);
 * a URL stays, editors use it.
 */
export function withoutRepositorySchemaPath(questionnaire: Questionnaire): Questionnaire {
  const schema = questionnaire.$schema;
  if (schema === undefined || /^[a-z][a-z0-9+.-]*:/i.test(schema)) return questionnaire;
  const copy = { ...questionnaire };
  delete copy.$schema;
  return copy;
}

/** The file's text: two-space JSON and a final newline, as the project's own questionnaire files. */
export function questionnaireJson(questionnaire: Questionnaire): string {
  return `${JSON.stringify(withoutRepositorySchemaPath(questionnaire), null, 2)}\n`;
}

/** Names Windows keeps for devices: a file may not be called `con.json` there. */
const RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * `<id>-v<version>.json` (just `<id>.json` before the server has given a version), with anything
 * a file system might refuse replaced: a document being designed may not have a valid id yet.
 */
export function questionnaireFileName(questionnaire: Questionnaire): string {
  const id = String(questionnaire.id ?? '')
    // Vietnamese letters lose their marks rather than the letter: "phiếu mới" → "phieu-moi".
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  const base = id === '' ? 'phieu-khao-sat' : RESERVED_NAMES.test(id) ? `${id}-phieu` : id;
  const version = Number.isInteger(questionnaire.version) && questionnaire.version! >= 1 ? `-v${questionnaire.version}` : '';
  return `${base}${version}.json`;
}

/** Saves the questionnaire through the browser's download (no server involved). */
export function downloadQuestionnaire(questionnaire: Questionnaire, fileName = questionnaireFileName(questionnaire)): void {
  const blob = new Blob([questionnaireJson(questionnaire)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; revoking later keeps slow browsers from losing it.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
