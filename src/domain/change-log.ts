import type { Tx } from '../db/transaction.ts';
import type { WireObject } from './wire.ts';

/**
 * The change log (rest-contract §6.6): one `change_events` row per created, updated or deleted
 * object, written in the same transaction as the change.
 *
 * Writers take no lock: each transaction inserts its rows at its very end and commits whenever it
 * is done, so rows become visible out of `seq` order. Readers make up for it (src/live/
 * change-feed.ts): they only consume `seq`s every holder of which has finished. What they rely on
 * here is one rule: **a writer has its transaction id before it draws a `seq`** (the `CASE`
 * below evaluates the id first, and the sequence's default is replaced by that expression), so
 * "every transaction that existed when `seq` N had been drawn has ended" implies "`seq` N and
 * below are final". After COMMIT a NOTIFY wakes the readers; it only wakes them, so a lost one
 * delays events but never loses them.
 */

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface Change {
  type: ChangeType;
  object: WireObject;
  projectId: string | null;
}

/** The identity sequence of `change_events.seq` (Postgres' name for an identity column's sequence). */
export const CHANGE_SEQUENCE = 'change_events_seq_seq';

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

/** The channel every server replica LISTENs on. No payload: the feed finds out what is new itself, and equal wake-ups coalesce. */
export const CHANGE_CHANNEL = 'ambient_changes';

/**
 * The rows of one transaction, in one statement. `me` is materialized before any row is produced,
 * and each `seq` is drawn in a CASE whose condition reads the transaction id: the id is assigned
 * before the first `seq` is drawn. (Exported for the bench baseline, which sends the same text.)
 */
export const INSERT_CHANGES = `WITH me AS MATERIALIZED (SELECT pg_current_xact_id() AS xid)
INSERT INTO change_events (seq, kind, object_id, type, project_id, object) OVERRIDING SYSTEM VALUE
SELECT CASE WHEN me.xid IS NOT NULL THEN nextval('${CHANGE_SEQUENCE}') END, e.kind, e.object_id, e.type, e.project_id, e.object
  FROM me CROSS JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS e(kind, object_id, type, project_id, object, n)
 ORDER BY e.n`;

async function flush(tx: Tx, changes: Change[]): Promise<void> {
  if (changes.length === 0) return;
  await tx.query(INSERT_CHANGES, [
    changes.map((c) => c.object.kind),
    changes.map((c) => c.object.id),
    changes.map((c) => c.type),
    changes.map((c) => c.projectId),
    changes.map((c) => JSON.stringify(c.object)),
  ]);
  tx.notifyAfterCommit(CHANGE_CHANNEL, '');
}
