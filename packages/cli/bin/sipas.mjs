#!/usr/bin/env node
// The sipas command. Runs the built package (npm install builds it through the root "prepare" script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sipas: the CLI is not built yet; run `npm run build` at the repository root.\n');
  process.exit(2);
}
// A reader that stops early (`sipas index … | head`) closes the pipe: not a failure of the command.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { runCli, consoleOutput } = await import(entry.href);
process.exitCode = await runCli(process.argv.slice(2), consoleOutput);
