/** Reports, pure parts: the query string, unit scopes, version compatibility, progress figures, file names. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Hierarchy, Questionnaire } from '@sipas/schema';
import { copyTemplate } from '@sipas/templates';
import { HttpError } from '../src/http/errors.js';
import { attachment } from '../src/reports/content-disposition.js';
import { canonicalJson, indexFingerprint } from '../src/reports/index-compatibility.js';
import { progressFigures } from '../src/reports/progress.js';
import { nextDay, parseReportQuery, submittedRange } from '../src/reports/report-query.js';
import { selectionConditions } from '../src/reports/response-selection.js';
import { checkRequestedUnits, checkUnitLevels, selectedUnits, visibleUnits } from '../src/reports/unit-scope.js';

/** The HttpError a function throws: its status and the paths and codes of its errors. */
function refusal(work: () => unknown): { status: number; errors: string[] } {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof HttpError, `expected an HttpError, got ${String(error)}`);
    for (const each of error.errors) assert.ok(each.message.vi && each.message.en, 'bilingual message');
    return { status: error.statusCode, errors: error.errors.map((each) => `${each.path} ${each.code}`) };
  }
  assert.fail('expected a refusal');
}

const tree: Hierarchy = {
  levels: [{ id: 'province', label: 'Tỉnh' }, { id: 'district', label: 'Huyện' }, { id: 'commune', label: 'Xã' }],
  items: [
    {
      id: 'p1',
      level: 'province',
      label: 'Tỉnh 1',
      children: [
        { id: 'd1', level: 'district', label: 'Huyện 1', children: [{ id: 'c1', level: 'commune', label: 'Xã 1' }, { id: 'c2', level: 'commune', label: 'Xã 2' }] },
        { id: 'd2', level: 'district', label: { vi: 'Huyện 2', en: 'District 2' }, children: [{ id: 'c3', level: 'commune', label: 'Xã 3' }] },
      ],
    },
    { id: 'p2', level: 'province', label: 'Tỉnh 2', children: [{ id: 'c4', level: 'commune', label: 'Xã 4' }] },
  ],
};

describe('parseReportQuery', () => {
  it('should give the defaults: latest version, no grouping, Vietnamese days', () => {
    assert.deepEqual(parseReportQuery({}, ['by']), { version: { kind: 'latest' }, by: [], where: {}, utcOffset: '+07:00', lang: 'vi' });
  });

  it('should read comma lists and repeated parameters alike', () => {
    const query = parseReportQuery(
      { version: '3', by: ['unit:province,quarter', 'channel'], from: '2024-01-01', to: '2024-06-30', 'where.unit': 'c1, c2', 'where.channel': ['paper', 'kiosk'], 'where.field': 'dat-dai' },
      ['by'],
    );
    assert.deepEqual(query.version, { kind: 'exact', version: 3 });
    assert.deepEqual(query.by, ['unit:province', 'quarter', 'channel']);
    assert.deepEqual(query.where, { unit: ['c1', 'c2'], channel: ['paper', 'kiosk'], field: ['dat-dai'] });
    assert.equal(query.from, '2024-01-01');
    assert.equal(query.to, '2024-06-30');
  });

  it('should take version=all and a unit-level filter', () => {
    const query = parseReportQuery({ version: 'all', 'where.unit:province': 'p1' }, []);
    assert.deepEqual(query.version, { kind: 'all' });
    assert.deepEqual(query.where, { 'unit:province': ['p1'] });
  });

  it('should read "+07:00" that arrived as " 07:00" (an unencoded plus) and accept Z', () => {
    assert.equal(parseReportQuery({ utcOffset: ' 07:00' }, []).utcOffset, '+07:00');
    assert.equal(parseReportQuery({ utcOffset: 'Z' }, []).utcOffset, 'Z');
    assert.equal(parseReportQuery({ utcOffset: '-05:30' }, []).utcOffset, '-05:30');
  });

  it('should report every bad value at once, located at /query/<parameter>', () => {
    const refused = refusal(() =>
      parseReportQuery(
        { version: 'v2', by: 'unit,colour', from: '2024-02-30', to: 'yesterday', utcOffset: '7', 'where.channel': 'fax', 'where.units': 'c1', sort: 'up' },
        ['by'],
      ),
    );
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.errors.sort(), [
      '/query/by unknown-dimension',
      '/query/from invalid-date',
      '/query/sort unknown-parameter',
      '/query/to invalid-date',
      '/query/utcOffset invalid-utc-offset',
      '/query/version invalid-version',
      '/query/where.channel unknown-channel',
      '/query/where.units unknown-filter',
    ]);
  });

  it('should refuse a range that ends before it starts, an empty filter and a repeated single value', () => {
    assert.deepEqual(refusal(() => parseReportQuery({ from: '2024-05-02', to: '2024-05-01' }, [])).errors, ['/query/to invalid-date-range']);
    assert.deepEqual(refusal(() => parseReportQuery({ 'where.unit': ' , ' }, [])).errors, ['/query/where.unit empty-filter']);
    assert.deepEqual(refusal(() => parseReportQuery({ from: ['2024-01-01', '2024-02-01'] }, [])).errors, ['/query/from repeated-parameter']);
  });

  it('should accept only the optional parameters the route takes', () => {
    assert.deepEqual(refusal(() => parseReportQuery({ by: 'unit' }, [])).errors, ['/query/by unknown-parameter']);
    assert.equal(parseReportQuery({ lang: 'en', titles: 'vi' }, ['lang', 'titles']).lang, 'en');
    assert.deepEqual(refusal(() => parseReportQuery({ lang: 'fr' }, ['lang'])).errors, ['/query/lang invalid-language']);
  });

  it('should start from another default version when the route says so', () => {
    assert.deepEqual(parseReportQuery({}, [], { kind: 'all' }).version, { kind: 'all' });
  });
});

describe('submittedRange', () => {
  it('should turn inclusive days into a half-open range of instants in the offset', () => {
    assert.deepEqual(submittedRange('2024-01-01', '2024-03-31', '+07:00'), { start: '2024-01-01T00:00:00+07:00', end: '2024-04-01T00:00:00+07:00' });
    assert.deepEqual(submittedRange(undefined, '2024-12-31', 'Z'), { end: '2025-01-01T00:00:00Z' });
    assert.deepEqual(submittedRange(undefined, undefined, '+07:00'), {});
  });

  it('should step over month ends and leap days', () => {
    assert.equal(nextDay('2024-02-28'), '2024-02-29');
    assert.equal(nextDay('2024-02-29'), '2024-03-01');
    assert.equal(nextDay('2023-12-31'), '2024-01-01');
  });
});

describe('selectionConditions', () => {
  it('should number parameters after those already there and filter only what is asked', () => {
    const params: unknown[] = ['earlier'];
    const sql = selectionConditions({ questionnaireId: 'q', versions: [2, 1], units: ['c1'], channels: ['paper'], submittedFrom: '2024-01-01T00:00:00+07:00' }, params);
    assert.equal(sql, 'questionnaire_id = $2 and questionnaire_version = any($3::int[]) and submitted_at >= $4::timestamptz and unit = any($5::text[]) and channel = any($6::text[])');
    assert.deepEqual(params, ['earlier', 'q', [2, 1], '2024-01-01T00:00:00+07:00', ['c1'], ['paper']]);
  });
});

describe('unit scope', () => {
  it('should let an account see its units and every unit below them', () => {
    assert.deepEqual([...visibleUnits(['d1'], [tree])].sort(), ['c1', 'c2', 'd1']);
    assert.deepEqual([...visibleUnits(['p1'], [tree])].sort(), ['c1', 'c2', 'c3', 'd1', 'd2', 'p1']);
    assert.deepEqual([...visibleUnits(['c4', 'elsewhere'], [tree, undefined])].sort(), ['c4', 'elsewhere']);
  });

  it('should intersect the scope with the unit filters', () => {
    const scope = visibleUnits(['d1'], [tree]);
    assert.equal(selectedUnits(null, { channel: ['paper'] }, [tree]), undefined);
    assert.deepEqual([...selectedUnits(scope, {}, [tree])!].sort(), ['c1', 'c2', 'd1']);
    assert.deepEqual([...selectedUnits(scope, { unit: ['c2'] }, [tree])!], ['c2']);
    assert.deepEqual([...selectedUnits(null, { 'unit:province': ['p1'] }, [tree])!].sort(), ['c1', 'c2', 'c3', 'd1', 'd2', 'p1']);
    assert.deepEqual([...selectedUnits(scope, { 'unit:province': ['p1'], unit: ['c1', 'c3'] }, [tree])!], ['c1']);
  });

  it('should refuse (403) a filter on a unit outside the scope, and allow one on an ancestor of it', () => {
    const scope = visibleUnits(['d1'], [tree]);
    assert.deepEqual(refusal(() => checkRequestedUnits(scope, { unit: ['c1', 'c3'] }, [tree])), { status: 403, errors: ['/query/where.unit unit-not-allowed'] });
    assert.deepEqual(refusal(() => checkRequestedUnits(scope, { 'unit:province': ['p2'] }, [tree])).errors, ['/query/where.unit:province unit-not-allowed']);
    checkRequestedUnits(scope, { 'unit:province': ['p1'], unit: ['c2'] }, [tree]);
    checkRequestedUnits(null, { unit: ['anything'] }, [tree]);
  });

  it('should refuse (422) a unit level the questionnaire does not declare', () => {
    assert.deepEqual(refusal(() => checkUnitLevels({ 'unit:ward': ['w1'] }, tree)), { status: 422, errors: ['/query/where.unit:ward unknown-dimension'] });
    checkUnitLevels({ 'unit:district': ['d1'], unit: ['c1'] }, tree);
  });
});

describe('indexFingerprint', () => {
  const base = copyTemplate('sipas-2640')!;

  it('should not change with wording, key order or questions the index does not read', () => {
    const reworded: Questionnaire = structuredClone(base);
    reworded.title = { vi: 'Tên khác', en: 'Another name' };
    reworded.pages[0]!.sections[0]!.questions = reworded.pages[0]!.sections[0]!.questions.filter((question) => question.name !== 'intro_text');
    const reordered = JSON.parse(canonicalJson(base)) as Questionnaire;
    assert.equal(indexFingerprint(reworded), indexFingerprint(base));
    assert.equal(indexFingerprint(reordered), indexFingerprint(base));
  });

  it('should change when the model or a question it reads changes', () => {
    const weighted: Questionnaire = structuredClone(base);
    weighted.sipas!.index!.root.children![0]!.weight = 2;
    assert.notEqual(indexFingerprint(weighted), indexFingerprint(base));
    const rescaled: Questionnaire = structuredClone(base);
    const criteria = rescaled.pages.flatMap((page) => page.sections.flatMap((section) => section.questions)).find((question) => question.name === 'A_criteria')!;
    (criteria as { scale: unknown }).scale = 'satisfaction-3';
    assert.notEqual(indexFingerprint(rescaled), indexFingerprint(base));
  });

  it('should be undefined without an index model', () => {
    const plain: Questionnaire = structuredClone(base);
    delete plain.sipas!.index;
    assert.equal(indexFingerprint(plain), undefined);
  });
});

describe('progressFigures', () => {
  const counts = [
    { unit: 'c1', channel: 'paper', collected: 30, last_received_at: new Date('2024-05-02T03:00:00Z') },
    { unit: 'c1', channel: 'online', collected: 10, last_received_at: '2024-05-03T03:00:00.000Z' },
    { unit: 'zz-outside', channel: 'kiosk', collected: 4, last_received_at: new Date('2024-05-01T00:00:00Z') },
    { unit: null, channel: 'online', collected: 2, last_received_at: null },
  ];

  it('should list planned units with 0, unplanned ones with planned null, in tree order', () => {
    const figures = progressFigures(counts, { c1: 50, c3: 20, d2: 0 }, tree, null);
    assert.deepEqual(
      figures.units.map(({ unit, planned, collected, share }) => ({ unit, planned, collected, share })),
      [
        { unit: 'c1', planned: 50, collected: 40, share: 0.8 },
        { unit: 'd2', planned: 0, collected: 0, share: null },
        { unit: 'c3', planned: 20, collected: 0, share: 0 },
        { unit: 'zz-outside', planned: null, collected: 4, share: null },
        { unit: null, planned: null, collected: 2, share: null },
      ],
    );
    assert.deepEqual(figures.units[1]!.label, { vi: 'Huyện 2', en: 'District 2' });
    assert.equal(figures.units[3]!.label, null);
    assert.deepEqual(figures.units[0]!.byChannel, { online: 10, kiosk: 0, paper: 30, interview: 0, phone: 0 });
    assert.deepEqual(figures.total, { planned: 70, collected: 46, share: 46 / 70, byChannel: { online: 12, kiosk: 4, paper: 30, interview: 0, phone: 0 } });
    assert.deepEqual(figures.byChannel, figures.total.byChannel);
    assert.equal(figures.lastReceivedAt, '2024-05-03T03:00:00.000Z');
  });

  it('should leave out the plans of units a limited account does not see', () => {
    const figures = progressFigures([counts[0]!], { c1: 50, c3: 20 }, tree, new Set(['d1', 'c1', 'c2']));
    assert.deepEqual(figures.units.map((row) => row.unit), ['c1']);
    assert.equal(figures.total.planned, 50);
  });

  it('should give null totals and no last receipt when there is neither plan nor response', () => {
    const figures = progressFigures([], {}, undefined, null);
    assert.deepEqual(figures, { units: [], total: { planned: null, collected: 0, share: null, byChannel: { online: 0, kiosk: 0, paper: 0, interview: 0, phone: 0 } }, byChannel: { online: 0, kiosk: 0, paper: 0, interview: 0, phone: 0 }, lastReceivedAt: null });
  });
});

describe('attachment', () => {
  it('should give an ASCII file name and the exact one as UTF-8', () => {
    assert.equal(attachment('sipas-2640-responses.xlsx'), `attachment; filename="sipas-2640-responses.xlsx"; filename*=UTF-8''sipas-2640-responses.xlsx`);
    assert.equal(attachment('Hà Nội "2024".csv'), `attachment; filename="H__N_i__2024_.csv"; filename*=UTF-8''H%C3%A0%20N%E1%BB%99i%20%222024%22.csv`);
  });
});
