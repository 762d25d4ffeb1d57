/**
 * fast-check generators of valid questionnaires: random pages, sections and questions of every
 * built-in type, logic that refers to earlier questions, and an index model over the scored items.
 */
import fc from 'fast-check';
import type { IndexNode, LocalizedString, Question, Questionnaire } from '@sipas/schema';

const text: fc.Arbitrary<LocalizedString> = fc.oneof(
  fc.constantFrom('Câu hỏi', 'Ông/Bà hài lòng không?', 'Thủ tục'),
  fc.record({ vi: fc.constantFrom('Hài lòng', 'Công chức'), en: fc.constantFrom('Satisfied', 'Civil servant') }),
);

const choices = fc
  .uniqueArray(fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 6 })
  .filter((values) => !values.includes('other') && !values.includes('none'))
  .chain((values) => fc.tuple(...values.map((value) => text.map((t) => ({ value, text: t })))));

const scaleName = fc.constantFrom('satisfaction-5', 'satisfaction-3', 'interest-3', 'expectation-3');

/** The body of a question of each type, without its name. */
const questionBody: fc.Arbitrary<Omit<Question, 'name'>> = fc.oneof(
  fc.record({ type: fc.constant('text' as const), title: text, inputType: fc.constantFrom('text' as const, 'email' as const, 'number' as const, 'date' as const, 'tel' as const) }),
  fc.record({ type: fc.constant('comment' as const), title: text }),
  fc.record({ type: fc.constant('single' as const), title: text, choices, other: fc.boolean() }),
  fc.record({ type: fc.constant('multiple' as const), title: text, choices, none: fc.boolean(), validators: fc.constant([{ type: 'count' as const, max: 3 }]) }),
  fc.record({ type: fc.constant('dropdown' as const), title: text, choices }),
  fc.record({ type: fc.constant('rating' as const), title: text, scale: scaleName, required: fc.boolean() }),
  fc.record({
    type: fc.constant('likert' as const),
    title: text,
    scale: scaleName,
    noOpinion: fc.boolean(),
    rows: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,4}$/), { minLength: 1, maxLength: 5 }).chain((values) =>
      fc.tuple(...values.map((value) => text.map((t) => ({ value, text: t })))),
    ),
  }),
  fc.record({ type: fc.constant('boolean' as const), title: text }),
  fc.record({ type: fc.constant('info' as const), text }),
);

/** A condition on an earlier question that fits its type. */
function conditionOn(question: Question): string | undefined {
  switch (question.type) {
    case 'rating':
      return `{${question.name}} <= 2`;
    case 'boolean':
      return `{${question.name}} = true`;
    case 'likert':
      return `{${question.name}.${(question as { rows: { value: string }[] }).rows[0]!.value}} >= 2`;
    case 'multiple':
      return `{${question.name}} contains 'x' or {${question.name}} empty`;
    case 'info':
      return undefined;
    default:
      return `{${question.name}} notempty`;
  }
}

/** Index leaves for every scored item; items of a 5-level or 3-level satisfaction scale only. */
function indexModel(questions: Question[]): IndexNode | undefined {
  const leaves: IndexNode[] = [];
  for (const question of questions) {
    const scale = (question as { scale?: string }).scale;
    if (scale !== 'satisfaction-5' && scale !== 'satisfaction-3') continue;
    if (question.type === 'rating') leaves.push({ id: `I-${question.name}`, source: { question: question.name } });
    if (question.type === 'likert') {
      for (const row of (question as { rows: { value: string }[] }).rows) {
        leaves.push({ id: `I-${question.name}-${row.value}`, source: { question: question.name, row: row.value } });
      }
    }
  }
  return leaves.length > 0 ? { id: 'ROOT', method: 'mean', children: leaves } : undefined;
}

export const validQuestionnaire: fc.Arbitrary<Questionnaire> = fc
  .record({
    bodies: fc.array(questionBody, { minLength: 1, maxLength: 14 }),
    pageSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }),
    conditions: fc.array(fc.boolean(), { minLength: 14, maxLength: 14 }),
    title: text,
  })
  .map(({ bodies, pageSizes, conditions, title }) => {
    const questions = bodies.map((body, i) => ({ ...body, name: `q${i + 1}` }) as Question);
    questions.forEach((question, i) => {
      const earlier = questions[i - 1];
      const condition = earlier && conditions[i] ? conditionOn(earlier) : undefined;
      if (condition) question.visibleIf = condition;
    });
    const pages: Questionnaire['pages'] = [];
    let next = 0;
    for (let p = 0; next < questions.length; p++) {
      const size = pageSizes[p % pageSizes.length]!;
      pages.push({ name: `page${p + 1}`, sections: [{ name: `section${p + 1}`, questions: questions.slice(next, next + size) }] });
      next += size;
    }
    const root = indexModel(questions);
    const questionnaire: Questionnaire = { formatVersion: '1.0', id: 'generated', title, pages };
    if (root) questionnaire.sipas = { index: { root } };
    return questionnaire;
  });
