import { SearchError, tokenize, type Keyword, type Operator, type Token } from './lexer.ts';

/**
 * Recursive-descent parser of the Tree Search Language (rest-contract §6.3).
 *
 * Grammar, with the contract's precedence made explicit (keywords case-insensitive):
 *
 * ```
 * search     := or <end>
 * or         := and { 'or' and }
 * and        := unary { 'and' unary }
 * unary      := 'not' unary | primary
 * primary    := comparison | '(' or ')'             a '(' is tried as the start of a value first
 * comparison := value ( op literal                  op ∈ { = != <> < <= > >= }
 *                     | ('~=' | '~!') literal       parsed here, always rejected by the compiler
 *                     | 'is' ['not'] ( 'null' | literal )
 *                     | ['not'] ('like' | 'ilike') literal
 *                     | ['not'] 'in' '(' literal { ',' literal } ')'
 *                     | ['not'] 'between' literal 'and' literal )
 * value      := term(first) { ('+' | '-') term }    left-associative
 * term(f)    := factor(f) { ('*' | '/' | '%') factor }
 * factor(f)  := field | '(' value ')' | literal      a literal only where f is false, i.e. never first
 * field      := name [ '.' name ]
 * literal    := string | ['+' | '-'] number         the sign directly before the number
 * ```
 *
 * "The left side of every comparison and arithmetic expression MUST start with a field": only the
 * leftmost operand of the whole expression (also inside leading parentheses) must be a field; later
 * operands may start with literals (`timeout + 100 * 2`, `timeout + (2 * x)`), and `*`, `/`, `%`
 * still bind tighter than `+` and `-`.
 *
 * The parser knows nothing about Kinds: field names, qualifiers and literal types are checked by
 * the compiler.
 */

/** Deepest nesting of parentheses and `not` accepted (guards the recursion, not a contract limit). */
export const MAX_NESTING = 64;
/** Most arithmetic operators in one value (keeps the generated numeric arithmetic bounded). */
export const MAX_ARITHMETIC_OPERATORS = 16;

export interface FieldRef {
  type: 'field';
  /** The qualifier of `table.name`, undefined for a bare name. */
  table: string | undefined;
  name: string;
  position: number;
}

export interface StringLiteral {
  type: 'string';
  /** The content, with `''` already unescaped. */
  value: string;
  /** The literal as written, quotes included. */
  text: string;
  position: number;
}

export interface NumberLiteral {
  type: 'number';
  /** The number as written, sign included (`-1.50e3`). */
  text: string;
  value: number;
  position: number;
}

export type Literal = StringLiteral | NumberLiteral;

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export interface Arithmetic {
  type: 'arithmetic';
  operator: ArithmeticOperator;
  /** A literal only inside a later operand (`timeout + 2 * x`): the whole expression starts with a field. */
  left: Operand;
  right: Operand;
  position: number;
}

/** The left side of a comparison: a field, or arithmetic that starts with a field. */
export type Value = FieldRef | Arithmetic;
/** An operand of arithmetic: a value, or a literal (never the first operand). */
export type Operand = Value | Literal;

/** `<>` is normalized to `!=`; `is <literal>` to `=` and `is not <literal>` to `!=`. */
export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

export interface Compare {
  type: 'compare';
  operator: ComparisonOperator;
  left: Value;
  right: Literal;
}

export interface Like {
  type: 'like';
  operator: 'like' | 'ilike';
  negated: boolean;
  left: Value;
  pattern: Literal;
}

export interface IsNull {
  type: 'is-null';
  negated: boolean;
  left: Value;
}

export interface In {
  type: 'in';
  negated: boolean;
  left: Value;
  /** At least one literal. */
  list: Literal[];
}

export interface Between {
  type: 'between';
  negated: boolean;
  left: Value;
  low: Literal;
  high: Literal;
}

/** `~=` / `~!`: part of the language, always rejected when compiled. */
export interface Regex {
  type: 'regex';
  operator: '~=' | '~!';
  left: Value;
  right: Literal;
  position: number;
}

export type Predicate = Compare | Like | IsNull | In | Between | Regex;

export interface And {
  type: 'and';
  /** Two or more. */
  operands: Expr[];
}

export interface Or {
  type: 'or';
  /** Two or more. */
  operands: Expr[];
}

export interface Not {
  type: 'not';
  operand: Expr;
}

export type Expr = Or | And | Not | Predicate;

/** Parses a search into its tree; throws SearchError on any syntax error. */
export function parse(search: string): Expr {
  return new Parser(tokenize(search)).parseSearch();
}

const COMPARISON_OPERATORS: ReadonlyMap<Operator, ComparisonOperator> = new Map([
  ['=', '='],
  ['!=', '!='],
  ['<>', '!='],
  ['<', '<'],
  ['<=', '<='],
  ['>', '>'],
  ['>=', '>='],
]);

class Parser {
  private index = 0;
  private nesting = 0;
  private arithmeticOperators = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  parseSearch(): Expr {
    const expr = this.parseOr();
    const token = this.peek();
    if (token.type !== 'end') throw this.unexpected(token, "'and', 'or' or the end of the search");
    return expr;
  }

  private parseOr(): Expr {
    const operands = [this.parseAnd()];
    while (this.acceptKeyword('or')) operands.push(this.parseAnd());
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(): Expr {
    const operands = [this.parseUnary()];
    while (this.acceptKeyword('and')) operands.push(this.parseUnary());
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parseUnary(): Expr {
    const token = this.peek();
    if (this.acceptKeyword('not')) return this.nested(token, () => ({ type: 'not', operand: this.parseUnary() }));
    return this.parsePrimary();
  }

  /**
   * `(` starts either a parenthesized condition, `(a = 1 or b = 2)`, or a parenthesized value,
   * `(timeout + 1) * 2 > 600`. Try the value first; if that fails, rewind and try the condition;
   * when both fail, report the error that got further into the text.
   */
  private parsePrimary(): Expr {
    const open = this.peek();
    if (!isOperator(open, '(')) return this.parseComparison();
    const start = this.index;
    let asValue: SearchError;
    try {
      return this.parseComparison();
    } catch (error) {
      if (!(error instanceof SearchError)) throw error;
      asValue = error;
    }
    this.index = start;
    try {
      return this.nested(open, () => {
        this.index++;
        const expr = this.parseOr();
        this.expectOperator(')');
        return expr;
      });
    } catch (error) {
      if (!(error instanceof SearchError)) throw error;
      throw (asValue.position ?? -1) > (error.position ?? -1) ? asValue : error;
    }
  }

  private parseComparison(): Predicate {
    this.arithmeticOperators = 0;
    // A value first in the expression starts with a field (parseFactor refuses a literal there).
    const left = this.parseValue(true) as Value;
    const token = this.peek();
    if (token.type === 'operator') {
      const operator = COMPARISON_OPERATORS.get(token.operator);
      if (operator) {
        this.index++;
        return { type: 'compare', operator, left, right: this.parseLiteral() };
      }
      if (token.operator === '~=' || token.operator === '~!') {
        this.index++;
        return { type: 'regex', operator: token.operator, left, right: this.parseLiteral(), position: token.start };
      }
    }
    if (this.acceptKeyword('is')) {
      const negated = this.acceptKeyword('not');
      if (this.acceptKeyword('null')) return { type: 'is-null', negated, left };
      return { type: 'compare', operator: negated ? '!=' : '=', left, right: this.parseLiteral("'null' or a literal") };
    }
    const negated = this.acceptKeyword('not');
    const keyword = this.peek();
    if (this.acceptKeyword('like') || this.acceptKeyword('ilike')) {
      return { type: 'like', operator: (keyword as { keyword: 'like' | 'ilike' }).keyword, negated, left, pattern: this.parseLiteral() };
    }
    if (this.acceptKeyword('in')) {
      this.expectOperator('(');
      const close = this.peek();
      if (isOperator(close, ')')) throw new SearchError("the list of 'in' must have at least one literal", close.start);
      const list = [this.parseLiteral()];
      while (this.acceptOperator(',')) list.push(this.parseLiteral());
      this.expectOperator(')', "',' or ')'");
      return { type: 'in', negated, left, list };
    }
    if (this.acceptKeyword('between')) {
      const low = this.parseLiteral();
      if (!this.acceptKeyword('and')) throw this.unexpected(this.peek(), "'and'");
      const high = this.parseLiteral();
      return { type: 'between', negated, left, low, high };
    }
    throw this.unexpected(this.peek(), negated ? "'like', 'ilike', 'in' or 'between'" : 'a comparison operator');
  }

  /** value := term(first) { ('+' | '-') term }; `first`: this value starts the whole expression. */
  private parseValue(first = true): Operand {
    let left = this.parseTerm(first);
    for (;;) {
      const token = this.peek();
      if (!isOperator(token, '+') && !isOperator(token, '-')) return left;
      this.index++;
      left = this.arithmetic(token, left, this.parseTerm(false));
    }
  }

  /** term := factor { ('*' | '/' | '%') factor }; only the expression's first term must start with a field. */
  private parseTerm(first: boolean): Operand {
    let left = this.parseFactor(!first);
    for (;;) {
      const token = this.peek();
      if (!isOperator(token, '*') && !isOperator(token, '/') && !isOperator(token, '%')) return left;
      this.index++;
      left = this.arithmetic(token, left, this.parseFactor(true));
    }
  }

  private parseFactor(literalAllowed: boolean): Operand {
    const token = this.peek();
    if (isOperator(token, '(')) {
      return this.nested(token, () => {
        this.index++;
        // Parentheses first in the expression must start with a field too; elsewhere they may not.
        const value = this.parseValue(!literalAllowed);
        this.expectOperator(')', "')' or an arithmetic operator");
        return value;
      });
    }
    if (token.type === 'name') return this.parseField();
    if (literalAllowed) return this.parseLiteral('a field or a literal');
    throw this.unexpected(token, 'a field');
  }

  private parseField(): FieldRef {
    const first = this.next();
    if (first.type !== 'name') throw this.unexpected(first, 'a field');
    if (!this.acceptOperator('.')) return { type: 'field', table: undefined, name: first.text, position: first.start };
    const second = this.next();
    if (second.type !== 'name') throw this.unexpected(second, 'a field name after the table name');
    const dot = this.peek();
    if (isOperator(dot, '.')) throw new SearchError('a field has at most one qualifier (table.name)', dot.start);
    return { type: 'field', table: first.text, name: second.text, position: first.start };
  }

  private parseLiteral(expected = 'a literal'): Literal {
    const token = this.peek();
    if (token.type === 'string') {
      this.index++;
      return { type: 'string', value: token.value, text: token.text, position: token.start };
    }
    if (token.type === 'number') {
      this.index++;
      return { type: 'number', text: token.text, value: Number(token.text), position: token.start };
    }
    if (isOperator(token, '+') || isOperator(token, '-')) {
      const number = this.tokens[this.index + 1];
      if (number?.type === 'number' && number.start === token.end) {
        this.index += 2;
        const text = token.text + number.text;
        return { type: 'number', text, value: Number(text), position: token.start };
      }
    }
    if (token.type === 'keyword' && token.keyword === 'null') {
      throw new SearchError(`expected ${expected} but found 'null' (use 'is null' or 'is not null')`, token.start);
    }
    throw this.unexpected(token, expected);
  }

  private arithmetic(token: Token, left: Operand, right: Operand): Arithmetic {
    if (++this.arithmeticOperators > MAX_ARITHMETIC_OPERATORS) {
      throw new SearchError(`more than ${MAX_ARITHMETIC_OPERATORS} arithmetic operators in one value`, token.start);
    }
    return { type: 'arithmetic', operator: token.text as ArithmeticOperator, left, right, position: token.start };
  }

  private nested<T>(token: Token, parse: () => T): T {
    if (this.nesting >= MAX_NESTING) throw new SearchError(`nested more than ${MAX_NESTING} levels deep`, token.start);
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.type !== 'end') this.index++;
    return token;
  }

  private acceptKeyword(keyword: Keyword): boolean {
    const token = this.peek();
    if (token.type !== 'keyword' || token.keyword !== keyword) return false;
    this.index++;
    return true;
  }

  private acceptOperator(operator: Operator): boolean {
    if (!isOperator(this.peek(), operator)) return false;
    this.index++;
    return true;
  }

  private expectOperator(operator: Operator, expected = `'${operator}'`): void {
    if (!this.acceptOperator(operator)) throw this.unexpected(this.peek(), expected);
  }

  private unexpected(token: Token, expected: string): SearchError {
    const found = token.type === 'end' ? 'the end of the search' : `'${abbreviate(token.text)}'`;
    return new SearchError(`expected ${expected} but found ${found}`, token.start);
  }
}

/** Long tokens (strings can be kilobytes) are shortened in messages; the search itself is in the reason. */
function abbreviate(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
}

function isOperator(token: Token, operator: Operator): boolean {
  return token.type === 'operator' && token.operator === operator;
}
