import { ident, join, raw, sql, type Sql } from '../../db/sql.ts';
import { queryableField } from '../../domain/service.ts';
import type { ColumnType, Kind } from '../../kinds/define.ts';
import { parseTimestamp } from '../../kinds/rules.ts';
import { SearchError } from './lexer.ts';
import type { Expr, Literal, Operand, Predicate, Value } from './parser.ts';

/**
 * Checks a TSL tree against a Kind and compiles it to a parameterized SQL condition over the row
 * alias `t` (rest-contract §6.3).
 *
 * The SQL text is made only of fixed keywords and operators (`raw`) and of column names that
 * `queryableField` returned (`ident`); every literal becomes a bind parameter with an explicit cast
 * (`$1::integer`), so Postgres never has to guess a parameter's type.
 *
 * Arithmetic is evaluated in `numeric`: integer overflow (`timeout * 2147483647`) and operators that
 * Postgres lacks for `double precision` (`%`) cannot turn a search into a server error, and a
 * division by a field holding zero yields null (no match) instead of failing the query.
 */

/** The SQL type a comparison is made in. */
export type SearchType = 'text' | 'integer' | 'bigint' | 'double precision' | 'boolean' | 'timestamptz' | 'numeric';

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

const SQL_COMPARISON = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
/** The contract's number syntax, for string literals compared with numeric fields (`timeout = '300'`). */
const NUMBER = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/** Compiles a parsed search for `kind`; throws SearchError when it does not fit the Kind. */
export function compile(kind: Kind, expr: Expr): Sql {
  switch (expr.type) {
    case 'or':
    case 'and': {
      const operands = expr.operands.map((e) => compile(kind, e));
      return sql`(${join(operands, expr.type === 'or' ? ' OR ' : ' AND ')})`;
    }
    case 'not':
      return sql`(NOT ${compile(kind, expr.operand)})`;
    default:
      return predicate(kind, expr);
  }
}

function predicate(kind: Kind, p: Predicate): Sql {
  const left = compileValue(kind, p.left);
  switch (p.type) {
    case 'compare':
      return sql`(${left.sql} ${raw(SQL_COMPARISON[p.operator])} ${param(p.right, left)})`;
    case 'is-null':
      return sql`(${left.sql} ${raw(p.negated ? 'IS NOT NULL' : 'IS NULL')})`;
    case 'in': {
      const list = p.list.map((l) => param(l, left));
      return sql`(${left.sql} ${raw(p.negated ? 'NOT IN' : 'IN')} (${join(list, ', ')}))`;
    }
    case 'between':
      return sql`(${left.sql} ${raw(p.negated ? 'NOT BETWEEN' : 'BETWEEN')} ${param(p.low, left)} AND ${param(p.high, left)})`;
    case 'like': {
      if (left.type !== 'text') throw new SearchError(`'${p.operator}' is only allowed on text fields, not on ${left.description}`, p.left.position);
      const pattern = textValue(p.pattern);
      if (endsWithEscape(pattern)) throw new SearchError(`a ${p.operator} pattern must not end with the escape character '\\'`, p.pattern.position);
      const operator = (p.negated ? 'NOT ' : '') + p.operator.toUpperCase();
      return sql`(${left.sql} ${raw(operator)} ${pattern}::text)`;
    }
    case 'regex':
      throw new SearchError(`the regular expression operator '${p.operator}' is not supported`, p.position);
  }
}

interface TypedValue {
  sql: Sql;
  type: SearchType;
  /** For messages: `field 'timeout'` or `an arithmetic expression`. */
  description: string;
}

function compileValue(kind: Kind, value: Value): TypedValue {
  if (value.type === 'field') {
    const field = resolveField(kind, value);
    return { sql: column(field.name), type: field.type, description: `field '${field.name}'` };
  }
  return { sql: numeric(kind, value), type: 'numeric', description: 'an arithmetic expression' };
}

/** An arithmetic operand as a `numeric` SQL expression. */
function numeric(kind: Kind, operand: Operand): Sql {
  switch (operand.type) {
    case 'field': {
      const field = resolveField(kind, operand);
      if (!NUMERIC_COLUMNS.has(field.type))
        throw new SearchError(`arithmetic is only allowed on numeric fields, not on field '${field.name}'`, operand.position);
      return sql`${column(field.name)}::numeric`;
    }
    case 'string':
      throw new SearchError(`arithmetic operands must be numbers, not ${operand.text}`, operand.position);
    case 'number':
      if (!Number.isFinite(operand.value)) throw new SearchError(`${operand.text} is not a valid number`, operand.position);
      return sql`${operand.value}::numeric`;
    case 'arithmetic': {
      const left = numeric(kind, operand.left);
      const right = numeric(kind, operand.right);
      const operator = raw(operand.operator);
      if (operand.operator !== '/' && operand.operator !== '%') return sql`(${left} ${operator} ${right})`;
      if (operand.right.type === 'number') {
        if (operand.right.value === 0) throw new SearchError('division by zero', operand.right.position);
        return sql`(${left} ${operator} ${right})`;
      }
      // A divisor read from a row may be zero: that row then does not match instead of failing the query.
      return sql`(${left} ${operator} NULLIF(${right}, 0))`;
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

function column(name: string): Sql {
  return sql`t.${ident(name)}`;
}

/** A literal converted to the type it is compared with, as a cast bind parameter. */
function param(literal: Literal, target: TypedValue): Sql {
  const value = convert(literal, target);
  return sql`${value}::${raw(target.type)}`;
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
