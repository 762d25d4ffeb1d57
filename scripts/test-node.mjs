// Runs the DOM-free tests under Node's test runner, from TypeScript sources (tsx) with the
// "source" export condition. Browser tests (test/browser/) belong to web-test-runner instead.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function findTests(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'browser' || entry === 'node_modules' ? [] : findTests(path);
    return entry.endsWith('.test.ts') ? [path] : [];
  });
}

/** The example question types keep their tests beside them (examples/custom-question-type/<name>/test). */
const EXAMPLE_TYPES = join('examples', 'custom-question-type');
const exampleTestDirs = readdirSync(EXAMPLE_TYPES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'dist')
  .map((entry) => join(EXAMPLE_TYPES, entry.name, 'test'));

/** The tutorial's own tests, on the code docs/extending.md shows (written there by scripts/tutorial-code.mjs). */
const TUTORIAL_TESTS = join('.tmp', 'tutorial', 'wait-time', 'test');

const files = [...readdirSync('packages').map((name) => join('packages', name, 'test')), join('bench', 'test'), ...exampleTestDirs, TUTORIAL_TESTS].flatMap((testDir) => {
  try {
    return findTests(testDir);
  } catch {
    return [];
  }
});
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((part) => f.includes(part))) : files;
const result = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--test', ...selected], { stdio: 'inherit' });
process.exit(result.status ?? 1);
