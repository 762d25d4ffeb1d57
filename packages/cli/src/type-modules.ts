/**
 * `--types <module>`: custom question types for the commands that read questionnaires and answers
 * (serve, validate, index, simulate). A module is an ES module whose default export is a type
 * definition or a list of them (named exports that look like definitions count too): the same
 * object a page gives `defineQuestionType`, minus the element, which a server never draws. Types
 * are defined in the process's shared registries, where validation, response checks, indices and
 * exports look them up.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineQuestionType, type QuestionTypeDefinition } from '@sipas/core';
import { message, QuestionTypeError, type LocalizedMessage } from '@sipas/schema';

const looksLikeDefinition = (value: unknown): value is QuestionTypeDefinition =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && typeof (value as { schema?: unknown }).schema === 'object';

/** The definitions a module exports: its default (one or a list), then named ones. */
function definitionsOf(exports: Record<string, unknown>): QuestionTypeDefinition[] {
  const found = [exports.default, ...Object.entries(exports).filter(([name]) => name !== 'default').map(([, value]) => value)].flatMap((value) =>
    Array.isArray(value) ? value.filter(looksLikeDefinition) : looksLikeDefinition(value) ? [value] : [],
  );
  return found.filter((definition, i) => found.indexOf(definition) === i);
}

/** The modules' URLs, from paths relative to the working folder (or file: URLs). */
export const typeModuleUrls = (paths: readonly string[]): string[] => paths.map((path) => (path.startsWith('file:') ? path : pathToFileURL(resolve(path)).href));

const loaded = new WeakSet<QuestionTypeDefinition>();
const loadedUrls: string[] = [];

/** The modules this process loaded, for worker threads to load as well (their registries are their own). */
export const loadedTypeModules = (): readonly string[] => loadedUrls;

/**
 * Imports each module and defines its types; the names defined, or the first problem, located by
 * module. A definition this process defined already (the same module given to two commands of
 * one run, as tests do) is not defined again.
 */
export async function loadTypeModules(urls: readonly string[]): Promise<{ types: string[] } | { problem: LocalizedMessage }> {
  const types: string[] = [];
  for (const url of urls) {
    let exports: Record<string, unknown>;
    try {
      exports = (await import(url)) as Record<string, unknown>;
    } catch (error) {
      return { problem: message(`${url}: không nạp được mô-đun loại câu hỏi (${(error as Error).message})`, `${url}: the question type module could not be loaded (${(error as Error).message})`) };
    }
    const definitions = definitionsOf(exports);
    if (definitions.length === 0) {
      return { problem: message(`${url}: mô-đun không xuất định nghĩa loại câu hỏi nào ({ type, schema, … })`, `${url}: the module exports no question type definition ({ type, schema, … })`) };
    }
    for (const definition of definitions) {
      if (loaded.has(definition)) continue;
      try {
        const { element: _drawnOnPagesOnly, ...semantics } = definition;
        defineQuestionType(semantics);
        loaded.add(definition);
        types.push(definition.type);
      } catch (error) {
        const text = error instanceof QuestionTypeError ? error.localized : message((error as Error).message, (error as Error).message);
        return { problem: message(`${url}: ${text.vi}`, `${url}: ${text.en}`) };
      }
    }
    if (!loadedUrls.includes(url)) loadedUrls.push(url);
  }
  return { types };
}
