// Builds every package's ESM library from its src/index.ts; `tsc -b` writes the .d.ts files beside them.
// Each package keeps its dependencies as imports; the generated validators are bundled in.
import { readFileSync } from 'node:fs';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const PACKAGES = ['schema', 'core', 'templates', 'surveyjs', 'index', 'cli'];
/** Entry points besides src/index.ts: the worker thread of `sipas index` is loaded by file name. */
const EXTRA_ENTRIES = { cli: ['index-worker'] };

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

export default PACKAGES.map(library);
