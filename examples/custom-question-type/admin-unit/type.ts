/**
 * The `admin-unit` question type: an administrative unit chosen level by level from lists the
 * questionnaire carries as data (D6 example b). DOM-free: servers and the CLI import this module
 * (`sipas --types`), pages add the element in index.ts.
 *
 * The levels are data, not code, because they change: since 1 July 2025 local government has two
 * levels (province, then commune, ward or special zone) instead of three, and a survey of 2024
 * responses still needs the district.
 *
 * Answer: the chosen codes from the top level down, e.g. `["79", "26734"]`.
 */
import { message, quote, toMessage, type Answer, type Question } from '@sipas/schema';
import type { AnswerContext, QuestionTypeDefinition } from '@sipas/core';
import { checkPath, treeOf, type AdminLevel, type AdminUnit, type AdminUnitQuestion } from './units.js';
import { relationProblems, UNIT_CODE, UNIT_CODE_MAX } from './unit-list.js';

/**
 * How deep a list may go. Any real hierarchy fits (Vietnam has had at most four levels: province,
 * district, commune, hamlet); the bound keeps a malformed document from asking for a thousand
 * selects.
 */
const MAX_LEVELS = 12;

/** The export column with the chosen names; a level may not take its key. */
export const LABEL_COLUMN = 'label';

const asQuestion = (question: Question): AdminUnitQuestion => question as AdminUnitQuestion;

/** Codes are strings; a spreadsheet or a script may hand over numbers or padded text. */
function normalize(value: unknown): Answer | undefined {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === 'string' || typeof value === 'number' ? [value] : value;
  if (!Array.isArray(items)) return value as Answer;
  const codes = items.map((item) => (typeof item === 'number' ? String(item) : typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '');
  return codes.length === 0 ? undefined : (codes as Answer);
}

function validate(value: Answer, { question }: AnswerContext) {
  const own = asQuestion(question);
  return checkPath(treeOf(own), value as string[], own.fullPath ?? true);
}

/** What the fragment cannot say: level names unique (they name export columns); of the list, codes unique, parents listed, no cycle, no deeper than the levels. */
function checkQuestion(question: Question) {
  const own = asQuestion(question);
  const names = own.levels.map((level) => level.name);
  const repeatedLevels = names.flatMap((name, index) =>
    names.indexOf(name) === index
      ? []
      : [{ path: `/levels/${index}/name`, code: 'duplicate-level-name', message: message(`Tên cấp ${quote(name)} bị trùng (mỗi cấp một cột khi xuất dữ liệu)`, `The level name ${quote(name)} is repeated (each level is an export column)`) }],
  );
  return [...repeatedLevels, ...relationProblems(own.units, own.levels.length).map((problem) => ({
    path: `/units/${problem.index}/${problem.field}`,
    code: problem.code,
    message: message(`Danh mục đơn vị: ${problem.vi}`, `Unit list: ${problem.en}`),
  }))];
}

const codeOf = (index: number) => (answer: Answer) => (Array.isArray(answer) ? String(answer[index] ?? '') || null : null);

/** One column per level with the chosen code, then the names joined as an address (in Vietnamese). */
function exportColumns(question: Question) {
  const own = asQuestion(question);
  const tree = treeOf(own);
  return [
    ...own.levels.map((level, index) => ({ key: level.name, title: toMessage(level.title), value: codeOf(index) })),
    {
      key: LABEL_COLUMN,
      title: { vi: 'Tên đơn vị', en: 'Unit name' },
      value: (answer: Answer) => (Array.isArray(answer) && answer.length > 0 ? tree.address(answer.map(String), 'vi') : null),
    },
  ];
}

/**
 * A small sample for new questions, on the two levels in force since July 2025. The province
 * codes are the official ones; the commune codes are illustrative: replace the list with the
 * official one (paste it from a spreadsheet into the list editor).
 */
const SAMPLE_LEVELS: AdminLevel[] = [
  { name: 'province', title: { vi: 'Tỉnh/Thành phố', en: 'Province/City' } },
  { name: 'commune', title: { vi: 'Xã/Phường/Đặc khu', en: 'Commune/Ward/Special zone' } },
];

const SAMPLE_UNITS: AdminUnit[] = [
  { code: '01', name: { vi: 'Thành phố Hà Nội', en: 'Hanoi' } },
  { code: '00070', name: { vi: 'Phường Hoàn Kiếm', en: 'Hoan Kiem Ward' }, parent: '01' },
  { code: '00004', name: { vi: 'Phường Ba Đình', en: 'Ba Dinh Ward' }, parent: '01' },
  { code: '08980', name: { vi: 'Xã Sóc Sơn', en: 'Soc Son Commune' }, parent: '01' },
  { code: '48', name: { vi: 'Thành phố Đà Nẵng', en: 'Da Nang' } },
  { code: '20194', name: { vi: 'Phường Hải Châu', en: 'Hai Chau Ward' }, parent: '48' },
  { code: '20333', name: { vi: 'Đặc khu Hoàng Sa', en: 'Hoang Sa Special Zone' }, parent: '48' },
  { code: '79', name: { vi: 'Thành phố Hồ Chí Minh', en: 'Ho Chi Minh City' } },
  { code: '26734', name: { vi: 'Phường Sài Gòn', en: 'Sai Gon Ward' }, parent: '79' },
  { code: '26743', name: { vi: 'Phường Bến Thành', en: 'Ben Thanh Ward' }, parent: '79' },
  { code: '28756', name: { vi: 'Đặc khu Côn Đảo', en: 'Con Dao Special Zone' }, parent: '79' },
];

const localizedString = { $ref: '#/$defs/LocalizedString' };

/** The designer's labels and hints in both languages; the fragment carries the Vietnamese ones for other JSON Schema tools. */
const PROPERTY_TEXTS = {
  levels: {
    label: { vi: 'Các cấp (từ cao xuống thấp)', en: 'Levels (top first)' },
    description: {
      vi: 'Mỗi cấp một mục { "name", "title" }, cấp cao nhất trước; "name" đặt tên cột khi xuất dữ liệu (unit.province).',
      en: 'One entry { "name", "title" } per level, top first; "name" names the export column (unit.province).',
    },
  },
  units: { label: { vi: 'Danh mục đơn vị hành chính', en: 'Administrative units' } },
  fullPath: { label: { vi: 'Phải chọn đến cấp cuối cùng', en: 'The lowest level must be chosen' } },
  searchable: { label: { vi: 'Cho tìm kiếm', en: 'Searchable' } },
};

const adminUnit: QuestionTypeDefinition = {
  type: 'admin-unit',
  schema: {
    properties: {
      type: 'object',
      required: ['levels', 'units'],
      properties: {
        levels: {
          type: 'array',
          title: PROPERTY_TEXTS.levels.label.vi,
          description: PROPERTY_TEXTS.levels.description.vi,
          minItems: 1,
          maxItems: MAX_LEVELS,
          items: {
            type: 'object',
            required: ['name', 'title'],
            properties: {
              // An identifier (it names an export column), and not the column of the joined names.
              name: { type: 'string', pattern: `^(?!${LABEL_COLUMN}$)[A-Za-z][A-Za-z0-9_]*$`, maxLength: 64 },
              title: localizedString,
            },
            additionalProperties: false,
          },
        },
        units: {
          type: 'array',
          title: PROPERTY_TEXTS.units.label.vi,
          minItems: 1,
          maxItems: 20000,
          items: {
            type: 'object',
            required: ['code', 'name'],
            properties: {
              code: { type: 'string', pattern: UNIT_CODE.source, maxLength: UNIT_CODE_MAX },
              name: localizedString,
              parent: { type: 'string', pattern: UNIT_CODE.source, maxLength: UNIT_CODE_MAX },
            },
            additionalProperties: false,
          },
        },
        fullPath: { type: 'boolean', default: true, title: PROPERTY_TEXTS.fullPath.label.vi },
        searchable: { type: 'boolean', default: true },
      },
    },
    answer: { type: 'array', maxItems: MAX_LEVELS, items: { type: 'string', minLength: 1, maxLength: UNIT_CODE_MAX } },
    checkQuestion,
  },
  normalize,
  validate,
  exportColumns,
  designer: {
    label: { vi: 'Đơn vị hành chính', en: 'Administrative unit' },
    icon: '⌂',
    group: 'choice',
    namePrefix: 'adminUnit',
    defaults: {
      title: { vi: 'Ông/Bà thực hiện thủ tục tại đơn vị hành chính nào?', en: 'In which administrative unit did you carry out the procedure?' },
      levels: SAMPLE_LEVELS,
      units: SAMPLE_UNITS,
      fullPath: true,
    },
    editors: { units: 'sipas-admin-unit-list-editor' },
    properties: PROPERTY_TEXTS,
  },
  // No `surveyjs` part: SurveyJS has no question whose answer is a path of codes (a panel of
  // dropdowns would answer under one name per level), so toSurveyJS keeps the question whole in a
  // hidden html element and fromSurveyJS restores it (README.md).
};

export default adminUnit;
