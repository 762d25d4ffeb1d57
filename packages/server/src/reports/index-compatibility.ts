/**
 * When two published versions of a questionnaire can be reported together (`version=all`): their
 * index model is the same, and so is every question it reads (type, values, scale with its
 * satisfied levels, "no opinion" and "other" options, likert rows), in the same order. Wording,
 * added or removed questions elsewhere and visibility logic may differ: each response is still
 * counted with its own version's logic, and the counters of such versions line up exactly, so they
 * add up (IndexAccumulator#merge) to what one version would give.
 */
import {
  answerValues,
  asBuiltIn,
  hasOtherOption,
  listQuestions,
  noOpinionValue,
  resolveScale,
  type IndexNode,
  type Questionnaire,
} from '@sipas/schema';

/** JSON with object keys sorted, so documents stored as jsonb (which reorders keys) compare equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function sourceQuestions(node: IndexNode, names: Set<string>): void {
  if (node.source) names.add(node.source.question);
  for (const child of node.children ?? []) sourceQuestions(child, names);
}

/**
 * A text that is equal for two versions exactly when their indices can be added up; undefined
 * when the questionnaire has no index model.
 */
export function indexFingerprint(questionnaire: Questionnaire): string | undefined {
  const model = questionnaire.sipas?.index;
  if (!model?.root) return undefined;
  const read = new Set<string>();
  sourceQuestions(model.root, read);
  for (const name of [...(model.distributions ?? []), ...(model.breakdowns ?? [])]) read.add(name);

  const questions = listQuestions(questionnaire)
    .filter(({ question }) => read.has(question.name) && question.type !== 'info')
    .map(({ question }) => {
      const builtIn = asBuiltIn(question);
      const scale = builtIn?.type === 'rating' || builtIn?.type === 'likert' ? resolveScale(questionnaire, builtIn.scale) : undefined;
      return {
        name: question.name,
        type: question.type,
        values: answerValues(questionnaire, question) ?? null,
        other: hasOtherOption(question),
        satisfied: scale?.satisfied ?? null,
        noOpinion: builtIn?.type === 'likert' ? (noOpinionValue(builtIn) ?? null) : null,
        rows: builtIn?.type === 'likert' ? builtIn.rows.map((row) => row.value) : null,
      };
    });
  return canonicalJson({ model, questions });
}
