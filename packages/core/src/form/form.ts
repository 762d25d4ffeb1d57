/**
 * The live state of one response to a questionnaire: answers, what is shown, enabled and required,
 * errors, pages, progress and completion. DOM-free; elements render it and forward user intent.
 */
import {
  answerValues,
  asBuiltIn,
  FORMAT_VERSION,
  hasOtherOption,
  isAnswerable,
  listQuestions,
  localize,
  questionIndex,
  message,
  OTHER_SUFFIX,
  OTHER_VALUE,
  quote,
  toMessage,
  checkAnswer,
  checkLogic,
  type Answer,
  type Channel,
  type LocalizedMessage,
  type LocalizedString,
  type Page,
  type Question,
  type Questionnaire,
  type Response,
  type Section,
  type ValidationError,
} from '@sipas/schema';
import { coreTypes } from '../question-types/core-types.js';
import type { CoreTypeRegistry, RegisteredQuestionType } from '../question-types/registry.js';
import { compileConditions, type Condition, type ConditionIndex } from './conditions.js';
import { displayAnswer } from './display.js';
import { createResponseId } from './response-id.js';
import { uiMessage } from './ui-text.js';
import { compileExpression, type CompiledExpression } from '../expression/evaluate.js';

export interface FormOptions {
  /** Language of the content; Vietnamese (the default) is the fallback of every text. */
  locale?: string;
  /** How the response is collected; `online` by default. */
  channel?: Channel;
  /** The unit and service field the response belongs to, when the page knows them (kiosk, embed). */
  unit?: string;
  serviceField?: string;
  /** Where and by whom it was collected (kiosk counter, officer, interviewer), stamped into the response. */
  collection?: Response['collection'];
  /** The paper form it was typed from (serial number, enumerator, sample, spoiled items). */
  paper?: Response['paper'];
  /** Answers to start from (a draft being resumed). */
  data?: Record<string, Answer>;
  responseId?: string;
  startedAt?: string;
  /** The clock, for tests. */
  now?: () => Date;
  types?: CoreTypeRegistry;
}

/** A problem with one answer, shown next to its question. */
export interface FieldError {
  code: string;
  message: LocalizedMessage;
}

/** What one operation changed; listeners re-render what they show of it. */
export interface FormChange {
  /** Scope keys whose value changed (question names and `<name>-other` keys). */
  values: string[];
  /** Elements (pages, sections, questions) whose visibility, enablement or requiredness changed. */
  states: string[];
  /** Questions whose errors changed. */
  errors: string[];
  page: boolean;
  locale: boolean;
  completed: boolean;
}

export type FormListener = (change: FormChange) => void;

/** A questionnaire that cannot be loaded: its errors, located as by validateQuestionnaire. */
export class QuestionnaireLoadError extends Error {
  readonly errors: ValidationError[];

  constructor(errors: ValidationError[]) {
    const first = errors[0];
    super(first ? `Invalid questionnaire at ${first.path || '/'}: ${first.message.en}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}` : 'Invalid questionnaire');
    this.errors = errors;
  }
}

interface QuestionState {
  question: Question;
  type: RegisteredQuestionType;
  section: Section;
  page: Page;
  ownVisible: boolean;
  enabled: boolean;
  required: boolean;
  hiddenItems: Set<string | number>;
  validators: { expression: CompiledExpression; message: LocalizedMessage }[];
}

interface PreparedQuestionnaire {
  logicErrors: ValidationError[];
  /** Pages and sections by name, each with the page that holds it. */
  containers: Map<string, { element: Page | Section; page: Page }>;
  conditions: ConditionIndex;
  rules: Map<string, { expression: CompiledExpression; message: LocalizedMessage }[]>;
}

const preparedQuestionnaires = new WeakMap<Questionnaire, PreparedQuestionnaire>();

/**
 * What every form of a questionnaire shares, computed once per questionnaire object: the logic check
 * and the compiled conditions and expression rules (a server checks thousands of responses to one).
 */
function prepare(questionnaire: Questionnaire): PreparedQuestionnaire {
  let prepared = preparedQuestionnaires.get(questionnaire);
  if (prepared) return prepared;
  const located = listQuestions(questionnaire);
  const index = questionIndex(questionnaire);
  // Names identify answers; the full format check reports repeats in detail, the runtime only refuses them.
  const repeated = located.filter((entry) => index.get(entry.question.name)?.question !== entry.question);
  const logicErrors = repeated.length > 0
    ? repeated.map(({ question, path }) => ({ path: `${path}/name`, code: 'duplicate-name', message: message(`Tên ${quote(question.name)} bị lặp`, `The name ${quote(question.name)} is repeated`) }))
    : checkLogic(questionnaire);
  const containers = new Map<string, { element: Page | Section; page: Page }>();
  for (const page of questionnaire.pages) {
    containers.set(page.name, { element: page, page });
    for (const section of page.sections) containers.set(section.name, { element: section, page });
  }
  prepared = { logicErrors, containers, conditions: { all: [], byKey: new Map() }, rules: new Map() };
  if (logicErrors.length === 0) {
    prepared.conditions = compileConditions(questionnaire);
    for (const { question } of questionIndex(questionnaire).values()) {
      if (!isAnswerable(question)) continue;
      const rules = (question.validators ?? []).flatMap((rule) =>
        rule.type === 'expression' ? [{ expression: compileExpression(rule.expression), message: toMessage(rule.message) }] : [],
      );
      if (rules.length > 0) prepared.rules.set(question.name, rules);
    }
  }
  preparedQuestionnaires.set(questionnaire, prepared);
  return prepared;
}

const emptyChange = (): FormChange => ({ values: [], states: [], errors: [], page: false, locale: false, completed: false });

function sameAnswer(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  return keysA.length === Object.keys(b).length && keysA.every((key) => sameAnswer((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export class Form {
  readonly questionnaire: Questionnaire;
  readonly responseId: string;
  readonly startedAt: string;
  private localeValue: string;
  private readonly channel: Channel;
  private readonly collection: Response['collection'];
  private paper: Response['paper'];
  private unit: string | undefined;
  private serviceField: string | undefined;
  /** The unit and field the page gave, which answers bound to those lists may override. */
  private readonly initialBinding: { unit: string | undefined; serviceField: string | undefined };
  private readonly now: () => Date;
  private readonly types: CoreTypeRegistry;
  private readonly conditions: ConditionIndex;
  private readonly prepared: PreparedQuestionnaire;
  private readonly states = new Map<string, QuestionState>();
  private readonly ownVisible = new Map<string, boolean>();
  /** The evaluation scope: answers, `<name>-other` texts and the response variables. */
  private readonly scope: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  private readonly errorMap = new Map<string, FieldError[]>();
  private readonly listeners = new Set<FormListener>();
  private currentPageName: string | undefined;
  private completedValue = false;
  private pending: FormChange | undefined;

  constructor(questionnaire: Questionnaire, options: FormOptions = {}) {
    this.types = options.types ?? coreTypes;
    // The full JSON Schema check is createForm's (create-form.ts); the runtime, which receives
    // questionnaires validated at publication, still refuses logic it could not run.
    const prepared = prepare(questionnaire);
    this.prepared = prepared;
    if (prepared.logicErrors.length > 0) throw new QuestionnaireLoadError(prepared.logicErrors);
    const unknownTypes = [...questionIndex(questionnaire).values()].filter(({ question }) => !this.types.has(question.type));
    if (unknownTypes.length > 0) {
      throw new QuestionnaireLoadError(
        unknownTypes.map(({ question, path }) => ({
          path: `${path}/type`,
          code: 'unknown-type',
          message: message(`Loại câu hỏi ${quote(question.type)} chưa được đăng ký với bộ máy biểu mẫu`, `Question type ${quote(question.type)} is not registered with the form engine`),
        })),
      );
    }
    this.questionnaire = questionnaire;
    this.now = options.now ?? (() => new Date());
    this.localeValue = options.locale ?? 'vi';
    this.channel = options.channel ?? 'online';
    this.collection = options.collection;
    this.paper = options.paper;
    this.unit = options.unit;
    this.serviceField = options.serviceField;
    this.initialBinding = { unit: options.unit, serviceField: options.serviceField };
    this.responseId = options.responseId ?? createResponseId();
    this.startedAt = options.startedAt ?? this.now().toISOString();
    this.conditions = prepared.conditions;

    for (const { question, page, section } of questionIndex(questionnaire).values()) {
      const validators = prepared.rules.get(question.name) ?? [];
      this.states.set(question.name, {
        question,
        type: this.types.get(question.type)!,
        section,
        page,
        ownVisible: true,
        enabled: true,
        required: isAnswerable(question) && question.required === true,
        hiddenItems: new Set(),
        validators,
      });
    }
    for (const page of questionnaire.pages) {
      this.ownVisible.set(page.name, true);
      for (const section of page.sections) this.ownVisible.set(section.name, true);
    }
    Object.assign(this.scope, { channel: this.channel, locale: this.localeValue, unit: this.unit, serviceField: this.serviceField });
    for (const [key, value] of Object.entries(options.data ?? {})) this.store(key, this.normalize(key, value));
    for (const condition of this.conditions.all) this.apply(condition, emptyChange());
    this.settleHidden(Object.keys(this.scope), emptyChange());
    this.currentPageName = this.visiblePages[0]?.name;
  }

  // --- values ---------------------------------------------------------------------------------

  /** The answer of a question, or the text of its "other" option under `<name>-other`. */
  getValue(key: string): Answer | undefined {
    return this.scope[key] as Answer | undefined;
  }

  /** Every answer given, keyed like a response's answers. */
  get values(): Record<string, Answer> {
    const values: Record<string, Answer> = {};
    for (const [key, value] of Object.entries(this.scope)) {
      if (value !== undefined && (this.states.has(key) || key.endsWith(OTHER_SUFFIX))) values[key] = value as Answer;
    }
    return values;
  }

  /**
   * Sets (or, with undefined, clears) an answer; inputs from controls are normalized to the stored
   * shape. Re-evaluates only the conditions that read this value. Returns whether anything changed.
   */
  setValue(key: string, value: unknown): boolean {
    const normalized = this.normalize(key, value);
    if (sameAnswer(normalized, this.scope[key])) return false;
    this.batch((change) => {
      const bindingBefore = [this.unit, this.serviceField];
      this.store(key, normalized);
      change.values.push(key);
      if (bindingBefore[0] !== this.unit) change.values.push('unit');
      if (bindingBefore[1] !== this.serviceField) change.values.push('serviceField');
      const otherKey = `${key}${OTHER_SUFFIX}`;
      if (this.scope[otherKey] !== undefined && !this.otherChosen(key)) {
        this.store(otherKey, undefined);
        change.values.push(otherKey);
      }
      const owner = key.endsWith(OTHER_SUFFIX) ? key.slice(0, -OTHER_SUFFIX.length) : key;
      if (this.errorMap.delete(owner)) change.errors.push(owner);
      this.propagate(change.values.slice(), change);
    });
    return true;
  }

  private normalize(key: string, value: unknown): Answer | undefined {
    if (key.endsWith(OTHER_SUFFIX)) {
      const base = this.states.get(key.slice(0, -OTHER_SUFFIX.length));
      if (!base || !hasOtherOption(base.question)) throw new Error(`No question ${quote(key.slice(0, -OTHER_SUFFIX.length))} with an "other" option`);
      return value === undefined || value === null || value === '' ? undefined : String(value);
    }
    const state = this.states.get(key);
    if (!state) throw new Error(`The questionnaire has no question ${quote(key)}`);
    if (!state.type.answerable) throw new Error(`${quote(key)} takes no answer`);
    return state.type.normalize(value, { questionnaire: this.questionnaire, question: state.question, previous: this.scope[key] as Answer | undefined });
  }

  private store(key: string, value: Answer | undefined): void {
    if (value === undefined) delete this.scope[key];
    else this.scope[key] = value;
    const builtIn = this.states.get(key) && asBuiltIn(this.states.get(key)!.question);
    if (builtIn?.type === 'dropdown' && builtIn.choicesFrom) {
      // The chosen unit (or field) is the response's; "other" or no answer falls back to the page's.
      const field = builtIn.choicesFrom.list === 'units' ? 'unit' : 'serviceField';
      const ids = answerValues(this.questionnaire, builtIn) ?? [];
      const chosen = typeof value === 'string' && ids.includes(value) ? value : this.initialBinding[field];
      this[field] = chosen;
      this.scope[field] = chosen;
    }
  }

  private otherChosen(name: string): boolean {
    const value = this.scope[name];
    return Array.isArray(value) ? value.includes(OTHER_VALUE) : value === OTHER_VALUE;
  }

  // --- conditions -----------------------------------------------------------------------------

  /** Re-evaluates the conditions reading the changed keys, and what their effects change in turn. */
  private propagate(keys: string[], change: FormChange): void {
    const touched = new Set<string>();
    for (const key of keys) {
      for (const condition of this.conditions.byKey.get(key) ?? []) {
        if (this.apply(condition, change)) touched.add(condition.element);
      }
    }
    if (touched.size > 0) this.settleHidden([...touched], change);
  }

  /** Evaluates one condition; true when the element's state changed. */
  private apply(condition: Condition, change: FormChange): boolean {
    const result = condition.expression.test(this.scope, { now: this.now() });
    const state = this.states.get(condition.element);
    let changed = false;
    switch (condition.kind) {
      case 'visible':
        if (state) {
          changed = state.ownVisible !== result;
          state.ownVisible = result;
        } else {
          changed = this.ownVisible.get(condition.element) !== result;
          this.ownVisible.set(condition.element, result);
        }
        break;
      case 'enabled':
        changed = state!.enabled !== result;
        state!.enabled = result;
        break;
      case 'required':
        changed = state!.required !== result;
        state!.required = result;
        break;
      case 'choiceVisible':
      case 'rowVisible': {
        const hidden = state!.hiddenItems;
        changed = hidden.has(condition.item!) === result;
        if (result) hidden.delete(condition.item!);
        else hidden.add(condition.item!);
        break;
      }
    }
    if (changed) {
      change.states.push(condition.element);
      // An error shown on something now hidden or disabled no longer applies.
      if ((condition.kind === 'visible' || condition.kind === 'enabled') && !result) {
        for (const name of this.questionsUnder([condition.element])) if (this.errorMap.delete(name)) change.errors.push(name);
      }
    }
    return changed;
  }

  /**
   * With the "onHidden" policy, answers of questions (and choices, rows) that are no longer shown are
   * removed at once, which may in turn change other conditions.
   */
  private settleHidden(elements: string[], change: FormChange): void {
    if (this.questionnaire.settings?.clearHiddenValues !== 'onHidden') return;
    const cleared: string[] = [];
    for (const name of this.questionsUnder(elements)) {
      for (const key of this.clearHidden(name)) cleared.push(key);
    }
    if (cleared.length > 0) {
      change.values.push(...cleared);
      this.propagate(cleared, change);
    }
  }

  /** The questions an element stands for: itself, or everything in a section or page. */
  private questionsUnder(elements: string[]): string[] {
    const names = new Set<string>();
    for (const element of elements) {
      if (this.states.has(element)) {
        names.add(element);
        continue;
      }
      for (const state of this.states.values()) {
        if (state.section.name === element || state.page.name === element) names.add(state.question.name);
      }
    }
    return [...names];
  }

  /** Removes what a hidden question, choice or row holds; returns the keys that changed. */
  private clearHidden(name: string): string[] {
    const state = this.states.get(name)!;
    const value = this.scope[name];
    if (value === undefined) return [];
    const otherKey = `${name}${OTHER_SUFFIX}`;
    if (!this.isVisible(name)) {
      this.store(name, undefined);
      const keys = [name];
      if (this.scope[otherKey] !== undefined) {
        this.store(otherKey, undefined);
        keys.push(otherKey);
      }
      return keys;
    }
    if (state.hiddenItems.size === 0) return [];
    const kept = this.withoutHiddenItems(name, value as Answer);
    if (sameAnswer(kept, value)) return [];
    this.store(name, kept);
    return [name];
  }

  // --- element state --------------------------------------------------------------------------

  /** Whether a page, section or question is shown: its own condition and those of its containers. */
  isVisible(name: string): boolean {
    const state = this.states.get(name);
    if (state) return state.ownVisible && this.ownVisible.get(state.section.name) !== false && this.ownVisible.get(state.page.name) !== false;
    const container = this.prepared.containers.get(name);
    if (!container) throw new Error(`The questionnaire has no element ${quote(name)}`);
    if (this.ownVisible.get(name) === false) return false;
    if ('sections' in container.element) return container.element.sections.some((section) => this.isVisible(section.name));
    return this.ownVisible.get(container.page.name) !== false && container.element.questions.some((question) => this.states.get(question.name)!.ownVisible);
  }

  isEnabled(name: string): boolean {
    return this.stateOf(name).enabled;
  }

  isRequired(name: string): boolean {
    return this.stateOf(name).required;
  }

  /** Whether one choice of a question, or one row of a likert grid, is shown. */
  isItemVisible(name: string, item: string | number): boolean {
    return !this.stateOf(name).hiddenItems.has(item);
  }

  private stateOf(name: string): QuestionState {
    const state = this.states.get(name);
    if (!state) throw new Error(`The questionnaire has no question ${quote(name)}`);
    return state;
  }

  question(name: string): Question {
    return this.stateOf(name).question;
  }

  /** The visible sections of a page, each with its visible questions. */
  visibleSections(pageName: string): { section: Section; questions: Question[] }[] {
    const page = this.prepared.containers.get(pageName)?.element;
    if (!page || !('sections' in page)) throw new Error(`The questionnaire has no page ${quote(pageName)}`);
    return page.sections
      .filter((section) => this.isVisible(section.name))
      .map((section) => ({ section, questions: section.questions.filter((q) => this.isVisible(q.name)) }));
  }

  /** The elements whose conditions read a value (a question name, `<name>-other` or a response variable). */
  dependentsOf(key: string): string[] {
    return [...new Set((this.conditions.byKey.get(key) ?? []).map((condition) => condition.element))];
  }

  // --- text -----------------------------------------------------------------------------------

  get locale(): string {
    return this.localeValue;
  }

  /** Switches the language of the content; conditions on {locale} are re-evaluated. */
  set locale(locale: string) {
    if (locale === this.localeValue) return;
    this.batch((change) => {
      this.localeValue = locale;
      this.scope.locale = locale;
      change.locale = true;
      this.propagate(['locale'], change);
    });
  }

  /** A questionnaire text in the current language with `{name}` and `{name.row}` replaced by the answers. */
  text(value: LocalizedString | undefined): string {
    if (value === undefined) return '';
    return localize(value, this.localeValue).replace(/\{\s*([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?\s*\}/g, (whole, name: string, row?: string) => {
      const state = this.states.get(name);
      if (!state) return whole;
      const answer = this.scope[name] as Answer | undefined;
      const shown = row !== undefined && typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? (answer as Record<string, Answer>)[row] : answer;
      return displayAnswer(this.questionnaire, state.question, shown as Answer | undefined, this.localeValue, this.scope[`${name}${OTHER_SUFFIX}`] as string | undefined);
    });
  }

  /** A question's answer as text (choice and level labels, yes/no). */
  displayValue(name: string): string {
    const state = this.stateOf(name);
    return displayAnswer(this.questionnaire, state.question, this.scope[name] as Answer | undefined, this.localeValue, this.scope[`${name}${OTHER_SUFFIX}`] as string | undefined);
  }

  // --- validation -----------------------------------------------------------------------------

  /** The problems of one question's answer, as shown to the respondent (hidden or disabled questions have none). */
  private check(name: string, answersChecked = false): FieldError[] {
    const state = this.stateOf(name);
    const { question, type } = state;
    if (!type.answerable || !this.isVisible(name) || !state.enabled) return [];
    const value = this.scope[name] as Answer | undefined;
    const context = { questionnaire: this.questionnaire, question };
    if (type.isEmpty(value, context)) {
      // On paper a blank is data (the respondent left it), as checkResponse judges it.
      if (!state.required || this.channel === 'paper') return [];
      const custom = isAnswerable(question) && question.requiredMessage ? toMessage(question.requiredMessage) : uiMessage('required');
      return [{ code: 'required', message: custom }];
    }
    const builtIn = asBuiltIn(question);
    if (builtIn?.type === 'likert' && state.required && builtIn.allRowsRequired && this.channel !== 'paper') {
      const rows = value as Record<string, Answer>;
      if (builtIn.rows.some((row) => !state.hiddenItems.has(row.value) && rows[row.value] === undefined)) {
        return [{ code: 'required', message: uiMessage('requiredRows') }];
      }
    }
    // Custom types are checked by their registered semantics inside checkAnswer (customAnswerCheck).
    const problems: FieldError[] = answersChecked
      ? []
      : checkAnswer(this.questionnaire, name, value!, this.scope as Record<string, Answer>, this.customAnswerCheck).map(({ code, message: text }) => ({ code, message: text }));
    if (problems.length > 0) return problems;
    if (asBuiltIn(question) || answersChecked) problems.push(...type.validate(value!, context));
    for (const rule of state.validators) {
      if (!rule.expression.test(this.scope, { now: this.now() })) problems.push({ code: 'validation-rule', message: rule.message });
    }
    const otherKey = `${name}${OTHER_SUFFIX}`;
    // On paper, "other" ticked with nothing written is what the respondent did (as checkResponse judges it).
    if (this.otherChosen(name) && this.scope[otherKey] === undefined && this.channel !== 'paper') {
      problems.push({ code: 'other-text-missing', message: message('Vui lòng ghi rõ lựa chọn "Khác".', 'Please specify "Other".') });
    }
    return problems;
  }

  /** Answers of custom types are checked by their registered semantics. */
  private readonly customAnswerCheck = (question: Question, answer: Answer, path: string): ValidationError[] | undefined => {
    const type = this.types.get(question.type);
    return type?.validate(answer, { questionnaire: this.questionnaire, question }).map((problem) => ({ path, ...problem }));
  };

  /** Errors currently shown for a question (after validate, next or complete). */
  errorsOf(name: string): FieldError[] {
    return this.errorMap.get(name) ?? [];
  }

  /**
   * Shows errors found elsewhere (a server refusing the response) on their questions, alongside
   * the engine's own; like those, they go when the answer is edited. Unknown names are ignored.
   */
  reportErrors(errors: ReadonlyMap<string, FieldError[]>): void {
    this.batch((change) => {
      for (const [name, found] of errors) {
        if (!this.states.has(name) || found.length === 0) continue;
        this.errorMap.set(name, [...(this.errorMap.get(name) ?? []), ...found]);
        change.errors.push(name);
      }
    });
  }

  /** The first question, in questionnaire order, that shows an error. */
  get firstError(): string | undefined {
    for (const name of this.states.keys()) if (this.errorMap.has(name)) return name;
    return undefined;
  }

  /** The page a question is on. */
  pageOf(name: string): Page {
    return this.stateOf(name).page;
  }

  /**
   * Validates the visible questions of the current page (`page`) or of every page (`all`, the
   * default), records the errors for display and returns them by question name. With
   * `answersChecked`, the per-answer checks of the format are skipped because the caller ran
   * validateResponse already; only requiredness, expression rules and the type hooks remain.
   */
  validate(scope: 'page' | 'all' = 'all', options: { answersChecked?: boolean } = {}): Map<string, FieldError[]> {
    const names = scope === 'page' && this.currentPage ? this.currentPage.sections.flatMap((s) => s.questions.map((q) => q.name)) : [...this.states.keys()];
    const found = new Map<string, FieldError[]>();
    this.batch((change) => {
      for (const name of names) {
        const errors = this.check(name, options.answersChecked);
        const had = this.errorMap.has(name);
        if (errors.length > 0) {
          found.set(name, errors);
          this.errorMap.set(name, errors);
          change.errors.push(name);
        } else if (had) {
          this.errorMap.delete(name);
          change.errors.push(name);
        }
      }
    });
    return found;
  }

  // --- pages ----------------------------------------------------------------------------------

  /** The pages shown: their condition holds and they hold at least one shown question. */
  get visiblePages(): Page[] {
    return this.questionnaire.pages.filter((page) => this.isVisible(page.name));
  }

  get currentPage(): Page | undefined {
    const pages = this.visiblePages;
    return pages.find((p) => p.name === this.currentPageName) ?? pages[0];
  }

  get currentPageIndex(): number {
    const current = this.currentPage;
    return current ? this.visiblePages.indexOf(current) : -1;
  }

  get isFirstPage(): boolean {
    return this.currentPageIndex <= 0;
  }

  get isLastPage(): boolean {
    return this.currentPageIndex === this.visiblePages.length - 1;
  }

  /** Moves to the next visible page if the current one has no errors; returns whether it moved. */
  next(): boolean {
    if (this.validate('page').size > 0 || this.isLastPage) return false;
    this.moveTo(this.visiblePages[this.currentPageIndex + 1]!.name);
    return true;
  }

  /** Moves to the previous visible page without validating; returns whether it moved. */
  prev(): boolean {
    if (this.isFirstPage) return false;
    this.moveTo(this.visiblePages[this.currentPageIndex - 1]!.name);
    return true;
  }

  /** Jumps to a visible page (the designer's preview, "edit" links on a summary). */
  goToPage(name: string): boolean {
    if (!this.visiblePages.some((p) => p.name === name)) return false;
    this.moveTo(name);
    return true;
  }

  private moveTo(name: string): void {
    if (name === this.currentPage?.name) return;
    this.batch((change) => {
      this.currentPageName = name;
      change.page = true;
    });
  }

  // --- progress and completion ----------------------------------------------------------------

  /** Answered / shown questions that take an answer. */
  get progress(): { answered: number; total: number; ratio: number } {
    let answered = 0;
    let total = 0;
    for (const [name, state] of this.states) {
      if (!state.type.answerable || !this.isVisible(name)) continue;
      total++;
      if (!state.type.isEmpty(this.scope[name] as Answer | undefined, { questionnaire: this.questionnaire, question: state.question })) answered++;
    }
    return { answered, total, ratio: total === 0 ? 0 : answered / total };
  }

  get isCompleted(): boolean {
    return this.completedValue;
  }

  /**
   * Validates every visible question; when all are fine, removes answers of hidden questions (unless
   * the questionnaire keeps them) and marks the response complete. Errors move to the first page
   * that has one. Returns whether the response is complete.
   */
  complete(): boolean {
    // What is sent is what gets validated: hidden answers go first (unless kept by the policy),
    // and what their removal hides in turn, until nothing changes.
    if (this.questionnaire.settings?.clearHiddenValues !== 'never') this.batch((change) => this.clearAllHidden(change));
    const errors = this.validate('all');
    if (errors.size > 0) {
      const firstName = [...this.states.keys()].find((name) => errors.has(name))!;
      this.moveTo(this.states.get(firstName)!.page.name);
      return false;
    }
    this.batch((change) => {
      this.completedValue = true;
      change.completed = true;
    });
    return true;
  }

  /** Removes every answer (and choice, row, "other" text) that is hidden, re-evaluating as it goes. */
  private clearAllHidden(change: FormChange): void {
    for (;;) {
      const cleared: string[] = [];
      for (const name of this.states.keys()) cleared.push(...this.clearHidden(name));
      for (const [key] of Object.entries(this.scope)) {
        if (key.endsWith(OTHER_SUFFIX) && this.states.has(key.slice(0, -OTHER_SUFFIX.length)) && !this.otherChosen(key.slice(0, -OTHER_SUFFIX.length))) {
          this.store(key, undefined);
          cleared.push(key);
        }
      }
      if (cleared.length === 0) return;
      change.values.push(...cleared);
      this.propagate(cleared, change);
    }
  }

  /** Records the paper form being typed in (serial, enumerator, sample, spoiled items) for the response. */
  setPaper(paper: Response['paper']): void {
    this.paper = paper;
  }

  /** The response document (format of schemas/response.schema.json) of the answers given so far. */
  toResponse(): Response {
    const answers = this.questionnaire.settings?.clearHiddenValues === 'never' ? this.values : this.visibleAnswers();
    const response: Response = {
      formatVersion: FORMAT_VERSION,
      responseId: this.responseId,
      questionnaire: { id: this.questionnaire.id, version: this.questionnaire.version ?? 1 },
      channel: this.channel,
      startedAt: this.startedAt,
      submittedAt: this.now().toISOString(),
      locale: this.localeValue,
      answers,
    };
    if (this.unit !== undefined) response.unit = this.unit;
    if (this.serviceField !== undefined) response.serviceField = this.serviceField;
    if (this.collection && Object.keys(this.collection).length > 0) response.collection = { ...this.collection };
    if (this.paper) response.paper = { ...this.paper, ...(this.paper.spoiled ? { spoiled: [...this.paper.spoiled] } : {}) };
    return response;
  }

  /** The answers as they would be sent: shown questions only, without hidden choices or rows, "other" texts only with "other". */
  private visibleAnswers(): Record<string, Answer> {
    const answers: Record<string, Answer> = {};
    for (const [key, value] of Object.entries(this.values)) {
      const isOther = key.endsWith(OTHER_SUFFIX);
      const name = isOther ? key.slice(0, -OTHER_SUFFIX.length) : key;
      if (!this.isVisible(name)) continue;
      if (isOther) {
        if (this.otherChosen(name)) answers[key] = value;
        continue;
      }
      const kept = this.withoutHiddenItems(name, value);
      if (kept !== undefined) answers[key] = kept;
    }
    return answers;
  }

  private withoutHiddenItems(name: string, value: Answer): Answer | undefined {
    const hidden = this.states.get(name)!.hiddenItems;
    if (hidden.size === 0) return value;
    if (Array.isArray(value)) {
      const list = value.filter((item) => !hidden.has(item));
      return list.length > 0 ? list : undefined;
    }
    if (typeof value === 'object' && value !== null) {
      const entries = Object.entries(value).filter(([row]) => !hidden.has(row));
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    return hidden.has(value as string | number) ? undefined : value;
  }

  // --- subscriptions --------------------------------------------------------------------------

  /** Calls the listener after every operation that changed something; returns the unsubscribe function. */
  subscribe(listener: FormListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Groups the changes of one operation into one notification. */
  private batch(operation: (change: FormChange) => void): void {
    const outer = this.pending === undefined;
    const change = this.pending ?? emptyChange();
    this.pending = change;
    try {
      operation(change);
    } finally {
      if (outer) this.pending = undefined;
    }
    if (!outer) return;
    const changed = change.values.length + change.states.length + change.errors.length > 0 || change.page || change.locale || change.completed;
    if (!changed) return;
    change.values = [...new Set(change.values)];
    change.states = [...new Set(change.states)];
    change.errors = [...new Set(change.errors)];
    for (const listener of this.listeners) listener(change);
  }
}



