/** What people want improved: the expectations question's distribution. */
import { asBuiltIn, localize, noOpinionValue, noneValue, questionIndex, resolveScale, type Questionnaire } from '@sipas/schema';
import { text } from '../i18n.js';
import { ReportLabels } from './labels.js';
import type { NormalizedReport } from './normalize.js';

const SPECIAL_KEYS = new Set(['blank', 'spoiled', 'filtered', 'invalid', 'answered']);

export interface ExpectationItem {
  key: string;
  label: string;
  count: number;
  /** Percent of the responses that answered the question, or null when none did. */
  share: number | null;
}

export interface ExpectationLevel {
  value: string;
  label: string;
}

export interface ExpectationRow {
  key: string;
  label: string;
  counts: number[];
  /** Answers with one of the levels (the base of the shares). */
  valid: number;
  shares: (number | null)[];
}

export type ExpectationView =
  | { kind: 'multiple'; question: string; title?: string; base: number; items: ExpectationItem[] }
  | { kind: 'likert'; question: string; title?: string; levels: ExpectationLevel[]; rows: ExpectationRow[] };

const EXPECTATION_NAME = /expect|mong[-_ ]?doi|priorit/i;
const EXPECTATION_TITLE = /mong đợi|mong muốn|ưu tiên|cải thiện|expect|improv/i;

/** The distribution question that holds people's expectations (what to improve). */
export function findExpectationQuestion(report: NormalizedReport, questionnaire: Questionnaire | undefined, preferred?: string): string | undefined {
  const distributions = report.overall.distributions;
  // A likert grid's rows are keyed `name.row`.
  const names = new Set(Object.keys(distributions).map((key) => key.split('.')[0]!));
  if (preferred) return names.has(preferred) ? preferred : undefined;
  const declared = questionnaire?.sipas?.index?.distributions?.filter((name) => names.has(name)) ?? [...names];
  const questions = questionnaire ? questionIndex(questionnaire) : undefined;
  const question = (name: string) => {
    const found = questions?.get(name)?.question;
    return found ? asBuiltIn(found) : undefined;
  };
  const byName = declared.find((name) => EXPECTATION_NAME.test(name));
  if (byName) return byName;
  const byScale = declared.find((name) => {
    const found = question(name);
    return found?.type === 'likert' && typeof found.scale === 'string' && EXPECTATION_NAME.test(found.scale);
  });
  if (byScale) return byScale;
  return declared.find((name) => {
    const found = question(name);
    if (found?.type !== 'multiple' && found?.type !== 'likert') return false;
    return EXPECTATION_TITLE.test(localize(found.title, 'vi')) || EXPECTATION_TITLE.test(localize(found.title, 'en'));
  });
}

/** Shares of the expectation question: bars per choice (multiple choice) or per item and level (a likert grid). */
export function expectationView(report: NormalizedReport, labels: ReportLabels, preferred?: string): ExpectationView | undefined {
  const questionnaire = labels.questionnaire;
  const name = findExpectationQuestion(report, questionnaire, preferred);
  if (!name) return undefined;
  const distributions = report.overall.distributions;
  const located = questionnaire ? questionIndex(questionnaire).get(name)?.question : undefined;
  const question = located ? asBuiltIn(located) : undefined;
  const title = located ? labels.localize(located.title, name) : undefined;

  const rowKeys = Object.keys(distributions).filter((key) => key.startsWith(`${name}.`));
  if (question?.type === 'likert' || (!question && rowKeys.length > 0 && !Object.hasOwn(distributions, name))) {
    const scale = question?.type === 'likert' && questionnaire ? resolveScale(questionnaire, question.scale) : undefined;
    let levels: ExpectationLevel[] = scale ? scale.levels.map((level) => ({ value: String(level.value), label: labels.localize(level.text, String(level.value)) })) : [];
    if (question?.type === 'likert') {
      const noOpinion = noOpinionValue(question);
      if (noOpinion !== undefined) {
        const custom = typeof question.noOpinion === 'object' ? question.noOpinion.text : undefined;
        levels.push({ value: String(noOpinion), label: labels.localize(custom, text('noOpinion', labels.language)) });
      }
    }
    if (levels.length === 0) {
      const seen = new Set<string>();
      for (const key of rowKeys) for (const value of Object.keys(distributions[key] ?? {})) if (!SPECIAL_KEYS.has(value)) seen.add(value);
      levels = [...seen].map((value) => ({ value, label: value }));
    }
    const rowOrder = question?.type === 'likert' ? question.rows.map((row) => ({ key: `${name}.${row.value}`, label: labels.localize(row.text, String(row.value)) })) : [];
    for (const key of rowKeys) if (!rowOrder.some((row) => row.key === key)) rowOrder.push({ key, label: key.slice(name.length + 1) });
    const rows = rowOrder
      .filter((row) => distributions[row.key] !== undefined)
      .map((row): ExpectationRow => {
        const counts = levels.map((level) => distributions[row.key]?.[level.value] ?? 0);
        const valid = counts.reduce((sum, count) => sum + count, 0);
        return { key: row.key, label: row.label, counts, valid, shares: counts.map((count) => (valid > 0 ? (count / valid) * 100 : null)) };
      });
    // The scale lists the mildest level first: the items most wanted strongly come first.
    const strongest = scale ? scale.levels.length - 1 : levels.length - 1;
    rows.sort((a, b) => (b.shares[strongest] ?? -1) - (a.shares[strongest] ?? -1));
    return { kind: 'likert', question: name, ...(title ? { title } : {}), levels, rows };
  }

  const counts = distributions[name];
  if (!counts) return undefined;
  const order: { key: string; label: string }[] = [];
  if (question?.type === 'multiple' || question?.type === 'single' || question?.type === 'dropdown') {
    for (const choice of question.choices ?? []) order.push({ key: String(choice.value), label: labels.localize(choice.text, String(choice.value)) });
    const none = noneValue(question);
    if (none !== undefined) {
      const custom = question.type === 'multiple' && typeof question.none === 'object' ? question.none.text : undefined;
      order.push({ key: String(none), label: labels.localize(custom, text('none', labels.language)) });
    }
    if (question.other) {
      const custom = typeof question.other === 'object' ? question.other.text : undefined;
      order.push({ key: 'other', label: labels.localize(custom, text('other', labels.language)) });
    }
  }
  for (const key of Object.keys(counts)) {
    if (SPECIAL_KEYS.has(key) || order.some((item) => item.key === key)) continue;
    order.push({ key, label: key === 'other' ? text('other', labels.language) : key });
  }
  const special = ['blank', 'spoiled', 'filtered', 'invalid'];
  const base =
    counts.answered ??
    Object.entries(counts)
      .filter(([key]) => !special.includes(key))
      .reduce((sum, [, count]) => sum + count, 0);
  const items = order
    .filter((item) => counts[item.key] !== undefined)
    .map((item): ExpectationItem => ({ ...item, count: counts[item.key]!, share: base > 0 ? (counts[item.key]! / base) * 100 : null }))
    // "Other" keeps its place at the end whatever its share: it is not one improvement.
    .sort((a, b) => (a.key === 'other' ? 1 : b.key === 'other' ? -1 : b.count - a.count));
  return { kind: 'multiple', question: name, ...(title ? { title } : {}), base, items };
}

// --- collection progress ------------------------------------------------------------------------
