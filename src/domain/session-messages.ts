import type { Actor } from '../auth/actor.ts';
import type { Queryable } from '../db/sql.ts';
import { Session } from '../kinds/index.ts';
import { forbidden, invalid, malformed } from './errors.ts';
import { ksuid } from './ksuid.ts';
import type { Domain, RequestContext } from './service.ts';

/**
 * A session's message log (head-contract H5): `session_messages`, one global `seq`.
 *
 * Readers follow one session and remember the last `seq` they delivered, so within a session rows
 * must become visible in `seq` order. As for the AG-UI log (src/agui/store.ts), every append takes
 * a transaction-scoped advisory lock on the session before inserting and holds it until COMMIT,
 * and `NOTIFY session_messages, '<session_id>'` (delivered at COMMIT) tells every replica to look.
 */

export const SESSION_MESSAGE_CHANNEL = 'session_messages';

/** Key space (first half of a two-key advisory lock) of the per-session append lock. */
const APPEND_LOCK = 0x6d736773; // 'msgs'

/** The conversational types; AG-UI event names (`TEXT_MESSAGE_CONTENT`, …) are accepted too. */
export const SESSION_MESSAGE_TYPES = ['user', 'assistant', 'tool_use', 'tool_result', 'system', 'error'] as const;
const AGUI_EVENT_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Largest payload, in characters: as large as a session prompt. */
export const MAX_PAYLOAD = 1024 * 1024;
/** Most messages one list answers; a client pages on with `after_seq`. */
export const MAX_LIST = 1000;

export interface SessionMessage {
  id: string;
  kind: 'SessionMessage';
  session_id: string;
  seq: number;
  event_type: string;
  payload: string;
  created_at: string;
}

interface MessageRow {
  seq: string;
  id: string;
  session_id: string;
  event_type: string;
  payload: string;
  created_at: Date;
}

const toMessage = (row: MessageRow): SessionMessage => ({
  id: row.id,
  kind: 'SessionMessage',
  session_id: row.session_id,
  seq: Number(row.seq),
  event_type: row.event_type,
  payload: row.payload,
  created_at: row.created_at.toISOString(),
});

/**
 * Who may push which type: users (and project keys) speak only as `user`; the server itself —
 * and, through it, the session's runner — may push every other type.
 */
function mayPushType(actor: Actor, eventType: string): boolean {
  return eventType === 'user' || actor.type === 'system';
}

/** A push body `{event_type?, payload}`, validated; 400 code 17 for wrong types, 8 for bad values. */
export function parsePush(body: Record<string, unknown>): { eventType: string; payload: string } {
  for (const key of Object.keys(body)) if (key !== 'event_type' && key !== 'payload') throw malformed(`unknown field "${key}"`, key);
  const eventType = body['event_type'] ?? 'user';
  if (typeof eventType !== 'string') throw malformed('event_type must be a string', 'event_type');
  if (!(SESSION_MESSAGE_TYPES as readonly string[]).includes(eventType) && !AGUI_EVENT_NAME.test(eventType)) {
    throw invalid(`invalid event_type "${eventType}"; must be one of: ${SESSION_MESSAGE_TYPES.join(', ')}, or an AG-UI event name`, 'event_type');
  }
  const payload = body['payload'];
  if (payload === undefined || payload === null) throw invalid('payload is required', 'payload');
  if (typeof payload !== 'string') throw malformed('payload must be a string', 'payload');
  if (payload.length > MAX_PAYLOAD) throw invalid(`payload must be at most ${MAX_PAYLOAD} characters`, 'payload');
  if (payload.includes('\u0000')) throw invalid('payload must not contain NUL characters', 'payload');
  return { eventType, payload };
}

/** Appends one message in the caller's transaction (or on its own) and returns it. */
export async function appendMessage(db: Queryable, sessionId: string, eventType: string, payload: string): Promise<SessionMessage> {
  // `locked` reads `session` and the insert reads `locked`: the lock order is the session row, then the advisory lock.
  const { rows } = await db.query<MessageRow>(
    `WITH session AS (SELECT id FROM sessions WHERE id = $1 FOR KEY SHARE),
          locked AS (SELECT pg_advisory_xact_lock($5, hashtext(id)) FROM session),
          added AS (
            INSERT INTO session_messages (id, session_id, event_type, payload)
            SELECT $2, $1, $3, $4 FROM locked
            RETURNING seq, id, session_id, event_type, payload, created_at)
     SELECT added.*, pg_notify('${SESSION_MESSAGE_CHANNEL}', $1) FROM added`,
    [sessionId, ksuid(), eventType, payload, APPEND_LOCK],
  );
  return toMessage(rows[0]!);
}

/** A session's messages with `seq` above `after`, oldest first, at most `limit`. */
export async function readMessages(db: Queryable, sessionId: string, after: number, limit = MAX_LIST): Promise<SessionMessage[]> {
  const { rows } = await db.query<MessageRow>(
    `SELECT seq, id, session_id, event_type, payload, created_at FROM session_messages WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [sessionId, after, limit],
  );
  return rows.map(toMessage);
}

/** `after_seq`: a non-negative integer (default 0). */
export function parseAfterSeq(value: string | null | undefined): number {
  if (value === null || value === undefined || value === '') return 0;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw invalid('after_seq must be a non-negative integer', 'after_seq');
  return Number(value);
}

/** The session-message operations every protocol calls; authorization is the session's. */
export class SessionMessages {
  constructor(private readonly domain: Domain) {}

  /** Push: edit on the session's project; non-`user` types only for the session's runner (the server). */
  async push(ctx: RequestContext, sessionId: string, body: Record<string, unknown>): Promise<SessionMessage> {
    const { eventType, payload } = parsePush(body);
    if (!mayPushType(ctx.actor, eventType)) throw forbidden(`only a session's runner may push event_type "${eventType}"; users push "user"`);
    return this.domain.withLocked(ctx, Session, sessionId, 'edit', (c) => appendMessage(c.tx, sessionId, eventType, payload));
  }

  /** The messages after `after`, for callers who may read the session (404 otherwise). */
  async list(ctx: RequestContext, sessionId: string, after: number, limit = MAX_LIST): Promise<SessionMessage[]> {
    await this.domain.get(ctx, Session, sessionId);
    return readMessages(this.domain.pool, sessionId, after, limit);
  }

  /** Checks that the caller may read the session (before a stream starts). */
  async authorizeRead(ctx: RequestContext, sessionId: string): Promise<void> {
    await this.domain.get(ctx, Session, sessionId);
  }
}
