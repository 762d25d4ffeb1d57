import { checkResponse } from '@sipas/core';
import { validateQuestionnaire, type MessageLanguage, type Questionnaire, type ValidationError } from '@sipas/schema';
import { readDocuments, type ReadDocument } from './read-documents.js';
import type { CommandOutput } from './output.js';
import { EXIT } from './output.js';

export interface ValidateCommandOptions {
  files: string[];
  lang: MessageLanguage;
  json: boolean;
  /** When given, the files hold responses to this questionnaire instead of questionnaires. */
  questionnaireFile?: string;
}

interface Outcome {
  source: string;
  valid: boolean;
  errors: ValidationError[];
  unreadable?: string;
}

const WORDS = {
  vi: { valid: 'hợp lệ', errors: (n: number) => `${n} lỗi`, unreadable: 'không đọc được', summary: (ok: number, all: number) => `${ok}/${all} tài liệu hợp lệ` },
  en: { valid: 'valid', errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`, unreadable: 'unreadable', summary: (ok: number, all: number) => `${ok}/${all} documents valid` },
} as const;

/** `sipas validate`: checks questionnaires (or responses to one questionnaire) and reports located errors. */
export async function validateCommand(options: ValidateCommandOptions, output: CommandOutput): Promise<number> {
  const words = WORDS[options.lang];
  let validateDocument: (document: unknown) => { valid: boolean; errors: ValidationError[] } = (document) => validateQuestionnaire(document);
  if (options.questionnaireFile) {
    const [read] = await readDocuments(options.questionnaireFile);
    const questionnaire = read?.ok ? read.document : undefined;
    const checked = read?.ok ? validateQuestionnaire(questionnaire) : undefined;
    if (!read?.ok || !checked?.valid) {
      const reason = read && !read.ok ? read.problem[options.lang] : options.lang === 'vi' ? 'bảng hỏi không hợp lệ' : 'the questionnaire is invalid';
      output.error(`${options.questionnaireFile}: ${reason}`);
      return EXIT.unreadable;
    }
    // The collector's own check: the format, then each answer by its type's semantics and the logic.
    validateDocument = (document) => checkResponse(questionnaire as Questionnaire, document);
  }

  const outcomes: Outcome[] = [];
  for (const file of options.files) {
    for (const read of await readDocuments(file)) outcomes.push(check(read, validateDocument, options.lang));
  }

  if (options.json) {
    output.log(JSON.stringify(outcomes, null, 2));
  } else {
    for (const outcome of outcomes) {
      if (outcome.unreadable) {
        output.log(`✗ ${outcome.source}: ${words.unreadable}: ${outcome.unreadable}`);
      } else if (outcome.valid) {
        output.log(`✓ ${outcome.source}: ${words.valid}`);
      } else {
        output.log(`✗ ${outcome.source}: ${words.errors(outcome.errors.length)}`);
        for (const error of outcome.errors) output.log(`  ${error.path || '/'}  [${error.code}]  ${error.message[options.lang]}`);
      }
    }
    if (outcomes.length > 1) output.log(words.summary(outcomes.filter((o) => o.valid).length, outcomes.length));
  }
  if (outcomes.some((o) => o.unreadable)) return EXIT.unreadable;
  return outcomes.every((o) => o.valid) ? EXIT.ok : EXIT.invalid;
}

function check(read: ReadDocument, validateDocument: (document: unknown) => { valid: boolean; errors: ValidationError[] }, lang: MessageLanguage): Outcome {
  if (!read.ok) return { source: read.source, valid: false, errors: [], unreadable: read.problem[lang] };
  const result = validateDocument(read.document);
  return { source: read.source, valid: result.valid, errors: result.errors };
}
