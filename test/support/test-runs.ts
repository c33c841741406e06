import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type pg from 'pg';

/**
 * Which test run owns which database, on a Postgres server that several runs (other worktrees, other
 * machines, other PID namespaces) may share. Every run names its databases `<base>_<run id>_…` and
 * holds, on its admin connection and for as long as it lives, a session advisory lock keyed by its
 * run id. A run that ends in any way — even killed — closes that connection and so releases the
 * lock; a database is stale exactly when nobody holds its run's lock. Processes are never judged by
 * PID, which means nothing on another machine.
 */

/** `r` + 8 hex digits: never all digits, so the older PID-based sweep cannot mistake it for a PID. */
const RUN_ID = /^r[0-9a-f]{8}$/;

export function newRunId(): string {
  return `r${randomBytes(4).toString('hex')}`;
}

/** TEST_DATABASE_PREFIX: a lower-case SQL identifier, short enough for the names built on it. */
export function databaseBase(value: string | undefined): string {
  const base = value || 'ambient_test';
  if (!/^[a-z_][a-z0-9_]{0,29}$/.test(base)) throw new Error(`TEST_DATABASE_PREFIX must match ^[a-z_][a-z0-9_]{0,29}$, got ${JSON.stringify(base)}`);
  return base;
}

/** The advisory lock of a run: hashtext of `<base>_<run id>`, in the admin connection's database. */
const lockKey = (base: string, runId: string) => `${base}_${runId}`;

/**
 * Marks this run alive for as long as `admin` stays connected, then creates its template database
 * (after the lock, so no other run's sweep can take it for a leftover) and describes the run on it
 * for whoever lists the server's databases.
 */
export async function claimRun(admin: pg.Client, base: string, runId: string, template: string): Promise<void> {
  const { rows } = await admin.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lockKey(base, runId)]);
  if (!rows[0]!.locked) throw new Error(`test run ${runId} is already claimed`);
  await admin.query(`CREATE DATABASE "${template}"`);
  const note = `ambient-api test run ${runId} on ${os.hostname()} (pid ${process.pid}) since ${new Date().toISOString()}`;
  // COMMENT takes no parameters: the note is quoted as a literal by the driver's own escaping.
  await admin.query(`COMMENT ON DATABASE "${template}" IS ${admin.escapeLiteral(note)}`);
}

/**
 * Drops the databases under `base` of runs whose lock nobody holds (a crashed or killed run), never
 * those of a live run. A killed run can leave its template marked IS_TEMPLATE, which Postgres refuses
 * to drop, so the mark is cleared first. Best effort: a leftover that cannot be dropped must not fail
 * this run. Returns the databases dropped.
 */
export async function dropStaleRuns(admin: pg.Client, base: string, ownRunId: string): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string; datistemplate: boolean }>(
    'SELECT datname, datistemplate FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
    [`${base}_`],
  );
  const byRun = new Map<string, typeof rows>();
  for (const row of rows) {
    const runId = row.datname.slice(base.length + 1).split('_')[0]!;
    if (!RUN_ID.test(runId) || runId === ownRunId || row.datname.charAt(base.length + 1 + runId.length) !== '_') continue;
    byRun.set(runId, [...(byRun.get(runId) ?? []), row]);
  }
  const dropped: string[] = [];
  for (const [runId, databases] of byRun) {
    const key = lockKey(base, runId);
    const { rows: lock } = await admin.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [key]);
    if (!lock[0]!.locked) continue; // its run is alive
    try {
      for (const { datname, datistemplate } of databases) {
        try {
          if (datistemplate) await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
          await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
          dropped.push(datname);
        } catch (error) {
          process.emitWarning(`could not drop the stale test database ${datname}: ${(error as Error).message}`);
        }
      }
    } finally {
      await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  }
  return dropped;
}
