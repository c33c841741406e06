import type pg from 'pg';
import { PgListener } from '../db/listener.ts';
import type { Logger } from '../log.ts';
import type { StoredEvent } from './events.ts';
import { AGUI_CHANNEL, headOf, readEvents } from './store.ts';

/**
 * The live AG-UI events of one server process, per session (runtime.md §a.4 rules 1 and 3).
 *
 * The `agui_events` table is the truth; a NOTIFY `<session_id>:<seq>` only says where to look. One
 * LISTEN connection per process receives the notifications of every replica's appends. For each
 * session that has subscribers here, one reader reads `seq > last` of that session once and hands
 * the events to all of its subscribers, so a hundred streams of one session cost one query per
 * batch, not a hundred. A timer checks the sessions' heads in case a notification was lost (the
 * LISTEN connection dropped), and reconnecting re-reads everything.
 *
 * A slow subscriber is never dropped and never loses events: when its bounded queue is full, the
 * queue is discarded and the subscriber reads the missed range from the table itself, then
 * rejoins the live queue.
 */

export interface AguiFeedOptions {
  /** Connection string for the dedicated LISTEN connection. */
  connectionString: string;
  log: Logger;
  /** Safety-net check for missed notifications (ms). */
  pollIntervalMs?: number;
  /** Events a subscriber may have waiting before it falls back to reading the table. */
  maxQueue?: number;
}

const PAGE = 1000;

/** The subscribers of one session in this process and the last `seq` read for them. */
class SessionChannel {
  last = 0;
  readonly subscribers = new Set<AguiSubscription>();
  reading: Promise<void> | undefined;
  readAgain = false;

  /** Settles once `last` holds the session's head at the time the channel opened. */
  ready: Promise<void> = Promise.resolve();

  constructor(readonly sessionId: string) {}
}

export interface SubscribeOptions {
  /** Deliver events after this `seq`; undefined: from now on. */
  after?: number | undefined;
  /** Deliver this run's events only. */
  runId?: string | undefined;
}

/**
 * One consumer's ordered events of one session, after its starting point, in batches: the events
 * that became available together. Live batches are the feed's own arrays, shared by every
 * subscriber that takes them whole, so a stream can encode a batch once for all of them.
 */
export class AguiSubscription implements AsyncIterable<StoredEvent> {
  private readonly queue: (readonly StoredEvent[])[] = [];
  private queued = 0;
  private wakeUp: (() => void) | undefined;
  private closed = false;
  /** Highest `seq` delivered (or passed over). */
  private cursor: number;
  /** Events up to here are read from the table before the queue is served. */
  private backlogThrough: number;

  constructor(
    private readonly feed: AguiFeed,
    private readonly channel: SessionChannel,
    after: number,
    private readonly runId: string | undefined,
    private readonly maxQueue: number,
  ) {
    this.cursor = after;
    this.backlogThrough = Math.max(after, channel.last);
  }

  /** @internal Called by the feed with each batch of new events of the session, in order. */
  offer(batch: readonly StoredEvent[]): void {
    if (this.closed || batch.length === 0 || batch.at(-1)!.seq <= this.backlogThrough) return;
    const mine = batch.every((e) => e.seq > this.backlogThrough && (this.runId === undefined || e.runId === this.runId))
      ? batch
      : batch.filter((e) => e.seq > this.backlogThrough && (this.runId === undefined || e.runId === this.runId));
    if (mine.length === 0) return;
    if (this.queued + mine.length > this.maxQueue) {
      // Too slow to keep up: read everything up to here from the table instead of queueing it.
      this.queue.length = 0;
      this.queued = 0;
      this.backlogThrough = batch.at(-1)!.seq;
    } else {
      this.queue.push(mine);
      this.queued += mine.length;
    }
    this.wakeUp?.();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.length = 0;
    this.feed.unsubscribe(this.channel, this);
    this.wakeUp?.();
  }

  /** The events in order, a batch at a time; ends when the subscription is closed. */
  async *batches(): AsyncGenerator<readonly StoredEvent[], void> {
    try {
      while (!this.closed) {
        if (this.backlogThrough > this.cursor) {
          const through = this.backlogThrough;
          const page = await readEvents(this.feed.pool, this.channel.sessionId, { after: this.cursor, through, runId: this.runId, limit: PAGE });
          if (this.closed) return;
          if (page.length > 0) {
            this.cursor = page.at(-1)!.seq;
            yield page;
          }
          if (page.length < PAGE) this.cursor = Math.max(this.cursor, through);
          continue;
        }
        const batch = this.queue.shift();
        if (batch) {
          this.queued -= batch.length;
          const fresh = batch[0]!.seq > this.cursor ? batch : batch.filter((e) => e.seq > this.cursor);
          if (fresh.length === 0) continue;
          this.cursor = fresh.at(-1)!.seq;
          yield fresh;
          continue;
        }
        await new Promise<void>((resolve) => (this.wakeUp = resolve));
        this.wakeUp = undefined;
      }
    } finally {
      this.close();
    }
  }

  async *[Symbol.asyncIterator](): AsyncIterator<StoredEvent> {
    for await (const batch of this.batches()) yield* batch;
  }
}

export class AguiFeed {
  private readonly channels = new Map<string, SessionChannel>();
  private readonly activity = new Set<(sessionId: string) => void>();
  private readonly listener: PgListener;
  private poll: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    readonly pool: pg.Pool,
    private readonly options: AguiFeedOptions,
  ) {
    this.listener = new PgListener({
      connectionString: options.connectionString,
      channel: AGUI_CHANNEL,
      applicationName: 'ambient-api-agui-listen',
      owner: 'agui feed',
      log: options.log,
      onNotification: (payload) => this.notified(payload),
      // Anything appended while not listening.
      onListening: () => {
        for (const channel of this.channels.values()) this.wake(channel);
      },
    });
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listener.start();
    this.poll = setInterval(() => void this.checkHeads(), this.options.pollIntervalMs ?? 2000);
    this.poll.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    for (const channel of [...this.channels.values()]) for (const subscriber of [...channel.subscribers]) subscriber.close();
    await this.listener.stop();
  }

  /**
   * The session's events after `after` (the backlog from the table, then live), optionally of one
   * run only. Rejects only when the session's head cannot be read.
   */
  async subscribe(sessionId: string, options: SubscribeOptions = {}): Promise<AguiSubscription> {
    for (;;) {
      const channel = this.channels.get(sessionId) ?? this.open(sessionId);
      await channel.ready;
      const current = this.channels.get(sessionId);
      if (current !== undefined && current !== channel) continue; // replaced while waiting: join the new one
      if (current === undefined) {
        // Its last subscriber left while this one waited; it missed nothing it will not read now.
        this.channels.set(sessionId, channel);
        this.wake(channel);
      }
      const subscription = new AguiSubscription(this, channel, options.after ?? channel.last, options.runId, this.options.maxQueue ?? 10_000);
      channel.subscribers.add(subscription);
      return subscription;
    }
  }

  private open(sessionId: string): SessionChannel {
    const channel = new SessionChannel(sessionId);
    channel.ready = headOf(this.pool, sessionId).then((head) => {
      channel.last = Math.max(channel.last, head);
    });
    channel.ready.catch(() => {
      if (this.channels.get(sessionId) === channel) this.channels.delete(sessionId);
    });
    this.channels.set(sessionId, channel);
    return channel;
  }

  /** Called for every notification, whether or not the session has subscribers here (the between-run listener uses it). */
  onActivity(listener: (sessionId: string) => void): () => void {
    this.activity.add(listener);
    return () => this.activity.delete(listener);
  }

  /** @internal */
  unsubscribe(channel: SessionChannel, subscription: AguiSubscription): void {
    channel.subscribers.delete(subscription);
    if (channel.subscribers.size === 0 && this.channels.get(channel.sessionId) === channel) this.channels.delete(channel.sessionId);
  }

  /** Reads the session's new events and hands them out. Safe to call any time. */
  private wake(channel: SessionChannel): void {
    if (this.stopped) return;
    if (channel.reading) {
      channel.readAgain = true;
      return;
    }
    channel.reading = this.readNew(channel)
      .catch((error: unknown) => this.options.log.warn({ err: error, session: channel.sessionId }, 'agui feed: reading events failed; retrying'))
      .finally(() => {
        channel.reading = undefined;
        if (channel.readAgain) {
          channel.readAgain = false;
          this.wake(channel);
        }
      });
  }

  private async readNew(channel: SessionChannel): Promise<void> {
    await channel.ready;
    for (;;) {
      const events = await readEvents(this.pool, channel.sessionId, { after: channel.last, limit: PAGE });
      if (events.length > 0) {
        channel.last = events.at(-1)!.seq;
        for (const subscriber of channel.subscribers) subscriber.offer(events);
      }
      if (events.length < PAGE || channel.subscribers.size === 0) return;
    }
  }

  /** The safety net: wakes every session whose head moved past what was read (one statement for all). */
  private async checkHeads(): Promise<void> {
    if (this.channels.size === 0 || this.stopped) return;
    try {
      const { rows } = await this.pool.query<{ id: string; head: number | null }>(
        'SELECT s.id, (SELECT max(seq) FROM agui_events WHERE session_id = s.id) AS head FROM unnest($1::text[]) AS s(id)',
        [[...this.channels.keys()]],
      );
      for (const row of rows) {
        const channel = this.channels.get(row.id);
        if (channel && Number(row.head ?? 0) > channel.last) this.wake(channel);
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'agui feed: checking session heads failed');
    }
  }

  private notified(payload: string | undefined): void {
    const at = payload?.lastIndexOf(':') ?? -1;
    if (at <= 0) return;
    const sessionId = payload!.slice(0, at);
    const seq = Number(payload!.slice(at + 1));
    const channel = this.channels.get(sessionId);
    if (channel && !(seq <= channel.last)) this.wake(channel);
    for (const listener of this.activity) listener(sessionId);
  }
}
