import type pg from 'pg';
import { PgListener } from '../db/listener.ts';
import { readMessages, SESSION_MESSAGE_CHANNEL, type SessionMessage } from '../domain/session-messages.ts';
import type { Logger } from '../log.ts';

/**
 * Live session messages for streams (head-contract H5), from Postgres: the `session_messages`
 * table is the truth, a NOTIFY `<session_id>` only says where to look. Each follower reads
 * `seq > cursor` of its session whenever a notification for it arrives (from any replica), and at
 * least every `pollIntervalMs` in case one was lost, so nothing is dropped or repeated and every
 * replica serves the same order. Unlike upstream's in-memory fan-out, a slow reader only falls
 * behind; it never loses messages.
 *
 * The LISTEN connection exists only while some stream follows a session: the first follower opens
 * it (and reads only once LISTEN is in place), the last one to leave closes it.
 */

export interface SessionMessageFeedOptions {
  connectionString: string;
  log: Logger;
  /** Safety-net re-read when no notification arrives (ms). */
  pollIntervalMs?: number;
}

const PAGE = 500;

export class SessionMessageFeed {
  private readonly listener: PgListener;
  private readonly waiters = new Map<string, Set<() => void>>();
  private readonly pollIntervalMs: number;

  constructor(
    private readonly pool: pg.Pool,
    options: SessionMessageFeedOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.listener = new PgListener({
      connectionString: options.connectionString,
      channel: SESSION_MESSAGE_CHANNEL,
      applicationName: 'ambient-api session-messages',
      owner: 'session messages',
      log: options.log,
      onNotification: (sessionId) => {
        if (sessionId !== undefined) this.wake(sessionId);
      },
      // Notifications sent while the connection was down are lost: every follower reads again.
      onListening: () => {
        for (const sessionId of [...this.waiters.keys()]) this.wake(sessionId);
      },
    });
  }

  private followers = 0;
  private closed = false;
  /** The listener's start and stop, in order. */
  private transition: Promise<void> = Promise.resolve();

  /** Ends every stream (server shutdown), so draining does not wait for them. */
  close(): void {
    this.closed = true;
    for (const sessionId of [...this.waiters.keys()]) this.wake(sessionId);
  }

  private acquire(): Promise<void> {
    if (++this.followers === 1) this.transition = this.transition.catch(() => undefined).then(() => this.listener.start());
    return this.transition;
  }

  private release(): void {
    if (--this.followers === 0) this.transition = this.transition.catch(() => undefined).then(() => this.listener.stop());
  }

  /**
   * The session's messages after `after`, in batches, oldest first, until `closed` settles. The
   * caller has already checked that it may read the session.
   */
  async *follow(sessionId: string, after: number, closed: Promise<void>): AsyncGenerator<SessionMessage[]> {
    let open = true;
    void closed.then(() => {
      open = false;
      this.wake(sessionId);
    });
    try {
      await this.acquire();
    } catch (error) {
      this.release();
      throw error;
    }
    try {
      yield* this.batches(sessionId, after, () => open);
    } finally {
      this.release();
    }
  }

  private async *batches(sessionId: string, after: number, open: () => boolean): AsyncGenerator<SessionMessage[]> {
    let cursor = after;
    while (open() && !this.closed) {
      // Registered before the read, so a message committed during the read still wakes us.
      const woken = this.nextWake(sessionId);
      const batch = await readMessages(this.pool, sessionId, cursor, PAGE);
      if (batch.length > 0) {
        woken.cancel();
        cursor = batch.at(-1)!.seq;
        yield batch;
        continue;
      }
      await woken.promise;
    }
  }

  private nextWake(sessionId: string): { promise: Promise<void>; cancel(): void } {
    let set = this.waiters.get(sessionId);
    if (!set) this.waiters.set(sessionId, (set = new Set()));
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    const timer = setTimeout(() => done(), this.pollIntervalMs);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      set.delete(done);
      if (set.size === 0 && this.waiters.get(sessionId) === set) this.waiters.delete(sessionId);
      resolve();
    };
    set.add(done);
    return { promise, cancel: done };
  }

  private wake(sessionId: string): void {
    const set = this.waiters.get(sessionId);
    if (set) for (const done of [...set]) done();
  }
}
