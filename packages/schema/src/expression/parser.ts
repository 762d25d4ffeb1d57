import { message, quote, type LocalizedMessage } from '../messages.js';
import type { BinaryOperator, ExpressionNode, VariableNode } from './ast.js';
import { EXPRESSION_FUNCTIONS } from './functions.js';
import { ExpressionSyntaxError, tokenize, type Token } from './tokenizer.js';

export type ParseResult =
  | { ok: true; ast: ExpressionNode; references: VariableNode[] }
  | { ok: false; error: { offset: number; message: LocalizedMessage } };

/** Word and symbol spellings of the comparison operators (SurveyJS accepts all of them). */
const COMPARISONS: Readonly<Record<string, BinaryOperator>> = {
  '=': '=',
  '==': '=',
  equal: '=',
  '!=': '!=',
  '<>': '!=',
  notequal: '!=',
  '<': '<',
  less: '<',
  '<=': '<=',
  lessorequal: '<=',
  '>': '>',
  greater: '>',
  '>=': '>=',
  greaterorequal: '>=',
};

/**
 * Spellings of the membership operators. SurveyJS binds them tighter than arithmetic (its grammar
 * reads `{a} + 1 contains 2` as `{a} + (1 contains 2)`), so they have their own level below.
 */
const MEMBERSHIPS: Readonly<Record<string, BinaryOperator>> = {
  contains: 'contains',
  contain: 'contains',
  notcontains: 'notcontains',
  notcontain: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
};

/** `{name}`, `{name.row}` or `{name-other}`; names as in the format (a letter, then letters, digits, _). */
const VARIABLE = /^([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*)|(-other))?$/;

const RESERVED_WORDS = new Set(['and', 'or', 'not', 'true', 'false', 'empty', 'notempty', ...Object.keys(COMPARISONS), ...Object.keys(MEMBERSHIPS)]);

/**
 * Recursive-descent parser over the token list. Precedence from loosest: or, and, `not`,
 * comparison, + -, * / %, membership (contains, anyof…), prefix `!` and `-`, postfix empty and
 * notempty, operands. Everything SurveyJS also accepts is grouped the way its grammar groups it
 * (docs/expressions.md, decision 0012).
 */
class Parser {
  private position = 0;
  readonly references: VariableNode[] = [];
  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  parse(): ExpressionNode {
    const ast = this.parseOr();
    const next = this.peek();
    if (next.type !== 'end') throw this.unexpected(next);
    return ast;
  }

  private peek(): Token {
    return this.tokens[this.position]!;
  }

  private advance(): Token {
    return this.tokens[this.position++]!;
  }

  private isWord(token: Token, ...words: string[]): boolean {
    return token.type === 'word' && words.includes(token.text.toLowerCase());
  }

  private isSymbol(token: Token, ...symbols: string[]): boolean {
    return token.type === 'symbol' && symbols.includes(token.text);
  }

  private unexpected(token: Token): ExpressionSyntaxError {
    if (token.type === 'end') {
      return new ExpressionSyntaxError(message('Biểu thức kết thúc đột ngột', 'The expression ends too early'), token.start);
    }
    return new ExpressionSyntaxError(
      message(`Không mong đợi ${quote(token.text)} ở đây`, `Unexpected ${quote(token.text)}`),
      token.start,
    );
  }

  private expectSymbol(symbol: string): Token {
    const token = this.peek();
    if (!this.isSymbol(token, symbol)) {
      throw new ExpressionSyntaxError(
        message(`Thiếu ${quote(symbol)}`, `Expected ${quote(symbol)}`),
        token.start,
      );
    }
    return this.advance();
  }

  private parseOr(): ExpressionNode {
    let left = this.parseAnd();
    while (this.isWord(this.peek(), 'or') || this.isSymbol(this.peek(), '||')) {
      this.advance();
      const right = this.parseAnd();
      left = { kind: 'binary', operator: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): ExpressionNode {
    let left = this.parseNot();
    while (this.isWord(this.peek(), 'and') || this.isSymbol(this.peek(), '&&')) {
      this.advance();
      const right = this.parseNot();
      left = { kind: 'binary', operator: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /** `not` (our own word; SurveyJS has none) negates a whole comparison: `not {a} = 1`. */
  private parseNot(): ExpressionNode {
    const token = this.peek();
    if (this.isWord(token, 'not')) {
      this.advance();
      const operand = this.parseNot();
      return { kind: 'unary', operator: 'not', operand, start: token.start, end: operand.end };
    }
    return this.parseComparison();
  }

  private operatorIn(table: Readonly<Record<string, BinaryOperator>>, token: Token): BinaryOperator | undefined {
    if (token.type !== 'symbol' && token.type !== 'word') return undefined;
    const key = token.type === 'word' ? token.text.toLowerCase() : token.text;
    return Object.hasOwn(table, key) ? table[key] : undefined;
  }

  private parseComparison(): ExpressionNode {
    const left = this.parseAdditive();
    const operator = this.operatorIn(COMPARISONS, this.peek());
    if (!operator) return left;
    this.advance();
    const right = this.parseAdditive();
    return { kind: 'binary', operator, left, right, start: left.start, end: right.end };
  }

  private parseAdditive(): ExpressionNode {
    let left = this.parseMultiplicative();
    while (this.isSymbol(this.peek(), '+', '-')) {
      const operator = this.advance().text as '+' | '-';
      const right = this.parseMultiplicative();
      left = { kind: 'binary', operator, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): ExpressionNode {
    let left = this.parseMembership();
    while (this.isSymbol(this.peek(), '*', '/', '%')) {
      const operator = this.advance().text as '*' | '/' | '%';
      const right = this.parseMembership();
      left = { kind: 'binary', operator, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /** `contains`, `notcontains`, `anyof`, `allof`: at most one per operand, like comparisons. */
  private parseMembership(): ExpressionNode {
    const left = this.parsePrefix();
    const operator = this.operatorIn(MEMBERSHIPS, this.peek());
    if (!operator) return left;
    this.advance();
    const right = this.parsePrefix();
    return { kind: 'binary', operator, left, right, start: left.start, end: right.end };
  }

  /**
   * Prefix `!`, `-` and `+`, which may repeat. As in SurveyJS, `!` applies to the operand right
   * after it (`!{a} = 1` is `(!{a}) = 1`), and a `-` written right against a number is part of
   * that number (`-1 empty` is `(-1) empty`).
   */
  private parsePrefix(): ExpressionNode {
    const token = this.peek();
    if (this.isSymbol(token, '!')) {
      this.advance();
      const operand = this.parsePrefix();
      return { kind: 'unary', operator: 'not', operand, start: token.start, end: operand.end };
    }
    if (this.isSymbol(token, '-')) {
      this.advance();
      const next = this.peek();
      if (next.type === 'number' && next.start === token.end) return this.parseEmptiness(this.negativeNumber(token));
      const operand = this.parsePrefix();
      return { kind: 'unary', operator: 'negate', operand, start: token.start, end: operand.end };
    }
    if (this.isSymbol(token, '+')) {
      this.advance();
      return this.parsePrefix();
    }
    return this.parseEmptiness(this.parsePrimary());
  }

  private negativeNumber(minus: Token): ExpressionNode {
    const number = this.advance();
    return { kind: 'literal', value: -Number(number.text), start: minus.start, end: number.end };
  }

  /** Postfix `empty` / `notempty` on one operand: `{a} empty`; `{a} + {b} empty` is `{a} + ({b} empty)`. */
  private parseEmptiness(operand: ExpressionNode): ExpressionNode {
    const token = this.peek();
    if (this.isWord(token, 'empty', 'notempty')) {
      this.advance();
      const operator = token.text.toLowerCase() === 'empty' ? 'empty' : 'notempty';
      return { kind: 'unary', operator, operand, start: operand.start, end: token.end };
    }
    return operand;
  }

  private parsePrimary(): ExpressionNode {
    const token = this.advance();
    const { start, end } = token;
    switch (token.type) {
      case 'number':
        return { kind: 'literal', value: Number(token.text), start, end };
      case 'string':
        return { kind: 'literal', value: token.text, start, end };
      case 'variable':
        return this.variable(token);
      case 'word':
        return this.wordPrimary(token);
      case 'symbol':
        if (token.text === '(') {
          const inner = this.parseOr();
          this.expectSymbol(')');
          return inner;
        }
        if (token.text === '[') return this.arrayLiteral(token);
        throw this.unexpected(token);
      default:
        throw this.unexpected(token);
    }
  }

  private variable(token: Token): VariableNode {
    const match = VARIABLE.exec(token.text);
    if (!match) {
      throw new ExpressionSyntaxError(
        message(
          `Tham chiếu ${quote(`{${token.text}}`)} không hợp lệ: dùng {tên}, {tên.hàng} hoặc {tên-other}`,
          `Invalid reference ${quote(`{${token.text}}`)}: use {name}, {name.row} or {name-other}`,
        ),
        token.start,
      );
    }
    const node: VariableNode = { kind: 'variable', path: token.text, name: match[1]!, start: token.start, end: token.end };
    if (match[2]) node.row = match[2];
    if (match[3]) node.other = true;
    this.references.push(node);
    return node;
  }

  private wordPrimary(token: Token): ExpressionNode {
    const word = token.text.toLowerCase();
    const { start, end } = token;
    if (word === 'true' || word === 'false') return { kind: 'literal', value: word === 'true', start, end };
    // Only lower-case `null` is the null value: SurveyJS reads `NULL` or `Null` as the text "NULL".
    if (token.text === 'null') return { kind: 'literal', value: null, start, end };
    if (this.isSymbol(this.peek(), '(') && !RESERVED_WORDS.has(word)) return this.call(token);
    if (RESERVED_WORDS.has(word)) throw this.unexpected(token);
    throw new ExpressionSyntaxError(
      message(
        `Từ ${quote(token.text)} không được hiểu: tham chiếu câu hỏi viết trong ngoặc nhọn {${token.text}}, chuỗi viết trong nháy đơn '${token.text}'`,
        `Unknown word ${quote(token.text)}: refer to a question as {${token.text}}, write text as '${token.text}'`,
      ),
      token.start,
    );
  }

  private call(nameToken: Token): ExpressionNode {
    this.expectSymbol('(');
    const args: ExpressionNode[] = [];
    if (!this.isSymbol(this.peek(), ')')) {
      do args.push(this.parseOr());
      while (this.isSymbol(this.peek(), ',') && this.advance());
    }
    const close = this.expectSymbol(')');
    const name = nameToken.text.toLowerCase();
    const signature = Object.hasOwn(EXPRESSION_FUNCTIONS, name) ? EXPRESSION_FUNCTIONS[name] : undefined;
    if (!signature) {
      throw new ExpressionSyntaxError(
        message(
          `Hàm ${quote(nameToken.text)} không tồn tại; các hàm có sẵn: ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')}`,
          `Unknown function ${quote(nameToken.text)}; available: ${Object.keys(EXPRESSION_FUNCTIONS).join(', ')}`,
        ),
        nameToken.start,
      );
    }
    if (args.length < signature.minArgs || args.length > signature.maxArgs) {
      const expected =
        signature.maxArgs === Infinity
          ? `${signature.minArgs}+`
          : signature.minArgs === signature.maxArgs
            ? `${signature.minArgs}`
            : `${signature.minArgs}-${signature.maxArgs}`;
      throw new ExpressionSyntaxError(
        message(
          `Hàm ${name} cần ${expected} đối số, có ${args.length}`,
          `Function ${name} takes ${expected} arguments, got ${args.length}`,
        ),
        nameToken.start,
      );
    }
    return { kind: 'call', name, args, start: nameToken.start, end: close.end };
  }

  private arrayLiteral(open: Token): ExpressionNode {
    const items: ExpressionNode[] = [];
    if (!this.isSymbol(this.peek(), ']')) {
      do items.push(this.parseOr());
      while (this.isSymbol(this.peek(), ',') && this.advance());
    }
    const close = this.expectSymbol(']');
    return { kind: 'array', items, start: open.start, end: close.end };
  }
}

/** Parses an expression of the format; never throws. */
export function parseExpression(source: string): ParseResult {
  try {
    if (source.trim() === '') {
      throw new ExpressionSyntaxError(message('Biểu thức trống', 'The expression is empty'), 0);
    }
    const parser = new Parser(tokenize(source));
    const ast = parser.parse();
    return { ok: true, ast, references: parser.references };
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) {
      return { ok: false, error: { offset: error.offset, message: error.localized } };
    }
    // Thousands of nested brackets exhaust the stack before the length limit stops them.
    if (error instanceof RangeError) {
      return { ok: false, error: { offset: 0, message: message('Biểu thức lồng nhau quá sâu', 'The expression is nested too deeply') } };
    }
    throw error;
  }
}
