/**
 * `sipas simulate`: writes simulated, valid responses to a questionnaire as JSONL, for trying the
 * index, the server or the dashboard before real data exists. Streams with back-pressure, so
 * millions of lines need little memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { seededRandom, simulateResponses } from '@sipas/core';
import { validateQuestionnaire, type MessageLanguage, type Questionnaire } from '@sipas/schema';
import { EXIT, type CommandOutput } from './output.js';
import { readDocuments } from './read-documents.js';

export interface SimulateCommandOptions {
  questionnaireFile: string;
  count: number;
  seed: number;
  from?: string;
  to?: string;
  /** A file to write; standard output when absent. */
  out?: string;
  lang: MessageLanguage;
}

export async function simulateCommand(options: SimulateCommandOptions, output: CommandOutput, stdout: Writable = process.stdout): Promise<number> {
  const say = (vi: string, en: string) => (options.lang === 'vi' ? vi : en);
  const [read] = await readDocuments(options.questionnaireFile);
  if (!read?.ok) {
    output.error(`${options.questionnaireFile}: ${read ? read.problem[options.lang] : ''}`);
    return EXIT.unreadable;
  }
  if (!validateQuestionnaire(read.document).valid) {
    output.error(say(`${options.questionnaireFile}: bảng hỏi không hợp lệ`, `${options.questionnaireFile}: the questionnaire is invalid`));
    return EXIT.unreadable;
  }
  const target = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : stdout;
  const window = { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  let chunk = '';
  for (const response of simulateResponses(read.document as Questionnaire, options.count, { random: seededRandom(options.seed), ...window })) {
    chunk += `${JSON.stringify(response)}\n`;
    if (chunk.length > 1 << 16) {
      if (!target.write(chunk)) await once(target, 'drain');
      chunk = '';
    }
  }
  if (chunk) target.write(chunk);
  if (options.out) {
    target.end();
    await once(target, 'finish');
    output.error(say(`Đã ghi ${options.count} phiếu vào ${options.out} (seed ${options.seed})`, `Wrote ${options.count} responses to ${options.out} (seed ${options.seed})`));
  }
  return EXIT.ok;
}
