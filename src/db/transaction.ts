import type pg from 'pg';
import type { Queryable } from './sql.ts';

/**
 * One database transaction: every mutation runs inside exactly one, so a failure leaves nothing
 * behind. Work that must be the last thing before COMMIT (the change log batches its rows there)
 * registers a `beforeCommit` hook instead of running inline; wake-ups for readers in other
 * connections (`notifyAfterCommit`) are sent once the transaction has committed, so a NOTIFY never
 * holds Postgres' notification lock across anybody's COMMIT.
 */
export interface Tx extends Queryable {
  beforeCommit(hook: () => Promise<void>): void;
  /** `NOTIFY channel, payload` after a successful COMMIT (coalesced, best effort: see PostCommitNotifier). */
  notifyAfterCommit(channel: string, payload: string): void;
  /** Per-transaction state for modules that batch work until commit. */
  readonly state: Map<symbol, unknown>;
}

/** Deadlocks and serialization failures: the whole transaction can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

/**
 * Sends the NOTIFYs of committed transactions, on the pool, outside those transactions.
 *
 * A NOTIFY inside a writing transaction takes Postgres' global notification-queue lock at its
 * COMMIT, which serializes every such commit in the cluster. Sent afterwards instead, at most one
 * statement per pool is in flight and everything requested meanwhile goes out together with the
 * next one, so wake-ups cost one round trip per batch, not per write. A notification is only a
 * wake-up: its readers re-read their table and also poll on a timer, so one that is lost (the
 * database unreachable, the process dying right after COMMIT) only delays delivery.
 */
class PostCommitNotifier {
  /** `channel` → payloads waiting to be sent (a Set: the same wake-up twice is one). */
  private readonly waiting = new Map<string, Set<string>>();
  private waitingCount = 0;
  private sending = false;

  constructor(private readonly pool: pg.Pool) {}

  notify(channel: string, payload: string): void {
    let payloads = this.waiting.get(channel);
    if (!payloads) this.waiting.set(channel, (payloads = new Set()));
    // Bounded: past the cap a wake-up is dropped, which only delays until the readers' next poll.
    if (this.waitingCount >= MAX_WAITING_NOTIFICATIONS || payloads.has(payload)) return;
    payloads.add(payload);
    this.waitingCount++;
    if (!this.sending) void this.send();
  }

  private send(): Promise<void> {
    const sending = this.sendAll().finally(() => inFlight.delete(sending));
    inFlight.add(sending);
    return sending;
  }

  private async sendAll(): Promise<void> {
    this.sending = true;
    try {
      while (this.waitingCount > 0) {
        const channels: string[] = [];
        const payloads: string[] = [];
        for (const [channel, values] of this.waiting) {
          for (const value of values) {
            channels.push(channel);
            payloads.push(value);
          }
        }
        this.waiting.clear();
        this.waitingCount = 0;
        await this.pool
          .query('SELECT pg_notify(n.channel, n.payload) FROM unnest($1::text[], $2::text[]) AS n(channel, payload)', [channels, payloads])
          .catch(() => {
            // Unreachable database: the wake-up is lost, which delays readers until they poll.
          });
      }
    } finally {
      this.sending = false;
    }
  }
}

const MAX_WAITING_NOTIFICATIONS = 10_000;
const inFlight = new Set<Promise<void>>();

/** Resolves once every post-commit notification requested so far has been sent (or given up): for callers that capture statements. */
export async function notificationsSent(): Promise<void> {
  while (inFlight.size > 0) await Promise.all(inFlight);
}
const notifiers = new WeakMap<pg.Pool, PostCommitNotifier>();

/** Queues `NOTIFY channel, payload` on `pool`, for a transaction that has committed (see PostCommitNotifier). */
export function notifyCommitted(pool: pg.Pool, channel: string, payload: string): void {
  let notifier = notifiers.get(pool);
  if (!notifier) notifiers.set(pool, (notifier = new PostCommitNotifier(pool)));
  notifier.notify(channel, payload);
}

export async function transaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    const hooks: (() => Promise<void>)[] = [];
    const notifications: [string, string][] = [];
    const tx: Tx = {
      query: (text: string, values?: unknown[]) => client.query(text, values),
      beforeCommit: (hook) => void hooks.push(hook),
      notifyAfterCommit: (channel, payload) => void notifications.push([channel, payload]),
      state: new Map(),
    } as Tx;
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      for (const hook of hooks) await hook();
      await client.query('COMMIT');
      for (const [channel, payload] of notifications) notifyCommitted(pool, channel, payload);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (attempt < ATTEMPTS && RETRYABLE.has((error as { code?: string }).code ?? '')) continue;
      throw error;
    } finally {
      client.release(broken);
    }
  }
}
