// Prints the failed tests of a test log again, at its end, where a CI log's reader looks first:
// Node's TAP output names a failure where it happened, hundreds of lines before the summary.
// Usage: node scripts/test-failures.mjs <log file>. Prints nothing when no test failed.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const MAX_DETAIL_LINES = 40;

/** Failures that only echo another one: a suite failing through its tests, tests cancelled with their suite. */
const ECHOES = /^failureType: '?(subtestsFailed|cancelledByParent)'?$/;

/**
 * Each failed test: its path of suite names and its TAP details. A file that failed to load reports
 * only "test failed" with its exit code; what it printed (the `#` lines before it) is the cause.
 */
export function failedTests(log) {
  const lines = log.split('\n');
  const failures = [];
  const names = []; // names[depth] = the subtest being reported at that depth
  let lastResult = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const subtest = /^( *)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      const depth = subtest[1].length / 4;
      names.length = depth;
      names[depth] = subtest[2];
      continue;
    }
    const result = /^( *)(not )?ok \d+ - (.*)$/.exec(line);
    if (!result) continue;
    const previousResult = lastResult;
    lastResult = i;
    const [, indent, not, name] = result;
    if (!not || / # TODO\b/.test(name)) continue;
    const details = [];
    if (lines[i + 1] === `${indent}  ---`) {
      for (let j = i + 2; j < lines.length && lines[j] !== `${indent}  ...`; j++) details.push(lines[j].slice(indent.length + 2));
    }
    if (details.some((detail) => ECHOES.test(detail))) continue;
    if (details.some((detail) => detail.startsWith('exitCode:'))) {
      details.push('printed:', ...lines.slice(previousResult + 1, i).filter((printed) => /^\s*# /.test(printed) && !/# Subtest:/.test(printed)).map((printed) => `  ${printed.trim().slice(2)}`));
    }
    failures.push({ path: [...names.slice(0, indent.length / 4), name], details });
  }
  return failures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const failures = failedTests(readFileSync(process.argv[2], 'utf8'));
  if (failures.length) {
    console.log(`\n::: ${failures.length} failed test${failures.length === 1 ? '' : 's'}, again:`);
    for (const { path, details } of failures) {
      console.log(`\nnot ok: ${path.join(' › ')}`);
      for (const detail of details.slice(0, MAX_DETAIL_LINES)) console.log(`  ${detail}`);
      if (details.length > MAX_DETAIL_LINES) console.log(`  … ${details.length - MAX_DETAIL_LINES} more lines`);
    }
  }
}
