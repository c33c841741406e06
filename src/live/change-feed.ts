import type pg from 'pg';
import { CHANGE_CHANNEL, CHANGE_SEQUENCE, type ChangeType } from '../domain/change-log.ts';
import type { WireObject } from '../domain/wire.ts';
import type { Logger } from '../log.ts';
import { PgListener } from '../db/listener.ts';
import { run, sql, type Queryable } from '../db/sql.ts';

/**
 * The change feed of one server process: every committed change, in `seq` order, to any number of
 * subscribers (REST watches, GraphQL subscriptions, the reconciler).
 *
 * The `change_events` table is the truth. A NOTIFY after each commit only wakes the feed, which then
 * reads the new rows once and fans them out; a timer does the same in case a notification is lost.
 * Subscribers resuming from an older `seq` first read their backlog from the table, in pages. Each
 * subscriber has a bounded queue: one that cannot keep up is closed (and can resume from its last
 * `seq`) instead of growing memory or slowing the others.
 *
 * **Which `seq`s are final.** Writers take no lock, so `seq`s commit out of order: while `seq` 9's
 * transaction is still open, 10 may already be visible. The feed therefore only hands out events
 * up to a *watermark* W such that every transaction that drew a `seq` ≤ W has ended: everything
 * at or below W that will ever be visible is visible, so reading `last < seq ≤ W` in `seq` order
 * never skips one, never repeats one, and every replica delivers the same sequence. W advances by
 * *probes*, each one statement (see `probe`):
 *
 * 1. The probe reads `drawn`, the sequence's current value (non-transactional: it counts every
 *    `nextval` so far, committed or not), and only then takes a new transaction id `horizon`.
 *    Transaction ids are handed out in increasing order, and a writer has its id before it draws
 *    a `seq` (src/domain/change-log.ts). So every transaction holding a `seq` ≤ `drawn` has an id
 *    below `horizon`.
 * 2. A later probe's snapshot has `xmin`: every transaction id below it has ended. Once
 *    `xmin` ≥ `horizon`, every holder of a `seq` ≤ `drawn` has ended, and W becomes `drawn`.
 *
 * A write transaction held open therefore holds back W (and only the feed: writers never wait),
 * for as long as it stays open, in the whole cluster. `seq`s drawn by transactions that rolled back
 * are simply gaps. A probe that found nothing new draws no transaction id.
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
    if (!this.backlogThrough) this.cursor = event.seq;
    this.queue.push(event);
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

/** `drawn` becomes final once a snapshot's xmin has reached `horizon` (see ChangeFeed). */
interface PendingWatermark {
  drawn: number;
  horizon: bigint;
}

/** Candidates waiting for their horizon; past this many, the newest replaces the last (it only waits longer). */
const MAX_PENDING = 64;

export class ChangeFeed {
  /** The watermark: everything up to here is final, read and dispatched. */
  private last = 0;
  private readonly pending: PendingWatermark[] = [];
  private readonly subscribers = new Set<Subscription>();
  private readonly waiters: { seq: number; resolve: (position: number) => void; reject: (error: Error) => void }[] = [];
  private readonly listener: PgListener;
  private poll: NodeJS.Timeout | undefined;
  private followUp: NodeJS.Timeout | undefined;
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
      onNotification: () => this.wake(),
      onListening: () => this.wake(), // anything committed while not listening
    });
  }

  /** The watermark: every event up to here has been read and dispatched, and no other can appear below it. */
  get position(): number {
    return this.last;
  }

  async start(): Promise<void> {
    this.stopped = false;
    // "From now on" must start at a watermark: probe until the first one is established.
    this.last = 0;
    this.pending.length = 0;
    await this.probe(0);
    for (let attempt = 0; this.pending.length > 0 && this.last === 0; attempt++) {
      const watermark = await this.probe(0);
      if (watermark !== undefined) this.last = watermark;
      else await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** attempt, 50)));
    }
    await this.listener.start();
    this.poll = setInterval(() => this.wake(), this.options.pollIntervalMs ?? 1000);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    clearTimeout(this.followUp);
    for (const subscriber of [...this.subscribers]) subscriber.close('stopped');
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('change feed stopped'));
    await this.reading;
    await this.listener.stop();
  }

  /** Events after `after`, oldest first: the backlog from the table, then live. `after` undefined means "from now on". */
  subscribe(after?: number): Subscription {
    const subscription = new Subscription(this, after ?? this.last, this.last, this.options.maxQueue ?? 10_000);
    this.subscribers.add(subscription);
    return subscription;
  }

  /**
   * The watermark, once it is at least `seq`: every event up to `seq` is then final. A snapshot
   * that reflects changes above the watermark it started from waits here (src/live/snapshot.ts).
   */
  reached(seq: number): Promise<number> {
    if (this.last >= seq) return Promise.resolve(this.last);
    if (this.stopped) return Promise.reject(new Error('change feed stopped'));
    const waiting = new Promise<number>((resolve, reject) => this.waiters.push({ seq, resolve, reject }));
    this.wake();
    return waiting;
  }

  private settleWaiters(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i]!;
      if (waiter.seq > this.last) continue;
      this.waiters.splice(i, 1);
      waiter.resolve(this.last);
    }
  }

  /** @internal */
  unsubscribe(subscription: Subscription): void {
    this.subscribers.delete(subscription);
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Reads whatever became final since the last read and dispatches it. Safe to call any time. */
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
        } else if (this.pending.length > 0 && !this.stopped) {
          // Candidates wait for open transactions to end; those that write the log will notify,
          // others (anything else in the cluster) will not: look again shortly.
          clearTimeout(this.followUp);
          this.followUp = setTimeout(() => this.wake(), FOLLOW_UP_MS);
          this.followUp.unref();
        }
      });
  }

  private async readNew(): Promise<void> {
    const watermark = await this.probe(this.last);
    if (watermark === undefined) return;
    if (this.subscribers.size === 0) {
      this.last = watermark; // nobody to hand events to: only the position moves (new subscribers start here)
      this.settleWaiters();
      return;
    }
    for (;;) {
      const events = await readEvents(this.pool, this.last, watermark);
      for (const event of events) {
        this.last = event.seq;
        for (const subscriber of this.subscribers) subscriber.offer(event);
      }
      if (events.length < PAGE) break;
    }
    this.last = watermark; // past any gaps (rolled back `seq`s) up to it
    this.settleWaiters();
  }

  /**
   * One probe (see the class comment): retires the candidates whose horizon this snapshot's xmin
   * has reached and returns the new watermark (undefined if it did not move past `last`); queues
   * the sequence's current value, if new, as the next candidate.
   */
  private async probe(last: number): Promise<number | undefined> {
    const newest = this.pending.at(-1)?.drawn ?? last;
    const { rows } = await this.pool.query<{ xmin: string; drawn: string; horizon: string | null }>(
      `WITH seq AS MATERIALIZED (SELECT coalesce(pg_sequence_last_value('${CHANGE_SEQUENCE}'), 0) AS drawn)
       SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, seq.drawn::text AS drawn,
              CASE WHEN seq.drawn > $1 THEN pg_current_xact_id()::text END AS horizon
         FROM seq`,
      [newest],
    );
    const row = rows[0]!;
    const xmin = BigInt(row.xmin);
    let watermark: number | undefined;
    while (this.pending.length > 0 && this.pending[0]!.horizon <= xmin) watermark = this.pending.shift()!.drawn;
    if (row.horizon !== null) {
      const candidate = { drawn: Number(row.drawn), horizon: BigInt(row.horizon) };
      if (this.pending.length >= MAX_PENDING) this.pending[this.pending.length - 1] = candidate;
      else this.pending.push(candidate);
    }
    return watermark !== undefined && watermark > last ? watermark : undefined;
  }
}

/** How soon to probe again while candidates wait for open transactions (ms). */
const FOLLOW_UP_MS = 5;
