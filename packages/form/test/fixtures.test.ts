// Every questionnaire in the shared fixtures' valid/ folder is valid: tests, stories and examples
// rely on them, so a broken fixture would make their failures mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { validateQuestionnaire } from '@sipas/schema';

const folder = new URL('../../../fixtures/questionnaires/valid/', import.meta.url);

for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
  test(`fixture ${file} is a valid questionnaire`, () => {
    const result = validateQuestionnaire(JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
    assert.deepEqual(result.errors, []);
  });
}
