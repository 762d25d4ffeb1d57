/** Shared pieces of the surveyjs tests: sample questionnaires and survey-core tree readers. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  ArrayOperand,
  BinaryOperand,
  ConditionsParser,
  Const,
  FunctionOperand,
  Serializer,
  UnaryOperand,
  Variable,
  type Operand,
} from 'survey-core';
import { parseExpression, validateQuestionnaire, type ExpressionNode, type Question, type Questionnaire, type ValidateOptions } from '@sipas/schema';
import { templates } from '@sipas/templates';
import { SURVEYJS_CUSTOM_PROPERTIES } from '@sipas/surveyjs';

const repositoryRoot = new URL('../../../', import.meta.url).pathname;

export const compactAllTypes = JSON.parse(
  readFileSync(`${repositoryRoot}fixtures/questionnaires/valid/compact-all-types.json`, 'utf8'),
) as Questionnaire;

/** Every standard questionnaire and the compact fixture, each with a label for test names. */
export const standardQuestionnaires: readonly { id: string; questionnaire: Questionnaire }[] = [
  ...templates.map(({ id, questionnaire }) => ({ id, questionnaire })),
  { id: 'fixture compact-all-types', questionnaire: compactAllTypes },
];

/** A valid one-page questionnaire around the given questions (asserted valid). */
export function questionnaireWith(questions: Question[], extra: Partial<Questionnaire> = {}, options: ValidateOptions = {}): Questionnaire {
  const questionnaire: Questionnaire = {
    formatVersion: '1.0',
    id: 'sample',
    title: { vi: 'Mẫu', en: 'Sample' },
    pages: [{ name: 'page1', sections: [{ name: 'section1', questions }] }],
    ...extra,
  };
  const result = validateQuestionnaire(questionnaire, options);
  assert.deepEqual(result.errors, [], 'the sample questionnaire itself must be valid');
  return questionnaire;
}

/** Asserts a questionnaire passes validateQuestionnaire, showing the errors when not. */
export function assertValid(questionnaire: unknown, options: ValidateOptions = {}): void {
  assert.deepEqual(validateQuestionnaire(questionnaire, options).errors, []);
}

/** Makes survey-core keep the `sipas…` properties (as SurveyJS Creator would, once registered). */
export function registerCustomProperties(): void {
  for (const { className, name } of SURVEYJS_CUSTOM_PROPERTIES) {
    if (!Serializer.findProperty(className, name)) Serializer.addProperty(className, { name, visible: false });
  }
}

/** A syntax tree written the same way for survey-core's operands and for ours. */
export type Tree = null | string | number | boolean | Tree[];

const SURVEYJS_OPERATORS: Readonly<Record<string, string>> = {
  equal: '=',
  notequal: '!=',
  less: '<',
  lessorequal: '<=',
  greater: '>',
  greaterorequal: '>=',
  plus: '+',
  minus: '-',
  mul: '*',
  div: '/',
  mod: '%',
  negate: 'not',
};

/** survey-core's parse of a SurveyJS expression, as a Tree; throws when it does not parse. */
export function surveyJSTree(expression: string): Tree {
  const parser = new ConditionsParser();
  const operand = parser.parseExpression(expression);
  // survey-core returns no operand for the bare literal `null`.
  if (!operand && !parser.error && expression.trim() === 'null') return ['const', null];
  if (!operand) throw new Error(`survey-core cannot parse ${JSON.stringify(expression)} (at ${parser.error?.at})`);
  return fromOperand(operand);
}

function fromOperand(operand: Operand | null): Tree {
  if (operand === null) return ['const', null];
  if (operand instanceof BinaryOperand) {
    return [SURVEYJS_OPERATORS[operand.operator] ?? operand.operator, fromOperand(operand.leftOperand), fromOperand(operand.rightOperand)];
  }
  if (operand instanceof UnaryOperand) return [SURVEYJS_OPERATORS[operand.operator] ?? operand.operator, fromOperand(operand.expression)];
  if (operand instanceof ArrayOperand) return ['array', ...operand.values.map(fromOperand)];
  if (operand instanceof FunctionOperand) return ['call', operand.functionName, ...operand.paramValues.map(fromOperand)];
  if (operand instanceof Variable) return ['ref', operand.variable];
  if (operand instanceof Const) return ['const', operand.correctValue as Tree];
  throw new Error(`unexpected operand ${operand.getType()}`);
}

/** Our parse of an expression in SurveyJS spelling (`-Comment` read as `-other`), as a Tree. */
export function ourTree(surveyJSExpression: string): Tree {
  const parsed = parseExpression(surveyJSExpression.replace(/-Comment\}/g, '-other}'));
  if (!parsed.ok) throw new Error(`our parser rejects ${JSON.stringify(surveyJSExpression)}: ${parsed.error.message.en}`);
  return fromNode(parsed.ast);
}

function fromNode(node: ExpressionNode): Tree {
  switch (node.kind) {
    case 'literal':
      return ['const', node.value];
    case 'variable':
      return ['ref', `${node.name}${node.row !== undefined ? `.${node.row}` : node.other ? '-Comment' : ''}`];
    case 'array':
      return ['array', ...node.items.map(fromNode)];
    case 'call':
      return ['call', node.name, ...node.args.map(fromNode)];
    case 'unary':
      return [node.operator, fromNode(node.operand)];
    case 'binary':
      return [node.operator, fromNode(node.left), fromNode(node.right)];
  }
}

/** Every expression of a questionnaire with its JSON pointer. */
export function expressionsOf(questionnaire: Questionnaire): { path: string; expression: string }[] {
  const found: { path: string; expression: string }[] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}/${i}`));
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const isRuleExpression = key === 'expression' && (value as { type?: unknown }).type === 'expression';
        if ((['visibleIf', 'enableIf', 'requiredIf'].includes(key) || isRuleExpression) && typeof inner === 'string') {
          found.push({ path: `${path}/${key}`, expression: inner });
        } else visit(inner, `${path}/${key}`);
      }
    }
  };
  visit(questionnaire.pages, '/pages');
  return found;
}
