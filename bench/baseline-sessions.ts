import pg from 'pg';
import { CHANGE_CHANNEL, INSERT_CHANGES } from '../src/domain/change-log.ts';
import { notifyCommitted } from '../src/db/transaction.ts';
import { ksuid } from '../src/domain/ksuid.ts';
import { typeParsers } from '../src/db/sql.ts';

/**
 * The baseline's three operations on sessions: the least code that does what the real server does
 * for them in the database and on the wire, with none of its generality (no Kind declarations, no
 * SQL builder, no authorization, no validation beyond what the SQL needs).
 *
 * Fairness rests on three things, all checked before anything is measured (bench/sql-parity.ts,
 * bench/response-parity.ts):
 * - the statements are the real server's, byte for byte, with the same parameters and the same
 *   transaction boundaries (BEGIN, the change_events row, COMMIT, then the NOTIFY that wakes the
 *   change-log readers, sent through the same coalescing notifier);
 * - rows are read with the same pg type parsers (jsonb stays compact text, bigint is a number);
 * - responses are the same JSON (the wire form of src/domain/wire.ts: ObjectReference fields
 *   first, nulls omitted, timestamps as ISO strings).
 */

/** Every column of `sessions` the real server reads, in the Kind's declaration order (= wire order). */
const FIELDS = [
  'name',
  'prompt',
  'repo_url',
  'repos',
  'interactive',
  'timeout',
  'llm_model',
  'llm_temperature',
  'llm_max_tokens',
  'workflow_id',
  'assigned_user_id',
  'parent_session_id',
  'bot_account_name',
  'resource_overrides',
  'environment_variables',
  'labels',
  'annotations',
  'project_id',
  'agent_id',
  'scheduled_session_id',
  'created_by_user_id',
  'phase',
  'start_time',
  'completion_time',
  'sdk_session_id',
  'sdk_restart_count',
  'conditions',
  'reconciled_repos',
  'reconciled_workflow',
  'kube_cr_name',
  'kube_cr_uid',
  'kube_namespace',
] as const;

const SELECT_LIST = ['id', 'created_at', 'updated_at', ...FIELDS].map((c) => `t."${c}"`).join(', ');

// The statement texts, exactly as src/domain/store.ts, projects.ts, kinds/session.ts and
// change-log.ts render them (whitespace included: same text, same parse work in Postgres).
export const SQL = {
  findProject: 'SELECT id FROM projects WHERE deleted_at IS NULL AND (id = $1 OR name = $2) ORDER BY (id = $3) DESC LIMIT 1',
  page:
    `SELECT ${SELECT_LIST}, count(*) OVER () AS __total FROM "sessions" t WHERE t.deleted_at IS NULL AND true AND t.project_id = $1\n` +
    '        ORDER BY t."created_at" ASC, t."id" ASC LIMIT $2 OFFSET $3',
  get: `SELECT ${SELECT_LIST} FROM "sessions" t WHERE t.id = $1 AND t.deleted_at IS NULL`,
  // The project stays live until COMMIT (a concurrent project DELETE waits for this create).
  lockProject: 'SELECT id FROM projects WHERE id = $1 AND deleted_at IS NULL FOR KEY SHARE',
  projectName: 'SELECT name FROM projects WHERE id = $1',
  insert:
    'INSERT INTO "sessions" AS t (id, created_at, updated_at, "name", "prompt", "repo_url", "repos", "interactive", "timeout", "llm_model", ' +
    '"llm_temperature", "llm_max_tokens", "workflow_id", "assigned_user_id", "parent_session_id", "bot_account_name", "resource_overrides", ' +
    '"environment_variables", "labels", "annotations", "project_id", "agent_id", "kube_cr_name", "kube_namespace", "created_by_user_id")\n' +
    '        VALUES ($1, now(), now(), $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16::jsonb, $17::jsonb, $18::jsonb, $19, $20, $21, $22, $23)\n' +
    `        RETURNING ${SELECT_LIST}`,
  // The change event (the real server's statement text, src/domain/change-log.ts).
  changeEvent: INSERT_CHANGES,
} as const;

export const HREF_BASE = '/api/ambient/v1/sessions';

type SessionRow = Record<string, unknown> & { id: string };

/** The wire form of a session row: what src/domain/wire.ts#toWire produces for the Session Kind. */
export function sessionToWire(row: SessionRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: row.id,
    kind: 'Session',
    href: `${HREF_BASE}/${row.id}`,
    created_at: (row['created_at'] as Date).toISOString(),
    updated_at: (row['updated_at'] as Date).toISOString(),
  };
  for (const field of FIELDS) {
    const value = row[field];
    if (value !== null && value !== undefined) out[field] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export function createBaselinePool(connectionString: string, max: number): pg.Pool {
  // Same driver, pool size and type parsers as the real server (src/db/database.ts#createPool).
  const pool = new pg.Pool({ connectionString, max, types: typeParsers, application_name: 'ambient-bench-baseline' });
  pool.on('error', () => undefined);
  return pool;
}

/** A client-visible failure: the status and a reason. */
export class BaselineError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function findProject(db: pg.Pool | pg.PoolClient, ref: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(SQL.findProject, [ref, ref, ref]);
  return rows[0]?.id;
}

export interface SessionList {
  kind: 'SessionList';
  page: number;
  size: number;
  total: number;
  items: Record<string, unknown>[];
}

/** One page of a project's live sessions, oldest first (the real server's default order). */
export async function listSessions(pool: pg.Pool, projectRef: string, page: number, size: number): Promise<SessionList> {
  const projectId = await findProject(pool, projectRef);
  if (projectId === undefined) return { kind: 'SessionList', page, size: 0, total: 0, items: [] };
  const { rows } = await pool.query<SessionRow & { __total: number }>(SQL.page, [projectId, size, (page - 1) * size]);
  const items = rows.map(sessionToWire);
  return { kind: 'SessionList', page, size: items.length, total: rows.length > 0 ? Number(rows[0]!.__total) : 0, items };
}

export async function getSession(pool: pg.Pool, id: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await pool.query<SessionRow>(SQL.get, [id]);
  return rows[0] && sessionToWire(rows[0]);
}

/**
 * Creates a session named `name` in the project `projectRef` (id or name), recorded as created by
 * `creatorId`, with its change event, in one transaction.
 */
export async function createSession(pool: pg.Pool, name: string, projectRef: string, creatorId: string): Promise<Record<string, unknown>> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const projectId = await findProject(client, projectRef);
    if (projectId === undefined) throw new BaselineError(400, `project '${projectRef}' not found`);
    if ((await client.query(SQL.lockProject, [projectId])).rowCount === 0) throw new BaselineError(400, `project '${projectRef}' not found`);
    const { rows: projects } = await client.query<{ name: string }>(SQL.projectName, [projectId]);
    const id = ksuid();
    // Absent optional fields are bound as NULL and defaults as values, as the real server binds them.
    const { rows } = await client.query<SessionRow>(SQL.insert, [
      id,
      name,
      null,
      null,
      null,
      true,
      300,
      'sonnet',
      0.7,
      4000,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      projectId,
      null,
      `session-${id.toLowerCase()}`,
      projects[0]!.name,
      creatorId,
    ]);
    const wire = sessionToWire(rows[0]!);
    await client.query(SQL.changeEvent, [['Session'], [id], ['ADDED'], [projectId], [JSON.stringify(wire)]]);
    await client.query('COMMIT');
    notifyCommitted(pool, CHANGE_CHANNEL, '');
    return wire;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
