import { run, sql, type Queryable } from '../db/sql.ts';
import type { Kind } from '../kinds/define.ts';
import type { ChangeEvent } from './change-feed.ts';

/**
 * The value a wire field of the event's object had in the latest earlier change of the same object
 * that the change log still holds; null when there is none (a new object, or earlier changes no
 * longer retained) or the field had no value.
 */
export async function valueBefore(db: Queryable, kind: Kind, event: ChangeEvent, field: string): Promise<string | null> {
  const [earlier] = await run<{ value: string | null }>(
    db,
    sql`SELECT object->>${field} AS value FROM change_events WHERE kind = ${kind.name} AND object_id = ${event.objectId} AND seq < ${event.seq} ORDER BY seq DESC LIMIT 1`,
  );
  return earlier?.value ?? null;
}
