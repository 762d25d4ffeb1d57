/**
 * The columns of a responses export: what was recorded about each response, then one column per
 * answer in questionnaire order, named so that analysts can script against them:
 *
 * | question | columns |
 * | --- | --- |
 * | likert | `name.row` per row (the level's value, or the no-opinion value) |
 * | multiple | `name.choice` per choice and for the "none" option: 1 chosen, 0 not, empty when the question has no answer; `name.other`: the "other" text |
 * | single, dropdown with "other" | `name` (the value, `other` included) and `name-other` (its text) |
 * | boolean | `name`: 1 yes, 0 no |
 * | custom type with `exportColumns` | what the type says: `name` or `name.key` per column |
 * | any other | `name`: the value; a structured custom answer as JSON |
 *
 * Values are the stored codes (levels, choice values, unit ids), never their display texts: the
 * titles go in a second header row (CSV, on request) or the Questions sheet (XLSX).
 */
import { coreTypes, type ExportColumnPart } from '@sipas/core';
import type { ResponseRow } from './response-selection.js';
import {
  asBuiltIn,
  hasOtherOption,
  listQuestions,
  message,
  noneValue,
  OTHER_SUFFIX,
  OTHER_VALUE,
  toMessage,
  type Answer,
  type LocalizedMessage,
  type MultipleQuestion,
  type NoneOption,
  type OtherOption,
  type Question,
  type Questionnaire,
} from '@sipas/schema';

/** A cell: text, a number (kept numeric in XLSX), or nothing. */
export type Cell = string | number | null;

/** One exported response, as read from the `responses` table. */
export type ExportSource = ResponseRow;

export interface ExportColumn {
  /** The header: `responseId`, `A_criteria.A1`, `expectations.3`, `occupation-other`. */
  name: string;
  /** The question the column comes from; undefined for what was recorded about the response. */
  question?: string;
  /** For people: the question title, with the row or choice after a dash. */
  title: LocalizedMessage;
  value(source: ExportSource): Cell;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const instant = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

/** What was recorded about every response, before the answers. */
export const RECORD_COLUMNS: readonly ExportColumn[] = [
  { name: 'responseId', title: message('Mã phiếu', 'Response id'), value: (s) => s.response_id },
  { name: 'version', title: message('Phiên bản bảng hỏi', 'Questionnaire version'), value: (s) => s.questionnaire_version },
  { name: 'startedAt', title: message('Thời điểm bắt đầu (theo thiết bị)', 'Started at (device time)'), value: (s) => text(s.document.startedAt) },
  { name: 'submittedAt', title: message('Thời điểm nộp (theo thiết bị)', 'Submitted at (device time)'), value: (s) => text(s.document.submittedAt) },
  { name: 'receivedAt', title: message('Thời điểm máy chủ nhận (UTC)', 'Received by the server at (UTC)'), value: (s) => instant(s.received_at) },
  { name: 'channel', title: message('Kênh thu thập', 'Channel'), value: (s) => text(s.document.channel) },
  { name: 'unit', title: message('Đơn vị', 'Unit'), value: (s) => s.unit },
  { name: 'serviceField', title: message('Lĩnh vực', 'Service field'), value: (s) => s.service_field },
  { name: 'locale', title: message('Ngôn ngữ của phiếu', 'Language of the form'), value: (s) => text(s.document.locale) },
  { name: 'counter', title: message('Quầy (máy tại quầy)', 'Counter (kiosk)'), value: (s) => text(s.document.collection?.counter) },
  { name: 'officer', title: message('Mã công chức tại quầy', 'Officer at the counter'), value: (s) => text(s.document.collection?.officer) },
  { name: 'interviewer', title: message('Người phỏng vấn', 'Interviewer'), value: (s) => text(s.document.collection?.interviewer) },
  { name: 'paperSerial', title: message('Số phiếu giấy', 'Paper form serial'), value: (s) => text(s.document.paper?.serial) },
  { name: 'paperEnumerator', title: message('Điều tra viên (phiếu giấy)', 'Enumerator (paper form)'), value: (s) => text(s.document.paper?.enumerator) },
  { name: 'paperSample', title: message('Mẫu (chính thức/dự phòng)', 'Sample (official/reserve)'), value: (s) => text(s.document.paper?.sample) },
  { name: 'paperVerification', title: message('Phiếu phúc tra', 'Verification (phúc tra) form'), value: (s) => (s.document.paper?.verification === undefined ? null : s.document.paper.verification ? 1 : 0) },
  { name: 'paperSpoiled', title: message('Câu bị hỏng trên phiếu giấy', 'Spoiled items on the paper form'), value: (s) => (s.document.paper?.spoiled?.length ? s.document.paper.spoiled.join(';') : null) },
];

const OTHER_WORDS = message('Khác (ghi rõ)', 'Other (please specify)');
const NONE_WORDS = message('Không chọn mục nào', 'None of these');

const optionWords = (option: OtherOption | NoneOption | undefined, fallback: LocalizedMessage): LocalizedMessage =>
  option && typeof option === 'object' && option.text !== undefined ? toMessage(option.text) : fallback;

/** The question's title, with the row or choice after a dash. */
function titled(question: Question, item?: LocalizedMessage): LocalizedMessage {
  const own = question.title === undefined ? message(question.name, question.name) : toMessage(question.title);
  return item === undefined ? own : message(`${own.vi} — ${item.vi}`, `${own.en} — ${item.en}`);
}

/** A scalar answer as a cell: numbers and texts as they are, yes/no as 1/0, anything structured as JSON. */
function scalarCell(answer: Answer | undefined): Cell {
  if (answer === undefined || answer === null || answer === '') return null;
  if (typeof answer === 'number' || typeof answer === 'string') return answer;
  if (typeof answer === 'boolean') return answer ? 1 : 0;
  return JSON.stringify(answer);
}

const answerOf = (source: ExportSource, name: string): Answer | undefined =>
  Object.hasOwn(source.document.answers ?? {}, name) ? source.document.answers[name] : undefined;

function multipleColumns(question: MultipleQuestion): ExportColumn[] {
  const chosen = (source: ExportSource, value: string | number): Cell => {
    const answer = answerOf(source, question.name);
    return Array.isArray(answer) && answer.length > 0 ? (answer.includes(value) ? 1 : 0) : null;
  };
  const columns: ExportColumn[] = question.choices.map((choice) => ({
    name: `${question.name}.${choice.value}`,
    question: question.name,
    title: titled(question, toMessage(choice.text)),
    value: (source) => chosen(source, choice.value),
  }));
  const none = noneValue(question);
  if (none !== undefined) {
    columns.push({ name: `${question.name}.${none}`, question: question.name, title: titled(question, optionWords(question.none, NONE_WORDS)), value: (source) => chosen(source, none) });
  }
  if (hasOtherOption(question)) {
    columns.push({
      name: `${question.name}.${OTHER_VALUE}`,
      question: question.name,
      title: titled(question, optionWords(question.other, OTHER_WORDS)),
      value: (source) => text(answerOf(source, `${question.name}${OTHER_SUFFIX}`)),
    });
  }
  return columns;
}

/** A custom type's own columns (its definition's `exportColumns`); a cell the type cannot make stays empty. */
function customColumns(question: Question, own: ExportColumnPart[]): ExportColumn[] {
  const named = own.map((column) => (column.key === undefined ? question.name : `${question.name}.${column.key}`));
  return own.map((column, i) => ({
    // Column names must be unique for scripts to find them: a repeated key gets its position.
    name: named.indexOf(named[i]!) === i ? named[i]! : `${named[i]}~${i + 1}`,
    question: question.name,
    title: titled(question, column.title && message(column.title.vi, column.title.en ?? column.title.vi)),
    value: (source) => {
      const answer = answerOf(source, question.name);
      if (answer === undefined || answer === null) return null;
      try {
        // Whatever the type gives becomes a cell like any answer (yes/no as 1/0, structures as JSON).
        return scalarCell((column.value ? column.value(answer) : answer) as Answer | undefined);
      } catch {
        return null;
      }
    },
  }));
}

/** The answer columns of one question, in the order the form shows its parts. */
function questionColumns(question: Question): ExportColumn[] {
  const builtIn = asBuiltIn(question);
  if (builtIn?.type === 'info') return [];
  if (builtIn?.type === 'likert') {
    return builtIn.rows.map((row) => ({
      name: `${question.name}.${row.value}`,
      question: question.name,
      title: titled(question, toMessage(row.text)),
      value: (source) => {
        const answer = answerOf(source, question.name);
        return answer && typeof answer === 'object' && !Array.isArray(answer) && Object.hasOwn(answer, row.value) ? scalarCell(answer[row.value]) : null;
      },
    }));
  }
  if (builtIn?.type === 'multiple') return multipleColumns(builtIn);
  if (!builtIn) {
    const own = coreTypes.get(question.type)?.exportColumns?.(question);
    if (own) return customColumns(question, own);
  }
  const columns: ExportColumn[] = [{ name: question.name, question: question.name, title: titled(question), value: (source) => scalarCell(answerOf(source, question.name)) }];
  if (hasOtherOption(question)) {
    const other = (question as { other?: OtherOption }).other;
    columns.push({
      name: `${question.name}${OTHER_SUFFIX}`,
      question: question.name,
      title: titled(question, optionWords(other, OTHER_WORDS)),
      value: (source) => text(answerOf(source, `${question.name}${OTHER_SUFFIX}`)),
    });
  }
  return columns;
}

/** Every column of a responses export of this questionnaire (version). */
export function responseColumns(questionnaire: Questionnaire): ExportColumn[] {
  return [...RECORD_COLUMNS, ...listQuestions(questionnaire).flatMap(({ question }) => questionColumns(question))];
}

/** The cells of one response, in column order. */
export const responseCells = (columns: readonly ExportColumn[], source: ExportSource): Cell[] => columns.map((column) => column.value(source));
