import { message, quote, type LocalizedMessage } from '../messages.js';

export type TokenType = 'number' | 'string' | 'variable' | 'word' | 'symbol' | 'end';

export interface Token {
  type: TokenType;
  /** The token as written (for strings: without quotes, escapes resolved). */
  text: string;
  start: number;
  end: number;
}

/** A syntax error with its position in the expression. */
export class ExpressionSyntaxError extends Error {
  readonly localized: LocalizedMessage;
  readonly offset: number;

  constructor(localized: LocalizedMessage, offset: number) {
    super(localized.en);
    this.localized = localized;
    this.offset = offset;
  }
}

/** Two-character symbols first, so `<=` is not read as `<` then `=`. */
const SYMBOLS = ['<=', '>=', '==', '!=', '<>', '&&', '||', '<', '>', '=', '!', '+', '-', '*', '/', '%', '(', ')', '[', ']', ','];

const isDigit = (c: string) => c >= '0' && c <= '9';
const isWordStart = (c: string) => /[A-Za-z_]/.test(c);
const isWordPart = (c: string) => /[A-Za-z0-9_]/.test(c);

/** Splits an expression into tokens; throws ExpressionSyntaxError at the first character that fits no token. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '{') {
      const close = source.indexOf('}', i + 1);
      if (close < 0) {
        throw new ExpressionSyntaxError(
          message('Thiếu dấu "}" đóng tham chiếu câu hỏi', 'Missing "}" closing a question reference'),
          start,
        );
      }
      tokens.push({ type: 'variable', text: source.slice(i + 1, close).trim(), start, end: close + 1 });
      i = close + 1;
    } else if (c === "'" || c === '"') {
      let text = '';
      i++;
      while (i < source.length && source[i] !== c) {
        // As in SurveyJS, a backslash only escapes a quote (\' and \"); any other backslash is itself.
        if (source[i] === '\\' && (source[i + 1] === "'" || source[i + 1] === '"')) i++;
        text += source[i];
        i++;
      }
      if (i >= source.length) {
        throw new ExpressionSyntaxError(message('Chuỗi chưa được đóng', 'Unterminated string'), start);
      }
      i++;
      tokens.push({ type: 'string', text, start, end: i });
    } else if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      const match = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(source.slice(i))!;
      i += match[0].length;
      tokens.push({ type: 'number', text: match[0], start, end: i });
    } else if (isWordStart(c)) {
      while (i < source.length && isWordPart(source[i]!)) i++;
      tokens.push({ type: 'word', text: source.slice(start, i), start, end: i });
    } else {
      const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
      if (!symbol) {
        throw new ExpressionSyntaxError(
          message(`Ký tự không hợp lệ ${quote(c)}`, `Unexpected character ${quote(c)}`),
          start,
        );
      }
      i += symbol.length;
      tokens.push({ type: 'symbol', text: symbol, start, end: i });
    }
  }
  tokens.push({ type: 'end', text: '', start: source.length, end: source.length });
  return tokens;
}
