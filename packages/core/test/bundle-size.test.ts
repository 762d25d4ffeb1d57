import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The form runtime (`<sipas-form>`) must fit 40 KB min+gzip together with Lit and its elements, so
 * the engine part it bundles is held to a budget here. Questionnaires of built-in types need neither
 * the schema-fragment interpreter of custom types nor the compiled JSON Schema behind it.
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Min+gzip bytes of `Form` + `coreTypes`: 16,049 when set (23,043 before custom types were split off), plus about 5%. */
const BUDGET = 16_800;
const MUST_STAY_OUT = ['generated/definition-validators', 'generated/questionnaire-validator', 'generated/response-validator', 'fragment-validator.ts', 'schema-errors.ts'];

async function bundle(entry: string): Promise<{ inputs: string[]; gzipped: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    absWorkingDir: ROOT,
    bundle: true,
    minify: true,
    format: 'iife',
    conditions: ['source'],
    tsconfig: 'tsconfig.base.json',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0]!;
  // The inputs of the output, not of the whole metafile: esbuild parses every module a package index
  // re-exports, and lists it there even when tree shaking keeps none of it.
  const [written] = Object.values(result.metafile.outputs);
  const inputs = Object.entries(written!.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0).map(([input]) => input);
  return { inputs, gzipped: gzipSync(output.contents, { level: 9 }).length };
}

const formAndTypes = "import { Form, coreTypes } from '@sipas/core';\n(globalThis as any).engine = [Form, coreTypes];\n";

describe('the engine part of the form runtime', () => {
  it('should leave the schema validators out of a bundle of Form and coreTypes', async () => {
    const { inputs } = await bundle(formAndTypes);
    assert.ok(inputs.some((input) => input.endsWith('packages/core/src/form/form.ts')), 'the bundle holds the engine');
    assert.deepEqual(inputs.filter((input) => MUST_STAY_OUT.some((heavy) => input.includes(heavy))), []);
  });

  it('should leave them out of everything else a form of built-in types uses', async () => {
    const { inputs } = await bundle(
      "import { Form, CoreTypeRegistry, coreTypes, createResponseId, createTypeRegistry, displayAnswer, valueLabel } from '@sipas/core';\n" +
        "import { localize, listQuestions, resolveScale, flattenHierarchy, asBuiltIn, noneValue, noOpinionValue, OTHER_VALUE, OTHER_SUFFIX, QuestionTypeError } from '@sipas/schema';\n" +
        '(globalThis as any).engine = [Form, CoreTypeRegistry, coreTypes, createResponseId, createTypeRegistry, displayAnswer, valueLabel, localize, listQuestions, resolveScale, flattenHierarchy, asBuiltIn, noneValue, noOpinionValue, OTHER_VALUE, OTHER_SUFFIX, QuestionTypeError];\n',
    );
    assert.deepEqual(inputs.filter((input) => MUST_STAY_OUT.some((heavy) => input.includes(heavy))), []);
  });

  it('should keep Form and coreTypes within the budget', async () => {
    const { gzipped } = await bundle(formAndTypes);
    assert.ok(gzipped <= BUDGET, `Form + coreTypes take ${gzipped} bytes min+gzip, over the budget of ${BUDGET}`);
  });

  it('should bring the fragment interpreter in only with defineQuestionType', async () => {
    const { inputs } = await bundle("import { Form, defineQuestionType } from '@sipas/core';\n(globalThis as any).engine = [Form, defineQuestionType];\n");
    assert.ok(inputs.some((input) => input.endsWith('packages/schema/src/fragment-validator.ts')));
  });
});
