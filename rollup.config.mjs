// Builds every package's ESM library from its src/index.ts; `tsc -b` writes the .d.ts files beside them.
// Each package keeps its dependencies as imports; the generated validators are bundled in.
// The form package also gets its drop-in: one classic script with everything inside, held to its size budget;
// the report package a browser bundle for the dashboard page, the designer one for the designer page.
// Each example question type (examples/custom-question-type) gets a module for servers and a page script.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const PACKAGES = ['schema', 'core', 'form', 'templates', 'surveyjs', 'index', 'server', 'report', 'designer', 'cli'];
/** Entry points besides src/index.ts: the worker thread of `sipas index` is loaded by file name. */
const EXTRA_ENTRIES = { cli: ['index-worker'] };
/** The drop-in's budget, JS and CSS together (the CSS lives inside the JS), min+gzip. */
export const DROP_IN_BUDGET_BYTES = 40_000;
/**
 * The browsers the drop-in supports (see packages/form/README.md): the code uses structuredClone,
 * Object.hasOwn and constructable style sheets, so older targets would only add bytes.
 */
const BROWSER_TARGET = ['chrome105', 'safari16.4', 'firefox121', 'edge105'];

const library = (name) => {
  const dir = `packages/${name}`;
  const manifest = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const dependencies = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
  return {
    input: Object.fromEntries(['index', ...(EXTRA_ENTRIES[name] ?? [])].map((entry) => [entry, `${dir}/src/${entry}.ts`])),
    external: (id) => dependencies.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith('node:'),
    output: { dir: `${dir}/dist`, format: 'es', sourcemap: true },
    plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: true })],
  };
};

/** Prints a page script's min+gzip size and fails the build when it is over `budget`. */
const sizeBudget = (budget = DROP_IN_BUDGET_BYTES) => ({
  name: 'size-budget',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const bytes = gzipSync(chunk.code).length; // zlib's default level, as size tools report it
      console.log(`${chunk.fileName}: ${chunk.code.length} bytes minified, ${bytes} bytes min+gzip (budget ${budget})`);
      if (bytes > budget) this.error(`${chunk.fileName} is ${bytes} bytes min+gzip, over its ${budget}-byte budget`);
    }
  },
});

/** Staff modes load on demand (src/modes/add-ons.ts): in the drop-in their imports point at files beside it. */
const ADD_ONS = ['entry', 'print'];
const addOnsBesideBundle = () => ({
  name: 'add-ons-beside-bundle',
  resolveId(source, importer) {
    if (!importer?.endsWith('add-ons.ts')) return null;
    if (source === './kiosk/kiosk-session.js') return { id: './sipas-form-kiosk.js', external: true };
    const name = ADD_ONS.find((addOn) => source === `./${addOn}/index.js`);
    return name ? { id: `./sipas-form-${name}.js`, external: true } : null;
  },
});

const dropInPlugins = () => [
  // Workspace packages from source; Lit's production build (no "development" condition).
  nodeResolve({ extensions: ['.ts', '.js'], exportConditions: ['source', 'browser', 'production'] }),
  esbuild({ target: BROWSER_TARGET, tsconfig: 'tsconfig.base.json', sourceMap: true }),
  minifyTemplates(),
  // terser packs a few percent tighter than esbuild's minifier, which matters under a budget.
  terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
];

/** Each add-on: one ES module with what it needs inside, loaded by the drop-in with import(). */
const addOnBundles = [...ADD_ONS.map((name) => [name, `${name}/index.ts`]), ['kiosk', 'kiosk/kiosk-session.ts']].map(([name, entry]) => ({
  input: `packages/form/src/modes/${entry}`,
  output: { file: `packages/form/dist/sipas-form-${name}.js`, format: 'es', sourcemap: true },
  plugins: dropInPlugins(),
}));

const dropIn = {
  input: 'packages/form/src/bundle.ts',
  output: { file: 'packages/form/dist/sipas-form.bundle.js', format: 'iife', sourcemap: true },
  plugins: [addOnsBesideBundle(), ...dropInPlugins(), sizeBudget()],
};

/** The dashboard element for staff pages (`/dashboard` of `npm start`): one ES module, chart.js inside. */
const reportBundle = {
  input: 'packages/report/src/index.ts',
  output: { file: 'packages/report/dist/sipas-report.bundle.js', format: 'es', sourcemap: true },
  plugins: dropInPlugins(),
};

/**
 * The designer for staff pages (`/designer/` of `npm start`, examples/designer): one ES module with
 * Lit and the form inside; its preview's staff modes load the form's add-ons served beside it.
 */
const designerBundle = {
  input: 'packages/designer/src/index.ts',
  output: { file: 'packages/designer/dist/sipas-designer.bundle.js', format: 'es', sourcemap: true },
  plugins: [addOnsBesideBundle(), ...dropInPlugins()],
};

/**
 * The example question types. Each one gives two files in examples/custom-question-type/dist/:
 * `<name>.type.js`, its DOM-free definition as an ES module for servers (`sipas --types`, `npm
 * start`), which imports @sipas packages like the libraries do; and `sipas-<name>.js`, the classic
 * script a page loads beside the drop-in, with its own copies of Lit and @sipas inside (it
 * registers into the page-shared registries, so the drop-in's form and the designer find it).
 */
const EXAMPLE_TYPES_DIR = 'examples/custom-question-type';
const EXAMPLE_TYPES = ['faces', 'admin-unit'];
/**
 * Each example's page script, min+gzip. Most of one is shared ground: Lit, the question element
 * base, the engine's type registry and the schema-fragment checks every custom type needs (18,272
 * bytes for a type with an empty element). Measured: sipas-faces.js about 18,900 bytes,
 * sipas-admin-unit.js about 24,600 (its search and its designer list editor). The budget leaves a
 * fifth of headroom over the larger one, and keeps an extension well below the drop-in (40,000).
 */
export const EXAMPLE_TYPE_BUDGET_BYTES = 30_000;

/**
 * An extension uses two things of @sipas/form: defineQuestionType and the element base class. The
 * package's entry also defines <sipas-form>, which is the drop-in's to define; marking the entry
 * free of side effects leaves the form and its modes out of the extension's script.
 */
const formEntryWithoutElements = () => ({
  name: 'form-entry-without-elements',
  async resolveId(source, importer, options) {
    if (source !== '@sipas/form') return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved && { ...resolved, moduleSideEffects: false };
  },
});

const exampleTypeBundles = EXAMPLE_TYPES.flatMap((name) => [
  {
    input: `${EXAMPLE_TYPES_DIR}/${name}/type.ts`,
    external: (id) => id.startsWith('@sipas/') || id.startsWith('node:'),
    output: { file: `${EXAMPLE_TYPES_DIR}/dist/${name}.type.js`, format: 'es', sourcemap: true },
    plugins: [nodeResolve({ extensions: ['.ts', '.js'] }), esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', sourceMap: true })],
  },
  {
    input: `${EXAMPLE_TYPES_DIR}/${name}/index.ts`,
    output: { file: `${EXAMPLE_TYPES_DIR}/dist/sipas-${name}.js`, format: 'iife', sourcemap: true },
    plugins: [formEntryWithoutElements(), ...dropInPlugins(), sizeBudget(EXAMPLE_TYPE_BUDGET_BYTES)],
  },
]);

export default [...PACKAGES.map(library), dropIn, ...addOnBundles, reportBundle, designerBundle, ...exampleTypeBundles];
