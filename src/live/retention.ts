import type pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * Trims the change log to its retention period (CHANGE_LOG_RETENTION_HOURS). A watch resuming from
 * a trimmed position gets 410 and lists again. Deletes go in small batches so they never hold
 * locks for long; every replica may run this, concurrent trims are harmless.
 */
const BATCH = 5_000;

export async function trimChangeLog(pool: pg.Pool, retentionMs: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `DELETE FROM change_events WHERE seq IN (SELECT seq FROM change_events WHERE created_at < now() - make_interval(secs => $1) ORDER BY seq LIMIT $2)`,
      [retentionMs / 1000, BATCH],
    );
    removed += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH) return removed;
  }
}

/** Trims now and then periodically; returns a function that stops it. */
export function scheduleChangeLogRetention(pool: pg.Pool, retentionMs: number, log: Logger): () => void {
  const every = Math.min(retentionMs / 24, 10 * 60_000);
  const trim = () =>
    trimChangeLog(pool, retentionMs)
      .then((removed) => removed > 0 && log.info({ removed }, 'change log trimmed'))
      .catch((error: unknown) => log.warn({ err: error }, 'change log: trimming failed'));
  void trim();
  const timer = setInterval(() => void trim(), every);
  timer.unref();
  return () => clearInterval(timer);
}
