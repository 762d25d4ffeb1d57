// Writes the tutorial's code (docs/extending.md) into .tmp/tutorial/wait-time/, so that the tests
// type-check it (tsconfig.test.json) and run its own tests (Node and Chromium) as a reader would:
// a tutorial whose code no longer compiles fails CI instead of its readers.
//
// A fenced `ts` block is a file when the line before it names the file: "`wait-time/<path>`:" or
// "`wait-time/<path>`, …". Other blocks (fragments shown in passing) are left out.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const TUTORIAL = join(root, 'docs', 'extending.md');
const OUT = join(root, '.tmp', 'tutorial', 'wait-time');
/** What the tutorial builds; a file missing here means the doc changed shape and the check would quietly shrink. */
const EXPECTED = ['definition.ts', 'element.ts', 'browser.ts', 'minutes-editor.ts', 'server.ts', 'test/wait-time.test.ts', 'test/browser/wait-time.test.ts'];

const FENCE = /^```\s*(\S*)\s*$/;

/** The files the tutorial shows: path → code. Throws, naming the line, on an unclosed block or a file shown twice. */
export function tutorialFiles(markdown) {
  const lines = markdown.split('\n');
  const files = new Map();
  let caption = '';
  for (let i = 0; i < lines.length; i++) {
    const opening = FENCE.exec(lines[i]);
    if (!opening) {
      if (lines[i].trim() !== '') caption = lines[i];
      continue;
    }
    const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line));
    if (end === -1) throw new Error(`docs/extending.md:${i + 1}: the code block is never closed`);
    const named = opening[1] === 'ts' ? /`wait-time\/([\w./-]+\.ts)`[:,]/.exec(caption) : null;
    if (named) {
      if (files.has(named[1])) throw new Error(`docs/extending.md:${i + 1}: wait-time/${named[1]} is shown twice`);
      files.set(named[1], `${lines.slice(i + 1, end).join('\n')}\n`);
    }
    i = end;
    caption = '';
  }
  return files;
}

const files = tutorialFiles(readFileSync(TUTORIAL, 'utf8'));
const missing = EXPECTED.filter((path) => !files.has(path));
if (missing.length) {
  console.error(`docs/extending.md: no code block captioned for ${missing.map((path) => `wait-time/${path}`).join(', ')}`);
  process.exit(1);
}
rmSync(OUT, { recursive: true, force: true });
for (const [path, code] of files) {
  mkdirSync(dirname(join(OUT, path)), { recursive: true });
  writeFileSync(join(OUT, path), code);
}
