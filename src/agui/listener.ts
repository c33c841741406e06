import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Row } from '../domain/wire.ts';
import type { ChangeFeed, Subscription } from '../live/change-feed.ts';
import type { Logger } from '../log.ts';
import { retryDelay, sseBatches, type RetryPolicy } from '../runner/agui-stream.ts';
import type { RunnerClient } from '../runner/client.ts';
import type { ConnectLimiter, ListenerState } from '../runner/connect-limiter.ts';
import { eventFromData, withFilledIds } from './events.ts';
import type { AguiFeed } from './feed.ts';
import { EventWriter } from './writer.ts';

/**
 * The between-run listener (runtime.md §a.11): while a session is Running, exactly one server
 * instance keeps `GET <runner>/events/<kube_cr_name>` open and persists what arrives.
 *
 * Election: each instance keeps one dedicated Postgres connection and takes a session-level
 * advisory lock per session on it (`pg_try_advisory_lock`). Whoever holds a session's lock
 * listens; nobody else can take it until that instance releases it, or its connection (or the
 * process) dies, when Postgres releases every lock it held. Instances learn which sessions run from
 * the change feed (phase changes) and from a periodic scan, which also picks up sessions whose
 * holder died. An instance that loses its election connection stops all its listeners at once:
 * it can no longer be sure it is the only one.
 *
 * A listener that failed 30 times in a row stops but keeps the lock (so no other instance starts
 * over), until the session's next run — seen through the AG-UI notifications every instance
 * receives — or until the session leaves Running (the lock is released) and enters it again.
 */

/** Key space (first half of a two-key advisory lock) of the listener election; distinct from the append lock. */
const LISTENER_LOCK = 0x6167756c; // 'agul'

export interface ListenerTimings {
  retry: RetryPolicy;
  /** How often to look for running sessions nobody listens to. */
  scanIntervalMs: number;
  idleMs: number;
}

export interface BetweenRunListenersOptions {
  pool: pg.Pool;
  connectionString: string;
  runner: RunnerClient;
  /** Session changes (phase transitions). */
  changes: ChangeFeed;
  /** AG-UI appends of every replica (a new run restarts a listener that gave up). */
  events: AguiFeed;
  log: Logger;
  timings: ListenerTimings;
  /** Bounds the connection attempts of all runner streams of this instance. */
  connects: ConnectLimiter;
}

interface Held {
  session: Row;
  controller: AbortController;
  done: Promise<void>;
  /** After giving up: how many runs the session had then (a later run restarts it); undefined while listening. */
  gaveUpAtRuns: number | undefined;
  /** Whether the runner's stream is open right now. */
  connected: boolean;
}

export class BetweenRunListeners {
  private election: pg.Client | undefined;
  private readonly held = new Map<string, Held>();
  /** Sessions being claimed right now (pg advisory locks are re-entrant: never claim twice). */
  private readonly claiming = new Set<string>();
  private changeSubscription: Subscription | undefined;
  private following: Promise<void> | undefined;
  private stopActivity: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private scanning: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: BetweenRunListenersOptions) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.stopActivity = this.options.events.onActivity((sessionId) => void this.resumeAfterNewRun(sessionId));
    this.following = this.followChanges();
    await this.scan();
    this.timer = setInterval(() => void this.scan(), this.options.timings.scanIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopActivity?.();
    this.changeSubscription?.close();
    await this.following;
    await this.scanning;
    await this.dropAll();
  }

  /** Sessions this instance listens to (or holds after giving up). */
  get sessions(): string[] {
    return [...this.held.keys()];
  }

  /** How many held sessions are in each state (for /metrics). */
  states(): Record<ListenerState, number> {
    const counts: Record<ListenerState, number> = { listening: 0, retrying: 0, gave_up: 0 };
    for (const held of this.held.values()) counts[held.gaveUpAtRuns !== undefined ? 'gave_up' : held.connected ? 'listening' : 'retrying']++;
    return counts;
  }

  /** Looks for running sessions to claim and held ones that stopped running. */
  scan(): Promise<void> {
    this.scanning ??= this.scanOnce()
      .catch((error: unknown) => this.options.log.warn({ err: error }, 'agui listener: scan failed'))
      .finally(() => (this.scanning = undefined));
    return this.scanning;
  }

  private async scanOnce(): Promise<void> {
    if (this.stopped) return;
    const { rows } = await this.options.pool.query<Row>(`SELECT id, kube_cr_name, kube_namespace FROM sessions WHERE phase = 'Running' AND deleted_at IS NULL`);
    const running = new Set(rows.map((r) => r.id));
    for (const id of [...this.held.keys()]) if (!running.has(id)) await this.release(id);
    for (const row of rows) await this.claim(row);
  }

  private async followChanges(): Promise<void> {
    while (!this.stopped) {
      const subscription = this.options.changes.subscribe();
      this.changeSubscription = subscription;
      for await (const change of subscription) {
        if (change.kind !== 'Session') continue;
        if (change.type !== 'DELETED' && change.object['phase'] === 'Running') await this.claim(change.object);
        else if (this.held.has(change.objectId)) await this.release(change.objectId);
      }
      // Closed: stopping, or too slow to keep up; a scan catches up with what was missed.
      if (!this.stopped) await this.scan();
    }
  }

  /** Takes the session's lock if nobody holds it and starts listening. */
  private async claim(session: Row): Promise<void> {
    const id = session.id;
    if (this.stopped || this.held.has(id) || this.claiming.has(id)) return;
    this.claiming.add(id);
    try {
      const election = await this.connection();
      const { rows } = await election.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [LISTENER_LOCK, id]);
      if (!rows[0]?.locked) return;
      if (this.stopped) {
        await election.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LISTENER_LOCK, id]);
        return;
      }
      this.listen(session);
    } catch (error) {
      this.options.log.warn({ err: error, session: id }, 'agui listener: claiming a session failed');
    } finally {
      this.claiming.delete(id);
    }
  }

  /** Stops listening and gives the session back to the election. */
  private async release(id: string): Promise<void> {
    const held = this.held.get(id);
    if (!held) return;
    this.held.delete(id);
    held.controller.abort();
    await held.done;
    await this.election?.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LISTENER_LOCK, id]).catch(() => undefined);
  }

  private async dropAll(): Promise<void> {
    const all = [...this.held.values()];
    this.held.clear();
    for (const held of all) held.controller.abort();
    await Promise.all(all.map((h) => h.done));
    const election = this.election;
    this.election = undefined;
    // Ending the connection releases every lock it held.
    await election?.end().catch(() => undefined);
  }

  private async connection(): Promise<pg.Client> {
    if (this.election) return this.election;
    const client = new pg.Client({ connectionString: this.options.connectionString, application_name: 'ambient-api-agui-election' });
    client.on('error', (error) => {
      if (this.election !== client) return;
      this.options.log.warn({ err: error }, 'agui listener: election connection lost; stopping every listener');
      void this.dropAll();
    });
    await client.connect();
    this.election = client;
    return client;
  }

  /** A listener that gave up starts again when the session has a run newer than that. */
  private async resumeAfterNewRun(sessionId: string): Promise<void> {
    const held = this.held.get(sessionId);
    if (held?.gaveUpAtRuns === undefined || this.stopped) return;
    const runs = await runCount(this.options.pool, sessionId).catch(() => undefined);
    if (runs === undefined || runs <= held.gaveUpAtRuns || this.held.get(sessionId) !== held) return;
    this.options.log.info({ session: sessionId }, 'agui listener: new run; listening again');
    this.held.delete(sessionId);
    this.listen(held.session);
  }

  private listen(session: Row): void {
    const controller = new AbortController();
    const held: Held = { session, controller, done: Promise.resolve(), gaveUpAtRuns: undefined, connected: false };
    held.done = this.loop(held).catch((error: unknown) => this.options.log.error({ err: error, session: session.id }, 'agui listener failed'));
    this.held.set(session.id, held);
  }

  /** Connect, persist, reconnect: the retry policy counts consecutive failures to connect. */
  private async loop(held: Held): Promise<void> {
    const { runner, log, timings, pool, connects } = this.options;
    const { session, controller } = held;
    const name = typeof session['kube_cr_name'] === 'string' ? session['kube_cr_name'] : '';
    const writer = new EventWriter(pool, session.id, { log, signal: controller.signal });
    let failures = 0;
    while (!controller.signal.aborted) {
      // One connection at a time; an idle timeout ends only this one.
      const connection = new AbortController();
      const abort = () => connection.abort();
      controller.signal.addEventListener('abort', abort, { once: true });
      let connected = false;
      try {
        const response = await connects.connect(
          'listener',
          () => runner.openStream(session, { method: 'GET', path: `/events/${encodeURIComponent(name)}` }, connection.signal),
          connection.signal,
        );
        if (response.ok && response.body) {
          connected = true;
          held.connected = true;
          failures = 0;
          for await (const batch of sseBatches(response.body, { idleMs: timings.idleMs, controller: connection })) {
            await writer.push(
              batch.map((data) => {
                const { event, malformed } = eventFromData(data);
                if (malformed)
                  log.warn({ session: session.id, data: data.slice(0, 200) }, 'agui listener: runner sent data that is not an event; stored as RAW');
                return withFilledIds(event, { threadId: session.id });
              }),
            );
          }
        } else {
          await response.body?.cancel();
          log.debug({ session: session.id, status: response.status }, 'agui listener: runner refused the event stream');
        }
      } catch (error) {
        if (!controller.signal.aborted) log.debug({ session: session.id, problem: (error as Error).message }, 'agui listener: event stream failed');
      } finally {
        held.connected = false;
        controller.signal.removeEventListener('abort', abort);
      }
      await writer.drain().catch(() => undefined);
      if (controller.signal.aborted) return;
      if (!connected && ++failures >= timings.retry.attempts) {
        held.gaveUpAtRuns = await runCount(pool, session.id).catch(() => 0);
        log.warn({ session: session.id, failures }, 'agui listener: giving up until the next run');
        return;
      }
      await sleep(connected ? timings.retry.firstDelayMs : retryDelay(timings.retry, failures), undefined, { signal: controller.signal }).catch(
        () => undefined,
      );
    }
  }
}

async function runCount(pool: pg.Pool, sessionId: string): Promise<number> {
  const { rows } = await pool.query<{ runs: number }>('SELECT count(*)::int AS runs FROM agui_runs WHERE session_id = $1', [sessionId]);
  return rows[0]!.runs;
}
