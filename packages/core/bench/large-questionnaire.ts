/**
 * A large, deterministic questionnaire for benchmarks: `pages` pages of `perPage` questions of the
 * common SIPAS kinds, with `conditions` visibleIf conditions on earlier answers.
 */
import type { Question, Questionnaire } from '@sipas/schema';

export function largeQuestionnaire({ pages = 10, perPage = 30, conditions = 100 } = {}): Questionnaire {
  const total = pages * perPage;
  const every = Math.max(1, Math.floor(total / conditions));
  const questions: Question[] = [];
  for (let i = 0; i < total; i++) {
    const name = `q${i + 1}`;
    const kind = i % 5;
    let question: Question;
    if (kind === 0) question = { type: 'rating', name, title: `Câu ${i + 1}: mức độ hài lòng`, scale: 'satisfaction-5', required: i % 10 === 0 };
    else if (kind === 1) question = { type: 'single', name, title: `Câu ${i + 1}`, choices: [1, 2, 3, 4].map((v) => ({ value: v, text: `Lựa chọn ${v}` })) };
    else if (kind === 2) question = { type: 'boolean', name, title: `Câu ${i + 1}: có/không` };
    else if (kind === 3) question = { type: 'text', name, title: `Câu ${i + 1}: số`, inputType: 'number' };
    else question = { type: 'likert', name, title: `Câu ${i + 1}: lưới`, scale: 'satisfaction-5', rows: ['r1', 'r2', 'r3'].map((r) => ({ value: r, text: `Hàng ${r}` })) };
    questions.push(question);
  }
  for (let made = 0; made < conditions && 1 + made * every < total; made++) {
    const i = 1 + made * every;
    const source = questions[Math.max(0, i - 1 - (i % 3))]!;
    const condition =
      source.type === 'rating' ? `{${source.name}} <= 3`
        : source.type === 'boolean' ? `{${source.name}} = true`
          : source.type === 'likert' ? `{${source.name}.r1} >= 2`
            : source.type === 'text' ? `{${source.name}} > 10 or {${source.name}} empty`
              : `{${source.name}} anyof [1, 2]`;
    questions[i]!.visibleIf = condition;
  }
  return {
    formatVersion: '1.0',
    id: 'bench-large',
    title: 'Bảng hỏi lớn để đo hiệu năng',
    pages: Array.from({ length: pages }, (_, p) => ({
      name: `page${p + 1}`,
      sections: [{ name: `section${p + 1}`, questions: questions.slice(p * perPage, (p + 1) * perPage) }],
    })),
  };
}
