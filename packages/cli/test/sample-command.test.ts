import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatCsv, parseCsv, parseFrameCsv } from '@sipas/index';
import { run } from './helpers/run.js';


/** The ids (column "Mã hồ sơ") of a list written by `sample draw`. */
function listedIds(file: string): string[] {
  const result = parseFrameCsv(readFileSync(file, 'utf8'));
  assert.deepEqual(result.errors, []);
  return result.rows.map((row) => row.id);
}

const UNITS = { 'Sở Tư pháp': 300, 'UBND phường 1': 120, 'UBND xã Tân Hiệp': 6 } as const;

describe('sipas sample', () => {
  let workDir = '';
  let frameFile = '';
  let brokenFrame = '';
  let noIdFrame = '';
  let formsFile = '';
  let responsesFile = '';
  let brokenResponses = '';
  let idlessResponses = '';

  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 'sipas-sample-'));
    // 426 people; day d of April, May or June 2024 (day first, as Vietnamese spreadsheets write it).
    const rows: string[][] = [['STT', 'Mã hồ sơ', 'Họ và tên', 'Đơn vị giải quyết', 'Lĩnh vực', 'Ngày trả kết quả']];
    let number = 0;
    for (const [unit, count] of Object.entries(UNITS)) {
      for (let index = 0; index < count; index += 1) {
        number += 1;
        const day = String((index % 28) + 1).padStart(2, '0');
        rows.push([String(number), `HS-${String(number).padStart(5, '0')}`, `Người ${number}, tổ ${index % 7}`, unit, index % 2 ? 'Hộ tịch' : 'Đất đai', `${day}/0${(index % 3) + 4}/2024`]);
      }
    }
    frameFile = join(workDir, 'frame.csv');
    writeFileSync(frameFile, formatCsv(rows, { byteOrderMark: true }));
    brokenFrame = join(workDir, 'broken.csv');
    writeFileSync(brokenFrame, 'id,name,unit\n1,An,A\n2,Nguyễn Văn B, phường 3,A\n3,,A\n,Chi,B\n');
    noIdFrame = join(workDir, 'no-id.csv');
    writeFileSync(noIdFrame, 'Họ tên,Đơn vị\nAn,A\n');
    formsFile = join(workDir, 'forms.csv');
    writeFileSync(formsFile, formatCsv([['Số phiếu', 'Đơn vị'], ...Array.from({ length: 50 }, (_, index) => [`P-${index + 1}`, index < 40 ? 'A' : 'B'])]));
    const response = (id: string, unit: string) => JSON.stringify({ formatVersion: '1.0', responseId: id, questionnaire: { id: 'q', version: 1 }, channel: 'paper', unit, submittedAt: '2024-05-17T08:00:00Z', locale: 'vi', answers: {}, paper: { serial: `S-${id}` } });
    responsesFile = join(workDir, 'responses.jsonl');
    writeFileSync(responsesFile, `${Array.from({ length: 30 }, (_, index) => response(`r${index + 1}`, index < 20 ? 'A' : 'B')).join('\n')}\n\n`);
    brokenResponses = join(workDir, 'broken.jsonl');
    writeFileSync(brokenResponses, `${response('r1', 'A')}\n{oops\n`);
    idlessResponses = join(workDir, 'idless.jsonl');
    writeFileSync(idlessResponses, `${response('r1', 'A')}\n{"unit":"B"}\n`);
  });

  after(() => rmSync(workDir, { recursive: true, force: true }));

  describe('size', () => {
    it('should print Yamane’s size with the confidence cross-check and the reserve, in Vietnamese by default', async () => {
      const { code, stdout } = await run('sample', 'size', '--population', '5000');
      assert.equal(code, 0);
      assert.match(stdout, /^Cỡ mẫu: 371$/m);
      assert.match(stdout, /Đối chiếu: theo độ tin cậy 95 % cần 357/);
      assert.match(stdout, /rút thêm 371/);
    });

    it('should use the confidence formula on request, in English, with percentages or fractions', async () => {
      const at95 = await run('sample', 'size', '--population', '5000', '--method', 'confidence', '--lang', 'en');
      assert.equal(at95.code, 0);
      assert.match(at95.stdout, /^Sample size: 357$/m);
      assert.match(at95.stdout, /Yamane's formula gives 371/);
      const at99 = await run('sample', 'size', '--population', '5000', '--method', 'confidence', '--confidence', '99%', '--error', '0,05', '--json');
      const result = JSON.parse(at99.stdout) as { method: string; confidence: number; sampleSize: number; crossCheck: { sampleSize: number } };
      assert.equal(result.method, 'confidence');
      assert.equal(result.confidence, 0.99);
      assert.ok(result.sampleSize > 357);
      assert.equal(result.crossCheck.sampleSize, 371);
    });

    it('should print machine-readable sizes with --json', async () => {
      const { code, stdout } = await run('sample', 'size', '--population', '5000', '--error', '5%', '--json');
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(stdout), { method: 'yamane', population: 5000, marginOfError: 0.05, sampleSize: 371, crossCheck: { method: 'confidence', confidence: 0.95, sampleSize: 357 } });
    });

    it('should exit 2 with a clear message for missing or wrong numbers', async () => {
      const missing = await run('sample', 'size');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /Thiếu --population/);
      assert.match(missing.stderr, /sipas sample <size\|draw\|verify>/);
      const notNumber = await run('sample', 'size', '--population', '5k', '--lang', 'en');
      assert.equal(notNumber.code, 2);
      assert.match(notNumber.stderr, /--population: expected a whole number, not "5k"/);
      const percentNotFraction = await run('sample', 'size', '--population', '5000', '--error', '5', '--lang', 'en');
      assert.equal(percentNotFraction.code, 2);
      assert.match(percentNotFraction.stderr, /margin of error e must be a fraction above 0 and below 1/);
      const method = await run('sample', 'size', '--population', '5000', '--method', 'slovin');
      assert.equal(method.code, 2);
      assert.match(method.stderr, /--method: yamane \| confidence/);
    });
  });

  describe('draw', () => {
    it('should write official.csv and reserve.csv of equal size, disjoint, with the frame’s columns', async () => {
      const outDir = join(workDir, 'draw-basic');
      const { code, stdout } = await run('sample', 'draw', '--frame', frameFile, '--size', '60', '--by', 'unit', '--seed', 'bd-2024', '--out-dir', outDir);
      assert.equal(code, 0);
      assert.match(stdout, /Hạt giống \(seed\): bd-2024 — chạy lại với --seed bd-2024/);
      assert.match(stdout, /Sở Tư pháp\s+300\s+42\s+42\s+0/);
      assert.match(stdout, /Cộng\s+426\s+60\s+60\s+0/);
      assert.match(stdout, /dữ liệu cá nhân/);
      const official = readFileSync(join(outDir, 'official.csv'), 'utf8');
      assert.ok(official.startsWith('\uFEFFThứ tự rút,Tầng mẫu,STT,Mã hồ sơ,Họ và tên,Đơn vị giải quyết,Lĩnh vực,Ngày trả kết quả\r\n'));
      const officialIds = listedIds(join(outDir, 'official.csv'));
      const reserveIds = listedIds(join(outDir, 'reserve.csv'));
      assert.equal(officialIds.length, 60);
      assert.equal(reserveIds.length, 60);
      assert.equal(new Set([...officialIds, ...reserveIds]).size, 120);
      const records = parseCsv(official).records.slice(1);
      assert.ok(records.every((record) => record.cells[1] === record.cells[5]), 'the stratum column is the row’s unit');
      assert.match(records.find((record) => record.cells[4]!.includes(','))?.cells[4] ?? '', /^Người \d+, tổ \d$/, 'a name with a comma survives');
    });

    it('should repeat the same lists from the printed seed, and draw others for another seed', async () => {
      const first = join(workDir, 'draw-first');
      const again = join(workDir, 'draw-again');
      const other = join(workDir, 'draw-other');
      const generated = await run('sample', 'draw', '--frame', frameFile, '--size', '25', '--out-dir', first, '--lang', 'en');
      const seed = /^Seed: (\S+)/m.exec(generated.stdout)?.[1];
      assert.match(seed ?? '', /^[2-9a-z]{10}$/, 'a seed is generated and printed when none is given');
      await run('sample', 'draw', '--frame', frameFile, '--size', '25', '--out-dir', again, '--seed', seed!, '--lang', 'en');
      await run('sample', 'draw', '--frame', frameFile, '--size', '25', '--out-dir', other, '--seed', `${seed}x`, '--lang', 'en');
      for (const name of ['official.csv', 'reserve.csv']) {
        assert.equal(readFileSync(join(again, name), 'utf8'), readFileSync(join(first, name), 'utf8'));
        assert.notEqual(readFileSync(join(other, name), 'utf8'), readFileSync(join(first, name), 'utf8'));
      }
    });

    it('should report a minimum, a small stratum and its missing reserves', async () => {
      const { code, stdout } = await run('sample', 'draw', '--frame', frameFile, '--size', '30', '--by', 'unit', '--allocation', 'equal', '--minimum', '8', '--seed', 's', '--lang', 'en');
      assert.equal(code, 0);
      assert.match(stdout, /UBND xã Tân Hiệp\s+6\s+6\s+0\s+6/);
      assert.match(stdout, /Note: Stratum "UBND xã Tân Hiệp" has only 6, fewer than the minimum of 8: all are taken\./);
      assert.match(stdout, /Note: Stratum "UBND xã Tân Hiệp" has 6: enough for 6 official but only 0 reserve \(6 short\)\./);
      assert.match(stdout, /No list written: add --out-dir/);
    });

    it('should draw only from the date window, both ends included', async () => {
      const outDir = join(workDir, 'draw-window');
      const { code, stdout } = await run('sample', 'draw', '--frame', frameFile, '--size', '400', '--from', '01/05/2024', '--to', '2024-05-31', '--seed', 'w', '--out-dir', outDir, '--json');
      assert.equal(code, 0);
      const summary = JSON.parse(stdout) as { frame: { rows: number; outsideWindow: number; drawnFrom: number }; allocation: { total: number }; notices: { code: string }[]; files: string[] };
      assert.equal(summary.frame.rows, 426);
      assert.equal(summary.frame.outsideWindow + summary.frame.drawnFrom, 426);
      assert.equal(summary.allocation.total, summary.frame.drawnFrom, 'a size larger than the window takes everyone in it');
      assert.ok(summary.notices.some((n) => n.code === 'total-capped'));
      assert.deepEqual(summary.files, [join(outDir, 'official.csv'), join(outDir, 'reserve.csv')]);
      const dates = parseFrameCsv(readFileSync(join(outDir, 'official.csv'), 'utf8')).rows.map((row) => row.receivedAt!);
      assert.equal(dates.length, summary.frame.drawnFrom);
      assert.ok(dates.every((date) => date >= '2024-05-01' && date <= '2024-05-31'));
      assert.ok(dates.includes('2024-05-01') && dates.includes('2024-05-28'));
    });

    it('should print the lists as JSON with --format json, and write JSON files with --out-dir', async () => {
      const printed = await run('sample', 'draw', '--frame', frameFile, '--size', '10', '--by', 'field', '--seed', 'j', '--format', 'json');
      assert.equal(printed.code, 0);
      const result = JSON.parse(printed.stdout) as { seed: string; by: string; official: { stratum: string; order: number; id: string; cells: Record<string, string> }[]; reserve: unknown[] };
      assert.equal(result.seed, 'j');
      assert.equal(result.by, 'field');
      assert.equal(result.official.length, 10);
      assert.equal(result.reserve.length, 10);
      assert.ok(result.official.every((row) => row.cells['Lĩnh vực'] === row.stratum && row.cells['Mã hồ sơ'] === row.id));
      const outDir = join(workDir, 'draw-json');
      const written = await run('sample', 'draw', '--frame', frameFile, '--size', '10', '--seed', 'j', '--format', 'json', '--out-dir', outDir);
      assert.equal(written.code, 0);
      assert.deepEqual(readdirSync(outDir).sort(), ['official.json', 'reserve.json']);
      assert.equal((JSON.parse(readFileSync(join(outDir, 'reserve.json'), 'utf8')) as unknown[]).length, 10);
    });

    it('should refuse a frame with unreadable rows, locating each, and write nothing (exit 1)', async () => {
      const outDir = join(workDir, 'draw-broken');
      const { code, stderr } = await run('sample', 'draw', '--frame', brokenFrame, '--size', '2', '--out-dir', outDir, '--lang', 'en');
      assert.equal(code, 1);
      assert.match(stderr, /broken\.csv: 2 rows could not be read/);
      assert.match(stderr, /broken\.csv:3: The row has 4 cells, more than the header's 3 columns/);
      assert.match(stderr, /broken\.csv:5: The id \(column "id"\) is empty/);
      assert.equal(existsSync(outDir), false);
    });

    it('should exit 2 for missing files, frames without an id, date or unit column, and wrong options', async () => {
      const missing = await run('sample', 'draw', '--frame', join(workDir, 'nowhere.csv'), '--size', '5');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nowhere\.csv: không tìm thấy tệp/);
      const noId = await run('sample', 'draw', '--frame', noIdFrame, '--size', '5', '--lang', 'en');
      assert.equal(noId.code, 2);
      assert.match(noId.stderr, /no-id\.csv:1: There is no id column/);
      const idOnly = join(workDir, 'id-only.csv');
      writeFileSync(idOnly, 'id\n1\n2\n');
      assert.match((await run('sample', 'draw', '--frame', idOnly, '--size', '1', '--by', 'unit', '--lang', 'en')).stderr, /has no unit column/);
      assert.match((await run('sample', 'draw', '--frame', idOnly, '--size', '1', '--from', '2024-01-01', '--lang', 'en')).stderr, /has no date of receipt column/);
      for (const argv of [
        ['--size', '5'],
        ['--frame', frameFile],
        ['--frame', frameFile, '--size', 'many'],
        ['--frame', frameFile, '--size', '5', '--by', 'province'],
        ['--frame', frameFile, '--size', '5', '--allocation', 'random'],
        ['--frame', frameFile, '--size', '5', '--format', 'xlsx'],
        ['--frame', frameFile, '--size', '5', '--from', '2024-02-30'],
        ['--frame', frameFile, '--size', '5', '--from', '2024-03-01', '--to', '2024-02-01'],
        ['--frame', frameFile, '--size', '0'],
      ]) {
        const { code, stderr } = await run('sample', 'draw', ...argv);
        assert.equal(code, 2, argv.join(' '));
        assert.ok(stderr.length > 0, argv.join(' '));
      }
    });
  });

  describe('verify', () => {
    it('should draw the share of every unit from a CSV of forms', async () => {
      const { code, stdout } = await run('sample', 'verify', '--forms', formsFile, '--share', '0.2', '--seed', 'pt');
      assert.equal(code, 0);
      assert.match(stdout, /Hạt giống \(seed\): pt/);
      assert.match(stdout, /^A: 40 phiếu → phúc tra 8: P-\d+(, P-\d+){7}$/m);
      assert.match(stdout, /^B: 10 phiếu → phúc tra 2: P-\d+, P-\d+$/m);
      assert.match(stdout, /Cộng: 10\/50 phiếu \(20,00 %\)/);
      const again = await run('sample', 'verify', '--forms', formsFile, '--share', '20%', '--seed', 'pt');
      assert.equal(again.stdout, stdout);
    });

    it('should read responses (JSONL), write verification.csv and print JSON', async () => {
      const outDir = join(workDir, 'verify');
      const { code, stdout } = await run('sample', 'verify', '--forms', responsesFile, '--share', '0.1', '--seed', 'pt', '--json', '--out-dir', outDir);
      assert.equal(code, 0);
      const result = JSON.parse(stdout) as { forms: number; selected: number; units: { unit: string; forms: number; selected: string[] }[] };
      assert.equal(result.forms, 30);
      assert.deepEqual(result.units.map((unit) => [unit.unit, unit.forms, unit.selected.length]), [
        ['A', 20, 2],
        ['B', 10, 1],
      ]);
      const written = parseCsv(readFileSync(join(outDir, 'verification.csv'), 'utf8')).records;
      assert.deepEqual(written[0]!.cells, ['Thứ tự rút', 'id', 'Đơn vị', 'Số phiếu']);
      assert.deepEqual(written.slice(1).map((record) => record.cells[1]), [...result.units[0]!.selected, ...result.units[1]!.selected]);
      assert.ok(written.slice(1).every((record) => record.cells[3] === `S-${record.cells[1]}`));
    });

    it('should exit 2 for unreadable responses and 1 for responses without an id', async () => {
      const broken = await run('sample', 'verify', '--forms', brokenResponses, '--share', '0.2', '--lang', 'en');
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /broken\.jsonl:2: not valid JSON/);
      const idless = await run('sample', 'verify', '--forms', idlessResponses, '--share', '0.2', '--lang', 'en');
      assert.equal(idless.code, 1);
      assert.match(idless.stderr, /idless\.jsonl:2: The response has no responseId/);
      const missing = await run('sample', 'verify', '--forms', join(workDir, 'nowhere.jsonl'), '--share', '0.2', '--lang', 'en');
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /nowhere\.jsonl: file not found/);
      const noShare = await run('sample', 'verify', '--forms', formsFile);
      assert.equal(noShare.code, 2);
      assert.match(noShare.stderr, /Thiếu --share/);
      const badShare = await run('sample', 'verify', '--forms', formsFile, '--share', '1.5', '--lang', 'en');
      assert.equal(badShare.code, 2);
      assert.match(badShare.stderr, /verification share must be above 0 and at most 1/);
    });
  });

  it('should explain its usage for a missing or unknown subcommand, and be listed in the help', async () => {
    for (const argv of [['sample'], ['sample', 'shuffle']]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2);
      assert.match(stderr, /Cách dùng: sipas sample <size\|draw\|verify>/);
    }
    const vi = await run('--help');
    assert.match(vi.stdout, /sample draw --frame khung\.csv --size N/);
    const en = await run('--help', '--lang', 'en');
    assert.match(en.stdout, /sample verify --forms forms\.csv\|responses\.jsonl --share 0\.2/);
  });
});
