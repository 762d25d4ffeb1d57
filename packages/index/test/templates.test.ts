/**
 * The standard questionnaires with generated, valid responses: every node computes, with its
 * method and n_valid, under every kind of grouping; counts add up.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkResponse } from '@sipas/core';
import type { Questionnaire } from '@sipas/schema';
import { sipas2640, templates } from '@sipas/templates';
import { computeIndex, DISTRIBUTION_KEYS, type Dimension, type GroupResult, type NodeResult } from '@sipas/index';
import { generateResponses } from './helpers/generate-responses.js';
import { questionnaire, rating, response } from './helpers/build.js';

const METHODS = new Set(['share', 'mean', 'pooled', 'source']);

function* nodes(node: NodeResult): Generator<NodeResult> {
  yield node;
  for (const child of node.children ?? []) yield* nodes(child);
}

const sum = (counts: Record<string, number>, skip: string[] = []) => Object.entries(counts).reduce((total, [key, count]) => (skip.includes(key) ? total : total + count), 0);

/** What every group of every report must satisfy. */
function checkGroup(group: GroupResult, label: string): void {
  for (const node of nodes(group.root)) {
    const where = `${label} ${node.id}`;
    assert.ok(METHODS.has(node.method), `${where} method`);
    assert.ok(Number.isInteger(node.nValid) && node.nValid >= 0, `${where} nValid ${node.nValid}`);
    assert.ok(Number.isInteger(node.satisfied) && node.satisfied >= 0 && node.satisfied <= node.nValid, `${where} satisfied`);
    assert.ok(node.index === null || (node.index >= 0 && node.index <= 100), `${where} index ${node.index}`);
    assert.equal(node.index === null, node.nValid === 0, `${where} null exactly when nothing valid stands behind it`);
    assert.ok(node.weight >= 0, `${where} weight`);
    if (node.method === 'share' || node.method === 'source') {
      // Each response lands in exactly one counter of an item.
      assert.equal(sum(node.distribution!), group.responses, `${where} distribution adds up`);
    }
  }
  for (const [key, counts] of Object.entries(group.distributions)) {
    const perResponse = DISTRIBUTION_KEYS.answered in counts ? counts.answered! + counts.blank! + counts.spoiled! + counts.filtered! + (counts.invalid ?? 0) : sum(counts);
    assert.equal(perResponse, group.responses, `${label} distribution ${key} adds up`);
  }
}

function dimensionsOf(q: Questionnaire): Dimension[] {
  const dimensions: Dimension[] = ['unit', 'field', 'channel', 'month', 'quarter', 'half', 'year'];
  for (const level of q.sipas?.units?.levels ?? []) dimensions.push(`unit:${level.id}`);
  for (const name of q.sipas?.index?.breakdowns ?? []) dimensions.push(`answer:${name}`);
  return dimensions;
}

describe('standard questionnaires', () => {
  for (const { id, questionnaire: q } of templates) {
    describe(id, () => {
      const responses = generateResponses(q, 150, { seed: id.length, spoiledRate: 0.5 });

      it('should be fed valid responses', () => {
        for (const r of responses) assert.deepEqual(checkResponse(q, r).errors, []);
      });

      it('should compute every node with its method and n_valid, overall and under every grouping', () => {
        const overall = computeIndex(q, responses);
        assert.equal(overall.responses, 150);
        assert.equal(overall.questionnaire.id, id);
        checkGroup(overall.overall, 'overall');
        assert.ok(overall.overall.root.nValid > 0);
        assert.equal(typeof overall.overall.root.index, 'number');
        for (const dimension of dimensionsOf(q)) {
          const report = computeIndex(q, responses, { by: [dimension] });
          assert.deepEqual(report.overall, overall.overall, `${dimension}: the overall group does not depend on grouping`);
          assert.equal(report.groups.reduce((total, g) => total + g.responses, 0), 150, dimension);
          for (const group of report.groups) checkGroup(group, `${dimension}=${JSON.stringify(group.key)}`);
          if (dimension === 'unit' || dimension.startsWith('unit:')) assert.ok(report.ranking, `${dimension} ranking`);
        }
        const crossed = computeIndex(q, responses, { by: ['unit', 'quarter'] });
        for (const group of crossed.groups) checkGroup(group, JSON.stringify(group.key));
      });
    });
  }

  it('should count the 2640 feedback criteria as filtered exactly for those who gave no feedback', () => {
    const responses = generateResponses(sipas2640, 200, { seed: 7, spoiledRate: 0 });
    const report = computeIndex(sipas2640, responses);
    const e1 = [...nodes(report.overall.root)].find((n) => n.id === 'E1')!;
    const withoutFeedback = responses.filter((r) => r.answers.feedback_given !== true).length;
    assert.ok(withoutFeedback > 0 && withoutFeedback < 200);
    assert.equal(e1.distribution!.filtered, withoutFeedback);
    const counted = responses.filter((r) => r.answers.feedback_given === true && typeof (r.answers.E_criteria as Record<string, unknown> | undefined)?.E1 === 'number');
    assert.equal(e1.nValid, counted.length);
    assert.equal(e1.satisfied, counted.filter((r) => [4, 5].includes((r.answers.E_criteria as Record<string, number>).E1!)).length);
  });
});

describe('calendar days in a UTC offset', () => {
  const q = questionnaire({ questions: [rating('overall')], index: { root: { id: 'O', source: { question: 'overall' } } } });

  it('should agree with the Date arithmetic of JavaScript for any instant and offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }).map((minutes) => minutes - (minutes % 15)),
        (instant, minutes) => {
          const sign = minutes < 0 ? '-' : '+';
          const offset = `${sign}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;
          const day = new Date(instant + minutes * 60_000).toISOString().slice(0, 10);
          const r = response({ submittedAt: new Date(instant).toISOString(), answers: { overall: 5 } });
          const report = computeIndex(q, [r], { by: ['month'], utcOffset: offset, from: day, to: day });
          assert.equal(report.responses, 1, `${r.submittedAt} in ${offset} is ${day}`);
          assert.equal(report.groups[0]!.key.month, day.slice(0, 7));
        },
      ),
      { numRuns: 300 },
    );
  });
});
