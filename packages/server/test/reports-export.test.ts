/** Reports, pure parts of the exports: the column plan, CSV text (quoting, formula neutralising), batches, XLSX read back. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { computeIndex, indexTable, parseCsv, roundPercent } from '@sipas/index';
import { coreTypes, defineQuestionType, seededRandom, simulateResponses } from '@sipas/core';
import type { Questionnaire, Response } from '@sipas/schema';
import { sipas2640 } from '@sipas/templates';
import type { Database } from '../src/db/database.js';
import { BYTE_ORDER_MARK, csvCell, csvLines, neutralizeFormula } from '../src/reports/csv-text.js';
import { indexCsv, indexXlsx, responsesCsv, responsesXlsx } from '../src/reports/exports.js';
import { RECORD_COLUMNS, responseCells, responseColumns, type ExportSource } from '../src/reports/response-columns.js';
import { responseBatches, type ResponseRow } from '../src/reports/response-selection.js';
import { createXlsxWriter } from '../src/reports/xlsx-writer.js';

const columns = responseColumns(sipas2640);
const names = columns.map((column) => column.name);

function source(answers: Response['answers'], extra: Partial<Response> = {}): ExportSource {
  return {
    response_id: 'r-1',
    questionnaire_version: 2,
    received_at: new Date('2024-05-17T03:04:05.678Z'),
    unit: 'ex-p1-d1-c1',
    service_field: null,
    document: {
      formatVersion: '1.0',
      responseId: 'r-1',
      questionnaire: { id: 'sipas-2640', version: 2 },
      channel: 'paper',
      submittedAt: '2024-05-17T10:00:00+07:00',
      locale: 'vi',
      answers,
      ...extra,
    },
  };
}

/** Opens a streamed XLSX file with exceljs's reader. */
async function readWorkbook(stream: NodeJS.ReadableStream): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await buffer(stream)) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

const cellOf = (cells: unknown[], name: string) => cells[names.indexOf(name)];

/** A database that answers the batch query from rows in memory, as keyset pagination would. */
function fakeDatabase(rows: ResponseRow[]): Database & { queries: unknown[][] } {
  const sorted = [...rows].sort((a, b) => (a.response_id < b.response_id ? -1 : 1));
  const queries: unknown[][] = [];
  return {
    kind: 'pglite',
    queries,
    async query<Row>(text: string, params: readonly unknown[] = []) {
      queries.push([...params]);
      const limit = params[params.length - 1] as number;
      const after = text.includes('response_id > $') ? (params[params.length - 2] as string) : undefined;
      const page = sorted.filter((row) => after === undefined || row.response_id > after).slice(0, limit);
      return { rows: page as unknown as Row[] };
    },
    transaction: (work) => work(fakeDatabase(rows)),
    close: async () => {},
  };
}

const simulated = [...simulateResponses(sipas2640, 120, { random: seededRandom(7), from: '2024-01-01', to: '2024-12-31' })];
const simulatedRows: ResponseRow[] = simulated.map((response, i) => ({
  response_id: response.responseId,
  questionnaire_version: 1,
  received_at: new Date(Date.parse(response.submittedAt) + 1000 * i),
  unit: response.unit ?? null,
  service_field: response.serviceField ?? null,
  document: response,
}));
const selection = { questionnaireId: 'sipas-2640', versions: [1] };

describe('responseColumns of a custom type', () => {
  const questionnaire = {
    formatVersion: '1.0',
    id: 'custom-columns',
    title: 'Cột của loại tự định nghĩa',
    pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ type: 'test-place', name: 'place', title: 'Nơi ở' } as never] }] }],
  } as Questionnaire;

  it('should give the type\'s columns, each cell made like an answer\'s, repeated keys told apart', () => {
    defineQuestionType({
      type: 'test-place',
      schema: { properties: { type: 'object' }, answer: { type: 'array', items: { type: 'string' } } },
      exportColumns: () => [
        { key: 'first', title: { vi: 'Cấp 1', en: 'Level 1' }, value: (answer) => (answer as string[])[0] ?? null },
        { key: 'first', value: (answer) => (answer as string[])[1] ?? null },
        { key: 'many', value: (answer) => ((answer as string[]).length > 1) as never },
        { key: 'all' },
        { key: 'broken', value: () => { throw new Error('no'); } },
      ],
    });
    try {
      const own = responseColumns(questionnaire).slice(RECORD_COLUMNS.length);
      assert.deepEqual(own.map((column) => column.name), ['place.first', 'place.first~2', 'place.many', 'place.all', 'place.broken']);
      assert.deepEqual(own[0]!.title, { vi: 'Nơi ở — Cấp 1', en: 'Nơi ở — Level 1' });
      assert.deepEqual(responseCells(own, source({ place: ['79', '26734'] })), ['79', '26734', 1, '["79","26734"]', null]);
      assert.deepEqual(responseCells(own, source({})), [null, null, null, null, null], 'no answer, no cells');
    } finally {
      coreTypes.remove('test-place');
    }
  });

  it('should fall back to one column of the answer when the type\'s columns cannot be made', () => {
    defineQuestionType({ type: 'test-place', schema: { properties: { type: 'object' } }, exportColumns: () => { throw new Error('no columns'); } });
    try {
      const own = responseColumns(questionnaire).slice(RECORD_COLUMNS.length);
      assert.deepEqual(own.map((column) => column.name), ['place']);
      assert.deepEqual(responseCells(own, source({ place: 'Huế' })), ['Huế']);
    } finally {
      coreTypes.remove('test-place');
    }
  });
});

describe('responseColumns', () => {
  it('should start with what was recorded about the response', () => {
    assert.deepEqual(names.slice(0, RECORD_COLUMNS.length), [
      'responseId', 'version', 'startedAt', 'submittedAt', 'receivedAt', 'channel', 'unit', 'serviceField',
      'locale', 'counter', 'officer', 'interviewer', 'paperSerial', 'paperEnumerator', 'paperSample', 'paperVerification', 'paperSpoiled',
    ]);
  });

  it('should export who collected the response: the kiosk counter and officer, the interviewer, the enumerator', () => {
    const cell = (extra: Partial<Response>, name: string) => responseCells(columns, source({}, extra))[names.indexOf(name)];
    assert.equal(cell({ channel: 'kiosk', collection: { counter: 'Q3', officer: 'CB-07' } }, 'counter'), 'Q3');
    assert.equal(cell({ channel: 'kiosk', collection: { counter: 'Q3', officer: 'CB-07' } }, 'officer'), 'CB-07');
    assert.equal(cell({ channel: 'interview', collection: { interviewer: 'PV-2' } }, 'interviewer'), 'PV-2');
    assert.equal(cell({ paper: { serial: 'A-1', enumerator: 'DT-5' } }, 'paperEnumerator'), 'DT-5');
    assert.equal(cell({}, 'counter'), null);
  });

  it('should give likert rows, choices, "other" texts and plain questions in questionnaire order', () => {
    const answers = names.slice(RECORD_COLUMNS.length);
    assert.deepEqual(answers.slice(0, 9), ['gender', 'age_group', 'ethnicity', 'ethnicity-other', 'education', 'occupation', 'occupation-other', 'service_field_used', 'agency_unit']);
    assert.deepEqual(answers.slice(9, 14), ['A_criteria.A1', 'A_criteria.A2', 'A_criteria.A3', 'A_criteria.A4', 'A_satisfaction']);
    const expectations = answers.filter((name) => name.startsWith('expectations'));
    assert.deepEqual(expectations, [
      'expectations.information_channels', 'expectations.facilities', 'expectations.online_services', 'expectations.simplify_procedures',
      'expectations.attitude', 'expectations.competence', 'expectations.processing_time', 'expectations.feedback_handling', 'expectations.other',
    ]);
    assert.equal(answers.at(-1), 'comments');
    assert.ok(!answers.includes('intro_text'), 'info blocks have no column');
    assert.equal(new Set(names).size, names.length, 'column names are unique');
  });

  it('should title each column with its question, and the row or choice after a dash', () => {
    const byName = new Map(columns.map((column) => [column.name, column]));
    assert.match(byName.get('A_criteria.A1')!.title.vi, / — Nơi ngồi chờ/);
    assert.match(byName.get('expectations.other')!.title.en, / — Other \(please specify\)$/);
    assert.equal(byName.get('A_criteria.A1')!.question, 'A_criteria');
    assert.equal(byName.get('responseId')!.question, undefined);
  });

  it('should write codes, 0/1 per choice, 1/0 for yes/no and empty cells for no answer', () => {
    const cells = responseCells(
      columns,
      source(
        { occupation: 'other', 'occupation-other': 'Thợ may', A_criteria: { A1: 5, A2: 'na' }, expectations: ['facilities', 'other'], 'expectations-other': 'Bãi đỗ xe', feedback_given: false },
        { paper: { serial: '000123', sample: 'reserve', verification: true, spoiled: ['B_criteria.B2', 'gender'] } },
      ),
    );
    assert.equal(cellOf(cells, 'responseId'), 'r-1');
    assert.equal(cellOf(cells, 'version'), 2);
    assert.equal(cellOf(cells, 'submittedAt'), '2024-05-17T10:00:00+07:00');
    assert.equal(cellOf(cells, 'receivedAt'), '2024-05-17T03:04:05.678Z');
    assert.equal(cellOf(cells, 'channel'), 'paper');
    assert.equal(cellOf(cells, 'unit'), 'ex-p1-d1-c1');
    assert.equal(cellOf(cells, 'serviceField'), null);
    assert.equal(cellOf(cells, 'paperSerial'), '000123');
    assert.equal(cellOf(cells, 'paperSample'), 'reserve');
    assert.equal(cellOf(cells, 'paperVerification'), 1);
    assert.equal(cellOf(cells, 'paperSpoiled'), 'B_criteria.B2;gender');
    assert.equal(cellOf(cells, 'occupation'), 'other');
    assert.equal(cellOf(cells, 'occupation-other'), 'Thợ may');
    assert.equal(cellOf(cells, 'A_criteria.A1'), 5);
    assert.equal(cellOf(cells, 'A_criteria.A2'), 'na');
    assert.equal(cellOf(cells, 'A_criteria.A3'), null);
    assert.equal(cellOf(cells, 'expectations.facilities'), 1);
    assert.equal(cellOf(cells, 'expectations.attitude'), 0);
    assert.equal(cellOf(cells, 'expectations.other'), 'Bãi đỗ xe');
    assert.equal(cellOf(cells, 'feedback_given'), 0);
    assert.equal(cellOf(cells, 'gender'), null);
  });

  it('should leave every choice column empty when a multiple choice has no answer', () => {
    const cells = responseCells(columns, source({ expectations: [] }));
    for (const name of names.filter((each) => each.startsWith('expectations.'))) assert.equal(cellOf(cells, name), null, name);
  });
});

describe('CSV text', () => {
  it('should neutralise cells a spreadsheet would run as formulas', () => {
    for (const attack of ['=HYPERLINK("http://x","y")', '+1+cmd|/C calc!A0', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      assert.equal(neutralizeFormula(attack), `'${attack}`);
    }
    for (const harmless of ['Thủ tục nhanh', 'a=b', ' =x', '', "'=already"]) assert.equal(neutralizeFormula(harmless), harmless);
  });

  it('should leave numbers as numbers, even negative ones, and write nothing for null', () => {
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(14.38), '14.38');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('-5'), "'-5");
  });

  it('should quote per RFC 4180 and end every line with CRLF', () => {
    assert.equal(csvLines([['a', 'b,c', 'say "hi"', 'two\nlines', 1, null]]), 'a,"b,c","say ""hi""","two\nlines",1,\r\n');
    assert.equal(csvLines([]), '');
  });

  it('should read back what it wrote, Vietnamese included', () => {
    const rows = [['Mã', 'Ý kiến'], ['r-1', 'Cần thêm chỗ ngồi, "nhanh"\r\nhơn'], ['r-2', '=1+1']];
    const parsed = parseCsv(BYTE_ORDER_MARK + csvLines(rows));
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.records.map((record) => record.cells), [['Mã', 'Ý kiến'], ['r-1', 'Cần thêm chỗ ngồi, "nhanh"\r\nhơn'], ['r-2', "'=1+1"]]);
  });
});

describe('responseBatches', () => {
  it('should read every selected response once, in response id order, one batch at a time', async () => {
    const db = fakeDatabase(simulatedRows);
    const seen: string[] = [];
    let batches = 0;
    for await (const batch of responseBatches(db, selection, 50)) {
      batches += 1;
      assert.ok(batch.length <= 50);
      seen.push(...batch.map((row) => row.response_id));
    }
    assert.equal(batches, 3);
    assert.deepEqual(seen, simulatedRows.map((row) => row.response_id).sort());
  });

  it('should stop after a full last batch with one more (empty) query', async () => {
    const db = fakeDatabase(simulatedRows.slice(0, 100));
    let count = 0;
    for await (const batch of responseBatches(db, selection, 50)) count += batch.length;
    assert.equal(count, 100);
    assert.equal(db.queries.length, 3);
  });
});

describe('responsesCsv', () => {
  it('should write a BOM, the column names, optional titles and one row per response', async () => {
    let text = '';
    for await (const chunk of responsesCsv(fakeDatabase(simulatedRows), selection, columns, 'vi')) text += chunk;
    assert.ok(text.startsWith(BYTE_ORDER_MARK));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    assert.equal(text.split('\r\n').length - 1, simulated.length + 2);
    const parsed = parseCsv(text);
    assert.deepEqual(parsed.errors, []);
    const [header, titles, ...rows] = parsed.records.map((record) => record.cells);
    assert.deepEqual(header, names);
    assert.equal(titles![names.indexOf('gender')], columns[names.indexOf('gender')]!.title.vi);
    assert.equal(rows.length, simulated.length);
    const byId = new Map(rows.map((row) => [row[0], row]));
    for (const response of simulated) {
      const row = byId.get(response.responseId)!;
      assert.equal(row[names.indexOf('A_criteria.A1')], String((response.answers.A_criteria as Record<string, unknown> | undefined)?.A1 ?? ''));
      assert.equal(row[names.indexOf('comments')], (response.answers.comments as string | undefined) ?? '');
    }
  });
});

describe('XLSX', () => {
  it('should read back every response with typed cells, text that looks like a formula kept as text, and a questions sheet', async () => {
    const attacker = source({ comments: '=HYPERLINK("http://evil","click")\u0007', A_criteria: { A1: 4 } });
    const rows: ResponseRow[] = [...simulatedRows, { ...attacker, response_id: 'zzzz-last' } as ResponseRow];
    const workbook = await readWorkbook(responsesXlsx(fakeDatabase(rows), selection, columns));
    assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['Phiếu trả lời (responses)', 'Câu hỏi (questions)']);
    const sheet = workbook.worksheets[0]!;
    assert.equal(sheet.rowCount, rows.length + 1);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), names);
    const last = sheet.getRow(rows.length + 1);
    const comment = last.getCell(names.indexOf('comments') + 1);
    assert.equal(comment.type, ExcelJS.ValueType.String);
    assert.equal(comment.value, '=HYPERLINK("http://evil","click")', 'kept as text, the control character dropped');
    const level = last.getCell(names.indexOf('A_criteria.A1') + 1);
    assert.equal(level.type, ExcelJS.ValueType.Number);
    assert.equal(level.value, 4);
    const ids = new Set<string>();
    sheet.eachRow((row, number) => {
      if (number > 1) ids.add(String(row.getCell(1).value));
    });
    assert.deepEqual([...ids].sort(), rows.map((row) => row.response_id).sort());
    const questions = workbook.worksheets[1]!;
    assert.equal(questions.rowCount, columns.length + 1);
    assert.deepEqual((questions.getRow(names.indexOf('expectations.other') + 2).values as unknown[]).slice(1, 3), ['expectations.other', 'expectations']);
  });

  it('should write the index tables with indices rounded as displayed, a ranking and the distributions', async () => {
    const report = computeIndex(sipas2640, simulated, { by: ['unit:province'], utcOffset: '+07:00' });
    const workbook = await readWorkbook(indexXlsx(report, 'en'));
    assert.deepEqual(workbook.worksheets.map((sheet) => sheet.name), ['Chỉ số (index)', 'Xếp hạng (ranking)', 'Phân bố (distributions)']);
    const table = indexTable(report, 'en');
    const sheet = workbook.worksheets[0]!;
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), table.header);
    assert.equal(sheet.rowCount, table.rows.length + 1);
    const first = sheet.getRow(2);
    assert.equal(first.getCell(table.header.indexOf('node') + 1).value, 'SIPAS');
    const index = first.getCell(table.indexColumn + 1);
    assert.equal(index.value, roundPercent(report.overall.root.index!));
    assert.equal(index.numFmt, '0.00');
    assert.equal(first.getCell(table.header.indexOf('n_valid') + 1).value, report.overall.root.nValid);
    assert.equal(workbook.worksheets[1]!.rowCount, report.ranking!.entries.length + 1);
  });

  it('should give the same table as CSV, indices with two decimals', () => {
    const report = computeIndex(sipas2640, simulated, { by: ['channel'], utcOffset: '+07:00' });
    const parsed = parseCsv(indexCsv(report, 'vi'));
    const [header, ...rows] = parsed.records.map((record) => record.cells);
    assert.deepEqual(header, ['channel', 'responses', 'node', 'depth', 'label', 'method', 'index', 'n_valid', 'satisfied']);
    const overall = rows[0]!;
    assert.deepEqual(overall.slice(0, 3), ['', String(report.responses), 'SIPAS']);
    assert.equal(overall[6], roundPercent(report.overall.root.index!).toFixed(2));
    assert.equal(rows.length, indexTable(report, 'vi').rows.length);
    assert.ok(rows.some((row) => row[0] === 'paper' && row[2] === 'A1'), 'one block of nodes per group');
  });

  it('should hold back the writing while nobody reads the file, and stop once the download is gone', async () => {
    const writer = createXlsxWriter();
    const sheet = writer.addSheet('rows', ['text']);
    const random = seededRandom(3);
    const noise = () => Array.from({ length: 2000 }, () => String.fromCharCode(33 + random(90))).join('');
    const settledWithin = (promise: Promise<void>, ms: number) =>
      Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
    let waiting: Promise<void> | undefined;
    for (let batch = 0; batch < 200 && !waiting; batch++) {
      const added = sheet.addRows(Array.from({ length: 20 }, () => [noise()]));
      if (!(await settledWithin(added, 300))) waiting = added;
      // Between batches the export waits for the database, which lets the compressed bytes through.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(waiting, 'the writer waits for the reader');
    writer.stream.destroy();
    await assert.rejects(waiting, /abandoned/);
  });
});
