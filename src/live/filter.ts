import { filterSql, type RowFilter } from '../conditions/sql.ts';
import { ident, run, sql, type Queryable } from '../db/sql.ts';
import type { Kind } from '../kinds/define.ts';
import type { WireObject } from '../domain/wire.ts';

/**
 * Applies a list filter (the condition of a TSL `search` or GraphQL `where`) to objects from the
 * change log. Postgres evaluates it on the objects turned back into rows of the
 * Kind's table (`jsonb_populate_recordset`), so a stream filters exactly as a list does: same
 * types, same null logic, same collation.
 */
export async function matchingIds(db: Queryable, kind: Kind, where: RowFilter, objects: readonly WireObject[]): Promise<Set<string>> {
  if (objects.length === 0) return new Set();
  const rows = await run<{ id: string }>(
    db,
    sql`SELECT t.id FROM jsonb_populate_recordset(NULL::${ident(kind.table)}, ${JSON.stringify(objects)}::jsonb) AS t WHERE ${filterSql(kind, where)}`,
  );
  return new Set(rows.map((r) => r.id));
}
