/**
 * Engine benchmark (not a test): load time of a 300-question, 10-page questionnaire with 100
 * conditions, and the median/p95 time of one setValue with its re-evaluation.
 * Run: npm run bench --workspace @sipas/core
 */
import { performance } from 'node:perf_hooks';
import { createForm } from '@sipas/core';
import { largeQuestionnaire } from './large-questionnaire.js';

const questionnaire = largeQuestionnaire();
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const summarize = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), min: sorted[0]!, max: sorted[sorted.length - 1]! };
};
const ms = (value: number) => `${value.toFixed(3)} ms`;

for (let i = 0; i < 5; i++) createForm(questionnaire); // warm-up
const loads: number[] = [];
for (let i = 0; i < 30; i++) {
  const started = performance.now();
  createForm(questionnaire);
  loads.push(performance.now() - started);
}

const form = createForm(questionnaire);
const names = questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).filter((q) => q.type !== 'likert').map((q) => q);
const valueFor = (index: number, round: number): unknown => {
  const question = names[index % names.length]!;
  if (question.type === 'rating') return 1 + ((index + round) % 5);
  if (question.type === 'single') return 1 + ((index + round) % 4);
  if (question.type === 'boolean') return (index + round) % 2 === 0;
  return (index * 7 + round) % 30;
};
for (let i = 0; i < 2000; i++) form.setValue(names[i % names.length]!.name, valueFor(i, 0)); // warm-up
const updates: number[] = [];
for (let round = 1; round <= 20; round++) {
  for (let i = 0; i < names.length; i++) {
    const started = performance.now();
    form.setValue(names[i]!.name, valueFor(i, round));
    updates.push(performance.now() - started);
  }
}
const load = summarize(loads);
const update = summarize(updates);
console.log(`@sipas/core on ${questionnaire.pages.length} pages, ${names.length + questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).filter((q) => q.type === 'likert').length} questions, ${questionnaire.pages.flatMap((p) => p.sections.flatMap((s) => s.questions)).filter((q) => q.visibleIf).length} conditions (Node ${process.version})`);
console.log(`load (createForm, incl. validation): median ${ms(load.median)}, p95 ${ms(load.p95)} over ${loads.length} runs`);
console.log(`setValue + re-evaluation:           median ${ms(update.median)}, p95 ${ms(update.p95)} over ${updates.length} updates`);
console.log(`target: setValue median well under 0.2 ms -> ${update.median < 0.2 ? 'met' : 'MISSED'}`);
