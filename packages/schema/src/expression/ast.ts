/** Syntax tree of an expression (docs/expressions.md). Offsets are character positions in the source. */

export type BinaryOperator =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'contains'
  | 'notcontains'
  | 'anyof'
  | 'allof'
  | '+'
  | '-'
  | '*'
  | '/'
  | '%';

export type UnaryOperator = 'not' | 'negate' | 'empty' | 'notempty';

interface NodeBase {
  start: number;
  end: number;
}

export interface LiteralNode extends NodeBase {
  kind: 'literal';
  value: string | number | boolean | null;
}

/** `{name}`, `{name.row}` (a likert row) or `{name-other}` (the text of an "other" option). */
export interface VariableNode extends NodeBase {
  kind: 'variable';
  /** The whole reference as written between the braces. */
  path: string;
  /** The question (or response variable) it names. */
  name: string;
  /** The likert row, for `{name.row}`. */
  row?: string;
  /** True for `{name-other}`. */
  other?: boolean;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: ExpressionNode[];
}

export interface UnaryNode extends NodeBase {
  kind: 'unary';
  operator: UnaryOperator;
  operand: ExpressionNode;
}

export interface BinaryNode extends NodeBase {
  kind: 'binary';
  operator: BinaryOperator;
  left: ExpressionNode;
  right: ExpressionNode;
}

export interface CallNode extends NodeBase {
  kind: 'call';
  name: string;
  args: ExpressionNode[];
}

export type ExpressionNode = LiteralNode | VariableNode | ArrayNode | UnaryNode | BinaryNode | CallNode;
