/**
 * Value semantics of the built-in question types, registered through the same call custom types use.
 * Inputs arrive from HTML controls as strings; normalize brings them to the stored shape of the
 * format (numbers for number fields and numeric scales, booleans for yes/no, lists, row objects).
 */
import { answerValues, asBuiltIn, noneValue, noOpinionValue, OTHER_VALUE, type Answer, type AnswerValue, type LikertQuestion, type Question } from '@sipas/schema';
import type { AnswerContext, CoreTypeRegistry, QuestionTypeDefinition } from './registry.js';

/** The offered value equal to an input, so '3' from a radio button becomes the level 3. */
function matchOffered(value: unknown, offered: readonly AnswerValue[]): AnswerValue | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  if (value === '') return undefined;
  if (offered.includes(value)) return value;
  return offered.find((candidate) => String(candidate) === String(value)) ?? value;
}

const offeredValues = ({ questionnaire, question }: AnswerContext): AnswerValue[] => {
  const values = answerValues(questionnaire, question) ?? [];
  const builtIn = asBuiltIn(question);
  const withOther = builtIn && 'other' in builtIn && builtIn.other ? [...values, OTHER_VALUE] : values;
  return builtIn?.type === 'likert' && noOpinionValue(builtIn) !== undefined ? [...withOther, noOpinionValue(builtIn)!] : withOther;
};

const text: QuestionTypeDefinition = {
  type: 'text',
  normalize: (value, { question }) => {
    if (value === undefined || value === null || value === '') return undefined;
    if ((question as { inputType?: string }).inputType === 'number') {
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      const parsed = Number(String(value).trim().replace(',', '.'));
      return String(value).trim() !== '' && Number.isFinite(parsed) ? parsed : String(value);
    }
    return typeof value === 'string' ? value : String(value);
  },
};

const comment: QuestionTypeDefinition = {
  type: 'comment',
  normalize: (value) => (value === undefined || value === null || value === '' ? undefined : String(value)),
};

const oneOfOffered = (type: 'single' | 'dropdown' | 'rating'): QuestionTypeDefinition => ({
  type,
  normalize: (value, context) => matchOffered(value, offeredValues(context)),
});

/**
 * Multiple choice keeps the exclusive option exclusive: choosing "none" clears the others and
 * choosing another option clears "none". Which was chosen last is read from the previous value.
 */
export function normalizeMultiple(value: unknown, question: Question, offered: readonly AnswerValue[], previous: Answer | undefined): Answer | undefined {
  if (value === undefined || value === null) return undefined;
  const list = (Array.isArray(value) ? value : [value]).map((item) => matchOffered(item, offered)).filter((item): item is AnswerValue => item !== undefined);
  const unique = list.filter((item, i) => list.indexOf(item) === i);
  const none = noneValue(question);
  if (none !== undefined && unique.includes(none) && unique.length > 1) {
    const before = Array.isArray(previous) ? previous : [];
    const noneIsNew = !before.includes(none);
    return noneIsNew ? [none] : unique.filter((item) => item !== none);
  }
  return unique.length > 0 ? unique : undefined;
}

const likert: QuestionTypeDefinition = {
  type: 'likert',
  normalize: (value, context) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    const offered = offeredValues(context);
    const rows = (context.question as LikertQuestion).rows.map((row) => row.value);
    const entries = Object.entries(value)
      .map(([row, level]) => [row, rows.includes(row) ? matchOffered(level, offered) : level] as const)
      .filter(([, level]) => level !== undefined && level !== null && level !== '');
    return entries.length > 0 ? (Object.fromEntries(entries) as Record<string, AnswerValue>) : undefined;
  },
};

const yesNo: QuestionTypeDefinition = {
  type: 'boolean',
  normalize: (value) => {
    if (value === 'true') return true;
    if (value === 'false') return false;
    return value === undefined || value === null || value === '' ? undefined : (value as Answer);
  },
};

/** Registers the nine built-in types on a registry. */
export function defineBuiltInTypes(registry: CoreTypeRegistry): void {
  registry.define(text);
  registry.define(comment);
  registry.define(oneOfOffered('single'));
  registry.define(oneOfOffered('dropdown'));
  registry.define(oneOfOffered('rating'));
  registry.define({ type: 'multiple', normalize: (value, context) => normalizeMultiple(value, context.question, offeredValues(context), context.previous) });
  registry.define(likert);
  registry.define(yesNo);
  registry.define({ type: 'info', answerable: false });
}

export { offeredValues };
