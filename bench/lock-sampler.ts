import type pg from 'pg';
import { CHANGE_LOG_LOCK } from '../src/domain/change-log.ts';

/**
 * Opt-in diagnosis of writes (`BENCH_SAMPLE_LOCK=1`): every few milliseconds during a measured
 * interval, who holds the change-log advisory lock (src/domain/change-log.ts) and what its backend
 * is doing. Every write holds that one lock from just before its change_events insert until its
 * COMMIT returns, so writes are serialized there; the samples tell how much of that section is
 * Postgres working (the insert, the WAL flush of COMMIT) and how much is Postgres waiting for the
 * Node server to send the next statement ("idle in transaction").
 *
 * The sampling query is itself load on the database, the same for both servers; leave it off for
 * the numbers that go into the table.
 */

export interface LockSamples {
  samples: number;
  /** Fraction of samples in which some backend held the lock. */
  held: number;
  /** Mean number of backends waiting for it. */
  waiting: number;
  /** What the holder was doing, as a fraction of the samples in which it was held. */
  holder: Record<string, number>;
}

export interface LockSampler {
  stop(): Promise<LockSamples>;
}

interface LockRow {
  granted: boolean;
  state: string;
  wait_event_type: string | null;
  wait_event: string | null;
  statement: string;
}

function describe(row: LockRow): string {
  if (row.state === 'idle in transaction') return `waiting for the server after ${row.statement}`;
  if (row.wait_event_type === 'Client') return `reading the server's next statement after ${row.statement}`;
  // Granted, but its activity still shows the wait: sampled in the middle of a hand-over.
  if (row.wait_event_type === 'Lock' && row.wait_event === 'advisory') return 'being handed the lock';
  const waitingOn = row.wait_event_type ? `${row.wait_event_type}/${row.wait_event}` : 'on CPU';
  return `running ${row.statement} (${waitingOn})`;
}

/** The backends holding or waiting for the change-log lock, with what each is doing. */
async function lockRows(admin: pg.Client): Promise<LockRow[]> {
  // A single bigint advisory key is stored as classid (high 32 bits) and objid (low 32 bits).
  const { rows } = await admin.query<LockRow>(
    `SELECT l.granted, a.state, a.wait_event_type, a.wait_event, split_part(ltrim(a.query), ' ', 1) AS statement
     FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.objid = $1`,
    [CHANGE_LOG_LOCK % 2 ** 32],
  );
  return rows;
}

export function sampleChangeLogLock(admin: pg.Client, intervalMs = 3): LockSampler {
  let stopping = false;
  let samples = 0;
  let held = 0;
  let waiting = 0;
  const holder = new Map<string, number>();
  const loop = (async () => {
    while (!stopping) {
      let rows: LockRow[];
      try {
        rows = await lockRows(admin);
      } catch {
        return; // the connection went away (the bench is being interrupted): keep what we have
      }
      samples++;
      waiting += rows.filter((r) => !r.granted).length;
      // pg_locks and pg_stat_activity are not one snapshot: at a hand-over, the backend that was
      // just granted the lock may still show as waiting for it. Prefer the one that is not.
      const granted = rows.filter((r) => r.granted);
      const current = granted.find((r) => r.wait_event_type !== 'Lock') ?? granted[0];
      if (current) {
        held++;
        const what = describe(current);
        holder.set(what, (holder.get(what) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
      const byShare = [...holder].sort((a, b) => b[1] - a[1]).map(([what, n]) => [what, n / Math.max(held, 1)] as const);
      return { samples, held: held / Math.max(samples, 1), waiting: waiting / Math.max(samples, 1), holder: Object.fromEntries(byShare) };
    },
  };
}

export function renderLockSamples(server: string, s: LockSamples): string {
  const lines = [
    `${server}: lock held in ${(100 * s.held).toFixed(0)}% of ${s.samples} samples, ${s.waiting.toFixed(1)} writers waiting on average; the holder was`,
  ];
  for (const [what, share] of Object.entries(s.holder)) if (share >= 0.01) lines.push(`  ${(100 * share).toFixed(0).padStart(3)}%  ${what}`);
  return lines.join('\n');
}
