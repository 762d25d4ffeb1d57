/**
 * The keys a clerk presses to type one paper form into the data-entry sheet, worked out from what
 * is on the paper: the sheet's own items and codes, walked the way the sheet walks them (answers
 * reveal and hide items as they are typed). Tests type these keys and check the response; the
 * benchmark counts them. DOM-free; not part of the sheet's bundle.
 *
 * Counting: `presses` are the keys a clerk presses to move and pick (digits, 0, *, Enter…);
 * `typed` are the characters copied from the paper (the serial number, written answers), which
 * depend on the respondent's handwriting, not on the sheet. `items` are the answers transcribed:
 * one per question and likert row shown and per "other" text, except that a multiple-choice
 * question counts one per box ticked (at least one), since each tick is an answer on paper;
 * `questions` counts it once, for the stricter measure.
 */
import { Form } from '@sipas/core';
import type { Answer, AnswerValue, Questionnaire } from '@sipas/schema';
import { answerInput, entrySteps, multipleComplete, resolveCode, stepAfter, toggled, type EntryOption, type EntryStep } from './entry-steps.js';

export type KeyStroke = { press: string } | { type: string };

/** What is on one paper form: its serial, the answers read from it and the items ticked more than once. */
export interface PaperForm {
  serial: string;
  answers: Record<string, Answer>;
  /** Items with several boxes ticked (`name` or `name.row`); every other item without an answer is blank. */
  spoiled?: readonly string[];
}

export interface KeyPlan {
  keys: KeyStroke[];
  /** The answers transcribed: each likert row, question and "other" text shown, each box ticked in a multiple choice. */
  items: number;
  /** The items shown, a multiple-choice question counted once. */
  questions: number;
  presses: number;
  typed: number;
}

function paperValue(paper: PaperForm, step: EntryStep): Answer | undefined {
  const value = paper.answers[step.key];
  if (step.row === undefined) return value;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, Answer>)[step.row] : undefined;
}

function optionFor(step: EntryStep, value: unknown): EntryOption {
  const option = step.options.find((candidate) => candidate.value === value) ?? step.options.find((candidate) => String(candidate.value) === String(value));
  if (!option) throw new Error(`Item ${step.id} offers no option ${JSON.stringify(value)}`);
  return option;
}

export function planKeys(questionnaire: Questionnaire, paper: PaperForm): KeyPlan {
  const form = new Form(questionnaire, { channel: 'paper' });
  const spoiled = new Set(paper.spoiled ?? []);
  const keys: KeyStroke[] = [{ type: paper.serial }, { press: 'Enter' }];
  /** A code's digits, and Enter when a longer code starts with it. */
  const pressCode = (step: EntryStep, code: string) => {
    for (const digit of code) keys.push({ press: digit });
    if (resolveCode(step.options, code).kind === 'pending') keys.push({ press: 'Enter' });
  };
  const set = (step: EntryStep, value: Answer | undefined) => {
    const { key, value: input } = answerInput(form, step, value);
    form.setValue(key, input);
  };
  let items = 0;
  let questions = 0;
  let order = -1;
  /** Whether the last item ended with Enter, which on the last item saves the form. */
  let endedWithEnter = false;
  for (let step = stepAfter(entrySteps(form), order); step; step = stepAfter(entrySteps(form), order)) {
    questions++;
    items += step.kind === 'multiple' && Array.isArray(paperValue(paper, step)) && !spoiled.has(step.id) ? (paperValue(paper, step) as AnswerValue[]).length : 1;
    order = step.order;
    endedWithEnter = false;
    const value = paperValue(paper, step);
    const typedItem = step.kind === 'text' || step.kind === 'comment' || step.kind === 'other';
    if (spoiled.has(step.id)) {
      keys.push({ press: '*' });
    } else if (value === undefined) {
      keys.push({ press: typedItem ? 'Enter' : '0' });
      endedWithEnter = typedItem;
    } else if (typedItem) {
      keys.push({ type: String(value) }, { press: 'Enter' });
      set(step, value);
      endedWithEnter = true;
    } else if (step.kind === 'multiple') {
      let answer: Answer | undefined;
      for (const item of value as AnswerValue[]) {
        pressCode(step, optionFor(step, item).code);
        answer = toggled(answer, optionFor(step, item).value as AnswerValue);
      }
      set(step, answer);
      if (!multipleComplete(step, answer)) {
        keys.push({ press: 'Enter' });
        endedWithEnter = true;
      }
    } else {
      const option = optionFor(step, value);
      pressCode(step, option.code);
      set(step, option.value as Answer);
    }
  }
  // A code or marker on the last item moves to "Save the form"; Enter there saves.
  if (!endedWithEnter) keys.push({ press: 'Enter' });
  const presses = keys.filter((key) => 'press' in key).length;
  const typed = keys.reduce((sum, key) => sum + ('type' in key ? [...key.type].length : 0), 0);
  return { keys, items, questions, presses, typed };
}
