/** Grouping (units and their roll-up, fields, channels, periods, breakdown answers), filters and ranking. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateQuestionnaire, type Questionnaire } from '@sipas/schema';
import { computeIndex, IndexAccumulator, periodKey, type GroupResult, type IndexReport } from '@sipas/index';
import { multiple, questionnaire, rating, response, single } from './helpers/build.js';

const units = {
  levels: [
    { id: 'province', label: 'Tỉnh' },
    { id: 'district', label: 'Huyện' },
    { id: 'commune', label: 'Xã' },
  ],
  items: [
    {
      id: 'p1',
      level: 'province',
      label: 'Tỉnh 1',
      children: [
        { id: 'd1', level: 'district', label: 'Huyện 1', children: [{ id: 'c1', level: 'commune', label: 'Xã 1' }, { id: 'c2', level: 'commune', label: 'Xã 2' }] },
        { id: 'd2', level: 'district', label: 'Huyện 2', children: [{ id: 'c3', level: 'commune', label: 'Xã 3' }] },
      ],
    },
    // After the 2025 reform a province holds communes directly.
    { id: 'p2', level: 'province', label: 'Tỉnh 2', children: [{ id: 'c4', level: 'commune', label: 'Xã 4' }] },
  ],
};

const q: Questionnaire = questionnaire({
  questions: [
    rating('overall'),
    single('gender', ['m', 'f']),
    multiple('used', ['web', 'office']),
    { type: 'dropdown', name: 'agency', title: 'Cơ quan', choicesFrom: { list: 'units' } },
  ],
  units,
  serviceFields: { items: [{ id: 'land', label: 'Đất đai' }, { id: 'civil', label: 'Hộ tịch' }] },
  index: { breakdowns: ['gender', 'used'], root: { id: 'O', source: { question: 'overall' } } },
});

/** Group key → responses, as plain text for compact assertions. */
const summary = (report: IndexReport) => Object.fromEntries(report.groups.map((g) => [JSON.stringify(g.key), g.responses]));
const groupOf = (report: IndexReport, key: Record<string, string>): GroupResult => {
  const found = report.groups.find((g) => JSON.stringify(g.key) === JSON.stringify(key));
  if (!found) throw new Error(`no group ${JSON.stringify(key)}`);
  return found;
};

describe('breakdowns', () => {
  it('should use a valid questionnaire', () => assert.deepEqual(validateQuestionnaire(q).errors, []));

  const located = ['c1', 'c2', 'c3', 'c4', 'd1', 'p2', 'elsewhere'].map((unit) => response({ unit, answers: { overall: 5 } }));
  const unplaced = response({ answers: { overall: 1 } });
  const byDropdown = response({ answers: { overall: 4, agency: 'c3' } });

  it('should group by the response’s unit, falling back to a dropdown bound to the units, and leave out a missing one', () => {
    const report = computeIndex(q, [...located, unplaced, byDropdown], { by: ['unit'] });
    assert.deepEqual(summary(report), {
      '{"unit":"c1"}': 1,
      '{"unit":"c2"}': 1,
      '{"unit":"c3"}': 2,
      '{"unit":"c4"}': 1,
      '{"unit":"d1"}': 1,
      '{"unit":"elsewhere"}': 1,
      '{"unit":"p2"}': 1,
      '{}': 1,
    });
    assert.equal(groupOf(report, {}).root.index, 0);
    assert.equal(report.responses, 9);
    assert.equal(report.overall.responses, 9);
  });

  it('should roll units up to a declared level, leaving out units above it or outside the tree', () => {
    const provinces = computeIndex(q, [...located, unplaced], { by: ['unit:province'] });
    assert.deepEqual(summary(provinces), { '{"unit:province":"p1"}': 4, '{"unit:province":"p2"}': 2, '{}': 2 });
    const districts = computeIndex(q, [...located, unplaced], { by: ['unit:district'] });
    assert.deepEqual(summary(districts), { '{"unit:district":"d1"}': 3, '{"unit:district":"d2"}': 1, '{}': 4 });
  });

  it('should group by service field and channel together', () => {
    const report = computeIndex(
      q,
      [
        response({ serviceField: 'land', channel: 'kiosk', answers: { overall: 5 } }),
        response({ serviceField: 'land', channel: 'kiosk', answers: { overall: 1 } }),
        response({ serviceField: 'civil', channel: 'kiosk', answers: { overall: 5 } }),
        response({ serviceField: 'land', channel: 'online', answers: { overall: 4 } }),
      ],
      { by: ['field', 'channel'] },
    );
    assert.deepEqual(summary(report), { '{"field":"civil","channel":"kiosk"}': 1, '{"field":"land","channel":"kiosk"}': 2, '{"field":"land","channel":"online"}': 1 });
    assert.equal(groupOf(report, { field: 'land', channel: 'kiosk' }).root.index, 50);
    assert.equal(report.overall.root.nValid, 4);
    assert.equal(report.overall.root.satisfied, 3);
  });

  it('should key periods as 2024-05, 2024-Q2, 2024-H1 and 2024', () => {
    const dates = ['2024-01-01T00:00:00Z', '2024-03-31T23:59:59Z', '2024-04-01T00:00:00Z', '2024-06-30T12:00:00+07:00', '2024-07-01T01:00:00Z', '2024-12-31T10:00:00Z', '2025-02-01T10:00:00Z'];
    const responses = dates.map((submittedAt) => response({ submittedAt, answers: { overall: 5 } }));
    const keys = (dimension: 'month' | 'quarter' | 'half' | 'year') => computeIndex(q, responses, { by: [dimension] }).groups.map((g) => `${g.key[dimension]}:${g.responses}`);
    assert.deepEqual(keys('month'), ['2024-01:1', '2024-03:1', '2024-04:1', '2024-06:1', '2024-07:1', '2024-12:1', '2025-02:1']);
    assert.deepEqual(keys('quarter'), ['2024-Q1:2', '2024-Q2:2', '2024-Q3:1', '2024-Q4:1', '2025-Q1:1']);
    assert.deepEqual(keys('half'), ['2024-H1:4', '2024-H2:2', '2025-H1:1']);
    assert.deepEqual(keys('year'), ['2024:6', '2025:1']);
    assert.equal(periodKey('quarter', 202409), '2024-Q3');
  });

  it('should read the calendar day in a given UTC offset when asked', () => {
    const lateMarch = response({ submittedAt: '2024-03-31T18:30:00Z', answers: { overall: 5 } }); // 01:30 on 1 April in Vietnam
    const written = response({ submittedAt: '2024-03-31T23:00:00+07:00', answers: { overall: 5 } });
    const asWritten = computeIndex(q, [lateMarch, written], { by: ['quarter'] });
    assert.deepEqual(summary(asWritten), { '{"quarter":"2024-Q1"}': 2 });
    const vietnam = computeIndex(q, [lateMarch, written], { by: ['quarter'], utcOffset: '+07:00' });
    assert.deepEqual(summary(vietnam), { '{"quarter":"2024-Q1"}': 1, '{"quarter":"2024-Q2"}': 1 });
    const west = computeIndex(q, [response({ submittedAt: '2024-01-01T03:00:00Z', answers: {} })], { by: ['year'], utcOffset: '-05:00' });
    assert.deepEqual(summary(west), { '{"year":"2023"}': 1 });
  });

  it('should put a response in one group per value of a multiple-choice breakdown, and overall once', () => {
    const report = computeIndex(
      q,
      [
        response({ answers: { overall: 5, used: ['web', 'office'], gender: 'f' } }),
        response({ answers: { overall: 1, used: ['web'], gender: 'f' } }),
        response({ answers: { overall: 1, gender: 'm' } }),
      ],
      { by: ['answer:used', 'answer:gender'] },
    );
    assert.deepEqual(summary(report), { '{"answer:used":"office","answer:gender":"f"}': 1, '{"answer:used":"web","answer:gender":"f"}': 2, '{"answer:gender":"m"}': 1 });
    assert.equal(report.overall.responses, 3);
    assert.equal(report.overall.root.nValid, 3);
  });
});

describe('filters', () => {
  const days = ['2024-03-31T23:59:59Z', '2024-04-01T00:00:00Z', '2024-06-30T23:59:59Z', '2024-07-01T00:00:00Z'];

  it('should keep responses from `from` to `to`, both days included, and say which add() left out', () => {
    const accumulator = new IndexAccumulator(q, { from: '2024-04-01', to: '2024-06-30' });
    const kept = days.map((submittedAt) => accumulator.add(response({ submittedAt, answers: { overall: 5 } })));
    assert.deepEqual(kept, [false, true, true, false]);
    assert.equal(accumulator.result().responses, 2);
    assert.equal(accumulator.result().overall.root.nValid, 2);
  });

  it('should keep a single day when from equals to', () => {
    assert.equal(computeIndex(q, days.map((submittedAt) => response({ submittedAt })), { from: '2024-04-01', to: '2024-04-01' }).responses, 1);
  });

  it('should keep only responses whose dimension values are listed in `where`', () => {
    const responses = [
      response({ unit: 'c1', channel: 'kiosk', answers: { overall: 5, gender: 'f' } }),
      response({ unit: 'c4', channel: 'kiosk', answers: { overall: 5, gender: 'f' } }),
      response({ unit: 'c2', channel: 'online', answers: { overall: 1, gender: 'm' } }),
      response({ channel: 'kiosk', answers: { overall: 1 } }),
    ];
    assert.equal(computeIndex(q, responses, { where: { channel: ['kiosk'] } }).responses, 3);
    assert.equal(computeIndex(q, responses, { where: { channel: ['kiosk'], 'unit:province': ['p1'] } }).responses, 1);
    assert.equal(computeIndex(q, responses, { where: { 'answer:gender': ['f', 'm'] } }).responses, 3);
    assert.equal(computeIndex(q, responses, { where: { unit: [] } }).responses, 0);
    const report = computeIndex(q, responses, { by: ['unit:province'], where: { channel: ['kiosk'] }, from: '2024-01-01' });
    assert.deepEqual(report.options, { by: ['unit:province'], where: { channel: ['kiosk'] }, from: '2024-01-01' });
    assert.deepEqual(summary(report), { '{"unit:province":"p1"}': 1, '{"unit:province":"p2"}': 1, '{}': 1 });
  });
});

describe('ranking', () => {
  const answers = (satisfied: number, total: number) => Array.from({ length: total }, (_, i) => (i < satisfied ? 5 : 1));
  const byUnit = (unit: string, values: number[]) => values.map((overall) => response({ unit, answers: { overall } }));
  const responses = [
    ...byUnit('c1', answers(3, 4)), // 75
    ...byUnit('c2', answers(4, 5)), // 80
    ...byUnit('c3', answers(6, 8)), // 75
    ...byUnit('c4', []),
    response({ unit: 'c4', answers: {} }), // no valid answer: null
    ...byUnit('d2', answers(1, 2)), // 50
    response({ answers: { overall: 5 } }), // no unit: not ranked
  ];

  it('should rank units by index, highest first, ties sharing a rank and null last', () => {
    const report = computeIndex(q, responses, { by: ['unit'] });
    assert.equal(report.ranking?.dimension, 'unit');
    assert.deepEqual(
      report.ranking.entries.map((e) => [e.key, e.rank, e.nValid]),
      [
        ['c2', 1, 5],
        ['c1', 2, 4],
        ['c3', 2, 8],
        ['d2', 4, 2],
        ['c4', 5, 0],
      ],
    );
    assert.equal(report.ranking.entries[4]!.index, null);
  });

  it('should rank rolled-up units', () => {
    const report = computeIndex(q, responses, { by: ['unit:district'] });
    // d1 = c1 + c2 = 7 of 9; d2 = c3 + d2 = 7 of 10.
    assert.deepEqual(report.ranking?.entries.map((e) => [e.key, e.rank, e.index]), [
      ['d1', 1, (7 / 9) * 100],
      ['d2', 2, 70],
    ]);
  });

  it('should treat indices equal but for float noise as a tie', () => {
    const twoItems = questionnaire({
      questions: [rating('a'), rating('b')],
      index: { root: { id: 'M', children: [{ id: 'A', source: { question: 'a' } }, { id: 'B', source: { question: 'b' } }] } },
    });
    const rows = (unit: string, a: number[], b: number[]) => a.map((value, i) => response({ unit, answers: { a: value, ...(b[i] !== undefined ? { b: b[i]! } : {}) } }));
    const report = computeIndex(twoItems, [...rows('x', [5, 1, 1], [5, 5, 1]), ...rows('y', [5, 1], [5, 1])], { by: ['unit'] });
    const [x, y] = ['x', 'y'].map((unit) => report.groups.find((g) => g.key.unit === unit)!.root.index!);
    assert.notEqual(x, y); // (33.33… + 66.66…) / 2 is not exactly 50 in binary
    assert.ok(Math.abs(x! - y!) < 1e-9);
    assert.deepEqual(report.ranking?.entries.map((e) => e.rank), [1, 1]);
  });

  it('should rank only when grouping by exactly one unit dimension', () => {
    assert.equal(computeIndex(q, responses, { by: ['unit', 'quarter'] }).ranking, undefined);
    assert.equal(computeIndex(q, responses, { by: ['field'] }).ranking, undefined);
    assert.equal(computeIndex(q, responses).ranking, undefined);
  });
});
