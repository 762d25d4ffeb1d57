/** Where a command writes; the real console in the bin, a buffer in tests. */
export interface CommandOutput {
  log(line: string): void;
  error(line: string): void;
}

/** Exit codes of every command: 0 all good, 1 something invalid, 2 unusable input or usage. */
export const EXIT = { ok: 0, invalid: 1, unreadable: 2 } as const;

export const consoleOutput: CommandOutput = {
  log: (line) => process.stdout.write(`${line}\n`),
  error: (line) => process.stderr.write(`${line}\n`),
};
