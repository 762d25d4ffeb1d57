/**
 * What counts and what does not: exclusions from n_valid, satisfied sets, the methods of
 * component nodes, distributions, and the errors the engine reports.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, type IndexModel, type Questionnaire } from '@sipas/schema';
import { computeIndex, formatPercent, IndexAccumulator, IndexError, NO_INDEX, type NodeResult } from '@sipas/index';
import { likert, multiple, questionnaire, rating, response, single, yesNo } from './helpers/build.js';

const node = (root: NodeResult, id: string): NodeResult => {
  const found = root.id === id ? root : root.children?.map((child) => (child.id === id ? child : undefined)).find(Boolean);
  if (found) return found;
  for (const child of root.children ?? []) {
    try {
      return node(child, id);
    } catch {
      // keep looking
    }
  }
  throw new Error(`no node ${id}`);
};

const valid = (q: Questionnaire) => assert.deepEqual(validateQuestionnaire(q).errors, [], 'the test questionnaire itself must be valid');

describe('exclusions from n_valid', () => {
  const q = questionnaire({
    questions: [
      yesNo('used'),
      likert('grid', ['r1', { value: 'r2', visibleIf: '{used} = true' }], { noOpinion: true }),
      rating('overall', 'satisfaction-5', { visibleIf: '{used} = true' }),
    ],
    index: {
      excluded: [3],
      root: {
        id: 'ALL',
        children: [
          { id: 'R1', source: { question: 'grid', row: 'r1' }, excluded: [2] },
          { id: 'R2', source: { question: 'grid', row: 'r2' } },
          { id: 'O', source: { question: 'overall' } },
        ],
      },
    },
  });

  it('should use a valid questionnaire', () => valid(q));

  it('should leave blank, no-opinion, excluded (model ∪ node), spoiled and filtered answers out of n_valid and count each', () => {
    const responses = [
      response({ answers: { used: true, grid: { r1: 5, r2: 4 }, overall: 4 } }), // all valid, satisfied
      response({ answers: { used: true, grid: { r1: 1, r2: 1 }, overall: 1 } }), // valid, unsatisfied
      response({ answers: { used: true, grid: { r1: 'na', r2: 'na' } } }), // no opinion; overall blank
      response({ answers: { used: true, grid: { r1: 3, r2: 3 }, overall: 3 } }), // 3 excluded by the model
      response({ answers: { used: true, grid: { r1: 2, r2: 2 }, overall: 2 } }), // 2 excluded for R1 only
      response({ answers: { used: false, grid: { r1: 4 } } }), // r2 and overall filtered
      response({ answers: { used: false, grid: { r1: 4, r2: 5 }, overall: 5 } }), // hidden yet answered: still filtered
      response({ answers: { used: true, grid: { r2: 5 } }, spoiled: ['grid.r1', 'overall'] }),
      response({ answers: { used: true }, spoiled: ['grid'] }), // the whole grid spoiled
      response({ answers: {} }), // nothing: r1 blank, r2 and overall filtered ({used} is empty)
    ];
    const root = computeIndex(q, responses).overall.root;
    const r1 = node(root, 'R1');
    assert.deepEqual(r1.distribution, { 1: 1, 2: 1, 3: 1, 4: 2, 5: 1, na: 1, blank: 1, spoiled: 2, filtered: 0 });
    assert.equal(r1.nValid, 4); // 5, 1, 4, 4
    assert.equal(r1.satisfied, 3);
    assert.equal(r1.index, 75);

    const r2 = node(root, 'R2');
    assert.deepEqual(r2.distribution, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 1, na: 1, blank: 0, spoiled: 1, filtered: 3 });
    assert.equal(r2.nValid, 4); // 4, 1, 2, 5
    assert.equal(r2.satisfied, 2);

    const overall = node(root, 'O');
    assert.deepEqual(overall.distribution, { 1: 1, 2: 1, 3: 1, 4: 1, 5: 0, blank: 2, spoiled: 1, filtered: 3 });
    assert.equal(overall.nValid, 3);
    assert.equal(overall.satisfied, 1);
  });

  it('should use a custom no-opinion value', () => {
    const custom = questionnaire({
      questions: [likert('grid', ['r1'], { noOpinion: { value: 'kb', text: 'Không biết' } })],
      index: { root: { id: 'R1', source: { question: 'grid', row: 'r1' } } },
    });
    valid(custom);
    const root = computeIndex(custom, [response({ answers: { grid: { r1: 'kb' } } }), response({ answers: { grid: { r1: 4 } } })]).overall.root;
    assert.equal(root.nValid, 1);
    assert.equal(root.index, 100);
    assert.equal(root.distribution!.kb, 1);
  });

  it('should read page and section conditions, and the response variables', () => {
    const paged = questionnaire({
      questions: [yesNo('used')],
      sections: [
        { name: 'kiosk_only', visibleIf: "{channel} = 'kiosk'", questions: [rating('quick')] },
        { name: 'users', pageVisibleIf: '{used} = true', questions: [rating('detail')] },
      ],
      index: { root: { id: 'ALL', children: [{ id: 'Q', source: { question: 'quick' } }, { id: 'D', source: { question: 'detail' } }] } },
    });
    valid(paged);
    const root = computeIndex(paged, [
      response({ channel: 'kiosk', answers: { quick: 5, used: true, detail: 4 } }),
      response({ channel: 'online', answers: { quick: 5, used: false, detail: 4 } }),
    ]).overall.root;
    assert.deepEqual([node(root, 'Q').nValid, node(root, 'Q').distribution!.filtered], [1, 1]);
    assert.deepEqual([node(root, 'D').nValid, node(root, 'D').distribution!.filtered], [1, 1]);
  });

  it('should evaluate today() in a condition at the response’s submission, not at computation time', () => {
    const dated = questionnaire({
      questions: [rating('early', 'satisfaction-5', { visibleIf: "today() < '2024-06-01'" })],
      index: { root: { id: 'E', source: { question: 'early' } } },
    });
    valid(dated);
    const root = computeIndex(dated, [
      response({ submittedAt: '2024-05-10T08:00:00Z', answers: { early: 5 } }),
      response({ submittedAt: '2024-07-10T08:00:00Z', answers: { early: 5 } }),
    ]).overall.root;
    assert.equal(root.nValid, 1);
    assert.equal(root.distribution!.filtered, 1);
  });

  it('should count answers outside the question’s values as invalid, never as valid', () => {
    const q2 = questionnaire({ questions: [rating('overall')], index: { root: { id: 'O', source: { question: 'overall' } } } });
    const root = computeIndex(q2, [
      response({ answers: { overall: 9 } }),
      response({ answers: { overall: '4' } }), // the level is the number 4
      response({ answers: { overall: [4] as unknown as number } }),
      response({ answers: { overall: 4 } }),
    ]).overall.root;
    assert.equal(root.nValid, 1);
    assert.equal(root.distribution!.invalid, 3);
  });
});

describe('satisfied sets', () => {
  const model = (index: Omit<IndexModel, 'root'>, itemSatisfied?: (string | number)[]): Questionnaire =>
    questionnaire({
      questions: [rating('overall'), single('choice', ['a', 'b', 'c'], { other: true })],
      index: {
        ...index,
        root: {
          id: 'ALL',
          children: [
            { id: 'O', source: { question: 'overall' }, ...(itemSatisfied ? { satisfied: itemSatisfied } : {}) },
            { id: 'C', source: { question: 'choice' }, satisfied: ['a'] },
          ],
        },
      },
    });
  const answers = [1, 2, 3, 4, 5].map((value) => response({ answers: { overall: value, choice: 'a' } }));

  it('should take the scale’s set when neither the node nor the model declares one', () => {
    assert.equal(node(computeIndex(model({}), answers).overall.root, 'O').satisfied, 2);
  });

  it('should take the model’s set over the scale’s, and the node’s over the model’s, whole', () => {
    assert.equal(node(computeIndex(model({ satisfied: [3, 4, 5, 'a'] }), answers).overall.root, 'O').satisfied, 3);
    assert.equal(node(computeIndex(model({ satisfied: [3, 4, 5, 'a'] }, [5]), answers).overall.root, 'O').satisfied, 1);
  });

  it('should count an empty model set as declared, and refuse an item left with no satisfied answer', () => {
    assert.throws(() => computeIndex(model({ satisfied: [] }), answers), (error: unknown) => error instanceof IndexError && error.code === 'index-no-satisfied-set' && error.path === '/sipas/index/root/children/0/satisfied');
    assert.equal(node(computeIndex(model({ satisfied: [] }, [4, 5]), answers).overall.root, 'O').satisfied, 2);
  });

  it('should let exclusion win over satisfaction', () => {
    const root = computeIndex(model({ excluded: [5] }), answers).overall.root;
    assert.deepEqual([node(root, 'O').nValid, node(root, 'O').satisfied], [4, 1]);
  });

  it('should count "other" of a choice source as a valid, unsatisfied answer', () => {
    const root = computeIndex(model({}), [response({ answers: { choice: 'other', 'choice-other': 'x' } }), response({ answers: { choice: 'a' } })]).overall.root;
    const c = node(root, 'C');
    assert.deepEqual([c.nValid, c.satisfied, c.distribution!.other], [2, 1, 1]);
  });
});

describe('component methods', () => {
  const q = questionnaire({
    questions: [rating('a1'), rating('a2'), rating('a3'), rating('own')],
    index: {
      root: {
        id: 'ROOT',
        children: [
          {
            id: 'M',
            method: 'mean',
            children: [
              { id: 'I1', source: { question: 'a1' }, weight: 2 },
              { id: 'I2', source: { question: 'a2' } },
              { id: 'I3', source: { question: 'a3' } },
            ],
          },
          { id: 'P', method: 'pooled', children: [{ id: 'P1', source: { question: 'a1' } }, { id: 'PX', children: [{ id: 'P2', source: { question: 'a2' } }] }] },
          { id: 'S', method: 'source', source: { question: 'own' }, children: [{ id: 'S1', source: { question: 'a1' } }] },
          { id: 'Z', source: { question: 'a3' }, weight: 0 },
        ],
      },
    },
  });
  // a1: 3 of 4 satisfied; a2: 1 of 2; a3: never answered; own: 1 of 1.
  const responses = [
    response({ answers: { a1: 5, a2: 5, own: 4 } }),
    response({ answers: { a1: 4, a2: 1 } }),
    response({ answers: { a1: 4 } }),
    response({ answers: { a1: 1 } }),
  ];
  const root = computeIndex(q, responses).overall.root;

  it('should use a valid questionnaire', () => valid(q));

  it('should weight the mean, skip children without an index and say which', () => {
    const m = node(root, 'M');
    assert.equal(m.index, (2 * 75 + 1 * 50) / 3);
    assert.deepEqual(m.skipped, ['I3']);
    assert.equal(m.nValid, 6);
    assert.equal(m.satisfied, 4);
    assert.equal(node(root, 'I1').weight, 2);
    assert.equal(node(root, 'I2').weight, 1);
  });

  it('should pool the answers of every leaf item under a pooled node', () => {
    const p = node(root, 'P');
    assert.deepEqual([p.nValid, p.satisfied, p.index], [6, 4, (4 / 6) * 100]);
    assert.equal(node(root, 'PX').method, 'mean');
  });

  it('should give a source node its own question’s share and report its children alongside', () => {
    const s = node(root, 'S');
    assert.deepEqual([s.method, s.index, s.nValid], ['source', 100, 1]);
    assert.equal(s.children![0]!.index, 75);
    assert.deepEqual(s.source, { question: 'own' });
  });

  it('should leave a zero-weight child out of the mean without calling it skipped', () => {
    // Z has no index here (a3 unanswered), so it is skipped; with answers it would still not count.
    const withA3 = computeIndex(q, [...responses, response({ answers: { a3: 1 } })]).overall.root;
    const m = node(withA3, 'M');
    const children = withA3.children!.filter((c) => c.id !== 'Z');
    const expected = children.reduce((sum, c) => sum + c.index!, 0) / children.length;
    assert.equal(withA3.index, expected);
    assert.equal(withA3.skipped, undefined);
    assert.equal(m.skipped, undefined);
  });

  it('should give null, shown as a dash, when nothing is valid', () => {
    const empty = computeIndex(q, []).overall;
    assert.equal(empty.root.index, null);
    assert.equal(empty.responses, 0);
    assert.deepEqual(empty.root.skipped, ['M', 'P', 'S', 'Z']);
    assert.equal(formatPercent(empty.root.index), NO_INDEX);
  });
});

describe('distributions', () => {
  const q = questionnaire({
    questions: [
      rating('overall'),
      multiple('expect', ['faster', 'online', 'staff'], { other: true, none: true }),
      likert('needs', ['n1', 'n2'], { scale: 'expectation-3' }),
      { type: 'comment', name: 'note', title: 'note' },
      yesNo('agree'),
    ],
    index: { distributions: ['expect', 'needs', 'note', 'agree'], root: { id: 'O', source: { question: 'overall' } } },
  });

  it('should use a valid questionnaire', () => valid(q));

  it('should count multiple choices per choice, likert grids per row and level, text as answered, yes/no per value', () => {
    const report = computeIndex(q, [
      response({ answers: { expect: ['faster', 'online'], needs: { n1: 3, n2: 1 }, note: 'Tốt', agree: true } }),
      response({ answers: { expect: ['other'], 'expect-other': 'x', needs: { n1: 3 }, agree: false } }),
      response({ answers: { expect: ['none'] } }),
      response({ answers: {} }),
    ]);
    const d = report.overall.distributions;
    assert.deepEqual(d.expect, { faster: 1, online: 1, staff: 0, none: 1, other: 1, answered: 3, blank: 1, spoiled: 0, filtered: 0 });
    assert.deepEqual(d['needs.n1'], { 1: 0, 2: 0, 3: 2, blank: 2, spoiled: 0, filtered: 0 });
    assert.deepEqual(d['needs.n2'], { 1: 1, 2: 0, 3: 0, blank: 3, spoiled: 0, filtered: 0 });
    assert.deepEqual(d.note, { answered: 1, blank: 3, spoiled: 0, filtered: 0 });
    assert.deepEqual(d.agree, { true: 1, false: 1, blank: 2, spoiled: 0, filtered: 0 });
  });
});

describe('errors', () => {
  const q = questionnaire({ questions: [rating('overall')], index: { root: { id: 'O', source: { question: 'overall' } } } });

  it('should refuse a questionnaire without an index model', () => {
    const without = structuredClone(q);
    delete without.sipas!.index;
    assert.throws(() => new IndexAccumulator(without), (error: unknown) => error instanceof IndexError && error.code === 'no-index-model' && error.path === '/sipas/index' && /mô hình chỉ số/.test(error.localized.vi));
  });

  it('should refuse a node whose source names no question, with its location', () => {
    const broken = structuredClone(q);
    broken.sipas!.index!.root = { id: 'ALL', children: [{ id: 'X', source: { question: 'missing' } }] };
    assert.throws(() => computeIndex(broken, []), (error: unknown) => error instanceof IndexError && error.code === 'index-unknown-question' && error.path === '/sipas/index/root/children/0/source');
  });

  it('should refuse models validateQuestionnaire refuses, with the same codes', () => {
    const withModel = (root: object, questions = [rating('overall'), likert('grid', ['r1']), multiple('expect', ['a'])]) =>
      questionnaire({ questions, index: { root: root as never } });
    const codeOf = (q2: Questionnaire) => {
      try {
        computeIndex(q2, []);
      } catch (error) {
        return error instanceof IndexError ? `${error.code} ${error.path}` : 'other';
      }
      return 'none';
    };
    assert.equal(codeOf(withModel({ id: 'G', source: { question: 'grid' } })), 'index-row-required /sipas/index/root/source/row');
    assert.equal(codeOf(withModel({ id: 'G', source: { question: 'grid', row: 'r9' } })), 'index-unknown-row /sipas/index/root/source/row');
    assert.equal(codeOf(withModel({ id: 'E', source: { question: 'expect' } })), 'index-not-scored /sipas/index/root/source/question');
    assert.equal(codeOf(withModel({ id: 'M', method: 'mean', source: { question: 'overall' } })), 'index-method-mismatch /sipas/index/root/method');
    assert.equal(codeOf(withModel({ id: 'S', method: 'share', source: { question: 'overall' }, children: [{ id: 'x', source: { question: 'overall' } }] })), 'index-method-mismatch /sipas/index/root/method');
    assert.equal(codeOf(withModel({ id: 'P', method: 'pooled', children: [{ id: 'x', source: { question: 'overall' } }] })), 'none');
  });

  it('should refuse unknown dimensions, undeclared levels and breakdowns, bad dates and offsets', () => {
    const code = (options: object) => {
      try {
        new IndexAccumulator(q, options);
      } catch (error) {
        return error instanceof IndexError ? `${error.code} ${error.path}` : 'other';
      }
      return 'none';
    };
    assert.equal(code({ by: ['weekday'] }), 'unknown-dimension /by/0');
    assert.equal(code({ by: ['unit', 'unit:province'] }), 'unknown-dimension /by/1');
    assert.equal(code({ by: ['answer:overall'] }), 'unknown-dimension /by/0');
    assert.equal(code({ where: { 'answer:x': ['1'] } }), 'unknown-dimension /where/answer:x');
    assert.equal(code({ from: '2024-02-30' }), 'invalid-date /from');
    assert.equal(code({ to: '17/05/2024' }), 'invalid-date /to');
    assert.equal(code({ by: ['month'], utcOffset: '+7' }), 'invalid-utc-offset /utcOffset');
    assert.equal(code({ utcOffset: '07:00' }), 'invalid-utc-offset /utcOffset');
    assert.equal(code({ by: ['unit', 'field', 'channel', 'month', 'quarter', 'half', 'year'], utcOffset: '-05:30', from: '2024-01-01', to: '2024-12-31' }), 'none');
  });

  it('should refuse to merge accumulators of other options or questionnaires', () => {
    const a = new IndexAccumulator(q, { by: ['month'] });
    assert.throws(() => a.merge(new IndexAccumulator(q, { by: ['year'] })), (error: unknown) => error instanceof IndexError && error.code === 'incompatible-accumulator');
    const other = structuredClone(q);
    other.id = 'another';
    assert.throws(() => a.merge(new IndexAccumulator(other, { by: ['month'] })), IndexError);
  });
});

describe('formatPercent', () => {
  it('should show two decimals with the locale’s separator and never change the stored value', () => {
    assert.equal(formatPercent(79.2044), '79,20 %');
    assert.equal(formatPercent(79.2044, 'en'), '79.20%');
    assert.equal(formatPercent(100), '100,00 %');
    assert.equal(formatPercent(0, 'en'), '0.00%');
    assert.equal(formatPercent(78.775), '78,78 %');
    assert.equal(formatPercent(2.675, 'en'), '2.68%'); // 107/4000: the double is 2.67499999…, the figure 2.675
    assert.equal(formatPercent((69 / 480) * 100), '14,38 %'); // exactly 14.375 %, stored as 14.374999…
    assert.equal(formatPercent(14.374), '14,37 %');
    assert.equal(formatPercent(null, 'en'), NO_INDEX);
    assert.equal(formatPercent(Number.NaN), NO_INDEX);
  });
});
