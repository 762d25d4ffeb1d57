/**
 * What the benchmark does on a form, worked out once with the SIPAS engine so that every renderer
 * receives exactly the same clicks: answer the clickable questions of a page top to bottom, then
 * press Next. The answers are picked to open conditional questions (the logic has work to do).
 */
import { createForm, type Form } from '@sipas/core';
import { asBuiltIn, resolveScale, type Question, type Questionnaire } from '@sipas/schema';

/** Click option `item` of radio group `group` (a likert row; 0 otherwise) of a question. */
export interface AnswerStep {
  kind: 'answer';
  question: string;
  group: number;
  item: number;
  /** The value this click stores, written as the page's inputs hold it. */
  value: string;
}
/** Which questions of a page the engine shows at a moment: every renderer must show the same. */
export interface VisibilityCheck {
  page: string;
  questions: string[];
  visible: string[];
}
/** Press Next; `expect` is the first question of the page that must appear. */
export interface NextStep {
  kind: 'next';
  expect: string;
  /** The page being left, once its answers are given. */
  leaving: VisibilityCheck;
  /** The page arrived at. */
  arriving: VisibilityCheck;
}
export type Step = AnswerStep | NextStep;

export interface Scenario {
  /** The first question of the first page: its appearance is the first render. */
  first: string;
  /** The first page as it opens. */
  opening: VisibilityCheck;
  steps: Step[];
  /** The page the scenario ends on, once its answers are given. */
  closing: VisibilityCheck;
}

/** Answers per page beyond those Next requires, so a run stays a few seconds long. */
const OPTIONAL_ANSWERS_PER_PAGE = 12;

export function scenarioFor(questionnaire: Questionnaire, pagesToWalk: number): Scenario {
  const form = createForm(questionnaire);
  const first = firstQuestion(form);
  const opening = visibility(form);
  const steps: Step[] = [];
  for (let walked = 0; walked < Math.max(1, pagesToWalk); walked++) {
    let optional = 0;
    const page = form.currentPage!;
    const willLeave = walked < pagesToWalk;
    for (const question of page.sections.flatMap((s) => s.questions)) {
      if (!form.isVisible(question.name)) continue;
      // Required answers are given in full only where Next must let the person through.
      const mustAnswer = willLeave && form.isRequired(question.name);
      for (const { step, apply } of clicksFor(questionnaire, question)) {
        if (!mustAnswer && optional >= OPTIONAL_ANSWERS_PER_PAGE) break;
        if (!mustAnswer) optional++;
        steps.push(step);
        apply(form);
      }
    }
    if (walked >= pagesToWalk) break;
    const leaving = visibility(form);
    if (!form.next()) throw new Error(`scenario: the engine refuses to leave page ${page.name}: ${[...form.validate('page').keys()].join(', ')}`);
    steps.push({ kind: 'next', expect: firstQuestion(form), leaving, arriving: visibility(form) });
  }
  return { first, opening, steps, closing: visibility(form) };
}

function visibility(form: Form): VisibilityCheck {
  const page = form.currentPage!;
  const questions = page.sections.flatMap((section) => section.questions.map((question) => question.name));
  return { page: page.name, questions, visible: questions.filter((name) => form.isVisible(name)) };
}

function firstQuestion(form: Form): string {
  const name = form.visibleSections(form.currentPage!.name)[0]?.questions[0]?.name;
  if (!name) throw new Error('scenario: a page without a visible question');
  return name;
}

/** A click and the answer it sets in the engine. */
interface Click {
  step: AnswerStep;
  apply(form: Form): void;
}

/** Answers a person gives with one click each: ratings, single choices, yes/no and likert rows. */
function clicksFor(questionnaire: Questionnaire, question: Question): Click[] {
  const builtIn = asBuiltIn(question);
  const name = question.name;
  const click = (group: number, item: number, value: unknown, apply: Click['apply']): Click => ({
    step: { kind: 'answer', question: name, group, item, value: String(value) },
    apply,
  });
  switch (builtIn?.type) {
    case 'rating': {
      const level = resolveScale(questionnaire, builtIn.scale)!.levels[1]!.value; // "dissatisfied": "<= 3" conditions open
      return [click(0, 1, level, (form) => form.setValue(name, level))];
    }
    case 'single': {
      const value = builtIn.choices[0]!.value;
      return [click(0, 0, value, (form) => form.setValue(name, value))];
    }
    case 'boolean':
      return [click(0, 0, true, (form) => form.setValue(name, true))];
    case 'likert': {
      const level = resolveScale(questionnaire, builtIn.scale)!.levels[3]!.value;
      return builtIn.rows.map((row, index) =>
        click(index, 3, level, (form) => form.setValue(name, { ...(form.getValue(name) as object | undefined), [String(row.value)]: level })),
      );
    }
    default:
      return [];
  }
}
