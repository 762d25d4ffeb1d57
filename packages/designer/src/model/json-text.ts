/**
 * JSON text as the designer reads it, from a file or from the JSON view: where a text stops being
 * JSON, and why, in both languages. JSON.parse says only that it failed (and, depending on the
 * engine, sometimes an offset), so a small scanner walks the text the way the grammar of RFC 8259
 * does and stops at the first character that cannot follow.
 */
import { message, type LocalizedMessage } from '@sipas/schema';

export type JsonSyntaxProblem =
  | 'unexpectedEnd'
  | 'unexpectedCharacter'
  | 'expectedColon'
  | 'expectedCommaOrEnd'
  | 'expectedName'
  | 'badString'
  | 'badNumber'
  | 'trailingText';

export interface JsonSyntaxError {
  problem: JsonSyntaxProblem;
  /** Offset into the text (UTF-16 code units). */
  offset: number;
  /** 1-based line and column of the offset. */
  line: number;
  column: number;
  /** The character found there, if any. */
  found?: string;
}

class Stop {
  constructor(
    readonly problem: JsonSyntaxProblem,
    readonly offset: number,
  ) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Scanner {
  private at = 0;

  constructor(private readonly text: string) {}

  private fail(problem: JsonSyntaxProblem, offset = this.at): never {
    throw new Stop(this.at >= this.text.length && problem !== 'badString' ? 'unexpectedEnd' : problem, offset);
  }

  private skipWhitespace(): void {
    while (this.at < this.text.length && WHITESPACE.has(this.text[this.at]!)) this.at += 1;
  }

  document(): void {
    this.value();
    this.skipWhitespace();
    if (this.at < this.text.length) this.fail('trailingText');
  }

  private value(): void {
    this.skipWhitespace();
    const char = this.text[this.at];
    if (char === '{') this.object();
    else if (char === '[') this.array();
    else if (char === '"') this.string();
    else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) this.number();
    else this.literal();
  }

  private object(): void {
    this.at += 1;
    this.skipWhitespace();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] !== '"') this.fail('expectedName');
      this.string();
      this.skipWhitespace();
      if (this.text[this.at] !== ':') this.fail('expectedColon');
      this.at += 1;
      this.value();
      if (this.endOfList('}')) return;
    }
  }

  private array(): void {
    this.at += 1;
    this.skipWhitespace();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return;
    }
    for (;;) {
      this.value();
      if (this.endOfList(']')) return;
    }
  }

  /** After an item: true at the closing bracket, false after a comma. */
  private endOfList(close: string): boolean {
    this.skipWhitespace();
    const char = this.text[this.at];
    this.at += 1;
    if (char === close) return true;
    if (char === ',') return false;
    this.at -= 1;
    return this.fail('expectedCommaOrEnd');
  }

  private string(): void {
    this.at += 1;
    while (this.at < this.text.length) {
      const char = this.text[this.at]!;
      if (char === '"') {
        this.at += 1;
        return;
      }
      if (char === '\\') {
        const next = this.text[this.at + 1];
        if (next !== undefined && ESCAPES.has(next)) this.at += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.at + 2, this.at + 6))) this.at += 6;
        else this.fail('badString');
      } else if (char < ' ') {
        this.fail('badString');
      } else {
        this.at += 1;
      }
    }
    this.fail('unexpectedEnd');
  }

  private number(): void {
    NUMBER.lastIndex = this.at;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('badNumber');
    this.at += match[0].length;
  }

  private literal(): void {
    const word = ['true', 'false', 'null'].find((candidate) => this.text.startsWith(candidate, this.at));
    if (!word) this.fail('unexpectedCharacter');
    this.at += word.length;
  }
}

/** Line and column (1-based) of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The first syntax error of a JSON text, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).document();
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    const found = text[stop.offset];
    return { problem: stop.problem, offset: stop.offset, ...lineAndColumn(text, stop.offset), ...(found === undefined ? {} : { found }) };
  }
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

/** JSON.parse with a located error instead of an exception. */
export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // The scanner and JSON.parse follow the same grammar; should they ever disagree, point at the end.
    const error = findJsonSyntaxError(text) ?? { problem: 'unexpectedEnd', offset: text.length, ...lineAndColumn(text, text.length) };
    return { ok: false, error };
  }
}

const REASONS: Record<JsonSyntaxProblem, LocalizedMessage> = {
  unexpectedEnd: message('văn bản kết thúc khi chưa đủ', 'the text ends too early'),
  unexpectedCharacter: message('ký tự {found} không đúng chỗ', 'unexpected character {found}'),
  expectedColon: message('thiếu dấu hai chấm sau tên thuộc tính', 'a colon is missing after the property name'),
  expectedCommaOrEnd: message('thiếu dấu phẩy hoặc dấu đóng ngoặc', 'a comma or closing bracket is missing'),
  expectedName: message('tên thuộc tính phải nằm trong dấu ngoặc kép', 'a property name must be in double quotes'),
  badString: message('chuỗi ký tự không hợp lệ (ký tự điều khiển hoặc dấu \\ sai)', 'a string is not valid (a control character or a bad \\ escape)'),
  badNumber: message('số không hợp lệ', 'a number is not valid'),
  trailingText: message('còn nội dung sau khi đã kết thúc tài liệu', 'there is text after the end of the document'),
};

/** "Lỗi cú pháp JSON ở dòng 3, cột 7: …": the one wording of a syntax error, for files and the JSON view alike. */
export function syntaxErrorMessage(error: JsonSyntaxError): LocalizedMessage {
  const found = `“${error.found ?? ''}”`;
  const reason = REASONS[error.problem];
  return message(
    `Lỗi cú pháp JSON ở dòng ${error.line}, cột ${error.column}: ${reason.vi.replace('{found}', found)}`,
    `JSON syntax error at line ${error.line}, column ${error.column}: ${reason.en.replace('{found}', found)}`,
  );
}
