export { runCli } from './cli.js';
export { consoleOutput, EXIT, type CommandOutput } from './output.js';
