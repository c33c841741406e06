import type { Condition, Expression, SqlType, TypedOperator } from '../../conditions/condition.ts';
import { queryableField } from '../../domain/service.ts';
import type { ColumnType, Kind } from '../../kinds/define.ts';
import { parseTimestamp } from '../../kinds/rules.ts';
import { SearchError } from './lexer.ts';
import type { ComparisonOperator, Expr, Literal, Operand, Predicate, Value } from './parser.ts';

/**
 * Checks a TSL tree against a Kind and turns it into a condition tree (src/conditions/) of typed
 * comparisons (rest-contract §6.3). It writes no SQL: src/conditions/sql.ts renders the tree, as
 * it renders the read policy and the GraphQL `where` inputs.
 *
 * Fields resolve only to what `queryableField` returns; every literal is converted here to the
 * type it is compared in (the renderer casts each parameter to it, `$1::integer`), so Postgres
 * never has to guess a parameter's type and a bad literal is a 400, not a failed statement.
 *
 * Arithmetic is evaluated in `numeric`: integer overflow (`timeout * 2147483647`) and operators that
 * Postgres lacks for `double precision` (`%`) cannot turn a search into a server error, and a
 * division by a field holding zero yields null (no match) instead of failing the query.
 */

/** The SQL type a comparison is made in. */
export type SearchType = SqlType;

const COLUMN_TYPES: Partial<Record<ColumnType, SearchType>> = {
  text: 'text',
  'char(64)': 'text',
  integer: 'integer',
  bigint: 'bigint',
  'double precision': 'double precision',
  boolean: 'boolean',
  'timestamptz(3)': 'timestamptz',
};

const NUMERIC_COLUMNS: ReadonlySet<SearchType> = new Set(['integer', 'bigint', 'double precision']);

const COMPARISON: Record<ComparisonOperator, TypedOperator> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };

const PATTERN = {
  like: { plain: 'like', negated: 'notLike' },
  ilike: { plain: 'ilike', negated: 'notIlike' },
} as const satisfies Record<string, { plain: TypedOperator; negated: TypedOperator }>;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** The contract's number syntax, for string literals compared with numeric fields (`timeout = '300'`). */
const NUMBER = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/** Compiles a parsed search for `kind`; throws SearchError when it does not fit the Kind. */
export function compile(kind: Kind, expr: Expr): Condition {
  switch (expr.type) {
    case 'or':
      return { any: expr.operands.map((e) => compile(kind, e)) };
    case 'and':
      return { all: expr.operands.map((e) => compile(kind, e)) };
    case 'not':
      return { not: compile(kind, expr.operand) };
    default:
      return predicate(kind, expr);
  }
}

function predicate(kind: Kind, p: Predicate): Condition {
  const left = compileValue(kind, p.left);
  const typed = (operator: TypedOperator, values: unknown[], type: SearchType = left.type): Condition => ({
    typed: { left: left.expression, type, operator, values },
  });
  switch (p.type) {
    case 'compare':
      return typed(COMPARISON[p.operator], [convert(p.right, left)]);
    case 'is-null':
      return typed(p.negated ? 'isNotNull' : 'isNull', []);
    case 'in':
      return typed(
        p.negated ? 'notIn' : 'in',
        p.list.map((l) => convert(l, left)),
      );
    case 'between':
      return typed(p.negated ? 'notBetween' : 'between', [convert(p.low, left), convert(p.high, left)]);
    case 'like': {
      if (left.type !== 'text') throw new SearchError(`'${p.operator}' is only allowed on text fields, not on ${left.description}`, p.left.position);
      const pattern = textValue(p.pattern);
      if (endsWithEscape(pattern)) throw new SearchError(`a ${p.operator} pattern must not end with the escape character '\\'`, p.pattern.position);
      const operators = PATTERN[p.operator];
      return typed(p.negated ? operators.negated : operators.plain, [pattern], 'text');
    }
    case 'regex':
      throw new SearchError(`the regular expression operator '${p.operator}' is not supported`, p.position);
  }
}

interface TypedValue {
  expression: Expression;
  type: SearchType;
  /** For messages: `field 'timeout'` or `an arithmetic expression`. */
  description: string;
}

function compileValue(kind: Kind, value: Value): TypedValue {
  if (value.type === 'field') {
    const field = resolveField(kind, value);
    return { expression: { column: field.name }, type: field.type, description: `field '${field.name}'` };
  }
  return { expression: numeric(kind, value), type: 'numeric', description: 'an arithmetic expression' };
}

/** An arithmetic operand, evaluated in `numeric`. */
function numeric(kind: Kind, operand: Operand): Expression {
  switch (operand.type) {
    case 'field': {
      const field = resolveField(kind, operand);
      if (!NUMERIC_COLUMNS.has(field.type))
        throw new SearchError(`arithmetic is only allowed on numeric fields, not on field '${field.name}'`, operand.position);
      return { column: field.name };
    }
    case 'string':
      throw new SearchError(`arithmetic operands must be numbers, not ${operand.text}`, operand.position);
    case 'number':
      if (!Number.isFinite(operand.value)) throw new SearchError(`${operand.text} is not a valid number`, operand.position);
      return { number: operand.value };
    case 'arithmetic': {
      const left = numeric(kind, operand.left);
      const right = numeric(kind, operand.right);
      if ((operand.operator === '/' || operand.operator === '%') && operand.right.type === 'number' && operand.right.value === 0) {
        throw new SearchError('division by zero', operand.right.position);
      }
      return { arithmetic: operand.operator, left, right };
    }
  }
}

function resolveField(kind: Kind, ref: Extract<Value, { type: 'field' }>): { name: string; type: SearchType } {
  if (ref.table !== undefined && ref.table !== kind.table) {
    throw new SearchError(`unknown table '${ref.table}' (only '${kind.table}' may qualify a field)`, ref.position);
  }
  const field = queryableField(kind, ref.name);
  const type = field?.column === undefined ? undefined : COLUMN_TYPES[field.column];
  if (!field || !type) {
    const declared = Object.hasOwn(kind.field, ref.name);
    throw new SearchError(declared ? `field '${ref.name}' cannot be used in a search` : `unknown field '${ref.name}'`, ref.position);
  }
  return { name: field.name, type };
}

function convert(literal: Literal, target: TypedValue): string | number | boolean | Date {
  const fail = (type: string): never => {
    throw new SearchError(`${literal.text} is not a valid ${type} for ${target.description}`, literal.position);
  };
  switch (target.type) {
    case 'text':
      return textValue(literal);
    case 'integer': {
      const n = number(literal) ?? fail('integer');
      if (!Number.isInteger(n) || n < INT32_MIN || n > INT32_MAX) fail('integer');
      return n;
    }
    case 'bigint': {
      const n = number(literal) ?? fail('integer');
      if (!Number.isSafeInteger(n)) fail('integer');
      return n;
    }
    case 'double precision':
    case 'numeric': {
      const n = number(literal) ?? fail('number');
      if (!Number.isFinite(n)) fail('number');
      return n;
    }
    case 'boolean': {
      const text = literal.type === 'string' ? literal.value.toLowerCase() : undefined;
      if (text === 'true') return true;
      if (text === 'false') return false;
      return fail("boolean ('true' or 'false')");
    }
    case 'timestamptz': {
      const date = literal.type === 'string' ? parseTimestamp(literal.value) : undefined;
      return date ?? fail('RFC 3339 timestamp');
    }
  }
}

/** A literal as text: a string's content, or a number as it was written. */
function textValue(literal: Literal): string {
  if (literal.type === 'number') return literal.text;
  // Postgres text cannot hold NUL; refusing it here keeps the query from failing later.
  if (literal.value.includes('\0')) throw new SearchError('a string must not contain the character U+0000', literal.position);
  return literal.value;
}

/** A number literal, or a string spelling a number (`'300'`); undefined otherwise. */
function number(literal: Literal): number | undefined {
  if (literal.type === 'number') return literal.value;
  return NUMBER.test(literal.value) ? Number(literal.value) : undefined;
}

/** LIKE's default escape character is `\`; a pattern ending in an unpaired one is an SQL error. */
function endsWithEscape(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') {
      if (i === pattern.length - 1) return true;
      i++;
    }
  }
  return false;
}
