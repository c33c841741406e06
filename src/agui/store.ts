import type pg from 'pg';
import type { Queryable } from '../db/sql.ts';
import { notifyCommitted, type Tx } from '../db/transaction.ts';
import { isEvent, normalizeTimestamp, runIdOf, threadIdOf, type AguiEvent, type StoredEvent } from './events.ts';

/**
 * The AG-UI event log in Postgres (runtime.md §a.4): appends and reads of `agui_events`.
 *
 * `seq` is one global identity, but readers follow one session and remember the last `seq` they
 * delivered, so within a session rows must become visible in `seq` order. Every append therefore
 * takes a transaction-scoped advisory lock on the session before inserting and holds it until
 * COMMIT: a second writer of the same session gets its `seq` only after the first one is visible.
 * Writers of different sessions never wait for each other. Once the append has committed,
 * `NOTIFY agui_events, '<session_id>:<seq>'` tells every replica to look. It is sent after COMMIT,
 * from the pool (src/db/transaction.ts), never inside the writing transaction, whose COMMIT would
 * otherwise take Postgres' global notification lock; a lost one only delays until the feeds poll.
 *
 * The append is one statement, so outside a transaction it commits in one round trip. Its locks
 * are taken in a fixed order through the statement's data dependencies: the session row (KEY
 * SHARE, which the foreign key takes anyway), then the advisory lock, then the `seq`s. Writes that
 * lock the session row first (run and feedback do, FOR UPDATE) therefore queue behind or ahead of
 * an append instead of deadlocking with it.
 */

export const AGUI_CHANNEL = 'agui_events';

/** Key space (first half of a two-key advisory lock) of the per-session append lock. */
const APPEND_LOCK = 0x61677569; // 'agui'

interface EventRow {
  seq: number;
  run_id: string | null;
  thread_id: string | null;
  type: string;
  payload: string;
  created_ms: number;
}

const COLUMNS = `seq, run_id, thread_id, type, payload::text AS payload, floor(extract(epoch FROM created_at) * 1000)::bigint AS created_ms`;

function toStored(row: EventRow): StoredEvent {
  const parsed = JSON.parse(row.payload) as unknown;
  const payload = isEvent(parsed) ? normalizeTimestamp(parsed) : ({ type: row.type } as AguiEvent);
  return { seq: Number(row.seq), runId: row.run_id, threadId: row.thread_id, type: row.type, payload, createdAt: Number(row.created_ms) };
}

/**
 * PostgreSQL's jsonb cannot hold U+0000; a NUL inside a string is stored as U+FFFD instead of
 * failing the append (and losing the event). Only `\u0000` escapes preceded by an even number of
 * backslashes are NULs.
 */
function storable(json: string): string {
  return json.includes('\\u0000') ? json.replace(/(?<!\\)((?:\\\\)*)\\u0000/g, '$1\\ufffd') : json;
}

/**
 * Appends events to a session's log, in order, and returns their `seq`s: in the caller's
 * transaction when given one, else committed on its own. The `thread_id`/`run_id` columns come
 * from the payload (either casing), which callers have already completed with the filled ids
 * (§a.4 rule 2).
 */
export async function appendEvents(db: Tx | pg.Pool, sessionId: string, events: readonly AguiEvent[]): Promise<number[]> {
  if (events.length === 0) return [];
  // `locked` reads `session` and the insert reads `locked`: the lock order is the session row, then the advisory lock.
  const { rows } = await (db as Queryable).query<{ seqs: number[] | null }>(
    `WITH session AS (SELECT id FROM sessions WHERE id = $1 FOR KEY SHARE),
          locked AS (SELECT pg_advisory_xact_lock($6, hashtext(id)) FROM session),
          added AS (
            INSERT INTO agui_events (session_id, thread_id, run_id, type, payload)
            SELECT $1, u.thread_id, u.run_id, u.type, u.payload
            FROM locked, unnest($2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS u(thread_id, run_id, type, payload, n)
            ORDER BY u.n
            RETURNING seq)
     SELECT array_agg(seq ORDER BY seq) AS seqs FROM added`,
    [
      sessionId,
      events.map((e) => threadIdOf(e) ?? null),
      events.map((e) => runIdOf(e) ?? null),
      events.map((e) => e.type),
      events.map((e) => storable(JSON.stringify(e))),
      APPEND_LOCK,
    ],
  );
  const seqs = (rows[0]?.seqs ?? []).map(Number);
  if (seqs.length > 0) {
    const wake = `${sessionId}:${seqs.at(-1)!}`;
    // In a transaction: once it commits. On the pool the statement has committed already.
    if ('notifyAfterCommit' in db) db.notifyAfterCommit(AGUI_CHANNEL, wake);
    else notifyCommitted(db, AGUI_CHANNEL, wake);
  }
  return seqs;
}

export interface ReadRange {
  /** Only events with a larger `seq`. */
  after: number;
  /** Only events up to this `seq`. */
  through?: number;
  /** Only this run's events. */
  runId?: string;
  limit?: number;
}

/** A session's events in the range, oldest first. */
export async function readEvents(db: Queryable, sessionId: string, range: ReadRange): Promise<StoredEvent[]> {
  const values: unknown[] = [sessionId, range.after];
  let where = 'session_id = $1 AND seq > $2';
  if (range.through !== undefined) where += ` AND seq <= $${values.push(range.through)}`;
  if (range.runId !== undefined) where += ` AND run_id = $${values.push(range.runId)}`;
  const limit = range.limit === undefined ? '' : ` LIMIT $${values.push(range.limit)}`;
  const { rows } = await db.query<EventRow>(`SELECT ${COLUMNS} FROM agui_events WHERE ${where} ORDER BY seq${limit}`, values);
  return rows.map(toStored);
}

/**
 * Every event of the session (or of one run) and the highest `seq` among them, from one statement
 * and therefore one snapshot (§a.8: `H` and the events up to it agree).
 */
export async function readAll(db: Queryable, sessionId: string, runId?: string): Promise<{ head: number; events: StoredEvent[] }> {
  const events = await readEvents(db, sessionId, { after: 0, ...(runId !== undefined ? { runId } : {}) });
  return { head: events.at(-1)?.seq ?? 0, events };
}

/** The highest `seq` of the session's committed events (0 when none). */
export async function headOf(db: Queryable, sessionId: string): Promise<number> {
  const { rows } = await db.query<{ head: number | null }>('SELECT max(seq) AS head FROM agui_events WHERE session_id = $1', [sessionId]);
  return Number(rows[0]?.head ?? 0);
}

/**
 * Of `ids`, those that already name a message in the session's log: the message id of text
 * events (either casing) or the `id` of a RAW-wrapped message. Used under the append lock, so two
 * runs cannot both persist the same user message.
 */
export async function storedMessageIds(db: Queryable, sessionId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT DISTINCT id FROM (
       SELECT coalesce(payload->>'messageId', payload->>'message_id', payload->'event'->>'id', payload->'data'->>'id') AS id
       FROM agui_events WHERE session_id = $1) AS ids
     WHERE id = ANY($2::text[])`,
    [sessionId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** The newest events of the given types, newest first, one page at a time (the agent-status scan). */
export async function readBackwards(db: Queryable, sessionId: string, types: readonly string[], before: number, limit: number): Promise<StoredEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${COLUMNS} FROM agui_events WHERE session_id = $1 AND seq < $2 AND type = ANY($3::text[]) ORDER BY seq DESC LIMIT $4`,
    [sessionId, before, types, limit],
  );
  return rows.map(toStored);
}
