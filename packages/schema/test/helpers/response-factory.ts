/**
 * Builds responses that fit a questionnaire, for tests: every answerable question gets a value of
 * the right kind chosen with the given random source. Visibility is not evaluated here (that is
 * the engine's job), so every question is answered.
 */
import { seededRandom, seededUuid, type RandomInt } from '@sipas/core';
import { answerValues, asBuiltIn, listQuestions, noOpinionValue, FORMAT_VERSION, type Answer, type Questionnaire, type Response } from '@sipas/schema';

export { seededRandom, type RandomInt };

const pick = <T>(random: RandomInt, list: readonly T[]): T => list[random(list.length)]!;

export function makeResponse(questionnaire: Questionnaire, random: RandomInt = seededRandom(1)): Response {
  const answers: Record<string, Answer> = {};
  for (const located of listQuestions(questionnaire)) {
    const question = asBuiltIn(located.question);
    if (!question) continue;
    const values = answerValues(questionnaire, question) ?? [];
    switch (question.type) {
      case 'text':
        answers[question.name] =
          question.inputType === 'number' ? random(100) : question.inputType === 'date' ? '2024-05-17' : question.inputType === 'email' ? 'nguoi.dan@example.vn' : question.inputType === 'tel' ? '0912 345 678' : 'Trả lời';
        break;
      case 'comment':
        answers[question.name] = 'Ý kiến của người dân';
        break;
      case 'boolean':
        answers[question.name] = random(2) === 1;
        break;
      case 'single':
      case 'dropdown':
      case 'rating':
        if (values.length > 0) answers[question.name] = pick(random, values);
        break;
      case 'multiple': {
        const choices = question.choices.map((c) => c.value);
        answers[question.name] = choices.filter((_, i) => i === 0 || random(3) === 0).slice(0, 1 + random(2));
        break;
      }
      case 'likert': {
        const levels = [...values, ...(noOpinionValue(question) !== undefined ? [noOpinionValue(question)!] : [])];
        answers[question.name] = Object.fromEntries(question.rows.map((row) => [row.value, pick(random, levels)]));
        break;
      }
      default:
        break;
    }
  }
  return {
    formatVersion: FORMAT_VERSION,
    responseId: seededUuid(random),
    questionnaire: { id: questionnaire.id, version: questionnaire.version ?? 1 },
    channel: questionnaire.sipas?.survey?.channels?.[0] ?? 'online',
    startedAt: '2024-05-17T08:00:00Z',
    submittedAt: '2024-05-17T08:07:30Z',
    locale: 'vi',
    answers,
  };
}
