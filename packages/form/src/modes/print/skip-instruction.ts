/**
 * Paper cannot hide a question, so a `visibleIf` becomes an instruction printed under it:
 * `{feedback_given} = true` reads "Chỉ trả lời nếu câu 23 là “Có”". Conditions on one question's
 * answer (compared, listed, tested for blank) and and/or chains of them read as sentences; anything
 * else (functions, arithmetic, response variables, mixed and/or) gets a generic instruction that
 * names the questions it depends on. DOM-free.
 *
 * For a single-valued question (one choice, rating, yes/no, a likert row) the instruction is found
 * by evaluating the condition with the engine for every possible answer, so it means exactly what
 * the screen does; only the wording is ours.
 */
import { displayAnswer, evaluateCondition, valueLabel } from '@sipas/core';
import {
  answerValues,
  asBuiltIn,
  hasOtherOption,
  localize,
  noOpinionValue,
  OTHER_VALUE,
  parseExpression,
  questionIndex,
  type AnswerValue,
  type ExpressionNode,
  type Question,
  type Questionnaire,
  type VariableNode,
} from '@sipas/schema';
import { printWord, quoted, type PaperLanguage } from './print-words.js';

export interface SkipContext {
  questionnaire: Questionnaire;
  language: PaperLanguage;
  /** How the paper refers to an answerable question ("12", "Q8"); undefined for unknown names. */
  labelOf(name: string): string | undefined;
}

/** What a condition is attached to: it decides the sentence's lead. */
export type SkipTarget = 'question' | 'part' | 'choice';

/** Row texts quoted in an instruction are cut at about this many characters. */
const QUOTED_ROW_LENGTH = 60;

/** The instruction for a `visibleIf`, without parentheses: "Chỉ trả lời nếu câu 23 là “Có”". */
export function skipInstruction(expression: string, target: SkipTarget, context: SkipContext): string {
  const condition = describeCondition(expression, context);
  const lead = target === 'question' ? 'onlyIfQuestion' : target === 'part' ? 'onlyIfPart' : 'onlyIfChoice';
  return printWord(lead, context.language, condition);
}

/** The condition as the words after "Chỉ trả lời nếu"/"Answer only if". */
export function describeCondition(expression: string, context: SkipContext): string {
  const parsed = parseExpression(expression);
  if (!parsed.ok) return printWord('applies', context.language);
  return describeNode(parsed.ast, context) ?? genericCondition(parsed.references, context);
}

/** "phù hợp với trường hợp của Ông/Bà (xem câu 3, 5)". */
function genericCondition(references: VariableNode[], context: SkipContext): string {
  const labels = [...new Set(references.map((reference) => context.labelOf(reference.name)).filter((label) => label !== undefined))];
  if (labels.length === 0) return printWord('applies', context.language);
  return printWord('appliesSee', context.language, printWord(labels.length === 1 ? 'question' : 'questions', context.language, labels.join(', ')));
}

/** One comparison, said about one question (and row). */
interface Clause {
  question: string;
  row?: string;
  /** "là “Có”" with a placeholder {0} for the subject. */
  say(subject: string): string;
}

function describeNode(node: ExpressionNode, context: SkipContext): string | undefined {
  if (node.kind === 'binary' && (node.operator === 'and' || node.operator === 'or')) {
    const operator = node.operator;
    const operands: ExpressionNode[] = [];
    const collect = (part: ExpressionNode): void => {
      if (part.kind === 'binary' && part.operator === operator) {
        collect(part.left);
        collect(part.right);
      } else operands.push(part);
    };
    collect(node);
    const clauses = operands.map((operand) => describeClause(operand, context));
    if (clauses.some((clause) => clause === undefined)) return undefined;
    return joinClauses(clauses as Clause[], operator, context);
  }
  const clause = describeClause(node, context);
  return clause && joinClauses([clause], 'and', context);
}

/** Clauses in a row about rows of the same likert question name the question once. */
function joinClauses(clauses: Clause[], operator: 'and' | 'or', context: SkipContext): string {
  const { language } = context;
  let previousQuestion: string | undefined;
  const sentences = clauses.map((clause) => {
    const label = context.labelOf(clause.question) ?? clause.question;
    let subject: string;
    if (clause.row === undefined) subject = printWord('question', language, label);
    else {
      const row = quoted(shorten(clause.row));
      subject = previousQuestion === clause.question ? printWord('row', language, row) : printWord('inQuestionRow', language, label, row);
    }
    previousQuestion = clause.row === undefined ? undefined : clause.question;
    return clause.say(subject);
  });
  return sentences.join(printWord(operator, language));
}

function shorten(text: string): string {
  if (text.length <= QUOTED_ROW_LENGTH) return text;
  const cut = text.slice(0, QUOTED_ROW_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${space > QUOTED_ROW_LENGTH / 2 ? cut.slice(0, space) : cut}…`;
}

/** The references in a tree, in order. */
function referencesIn(node: ExpressionNode, found: VariableNode[] = []): VariableNode[] {
  switch (node.kind) {
    case 'variable':
      found.push(node);
      break;
    case 'unary':
      referencesIn(node.operand, found);
      break;
    case 'binary':
      referencesIn(node.left, found);
      referencesIn(node.right, found);
      break;
    case 'array':
      node.items.forEach((item) => referencesIn(item, found));
      break;
    case 'call':
      node.args.forEach((arg) => referencesIn(arg, found));
      break;
    default:
      break;
  }
  return found;
}

function literalValues(node: ExpressionNode): (string | number | boolean)[] | undefined {
  if (node.kind === 'literal') return node.value === null ? undefined : [node.value];
  if (node.kind !== 'array') return undefined;
  const values = node.items.map((item) => (item.kind === 'literal' && item.value !== null ? item.value : undefined));
  return values.every((value) => value !== undefined) ? (values as (string | number | boolean)[]) : undefined;
}

function describeClause(node: ExpressionNode, context: SkipContext): Clause | undefined {
  const references = referencesIn(node);
  const reference = references[0];
  // One question, read once (or the same question and row read again, as in `{a} >= 2 and {a} <= 4`).
  if (!reference || reference.other || references.some((other) => other.path !== reference.path || other.row !== reference.row)) return undefined;
  const located = questionIndex(context.questionnaire).get(reference.name);
  if (!located || context.labelOf(reference.name) === undefined) return undefined;
  const question = located.question;
  const { language } = context;

  // Blank or not: any question.
  if (node.kind === 'unary' && (node.operator === 'empty' || node.operator === 'notempty') && node.operand.kind === 'variable') {
    const rowText = rowTextOf(question, reference.row, context);
    if (reference.row !== undefined && rowText === undefined) return undefined;
    const key = node.operator === 'empty' ? 'isBlank' : 'isAnswered';
    return { question: question.name, row: rowText, say: (subject) => printWord(key, language, subject) };
  }

  const builtIn = asBuiltIn(question);
  if (builtIn?.type === 'multiple' && reference.row === undefined) return describeMultiple(node, question, context);

  const domain = singleValuedDomain(question, reference.row, context);
  if (!domain) return undefined;
  const rowText = rowTextOf(question, reference.row, context);
  const valuesFor = (value: AnswerValue | boolean | undefined): Record<string, unknown> => {
    if (value === undefined) return {};
    return { [question.name]: reference.row === undefined ? value : { [reference.row]: value } };
  };
  let matched: { value: AnswerValue | boolean; label: string }[];
  let blankMatches: boolean;
  try {
    matched = domain.filter((option) => evaluateCondition(node, valuesFor(option.value)));
    blankMatches = evaluateCondition(node, valuesFor(undefined));
  } catch {
    return undefined;
  }
  if (matched.length === 0) return undefined;
  if (matched.length === domain.length) {
    // True whatever the answer: not an instruction anyone can follow on paper.
    if (blankMatches) return undefined;
    return { question: question.name, row: rowText, say: (subject) => printWord('isAnswered', language, subject) };
  }
  const unmatched = domain.filter((option) => !matched.includes(option));
  const list = (options: { label: string }[]) => options.map((option) => quoted(option.label)).join(printWord('or', language));
  // Whichever is shorter to read: the answers that qualify, or the ones that do not.
  const say =
    unmatched.length < matched.length
      ? (subject: string) => printWord('isNot', language, subject, list(unmatched))
      : (subject: string) => printWord('is', language, subject, list(matched));
  return { question: question.name, row: rowText, say };
}

/** contains, notcontains, anyof, allof against listed values of a multiple-choice question. */
function describeMultiple(node: ExpressionNode, question: Question, context: SkipContext): Clause | undefined {
  if (node.kind !== 'binary' || node.left.kind !== 'variable') return undefined;
  const values = literalValues(node.right);
  if (!values || values.length === 0) return undefined;
  const labels = values.map((value) => quoted(valueLabel(context.questionnaire, question, typeof value === 'boolean' ? String(value) : value, context.language)));
  const { language } = context;
  switch (node.operator) {
    case 'contains':
    case 'anyof':
      return { question: question.name, say: (subject) => printWord('includes', language, subject, labels.join(printWord('or', language))) };
    case 'allof':
      return { question: question.name, say: (subject) => printWord(labels.length > 1 ? 'includesAll' : 'includes', language, subject, labels.join(', ')) };
    case 'notcontains':
      return { question: question.name, say: (subject) => printWord('excludes', language, subject, labels.join(printWord('or', language))) };
    default:
      return undefined;
  }
}

/** The text of a likert row, or undefined when the question has no such row. */
function rowTextOf(question: Question, row: string | undefined, context: SkipContext): string | undefined {
  if (row === undefined) return undefined;
  const builtIn = asBuiltIn(question);
  const found = builtIn?.type === 'likert' ? builtIn.rows.find((candidate) => candidate.value === row) : undefined;
  return found && localize(found.text, context.language);
}

/** Every answer a single-valued question (or one likert row) can take, with its label. */
function singleValuedDomain(question: Question, row: string | undefined, context: SkipContext): { value: AnswerValue | boolean; label: string }[] | undefined {
  const { questionnaire, language } = context;
  const builtIn = asBuiltIn(question);
  if (!builtIn) return undefined;
  const label = (value: AnswerValue) => valueLabel(questionnaire, question, value, language);
  switch (builtIn.type) {
    case 'boolean':
      return [true, false].map((value) => ({ value, label: displayAnswer(questionnaire, question, value, language) }));
    case 'single':
    case 'dropdown':
    case 'rating': {
      if (row !== undefined) return undefined;
      const values = [...(answerValues(questionnaire, question) ?? []), ...(hasOtherOption(question) ? [OTHER_VALUE] : [])];
      return values.map((value) => ({ value, label: label(value) }));
    }
    case 'likert': {
      if (row === undefined || !builtIn.rows.some((candidate) => candidate.value === row)) return undefined;
      const noOpinion = noOpinionValue(builtIn);
      const values = [...(answerValues(questionnaire, question) ?? []), ...(noOpinion !== undefined ? [noOpinion] : [])];
      return values.map((value) => ({ value, label: label(value) }));
    }
    default:
      return undefined;
  }
}
