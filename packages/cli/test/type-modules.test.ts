/**
 * `--types <module>`: a module of custom question types makes questionnaires and responses using
 * them valid for the command; without it they are refused; a broken module is reported, located.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './helpers/run.js';

const MODULE = `export default {
  type: 'waiting-time',
  schema: {
    properties: { type: 'object', properties: { unit: { enum: ['minutes', 'hours'] } } },
    answer: { type: 'integer', minimum: 0 },
  },
  validate: (value) => (value > 600 ? [{ code: 'too-long', message: { vi: 'Quá 600 phút', en: 'Over 600 minutes' } }] : []),
};
`;

const questionnaire = {
  formatVersion: '1.0',
  id: 'waiting',
  title: 'Thời gian chờ',
  pages: [{ name: 'p1', sections: [{ name: 's1', questions: [{ type: 'waiting-time', name: 'wait', title: 'Ông/Bà chờ bao lâu?', unit: 'minutes' }] }] }],
};

const response = (wait: number) =>
  JSON.stringify({ formatVersion: '1.0', responseId: crypto.randomUUID(), questionnaire: { id: 'waiting', version: 1 }, channel: 'online', locale: 'vi', submittedAt: '2026-11-24T08:00:00Z', answers: { wait } });

describe('sipas --types', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sipas-types-'));
    writeFileSync(join(dir, 'waiting-time.mjs'), MODULE);
    writeFileSync(join(dir, 'nothing.mjs'), 'export const answer = 42;\n');
    writeFileSync(join(dir, 'bad-fragment.mjs'), "export default { type: 'odd', schema: { properties: { type: 'object', oneOf: [] } } };\n");
    writeFileSync(join(dir, 'q.json'), JSON.stringify(questionnaire));
    writeFileSync(join(dir, 'responses.jsonl'), `${response(15)}\n${response(-5)}\n${response(900)}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // Each `run` shares this process's registries, so the refusal without the module comes first.
  it('should refuse a questionnaire of an unknown type without the module, then accept it and check answers with it', async () => {
    const without = await run('validate', join(dir, 'q.json'), '--lang', 'en');
    assert.equal(without.code, 1);
    assert.match(without.stdout + without.stderr, /unknown-type/);
    const valid = await run('--types', join(dir, 'waiting-time.mjs'), 'validate', join(dir, 'q.json'), '--lang', 'en');
    assert.equal(valid.code, 0, valid.stderr);
    const answers = await run('--types', join(dir, 'waiting-time.mjs'), 'validate', '--questionnaire', join(dir, 'q.json'), join(dir, 'responses.jsonl'), '--lang', 'en', '--json');
    assert.equal(answers.code, 1);
    const outcomes = JSON.parse(answers.stdout) as { valid: boolean; errors: { path: string; code: string }[] }[];
    assert.deepEqual(
      outcomes.map((outcome) => outcome.errors.map((error) => `${error.path} ${error.code}`)),
      [[], ['/answers/wait out-of-range'], ['/answers/wait too-long']],
      'the answer fragment and then the type\'s own rule, as the server checks them',
    );
  });

  it('should report a module that cannot be loaded, exports no type, or has a bad fragment, by its path', async () => {
    for (const [file, english] of [
      ['missing.mjs', /could not be loaded/],
      ['nothing.mjs', /exports no question type definition/],
      ['bad-fragment.mjs', /schema fragment of type "odd" is invalid/],
    ] as const) {
      const result = await run('--types', join(dir, file), 'validate', join(dir, 'q.json'), '--lang', 'en');
      assert.equal(result.code, 2, file);
      assert.match(result.stderr, new RegExp(`${file}: `), file);
      assert.match(result.stderr, english, file);
    }
  });
});
