/**
 * Questionnaire files on the user's computer: opening one (every way a file can be wrong is a
 * located, two-language problem, never an exception) and saving one as exactly the JSON that
 * `sipas validate` and the collector server accept.
 *
 * What opens is what the designer can edit (model/document-shape.ts), not only what the validator
 * accepts: the designer saves work in progress (a new empty page, a question still without
 * choices), and a saved file must open again. Its validation errors come back as `problems` for
 * the designer to show. The JSON view applies text by the same rule (`parseQuestionnaireText`).
 */
import { message, validateQuestionnaire, type LocalizedMessage, type Questionnaire, type ValidateOptions, type ValidationError } from '@sipas/schema';
import { shapeProblems } from './document-shape.js';
import { parseJson, syntaxErrorMessage } from './json-text.js';
import { withoutDiacritics } from './values.js';

/** Larger files are refused before they are read: the standard questionnaires weigh about 100 kB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Why a text cannot be opened, located by a JSON pointer (empty: the whole text). */
export interface FileProblem {
  path: string;
  /** `too-big`, `unreadable`, `empty`, `not-json`, `not-object` or `shape`. */
  code: string;
  message: LocalizedMessage;
  /** Where a JSON syntax error is: line and column counted from 1, offset into the text (UTF-16 code units). */
  line?: number;
  column?: number;
  offset?: number;
}

/**
 * A document the designer can edit, with what the validator says about it (empty when valid), or
 * why there is no such document.
 */
export type ReadQuestionnaireResult = { questionnaire: Questionnaire; problems: ValidationError[] } | { errors: FileProblem[] };

/**
 * Reads a questionnaire file. Any document the designer can edit opens, validation errors and
 * all (they come back as `problems`); an unreadable, oversized, non-JSON or shapeless file comes
 * back as located `errors`.
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

/** The same rule on text already read: the JSON view's "Áp dụng", a pasted document. */
export function parseQuestionnaireText(text: string, options: ValidateOptions = {}): ReadQuestionnaireResult {
  // Editors on Windows save UTF-8 with a byte order mark; JSON.parse refuses it.
  const json = text.replace(/^\uFEFF/, '');
  if (json.trim() === '') return problem('empty', message('Không có nội dung.', 'There is no content.'));
  const parsed = parseJson(json);
  if (!parsed.ok) {
    const { line, column, offset } = parsed.error;
    // The offset is into the text as given, byte order mark included.
    return { errors: [{ path: '', code: 'not-json', message: syntaxErrorMessage(parsed.error), line, column, offset: offset + text.length - json.length }] };
  }
  const document = parsed.value;
  const shape = shapeProblems(document);
  if (shape.length > 0) {
    const code = typeof document === 'object' && document !== null && !Array.isArray(document) ? 'shape' : 'not-object';
    return { errors: shape.map(({ path, message: text }) => ({ path, code, message: text })) };
  }
  return { questionnaire: document as Questionnaire, problems: validateQuestionnaire(document, options).errors };
}

function problem(code: string, text: LocalizedMessage): { errors: FileProblem[] } {
  return { errors: [{ path: '', code, message: text }] };
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
  // Vietnamese letters lose their marks rather than the letter: "phiếu mới" → "phieu-moi".
  const id = withoutDiacritics(String(questionnaire.id ?? ''))
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 100);
  const base = id === '' ? 'phieu-khao-sat' : RESERVED_NAMES.test(id) ? `${id}-phieu` : id;
  const version = Number.isInteger(questionnaire.version) && questionnaire.version! >= 1 ? `-v${questionnaire.version}` : '';
  return `${base}${version}.json`;
}

/**
 * Offers text to the user as a downloaded file (no server involved): a Blob behind a temporary
 * `<a download>`, clicked, removed, and its URL released once the download has started.
 */
export function downloadFile(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
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

/** Saves the questionnaire as a `.json` file through the browser's download. */
export function downloadQuestionnaire(questionnaire: Questionnaire, fileName = questionnaireFileName(questionnaire)): void {
  downloadFile(fileName, 'application/json', questionnaireJson(questionnaire));
}
