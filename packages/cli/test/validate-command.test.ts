import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { run } from './helpers/run.js';

const repositoryRoot = new URL('../../../', import.meta.url).pathname;
const templatesDir = join(repositoryRoot, 'packages/templates/questionnaires');
const template = (name: string) => join(templatesDir, name);


describe('sipas validate', () => {
  let workDir = '';
  let broken = '';
  let notJson = '';
  let responses = '';
  let duplicatePath = '';
  let duplicateName = '';

  before(() => {
    workDir = mkdtempSync(join(tmpdir(), 'sipas-cli-'));
    const questionnaire = JSON.parse(readFileSync(template('counter-3.json'), 'utf8'));
    const questions = questionnaire.pages[0].sections[0].questions;
    duplicatePath = `/pages/0/sections/0/questions/${questions.length}/name`;
    duplicateName = questions[0].name;
    questions.push({ type: 'comment', name: duplicateName, title: 'Bản sao' });
    broken = join(workDir, 'broken.json');
    writeFileSync(broken, JSON.stringify(questionnaire));
    notJson = join(workDir, 'not-json.json');
    writeFileSync(notJson, '{"formatVersion": "1.0",');
    const response = (overall: unknown) =>
      JSON.stringify({
        formatVersion: '1.0',
        responseId: '6f1d8a3e-2b7c-4e59-8a10-3c5d7e9f1a2b',
        questionnaire: { id: 'counter-3', version: 1 },
        channel: 'kiosk',
        submittedAt: '2024-05-17T08:00:00Z',
        locale: 'vi',
        answers: { overall },
      });
    responses = join(workDir, 'responses.jsonl');
    writeFileSync(responses, `${response(3)}\n\n${response(7)}\n{oops\n`);
  });

  after(() => rmSync(workDir, { recursive: true, force: true }));

  it('should accept every template and exit 0', async () => {
    const files = ['counter-3.json', 'kiosk-quick.json', 'sipas-1001.json', 'sipas-2640.json'].map(template);
    const { code, stdout } = await run('validate', ...files);
    assert.equal(code, 0);
    assert.match(stdout, /4\/4 tài liệu hợp lệ/);
  });

  it('should print each error with its pointer, code and Vietnamese message by default, and exit 1', async () => {
    const { code, stdout } = await run('validate', broken);
    assert.equal(code, 1);
    assert.match(stdout, /✗ .*broken\.json: 1 lỗi/);
    assert.ok(stdout.includes(`${duplicatePath}  [duplicate-name]  Tên "${duplicateName}" đã dùng tại /pages/0/sections/0/questions/0`), stdout);
  });

  it('should speak English with --lang en', async () => {
    const { stdout } = await run('validate', '--lang', 'en', broken);
    assert.match(stdout, /1 error\b/);
    assert.ok(stdout.includes(`The name "${duplicateName}" is already used at`), stdout);
  });

  it('should print machine-readable results with --json', async () => {
    const { code, stdout } = await run('validate', '--json', broken, template('kiosk-quick.json'));
    assert.equal(code, 1);
    const results = JSON.parse(stdout) as { source: string; valid: boolean; errors: { path: string; code: string; message: { vi: string; en: string } }[] }[];
    assert.deepEqual(results.map((r) => r.valid), [false, true]);
    assert.equal(results[0]!.errors[0]!.code, 'duplicate-name');
    assert.ok(results[0]!.errors[0]!.message.en.length > 0);
  });

  it('should exit 2 with a clear message for missing files and files that are not JSON', async () => {
    const missing = await run('validate', join(workDir, 'nowhere.json'), template('kiosk-quick.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /nowhere\.json: không đọc được: không tìm thấy tệp/);
    const garbled = await run('validate', '--lang', 'en', notJson);
    assert.equal(garbled.code, 2);
    assert.match(garbled.stdout, /not-json\.json: unreadable: not valid JSON/);
  });

  it('should check responses line by line against a questionnaire', async () => {
    const { code, stdout } = await run('validate', '--lang', 'en', '--questionnaire', template('counter-3.json'), responses);
    assert.equal(code, 2, 'an unreadable line makes the input unusable');
    assert.match(stdout, /✓ .*responses\.jsonl:1: valid/);
    assert.match(stdout, /✗ .*responses\.jsonl:3: 1 error\n {2}\/answers\/overall {2}\[out-of-scale\]/);
    assert.match(stdout, /✗ .*responses\.jsonl:4: unreadable/);
  });

  it('should refuse to check responses against an invalid questionnaire', async () => {
    const { code, stderr } = await run('validate', '--questionnaire', broken, responses);
    assert.equal(code, 2);
    assert.match(stderr, /bảng hỏi không hợp lệ/);
  });

  it('should explain its usage for unknown commands, options and a missing file list', async () => {
    for (const argv of [['frobnicate'], ['validate'], ['validate', '--colour'], ['validate', '--lang', 'fr', 'x.json'], []]) {
      const { code, stderr } = await run(...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /sipas <(lệnh|command)>/, argv.join(' '));
    }
    const help = await run('--help', '--lang', 'en');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: sipas <command>/);
  });

  it('should work as the installed bin, with the process exit code', async () => {
    const bin = join(repositoryRoot, 'packages/cli/bin/sipas.mjs');
    const execute = promisify(execFile);
    const ok = await execute(process.execPath, [bin, 'validate', template('sipas-2640.json')]);
    assert.match(ok.stdout, /sipas-2640\.json: hợp lệ/);
    await assert.rejects(execute(process.execPath, [bin, 'validate', broken]), (error: { code: number; stdout: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stdout, /duplicate-name/);
      return true;
    });
  });

  it('should stop quietly when its reader closes the pipe early, as `| head` does', async () => {
    const bin = join(repositoryRoot, 'packages/cli/bin/sipas.mjs');
    // One line per file checked: many writes after the reader has gone.
    const child = spawn(process.execPath, [bin, 'validate', ...Array.from({ length: 200 }, () => template('sipas-2640.json'))], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});
