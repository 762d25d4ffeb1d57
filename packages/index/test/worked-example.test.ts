/**
 * The worked example of SIPAS-DOMAIN §4.3, reproduced from counts: component B (items B3, B4, B5
 * with 10 blanks on B5), the mean and pooled component index, the overall SIPAS as the mean of five
 * components, and the 3-level one-stop counter.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, validateResponse, type IndexNode, type Response } from '@sipas/schema';
import { counter3 } from '@sipas/templates';
import { computeIndex, formatPercent, type NodeResult } from '@sipas/index';
import { expand, likert, questionnaire, rating, response } from './helpers/build.js';

/** Counts per level of the satisfaction-5 scale: 5 Rất hài lòng, 4 Hài lòng, 3 Bình thường, 2 Không HL, 1 Rất không HL. */
const TABLE = {
  B3: { levels: [[5, 40], [4, 110], [3, 30], [2, 15], [1, 5]] as [number, number][], blank: 0 },
  B4: { levels: [[5, 50], [4, 120], [3, 20], [2, 8], [1, 2]] as [number, number][], blank: 0 },
  B5: { levels: [[5, 45], [4, 100], [3, 30], [2, 10], [1, 5]] as [number, number][], blank: 10 },
};

const find = (node: NodeResult, id: string): NodeResult => {
  if (node.id === id) return node;
  for (const child of node.children ?? []) {
    try {
      return find(child, id);
    } catch {
      // not under this child
    }
  }
  throw new Error(`no node ${id}`);
};

const itemsB: IndexNode[] = ['B3', 'B4', 'B5'].map((row) => ({ id: row, source: { question: 'B_criteria', row } }));

/** 200 forms; form i answers each item with the i-th value of its list (blanks last). */
function componentBResponses(total = 200): Response[] {
  const lists = Object.fromEntries(Object.entries(TABLE).map(([item, { levels }]) => [item, expand(levels)]));
  return Array.from({ length: total }, (_, i) => {
    const rows: Record<string, number> = {};
    for (const item of Object.keys(TABLE)) {
      const value = lists[item]![i];
      if (value !== undefined) rows[item] = value as number;
    }
    return response({ answers: Object.keys(rows).length > 0 ? { B_criteria: rows } : {} });
  });
}

describe('worked example (SIPAS-DOMAIN §4.3)', () => {
  const componentB = (method: 'mean' | 'pooled') =>
    questionnaire({ questions: [likert('B_criteria', ['B3', 'B4', 'B5'])], index: { root: { id: 'B', method, children: itemsB } } });

  it('should build a valid questionnaire and valid responses for the example', () => {
    const q = componentB('mean');
    assert.deepEqual(validateQuestionnaire(q).errors, []);
    for (const r of componentBResponses()) assert.deepEqual(validateResponse(q, r).errors, []);
  });

  it('should give the item indices 75.00, 85.00 and 145/190 with their n_valid', () => {
    const report = computeIndex(componentB('mean'), componentBResponses());
    const [b3, b4, b5] = ['B3', 'B4', 'B5'].map((id) => find(report.overall.root, id));
    assert.equal(b3!.index, 75);
    assert.equal(b4!.index, 85);
    assert.ok(Math.abs(b5!.index! - (145 / 190) * 100) < 1e-12);
    assert.equal(formatPercent(b5!.index), '76,32 %');
    assert.deepEqual([b3!.nValid, b4!.nValid, b5!.nValid], [200, 200, 190]);
    assert.deepEqual([b3!.satisfied, b4!.satisfied, b5!.satisfied], [150, 170, 145]);
    assert.deepEqual(b5!.distribution, { 1: 5, 2: 10, 3: 30, 4: 100, 5: 45, blank: 10, spoiled: 0, filtered: 0 });
    assert.equal(b5!.method, 'share');
  });

  it('should give component B as the mean of its items: 78.77 %', () => {
    const b = computeIndex(componentB('mean'), componentBResponses()).overall.root;
    const expected = (75 + 85 + (145 / 190) * 100) / 3;
    assert.equal(b.method, 'mean');
    assert.ok(Math.abs(b.index! - expected) < 1e-12, `${b.index} vs ${expected}`);
    assert.equal(formatPercent(b.index, 'vi'), '78,77 %');
    assert.equal(formatPercent(b.index, 'en'), '78.77%');
    // n_valid of a mean: the sum over the children that entered it.
    assert.equal(b.nValid, 590);
    assert.equal(b.satisfied, 465);
  });

  it('should give the pooled alternative 465/590 = 78.81 %', () => {
    const b = computeIndex(componentB('pooled'), componentBResponses()).overall.root;
    assert.equal(b.method, 'pooled');
    assert.equal(b.nValid, 590);
    assert.equal(b.satisfied, 465);
    assert.ok(Math.abs(b.index! - (465 / 590) * 100) < 1e-12);
    assert.equal(formatPercent(b.index), '78,81 %');
  });

  it('should give the overall SIPAS as the mean of five components: 79.20 %', () => {
    // A = 821/1000, C = 845/1000, D = 321/400 (600 blanks), E = 704/1000; B as above on the first 200 forms.
    const q = questionnaire({
      questions: [likert('B_criteria', ['B3', 'B4', 'B5']), rating('A1'), rating('C1'), rating('D1'), rating('E1')],
      index: {
        root: {
          id: 'SIPAS',
          children: [
            { id: 'A', children: [{ id: 'A1x', source: { question: 'A1' } }] },
            { id: 'B', children: itemsB },
            { id: 'C', children: [{ id: 'C1x', source: { question: 'C1' } }] },
            { id: 'D', children: [{ id: 'D1x', source: { question: 'D1' } }] },
            { id: 'E', children: [{ id: 'E1x', source: { question: 'E1' } }] },
          ],
        },
      },
    });
    assert.deepEqual(validateQuestionnaire(q).errors, []);
    const values = {
      A1: expand([[5, 400], [4, 421], [3, 179]]),
      C1: expand([[4, 845], [2, 155]]),
      D1: expand([[5, 321], [1, 79]]),
      E1: expand([[4, 704], [3, 296]]),
    };
    const base = componentBResponses(1000);
    const responses = base.map((r, i) => {
      for (const [name, list] of Object.entries(values)) if (list[i] !== undefined) r.answers[name] = list[i]!;
      return r;
    });
    const root = computeIndex(q, responses).overall.root;
    const indices = root.children!.map((c) => c.index!);
    const [a, b, c, d, e] = indices as [number, number, number, number, number];
    assert.equal(formatPercent(a), '82,10 %');
    assert.equal(formatPercent(b), '78,77 %');
    assert.equal(formatPercent(c), '84,50 %');
    assert.equal(formatPercent(d), '80,25 %');
    assert.equal(formatPercent(e), '70,40 %');
    assert.ok(Math.abs(a - 82.1) < 1e-9 && Math.abs(c - 84.5) < 1e-9 && Math.abs(d - 80.25) < 1e-9 && Math.abs(e - 70.4) < 1e-9);
    assert.equal(root.children!.find((child) => child.id === 'D')!.nValid, 400);
    const expected = (821 / 1000 * 100 + (75 + 85 + (145 / 190) * 100) / 3 + 845 / 1000 * 100 + 321 / 400 * 100 + 704 / 1000 * 100) / 5;
    assert.ok(Math.abs(root.index! - expected) < 1e-12, `${root.index} vs ${expected}`);
    assert.equal(formatPercent(root.index), '79,20 %');
    assert.equal(formatPercent(root.index, 'en'), '79.20%');
  });

  it('should give 95 % for 620 + 330 satisfied of 1,000 three-level counter ratings', () => {
    const ratings = expand([[3, 620], [2, 330], [1, 50]]);
    const responses = ratings.map((value) => {
      const r = response({ channel: 'kiosk', answers: { overall: value } });
      r.questionnaire = { id: counter3.id, version: counter3.version ?? 1 };
      return r;
    });
    const t9 = find(computeIndex(counter3, responses).overall.root, 'T9');
    assert.equal(t9.index, 95);
    assert.equal(t9.nValid, 1000);
    assert.equal(t9.satisfied, 950);
    assert.equal(formatPercent(t9.index), '95,00 %');
    assert.deepEqual(t9.distribution, { 1: 50, 2: 330, 3: 620, blank: 0, spoiled: 0, filtered: 0 });
  });
});
