/**
 * What the checks view lists: every error the validator finds (the document cannot be published
 * with them) plus design warnings it does not look for — a question without a title, a criterion
 * code the index model never uses, untranslated elements. Nothing is reported twice: a warning
 * the validator already reports as an error at the same place is dropped.
 *
 * Works on half-valid documents too (the JSON view may apply one), and caches by the document's
 * identity so rerendering the badge or the list costs nothing.
 */
import {
  message,
  questionTypes,
  quote,
  resolveScale,
  validateQuestionnaire,
  type LocalizedMessage,
  type Questionnaire,
  type QuestionTypeRegistry,
  type ScaleRef,
} from '@sipas/schema';
import type { CoreTypeRegistry } from '@sipas/core';
import { collectTexts, missing, type TextRow } from './translations.js';
import { isRecord } from './values.js';

export type CheckSeverity = 'error' | 'warning';

export interface DesignCheck {
  severity: CheckSeverity;
  /** JSON pointer of the value at fault (or where a missing one belongs). */
  path: string;
  /** The validator's code for errors; for warnings one of `no-title`, `no-text`, `code-not-in-index`,
   * `duplicate-choice-value`, `unknown-scale`, `untranslated`. Empty pages and sections are the
   * validator's `empty` errors, renamed `empty-page` and `empty-section`. */
  code: string;
  message: LocalizedMessage;
}

export interface DesignCheckOptions {
  /** The question types the document may use (the shared `coreTypes` by default): its schemas validate it. */
  types?: CoreTypeRegistry;
}

type JsonObject = Record<string, unknown>;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The Vietnamese of a text, or '' when there is none. */
const vietnamese = (value: unknown): string => (typeof value === 'string' ? value : isRecord(value) && typeof value.vi === 'string' ? value.vi : '');
const blank = (value: unknown): boolean => vietnamese(value).trim() === '';

/** How people know an element in a message: its Vietnamese/English title, else its name. */
function elementName(element: JsonObject): LocalizedMessage {
  const name = typeof element.name === 'string' ? element.name : '';
  const title = element.title;
  const vi = vietnamese(title).trim() || name;
  const en = (isRecord(title) && typeof title.en === 'string' && title.en.trim()) || vi;
  return message(quote(vi), quote(en));
}

interface LocatedQuestion {
  question: JsonObject;
  path: string;
}

function questionsOf(questionnaire: JsonObject): LocatedQuestion[] {
  const located: LocatedQuestion[] = [];
  asArray(questionnaire.pages).forEach((page, p) => {
    if (!isRecord(page)) return;
    asArray(page.sections).forEach((section, s) => {
      if (!isRecord(section)) return;
      asArray(section.questions).forEach((question, q) => {
        if (isRecord(question)) located.push({ question, path: `/pages/${p}/sections/${s}/questions/${q}` });
      });
    });
  });
  return located;
}

/** The validator's "list must not be empty" for pages and sections, said in designers' words. */
function renameEmptyLists(questionnaire: JsonObject, check: DesignCheck): DesignCheck {
  if (check.code !== 'empty') return check;
  const page = /^\/pages\/(\d+)\/sections$/.exec(check.path);
  if (page) {
    const element = asArray(questionnaire.pages)[Number(page[1])];
    const name = isRecord(element) ? elementName(element) : message('', '');
    return {
      ...check,
      path: check.path.replace(/\/sections$/, ''),
      code: 'empty-page',
      message: message(`Trang ${name.vi} chưa có phần nào`, `Page ${name.en} has no sections`),
    };
  }
  const section = /^\/pages\/(\d+)\/sections\/(\d+)\/questions$/.exec(check.path);
  if (section) {
    const pageElement = asArray(questionnaire.pages)[Number(section[1])];
    const element = isRecord(pageElement) ? asArray(pageElement.sections)[Number(section[2])] : undefined;
    const name = isRecord(element) ? elementName(element) : message('', '');
    return {
      ...check,
      path: check.path.replace(/\/questions$/, ''),
      code: 'empty-section',
      message: message(`Phần ${name.vi} chưa có câu hỏi nào`, `Section ${name.en} has no questions`),
    };
  }
  return check;
}

/** Index node ids and the likert rows the nodes take their answers from. */
function indexReferences(questionnaire: JsonObject): { ids: Set<string>; rows: Set<string> } | undefined {
  const sipas = questionnaire.sipas;
  const index = isRecord(sipas) ? sipas.index : undefined;
  if (!isRecord(index) || !isRecord(index.root)) return undefined;
  const references = { ids: new Set<string>(), rows: new Set<string>() };
  const visit = (node: unknown): void => {
    if (!isRecord(node)) return;
    if (typeof node.id === 'string') references.ids.add(node.id);
    const source = node.source;
    if (isRecord(source) && typeof source.question === 'string' && typeof source.row === 'string') {
      references.rows.add(`${source.question}\u0000${source.row}`);
    }
    asArray(node.children).forEach(visit);
  };
  visit(index.root);
  return references;
}

class DesignWarnings {
  readonly warnings: DesignCheck[] = [];

  constructor(private readonly questionnaire: JsonObject) {}

  private warn(path: string, code: string, vi: string, en: string): void {
    this.warnings.push({ severity: 'warning', path, code, message: message(vi, en) });
  }

  collect(): DesignCheck[] {
    const questions = questionsOf(this.questionnaire);
    const index = indexReferences(this.questionnaire);
    for (const located of questions) {
      this.checkTitle(located);
      this.checkChoices(located);
      this.checkScale(located);
      if (index) this.checkCodes(located, index);
    }
    this.checkTranslations();
    return this.warnings;
  }

  private checkTitle({ question, path }: LocatedQuestion): void {
    const name = typeof question.name === 'string' ? quote(question.name) : '';
    if (question.type === 'info') {
      // Neither given is the validator's error; given but blank passes it and shows nothing.
      const given = question.title !== undefined || question.text !== undefined;
      if (given && blank(question.title) && blank(question.text)) {
        this.warn(`${path}/text`, 'no-text', `Đoạn thông tin ${name} chưa có nội dung`, `Information ${name} has no text`);
      }
    } else if (question.title !== undefined && blank(question.title)) {
      // A missing title is the validator's error; a blank one passes it but shows nothing.
      this.warn(`${path}/title`, 'no-title', `Câu hỏi ${name} chưa có tiêu đề`, `Question ${name} has no title`);
    }
  }

  private checkChoices({ question, path }: LocatedQuestion): void {
    const seen = new Set<string>();
    asArray(question.choices).forEach((choice, index) => {
      if (!isRecord(choice) || (typeof choice.value !== 'string' && typeof choice.value !== 'number')) return;
      const key = `${typeof choice.value}:${choice.value}`;
      if (seen.has(key)) {
        this.warn(`${path}/choices/${index}/value`, 'duplicate-choice-value', `Giá trị lựa chọn ${quote(choice.value)} bị lặp`, `The choice value ${quote(choice.value)} is repeated`);
      }
      seen.add(key);
    });
  }

  private checkScale({ question, path }: LocatedQuestion): void {
    if ((question.type !== 'rating' && question.type !== 'likert') || typeof question.scale !== 'string') return;
    if (!resolveScale(this.questionnaire as unknown as Questionnaire, question.scale as ScaleRef)) {
      this.warn(`${path}/scale`, 'unknown-scale', `Thang đo ${quote(question.scale)} không tồn tại`, `Unknown scale ${quote(question.scale)}`);
    }
  }

  /**
   * Criterion codes of likert rows (the criteria grids) that no index node names or reads: their
   * answers would not count in the index. Codes of whole questions are left alone: they also
   * number the paper form (R1, Q2…) and mark overall ratings that official models report beside
   * the index (the area ratings A-S…E-S of Decision 2640), so warning about them would flag the
   * standard templates themselves.
   */
  private checkCodes({ question, path }: LocatedQuestion, index: NonNullable<ReturnType<typeof indexReferences>>): void {
    if (question.type !== 'likert') return;
    const name = typeof question.name === 'string' ? question.name : '';
    asArray(question.rows).forEach((row, r) => {
      if (!isRecord(row) || typeof row.code !== 'string') return;
      if (index.ids.has(row.code) || index.rows.has(`${name}\u0000${String(row.value)}`)) return;
      this.warn(
        `${path}/rows/${r}/code`,
        'code-not-in-index',
        `Mã tiêu chí ${quote(row.code)} không có trong mô hình chỉ số; câu trả lời sẽ không được tính vào chỉ số`,
        `The criterion code ${quote(row.code)} is not in the index model; its answers will not count in the index`,
      );
    });
  }

  /** One warning per element with untranslated texts (per string would drown the list). */
  private checkTranslations(): void {
    const locales = this.questionnaire.locales;
    if (!Array.isArray(locales) || !locales.includes('en')) return;
    const groups = new Map<string, TextRow[]>();
    for (const row of collectTexts(this.questionnaire as unknown as Questionnaire)) {
      // A blank Vietnamese text is a missing title, not something to translate.
      if (missing(row, ['en']).length === 0 || missing(row, ['vi']).length > 0) continue;
      const key = ownerKey(row.pointer);
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const [key, rows] of groups) {
      const owner = this.ownerName(key);
      this.warn(
        rows[0]!.pointer,
        'untranslated',
        `${owner.vi}: ${rows.length} nội dung chưa có bản tiếng Anh`,
        `${owner.en}: ${rows.length} ${rows.length === 1 ? 'text has' : 'texts have'} no English translation`,
      );
    }
  }

  private ownerName(key: string): LocalizedMessage {
    if (key === '') return message('Bảng hỏi', 'Questionnaire');
    if (key === '/sipas/units') return message('Danh sách đơn vị', 'Unit list');
    if (key === '/sipas/serviceFields') return message('Danh sách lĩnh vực', 'Service field list');
    if (key === '/sipas/index') return message('Mô hình chỉ số', 'Index model');
    if (key.startsWith('/scales/')) {
      const name = quote(key.slice('/scales/'.length).replace(/~1/g, '/').replace(/~0/g, '~'));
      return message(`Thang đo ${name}`, `Scale ${name}`);
    }
    const [, , p, , s, , q] = key.split('/');
    const page = asArray(this.questionnaire.pages)[Number(p)];
    const section = isRecord(page) && s !== undefined ? asArray(page.sections)[Number(s)] : undefined;
    const question = isRecord(section) && q !== undefined ? asArray(section.questions)[Number(q)] : undefined;
    const element = question ?? section ?? page;
    const name = isRecord(element) ? elementName(element) : message(key, key);
    const kind = question ? message('Câu hỏi', 'Question') : section ? message('Phần', 'Section') : message('Trang', 'Page');
    return message(`${kind.vi} ${name.vi}`, `${kind.en} ${name.en}`);
  }
}

/** The element a text pointer belongs to, as the prefix of its pointer. */
function ownerKey(pointer: string): string {
  const element = /^\/pages\/\d+(\/sections\/\d+(\/questions\/\d+)?)?/.exec(pointer);
  if (element) return element[0];
  const part = /^\/(scales\/[^/]+|sipas\/units|sipas\/serviceFields|sipas\/index)/.exec(pointer);
  return part ? part[0] : '';
}

/** The position of every pointer in a pre-order walk of the document (its reading order). */
function documentOrder(document: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (value: unknown, pointer: string): void => {
    order.set(pointer, order.size);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${pointer}/${index}`));
    else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) visit(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
  };
  visit(document, '');
  return order;
}

/** Sorts checks by where they are in the document; a missing value sorts after its parent. */
function sortByDocumentOrder(document: unknown, checks: DesignCheck[]): DesignCheck[] {
  const order = documentOrder(document);
  const positionOf = (path: string): [number, number] => {
    let prefix = path;
    let depth = 0;
    while (!order.has(prefix)) {
      prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('/')));
      depth += 1;
    }
    return [order.get(prefix)!, depth];
  };
  const keyed = checks.map((check) => ({ check, position: positionOf(check.path) }));
  keyed.sort((a, b) => a.position[0] - b.position[0] || a.position[1] - b.position[1]);
  return keyed.map(({ check }) => check);
}

/** Checks per document (by identity), then per schema registry: a document is mostly checked against one. */
const cache = new WeakMap<object, Map<QuestionTypeRegistry, DesignCheck[]>>();

function compute(document: unknown, schemas: QuestionTypeRegistry): DesignCheck[] {
  const validation = validateQuestionnaire(document, { types: schemas });
  const root = isRecord(document) ? document : {};
  const errors: DesignCheck[] = validation.errors.map((error) => renameEmptyLists(root, { severity: 'error', ...error }));
  const reported = new Set(errors.map((error) => `${error.path}\u0000${error.code}`));
  const warnings = isRecord(document) ? new DesignWarnings(document).collect() : [];
  const fresh = warnings.filter((warning) => !reported.has(`${warning.path}\u0000${warning.code}`));
  return sortByDocumentOrder(document, [...errors, ...fresh]);
}

/**
 * The validator's errors and the design warnings of a document, in document order, validated with
 * the schemas of `options.types` (custom types included). The same document (by identity) and
 * registry give the same array, computed once.
 */
export function designChecks(questionnaire: Questionnaire, options: DesignCheckOptions = {}): DesignCheck[] {
  const document: unknown = questionnaire;
  // A registry made without its own schemas validates with the shared ones, as the engine does.
  const schemas = options.types?.schemas ?? questionTypes;
  if (!isRecord(document)) return compute(document, schemas);
  let byRegistry = cache.get(document);
  if (!byRegistry) cache.set(document, (byRegistry = new Map()));
  let checks = byRegistry.get(schemas);
  if (!checks) byRegistry.set(schemas, (checks = compute(document, schemas)));
  return checks;
}

/** How many errors and warnings a document has (using `types`, the shared registry by default), for the designer's badge. */
export function checkCounts(questionnaire: Questionnaire, types?: CoreTypeRegistry): { errors: number; warnings: number } {
  const checks = designChecks(questionnaire, { types });
  const errors = checks.filter((check) => check.severity === 'error').length;
  return { errors, warnings: checks.length - errors };
}
