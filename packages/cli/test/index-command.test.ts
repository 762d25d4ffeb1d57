import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom, simulateResponses } from '@sipas/core';
import { computeIndex } from '@sipas/index';
import { sipas2640 } from '@sipas/templates';
import { run } from './helpers/run.js';

const questionnaireFile = new URL('../../templates/questionnaires/sipas-2640.json', import.meta.url).pathname;


describe('sipas simulate and sipas index', () => {
  let dir = '';
  let responses = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sipas-index-'));
    responses = join(dir, 'responses.jsonl');
    const simulated = await run('simulate', '--questionnaire', questionnaireFile, '--count', '300', '--seed', '5', '--out', responses);
    assert.equal(simulated.code, 0, simulated.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('should write the requested number of valid, reproducible responses', async () => {
    const lines = readFileSync(responses, 'utf8').trim().split('\n');
    assert.equal(lines.length, 300);
    const again = join(dir, 'again.jsonl');
    await run('simulate', '--questionnaire', questionnaireFile, '--count', '300', '--seed', '5', '--out', again);
    assert.equal(readFileSync(again, 'utf8'), readFileSync(responses, 'utf8'));
    const check = await run('validate', '--questionnaire', questionnaireFile, responses);
    assert.equal(check.code, 0, check.stdout.split('\n').find((l) => l.startsWith('✗')));
  });

  it('should print the same figures as the library, with n_valid, for every node', async () => {
    const { code, stdout } = await run('index', '--questionnaire', questionnaireFile, '--responses', responses, '--format', 'json');
    assert.equal(code, 0);
    const printed = JSON.parse(stdout) as { counts: { lines: number; valid: number; invalid: number; included: number }; report: { overall: { root: unknown } } };
    assert.deepEqual(printed.counts, { lines: 300, valid: 300, invalid: 0, included: 300 });
    const expected = computeIndex(sipas2640, simulateResponses(sipas2640, 300, { random: seededRandom(5) }));
    assert.deepEqual(printed.report.overall.root, JSON.parse(JSON.stringify(expected.overall.root)));
  });

  it('should count and locate invalid lines instead of including them', async () => {
    const mixed = join(dir, 'mixed.jsonl');
    const lines = readFileSync(responses, 'utf8').trim().split('\n').slice(0, 5);
    const broken = JSON.parse(lines[1]!);
    broken.answers.A_criteria = { A1: 9 };
    writeFileSync(mixed, [lines[0], JSON.stringify(broken), '{not json', '', lines[2]].join('\n'));
    const { code, stdout } = await run('index', '--lang', 'en', '--questionnaire', questionnaireFile, '--responses', mixed);
    assert.equal(code, 1);
    assert.match(stdout, /Read 5 lines: 2 valid responses, 2 invalid; 2 counted\./);
    assert.match(stdout, /line 2: \/answers\/A_criteria\/A1 \[out-of-scale\]/);
    assert.match(stdout, /line 3: \/ \[not-json\]/);
  });

  it('should break down by unit and period, in CSV with two decimals', async () => {
    const { code, stdout } = await run('index', '--questionnaire', questionnaireFile, '--responses', responses, '--by', 'unit', '--by', 'quarter', '--format', 'csv');
    assert.equal(code, 0);
    const [header, ...rows] = stdout.split(/\r?\n/);
    assert.equal(header, 'unit,quarter,responses,node,depth,label,method,index,n_valid,satisfied');
    assert.ok(rows.some((row) => row.startsWith(',,300,SIPAS,0,')), 'the overall row');
    assert.ok(rows.every((row) => /,(\d+\.\d{2})?,\d+,\d+$/.test(row)), 'index with two decimals, counts in full');
  });

  it('should refuse unknown dimensions, bad dates and missing files with exit 2', async () => {
    assert.equal((await run('index', '--questionnaire', questionnaireFile, '--responses', responses, '--by', 'colour')).code, 2);
    assert.equal((await run('index', '--questionnaire', questionnaireFile, '--responses', responses, '--from', '17/05/2024')).code, 2);
    assert.equal((await run('index', '--questionnaire', questionnaireFile, '--responses', join(dir, 'none.jsonl'))).code, 2);
    assert.equal((await run('index', '--responses', responses)).code, 2);
  });
});

describe('sipas index --trusted', () => {
  it('should skip the per-response checks but still refuse lines that are not JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-trusted-'));
    try {
      const file = join(dir, 'export.jsonl');
      const [first] = [...simulateResponses(sipas2640, 1, { random: seededRandom(9) })];
      const outOfScale = structuredClone(first!);
      (outOfScale.answers.A_criteria as Record<string, number>).A1 = 9;
      writeFileSync(file, `${JSON.stringify(first)}\n${JSON.stringify(outOfScale)}\nnot json\n`);
      const checked = await run('index', '--questionnaire', questionnaireFile, '--responses', file, '--format', 'json');
      const trusted = await run('index', '--questionnaire', questionnaireFile, '--responses', file, '--format', 'json', '--trusted');
      assert.deepEqual((JSON.parse(checked.stdout) as { counts: unknown }).counts, { lines: 3, valid: 1, invalid: 2, included: 1 });
      assert.deepEqual((JSON.parse(trusted.stdout) as { counts: unknown }).counts, { lines: 3, valid: 2, invalid: 1, included: 2 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sipas index --threads', () => {
  it('should give exactly the single-thread result, invalid lines and their numbers included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-threads-'));
    try {
      const file = join(dir, 'many.jsonl');
      const lines = [...simulateResponses(sipas2640, 5000, { random: seededRandom(11) })].map((r) => JSON.stringify(r));
      lines[2500] = '{broken';
      lines[4000] = '';
      writeFileSync(file, lines.join('\n'));
      const args = ['index', '--questionnaire', questionnaireFile, '--responses', file, '--by', 'unit', '--by', 'quarter', '--format', 'json'];
      const single = await run(...args, '--threads', '1');
      const parallel = await run(...args, '--threads', '3');
      assert.equal(single.code, 1);
      assert.equal(parallel.code, 1);
      assert.deepEqual(JSON.parse(parallel.stdout), JSON.parse(single.stdout));
      const { counts, invalid } = JSON.parse(single.stdout) as { counts: unknown; invalid: { line: number }[] };
      assert.deepEqual(counts, { lines: 5000, valid: 4998, invalid: 1, included: 4998 });
      assert.deepEqual(invalid.map((entry) => entry.line), [2501]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sipas index on awkward input', () => {
  it('should report options the engine refuses as such, not as unreadable files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-options-'));
    try {
      const file = join(dir, 'ok.jsonl');
      writeFileSync(file, [...simulateResponses(sipas2640, 3, { random: seededRandom(2) })].map((r) => JSON.stringify(r)).join('\n'));
      const result = await run('index', '--lang', 'en', '--questionnaire', questionnaireFile, '--responses', file, '--by', 'unit:galaxy');
      assert.equal(result.code, 2);
      assert.doesNotMatch(result.stderr, /cannot read the file/);
      assert.match(result.stderr, /\[unknown-dimension\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should count lines that are JSON but not responses as invalid, even when trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sipas-null-'));
    try {
      const file = join(dir, 'odd.jsonl');
      const [good] = [...simulateResponses(sipas2640, 1, { random: seededRandom(4) })];
      writeFileSync(file, `null\n${JSON.stringify(good)}\n{}\n[1]\n`);
      for (const trusted of [[], ['--trusted']]) {
        const { code, stdout } = await run('index', '--questionnaire', questionnaireFile, '--responses', file, '--format', 'json', ...trusted);
        assert.equal(code, 1);
        const printed = JSON.parse(stdout) as { counts: unknown; invalid: { line: number; errors: { code: string }[] }[] };
        assert.deepEqual(printed.counts, { lines: 4, valid: 1, invalid: 3, included: 1 });
        if (trusted.length) assert.deepEqual(printed.invalid.map((i) => [i.line, i.errors[0]!.code]), [[1, 'not-a-response'], [3, 'not-a-response'], [4, 'not-a-response']]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
