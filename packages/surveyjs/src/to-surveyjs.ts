/**
 * Our questionnaire → SurveyJS JSON (mapping table in README.md). Pure data in, data out: no
 * survey-core at run time. Expects a valid questionnaire (validateQuestionnaire first).
 */
import {
  NONE_VALUE,
  asBuiltIn,
  flattenHierarchy,
  noOpinionValue,
  resolveScale,
  type BuiltInQuestion,
  type Choice,
  type LikertQuestion,
  type LocalizedString,
  type MultipleQuestion,
  type OtherOption,
  type Question,
  type Questionnaire,
  type RatingQuestion,
  type Scale,
  type Validator,
} from '@sipas/schema';
import { coreTypes, type CoreTypeRegistry } from '@sipas/core';
import { exportExpression, expressionToSurveyJS } from './expressions.js';
import { escapeHtml, headingHtml } from './html.js';
import { NONE_LABEL, NO_OPINION_LABEL } from './labels.js';
import { SURVEYJS_DEFAULT_LOCALE, textsOf, toSurveyText } from './localized.js';
import type {
  ExpressionResidue,
  NoneResidue,
  SipasRootResidue,
  SurveyJSElement,
  SurveyJSItemValue,
  SurveyJSJson,
  SurveyJSPage,
  SurveyJSText,
  SurveyJSValidator,
} from './surveyjs-json.js';
import { WarningList, type ConversionWarning } from './warnings.js';

export interface ToSurveyJSOptions {
  /**
   * The locale SurveyJS treats as `default` where the JSON will run
   * (`surveyLocalization.defaultLocale`); `en` unless the host changed it.
   */
  defaultLocale?: string;
  /** The question types custom questions are looked up in (their `surveyjs` part); the page's shared registry by default. */
  types?: CoreTypeRegistry;
}

export interface ToSurveyJSResult {
  json: SurveyJSJson;
  /** What SurveyJS cannot express; paths point into the questionnaire. */
  warnings: ConversionWarning[];
}

/** Converts a (valid) questionnaire to SurveyJS JSON that survey-core's `new Model(json)` loads. */
export function toSurveyJS(questionnaire: Questionnaire, options: ToSurveyJSOptions = {}): ToSurveyJSResult {
  const exporter = new Exporter(questionnaire, options.defaultLocale ?? SURVEYJS_DEFAULT_LOCALE, options.types ?? coreTypes);
  const json = exporter.run();
  return { json, warnings: exporter.warnings.items };
}

const RATE_TYPES = { buttons: 'labels', stars: 'stars', faces: 'smileys' } as const;
/** SurveyJS draws at most this many faces. */
const MAX_FACES = 10;

type WithExpressions = { sipasExpressions?: ExpressionResidue };

class Exporter {
  readonly warnings = new WarningList();
  private readonly questionnaire: Questionnaire;
  private readonly defaultLocale: string;
  /** Lower-cased question names, for texts SurveyJS would fill with an answer. */
  private readonly questionNames = new Set<string>();
  private readonly types: CoreTypeRegistry;

  constructor(questionnaire: Questionnaire, defaultLocale: string, types: CoreTypeRegistry) {
    this.questionnaire = questionnaire;
    this.defaultLocale = defaultLocale;
    this.types = types;
  }

  run(): SurveyJSJson {
    const q = this.questionnaire;
    this.checkNames();
    const json: SurveyJSJson = { locale: 'vi', title: this.text(q.title, '/title'), pages: [], sipas: this.rootResidue() };
    if (q.description !== undefined) json.description = this.text(q.description, '/description');
    const settings = q.settings;
    if (settings) {
      if (settings.progressBar !== undefined) json.showProgressBar = settings.progressBar;
      if (settings.questionNumbers !== undefined) json.showQuestionNumbers = settings.questionNumbers ? 'on' : 'off';
      if (settings.clearHiddenValues !== undefined) {
        json.clearInvisibleValues = settings.clearHiddenValues === 'never' ? 'none' : settings.clearHiddenValues;
      }
      // SurveyJS shows a survey once per device when it has a cookie name.
      if (settings.onePerDevice === true) json.cookieName = `sipas-${q.id}`;
      if (settings.onePerDevice === false) json.sipas.settings = { onePerDevice: false };
      else if (Object.keys(settings).length === 0) json.sipas.settings = {};
    }
    json.pages = q.pages.map((page, p) => {
      const path = `/pages/${p}`;
      const out = { name: page.name } as SurveyJSPage;
      if (page.title !== undefined) out.title = this.text(page.title, `${path}/title`);
      if (page.description !== undefined) out.description = this.text(page.description, `${path}/description`);
      this.expression(out, 'visibleIf', page.visibleIf, `${path}/visibleIf`);
      out.elements = page.sections.map((section, s) => {
        const sectionPath = `${path}/sections/${s}`;
        const panel: SurveyJSElement = { type: 'panel', name: section.name };
        if (section.title !== undefined) panel.title = this.text(section.title, `${sectionPath}/title`);
        if (section.description !== undefined) panel.description = this.text(section.description, `${sectionPath}/description`);
        this.expression(panel, 'visibleIf', section.visibleIf, `${sectionPath}/visibleIf`);
        panel.elements = section.questions.map((question, i) => this.question(question, `${sectionPath}/questions/${i}`));
        return panel;
      });
      return out;
    });
    // The residue last: it is the bulky part a reader of the JSON needs least.
    const { sipas, ...rest } = json;
    return { ...rest, sipas };
  }

  private rootResidue(): SipasRootResidue {
    const q = this.questionnaire;
    const residue: SipasRootResidue = { formatVersion: q.formatVersion, id: q.id };
    if (q.version !== undefined) residue.version = q.version;
    if (q.$schema !== undefined) residue.$schema = q.$schema;
    if (q.locales !== undefined) residue.locales = [...q.locales];
    if (q.metadata !== undefined) residue.metadata = structuredClone(q.metadata);
    if (q.scales !== undefined) residue.scales = structuredClone(q.scales);
    if (q.sipas !== undefined) residue.block = structuredClone(q.sipas);
    const extensions = Object.entries(q).filter(([key]) => key.startsWith('x-'));
    if (extensions.length > 0) residue.extensions = structuredClone(Object.fromEntries(extensions));
    return residue;
  }

  /** SurveyJS looks names up without regard to case; ours are case-sensitive. */
  private checkNames(): void {
    const seen = new Map<string, string>();
    const note = (name: string, path: string) => {
      const key = name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined && first !== name) {
        this.warnings.add(
          `${path}/name`,
          'name-case-collision',
          `Tên "${name}" chỉ khác "${first}" ở chữ hoa/thường; SurveyJS coi hai tên là một`,
          `The name "${name}" differs from "${first}" only in case; SurveyJS treats them as the same name`,
        );
      } else if (first === undefined) seen.set(key, name);
    };
    this.questionnaire.pages.forEach((page, p) => {
      note(page.name, `/pages/${p}`);
      page.sections.forEach((section, s) => {
        note(section.name, `/pages/${p}/sections/${s}`);
        section.questions.forEach((question, i) => {
          note(question.name, `/pages/${p}/sections/${s}/questions/${i}`);
          this.questionNames.add(question.name.toLowerCase());
        });
      });
    });
  }

  /** A text to show, after checking SurveyJS will not replace part of it with an answer. */
  private text(value: LocalizedString, path: string): SurveyJSText {
    const placeholder = textsOf(value)
      .flatMap((text) => [...text.matchAll(/\{([^{}]*)\}/g)])
      .map((match) => match[1]!.trim())
      .find((inner) => this.questionNames.has(inner.split(/[.-]/)[0]!.toLowerCase()));
    if (placeholder !== undefined) {
      this.warnings.add(
        path,
        'text-placeholder',
        `SurveyJS sẽ thay "{${placeholder}}" trong văn bản bằng câu trả lời`,
        `SurveyJS will replace "{${placeholder}}" in the text with an answer`,
      );
    }
    return toSurveyText(value, this.defaultLocale);
  }

  private expression(target: WithExpressions, property: string, source: string | undefined, path: string): void {
    if (source === undefined) return;
    const { native, residue, failure } = exportExpression(source);
    if (native !== undefined) (target as Record<string, unknown>)[property] = native;
    if (residue !== undefined) target.sipasExpressions = { ...target.sipasExpressions, [property]: residue };
    if (failure) {
      this.warnings.add(
        path,
        'expression-not-convertible',
        `Biểu thức không chuyển sang SurveyJS được (${failure.vi}); SurveyJS sẽ bỏ qua điều kiện này`,
        `The expression cannot be converted to SurveyJS (${failure.en}); SurveyJS will ignore this condition`,
      );
    }
  }

  /**
   * A custom type's own SurveyJS element, with the common properties; the question rides along
   * whole, so importing the JSON back restores it exactly. Undefined without a mapping, or when
   * the mapping fails (said in a warning), for the hidden html element instead.
   */
  private ownElement(question: Question, path: string): SurveyJSElement | undefined {
    const mapping = this.types.get(question.type)?.surveyjs;
    if (!mapping) return undefined;
    let own: { type: string } & Record<string, unknown>;
    try {
      own = mapping.toSurveyJS(question, { defaultLocale: this.defaultLocale, text: (value) => toSurveyText(value, this.defaultLocale) });
      if (typeof own?.type !== 'string') throw new Error('no "type"');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.warnings.add(`${path}/type`, 'mapping-failed', `Ánh xạ SurveyJS của loại "${question.type}" bị lỗi (${reason})`, `The SurveyJS mapping of type "${question.type}" failed (${reason})`);
      return undefined;
    }
    const el: SurveyJSElement = { ...own, name: question.name };
    this.common(el, question as unknown as BuiltInQuestion, path);
    el.sipasQuestion = structuredClone(question);
    return el;
  }

  private question(question: Question, path: string): SurveyJSElement {
    const builtIn = asBuiltIn(question);
    const own = builtIn ? undefined : this.ownElement(question, path);
    if (own) return own;
    if (!builtIn) {
      this.warnings.add(
        `${path}/type`,
        'unsupported-question-type',
        `SurveyJS không có loại câu hỏi "${question.type}"; câu hỏi được giữ nguyên trong một phần tử html ẩn`,
        `SurveyJS has no question type "${question.type}"; the question is kept whole in a hidden html element`,
      );
      return { type: 'html', name: question.name, visible: false, sipasQuestion: structuredClone(question) };
    }
    switch (builtIn.type) {
      case 'info': {
        const el: SurveyJSElement = { type: 'html', name: builtIn.name };
        this.common(el, builtIn, path);
        if (builtIn.text !== undefined) {
          el.html = toSurveyText(mapTexts(builtIn.text, escapeHtml), this.defaultLocale);
        } else if (builtIn.title !== undefined) {
          // SurveyJS does not show the title of an html element, so a title-only info becomes a heading.
          el.html = toSurveyText(mapTexts(builtIn.title, headingHtml), this.defaultLocale);
          el.sipasInfo = 'title';
        }
        return el;
      }
      case 'text': {
        const el: SurveyJSElement = { type: 'text', name: builtIn.name };
        this.common(el, builtIn, path);
        if (builtIn.inputType !== undefined) el.inputType = builtIn.inputType;
        if (builtIn.placeholder !== undefined) el.placeholder = this.text(builtIn.placeholder, `${path}/placeholder`);
        this.validators(el, builtIn, path);
        return el;
      }
      case 'comment': {
        const el: SurveyJSElement = { type: 'comment', name: builtIn.name };
        this.common(el, builtIn, path);
        if (builtIn.placeholder !== undefined) el.placeholder = this.text(builtIn.placeholder, `${path}/placeholder`);
        if (builtIn.rows !== undefined) el.rows = builtIn.rows;
        this.validators(el, builtIn, path);
        return el;
      }
      case 'single': {
        const el: SurveyJSElement = { type: 'radiogroup', name: builtIn.name };
        this.common(el, builtIn, path);
        el.choices = this.choices(builtIn.choices, `${path}/choices`);
        this.other(el, builtIn.other, path);
        if (builtIn.columns !== undefined) el.colCount = builtIn.columns;
        this.validators(el, builtIn, path);
        return el;
      }
      case 'multiple': {
        const el: SurveyJSElement = { type: 'checkbox', name: builtIn.name };
        this.common(el, builtIn, path);
        el.choices = this.choices(builtIn.choices, `${path}/choices`);
        this.other(el, builtIn.other, path);
        this.none(el, builtIn, path);
        if (builtIn.columns !== undefined) el.colCount = builtIn.columns;
        this.validators(el, builtIn, path);
        return el;
      }
      case 'dropdown': {
        const el: SurveyJSElement = { type: 'dropdown', name: builtIn.name };
        this.common(el, builtIn, path);
        if (builtIn.choicesFrom !== undefined) {
          const { list, level } = builtIn.choicesFrom;
          // SurveyJS knows no hierarchy: the choices are the items, flattened as the format offers them.
          el.choices = flattenHierarchy(this.questionnaire.sipas?.[list])
            .filter((item) => level === undefined || item.level === level)
            .map((item): SurveyJSItemValue => ({ value: item.id, text: toSurveyText(item.label, this.defaultLocale) }));
          el.sipasChoicesFrom = { ...builtIn.choicesFrom };
        } else if (builtIn.choices !== undefined) {
          el.choices = this.choices(builtIn.choices, `${path}/choices`);
        }
        this.other(el, builtIn.other, path);
        if (builtIn.placeholder !== undefined) el.placeholder = this.text(builtIn.placeholder, `${path}/placeholder`);
        if (builtIn.searchable !== undefined) el.searchEnabled = builtIn.searchable;
        this.validators(el, builtIn, path);
        return el;
      }
      case 'rating':
        return this.rating(builtIn, path);
      case 'likert':
        return this.likert(builtIn, path);
      case 'boolean': {
        const el: SurveyJSElement = { type: 'boolean', name: builtIn.name };
        this.common(el, builtIn, path);
        if (builtIn.labelTrue !== undefined) el.labelTrue = this.text(builtIn.labelTrue, `${path}/labelTrue`);
        if (builtIn.labelFalse !== undefined) el.labelFalse = this.text(builtIn.labelFalse, `${path}/labelFalse`);
        this.validators(el, builtIn, path);
        return el;
      }
    }
  }

  /**
   * Inside a grid's own conditions survey-core reads `{name}` as the grid's row of that name
   * (ignoring case) when it has one, not as the question: `{q4} notempty` on a grid with a row
   * `Q4` asks about the row. Such a condition is said in a warning; it stays as it is.
   */
  private rowNameCollisions(question: LikertQuestion, path: string): void {
    const conditions = [question.visibleIf, question.enableIf, question.requiredIf].filter((text): text is string => text !== undefined);
    question.rows.forEach((row, r) => {
      const reference = new RegExp(`\\{\\s*${row.value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[}.\\-]`, 'i');
      if (!this.questionNames.has(row.value.toLowerCase()) || !conditions.some((text) => reference.test(text))) return;
      this.warnings.add(
        `${path}/rows/${r}/value`,
        'row-name-collision',
        `Trong điều kiện của chính bảng này, SurveyJS đọc {${row.value}} là hàng "${row.value}" chứ không phải câu hỏi cùng tên`,
        `In this grid's own conditions SurveyJS reads {${row.value}} as the row "${row.value}", not the question of that name`,
      );
    });
  }

  /** Title, description, logic, code and requiredness. */
  private common(el: SurveyJSElement, question: BuiltInQuestion, path: string): void {
    if (question.title !== undefined) el.title = this.text(question.title, `${path}/title`);
    if (question.description !== undefined) el.description = this.text(question.description, `${path}/description`);
    this.expression(el, 'visibleIf', question.visibleIf, `${path}/visibleIf`);
    if (question.type === 'info') return;
    if (question.code !== undefined) el.sipasCode = question.code;
    if (question.required !== undefined) el.isRequired = question.required;
    this.expression(el, 'requiredIf', question.requiredIf, `${path}/requiredIf`);
    if (question.requiredMessage !== undefined) el.requiredErrorText = this.text(question.requiredMessage, `${path}/requiredMessage`);
    this.expression(el, 'enableIf', question.enableIf, `${path}/enableIf`);
  }

  private choices(choices: Choice[], path: string): SurveyJSItemValue[] {
    return choices.map((choice, i) => {
      const item: SurveyJSItemValue = { value: choice.value, text: this.text(choice.text, `${path}/${i}/text`) };
      this.expression(item, 'visibleIf', choice.visibleIf, `${path}/${i}/visibleIf`);
      return item;
    });
  }

  /** `other: true` keeps SurveyJS's own label; an object gives `otherText`. */
  private other(el: SurveyJSElement, other: OtherOption | undefined, path: string): void {
    if (other === undefined) return;
    el.showOtherItem = other !== false;
    if (typeof other === 'object') el.otherText = this.text(other.text, `${path}/other/text`);
  }

  /**
   * The standard none value (`none`) is SurveyJS's own none item; another value becomes an
   * exclusive choice (`isExclusive`), so answers keep their values. `sipasNone` keeps the form of
   * an object option unless `showNoneItem` + `noneText` already says it.
   */
  private none(el: SurveyJSElement, question: MultipleQuestion, path: string): void {
    const none = question.none;
    if (none === undefined) return;
    if (typeof none === 'boolean') {
      el.showNoneItem = none;
      return;
    }
    const value = none.value ?? NONE_VALUE;
    const residue: NoneResidue = {};
    if (none.value !== undefined) residue.value = none.value;
    if (none.text !== undefined) residue.text = true;
    const text = none.text !== undefined ? this.text(none.text, `${path}/none/text`) : toSurveyText(NONE_LABEL, this.defaultLocale);
    if (value === NONE_VALUE) {
      el.showNoneItem = true;
      if (none.text !== undefined) el.noneText = text;
    } else {
      (el.choices as SurveyJSItemValue[]).push({ value, text, isExclusive: true });
    }
    if (!(value === NONE_VALUE && none.value === undefined && none.text !== undefined)) el.sipasNone = residue;
  }

  private scale(el: SurveyJSElement, question: RatingQuestion | LikertQuestion, path: string): Scale | undefined {
    const { scale } = question;
    if (typeof scale === 'string') el.sipasScale = scale;
    else {
      const { levels: _levels, ...rest } = scale;
      if (Object.keys(rest).length > 0) el.sipasScale = structuredClone(rest);
    }
    const resolved = resolveScale(this.questionnaire, scale);
    if (!resolved) {
      this.warnings.add(`${path}/scale`, 'unknown-scale', `Không tìm thấy thang đo "${String(scale)}"`, `The scale "${String(scale)}" does not exist`);
    }
    return resolved;
  }

  private levels(scale: Scale | undefined, path: string): SurveyJSItemValue[] {
    return (scale?.levels ?? []).map((level) => ({ value: level.value, text: this.text(level.text, `${path}/scale`) }));
  }

  private rating(question: RatingQuestion, path: string): SurveyJSElement {
    const el: SurveyJSElement = { type: 'rating', name: question.name };
    this.common(el, question, path);
    const scale = this.scale(el, question, path);
    el.rateValues = this.levels(scale, path);
    if (question.display !== undefined) el.rateType = RATE_TYPES[question.display];
    if (question.display === 'faces' && scale && scale.levels.length > MAX_FACES) {
      this.warnings.add(
        `${path}/display`,
        'too-many-faces',
        `SurveyJS chỉ vẽ được tối đa ${MAX_FACES} khuôn mặt; thang đo có ${scale.levels.length} mức`,
        `SurveyJS draws at most ${MAX_FACES} faces; the scale has ${scale.levels.length} levels`,
      );
    }
    this.validators(el, question, path);
    return el;
  }

  private likert(question: LikertQuestion, path: string): SurveyJSElement {
    const el: SurveyJSElement = { type: 'matrix', name: question.name };
    this.common(el, question, path);
    this.rowNameCollisions(question, path);
    const columns = this.levels(this.scale(el, question, path), path);
    const noOpinion = question.noOpinion;
    if (noOpinion === false) el.sipasNoOpinion = false;
    else if (noOpinion !== undefined) {
      const given = typeof noOpinion === 'object' ? noOpinion : {};
      columns.push({
        value: noOpinionValue(question)!,
        text: given.text !== undefined ? this.text(given.text, `${path}/noOpinion/text`) : toSurveyText(NO_OPINION_LABEL, this.defaultLocale),
      });
      el.sipasNoOpinion =
        noOpinion === true ? true : { ...(given.value !== undefined ? { value: given.value } : {}), ...(given.text !== undefined ? { text: true as const } : {}) };
    }
    el.columns = columns;
    el.rows = question.rows.map((row, i) => {
      const rowPath = `${path}/rows/${i}`;
      const item: SurveyJSItemValue = { value: row.value, text: this.text(row.text, `${rowPath}/text`) };
      if (row.code !== undefined) item.sipasCode = row.code;
      this.expression(item, 'visibleIf', row.visibleIf, `${rowPath}/visibleIf`);
      return item;
    });
    if (question.allRowsRequired === false) el.eachRowRequired = false;
    else if (question.allRowsRequired === true) {
      // SurveyJS's eachRowRequired applies whether or not the grid is required; ours only with required.
      if (question.required === true) el.eachRowRequired = true;
      else {
        el.sipasAllRowsRequired = true;
        if (question.requiredIf !== undefined) {
          this.warnings.add(
            `${path}/allRowsRequired`,
            'all-rows-required-conditional',
            'SurveyJS không thể buộc trả lời mọi hàng chỉ khi requiredIf đúng; trong SurveyJS chỉ cần một hàng',
            'SurveyJS cannot require every row only while requiredIf holds; in SurveyJS one row is enough',
          );
        }
      }
    }
    this.validators(el, question, path);
    return el;
  }

  private validators(el: SurveyJSElement, question: Exclude<BuiltInQuestion, { type: 'info' }>, path: string): void {
    const rules = question.validators;
    if (rules === undefined) return;
    const inputType = question.type === 'text' ? question.inputType : undefined;
    const list: SurveyJSValidator[] = [];
    rules.forEach((rule, i) => {
      const rulePath = `${path}/validators/${i}`;
      const text = rule.message !== undefined ? this.text(rule.message, `${rulePath}/message`) : undefined;
      const validator = this.validator(el, question.name, rule, inputType, i, rulePath);
      if (!validator) return;
      if (text !== undefined) validator.text = text;
      list.push(validator);
    });
    if (list.length > 0 || rules.length === 0) el.validators = list;
  }

  /** One rule as a SurveyJS validator, or undefined when it became properties of the question. */
  private validator(
    el: SurveyJSElement,
    name: string,
    rule: Validator,
    inputType: string | undefined,
    index: number,
    path: string,
  ): SurveyJSValidator | undefined {
    switch (rule.type) {
      case 'range': {
        if (inputType !== 'date') {
          return { type: 'numeric', ...(rule.min !== undefined ? { minValue: Number(rule.min) } : {}), ...(rule.max !== undefined ? { maxValue: Number(rule.max) } : {}) };
        }
        // A first date range is the date input's own min/max; later ones become expressions.
        if (index === 0) {
          const text = rule.message !== undefined ? toSurveyText(rule.message, this.defaultLocale) : undefined;
          if (rule.min !== undefined) {
            el.min = rule.min;
            if (text !== undefined) el.minErrorText = text;
          }
          if (rule.max !== undefined) {
            el.max = rule.max;
            if (text !== undefined) el.maxErrorText = text;
          }
          return undefined;
        }
        const bounds = [
          ...(rule.min !== undefined ? [`{${name}} >= '${rule.min}'`] : []),
          ...(rule.max !== undefined ? [`{${name}} <= '${rule.max}'`] : []),
        ];
        const converted = expressionToSurveyJS(`{${name}} empty or (${bounds.join(' and ')})`);
        const sipasRange = { ...(rule.min !== undefined ? { min: rule.min } : {}), ...(rule.max !== undefined ? { max: rule.max } : {}) };
        return { type: 'expression', ...(converted.ok ? { expression: converted.expression } : {}), sipasRange };
      }
      case 'length':
        if (rule.max === 0) {
          this.warnings.add(
            `${path}/max`,
            'length-zero-max',
            'SurveyJS hiểu độ dài tối đa 0 là "không giới hạn"',
            'SurveyJS reads a maximum length of 0 as "no limit"',
          );
        }
        return { type: 'text', ...(rule.min !== undefined ? { minLength: rule.min } : {}), ...(rule.max !== undefined ? { maxLength: rule.max } : {}) };
      case 'pattern':
        if (/\\[pPu]\{/.test(rule.pattern)) {
          this.warnings.add(
            `${path}/pattern`,
            'pattern-unicode',
            'Mẫu dùng cú pháp Unicode (\\p{…}, \\u{…}); SurveyJS dịch biểu thức chính quy không có cờ "u"',
            'The pattern uses Unicode syntax (\\p{…}, \\u{…}); SurveyJS compiles regular expressions without the "u" flag',
          );
        }
        return { type: 'regex', regex: rule.pattern };
      case 'count':
        return { type: 'answercount', ...(rule.min !== undefined ? { minCount: rule.min } : {}), ...(rule.max !== undefined ? { maxCount: rule.max } : {}) };
      case 'expression': {
        const validator: SurveyJSValidator = { type: 'expression' };
        this.expression(validator, 'expression', rule.expression, `${path}/expression`);
        return validator;
      }
    }
  }
}

/** Applies `map` to every translation of a text. */
function mapTexts(text: LocalizedString, map: (value: string) => string): LocalizedString {
  if (typeof text === 'string') return map(text);
  return Object.fromEntries(Object.entries(text).map(([locale, value]) => [locale, map(value)])) as LocalizedString;
}
