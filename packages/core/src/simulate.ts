/**
 * Simulated respondents, for demonstrations, benchmarks and tests of what consumes responses (the
 * index engine, the server): each one fills a form page by page, answering only what is shown, so
 * the responses pass checkResponse. Answers lean towards satisfied levels, as published SIPAS
 * results do (about 80 % satisfied), and the random source is seeded, so a run can be repeated.
 */
import { answerValues, asBuiltIn, CHANNELS, noOpinionValue, questionTypes, type Answer, type AnswerValue, type Channel, type Question, type Questionnaire, type Response } from '@sipas/schema';
import { Form } from './form/form.js';

/** A random integer in [0, maxExclusive). */
export type RandomInt = (maxExclusive: number) => number;

/** A small seeded generator (mulberry32): the same seed gives the same respondents. */
export function seededRandom(seed: number): RandomInt {
  let state = seed >>> 0;
  return (maxExclusive) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * maxExclusive);
  };
}

export interface SimulateOptions {
  random: RandomInt;
  /** Submission dates are spread over this window (inclusive, YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Channels to draw from; the questionnaire's own list by default. */
  channels?: Channel[];
  /** Chance (0..1) that an optional question is answered. */
  answerRate?: number;
}

const pick = <T>(random: RandomInt, list: readonly T[]): T => list[random(list.length)]!;

/** Picks a level of an ordered scale, leaning towards the favourable end (levels listed least favourable first). */
function leaningLevel(random: RandomInt, levels: readonly AnswerValue[]): AnswerValue {
  const weights = levels.map((_, i) => 1 + i * i * 2);
  let roll = random(weights.reduce((a, b) => a + b, 0));
  for (let i = 0; i < levels.length; i++) {
    roll -= weights[i]!;
    if (roll < 0) return levels[i]!;
  }
  return levels[levels.length - 1]!;
}

/** A custom type's answer: one of its answer values, when it says what they are (else left unanswered). */
function customAnswer(questionnaire: Questionnaire, question: Question, random: RandomInt): Answer | undefined {
  const values = answerValues(questionnaire, question, questionTypes);
  return values && values.length > 0 ? pick(random, values) : undefined;
}

function answerFor(form: Form, question: Question, random: RandomInt): Answer | undefined {
  const builtIn = asBuiltIn(question);
  if (!builtIn) return customAnswer(form.questionnaire, question, random);
  const offered = (answerValues(form.questionnaire, question) ?? []).filter((value) => form.isItemVisible(question.name, value));
  switch (builtIn.type) {
    case 'text': {
      const kind = builtIn.inputType ?? 'text';
      const range = builtIn.validators?.find((rule) => rule.type === 'range');
      if (kind === 'number') {
        const min = typeof range?.min === 'number' ? range.min : 18;
        const max = typeof range?.max === 'number' ? range.max : Math.max(min, 80);
        return min + random(max - min + 1);
      }
      if (kind === 'date') return `2024-${String(1 + random(12)).padStart(2, '0')}-${String(1 + random(28)).padStart(2, '0')}`;
      if (kind === 'email') return `nguoidan${random(1000)}@example.vn`;
      if (kind === 'tel') return `09${String(random(100000000)).padStart(8, '0')}`;
      return 'Trả lời';
    }
    case 'comment':
      return pick(random, ['Thủ tục nhanh gọn.', 'Cần thêm chỗ ngồi chờ.', 'Công chức nhiệt tình.']);
    case 'boolean':
      return random(10) < 3;
    case 'rating':
      return offered.length > 0 ? leaningLevel(random, offered) : undefined;
    case 'single':
    case 'dropdown':
      return offered.length > 0 ? pick(random, offered) : undefined;
    case 'multiple': {
      const choices = builtIn.choices.map((c) => c.value).filter((value) => form.isItemVisible(question.name, value));
      const max = builtIn.validators?.find((rule) => rule.type === 'count')?.max ?? 3;
      const count = 1 + random(Math.max(1, Math.min(max, choices.length)));
      const chosen = new Set<AnswerValue>();
      while (chosen.size < count && chosen.size < choices.length) chosen.add(pick(random, choices));
      return [...chosen];
    }
    case 'likert': {
      const noOpinion = noOpinionValue(builtIn);
      const rows = builtIn.rows.filter((row) => form.isItemVisible(question.name, row.value));
      return Object.fromEntries(rows.map((row) => [row.value, noOpinion !== undefined && random(20) === 0 ? noOpinion : leaningLevel(random, offered)]));
    }
    default:
      return undefined;
  }
}

function dayBetween(random: RandomInt, from: string, to: string): Date {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000));
  return new Date(start + random(days + 1) * 86_400_000 + (7 + random(10)) * 3_600_000 + random(3_600_000));
}

/** A version-4 UUID from the seeded source, so simulated files repeat exactly. */
export function seededUuid(random: RandomInt): string {
  const hex = Array.from({ length: 32 }, () => random(16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[random(4)]!;
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** One respondent's completed response. */
export function simulateResponse(questionnaire: Questionnaire, options: SimulateOptions): Response {
  const { random } = options;
  const channels = options.channels ?? questionnaire.sipas?.survey?.channels ?? [...CHANNELS];
  const submitted = dayBetween(random, options.from ?? questionnaire.sipas?.survey?.period?.from ?? '2024-01-01', options.to ?? questionnaire.sipas?.survey?.period?.to ?? '2024-12-31');
  const started = new Date(submitted.getTime() - (3 + random(15)) * 60_000);
  const form = new Form(questionnaire, { channel: pick(random, channels), startedAt: started.toISOString(), now: () => submitted, responseId: seededUuid(random) });
  const answerRate = options.answerRate ?? 0.9;
  for (const page of questionnaire.pages) {
    for (const section of page.sections) {
      for (const question of section.questions) {
        if (question.type === 'info' || !form.isVisible(question.name) || !form.isEnabled(question.name)) continue;
        if (!form.isRequired(question.name) && random(1000) >= answerRate * 1000) continue;
        const value = answerFor(form, question, random);
        if (value === undefined) continue;
        form.setValue(question.name, value);
        const otherChosen = Array.isArray(value) ? value.includes('other') : value === 'other';
        if (otherChosen) form.setValue(`${question.name}-other`, 'Khác: ghi rõ');
      }
    }
  }
  form.complete();
  return form.toResponse();
}

/** `count` respondents, lazily: a billion of them need no more memory than one. */
export function* simulateResponses(questionnaire: Questionnaire, count: number, options: SimulateOptions): Generator<Response> {
  for (let i = 0; i < count; i++) yield simulateResponse(questionnaire, options);
}
