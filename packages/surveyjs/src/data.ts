/**
 * Answers ↔ SurveyJS data, for a questionnaire and the SurveyJS JSON `toSurveyJS` made of it
 * (same names). Values have the same shapes on both sides; only the key of an "other" text
 * differs: `<name>-other` in ours, `<name>-Comment` in SurveyJS.
 */
import { hasOtherOption, isAnswerable, isEmptyAnswer, listQuestions, type Answer, type Questionnaire } from '@sipas/schema';
import { SURVEYJS_COMMENT_SUFFIX } from './expressions.js';

const OTHER_SUFFIX = '-other';

/** SurveyJS data (`model.data`) for our answers. Keys that name no question are left out. */
export function answersToSurveyJSData(answers: Readonly<Record<string, Answer>>, questionnaire: Questionnaire): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const { question } of listQuestions(questionnaire)) {
    if (!isAnswerable(question)) continue;
    if (Object.hasOwn(answers, question.name)) data[question.name] = structuredClone(answers[question.name]);
    const otherKey = question.name + OTHER_SUFFIX;
    if (hasOtherOption(question) && Object.hasOwn(answers, otherKey)) data[question.name + SURVEYJS_COMMENT_SUFFIX] = answers[otherKey];
  }
  return data;
}

/**
 * Our answers for SurveyJS data. Only answers that are given count (not absent, `null`, `""`,
 * `[]` or `{}`); keys that name no question (variables, calculated values, comments of questions
 * without "other") are left out, and likert rows SurveyJS left empty are removed.
 */
export function surveyJSDataToAnswers(data: Readonly<Record<string, unknown>>, questionnaire: Questionnaire): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const { question } of listQuestions(questionnaire)) {
    if (!isAnswerable(question)) continue;
    let value = Object.hasOwn(data, question.name) ? data[question.name] : undefined;
    if (question.type === 'likert' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      value = Object.fromEntries(Object.entries(value).filter(([, level]) => !isEmptyAnswer(level)));
    }
    if (!isEmptyAnswer(value)) answers[question.name] = structuredClone(value) as Answer;
    const comment = Object.hasOwn(data, question.name + SURVEYJS_COMMENT_SUFFIX) ? data[question.name + SURVEYJS_COMMENT_SUFFIX] : undefined;
    if (hasOtherOption(question) && typeof comment === 'string' && comment !== '') answers[question.name + OTHER_SUFFIX] = comment;
  }
  return answers;
}
