// Prints the failed tests of a test log again, at its end, where a CI log's reader looks first:
// Node's TAP output names a failure where it happened, hundreds of lines before the summary.
// Usage: node scripts/test-failures.mjs <log file>. Prints nothing when no test failed.
import { readFileSync } from 'node:fs';

const MAX_DETAIL_LINES = 40;

/** Each failed test (not the suites that only failed through it): its path and its TAP details. */
export function failedTests(log) {
  const lines = log.split('\n');
  const failures = [];
  const names = []; // names[depth] = the subtest being reported at that depth
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const subtest = /^( *)# Subtest: (.*)$/.exec(line);
    if (subtest) {
      const depth = subtest[1].length / 4;
      names.length = depth;
      names[depth] = subtest[2];
      continue;
    }
    const failed = /^( *)not ok \d+ - (.*)$/.exec(line);
    if (!failed) continue;
    const indent = failed[1];
    const depth = indent.length / 4;
    const details = [];
    if (lines[i + 1] === `${indent}  ---`) {
      for (let j = i + 2; j < lines.length && lines[j] !== `${indent}  ...`; j++) details.push(lines[j].slice(indent.length + 2));
    }
    if (details.some((detail) => /^failureType: '?subtestsFailed'?$/.test(detail))) continue;
    failures.push({ path: [...names.slice(0, depth), failed[2]].filter(Boolean), details });
  }
  return failures;
}

/** The diagnostics that let a randomised test be replayed (its seed). */
export function seedLines(log) {
  const seedLine = (line) => /^\s*#/.test(line) && /\bseed:? \d+/i.test(line);
  return [...new Set(log.split('\n').filter(seedLine).map((line) => line.trim()))];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const log = readFileSync(process.argv[2], 'utf8');
  const failures = failedTests(log);
  if (failures.length) {
    console.log(`\n::: ${failures.length} failed test${failures.length === 1 ? '' : 's'}, again:`);
    for (const { path, details } of failures) {
      console.log(`\nnot ok: ${path.join(' › ')}`);
      for (const detail of details.slice(0, MAX_DETAIL_LINES)) console.log(`  ${detail}`);
      if (details.length > MAX_DETAIL_LINES) console.log(`  … ${details.length - MAX_DETAIL_LINES} more lines`);
    }
    const seeds = seedLines(log);
    if (seeds.length) console.log(`\nseeds of this run:\n${seeds.map((line) => `  ${line}`).join('\n')}`);
  }
}
