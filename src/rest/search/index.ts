import type { Condition } from '../../conditions/condition.ts';
import { conditionSql } from '../../conditions/sql.ts';
import type { Sql } from '../../db/sql.ts';
import { badRequest } from '../../domain/errors.ts';
import { queryableField, type OrderItem } from '../../domain/service.ts';
import type { Kind } from '../../kinds/define.ts';
import { compile } from './compile.ts';
import { SearchError } from './lexer.ts';
import { parse } from './parser.ts';

/**
 * The REST list parameters `search` (rest-contract §6.3) and `orderBy` (§6.2).
 *
 * `searchCondition` turns a Tree Search Language filter into a condition tree (src/conditions/) that
 * the domain renders as SQL over the row alias `t`; `parseOrderBy` turns `orderBy` into checked
 * order items. Every failure is a DomainError with code 21 (400).
 */

export type { OrderItem } from '../../domain/service.ts';
export type * from './parser.ts';
export { parse } from './parser.ts';
export { compile } from './compile.ts';
export { SearchError, tokenize } from './lexer.ts';

/** Longest `search` accepted, in characters. */
export const MAX_SEARCH_LENGTH = 8192;

/**
 * The condition for `search` on `kind`, or undefined when `search` is empty or only whitespace.
 * Throws 400 code 21 `Failed to parse search query: <search>[: <detail>]` on any failure.
 */
export function searchCondition(kind: Kind, search: string): Condition | undefined {
  const failed = `Failed to parse search query: ${search}`;
  if (search.length > MAX_SEARCH_LENGTH && [...search].length > MAX_SEARCH_LENGTH) {
    throw badRequest(`${failed}: longer than ${MAX_SEARCH_LENGTH} characters`);
  }
  if (search.trim() === '') return undefined;
  try {
    return compile(kind, parse(search));
  } catch (error) {
    if (error instanceof SearchError) throw badRequest(`${failed}: ${error.message}`);
    throw error;
  }
}

/** The SQL a `search` runs as (src/conditions/sql.ts renders it), for inspection; undefined when empty. */
export function compileSearch(kind: Kind, search: string): Sql | undefined {
  const condition = searchCondition(kind, search);
  return condition === undefined ? undefined : conditionSql(kind, condition);
}

const DIRECTIONS: ReadonlyMap<string, OrderItem['direction']> = new Map([
  ['asc', 'asc'],
  ['desc', 'desc'],
]);

/**
 * `orderBy`: comma-separated `<field>` or `<field> asc|desc` (direction case-insensitive, default
 * asc). Each field must be queryable; `id` is not appended here (the domain adds the tie-breaker).
 * An empty or whitespace-only `orderBy` means the default order (`[]`). Throws 400 code 21
 * `bad order value '<item>'` with the trimmed item.
 */
export function parseOrderBy(kind: Kind, orderBy: string): OrderItem[] {
  if (orderBy.trim() === '') return [];
  return orderBy.split(',').map((part) => {
    const item = part.trim();
    const words = item.split(/\s+/);
    const field = words.length <= 2 ? queryableField(kind, words[0]!) : undefined;
    const direction = DIRECTIONS.get((words[1] ?? 'asc').toLowerCase());
    if (!field || !direction) throw badRequest(`bad order value '${item}'`);
    return { field: field.name, direction };
  });
}
