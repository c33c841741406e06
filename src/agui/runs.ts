import type pg from 'pg';
import type { Queryable } from '../db/sql.ts';
import { transaction, type Tx } from '../db/transaction.ts';
import { conflict } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { RUN_ERROR, RUN_FINISHED, runIdOf, type AguiEvent } from './events.ts';
import { appendEvents } from './store.ts';

/**
 * Runs in `agui_runs` (runtime.md §a.4–§a.5): the row a run starts with, the status its end
 * writes, the owner's heartbeat, and the sweep that closes runs whose owner is gone.
 *
 * Lock order, everywhere: the run row first, then the append's session row and advisory lock
 * (store.ts), so that a writer recording a run's end and the sweeper closing it cannot deadlock.
 */

export type RunStatus = 'running' | 'finished' | 'error';

export interface Run {
  runId: string;
  threadId: string | null;
  parentRunId: string | null;
  status: RunStatus;
  error: string | null;
  /** Epoch ms. */
  startedAt: number | null;
  finishedAt: number | null;
}

export interface NewRun {
  sessionId: string;
  runId: string;
  threadId: string;
  parentRunId?: string | undefined;
  /** The server instance that owns the runner stream. */
  owner: string;
  userId: string | null;
}

/** Inserts a running run; 409 code 6 when the session already has a run with this id. */
export async function insertRun(tx: Tx, run: NewRun): Promise<void> {
  const { rows } = await tx.query(
    `INSERT INTO agui_runs (session_id, run_id, thread_id, parent_run_id, status, started_at, owner_instance, heartbeat_at, user_id)
     VALUES ($1, $2, $3, $4, 'running', now(), $5, now(), $6)
     ON CONFLICT (session_id, run_id) DO NOTHING RETURNING run_id`,
    [run.sessionId, run.runId, run.threadId, run.parentRunId ?? null, run.owner, run.userId],
  );
  if (rows.length === 0) throw conflict(`run '${run.runId}' already exists in this session`);
}

/** What a run-ending event says: the status and error it writes, or undefined for other events. */
export function runEnd(event: AguiEvent): { runId: string; status: RunStatus; error: string | null } | undefined {
  if (event.type !== RUN_FINISHED && event.type !== RUN_ERROR) return undefined;
  const runId = runIdOf(event);
  if (runId === undefined) return undefined;
  if (event.type === RUN_FINISHED) return { runId, status: 'finished', error: null };
  const message = event['message'] ?? event['code'];
  return { runId, status: 'error', error: message === undefined || message === null ? null : String(message) };
}

/**
 * Appends events and, in the same transaction, records the end of every run one of them ends
 * (a run that already ended keeps its first end). Without a run end it is one statement.
 */
export async function recordEvents(pool: pg.Pool, sessionId: string, events: readonly AguiEvent[]): Promise<number[]> {
  const ends = events.map(runEnd).filter((end) => end !== undefined);
  if (ends.length === 0) return appendEvents(pool, sessionId, events);
  return transaction(pool, async (tx) => {
    for (const end of ends) {
      await tx.query(`UPDATE agui_runs SET status = $3, error = $4, finished_at = now() WHERE session_id = $1 AND run_id = $2 AND status = 'running'`, [
        sessionId,
        end.runId,
        end.status,
        end.error,
      ]);
    }
    return appendEvents(tx, sessionId, events);
  });
}

/** The owner's sign of life for a running run; false when the run is no longer running (or owned elsewhere). */
export async function heartbeat(db: Queryable, sessionId: string, runId: string, owner: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE agui_runs SET heartbeat_at = now() WHERE session_id = $1 AND run_id = $2 AND status = 'running' AND owner_instance = $3`,
    [sessionId, runId, owner],
  );
  return (rowCount ?? 0) > 0;
}

/** The session's runs, oldest first. */
export async function listRuns(db: Queryable, sessionId: string): Promise<Run[]> {
  const { rows } = await db.query<{
    run_id: string;
    thread_id: string | null;
    parent_run_id: string | null;
    status: RunStatus;
    error: string | null;
    started_ms: number | null;
    finished_ms: number | null;
  }>(
    `SELECT run_id, thread_id, parent_run_id, status, error,
            floor(extract(epoch FROM started_at) * 1000)::bigint AS started_ms,
            floor(extract(epoch FROM finished_at) * 1000)::bigint AS finished_ms
     FROM agui_runs WHERE session_id = $1 ORDER BY started_at NULLS FIRST, run_id`,
    [sessionId],
  );
  return rows.map((r) => ({
    runId: r.run_id,
    threadId: r.thread_id,
    parentRunId: r.parent_run_id,
    status: r.status,
    error: r.error,
    startedAt: r.started_ms === null ? null : Number(r.started_ms),
    finishedAt: r.finished_ms === null ? null : Number(r.finished_ms),
  }));
}

export const RUN_STREAM_LOST = 'Run stream lost';

export interface OrphanSweepOptions {
  log: Logger;
  /** A running run whose heartbeat is older than this is orphaned (§a.5: 60 s). */
  staleAfterMs: number;
  /** How often to look. */
  intervalMs: number;
}

/**
 * Closes orphaned runs (§a.5): any instance that finds a running run whose heartbeat is stale
 * records `RUN_ERROR {message: "Run stream lost"}` for it and marks it `error`. The conditional
 * UPDATE decides, under the row lock, which instance does it when several look at once.
 */
export class OrphanSweeper {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: OrphanSweepOptions,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** One sweep; resolves with the number of runs it closed. */
  sweep(): Promise<number> {
    this.sweeping ??= this.closeOrphans()
      .catch((error: unknown) => {
        this.options.log.warn({ err: error }, 'agui: sweeping orphaned runs failed');
        return 0;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async closeOrphans(): Promise<number> {
    const stale = this.options.staleAfterMs / 1000;
    const { rows } = await this.pool.query<{ session_id: string; run_id: string }>(
      `SELECT session_id, run_id FROM agui_runs WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)`,
      [stale],
    );
    let closed = 0;
    for (const orphan of rows) {
      const done = await transaction(this.pool, async (tx) => {
        const { rows: won } = await tx.query<{ thread_id: string | null }>(
          `UPDATE agui_runs SET status = 'error', error = $3, finished_at = now()
           WHERE session_id = $1 AND run_id = $2 AND status = 'running' AND heartbeat_at < now() - make_interval(secs => $4)
           RETURNING thread_id`,
          [orphan.session_id, orphan.run_id, RUN_STREAM_LOST, stale],
        );
        if (won.length === 0) return false;
        const threadId = won[0]!.thread_id ?? orphan.session_id;
        await appendEvents(tx, orphan.session_id, [{ type: RUN_ERROR, threadId, runId: orphan.run_id, message: RUN_STREAM_LOST }]);
        return true;
      });
      if (done) {
        closed++;
        this.options.log.warn({ session: orphan.session_id, run: orphan.run_id }, 'agui: closed an orphaned run (no heartbeat)');
      }
    }
    return closed;
  }
}
