/**
 * The corpus of invalid questionnaires (fixtures/questionnaires/invalid): each file is the compact
 * base questionnaire (fixtures/questionnaires/valid/compact-all-types.json) with exactly one
 * mistake, and expected.json says which error a correct validator reports for it and where.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { validateQuestionnaire, type ValidationError, type ValidationResult } from '@sipas/schema';

interface ExpectedError {
  /** The error code a correct validator reports for the mistake. */
  code: string;
  /** JSON pointer of the value at fault. */
  path: string;
  /** One sentence describing the mistake. */
  mistake: string;
  /** True when the mistake must yield this error and no other. */
  only?: boolean;
}

const MINIMUM_CASE_COUNT = 45;
const MINIMUM_TRANSLATED_SHARE = 0.9;
const EXPECTATIONS_FILE = 'expected.json';

const invalidFolder = new URL('../../../fixtures/questionnaires/invalid/', import.meta.url);
const compactBaseFile = new URL('../../../fixtures/questionnaires/valid/compact-all-types.json', import.meta.url);

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** RFC 6901: empty, or `/` tokens in which `~` only appears as `~0` or `~1`. */
const isJsonPointer = (path: string): boolean => /^(\/([^~/]|~[01])*)*$/.test(path);

const expectations = readJson(new URL(EXPECTATIONS_FILE, invalidFolder)) as Record<string, ExpectedError>;
const caseFiles = readdirSync(invalidFolder)
  .filter((name) => name.endsWith('.json') && name !== EXPECTATIONS_FILE)
  .sort();

/** Validates every case once; the per-case tests and the corpus-wide checks share the results. */
const resultsByFile = new Map<string, ValidationResult>(
  caseFiles.map((file) => [file, validateQuestionnaire(readJson(new URL(file, invalidFolder)))]),
);
const allErrors: { file: string; error: ValidationError }[] = [...resultsByFile].flatMap(([file, result]) =>
  result.errors.map((error) => ({ file, error })),
);

const describeErrors = (errors: readonly ValidationError[]): string =>
  errors.length === 0 ? '(no errors)' : errors.map((e) => `${e.code} at "${e.path}": ${e.message.en}`).join('; ');

describe('invalid questionnaire corpus', () => {
  it(`should hold at least ${MINIMUM_CASE_COUNT} cases`, () => {
    assert.ok(caseFiles.length >= MINIMUM_CASE_COUNT, `only ${caseFiles.length} case files`);
  });

  it('should list every case file in expected.json and only existing files', () => {
    const listed = Object.keys(expectations).sort();
    assert.deepEqual(
      caseFiles.filter((file) => !Object.hasOwn(expectations, file)),
      [],
      'case files missing from expected.json',
    );
    assert.deepEqual(
      listed.filter((file) => !caseFiles.includes(file)),
      [],
      'expected.json entries without a case file',
    );
  });

  it('should name case files NN-short-slug.json with distinct numbers', () => {
    const numbers = caseFiles.map((file) => {
      const match = /^(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/.exec(file);
      assert.ok(match, `badly named case file ${file}`);
      return match[1];
    });
    assert.equal(new Set(numbers).size, numbers.length, 'two case files share a number');
  });

  it('should give every expectation a code, a JSON pointer and a distinct one-sentence mistake', () => {
    const mistakes = new Set<string>();
    for (const [file, expected] of Object.entries(expectations)) {
      assert.ok(isRecord(expected), `${file}: the expectation is not an object`);
      assert.match(expected.code, /^[a-z]+(?:-[a-z]+)*$/, `${file}: code`);
      assert.ok(isJsonPointer(expected.path), `${file}: path ${JSON.stringify(expected.path)} is not a JSON pointer`);
      assert.ok(typeof expected.mistake === 'string' && expected.mistake.trim().length > 0, `${file}: mistake`);
      assert.ok(expected.only === undefined || typeof expected.only === 'boolean', `${file}: only`);
      assert.ok(!mistakes.has(expected.mistake), `${file}: the mistake repeats another case's`);
      mistakes.add(expected.mistake);
    }
  });

  it('should accept the compact base questionnaire with zero errors', () => {
    const result = validateQuestionnaire(readJson(compactBaseFile));
    assert.deepEqual(result.errors, [], describeErrors(result.errors));
    assert.equal(result.valid, true);
  });

  describe('each case', () => {
    for (const file of caseFiles) {
      const expected = expectations[file];
      const mistake = expected?.mistake ?? '(not listed in expected.json)';
      it(`should reject ${file}: ${mistake}`, () => {
        assert.ok(expected, `${file} is not listed in expected.json`);
        const result = resultsByFile.get(file);
        assert.ok(result, `${file} was not validated`);
        assert.equal(result.valid, false, `${file} validated without errors`);
        const found = result.errors.some((error) => error.code === expected.code && error.path === expected.path);
        assert.ok(found, `expected ${expected.code} at "${expected.path}", got: ${describeErrors(result.errors)}`);
        if (expected.only) {
          assert.equal(result.errors.length, 1, `expected exactly one error, got: ${describeErrors(result.errors)}`);
        }
      });
    }
  });

  it('should give every error of every case non-empty vi and en messages', () => {
    const untranslated = allErrors.filter(({ error }) => !error.message.vi.trim() || !error.message.en.trim());
    assert.deepEqual(
      untranslated.map(({ file, error }) => `${file}: ${error.code} at "${error.path}"`),
      [],
    );
  });

  it('should locate every error of every case with a syntactically valid JSON pointer', () => {
    const badPaths = allErrors.filter(({ error }) => !isJsonPointer(error.path));
    assert.deepEqual(
      badPaths.map(({ file, error }) => `${file}: ${error.code} at ${JSON.stringify(error.path)}`),
      [],
    );
  });

  it(`should translate at least ${MINIMUM_TRANSLATED_SHARE * 100}% of the messages (vi differs from en)`, () => {
    assert.ok(allErrors.length > 0, 'the corpus produced no errors at all');
    const translated = allErrors.filter(({ error }) => error.message.vi !== error.message.en).length;
    const share = translated / allErrors.length;
    assert.ok(
      share >= MINIMUM_TRANSLATED_SHARE,
      `only ${translated} of ${allErrors.length} messages differ between vi and en`,
    );
  });
});
