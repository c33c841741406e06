import { ident, join, raw, Sql, sql } from '../db/sql.ts';
import type { Kind } from '../kinds/define.ts';
import type { Condition, Expression, FieldCondition, ProjectCondition, SqlType, TypedCondition, TypedOperator } from './condition.ts';

/**
 * A condition as SQL over the row alias `t` of `kind`'s table: the read policy in the domain's
 * statements, and a GraphQL `where` tested on change-stream objects (src/live/filter.ts).
 *
 * Each field operator is written as the SQL Prisma generates for it on Postgres, quirks included: a
 * case-insensitive `eq` is `ILIKE` with the value as the pattern, `contains` does not escape `%`
 * and `_`, an empty `notIn` holds even for null. So a stream selects exactly the objects the
 * connection with the same `where` lists (test/graphql/filter-sql.test.ts compares the two).
 * Values are always bind parameters; columns come from the Kind's declared fields.
 *
 * This module and the domain's statements are the only SQL the server writes for a condition:
 * protocol layers build a `Condition` and hand it to the domain.
 */
export function conditionSql(kind: Kind, condition: Condition): Sql {
  if ('all' in condition)
    return condition.all.length === 0
      ? sql`true`
      : group(
          condition.all.map((c) => conditionSql(kind, c)),
          ' AND ',
        );
  if ('any' in condition)
    return condition.any.length === 0
      ? sql`false`
      : group(
          condition.any.map((c) => conditionSql(kind, c)),
          ' OR ',
        );
  if ('not' in condition) return sql`(NOT ${conditionSql(kind, condition.not)})`;
  if ('project' in condition) return projectSql(kind, condition);
  if ('typed' in condition) return typedSql(condition);
  return fieldSql(condition);
}

/**
 * Which rows of a Kind: a condition (what protocol layers pass), or SQL over the row alias `t`
 * written by domain code (src/domain/), which owns its statements.
 */
export type RowFilter = Condition | Sql;

/** A row filter as SQL over the row alias `t`. */
export const filterSql = (kind: Kind, filter: RowFilter): Sql => (filter instanceof Sql ? filter : conditionSql(kind, filter));

const group = (conditions: Sql[], operator: string): Sql => sql`(${join(conditions, operator)})`;

function projectSql(kind: Kind, { project }: ProjectCondition): Sql {
  const among = (id: Sql): Sql => {
    if ('ids' in project) return project.ids.length === 1 ? sql`${id} = ${project.ids[0]}` : sql`${id} = ANY(${project.ids}::text[])`;
    const { username, groups, roles } = project.granted;
    return sql`${id} IN (SELECT p.project_id FROM permissions p WHERE p.deleted_at IS NULL AND p.role = ANY(${[...roles]}::text[]) AND ${grantedTo(username, groups)})`;
  };
  if (kind.scope === 'project') return among(sql`t.project_id`);
  if (kind.name === 'Project') return among(sql`t.id`);
  if (kind.scope === 'workflow') return sql`t.workflow_id IN (SELECT w.id FROM workflows w WHERE ${among(sql`w.project_id`)})`;
  return sql`false`;
}

/** Permissions (alias `p`) that grant something to the user: by username, or through one of its groups. */
export function grantedTo(username: string, groups: readonly string[]): Sql {
  return sql`((p.subject_type = 'user' AND p.subject_name = ${username}) OR (p.subject_type = 'group' AND p.subject_name = ANY(${[...groups]}::text[])))`;
}

function fieldSql({ column, operator, value, caseInsensitive }: FieldCondition): Sql {
  const c = sql`t.${ident(column)}`;
  const like = raw(caseInsensitive ? 'ILIKE' : 'LIKE');
  switch (operator) {
    case 'isNull':
      return sql`${c} IS NULL`;
    case 'isNotNull':
      return sql`${c} IS NOT NULL`;
    case 'eq':
      return caseInsensitive ? sql`${c} ILIKE ${value}` : sql`${c} = ${value}`;
    case 'ne':
      return caseInsensitive ? sql`${c} NOT ILIKE ${value}` : sql`${c} <> ${value}`;
    case 'in':
    case 'notIn': {
      const values = value as unknown[];
      if (values.length === 0) return operator === 'in' ? sql`false` : sql`true`;
      const list = join(
        values.map((v) => (caseInsensitive ? sql`lower(${v})` : sql`${v}`)),
        ', ',
      );
      return sql`${caseInsensitive ? sql`lower(${c})` : c} ${raw(operator === 'in' ? 'IN' : 'NOT IN')} (${list})`;
    }
    case 'gt':
      return sql`${c} > ${value}`;
    case 'gte':
      return sql`${c} >= ${value}`;
    case 'lt':
      return sql`${c} < ${value}`;
    case 'lte':
      return sql`${c} <= ${value}`;
    case 'contains':
      return sql`${c}::text ${like} ('%' || ${value} || '%')`;
    case 'startsWith':
      return sql`${c}::text ${like} (${value} || '%')`;
    case 'endsWith':
      return sql`${c}::text ${like} ('%' || ${value})`;
  }
}

const SQL_TYPES: ReadonlySet<SqlType> = new Set(['text', 'integer', 'bigint', 'double precision', 'boolean', 'timestamptz', 'numeric']);

const COMPARISON: Partial<Record<TypedOperator, string>> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };
const PATTERN: Partial<Record<TypedOperator, string>> = { like: 'LIKE', notLike: 'NOT LIKE', ilike: 'ILIKE', notIlike: 'NOT ILIKE' };

/** A typed comparison, every predicate parenthesized, every value a parameter cast to the comparison's type. */
function typedSql({ typed: { left, type, operator, values } }: TypedCondition): Sql {
  if (!SQL_TYPES.has(type)) throw new Error(`not a comparison type: ${JSON.stringify(type)}`);
  const l = expressionSql(left, false);
  const value = (v: unknown) => sql`${v}::${raw(type)}`;
  const arity = (n: number) => {
    if (values.length !== n) throw new Error(`'${operator}' compares with ${n} value(s), not ${values.length}`);
  };
  const comparison = COMPARISON[operator];
  if (comparison !== undefined) {
    arity(1);
    return sql`(${l} ${raw(comparison)} ${value(values[0])})`;
  }
  const pattern = PATTERN[operator];
  if (pattern !== undefined) {
    arity(1);
    return sql`(${l} ${raw(pattern)} ${value(values[0])})`;
  }
  switch (operator) {
    case 'isNull':
    case 'isNotNull':
      arity(0);
      return sql`(${l} ${raw(operator === 'isNull' ? 'IS NULL' : 'IS NOT NULL')})`;
    case 'in':
    case 'notIn':
      // An empty list has no SQL spelling; `search` always lists at least one literal.
      if (values.length === 0) return operator === 'in' ? sql`false` : sql`true`;
      return sql`(${l} ${raw(operator === 'in' ? 'IN' : 'NOT IN')} (${join(values.map(value), ', ')}))`;
    case 'between':
    case 'notBetween':
      arity(2);
      return sql`(${l} ${raw(operator === 'between' ? 'BETWEEN' : 'NOT BETWEEN')} ${value(values[0])} AND ${value(values[1])})`;
    default:
      throw new Error(`unknown operator '${operator}'`);
  }
}

/** A value of the row; inside arithmetic, columns and numbers are `numeric`. */
function expressionSql(expression: Expression, inArithmetic: boolean): Sql {
  if ('column' in expression) return inArithmetic ? sql`t.${ident(expression.column)}::numeric` : sql`t.${ident(expression.column)}`;
  if ('number' in expression) return sql`${expression.number}::numeric`;
  const { arithmetic, left, right } = expression;
  if (!ARITHMETIC.has(arithmetic)) throw new Error(`not an arithmetic operator: ${JSON.stringify(arithmetic)}`);
  const l = expressionSql(left, true);
  const r = expressionSql(right, true);
  const divides = arithmetic === '/' || arithmetic === '%';
  const safe = !divides || ('number' in right && right.number !== 0);
  return safe ? sql`(${l} ${raw(arithmetic)} ${r})` : sql`(${l} ${raw(arithmetic)} NULLIF(${r}, 0))`;
}

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);
