import pg from 'pg';
import type { Logger } from '../log.ts';

/**
 * Leader election over Postgres: the reconciler that holds a session-level advisory lock on its own
 * connection is the leader. If that process dies or its connection drops, Postgres releases the
 * lock and another replica takes it at its next try. A leader that loses its connection stops
 * reconciling at once (it can no longer be sure it is the only one).
 */

const LEADER_LOCK = 0x616d6272; // arbitrary, fixed

export interface LeaderElectionOptions {
  connectionString: string;
  log: Logger;
  /** How often a follower tries to take the lock, and a leader checks its connection (ms). */
  intervalMs?: number;
  onElected(): Promise<void>;
  onDeposed(): Promise<void>;
}

export class LeaderElection {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private leading = false;
  private stopped = false;
  private busy: Promise<void> = Promise.resolve();

  constructor(private readonly options: LeaderElectionOptions) {}

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    const tick = () => {
      this.busy = this.busy.then(() => this.step()).catch((error: unknown) => this.options.log.warn({ err: error }, 'leader election: step failed'));
    };
    tick();
    this.timer = setInterval(tick, this.options.intervalMs ?? 2000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.busy;
    await this.depose();
  }

  private async step(): Promise<void> {
    if (this.stopped) return;
    try {
      if (!this.client) {
        const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'ambient-reconciler-leader' });
        client.on('error', () => undefined); // detected by the next check
        await client.connect();
        this.client = client;
      }
      if (this.leading) {
        await this.client.query('SELECT 1');
        return;
      }
      const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LEADER_LOCK]);
      if (rows[0]?.locked) {
        this.leading = true;
        this.options.log.info('reconciler: elected leader');
        await this.options.onElected();
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'reconciler: leadership connection lost');
      await this.depose();
    }
  }

  private async depose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (this.leading) {
      this.leading = false;
      this.options.log.info('reconciler: no longer leader');
      await this.options.onDeposed();
    }
    // Ending the connection releases the lock.
    await client?.end().catch(() => undefined);
  }
}
