/**
 * Valid, varied responses for any questionnaire, for tests and the benchmark: answers from the
 * schema package's response factory, then units, service fields, channels and submission times
 * spread out, some answers left blank, answers to what the form would hide removed (the engine of
 * @sipas/core decides), and on paper some items spoiled.
 */
import { Form } from '@sipas/core';
import { asBuiltIn, CHANNELS, flattenHierarchy, listQuestions, type Channel, type Questionnaire, type Response } from '@sipas/schema';
import { makeResponse, seededRandom, type RandomInt } from '../../../schema/test/helpers/response-factory.js';

export { seededRandom, type RandomInt };

export interface GenerateOptions {
  seed?: number;
  /** Share (0–1) of questions and likert rows left blank. */
  blankRate?: number;
  /** Share of paper responses with one spoiled item. */
  spoiledRate?: number;
  /** First day of submissions, `YYYY-MM-DD`. */
  from?: string;
  /** Number of days submissions spread over. */
  days?: number;
}

const DAY = 86_400_000;

export function generateResponses(questionnaire: Questionnaire, count: number, options: GenerateOptions = {}): Response[] {
  const random = seededRandom(options.seed ?? 1);
  const blankRate = options.blankRate ?? 0.05;
  const spoiledRate = options.spoiledRate ?? 0.3;
  const start = Date.parse(`${options.from ?? '2024-01-01'}T00:00:00Z`);
  const days = options.days ?? 366;
  const located = listQuestions(questionnaire);
  const unitDropdown = located.find(({ question }) => question.type === 'dropdown' && (question as { choicesFrom?: { list: string } }).choicesFrom?.list === 'units')?.question.name;
  const fieldDropdown = located.find(({ question }) => question.type === 'dropdown' && (question as { choicesFrom?: { list: string } }).choicesFrom?.list === 'serviceFields')?.question.name;
  const units = flattenHierarchy(questionnaire.sipas?.units).map((item) => item.id);
  const fields = flattenHierarchy(questionnaire.sipas?.serviceFields).map((item) => item.id);
  const channels: readonly Channel[] = questionnaire.sipas?.survey?.channels ?? CHANNELS;
  const chance = (rate: number) => random(1_000_000) < rate * 1_000_000;
  // Spoiling an answer that a condition reads would change what else is shown; spoil only others.
  const conditionSources = JSON.stringify(questionnaire.pages).match(/"(?:visibleIf|enableIf|requiredIf)":"(?:[^"\\]|\\.)*"/g) ?? [];
  const readByConditions = new Set(conditionSources.flatMap((source) => [...source.matchAll(/\{\s*([A-Za-z][A-Za-z0-9_]*)/g)].map((m) => m[1]!)));
  const mayBlank = (question: { required?: boolean; requiredIf?: string }, channel: Channel) => channel === 'paper' || (question.required !== true && question.requiredIf === undefined);

  const responses: Response[] = [];
  for (let n = 0; n < count; n++) {
    const response = makeResponse(questionnaire, random);
    const answers = response.answers;
    response.channel = channels[random(channels.length)]!;
    response.submittedAt = new Date(start + random(days) * DAY + random(DAY / 1000) * 1000).toISOString().replace('.000Z', 'Z');
    response.startedAt = response.submittedAt;
    if (unitDropdown && typeof answers[unitDropdown] === 'string') response.unit = answers[unitDropdown] as string;
    else if (units.length > 0) response.unit = units[random(units.length)]!;
    if (fieldDropdown && typeof answers[fieldDropdown] === 'string') response.serviceField = answers[fieldDropdown] as string;
    else if (fields.length > 0) response.serviceField = fields[random(fields.length)]!;

    for (const { question } of located) {
      const name = question.name;
      if (!(name in answers) || name === unitDropdown || name === fieldDropdown || !mayBlank(question as { required?: boolean }, response.channel)) continue;
      if (question.type === 'likert') {
        const rows = answers[name] as Record<string, unknown>;
        for (const row of Object.keys(rows)) if (chance(blankRate)) delete rows[row];
        if (Object.keys(rows).length === 0) delete answers[name];
      } else if (chance(blankRate)) {
        delete answers[name];
      }
    }

    // What the respondent could not see is not answered.
    const form = new Form(questionnaire, { data: answers, channel: response.channel, locale: response.locale, ...(response.unit ? { unit: response.unit } : {}), ...(response.serviceField ? { serviceField: response.serviceField } : {}) });
    for (const { question } of located) {
      const name = question.name;
      if (!(name in answers)) continue;
      if (!form.isVisible(name)) {
        delete answers[name];
        delete answers[`${name}-other`];
        continue;
      }
      const builtIn = asBuiltIn(question);
      if (builtIn?.type === 'likert') {
        const rows = answers[name] as Record<string, unknown>;
        for (const row of Object.keys(rows)) if (!form.isItemVisible(name, row)) delete rows[row];
        if (Object.keys(rows).length === 0) delete answers[name];
      }
    }

    if (response.channel === 'paper') {
      response.paper = { serial: `P-${String(n).padStart(6, '0')}` };
      if (chance(spoiledRate)) {
        const scored = located.filter(({ question }) => (question.type === 'rating' || question.type === 'likert') && question.name in answers && !readByConditions.has(question.name));
        const chosen = scored.length > 0 ? scored[random(scored.length)]!.question : undefined;
        if (chosen?.type === 'likert') {
          const rows = answers[chosen.name] as Record<string, unknown>;
          const row = Object.keys(rows)[random(Object.keys(rows).length)]!;
          delete rows[row];
          if (Object.keys(rows).length === 0) delete answers[chosen.name];
          response.paper.spoiled = [`${chosen.name}.${row}`];
        } else if (chosen) {
          delete answers[chosen.name];
          response.paper.spoiled = [chosen.name];
        }
      }
    }
    responses.push(response);
  }
  return responses;
}
