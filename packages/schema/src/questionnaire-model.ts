/** Read-only helpers over a questionnaire that validators, the engine and the index share. */
import { NONE_VALUE, NO_OPINION_VALUE, OTHER_VALUE, STANDARD_SCALES } from './standard-scales.js';
import { pointer } from './validation-result.js';
import { isBuiltInType } from './types.js';
import type { QuestionTypeRegistry } from './question-types.js';
import type {
  AnswerValue,
  BuiltInQuestion,
  Hierarchy,
  HierarchyItem,
  HierarchyName,
  LikertQuestion,
  Page,
  Question,
  Questionnaire,
  Scale,
  ScaleRef,
  Section,
} from './types.js';

/** The question as a built-in type, or undefined for custom types (whose `type` is any string). */
export const asBuiltIn = (question: Question): BuiltInQuestion | undefined =>
  isBuiltInType(question.type) ? (question as BuiltInQuestion) : undefined;

/** A question that takes an answer (every type but info). */
export type AnswerableQuestion = Exclude<Question, { type: 'info' }>;

export const isAnswerable = (question: Question): question is AnswerableQuestion => question.type !== 'info';

export interface LocatedQuestion {
  question: Question;
  /** JSON pointer of the question in the questionnaire. */
  path: string;
  page: Page;
  section: Section;
}

/** Every question in document order, with where it sits. */
export function listQuestions(questionnaire: Questionnaire): LocatedQuestion[] {
  const located: LocatedQuestion[] = [];
  questionnaire.pages.forEach((page, p) =>
    page.sections.forEach((section, s) =>
      section.questions.forEach((question, q) =>
        located.push({ question, path: pointer('pages', p, 'sections', s, 'questions', q), page, section }),
      ),
    ),
  );
  return located;
}

const questionIndexes = new WeakMap<Questionnaire, ReadonlyMap<string, LocatedQuestion>>();

/**
 * The questions by name (the first one, if a name repeats), built once per questionnaire object:
 * checks that run per answer or per response use it on hot paths. Questionnaires are treated as
 * immutable once handed to a checker or a form.
 */
export function questionIndex(questionnaire: Questionnaire): ReadonlyMap<string, LocatedQuestion> {
  let index = questionIndexes.get(questionnaire);
  if (!index) {
    const byName = new Map<string, LocatedQuestion>();
    for (const located of listQuestions(questionnaire)) if (!byName.has(located.question.name)) byName.set(located.question.name, located);
    index = byName;
    questionIndexes.set(questionnaire, index);
  }
  return index;
}

/** The scale a rating or likert question uses, or undefined when its name is unknown. */
export function resolveScale(questionnaire: Questionnaire, ref: ScaleRef): Scale | undefined {
  if (typeof ref !== 'string') return ref;
  if (questionnaire.scales && Object.hasOwn(questionnaire.scales, ref)) return questionnaire.scales[ref];
  return Object.hasOwn(STANDARD_SCALES, ref) ? STANDARD_SCALES[ref] : undefined;
}

/** The value the "no opinion" column of a likert grid stores, if it has one. */
export function noOpinionValue(question: LikertQuestion): AnswerValue | undefined {
  if (!question.noOpinion) return undefined;
  return question.noOpinion === true ? NO_OPINION_VALUE : (question.noOpinion.value ?? NO_OPINION_VALUE);
}

/** The value of the exclusive "none" option of a multiple-choice question, if it has one. */
export function noneValue(question: Question): AnswerValue | undefined {
  const builtIn = asBuiltIn(question);
  if (builtIn?.type !== 'multiple' || !builtIn.none) return undefined;
  return builtIn.none === true ? NONE_VALUE : (builtIn.none.value ?? NONE_VALUE);
}

/** True when the question offers "other, please specify". */
export function hasOtherOption(question: Question): boolean {
  return (question.type === 'single' || question.type === 'multiple' || question.type === 'dropdown') && !!question.other;
}

const flattenedHierarchies = new WeakMap<Hierarchy, HierarchyItem[]>();

/** Every item of a hierarchy (units or service fields), depth first; computed once per hierarchy object. */
export function flattenHierarchy(hierarchy: Hierarchy | undefined): HierarchyItem[] {
  if (!hierarchy) return [];
  const cached = flattenedHierarchies.get(hierarchy);
  if (cached) return cached;
  const items: HierarchyItem[] = [];
  const visit = (list: HierarchyItem[] | undefined) =>
    list?.forEach((item) => {
      items.push(item);
      visit(item.children);
    });
  visit(hierarchy.items);
  flattenedHierarchies.set(hierarchy, items);
  return items;
}

/** The ids a dropdown bound to a hierarchy offers: every item, or the items of one level. */
export function hierarchyChoiceIds(questionnaire: Questionnaire, list: HierarchyName, level?: string): string[] {
  return flattenHierarchy(questionnaire.sipas?.[list])
    .filter((item) => level === undefined || item.level === level)
    .map((item) => item.id);
}

/**
 * Where custom types' answer values come from. Passed by callers that count custom types, rather
 * than imported: the registry module loads the fragment interpreter, which the drop-in leaves out.
 */
export type CustomTypeLookup = Pick<QuestionTypeRegistry, 'get'>;

/**
 * The values an answer of a choice or scale question can take (without "other"), or undefined for
 * questions whose answers are free (text, comment, boolean, info). A custom type's come from its
 * `answerValues` when `customTypes` is given (else undefined).
 */
export function answerValues(questionnaire: Questionnaire, question: Question, customTypes?: CustomTypeLookup): AnswerValue[] | undefined {
  const builtIn = asBuiltIn(question);
  if (!builtIn) return customTypes?.get(question.type)?.answerValues?.(question);
  switch (builtIn.type) {
    case 'single':
    case 'multiple':
    {
      const none = noneValue(builtIn);
      return [...builtIn.choices.map((c) => c.value), ...(none !== undefined ? [none] : [])];
    }
    case 'dropdown':
      if (builtIn.choicesFrom) return hierarchyChoiceIds(questionnaire, builtIn.choicesFrom.list, builtIn.choicesFrom.level);
      return builtIn.choices?.map((c) => c.value);
    case 'rating':
    case 'likert':
      return resolveScale(questionnaire, builtIn.scale)?.levels.map((l) => l.value);
    default:
      return undefined;
  }
}

/**
 * The values that count as satisfied when an index node or model does not say: a rating's or
 * likert's scale `satisfied`, a custom type's `satisfiedValues` (when `customTypes` is given).
 */
export function satisfiedValues(questionnaire: Questionnaire, question: Question, customTypes?: CustomTypeLookup): AnswerValue[] | undefined {
  const builtIn = asBuiltIn(question);
  if (!builtIn) return customTypes?.get(question.type)?.satisfiedValues?.(question);
  return builtIn.type === 'rating' || builtIn.type === 'likert' ? resolveScale(questionnaire, builtIn.scale)?.satisfied : undefined;
}

export { OTHER_VALUE };
