import { runCli, type CommandOutput } from '@sipas/cli';

/** Runs the command line in-process and collects what it prints and its exit code. */
export async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const output: CommandOutput = { log: (line) => stdout.push(line), error: (line) => stderr.push(line) };
  const code = await runCli(argv, output);
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}
