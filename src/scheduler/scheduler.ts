import type pg from 'pg';
import { PgListener } from '../db/listener.ts';
import { run, sql } from '../db/sql.ts';
import { SCHEDULE_CHANNEL } from '../domain/kinds/scheduled-session.ts';
import type { Logger } from '../log.ts';
import type { FireOutcome, ScheduledSessions } from './scheduled-sessions.ts';

/**
 * The scheduler loop, run by every API replica (head-contract H8). It sleeps until the earliest
 * `next_run_at` of an enabled schedule (at most `maxSleepMs`), then fires every due run through
 * ScheduledSessions.fire, which lets exactly one replica fire each run. A write to any schedule
 * NOTIFYs `ambient_scheduled_sessions` after its commit, and every replica plans again at once,
 * so a new or changed due time is honoured without waiting for the poll; the poll covers a lost
 * notification and a clock that jumped.
 *
 * The clock is injected: tests move it and call `tick()`; cron arithmetic never sleeps on wall time.
 */

export interface SchedulerOptions {
  pool: pg.Pool;
  connectionString: string;
  sessions: ScheduledSessions;
  log: Logger;
  /** Now; default the wall clock. */
  clock?: () => Date;
  /** Longest sleep between two looks at the table (ms). */
  maxSleepMs?: number;
  /** Called after each firing this replica made: how late it was (tests, measurements). */
  onFire?: (event: FireEvent) => void;
}

/** One due run this replica looked at: the schedule, its due time, when, and what came of it. */
export interface FireEvent {
  id: string;
  due: Date;
  firedAt: Date;
  outcome: FireOutcome;
}

/** Due runs fired per statement; more are picked up by the next round at once. */
const BATCH = 100;

export class Scheduler {
  private readonly clock: () => Date;
  private readonly maxSleepMs: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** A wake-up arrived during a round: plan again right after it. */
  private again = false;
  private stopped = true;
  private readonly listener: PgListener;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.maxSleepMs = options.maxSleepMs ?? 30_000;
    this.listener = new PgListener({
      connectionString: options.connectionString,
      channel: SCHEDULE_CHANNEL,
      applicationName: 'ambient-api scheduler',
      owner: 'scheduler',
      log: options.log,
      onNotification: () => this.wake(),
      onListening: () => this.wake(),
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listener.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.listener.stop();
    await this.running;
  }

  /** Fires every run due at `now`; returns what each firing did. */
  async tick(now: Date = this.clock()): Promise<FireEvent[]> {
    const events: FireEvent[] = [];
    for (;;) {
      const due = await run<{ id: string; next_run_at: Date }>(
        this.options.pool,
        sql`SELECT id, next_run_at FROM scheduled_sessions
             WHERE deleted_at IS NULL AND enabled AND next_run_at <= ${now}
             ORDER BY next_run_at, id LIMIT ${BATCH}`,
      );
      for (const row of due) {
        const event = { id: row.id, due: row.next_run_at, firedAt: now, outcome: await this.options.sessions.fire(row.id, row.next_run_at, now) };
        events.push(event);
        this.options.onFire?.(event);
      }
      if (due.length < BATCH) return events;
    }
  }

  /** Plans again: now, or after the round in progress. */
  private wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.round().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** One round: fire what is due, then sleep until the next due time (or the poll). */
  private async round(): Promise<void> {
    let delay = this.maxSleepMs;
    try {
      await this.tick(this.clock());
      const [next] = await run<{ at: Date | null }>(
        this.options.pool,
        sql`SELECT min(next_run_at) AS at FROM scheduled_sessions WHERE deleted_at IS NULL AND enabled`,
      );
      if (next?.at) delay = Math.min(delay, Math.max(0, next.at.getTime() - this.clock().getTime()));
    } catch (error) {
      // The database is away: try again after a while, the runs stay due.
      this.options.log.warn({ err: error }, 'scheduler: round failed');
      delay = Math.min(delay, 5_000);
    }
    if (!this.stopped) this.timer = setTimeout(() => this.wake(), delay);
  }
}
