import type pg from 'pg';
import { CHANGE_CHANNEL, headSeq, type ChangeType } from '../domain/change-log.ts';
import type { WireObject } from '../domain/wire.ts';
import type { Logger } from '../log.ts';
import { PgListener } from '../db/listener.ts';
import { run, sql, type Queryable } from '../db/sql.ts';

/**
 * The change feed of one server process: every committed change, in `seq` order, to any number of
 * subscribers (REST watches, GraphQL subscriptions, the reconciler).
 *
 * The `change_events` table is the truth. A Postgres NOTIFY after each commit only wakes the feed,
 * which then reads the new rows once and fans them out; a timer does the same in case a
 * notification is lost (the LISTEN connection dropped). Because writers insert under one advisory
 * lock held to COMMIT, rows become visible in `seq` order, so reading `seq > last` never skips one.
 * Subscribers resuming from an older `seq` first read their backlog from the table, in pages.
 * Each subscriber has a bounded queue: one that cannot keep up is closed (and can resume from its
 * last `seq`) instead of growing memory or slowing the others.
 */

export interface ChangeEvent {
  seq: number;
  kind: string;
  objectId: string;
  type: ChangeType;
  projectId: string | null;
  object: WireObject;
  /** `object` as compact JSON text, as stored: streams write it as is instead of serializing per subscriber. */
  objectJson: string;
}

export interface ChangeFeedOptions {
  /** Connection string for the dedicated LISTEN connection. */
  connectionString: string;
  log: Logger;
  /** Safety-net poll when no notification arrives (ms). */
  pollIntervalMs?: number;
  /** Events a subscriber may have waiting before it is closed as too slow. */
  maxQueue?: number;
}

const PAGE = 1000;

interface Row {
  seq: number;
  kind: string;
  object_id: string;
  type: ChangeType;
  project_id: string | null;
  object: string;
}

const toEvent = (r: Row): ChangeEvent => ({
  seq: Number(r.seq),
  kind: r.kind,
  objectId: r.object_id,
  type: r.type,
  projectId: r.project_id,
  object: JSON.parse(r.object) as WireObject,
  objectJson: r.object,
});

/** Events with `seq` in (after, through], oldest first, at most `limit`. */
export async function readEvents(db: Queryable, after: number, through: number, limit = PAGE): Promise<ChangeEvent[]> {
  const rows = await run<Row>(
    db,
    sql`SELECT seq, kind, object_id, type, project_id, object FROM change_events WHERE seq > ${after} AND seq <= ${through} ORDER BY seq LIMIT ${limit}`,
  );
  return rows.map(toEvent);
}

/**
 * Whether a resume point is still covered by the log: every event after `after` is retained.
 * Retention deletes the oldest rows, so a point before the oldest retained row (minus one) may have
 * lost events. (A rolled-back transaction can leave a gap there too; the answer is then a
 * needless but harmless 410.)
 */
export async function isRetained(db: Queryable, after: number): Promise<boolean> {
  const [row] = await run<{ oldest: number | null; last: number | null }>(
    db,
    sql`SELECT (SELECT min(seq) FROM change_events) AS oldest,
               (SELECT last_value FROM pg_sequences WHERE sequencename = (SELECT split_part(pg_get_serial_sequence('change_events', 'seq'), '.', 2))) AS last`,
  );
  if (row!.oldest !== null) return after >= Number(row!.oldest) - 1;
  return after >= Number(row!.last ?? 0);
}

export type CloseReason = 'closed' | 'overflow' | 'stopped';

/** One consumer's ordered stream of events after its starting point. */
export class Subscription implements AsyncIterable<ChangeEvent> {
  private readonly queue: ChangeEvent[] = [];
  private wakeUp: (() => void) | undefined;
  private reason: CloseReason | undefined;
  /** Highest `seq` handed to the queue; nothing at or below it is queued again. */
  private cursor: number;
  /** Backlog still to read from the table, up to this `seq`; 0 when live. */
  private backlogThrough: number;

  constructor(
    private readonly feed: ChangeFeed,
    after: number,
    backlogThrough: number,
    private readonly maxQueue: number,
  ) {
    this.cursor = after;
    this.backlogThrough = backlogThrough > after ? backlogThrough : 0;
  }

  /** Why the subscription ended, once it has. */
  get closedBecause(): CloseReason | undefined {
    return this.reason;
  }

  /** @internal Called by the feed with each new event, in order. */
  offer(event: ChangeEvent): void {
    if (this.reason || event.seq <= this.cursor) return;
    if (this.backlogThrough && event.seq <= this.backlogThrough) return; // the backlog read covers it
    this.queue.push(event);
    if (!this.backlogThrough) this.cursor = event.seq;
    if (this.queue.length > this.maxQueue) this.close('overflow');
    this.wakeUp?.();
  }

  close(reason: CloseReason = 'closed'): void {
    if (this.reason) return;
    this.reason = reason;
    this.queue.length = 0;
    this.feed.unsubscribe(this);
    this.wakeUp?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<ChangeEvent> {
    try {
      while (this.backlogThrough && !this.reason) {
        const page = await readEvents(this.feed.pool, this.cursor, this.backlogThrough);
        for (const event of page) {
          this.cursor = event.seq;
          yield event;
          if (this.reason) return;
        }
        if (page.length < PAGE) {
          // Caught up: live events that arrived meanwhile wait in the queue, after the backlog.
          this.cursor = this.backlogThrough;
          this.backlogThrough = 0;
        }
      }
      while (!this.reason) {
        const event = this.queue.shift();
        if (event) {
          yield event;
          continue;
        }
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = undefined;
      }
    } finally {
      this.close();
    }
  }
}

export class ChangeFeed {
  private last = 0;
  private readonly subscribers = new Set<Subscription>();
  private readonly listener: PgListener;
  private poll: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;
  private readAgain = false;
  private stopped = false;

  constructor(
    readonly pool: pg.Pool,
    private readonly options: ChangeFeedOptions,
  ) {
    this.listener = new PgListener({
      connectionString: options.connectionString,
      channel: CHANGE_CHANNEL,
      applicationName: 'ambient-api-listen',
      owner: 'change feed',
      log: options.log,
      onNotification: (payload) => this.notified(Number(payload)),
      onListening: () => this.wake(), // anything committed while not listening
    });
  }

  /** The highest `seq` this process has read and dispatched. */
  get position(): number {
    return this.last;
  }

  async start(): Promise<void> {
    this.last = await headSeq(this.pool);
    await this.listener.start();
    this.poll = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 1000);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    for (const subscriber of [...this.subscribers]) subscriber.close('stopped');
    await this.reading;
    await this.listener.stop();
  }

  /**
   * Events after `after`, oldest first: the backlog from the table, then live. `after` undefined
   * means "from now on".
   */
  subscribe(after?: number): Subscription {
    const subscription = new Subscription(this, after ?? this.last, this.last, this.options.maxQueue ?? 10_000);
    this.subscribers.add(subscription);
    return subscription;
  }

  /** @internal */
  unsubscribe(subscription: Subscription): void {
    this.subscribers.delete(subscription);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Reads whatever was committed since the last read and dispatches it. Safe to call any time. */
  wake(): void {
    if (this.stopped) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'change feed: reading the change log failed; retrying'))
      .finally(() => {
        this.reading = undefined;
        if (this.readAgain) {
          this.readAgain = false;
          this.wake();
        }
      });
  }

  private async readNew(): Promise<void> {
    if (this.subscribers.size === 0) {
      this.last = Math.max(this.last, await headSeq(this.pool));
      return;
    }
    for (;;) {
      const events = await readEvents(this.pool, this.last, Number.MAX_SAFE_INTEGER);
      for (const event of events) {
        this.last = event.seq;
        for (const subscriber of this.subscribers) subscriber.offer(event);
      }
      if (events.length < PAGE) return;
    }
  }

  private notified(seq: number): void {
    if (seq <= this.last) return;
    // Nobody listening: nothing to read, only the position to move (new subscribers start here).
    if (this.subscribers.size === 0 && !this.reading) this.last = seq;
    else this.wake();
  }
}
