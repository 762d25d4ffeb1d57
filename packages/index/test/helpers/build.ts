/** Small questionnaires and responses written in place, for tests that count by hand. */
import { FORMAT_VERSION, type Answer, type Channel, type Hierarchy, type IndexModel, type Question, type Questionnaire, type Response } from '@sipas/schema';

export interface QuestionnaireParts {
  questions: Question[];
  index: IndexModel;
  units?: Hierarchy;
  serviceFields?: Hierarchy;
  /** Extra sections, each on its own page, with optional conditions on the section and on its page. */
  sections?: { name: string; visibleIf?: string; pageVisibleIf?: string; questions: Question[] }[];
}

export function questionnaire(parts: QuestionnaireParts): Questionnaire {
  return {
    formatVersion: FORMAT_VERSION,
    id: 'test-index',
    version: 1,
    title: 'Bảng hỏi thử',
    pages: [
      { name: 'main', sections: [{ name: 'main_section', questions: parts.questions }] },
      ...(parts.sections ?? []).map(({ pageVisibleIf, ...section }) => ({ name: `${section.name}_page`, ...(pageVisibleIf ? { visibleIf: pageVisibleIf } : {}), sections: [section] })),
    ],
    sipas: {
      ...(parts.units ? { units: parts.units } : {}),
      ...(parts.serviceFields ? { serviceFields: parts.serviceFields } : {}),
      index: parts.index,
    },
  };
}

export const likert = (name: string, rows: (string | { value: string; visibleIf?: string })[], extra: Record<string, unknown> = {}): Question =>
  ({
    type: 'likert',
    name,
    title: name,
    scale: 'satisfaction-5',
    rows: rows.map((row) => (typeof row === 'string' ? { value: row, text: row } : { text: row.value, ...row })),
    ...extra,
  }) as Question;

export const rating = (name: string, scale = 'satisfaction-5', extra: Record<string, unknown> = {}): Question => ({ type: 'rating', name, title: name, scale, ...extra }) as Question;

export const single = (name: string, values: (string | number)[], extra: Record<string, unknown> = {}): Question =>
  ({ type: 'single', name, title: name, choices: values.map((value) => ({ value, text: String(value) })), ...extra }) as Question;

export const multiple = (name: string, values: (string | number)[], extra: Record<string, unknown> = {}): Question =>
  ({ type: 'multiple', name, title: name, choices: values.map((value) => ({ value, text: String(value) })), ...extra }) as Question;

export const yesNo = (name: string): Question => ({ type: 'boolean', name, title: name }) as Question;

let counter = 0;

export interface ResponseParts {
  answers?: Record<string, Answer>;
  channel?: Channel;
  unit?: string;
  serviceField?: string;
  submittedAt?: string;
  spoiled?: string[];
}

export function response(parts: ResponseParts = {}): Response {
  counter++;
  const channel = parts.spoiled ? 'paper' : (parts.channel ?? 'online');
  const built: Response = {
    formatVersion: FORMAT_VERSION,
    responseId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    questionnaire: { id: 'test-index', version: 1 },
    channel,
    submittedAt: parts.submittedAt ?? '2024-05-17T08:00:00Z',
    locale: 'vi',
    answers: parts.answers ?? {},
  };
  if (parts.unit !== undefined) built.unit = parts.unit;
  if (parts.serviceField !== undefined) built.serviceField = parts.serviceField;
  if (channel === 'paper') built.paper = { serial: `S-${counter}`, ...(parts.spoiled ? { spoiled: parts.spoiled } : {}) };
  return built;
}

/** Expands `{ value: count }` pairs into a list of that many values, in order. */
export function expand(counts: [value: number | string, count: number][]): (number | string)[] {
  return counts.flatMap(([value, count]) => Array.from({ length: count }, () => value));
}

/** Approximate equality for floats computed along different paths. */
export function near(actual: number | null | undefined, expected: number, tolerance = 1e-9): boolean {
  return actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance;
}
