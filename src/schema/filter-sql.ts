import { ident, join, raw, sql, type Sql } from '../db/sql.ts';
import type { Condition, FieldCondition } from './filters.ts';

/**
 * A `where` as SQL over the row alias `t`, for testing change-stream objects against the filter of
 * a subscription (src/live/filter.ts evaluates it on the objects turned back into rows).
 *
 * Each operator is written as the SQL Prisma generates for it on Postgres, quirks included: a
 * case-insensitive `eq` is `ILIKE` with the value as the pattern, `contains` does not escape `%`
 * and `_`, an empty `notIn` holds even for null. So a stream selects exactly the objects the
 * connection with the same `where` lists (test/graphql/filter-sql.test.ts compares the two).
 * Values are always bind parameters; columns come from the Kind's queryable fields.
 */
export function conditionSql(condition: Condition): Sql {
  if ('all' in condition) return condition.all.length === 0 ? sql`true` : group(condition.all.map(conditionSql), ' AND ');
  if ('any' in condition) return condition.any.length === 0 ? sql`false` : group(condition.any.map(conditionSql), ' OR ');
  if ('not' in condition) return sql`(NOT ${conditionSql(condition.not)})`;
  return fieldSql(condition);
}

const group = (conditions: Sql[], operator: string): Sql => sql`(${join(conditions, operator)})`;

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
