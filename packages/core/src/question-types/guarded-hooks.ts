/**
 * A custom type's code runs inside validation, the server's response check, exports and indices.
 * A hook that throws must not take those down with it (a server error makes a kiosk's outbox
 * retry the response for ever), so each hook is wrapped: a failed check refuses the answer with a
 * located reason, a failed conversion keeps the value as it came, and a failed description of the
 * answers (values, satisfied set, export columns) falls back to what a type without it gets.
 */
import { isEmptyAnswer, message, quote, type Answer, type AnswerValue, type Question } from '@sipas/schema';
import type { AnswerProblem, CustomTypeSchema, QuestionTypeDefinition } from './registry.js';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The problem reported for an answer a type's own check could not judge. */
export const hookFailed = (type: string, hook: string, error: unknown): AnswerProblem => ({
  code: 'type-hook-failed',
  message: message(
    `Không kiểm tra được câu trả lời: ${hook} của loại ${quote(type)} bị lỗi (${reason(error)})`,
    `The answer could not be checked: ${hook} of type ${quote(type)} failed (${reason(error)})`,
  ),
});

function attempt<A extends unknown[], R>(hook: ((...args: A) => R) | undefined, fallback: (error: unknown, ...args: A) => R): ((...args: A) => R) | undefined {
  if (!hook) return undefined;
  return (...args: A) => {
    try {
      return hook(...args);
    } catch (error) {
      return fallback(error, ...args);
    }
  };
}

/** The definition's answer hooks, each wrapped so that a throw becomes its fallback. */
export function guardedSemantics(definition: QuestionTypeDefinition): Pick<QuestionTypeDefinition, 'isEmpty' | 'normalize' | 'validate' | 'exportColumns'> {
  const { type } = definition;
  return {
    isEmpty: attempt(definition.isEmpty, (_error, value) => isEmptyAnswer(value)),
    normalize: attempt(definition.normalize, (_error, value) => (value === undefined || value === null ? undefined : (value as Answer))),
    validate: attempt(definition.validate, (error) => [hookFailed(type, 'validate', error)]),
    exportColumns: attempt(definition.exportColumns, () => undefined),
  };
}

/** The schema part's functions wrapped the same way: a throw means "not given". */
export function guardedSchema(schema: CustomTypeSchema): CustomTypeSchema {
  const values = (hook: ((question: Question) => AnswerValue[] | undefined) | undefined) => attempt(hook, () => undefined);
  return { ...schema, answerValues: values(schema.answerValues), satisfiedValues: values(schema.satisfiedValues) };
}
