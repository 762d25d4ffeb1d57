/**
 * Writes a SIPAS questionnaire as a Form.io wizard so Form.io renders the same pages, questions,
 * choices, required rules and conditions as <sipas-form> in the side-by-side benchmark.
 * Covers what the benchmark questionnaires use; anything else is refused by name, never guessed.
 */
import {
  asBuiltIn,
  flattenHierarchy,
  localize,
  parseExpression,
  resolveScale,
  type ExpressionNode,
  type LocalizedString,
  type Page,
  type Question,
  type Questionnaire,
} from '@sipas/schema';

export type FormioComponent = Record<string, unknown> & { type: string; key: string };
export interface FormioForm {
  display: 'wizard';
  components: FormioComponent[];
}

export class FormioConversionError extends Error {
  constructor(where: string, what: string) {
    super(`${where}: ${what} has no Form.io equivalent in the benchmark converter`);
    this.name = 'FormioConversionError';
  }
}

const textOf = (text: LocalizedString | undefined): string => (text === undefined ? '' : localize(text, 'vi'));

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Values are kept as strings (radios with `dataType: 'string'`, survey grids); booleans become "true" / "false". */
const stored = (value: unknown): string => String(value);

export function toFormio(questionnaire: Questionnaire): FormioForm {
  return { display: 'wizard', components: questionnaire.pages.map((page) => pagePanel(questionnaire, page)) };
}

/** A page or section description, shown as a paragraph before its questions. */
const descriptionBlock = (key: string, description: LocalizedString | undefined): FormioComponent[] =>
  description === undefined ? [] : [{ type: 'htmlelement', key: `${key}_description`, tag: 'p', input: false, content: escapeHtml(textOf(description)) }];

function pagePanel(questionnaire: Questionnaire, page: Page): FormioComponent {
  refuseUnknownKeys(page, PAGE_KEYS, `page ${page.name}`);
  return {
    type: 'panel',
    key: page.name,
    title: textOf(page.title) || page.name,
    input: false,
    ...conditional(page.visibleIf, `page ${page.name}`),
    components: [
      ...descriptionBlock(page.name, page.description),
      ...page.sections.map((section) => {
        refuseUnknownKeys(section, SECTION_KEYS, `section ${section.name}`);
        return {
          type: 'fieldset',
          key: section.name,
          legend: textOf(section.title),
          input: false,
          ...conditional(section.visibleIf, `section ${section.name}`),
          components: [...descriptionBlock(section.name, section.description), ...section.questions.map((question) => component(questionnaire, question))],
        };
      }),
    ],
  };
}

/**
 * What the converter understands. Anything else in a questionnaire is refused by name, so the
 * peers never silently get a simpler form than <sipas-form> does. Layout hints (`columns`,
 * `display`, `searchable`) and the index code change nothing a person answers.
 */
const PAGE_KEYS = new Set(['name', 'title', 'description', 'visibleIf', 'sections']);
const SECTION_KEYS = new Set(['name', 'title', 'description', 'visibleIf', 'questions']);
const QUESTION_KEYS: Record<string, readonly string[]> = {
  common: ['type', 'name', 'title', 'description', 'required', 'visibleIf', 'code'],
  info: ['text'],
  single: ['choices', 'other', 'columns'],
  multiple: ['choices', 'other', 'columns', 'validators'],
  dropdown: ['choices', 'choicesFrom', 'searchable'],
  boolean: ['labelTrue', 'labelFalse'],
  rating: ['scale', 'display'],
  likert: ['scale', 'rows', 'display'],
  text: ['inputType'],
  comment: ['rows'],
};

function refuseUnknownKeys(element: object, known: ReadonlySet<string>, where: string): void {
  for (const key of Object.keys(element)) if (!known.has(key)) throw new FormioConversionError(where, `"${key}"`);
}

function component(questionnaire: Questionnaire, question: Question): FormioComponent {
  const where = `question ${question.name}`;
  const builtIn = asBuiltIn(question);
  if (!builtIn || !QUESTION_KEYS[builtIn.type]) throw new FormioConversionError(where, `type "${question.type}"`);
  refuseUnknownKeys(question, new Set([...QUESTION_KEYS.common!, ...QUESTION_KEYS[builtIn.type]!]), where);
  const common = {
    key: question.name,
    label: textOf(question.title),
    ...(question.description === undefined ? {} : { description: textOf(question.description) }),
    input: true,
    ...('required' in question && question.required ? { validate: { required: true } } : {}),
    ...conditional(question.visibleIf, where),
  };
  switch (builtIn.type) {
    case 'info':
      return { type: 'htmlelement', key: builtIn.name, tag: 'div', input: false, content: `<h3>${escapeHtml(textOf(builtIn.title))}</h3><p>${escapeHtml(textOf(builtIn.text))}</p>` };
    case 'single':
      return { ...common, type: 'radio', dataType: 'string', values: [...builtIn.choices.map((c) => ({ label: textOf(c.text), value: stored(c.value) })), ...otherChoice(builtIn.other)] };
    case 'multiple': {
      const most = (builtIn.validators ?? []).map((rule) => (rule.type === 'count' && rule.min === undefined && rule.max !== undefined ? rule.max : Number.NaN));
      if (most.some((max) => !Number.isInteger(max))) throw new FormioConversionError(where, 'a validator other than "at most N"');
      const values = [...builtIn.choices.map((c) => ({ label: textOf(c.text), value: stored(c.value) })), ...otherChoice(builtIn.other)];
      return { ...common, type: 'selectboxes', values, ...(most.length ? { validate: { ...common.validate, maxSelectedCount: Math.min(...most) } } : {}) };
    }
    case 'dropdown': {
      const from = builtIn.choicesFrom;
      const items = from
        ? flattenHierarchy(questionnaire.sipas?.[from.list])
            .filter((item) => from.level === undefined || item.level === from.level)
            .map((item) => ({ label: textOf(item.label), value: item.id }))
        : (builtIn.choices ?? []).map((c) => ({ label: textOf(c.text), value: stored(c.value) }));
      return { ...common, type: 'select', dataSrc: 'values', data: { values: items } };
    }
    case 'boolean':
      return {
        ...common,
        type: 'radio',
        dataType: 'string',
        inline: true,
        values: [
          { label: textOf(builtIn.labelTrue) || 'Có', value: 'true' },
          { label: textOf(builtIn.labelFalse) || 'Không', value: 'false' },
        ],
      };
    case 'rating':
      return { ...common, type: 'radio', dataType: 'string', inline: true, values: levelsOf(questionnaire, builtIn.scale, where) };
    case 'likert':
      return {
        ...common,
        type: 'survey',
        questions: builtIn.rows.map((row) => ({ label: textOf(row.text), value: stored(row.value) })),
        values: levelsOf(questionnaire, builtIn.scale, where),
      };
    case 'text':
      return { ...common, type: builtIn.inputType === 'number' ? 'number' : 'textfield' };
    case 'comment':
      return { ...common, type: 'textarea', ...(builtIn.rows === undefined ? {} : { rows: builtIn.rows }) };
    default:
      throw new FormioConversionError(where, `type "${question.type}"`);
  }
}

/** Form.io has no "other, please specify"; an extra option keeps the same number of options. */
const otherChoice = (other: { text?: LocalizedString } | boolean | undefined): { label: string; value: string }[] =>
  other ? [{ label: (typeof other === 'object' && textOf(other.text)) || 'Khác', value: 'other' }] : [];

function levelsOf(questionnaire: Questionnaire, scale: Parameters<typeof resolveScale>[1], where: string): { label: string; value: string }[] {
  const resolved = resolveScale(questionnaire, scale);
  if (!resolved) throw new FormioConversionError(where, `scale ${JSON.stringify(scale)}`);
  return resolved.levels.map((level) => ({ label: textOf(level.text), value: stored(level.value) }));
}

function conditional(expression: string | undefined, where: string): { conditional?: { json: unknown } } {
  if (expression === undefined) return {};
  const parsed = parseExpression(expression);
  if (!parsed.ok) throw new FormioConversionError(where, `condition "${expression}" (it does not parse)`);
  return { conditional: { json: jsonLogic(parsed.ast, where) } };
}

const answeredGuards = (node: ExpressionNode, logic: unknown): unknown[] =>
  node.kind === 'variable' ? [{ '!=': [logic, ''] }, { '!=': [logic, null] }] : [];

/** JSON Logic, the condition language Form.io evaluates without running code from the form. */
function jsonLogic(node: ExpressionNode, where: string): unknown {
  switch (node.kind) {
    case 'literal':
      return typeof node.value === 'boolean' ? stored(node.value) : node.value;
    case 'variable':
      if (node.other) throw new FormioConversionError(where, `{${node.path}}`);
      return { var: `data.${node.name}${node.row === undefined ? '' : `.${node.row}`}` };
    case 'array':
      return node.items.map((item) => jsonLogic(item, where));
    case 'unary': {
      const operand = jsonLogic(node.operand, where);
      if (node.operator === 'not') return { '!': operand };
      const empty = { or: [{ '==': [operand, null] }, { '==': [operand, ''] }] };
      if (node.operator === 'empty') return empty;
      if (node.operator === 'notempty') return { '!': empty };
      throw new FormioConversionError(where, `operator "${node.operator}"`);
    }
    case 'binary': {
      const left = jsonLogic(node.left, where);
      const right = jsonLogic(node.right, where);
      switch (node.operator) {
        case 'and':
        case 'or':
          return { [node.operator]: [left, right] };
        case '=':
          return { '==': [left, right] };
        case '!=':
          return { [node.operator]: [left, right] };
        case '<':
        case '<=':
        case '>':
        case '>=':
          // JSON Logic compares an unanswered question ('' or null) like a number ('' <= 3 holds);
          // SIPAS and SurveyJS hold the comparison false until there is an answer.
          return { and: [...answeredGuards(node.left, left), ...answeredGuards(node.right, right), { [node.operator]: [left, right] }] };
        case 'anyof':
          if (!Array.isArray(right)) throw new FormioConversionError(where, 'anyof without a list');
          return { in: [left, right.map(stored)] };
        default:
          throw new FormioConversionError(where, `operator "${node.operator}"`);
      }
    }
    default:
      throw new FormioConversionError(where, `function ${node.name}()`);
  }
}
