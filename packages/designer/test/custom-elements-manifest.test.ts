/**
 * The Custom Elements Manifest (custom-elements-manifest.config.mjs, `npm run manifest`) covers
 * every element the form, report and designer packages and the example question types
 * (examples/custom-question-type) define, each with its class JSDoc's description: the Storybook docs pages read their tables and text from it. The analyzer runs here
 * in memory with the project's config, so the test needs no generated file and writes none.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCE_DIRS = ['packages/form/src', 'packages/report/src', 'packages/designer/src', 'examples/custom-question-type'];
/** Folders of no source: generated modules, and the examples' tests, built scripts and stories. */
const NOT_SOURCES = new Set(['generated', 'test', 'dist', 'stories']);

/** The few parts of a manifest element this test reads. */
interface ManifestElement {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
}
interface Manifest {
  modules: { path: string; declarations?: ManifestElement[] }[];
}
type AnalyzerCli = (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<Manifest>;

/** A definition found in the sources: the tag, the class and where. */
interface Definition {
  tag: string;
  className: string;
  file: string;
}

/**
 * The ways our sources define an element: `defineElement('sipas-x', SipasX)` (each package's
 * define.ts), `customElements.define('sipas-x', SipasX)`, the built-in question elements' table
 * (`text: ['sipas-question-text', SipasQuestionText]`, registered in a loop), and a custom question
 * type's element, `defineQuestionType({ ..., element: { tag: 'sipas-x', class: SipasX } })`.
 */
const DEFINITION_PATTERNS = [
  /\bdefineElement\(\s*'([a-z][a-z0-9]*-[a-z0-9-]*)'\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g,
  /\bcustomElements\.define\(\s*'([a-z][a-z0-9]*-[a-z0-9-]*)'\s*,\s*([A-Za-z_$][\w$]*)\s*\)/g,
  /\[\s*'(sipas-question-[a-z0-9-]+)'\s*,\s*(Sipas[A-Za-z0-9]+)\s*\]/g,
  /\belement:\s*\{\s*tag:\s*'([a-z][a-z0-9]*-[a-z0-9-]*)'\s*,\s*class:\s*([A-Za-z_$][\w$]*)\s*\}/g,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return NOT_SOURCES.has(entry.name) ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function definitionsInSources(): Definition[] {
  return SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))).flatMap((path) => {
    const source = readFileSync(path, 'utf8');
    return DEFINITION_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map(([, tag, className]) => ({ tag: tag!, className: className!, file: relative(ROOT, path) })));
  });
}

describe('custom-elements.json', () => {
  let elements: Map<string, ManifestElement>;
  const definitions = definitionsInSources();

  before(async () => {
    // A path in a variable: the analyzer ships no types for its CLI module.
    const cliModule = '@custom-elements-manifest/analyzer/cli.js';
    const { cli } = (await import(cliModule)) as { cli: AnalyzerCli };
    const manifest = await cli({ argv: ['analyze', '--quiet'], cwd: ROOT, noWrite: true });
    const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
    elements = new Map(declarations.filter((declaration) => declaration.customElement && declaration.tagName).map((element) => [element.tagName!, element]));
  });

  it('should find the definitions of the three packages and the examples in their sources', () => {
    const tags = definitions.map((definition) => definition.tag);
    const expected = ['sipas-form', 'sipas-question-likert', 'sipas-entry-sheet', 'sipas-print-sheet', 'sipas-report', 'sipas-designer', 'sipas-expression-editor'];
    for (const tag of [...expected, 'sipas-faces', 'sipas-admin-unit', 'sipas-admin-unit-list-editor']) {
      assert.ok(tags.includes(tag), `no definition of <${tag}> found: have the sources changed how they define elements?`);
    }
  });

  it('should describe every defined element under its tag, with its class and a description', () => {
    const problems = definitions.flatMap(({ tag, className, file }) => {
      const element = elements.get(tag);
      if (!element) return [`<${tag}> (${className}, defined in ${file}) is not in the manifest`];
      if (element.name !== className) return [`<${tag}> is ${element.name} in the manifest, but ${file} defines it with ${className}`];
      if (!element.description?.trim()) return [`<${tag}> has no description: its class ${className} needs a JSDoc comment with text before the tags`];
      return [];
    });
    assert.deepEqual(problems, []);
  });

  it('should list no element the sources do not define', () => {
    const defined = new Set(definitions.map((definition) => definition.tag));
    const stale = [...elements.keys()].filter((tag) => !defined.has(tag));
    assert.deepEqual(stale, [], 'a @tagname in a class JSDoc names a tag nothing defines');
  });
});
