import { setTimeout as sleep } from 'node:timers/promises';
import type pg from 'pg';
import type { Logger } from '../log.ts';
import type { AguiEvent } from './events.ts';
import { recordEvents } from './runs.ts';

/**
 * Persists the events of one runner stream, in order, before anyone sees them (runtime.md §a.4
 * rule 1). Events that arrive while a batch is being committed are committed together next
 * (group commit), so a fast runner costs one transaction per batch rather than per event. A write
 * that fails (the database restarting) is retried until it succeeds: the runner's events are
 * never dropped. Past `highWater` waiting events, `push` waits, which stops reading the runner
 * (TCP backpressure) instead of buffering without bound.
 */

export interface EventWriterOptions {
  log: Logger;
  /** Ends the retries of a failing write (shutdown). */
  signal: AbortSignal;
  maxBatch?: number;
  highWater?: number;
}

export class EventWriter {
  private readonly pending: AguiEvent[] = [];
  private flushing: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly pool: pg.Pool,
    private readonly sessionId: string,
    private readonly options: EventWriterOptions,
  ) {}

  /** Queues events for writing; resolves when the caller may read more. */
  async push(events: readonly AguiEvent[]): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    this.pending.push(...events);
    this.kick();
    if (this.pending.length >= (this.options.highWater ?? 2000)) await this.flushing;
  }

  /** Resolves once everything pushed so far is committed; rejects if writing was given up. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.failure !== undefined) throw this.failure;
  }

  private kick(): void {
    if (this.flushing || this.pending.length === 0 || this.failure !== undefined) return;
    this.flushing = this.flushAll()
      .catch((error: unknown) => {
        this.failure = error;
      })
      .finally(() => {
        this.flushing = undefined;
        this.kick();
      });
  }

  private async flushAll(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.options.maxBatch ?? 500);
      await this.write(batch);
      this.pending.splice(0, batch.length);
    }
  }

  private async write(batch: readonly AguiEvent[]): Promise<void> {
    for (let failures = 1; ; failures++) {
      try {
        await recordEvents(this.pool, this.sessionId, batch);
        return;
      } catch (error) {
        if (this.options.signal.aborted) throw error;
        this.options.log.warn({ err: error, session: this.sessionId, events: batch.length, failures }, 'agui: persisting runner events failed; retrying');
        await sleep(Math.min(250 * 2 ** (failures - 1), 10_000), undefined, { signal: this.options.signal }).catch(() => undefined);
      }
    }
  }
}
