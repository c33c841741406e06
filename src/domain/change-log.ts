import { run, sql, type Queryable } from '../db/sql.ts';
import type { Tx } from '../db/transaction.ts';
import type { WireObject } from './wire.ts';

/**
 * The change log (rest-contract §6.6): one `change_events` row per created, updated or deleted
 * object, written in the same transaction as the change.
 *
 * Rows must become visible in `seq` order, or a reader that has seen N+1 could miss N forever.
 * Sequences are handed out at insert time but transactions commit in any order, so every writer
 * takes one transaction-scoped advisory lock just before inserting its rows and holds it until
 * COMMIT. The rows of a transaction are buffered and inserted together at the very end, which keeps
 * that lock held for as short a time as possible.
 */

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  object: WireObject;
  projectId: string | null;
}

/** Arbitrary, fixed key of the change-log advisory lock. */
export const CHANGE_LOG_LOCK = 0x616d6231;

const PENDING = Symbol('pending changes');

export function recordChange(tx: Tx, change: Change): void {
  let pending = tx.state.get(PENDING) as Change[] | undefined;
  if (!pending) {
    pending = [];
    tx.state.set(PENDING, pending);
    tx.beforeCommit(() => flush(tx, pending!));
  }
  pending.push(change);
}

/** The channel every server replica LISTENs on; the payload is the highest new `seq`. */
export const CHANGE_CHANNEL = 'ambient_changes';

async function flush(tx: Tx, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  // One statement: the lock (joined in, so it is taken before any row gets its seq), the rows,
  // and the NOTIFY — delivered at COMMIT (dropped on rollback). The notification only wakes
  // readers, who then read the table, so a lost one delays events but never loses them.
  await tx.query(
    `WITH added AS (
       INSERT INTO change_events (kind, object_id, type, project_id, object)
       SELECT e.kind, e.object_id, e.type, e.project_id, e.object
         FROM (SELECT pg_advisory_xact_lock($6)) AS lock
        CROSS JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) AS e(kind, object_id, type, project_id, object)
       RETURNING seq)
     SELECT pg_notify('${CHANGE_CHANNEL}', max(seq)::text) FROM added`,
    [
      changes.map((c) => c.object.kind),
      changes.map((c) => c.object.id),
      changes.map((c) => c.type),
      changes.map((c) => c.projectId),
      changes.map((c) => JSON.stringify(c.object)),
      CHANGE_LOG_LOCK,
    ],
  );
}

/** The highest committed `seq` (0 when the log is empty). */
export async function headSeq(db: Queryable): Promise<number> {
  return Number((await run<{ head: number }>(db, sql`SELECT coalesce(max(seq), 0) AS head FROM change_events`))[0]!.head);
}
