/**
 * SurveyJS JSON → our questionnaire, for the supported subset (mapping table in README.md).
 * Anything that does not convert is left out with a warning located in the SurveyJS JSON; the
 * result always passes validateQuestionnaire, or SurveyJSImportError is thrown.
 */
import {
  escapePointerToken,
  FORMAT_VERSION,
  NONE_VALUE,
  NO_OPINION_VALUE,
  OTHER_VALUE,
  RESPONSE_VARIABLES,
  hasOtherOption,
  isAnswerable,
  parseExpression,
  validateQuestionnaire,
  type AnswerValue,
  type BooleanQuestion,
  type Choice,
  type CommentQuestion,
  type DropdownQuestion,
  type InfoQuestion,
  type LikertQuestion,
  type LikertRow,
  type LocalizedString,
  type MultipleQuestion,
  type NoneOption,
  type OtherOption,
  type NoOpinionOption,
  type Page,
  type Question,
  type QuestionTypeRegistry,
  type Questionnaire,
  type RatingQuestion,
  type Scale,
  type ScaleLevel,
  type Section,
  type Settings,
  type SingleQuestion,
  type TextInputType,
  type TextQuestion,
  type ValidationError,
  type Validator,
} from '@sipas/schema';
import { SurveyJSImportError } from './errors.js';
import { SURVEYJS_COMMENT_SUFFIX, readExpression } from './expressions.js';
import { htmlToText } from './html.js';
import { DEFAULT_RULE_MESSAGE } from './labels.js';
import { SURVEYJS_DEFAULT_LOCALE, fromSurveyText, textsOf } from './localized.js';
import { NameSpace, createElementNameSpace, sanitizeName } from './names.js';
import { WarningList, type ConversionWarning, type ConversionWarningCode } from './warnings.js';

export interface FromSurveyJSOptions {
  /** The locale SurveyJS's `default` texts are in (`surveyLocalization.defaultLocale`); `en` by default. */
  defaultLocale?: string;
  /** The questionnaire id when the JSON carries none (SurveyJS has no id); else made from the title. */
  id?: string;
  /** Custom question types, for questionnaires exported with some (kept in `sipasQuestion`). */
  types?: QuestionTypeRegistry;
}

export interface FromSurveyJSResult {
  /** A questionnaire that passes validateQuestionnaire. */
  questionnaire: Questionnaire;
  /** What did not convert; paths point into the SurveyJS JSON. */
  warnings: ConversionWarning[];
}

/**
 * Converts SurveyJS JSON to a questionnaire. Throws SurveyJSImportError (bilingual message,
 * code, path) only when nothing sensible can come out: not an object, `pages` not an array, no
 * pages or elements, no question left; everything else becomes a warning.
 */
export function fromSurveyJS(json: unknown, options: FromSurveyJSOptions = {}): FromSurveyJSResult {
  return new Importer(options).run(json);
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the properties of one SurveyJS object and reports those nobody read. */
class PropertyReader {
  readonly object: JsonObject;
  readonly path: string;
  private readonly read = new Set<string>();

  constructor(object: JsonObject, path: string) {
    this.object = object;
    this.path = path;
  }

  get(key: string): unknown {
    this.read.add(key);
    return Object.hasOwn(this.object, key) ? this.object[key] : undefined;
  }

  has(key: string): boolean {
    return Object.hasOwn(this.object, key);
  }

  /** Marks properties as handled without reading them. */
  skip(...keys: string[]): void {
    for (const key of keys) this.read.add(key);
  }

  unread(): string[] {
    return Object.keys(this.object).filter((key) => !this.read.has(key));
  }
}

/** Properties that change only how things look; ignored with a warning of their own code. */
const LAYOUT_PROPERTIES = new Set([
  // survey
  'logo', 'logoPosition', 'logoWidth', 'logoHeight', 'logoFit', 'widthMode', 'width', 'fitToContainer', 'showTitle',
  'showPageTitles', 'showPageNumbers', 'questionTitleLocation', 'questionDescriptionLocation', 'questionErrorLocation',
  'progressBarLocation', 'progressBarType', 'progressBarShowPageNumbers', 'progressBarShowPageTitles',
  'progressBarInheritWidthFrom', 'showNavigationButtons', 'navigationButtonsLocation', 'showPrevButton', 'completeText',
  'pageNextText', 'pagePrevText', 'startSurveyText', 'previewText', 'editText', 'requiredText', 'questionStartIndex',
  'questionTitlePattern', 'questionTitleTemplate', 'headerView', 'showBrandInfo', 'backgroundImage', 'backgroundOpacity',
  'backgroundImageFit', 'backgroundImageAttachment', 'showTOC', 'tocLocation', 'autoGrowComment', 'allowResizeComment',
  'autoFocusFirstQuestion', 'autoFocusFirstError', 'questionsOnPageMode', 'goNextPageAutomatic', 'autoAdvanceEnabled',
  'allowCompleteSurveyAutomatic', 'showCompletedPage', 'textUpdateMode', 'checkErrorsMode', 'showTimer', 'timerLocation',
  'showPreviewBeforeComplete', 'previewMode', 'matrixDragHandleArea', 'questionTitleWidth',
  // pages, panels, questions
  'navigationTitle', 'navigationDescription', 'state', 'minWidth', 'maxWidth', 'startWithNewLine', 'innerIndent', 'indent',
  'showNumber', 'showQuestionNumbers', 'colSpan', 'effectiveColSpan', 'gridLayoutColumns', 'allowAdaptiveActions',
  'titleLocation', 'descriptionLocation', 'hideNumber', 'errorLocation', 'renderAs', 'showTitle', 'inputSize', 'size',
  'inputTextAlignment', 'autoGrow', 'allowResize', 'separateSpecialChoices', 'choicesOrder', 'allowClear', 'showClearButton',
  'otherPlaceholder', 'commentPlaceholder', 'alternateRows', 'columnMinWidth', 'rowTitleWidth', 'rowOrder', 'displayMode',
  'scaleColorMode', 'rateColorMode', 'displayRateDescriptionsAsExtremeItems', 'rateDescriptionLocation', 'swapOrder',
  'useTitleAsLabel', 'showSelectAllItem', 'selectAllText', 'autocomplete', 'hideIfRowsEmpty', 'verticalAlign',
  'transposeData', 'searchMode', 'textWrapEnabled', 'hideSelectedItems', 'closeOnSelect',
]);

const INPUT_TYPES: readonly TextInputType[] = ['text', 'email', 'tel', 'number', 'date'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const RATE_DISPLAYS = { labels: 'buttons', stars: 'stars', smileys: 'faces' } as const;

/** An expression property to read once every name is known. */
interface PendingExpression {
  parts: { native: unknown; residue: unknown; path: string }[];
  /** Sets the property (or, with undefined, removes it, or the rule it belongs to). */
  apply: (expression: string | undefined) => void;
}

/** A single, multiple or dropdown question while it is read. */
interface ChoiceDraft {
  type: 'single' | 'multiple' | 'dropdown';
  choices?: Choice[];
  choicesFrom?: DropdownQuestion['choicesFrom'];
  other?: OtherOption;
  none?: NoneOption;
  columns?: number;
  placeholder?: LocalizedString;
  searchable?: boolean;
  validators?: Validator[];
}

interface ItemRead {
  value: AnswerValue;
  text: LocalizedString;
  isExclusive: boolean;
  code?: string;
  path: string;
  reader?: PropertyReader;
}

/** A SurveyJS question's name as written, and what it became. */
interface NameEntry {
  name: string;
  /** Likert row values as written (lower case) → the row values they became. */
  rows: Map<string, string>;
}

/** A section being assembled, and its page/section names still as written. */
interface SectionDraft {
  rawName: string;
  generated: boolean;
  path: string;
  section: Omit<Section, 'name'>;
}

interface PageDraft {
  rawName: string;
  path: string;
  page: Omit<Page, 'name' | 'sections'>;
  sections: SectionDraft[];
}

class Importer {
  private readonly warnings = new WarningList();
  private readonly defaultLocale: string;
  private readonly options: FromSurveyJSOptions;
  private readonly names = createElementNameSpace();
  /** Question names as written in SurveyJS (lower case: SurveyJS ignores case) → ours. */
  private readonly questionNames = new Map<string, NameEntry>();
  private readonly pending: PendingExpression[] = [];
  private readonly questions: Question[] = [];
  /** Where each converted object came from in the SurveyJS JSON. */
  private readonly origins = new WeakMap<object, string>();
  private readonly textsToCheck: { path: string; text: LocalizedString }[] = [];
  private readonly seenLocales = new Set<string>();
  private sawVietnamese = false;
  private generatedSections = 0;
  /** Row renames of the grid being converted, handed to `register`. */
  private rowRenames = new Map<string, string>();

  constructor(options: FromSurveyJSOptions) {
    this.options = options;
    this.defaultLocale = options.defaultLocale ?? SURVEYJS_DEFAULT_LOCALE;
  }

  private warn(path: string, code: ConversionWarningCode, vi: string, en: string): void {
    this.warnings.add(path, code, vi, en);
  }

  run(json: unknown): FromSurveyJSResult {
    if (!isObject(json)) {
      throw new SurveyJSImportError('not-an-object', '', {
        vi: 'JSON của SurveyJS phải là một đối tượng { … }',
        en: 'SurveyJS JSON must be an object { … }',
      });
    }
    const root = new PropertyReader(json, '');
    const residue = this.rootResidue(root.get('sipas'));
    const drafts = this.readPages(root);

    const title = this.text(root.get('title'), '/title');
    const description = this.text(root.get('description'), '/description');
    const surveyLocale = root.get('locale');
    const settings = this.settings(root, residue.settings);
    this.reportUnread(root);

    this.resolveExpressions();
    const pages = this.assemblePages(drafts);
    if (pages.length === 0) {
      throw new SurveyJSImportError('no-questions', '/pages', {
        vi: 'Không có câu hỏi nào chuyển được sang định dạng SIPAS',
        en: 'No question could be converted to the SIPAS format',
      });
    }
    this.checkTexts();
    if (!residue.present && !this.sawVietnamese && surveyLocale !== 'vi') {
      this.warn(
        '',
        'default-locale-as-vietnamese',
        'Không có bản tiếng Việt: văn bản ở ngôn ngữ mặc định của SurveyJS được dùng làm tiếng Việt',
        "There is no Vietnamese text: texts in SurveyJS's default language are used as the Vietnamese ones",
      );
    }

    const questionnaire: Questionnaire = {
      ...(residue.$schema !== undefined ? { $schema: residue.$schema } : {}),
      formatVersion: residue.formatVersion ?? FORMAT_VERSION,
      id: residue.id ?? this.options.id ?? makeIdentifier(title),
      ...(residue.version !== undefined ? { version: residue.version } : {}),
      title: title ?? this.missingTitle(),
      ...(description !== undefined ? { description } : {}),
      // Our own export says whether there were locales; otherwise they are the ones the texts use.
      ...(residue.locales !== undefined ? { locales: residue.locales } : residue.present ? {} : this.localesSeen()),
      ...(residue.metadata !== undefined ? { metadata: residue.metadata } : {}),
      ...(settings !== undefined ? { settings } : {}),
      ...(residue.scales !== undefined ? { scales: residue.scales } : {}),
      ...(residue.block !== undefined ? { sipas: residue.block } : {}),
      pages,
      ...residue.extensions,
    };
    return { questionnaire: this.ensureValid(questionnaire), warnings: this.warnings.items };
  }

  private missingTitle(): LocalizedString {
    this.warn('/title', 'missing-title', 'Khảo sát không có tiêu đề; đã đặt một tiêu đề chung', 'The survey has no title; a generic one was given');
    return { vi: 'Bảng hỏi nhập từ SurveyJS', en: 'Questionnaire imported from SurveyJS' };
  }

  private localesSeen(): { locales?: string[] } {
    const others = [...this.seenLocales].filter((locale) => locale !== 'vi').sort();
    return others.length > 0 ? { locales: ['vi', ...others] } : {};
  }

  // ——— root ———

  private rootResidue(value: unknown) {
    const residue: {
      present: boolean;
      formatVersion?: string;
      id?: string;
      version?: number;
      $schema?: string;
      locales?: string[];
      metadata?: Questionnaire['metadata'];
      settings?: Settings;
      scales?: Record<string, Scale>;
      block?: Questionnaire['sipas'];
      extensions: Record<string, unknown>;
    } = { present: false, extensions: {} };
    if (!isObject(value)) return residue;
    residue.present = true;
    if (typeof value.formatVersion === 'string' && /^1\.[0-9]+$/.test(value.formatVersion)) residue.formatVersion = value.formatVersion;
    if (typeof value.id === 'string') residue.id = value.id;
    if (typeof value.version === 'number') residue.version = value.version;
    if (typeof value.$schema === 'string') residue.$schema = value.$schema;
    if (Array.isArray(value.locales)) residue.locales = value.locales.filter((locale): locale is string => typeof locale === 'string');
    if (isObject(value.metadata)) residue.metadata = structuredClone(value.metadata);
    if (isObject(value.settings)) residue.settings = structuredClone(value.settings) as Settings;
    if (isObject(value.scales)) residue.scales = structuredClone(value.scales) as Record<string, Scale>;
    if (isObject(value.block)) residue.block = structuredClone(value.block);
    if (isObject(value.extensions)) {
      for (const [key, extension] of Object.entries(value.extensions)) if (key.startsWith('x-')) residue.extensions[key] = structuredClone(extension);
    }
    return residue;
  }

  private settings(root: PropertyReader, leftOver: Settings | undefined): Settings | undefined {
    const settings: Settings = {};
    const progress = root.get('showProgressBar');
    if (typeof progress === 'boolean') settings.progressBar = progress;
    else if (typeof progress === 'string') settings.progressBar = progress !== 'off';
    const numbers = root.get('showQuestionNumbers');
    if (typeof numbers === 'boolean') settings.questionNumbers = numbers;
    else if (numbers === 'on' || numbers === 'off') settings.questionNumbers = numbers === 'on';
    else if (typeof numbers === 'string') {
      settings.questionNumbers = true;
      this.warn('/showQuestionNumbers', 'unsupported-property', `Cách đánh số "${numbers}" được đổi thành đánh số liên tục`, `Numbering "${numbers}" became continuous numbering`);
    }
    const clear = root.get('clearInvisibleValues');
    if (clear === 'onHidden' || clear === 'onComplete') settings.clearHiddenValues = clear;
    else if (clear === 'none') settings.clearHiddenValues = 'never';
    else if (clear === 'onHiddenContainer') {
      settings.clearHiddenValues = 'onHidden';
      this.warn('/clearInvisibleValues', 'unsupported-property', '"onHiddenContainer" được đổi thành "onHidden"', '"onHiddenContainer" became "onHidden"');
    }
    const cookie = root.get('cookieName');
    if (typeof cookie === 'string' && cookie !== '') settings.onePerDevice = true;
    root.skip('locale');
    if (leftOver !== undefined) Object.assign(settings, leftOver);
    return Object.keys(settings).length > 0 || leftOver !== undefined ? settings : undefined;
  }

  private reportUnread(reader: PropertyReader): void {
    for (const key of reader.unread()) {
      const path = `${reader.path}/${escapePointerToken(key)}`;
      if (LAYOUT_PROPERTIES.has(key)) {
        this.warn(path, 'layout-property-ignored', `Thuộc tính trình bày "${key}" bị bỏ qua`, `The layout property "${key}" is ignored`);
      } else {
        this.warn(path, 'unsupported-property', `Định dạng SIPAS không có "${key}"; thuộc tính bị bỏ qua`, `The SIPAS format has no "${key}"; the property is ignored`);
      }
    }
  }

  // ——— texts ———

  private text(value: unknown, path: string): LocalizedString | undefined {
    if (value === undefined || value === null) return undefined;
    const read = fromSurveyText(value, this.defaultLocale);
    if (read.hadVietnamese) this.sawVietnamese = true;
    if (read.text !== undefined && typeof read.text === 'object') for (const locale of Object.keys(read.text)) this.seenLocales.add(locale);
    for (const key of read.droppedKeys) {
      this.warn(`${path}/${escapePointerToken(key)}`, 'invalid-locale', `"${key}" không phải mã ngôn ngữ; bản dịch bị bỏ`, `"${key}" is not a locale code; the translation is dropped`);
    }
    if (read.text !== undefined) this.textsToCheck.push({ path, text: read.text });
    return read.text;
  }

  /** Our texts are shown as written; SurveyJS would have put answers into `{name}`. */
  private checkTexts(): void {
    for (const { path, text } of this.textsToCheck) {
      const placeholder = textsOf(text)
        .flatMap((t) => [...t.matchAll(/\{([^{}]*)\}/g)])
        .map((match) => match[1]!.trim())
        .find((inner) => this.lookup(inner.split(/[.-]/)[0]!) !== undefined);
      if (placeholder !== undefined) {
        this.warn(
          path,
          'text-placeholder',
          `"{${placeholder}}" sẽ hiện nguyên văn: định dạng SIPAS không chèn câu trả lời vào văn bản`,
          `"{${placeholder}}" will show as written: the SIPAS format does not put answers into texts`,
        );
      }
    }
  }

  // ——— structure ———

  private readPages(root: PropertyReader): PageDraft[] {
    if (root.has('pages')) {
      const pages = root.get('pages');
      if (!Array.isArray(pages)) {
        throw new SurveyJSImportError('pages-not-array', '/pages', { vi: '"pages" phải là một mảng', en: '"pages" must be an array' });
      }
      root.skip('elements', 'questions');
      for (const key of ['elements', 'questions']) {
        if (root.has(key)) this.warn(`/${key}`, 'unsupported-property', `"${key}" bị bỏ qua vì đã có "pages"`, `"${key}" is ignored because there are "pages"`);
      }
      return pages.flatMap((page, p) => {
        const path = `/pages/${p}`;
        if (!isObject(page)) {
          this.warn(path, 'empty-element-dropped', 'Trang không phải một đối tượng; bị bỏ', 'The page is not an object; it is dropped');
          return [];
        }
        return [this.readPage(new PropertyReader(page, path), p)];
      });
    }
    for (const key of ['elements', 'questions']) {
      if (Array.isArray(root.object[key])) {
        // A survey written without pages has one page: its own elements.
        const draft: PageDraft = { rawName: 'page1', path: '', page: {}, sections: [] };
        this.readElements(root.get(key) as unknown[], `/${key}`, draft, undefined);
        return [draft];
      }
    }
    throw new SurveyJSImportError('no-pages', '/pages', {
      vi: 'JSON của SurveyJS không có "pages" hoặc "elements"',
      en: 'SurveyJS JSON has neither "pages" nor "elements"',
    });
  }

  private readPage(reader: PropertyReader, index: number): PageDraft {
    const name = reader.get('name');
    const draft: PageDraft = { rawName: typeof name === 'string' ? name : `page${index + 1}`, path: reader.path, page: {}, sections: [] };
    const title = this.text(reader.get('title'), `${reader.path}/title`);
    if (title !== undefined) draft.page.title = title;
    const description = this.text(reader.get('description'), `${reader.path}/description`);
    if (description !== undefined) draft.page.description = description;
    this.visibility(reader, draft.page);
    const elementsKey = reader.has('elements') ? 'elements' : 'questions';
    const elements = reader.get(elementsKey);
    reader.skip('elements', 'questions');
    if (Array.isArray(elements)) this.readElements(elements, `${reader.path}/${elementsKey}`, draft, undefined);
    this.reportUnread(reader);
    return draft;
  }

  /** `visibleIf` (and `visible: false`, which is `visibleIf: 'false'`) of a page, panel or question. */
  private visibility(reader: PropertyReader, target: { visibleIf?: string }, extraConditions: PendingExpression['parts'] = []): void {
    const residues = this.residues(reader);
    const parts = [...extraConditions];
    // With a visibleIf, survey-core recomputes `visible` (and writes the current state to JSON);
    // without one, `visible: false` hides for good.
    const hidden = reader.get('visible') === false;
    if (reader.has('visibleIf')) parts.push({ native: reader.get('visibleIf'), residue: residues.visibleIf, path: `${reader.path}/visibleIf` });
    else if (residues.visibleIf !== undefined) parts.push({ native: undefined, residue: residues.visibleIf, path: `${reader.path}/visibleIf` });
    else if (hidden) parts.push({ native: 'false', residue: undefined, path: `${reader.path}/visible` });
    if (parts.length > 0) this.expectExpression(parts, (expression) => setOrDelete(target, 'visibleIf', expression));
  }

  private residues(reader: PropertyReader): Record<string, string> {
    const value = reader.get('sipasExpressions');
    if (!isObject(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }

  private expectExpression(parts: PendingExpression['parts'], apply: PendingExpression['apply']): void {
    this.pending.push({ parts, apply });
  }

  /**
   * Elements of a page or panel. Questions go to the current section; a panel opens its own
   * section; a panel inside a panel is flattened into a section of its own, its visibility
   * combined with its parents'.
   */
  private readElements(elements: unknown[], path: string, page: PageDraft, container: SectionDraft | undefined, conditions: PendingExpression['parts'] = []): void {
    let current = container;
    elements.forEach((element, i) => {
      const elementPath = `${path}/${i}`;
      if (!isObject(element)) {
        this.warn(elementPath, 'empty-element-dropped', 'Phần tử không phải một đối tượng; bị bỏ', 'The element is not an object; it is dropped');
        return;
      }
      if (element.type === 'panel') {
        if (container !== undefined) {
          this.warn(
            elementPath,
            'nested-panel',
            'Nhóm lồng trong nhóm được tách thành một phần riêng (định dạng SIPAS có trang → phần → câu hỏi)',
            'A panel inside a panel became a section of its own (the SIPAS format has pages → sections → questions)',
          );
        }
        const reader = new PropertyReader(element, elementPath);
        reader.skip('type');
        const name = reader.get('name');
        const section: SectionDraft = { rawName: typeof name === 'string' ? name : 'section', generated: false, path: elementPath, section: { questions: [] } };
        const title = this.text(reader.get('title'), `${elementPath}/title`);
        if (title !== undefined) section.section.title = title;
        const description = this.text(reader.get('description'), `${elementPath}/description`);
        if (description !== undefined) section.section.description = description;
        const before = this.pending.length;
        this.visibility(reader, section.section, conditions);
        const own = this.pending.length > before ? this.pending[this.pending.length - 1]!.parts : conditions;
        page.sections.push(section);
        const inner = reader.get('elements') ?? reader.get('questions');
        reader.skip('elements', 'questions');
        if (Array.isArray(inner)) this.readElements(inner, `${elementPath}/${reader.has('elements') ? 'elements' : 'questions'}`, page, section, own);
        this.reportUnread(reader);
        // Questions after a nested panel continue in a section with the same visibility.
        current = container === undefined ? undefined : this.continuation(page, container, conditions);
        return;
      }
      if (current === undefined) current = this.generatedSection(page, elementPath, conditions);
      const question = this.readQuestion(new PropertyReader(element, elementPath));
      if (question) current.section.questions.push(question);
    });
  }

  private generatedSection(page: PageDraft, path: string, conditions: PendingExpression['parts']): SectionDraft {
    const draft: SectionDraft = { rawName: `section${++this.generatedSections}`, generated: true, path, section: { questions: [] } };
    if (conditions.length > 0) this.expectExpression(conditions, (expression) => setOrDelete(draft.section, 'visibleIf', expression));
    page.sections.push(draft);
    return draft;
  }

  private continuation(page: PageDraft, container: SectionDraft, conditions: PendingExpression['parts']): SectionDraft {
    const draft = this.generatedSection(page, container.path, conditions);
    draft.rawName = `${container.rawName}_cont`;
    return draft;
  }

  /** Names pages and sections once every question has its name, dropping what is empty. */
  private assemblePages(drafts: PageDraft[]): Page[] {
    const pages: Page[] = [];
    for (const draft of drafts) {
      const sections: Section[] = [];
      for (const sectionDraft of draft.sections) {
        if (sectionDraft.section.questions.length === 0) {
          if (!sectionDraft.generated) {
            this.warn(sectionDraft.path, 'empty-element-dropped', 'Nhóm không có câu hỏi nào chuyển được; bị bỏ', 'The panel has no question that converts; it is dropped');
          }
          continue;
        }
        const name = this.names.allocate(sectionDraft.rawName, 'section');
        if (!sectionDraft.generated && name !== sectionDraft.rawName) this.renamed(`${sectionDraft.path}/name`, sectionDraft.rawName, name);
        const section: Section = { name, ...sectionDraft.section };
        section.questions.forEach(reorder);
        this.origins.set(section, sectionDraft.path);
        sections.push(section);
      }
      if (sections.length === 0) {
        this.warn(draft.path, 'empty-element-dropped', 'Trang không có câu hỏi nào chuyển được; bị bỏ', 'The page has no question that converts; it is dropped');
        continue;
      }
      const name = this.names.allocate(draft.rawName, 'page');
      if (name !== draft.rawName && draft.path !== '') this.renamed(`${draft.path}/name`, draft.rawName, name);
      const page: Page = { name, ...draft.page, sections };
      this.origins.set(page, draft.path);
      pages.push(page);
    }
    return pages;
  }

  private renamed(path: string, from: string, to: string): void {
    this.warn(path, 'renamed', `Tên "${from}" được đổi thành "${to}" cho hợp lệ và không trùng`, `The name "${from}" became "${to}" to be valid and unique`);
  }

  // ——— questions ———

  private readQuestion(reader: PropertyReader): Question | undefined {
    const type = reader.get('type');
    const rawName = reader.get('name');
    if (typeof type !== 'string') {
      this.warn(`${reader.path}/type`, 'unsupported-type', 'Phần tử không có loại; bị bỏ', 'The element has no type; it is dropped');
      return undefined;
    }
    const custom = reader.get('sipasQuestion');
    if (isObject(custom) && typeof custom.type === 'string' && typeof custom.name === 'string') {
      // A question of a custom type that our export kept whole (in a hidden html element, or beside its type's own SurveyJS element).
      reader.skip(...Object.keys(reader.object));
      const restored = structuredClone(custom) as unknown as Question;
      if (type === 'html') return this.register(restored, reader, custom.name);
      // The type's own SurveyJS element was shown and may have been edited in SurveyJS (Creator):
      // the name, texts and requiredness it has now win over the copy it carries.
      this.editedCommon(restored, reader);
      return this.register(restored, reader, typeof rawName === 'string' && rawName !== '' ? rawName : custom.name);
    }
    const name = typeof rawName === 'string' && rawName !== '' ? rawName : `question${this.questions.length + 1}`;
    switch (type) {
      case 'text':
        return this.finish(this.textQuestion(reader), reader, name);
      case 'comment':
        return this.finish(this.commentQuestion(reader), reader, name);
      case 'radiogroup':
        return this.finish(this.choiceQuestion(reader, 'single'), reader, name);
      case 'checkbox':
        return this.finish(this.choiceQuestion(reader, 'multiple'), reader, name);
      case 'tagbox':
        this.warn(`${reader.path}/type`, 'type-approximated', '"tagbox" được chuyển thành câu hỏi nhiều lựa chọn', '"tagbox" became a multiple-choice question');
        return this.finish(this.choiceQuestion(reader, 'multiple'), reader, name);
      case 'dropdown':
        return this.finish(this.choiceQuestion(reader, 'dropdown'), reader, name);
      case 'rating':
        return this.finish(this.ratingQuestion(reader), reader, name);
      case 'matrix':
        return this.finish(this.matrixQuestion(reader, name), reader, name);
      case 'boolean':
        return this.finish(this.booleanQuestion(reader), reader, name);
      case 'html':
        return this.finish(this.htmlQuestion(reader), reader, name);
      default:
        this.warn(
          `${reader.path}/type`,
          'unsupported-type',
          `Định dạng SIPAS không có loại câu hỏi "${type}"; câu hỏi bị bỏ`,
          `The SIPAS format has no question type "${type}"; the question is dropped`,
        );
        return undefined;
    }
  }

  /** Gives a converted question its name and common properties, and remembers it. */
  private finish(partial: Partial<Question> | undefined, reader: PropertyReader, rawName: string): Question | undefined {
    if (!partial) {
      reader.skip(...Object.keys(reader.object));
      return undefined;
    }
    const question = partial as Question;
    const answerable = question.type !== 'info';
    const title = this.text(reader.get('title'), `${reader.path}/title`);
    // SurveyJS shows the name when there is no title; an answerable question of ours needs one.
    if (title !== undefined) question.title = title;
    else if (answerable) question.title = rawName;
    const description = this.text(reader.get('description'), `${reader.path}/description`);
    if (description !== undefined) question.description = description;
    this.visibility(reader, question);
    if (answerable) this.answerableCommon(reader, question as Exclude<Question, InfoQuestion>);
    const result = this.register(question, reader, rawName);
    this.reportUnread(reader);
    return result;
  }

  /** Title, description and requiredness as a custom type's own SurveyJS element has them. */
  private editedCommon(question: Question, reader: PropertyReader): void {
    const title = this.text(reader.object.title, `${reader.path}/title`);
    if (title !== undefined) question.title = title;
    const description = this.text(reader.object.description, `${reader.path}/description`);
    if (description !== undefined) question.description = description;
    else delete question.description;
    const rawRequired = reader.object.isRequired;
    const required = this.requiredOf(rawRequired, `${reader.path}/isRequired`);
    if (required !== undefined && question.type !== 'info') (question as { required?: boolean }).required = required;
    else if (rawRequired === undefined) delete (question as { required?: boolean }).required;
  }

  /** isRequired as survey-core reads it (the strings "true"/"false" too); anything else is reported, not lost silently. */
  private requiredOf(raw: unknown, path: string): boolean | undefined {
    const required = raw === 'true' ? true : raw === 'false' ? false : raw;
    if (required === undefined || typeof required === 'boolean') return required;
    this.warn(path, 'invalid-value', 'isRequired phải là true hoặc false; bị bỏ', 'isRequired must be true or false; it is dropped');
    return undefined;
  }

  private register(question: Question, reader: PropertyReader, rawName: string): Question {
    const name = this.names.allocate(rawName, 'q', true);
    if (name !== rawName) this.renamed(`${reader.path}/name`, rawName, name);
    question.name = name;
    const key = rawName.toLowerCase();
    if (!this.questionNames.has(key)) this.questionNames.set(key, { name, rows: this.rowRenames });
    this.rowRenames = new Map();
    this.origins.set(question, reader.path);
    this.questions.push(question);
    return question;
  }

  private answerableCommon(reader: PropertyReader, question: Exclude<Question, InfoQuestion>): void {
    const residues = this.residues(reader);
    const code = reader.get('sipasCode');
    if (typeof code === 'string' && CODE.test(code) && code.length <= 32) question.code = code;
    else if (code !== undefined) this.warn(`${reader.path}/sipasCode`, 'invalid-value', 'Mã tiêu chí không hợp lệ; bị bỏ', 'The criterion code is not valid; it is dropped');
    const required = this.requiredOf(reader.get('isRequired'), `${reader.path}/isRequired`);
    if (required !== undefined && question.required === undefined) question.required = required;
    this.expressionProperty(reader, residues, 'requiredIf', question);
    const message = this.text(reader.get('requiredErrorText'), `${reader.path}/requiredErrorText`);
    if (message !== undefined) question.requiredMessage = message;
    // A read-only question without enableIf can never be answered: `enableIf: 'false'`.
    const readOnly = reader.get('readOnly') === true;
    if (readOnly && !reader.has('enableIf') && residues.enableIf === undefined) {
      this.expectExpression([{ native: 'false', residue: undefined, path: `${reader.path}/readOnly` }], (e) => setOrDelete(question, 'enableIf', e));
    } else this.expressionProperty(reader, residues, 'enableIf', question);
    const rules = this.validators(reader, question);
    if (rules !== undefined) question.validators = [...(question.validators ?? []), ...rules];
    if (question.validators?.length === 0 && !reader.has('validators')) delete question.validators;
  }

  private expressionProperty(reader: PropertyReader, residues: Record<string, string>, property: 'requiredIf' | 'enableIf', target: { requiredIf?: string; enableIf?: string }): void {
    const native = reader.get(property);
    const residue = residues[property];
    if (native === undefined && residue === undefined) return;
    this.expectExpression([{ native, residue, path: `${reader.path}/${property}` }], (expression) => setOrDelete(target, property, expression));
  }

  private textQuestion(reader: PropertyReader): Partial<TextQuestion> {
    const question: Partial<TextQuestion> = { type: 'text' };
    const inputType = reader.get('inputType');
    if (typeof inputType === 'string') {
      if ((INPUT_TYPES as readonly string[]).includes(inputType)) question.inputType = inputType as TextInputType;
      else {
        this.warn(
          `${reader.path}/inputType`,
          'unsupported-input-type',
          `Định dạng SIPAS không có kiểu nhập "${inputType}"; câu hỏi nhận văn bản thường`,
          `The SIPAS format has no input type "${inputType}"; the question takes plain text`,
        );
      }
    }
    const placeholder = this.text(reader.get('placeholder'), `${reader.path}/placeholder`);
    if (placeholder !== undefined) question.placeholder = placeholder;
    const range = this.inputRange(reader, question.inputType);
    const maxLength = this.maxLength(reader, question.inputType === 'number' || question.inputType === 'date');
    question.validators = [...(range ? [range] : []), ...(maxLength ? [maxLength] : [])];
    return question;
  }

  /** The `min`/`max` of a number or date input, as the first `range` rule. */
  private inputRange(reader: PropertyReader, inputType: TextInputType | undefined): Validator | undefined {
    const min = reader.get('min');
    const max = reader.get('max');
    const minText = this.text(reader.get('minErrorText'), `${reader.path}/minErrorText`);
    const maxText = this.text(reader.get('maxErrorText'), `${reader.path}/maxErrorText`);
    if (min === undefined && max === undefined) return undefined;
    const fits = (bound: unknown) =>
      bound === undefined ||
      (inputType === 'number' && typeof bound === 'number' && Number.isFinite(bound)) ||
      (inputType === 'date' && typeof bound === 'string' && ISO_DATE.test(bound));
    if (!fits(min) || !fits(max)) {
      this.warn(
        `${reader.path}/${min !== undefined && !fits(min) ? 'min' : 'max'}`,
        'unsupported-property',
        'Giới hạn min/max chỉ chuyển được cho số (kiểu number) hoặc ngày YYYY-MM-DD (kiểu date); bị bỏ',
        'min/max converts only as numbers (number input) or YYYY-MM-DD dates (date input); it is dropped',
      );
      return undefined;
    }
    if (minText !== undefined && maxText !== undefined && JSON.stringify(minText) !== JSON.stringify(maxText)) {
      this.warn(`${reader.path}/maxErrorText`, 'unsupported-property', 'Một quy tắc chỉ có một thông báo: giữ minErrorText', 'A rule has one message: minErrorText is kept');
    }
    const message = minText ?? maxText;
    return {
      type: 'range',
      ...(min !== undefined ? { min: min as number | string } : {}),
      ...(max !== undefined ? { max: max as number | string } : {}),
      ...(message !== undefined ? { message } : {}),
    };
  }

  /** SurveyJS's input limit `maxLength` is a `length` rule of ours. */
  private maxLength(reader: PropertyReader, numeric: boolean): Validator | undefined {
    const maxLength = reader.get('maxLength');
    if (typeof maxLength !== 'number' || maxLength <= 0) return undefined;
    if (numeric) {
      this.warn(`${reader.path}/maxLength`, 'validator-not-applicable', 'maxLength không áp dụng cho số hoặc ngày; bị bỏ', 'maxLength does not apply to numbers or dates; it is dropped');
      return undefined;
    }
    return { type: 'length', max: Math.floor(maxLength) };
  }

  private commentQuestion(reader: PropertyReader): Partial<CommentQuestion> {
    const question: Partial<CommentQuestion> = { type: 'comment' };
    const placeholder = this.text(reader.get('placeholder'), `${reader.path}/placeholder`);
    if (placeholder !== undefined) question.placeholder = placeholder;
    const rows = reader.get('rows');
    if (typeof rows === 'number' && Number.isInteger(rows) && rows >= 1 && rows <= 30) question.rows = rows;
    else if (rows !== undefined) this.warn(`${reader.path}/rows`, 'layout-property-ignored', 'Số dòng phải từ 1 đến 30; bị bỏ', 'rows must be 1 to 30; it is ignored');
    const maxLength = this.maxLength(reader, false);
    question.validators = maxLength ? [maxLength] : [];
    return question;
  }

  /** Items of `choices`, `rateValues`, `columns` or `rows`: strings (`"value|text"`), numbers or objects. */
  private items(value: unknown, path: string, reserved: readonly AnswerValue[] = []): ItemRead[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.warn(path, 'invalid-value', 'Phải là một mảng; bị bỏ', 'Must be an array; it is ignored');
      return [];
    }
    const items: ItemRead[] = [];
    value.forEach((raw, i) => {
      const itemPath = `${path}/${i}`;
      let rawValue: unknown = raw;
      let text: LocalizedString | undefined;
      let reader: PropertyReader | undefined;
      if (typeof raw === 'string' && raw.includes('|')) {
        rawValue = raw.slice(0, raw.indexOf('|'));
        text = raw.slice(raw.indexOf('|') + 1) || undefined;
      } else if (isObject(raw)) {
        reader = new PropertyReader(raw, itemPath);
        rawValue = reader.get('value');
        text = this.text(reader.get('text'), `${itemPath}/text`);
      }
      const answerValue = this.answerValue(rawValue, reader ? `${itemPath}/value` : itemPath);
      if (answerValue === undefined) {
        reader?.skip(...Object.keys(raw as JsonObject));
        return;
      }
      if (items.some((item) => item.value === answerValue) || reserved.includes(answerValue)) {
        this.warn(itemPath, 'duplicate-value', `Giá trị ${JSON.stringify(answerValue)} đã có; mục bị bỏ`, `The value ${JSON.stringify(answerValue)} is already used; the item is dropped`);
        reader?.skip(...Object.keys(raw as JsonObject));
        return;
      }
      const item: ItemRead = { value: answerValue, text: text ?? String(answerValue), isExclusive: reader?.get('isExclusive') === true, path: itemPath };
      if (reader) {
        item.reader = reader;
        const code = reader.get('sipasCode');
        if (typeof code === 'string') item.code = code;
      }
      items.push(item);
    });
    return items;
  }

  /** An answer value of ours: text of 1–100 characters or a finite number. */
  private answerValue(value: unknown, path: string): AnswerValue | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value === 'string' && value.length >= 1 && value.length <= 100) return value;
    if (typeof value === 'boolean') {
      this.warn(path, 'invalid-value', `Giá trị ${value} được lưu thành chuỗi "${value}"`, `The value ${value} is stored as the text "${value}"`);
      return String(value);
    }
    this.warn(path, 'invalid-value', 'Giá trị phải là chuỗi 1–100 ký tự hoặc số; mục bị bỏ', 'A value must be a text of 1–100 characters or a number; the item is dropped');
    return undefined;
  }

  /** `visibleIf` of an item, and the properties nobody else reads. */
  private finishItem(item: ItemRead, target: { visibleIf?: string }): void {
    if (!item.reader) return;
    const residues = this.residues(item.reader);
    const native = item.reader.get('visibleIf');
    if (native !== undefined || residues.visibleIf !== undefined) {
      this.expectExpression([{ native, residue: residues.visibleIf, path: `${item.path}/visibleIf` }], (e) => setOrDelete(target, 'visibleIf', e));
    }
    this.reportUnread(item.reader);
  }

  private toChoices(items: ItemRead[]): Choice[] {
    return items.map((item) => {
      const choice: Choice = { value: item.value, text: item.text };
      this.finishItem(item, choice);
      return choice;
    });
  }

  private choiceQuestion(reader: PropertyReader, type: 'single' | 'multiple' | 'dropdown'): Partial<SingleQuestion | MultipleQuestion | DropdownQuestion> | undefined {
    const question: ChoiceDraft = { type };
    const showOther = reader.get('showOtherItem');
    const otherText = this.text(reader.get('otherText'), `${reader.path}/otherText`);
    if (typeof showOther === 'boolean') question.other = showOther && otherText !== undefined ? { text: otherText } : showOther;
    const noneMarker = reader.get('sipasNone');
    const showNone = reader.get('showNoneItem');
    const noneText = this.text(reader.get('noneText'), `${reader.path}/noneText`);
    const reserved: AnswerValue[] = [...(question.other ? [OTHER_VALUE] : []), ...(showNone === true ? [NONE_VALUE] : [])];
    const items = this.items(reader.get('choices'), `${reader.path}/choices`, reserved);

    const choicesFrom = reader.get('sipasChoicesFrom');
    if (type === 'dropdown' && isObject(choicesFrom) && (choicesFrom.list === 'units' || choicesFrom.list === 'serviceFields')) {
      // The choices are the hierarchy's items, which travel in the root `sipas` block.
      question.choicesFrom = { list: choicesFrom.list, ...(typeof choicesFrom.level === 'string' ? { level: choicesFrom.level } : {}) };
      for (const item of items) item.reader?.skip(...Object.keys(item.reader.object));
    } else {
      let plain = items;
      if (type === 'multiple') plain = this.noneOption(reader, question, items, noneMarker, showNone, noneText);
      else if (showNone === true) plain = [...items, { value: NONE_VALUE, text: noneText ?? { vi: 'Không có', en: 'None' }, isExclusive: false, path: `${reader.path}/showNoneItem` }];
      else if (noneMarker !== undefined) this.warn(`${reader.path}/sipasNone`, 'unsupported-property', '"sipasNone" chỉ dùng cho checkbox', '"sipasNone" belongs to checkbox only');
      if (type !== 'multiple' && noneText !== undefined && showNone !== true) reader.skip('noneText');
      for (const item of plain.filter((i) => i.isExclusive && type !== 'multiple')) {
        this.warn(`${item.path}/isExclusive`, 'unsupported-property', 'isExclusive chỉ có nghĩa với checkbox', 'isExclusive means something only for checkbox');
      }
      plain.push(...this.specialItems(reader, type, plain));
      if (plain.length === 0) {
        this.warn(`${reader.path}/choices`, 'empty-element-dropped', 'Câu hỏi không có lựa chọn nào; bị bỏ', 'The question has no choices; it is dropped');
        return undefined;
      }
      question.choices = this.toChoices(plain);
    }
    if (type !== 'dropdown') {
      const columns = reader.get('colCount');
      if (typeof columns === 'number' && Number.isInteger(columns) && columns >= 1 && columns <= 6) question.columns = columns;
      else if (columns !== undefined && columns !== 0) this.warn(`${reader.path}/colCount`, 'layout-property-ignored', 'Số cột phải từ 1 đến 6; bị bỏ', 'colCount must be 1 to 6; it is ignored');
    } else {
      const placeholder = this.text(reader.get('placeholder'), `${reader.path}/placeholder`);
      if (placeholder !== undefined) question.placeholder = placeholder;
      const searchable = reader.get('searchEnabled');
      if (typeof searchable === 'boolean') question.searchable = searchable;
    }
    if (type === 'multiple') {
      const rules: Validator[] = [];
      const min = reader.get('minSelectedChoices');
      const max = reader.get('maxSelectedChoices');
      // SurveyJS stops more selections; ours reports them. The answers allowed are the same.
      if ((typeof min === 'number' && min > 0) || (typeof max === 'number' && max > 0)) {
        rules.push({ type: 'count', ...(typeof min === 'number' && min > 0 ? { min } : {}), ...(typeof max === 'number' && max > 0 ? { max } : {}) });
      }
      question.validators = rules;
    }
    const store = reader.get('storeOthersAsComment');
    if (store === false) {
      this.warn(
        `${reader.path}/storeOthersAsComment`,
        'unsupported-property',
        'Văn bản "khác" luôn lưu riêng dưới <tên>-other trong định dạng SIPAS',
        'The "other" text is always stored apart, under <name>-other, in the SIPAS format',
      );
    }
    return question;
  }

  /** The none option of a checkbox: `showNoneItem`, or an exclusive item (marked by `sipasNone` when ours). */
  private noneOption(reader: PropertyReader, question: ChoiceDraft, items: ItemRead[], marker: unknown, showNone: unknown, noneText: LocalizedString | undefined): ItemRead[] {
    let rest = items;
    if (isObject(marker) && (showNone === true || items.some((item) => item.isExclusive))) {
      const value = marker.value !== undefined ? this.answerValue(marker.value, `${reader.path}/sipasNone/value`) : undefined;
      const none: Exclude<NoneOption, boolean> = {};
      if (value !== undefined) none.value = value;
      const noneValue = value ?? NONE_VALUE;
      const item = noneValue === NONE_VALUE ? undefined : items.find((i) => i.value === noneValue && i.isExclusive);
      if (marker.text === true) {
        const text = noneValue === NONE_VALUE ? noneText : item?.text;
        if (text !== undefined) none.text = text;
      }
      if (item) {
        item.reader?.skip(...Object.keys(item.reader.object));
        rest = items.filter((i) => i !== item);
      }
      if (noneValue === NONE_VALUE || item) question.none = none;
    } else if (typeof showNone === 'boolean') {
      question.none = showNone && noneText !== undefined ? { text: noneText } : showNone;
    }
    if (question.none === undefined || question.none === false) {
      // SurveyJS's exclusive items: the first is our none option.
      const exclusive = rest.find((item) => item.isExclusive);
      if (exclusive) {
        question.none = { value: exclusive.value, text: exclusive.text };
        exclusive.reader?.skip(...Object.keys(exclusive.reader.object));
        rest = rest.filter((i) => i !== exclusive);
      }
    }
    for (const item of rest.filter((i) => i.isExclusive)) {
      this.warn(`${item.path}/isExclusive`, 'unsupported-property', 'Chỉ một lựa chọn loại trừ ("không có") được giữ; mục này thành lựa chọn thường', 'Only one exclusive ("none") option is kept; this one became a plain choice');
    }
    return rest;
  }

  /** SurveyJS's "refuse to answer" and "don't know" items become plain choices. */
  private specialItems(reader: PropertyReader, type: string, items: ItemRead[]): ItemRead[] {
    const specials: ItemRead[] = [];
    for (const [flag, textKey, value, fallback] of [
      ['showRefuseItem', 'refuseText', 'refused', { vi: 'Từ chối trả lời', en: 'Refuse to answer' }],
      ['showDontKnowItem', 'dontKnowText', 'dontknow', { vi: 'Không biết', en: "Don't know" }],
    ] as const) {
      const show = reader.get(flag);
      const text = this.text(reader.get(textKey), `${reader.path}/${textKey}`);
      if (show !== true) continue;
      if (items.some((item) => item.value === value)) continue;
      specials.push({ value, text: text ?? fallback, isExclusive: false, path: `${reader.path}/${flag}` });
      if (type === 'multiple') {
        this.warn(`${reader.path}/${flag}`, 'type-approximated', `Mục "${value}" thành lựa chọn thường (không loại trừ)`, `The "${value}" item became a plain (not exclusive) choice`);
      }
    }
    return specials;
  }

  private scaleMarker(reader: PropertyReader): string | Omit<Scale, 'levels'> | undefined {
    const marker = reader.get('sipasScale');
    if (typeof marker === 'string') return marker;
    if (isObject(marker)) return structuredClone(marker) as Omit<Scale, 'levels'>;
    return undefined;
  }

  private ratingQuestion(reader: PropertyReader): Partial<RatingQuestion | DropdownQuestion> | undefined {
    let items = this.items(reader.get('rateValues'), `${reader.path}/rateValues`);
    reader.skip('autoGenerate', 'rateCount');
    if (items.length === 0) {
      const min = numberOr(reader.get('rateMin'), 1);
      const max = numberOr(reader.get('rateMax'), 5);
      const step = numberOr(reader.get('rateStep'), 1);
      items = [];
      for (let value = min; step > 0 && value <= max && items.length <= 100; value = Number((value + step).toFixed(10))) {
        items.push({ value, text: String(value), isExclusive: false, path: `${reader.path}/rateMin` });
      }
    } else reader.skip('rateMin', 'rateMax', 'rateStep');
    const minDescription = this.text(reader.get('minRateDescription'), `${reader.path}/minRateDescription`);
    const maxDescription = this.text(reader.get('maxRateDescription'), `${reader.path}/maxRateDescription`);
    if (minDescription !== undefined && items[0]) items[0].text = minDescription;
    if (maxDescription !== undefined && items.length > 1) items[items.length - 1]!.text = maxDescription;
    const levels: ScaleLevel[] = items.map((item) => {
      if (item.reader) this.reportUnread(item.reader);
      return { value: item.value, text: item.text };
    });
    const rateType = reader.get('rateType');
    const marker = this.scaleMarker(reader);
    if (levels.length === 0) {
      this.warn(reader.path, 'empty-element-dropped', 'Thang đo không có mức nào: câu hỏi bị bỏ', 'The scale has no levels: the question is dropped');
      return undefined;
    }
    if (levels.length < 2 || levels.length > 11) {
      this.warn(
        reader.path,
        'type-approximated',
        `Thang đo có ${levels.length} mức (định dạng SIPAS cho 2–11): câu hỏi thành danh sách thả xuống`,
        `The scale has ${levels.length} levels (the SIPAS format allows 2–11): the question became a dropdown`,
      );
      return { type: 'dropdown', choices: levels.map((level) => ({ value: level.value, text: level.text })) };
    }
    const question: Partial<RatingQuestion> = { type: 'rating', scale: typeof marker === 'string' ? marker : { ...marker, levels } };
    if (rateType === 'labels' || rateType === 'stars' || rateType === 'smileys') question.display = RATE_DISPLAYS[rateType];
    return question;
  }

  private matrixQuestion(reader: PropertyReader, rawName: string): Partial<LikertQuestion> | undefined {
    const cellType = reader.get('cellType');
    if (cellType !== undefined && cellType !== 'radio') {
      this.warn(`${reader.path}/cellType`, 'unsupported-type', `Lưới có ô kiểu "${String(cellType)}" không chuyển được; câu hỏi bị bỏ`, `A grid with "${String(cellType)}" cells does not convert; the question is dropped`);
      return undefined;
    }
    const marker = reader.get('sipasNoOpinion');
    let noOpinion: NoOpinionOption | undefined;
    let columns = this.items(reader.get('columns'), `${reader.path}/columns`);
    if (marker === false) noOpinion = false;
    else if (marker === true || isObject(marker)) {
      const value = isObject(marker) && marker.value !== undefined ? this.answerValue(marker.value, `${reader.path}/sipasNoOpinion/value`) : undefined;
      const column = columns.find((c) => c.value === (value ?? NO_OPINION_VALUE));
      if (column) {
        column.reader?.skip(...Object.keys(column.reader.object));
        columns = columns.filter((c) => c !== column);
        if (marker === true) noOpinion = true;
        else {
          noOpinion = {};
          if (value !== undefined) noOpinion.value = value;
          if (isObject(marker) && marker.text === true) noOpinion.text = column.text;
        }
      }
    }
    if (columns.length < 2 || columns.length > 11) {
      this.warn(`${reader.path}/columns`, 'unsupported-property', `Lưới có ${columns.length} cột (định dạng SIPAS cho 2–11 mức); câu hỏi bị bỏ`, `The grid has ${columns.length} columns (the SIPAS format allows 2–11 levels); the question is dropped`);
      return undefined;
    }
    const levels: ScaleLevel[] = columns.map((column) => {
      if (column.reader) this.reportUnread(column.reader);
      return { value: column.value, text: column.text };
    });
    const scaleMarker = this.scaleMarker(reader);
    const rowNames = new NameSpace();
    const rowRenames = new Map<string, string>();
    const rows: LikertRow[] = [];
    this.items(reader.get('rows'), `${reader.path}/rows`).forEach((item) => {
      const raw = String(item.value);
      const value = rowNames.allocate(raw, 'row');
      if (value !== raw) this.renamed(`${item.path}${item.reader ? '/value' : ''}`, raw, value);
      if (!rowRenames.has(raw.toLowerCase())) rowRenames.set(raw.toLowerCase(), value);
      const row: LikertRow = { value, text: item.text };
      if (item.code !== undefined) {
        if (CODE.test(item.code) && item.code.length <= 32) row.code = item.code;
        else this.warn(`${item.path}/sipasCode`, 'invalid-value', 'Mã tiêu chí không hợp lệ; bị bỏ', 'The criterion code is not valid; it is dropped');
      }
      this.finishItem(item, row);
      rows.push(row);
    });
    if (rows.length === 0) {
      this.warn(`${reader.path}/rows`, 'empty-element-dropped', `Lưới "${rawName}" không có hàng; câu hỏi bị bỏ`, `The grid "${rawName}" has no rows; the question is dropped`);
      return undefined;
    }
    this.rowRenames = rowRenames;
    const question: Partial<LikertQuestion> = { type: 'likert', scale: typeof scaleMarker === 'string' ? scaleMarker : { ...scaleMarker, levels }, rows };
    if (noOpinion !== undefined) question.noOpinion = noOpinion;
    const eachRow = reader.get('eachRowRequired') ?? reader.get('isAllRowRequired');
    reader.skip('isAllRowRequired');
    if (eachRow === true) {
      // In SurveyJS every row is then required, whether or not the grid is.
      question.allRowsRequired = true;
      if (reader.get('isRequired') !== false) question.required = true;
    } else if (eachRow === false) question.allRowsRequired = false;
    if (reader.get('sipasAllRowsRequired') === true) question.allRowsRequired = true;
    return question;
  }

  private booleanQuestion(reader: PropertyReader): Partial<BooleanQuestion> {
    const question: Partial<BooleanQuestion> = { type: 'boolean' };
    const labelTrue = this.text(reader.get('labelTrue'), `${reader.path}/labelTrue`);
    if (labelTrue !== undefined) question.labelTrue = labelTrue;
    const labelFalse = this.text(reader.get('labelFalse'), `${reader.path}/labelFalse`);
    if (labelFalse !== undefined) question.labelFalse = labelFalse;
    return question;
  }

  private htmlQuestion(reader: PropertyReader): Partial<InfoQuestion> | undefined {
    const question: Partial<InfoQuestion> = { type: 'info' };
    const html = reader.get('html');
    const fromTitle = reader.get('sipasInfo') === 'title';
    if (!fromTitle && html !== undefined) {
      let markupLost = false;
      const read = fromSurveyText(mapStrings(html, (value) => {
        const converted = htmlToText(value);
        markupLost ||= converted.markupLost;
        return converted.text;
      }), this.defaultLocale);
      if (markupLost) {
        this.warn(`${reader.path}/html`, 'html-markup-lost', 'HTML được chuyển thành văn bản thường; định dạng bị mất', 'The HTML became plain text; its formatting is lost');
      }
      if (read.text !== undefined) question.text = read.text;
    }
    if (question.text === undefined && fromSurveyText(reader.object.title, this.defaultLocale).text === undefined) {
      this.warn(reader.path, 'empty-element-dropped', 'Phần tử html trống; bị bỏ', 'The html element is empty; it is dropped');
      return undefined;
    }
    return question;
  }

  private validators(reader: PropertyReader, question: Exclude<Question, InfoQuestion>): Validator[] | undefined {
    const raw = reader.get('validators');
    if (raw === undefined) return undefined;
    if (!Array.isArray(raw)) {
      this.warn(`${reader.path}/validators`, 'invalid-value', '"validators" phải là một mảng; bị bỏ', '"validators" must be an array; it is ignored');
      return undefined;
    }
    const rules: Validator[] = [];
    raw.forEach((value, i) => {
      const path = `${reader.path}/validators/${i}`;
      if (!isObject(value)) {
        this.warn(path, 'unsupported-validator', 'Quy tắc không phải một đối tượng; bị bỏ', 'The validator is not an object; it is dropped');
        return;
      }
      const validator = new PropertyReader(value, path);
      const rule = this.validator(validator, question, rules);
      if (rule) rules.push(rule);
      if (rule || validator.unread().length < Object.keys(value).length) this.reportUnread(validator);
    });
    return rules;
  }

  private validator(reader: PropertyReader, question: Exclude<Question, InfoQuestion>, rules: Validator[]): Validator | undefined {
    const type = reader.get('type');
    const message = this.text(reader.get('text'), `${reader.path}/text`);
    const withMessage = <T extends Validator>(rule: T): T => (message !== undefined ? { ...rule, message } : rule);
    const inputType = question.type === 'text' ? ((question as TextQuestion).inputType ?? 'text') : undefined;
    const textual = question.type === 'comment' || (inputType !== undefined && ['text', 'email', 'tel'].includes(inputType));
    const notApplicable = () => {
      this.warn(`${reader.path}/type`, 'validator-not-applicable', `Quy tắc "${String(type)}" không áp dụng cho câu hỏi này; bị bỏ`, `The "${String(type)}" validator does not apply to this question; it is dropped`);
      reader.skip(...Object.keys(reader.object));
      return undefined;
    };
    const bound = (key: string) => {
      const value = reader.get(key);
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    };
    const range = reader.get('sipasRange');
    if (type === 'expression' && isObject(range)) {
      reader.skip('expression', 'sipasExpressions');
      if (inputType !== 'date') return notApplicable();
      const { min, max } = range;
      return withMessage({ type: 'range', ...(min !== undefined ? { min: min as string } : {}), ...(max !== undefined ? { max: max as string } : {}) });
    }
    switch (type) {
      case 'numeric': {
        if (inputType !== 'number') return notApplicable();
        const min = bound('minValue');
        const max = bound('maxValue');
        if (min === undefined && max === undefined) return undefined;
        return withMessage({ type: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
      }
      case 'text': {
        if (!textual) return notApplicable();
        if (reader.get('allowDigits') === false) {
          this.warn(`${reader.path}/allowDigits`, 'unsupported-property', '"allowDigits: false" không chuyển được; hãy dùng quy tắc pattern', '"allowDigits: false" does not convert; use a pattern rule');
        }
        const min = bound('minLength');
        const max = bound('maxLength');
        const rule = { type: 'length' as const, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
        return rule.min === undefined && rule.max === undefined ? undefined : withMessage(rule);
      }
      case 'regex': {
        if (!textual) return notApplicable();
        const pattern = reader.get('regex');
        if (typeof pattern !== 'string' || pattern === '' || !isValidPattern(pattern)) {
          this.warn(`${reader.path}/regex`, 'unsupported-validator', 'Biểu thức chính quy không hợp lệ (với cờ "u"); bị bỏ', 'The regular expression is not valid (with the "u" flag); it is dropped');
          return undefined;
        }
        if (reader.get('caseInsensitive') === true) {
          this.warn(`${reader.path}/caseInsensitive`, 'unsupported-property', 'Mẫu của định dạng SIPAS phân biệt chữ hoa/thường', 'Patterns of the SIPAS format are case-sensitive');
        }
        return withMessage({ type: 'pattern', pattern });
      }
      case 'answercount': {
        if (question.type !== 'multiple') return notApplicable();
        const min = bound('minCount');
        const max = bound('maxCount');
        if (min === undefined && max === undefined) return undefined;
        return withMessage({ type: 'count', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) });
      }
      case 'email': {
        if (question.type === 'text' && (inputType === 'text' || inputType === 'email')) {
          (question as TextQuestion).inputType = 'email';
          return undefined;
        }
        return notApplicable();
      }
      case 'expression': {
        const residues = this.residues(reader);
        const rule: Validator = { type: 'expression', expression: 'true', message: message ?? DEFAULT_RULE_MESSAGE };
        if (message === undefined) {
          this.warn(`${reader.path}/text`, 'default-message', 'Quy tắc biểu thức cần thông báo; đã dùng thông báo chung', 'An expression rule needs a message; a generic one was given');
        }
        this.expectExpression([{ native: reader.get('expression'), residue: residues.expression, path: `${reader.path}/expression` }], (expression) => {
          if (expression !== undefined) rule.expression = expression;
          else removeFrom(question.validators ?? rules, rule);
        });
        return rule;
      }
      default:
        this.warn(`${reader.path}/type`, 'unsupported-validator', `Định dạng SIPAS không có quy tắc "${String(type)}"; bị bỏ`, `The SIPAS format has no "${String(type)}" validator; it is dropped`);
        reader.skip(...Object.keys(reader.object));
        return undefined;
    }
  }

  // ——— expressions ———

  private lookup(name: string): NameEntry | undefined {
    return this.questionNames.get(name.toLowerCase());
  }

  /** A reference as written in SurveyJS → ours, following renamed questions and rows. */
  private rewriteReference = (reference: string): string | undefined => {
    const whole = this.lookup(reference);
    if (whole) return whole.name;
    if (reference.endsWith(SURVEYJS_COMMENT_SUFFIX)) {
      const owner = this.lookup(reference.slice(0, -SURVEYJS_COMMENT_SUFFIX.length));
      if (owner) return `${owner.name}-other`;
    }
    const dot = reference.indexOf('.');
    if (dot > 0) {
      const owner = this.lookup(reference.slice(0, dot));
      const row = reference.slice(dot + 1);
      if (owner) return `${owner.name}.${owner.rows.get(row.toLowerCase()) ?? row}`;
    }
    return undefined;
  };

  private resolveExpressions(): void {
    const byName = new Map(this.questions.map((question) => [question.name, question]));
    for (const { parts, apply } of this.pending) {
      const converted: string[] = [];
      for (const part of parts) {
        const residue = typeof part.residue === 'string' ? part.residue : undefined;
        const native = typeof part.native === 'string' ? part.native : part.native === undefined ? undefined : String(part.native);
        const reading = readExpression(native, residue, this.rewriteReference);
        if (!reading.ok) {
          this.warn(
            part.path,
            'expression-not-supported',
            `Biểu thức "${reading.text}" không thuộc ngôn ngữ biểu thức của SIPAS (${reading.reason.vi}); bị bỏ`,
            `The expression "${reading.text}" is not in the SIPAS expression language (${reading.reason.en}); it is dropped`,
          );
          continue;
        }
        if (reading.expression === undefined) continue;
        const unknown = unknownReference(reading.expression, byName);
        if (unknown !== undefined) {
          this.warn(
            part.path,
            'unknown-reference',
            `Biểu thức tham chiếu {${unknown}}, không phải một câu hỏi đã chuyển; bị bỏ`,
            `The expression refers to {${unknown}}, which is no converted question; it is dropped`,
          );
          continue;
        }
        converted.push(reading.expression);
      }
      apply(converted.length === 0 ? undefined : converted.length === 1 ? converted[0] : converted.map((e) => `(${e})`).join(' and '));
    }
  }

  // ——— the result ———

  /**
   * Validation is the last word: whatever it still rejects (a residue edited by hand, a case
   * this converter missed) is dropped with a warning, a few rounds at most.
   */
  private ensureValid(questionnaire: Questionnaire): Questionnaire {
    const validateOptions = this.options.types ? { types: this.options.types } : {};
    for (let round = 0; round < 5; round++) {
      const { valid, errors } = validateQuestionnaire(questionnaire, validateOptions);
      if (valid) return questionnaire;
      let changed = false;
      for (const error of errors) changed = this.repair(questionnaire, error) || changed;
      if (!changed) break;
      questionnaire.pages = questionnaire.pages
        .map((page) => ({ ...page, sections: page.sections.filter((section) => section.questions.length > 0) }))
        .filter((page) => page.sections.length > 0);
      if (questionnaire.pages.length === 0) break;
    }
    const { valid, errors } = validateQuestionnaire(questionnaire, validateOptions);
    if (valid) return questionnaire;
    throw new SurveyJSImportError(
      errors.length > 0 ? 'invalid-result' : 'no-questions',
      '',
      { vi: 'Kết quả chuyển đổi không phải bảng hỏi hợp lệ', en: 'The conversion did not give a valid questionnaire' },
      errors,
    );
  }

  /** Drops the smallest thing an error is about; true when something changed. */
  private repair(questionnaire: Questionnaire, error: ValidationError): boolean {
    const tokens = error.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    const root = questionnaire as unknown as JsonObject;
    const [first, second] = tokens;
    if (first === undefined) return false;
    if (first === 'sipas' || first === 'scales' || first === 'metadata' || first === 'settings' || first === 'locales' || first === 'version' || first === '$schema') {
      const container = root[first];
      const nested = (first === 'sipas' || first === 'scales') && second !== undefined && isObject(container);
      if (nested) delete container[second];
      else delete root[first];
      const where = first === 'sipas' ? `/sipas/block${nested ? `/${escapePointerToken(second)}` : ''}` : first === 'settings' ? '/sipas/settings' : `/sipas/${first}`;
      this.warn(where, 'invalid-residue-dropped', `Dữ liệu SIPAS đi kèm không hợp lệ (${error.message.vi}); bị bỏ`, `The carried SIPAS data is not valid (${error.message.en}); it is dropped`);
      return true;
    }
    if (first === 'id') {
      questionnaire.id = makeIdentifier(questionnaire.title);
      this.warn('/sipas/id', 'invalid-residue-dropped', `Mã bảng hỏi không hợp lệ (${error.message.vi}); đã đặt mã mới`, `The questionnaire id is not valid (${error.message.en}); a new one was made`);
      return true;
    }
    if (first !== 'pages') return false;
    // Walk down to the object that holds the faulty value, remembering the last question passed.
    let holder: unknown = root;
    let question: Question | undefined;
    let questionList: Question[] | undefined;
    for (let i = 0; i < tokens.length - 1; i++) {
      const container: unknown = holder;
      holder = Array.isArray(container) ? container[Number(tokens[i])] : isObject(container) ? container[tokens[i]!] : undefined;
      if (tokens[i - 1] === 'questions' && Array.isArray(container) && isObject(holder)) {
        question = holder as unknown as Question;
        questionList = container as Question[];
      }
    }
    const last = tokens[tokens.length - 1]!;
    const origin = (question && this.origins.get(question)) ?? '';
    if ((last === 'visibleIf' || last === 'enableIf' || last === 'requiredIf') && isObject(holder)) {
      delete holder[last];
      this.warn(`${origin}`, error.code === 'unknown-reference' ? 'unknown-reference' : 'expression-not-supported', `${error.message.vi}; điều kiện bị bỏ`, `${error.message.en}; the condition is dropped`);
      return true;
    }
    const validatorIndex = tokens.indexOf('validators');
    if (question && isAnswerable(question) && validatorIndex > 0 && tokens[validatorIndex + 1] !== undefined && question.validators) {
      question.validators.splice(Number(tokens[validatorIndex + 1]), 1);
      this.warn(`${origin}/validators`, 'invalid-question-dropped', `Một quy tắc không hợp lệ (${error.message.vi}); bị bỏ`, `A validator is not valid (${error.message.en}); it is dropped`);
      return true;
    }
    if (question && questionList) {
      removeFrom(questionList, question);
      this.warn(origin, 'invalid-question-dropped', `Câu hỏi không hợp lệ sau khi chuyển (${error.message.vi}); bị bỏ`, `The question is not valid after conversion (${error.message.en}); it is dropped`);
      return true;
    }
    return false;
  }
}

// ——— helpers ———


function setOrDelete<T extends object>(target: T, key: string, value: string | undefined): void {
  if (value === undefined) delete (target as JsonObject)[key];
  else (target as JsonObject)[key] = value;
}

function removeFrom<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}

const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);

function isValidPattern(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return pattern.length <= 500;
  } catch {
    return false;
  }
}

function mapStrings(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, text]) => [key, typeof text === 'string' ? map(text) : text]));
  return value;
}

/** The first reference of an expression that names nothing answerable in the questionnaire. */
function unknownReference(expression: string, questions: ReadonlyMap<string, Question>): string | undefined {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return expression;
  for (const reference of parsed.references) {
    if (reference.row === undefined && !reference.other && RESPONSE_VARIABLES.includes(reference.name)) continue;
    const question = questions.get(reference.name);
    if (!question || !isAnswerable(question)) return reference.path;
    if (reference.row !== undefined && (question.type !== 'likert' || !(question as LikertQuestion).rows.some((row) => row.value === reference.row))) return reference.path;
    if (reference.other && !hasOtherOption(question)) return reference.path;
  }
  return undefined;
}

/** An id (Identifier pattern) from the title, for JSON without one. */
function makeIdentifier(title: LocalizedString | undefined): string {
  const text = title === undefined ? '' : typeof title === 'string' ? title : title.vi;
  const slug = sanitizeName(text, 'x').toLowerCase().replace(/_/g, '-').slice(0, 100).replace(/-+$/, '');
  return slug === 'x' || slug === '' ? 'surveyjs-import' : slug;
}

/** Puts a question's properties in the order the templates use (type, name, code, title, …), in place. */
function reorder(question: Question): void {
  const object = question as unknown as JsonObject;
  const entries = Object.entries(object);
  const rank = (key: string) => ['type', 'name', 'code', 'title', 'description', 'visibleIf'].indexOf(key) >>> 0;
  for (const [key] of entries) delete object[key];
  for (const [key, value] of entries.sort((a, b) => rank(a[0]) - rank(b[0]))) object[key] = value;
}
