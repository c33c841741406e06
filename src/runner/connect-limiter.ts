import { Counter, Gauge, type Registry } from 'prom-client';
import { RunnerUnreachable } from './client.ts';

/**
 * Bounds how many connections to session runners are being opened at once (issue 16: with
 * ~1,250 Running sessions whose runners did not answer, every one of them had an attempt in
 * flight — a name lookup and a socket each — all the time). An attempt holds a slot from the
 * request until the response head arrives or the attempt fails; a stream that is open holds
 * none. Waiting attempts are served in order, those of runs (a user is waiting) before those of
 * the between-run listeners.
 *
 * The counts are exported as Prometheus metrics:
 * - `ambient_runner_connect_attempts_total{stream,outcome}`: `stream` is `run` or `listener`;
 *   `outcome` is `connected` (2xx), `refused` (another status) or `unreachable` (no answer);
 * - `ambient_runner_connects_in_flight`, `ambient_runner_connects_waiting`;
 * - `ambient_runner_listeners{state}`: this instance's between-run listeners that are `listening`
 *   (stream open), `retrying`, or that `gave_up` after the contract's attempts (until the next run
 *   or phase change).
 */

export type StreamKind = 'run' | 'listener';
export type ListenerState = 'listening' | 'retrying' | 'gave_up';
const LISTENER_STATES: readonly ListenerState[] = ['listening', 'retrying', 'gave_up'];

export class RunnerMetrics {
  readonly attempts: Counter<'stream' | 'outcome'>;
  readonly inFlight: Gauge;
  readonly waiting: Gauge;
  readonly listeners: Gauge<'state'>;
  private listenerStates: (() => Record<ListenerState, number>) | undefined;

  constructor(registry?: Registry) {
    const registers = registry ? [registry] : [];
    this.attempts = new Counter({
      name: 'ambient_runner_connect_attempts_total',
      help: 'Attempts to open a stream to a session runner, by stream and outcome',
      labelNames: ['stream', 'outcome'],
      registers,
    });
    this.inFlight = new Gauge({ name: 'ambient_runner_connects_in_flight', help: 'Runner stream connections being opened now', registers });
    this.waiting = new Gauge({ name: 'ambient_runner_connects_waiting', help: 'Runner stream connections waiting for a free slot', registers });
    const states = () => this.listenerStates?.();
    const listeners: Gauge<'state'> = new Gauge({
      name: 'ambient_runner_listeners',
      help: 'Between-run listeners of this instance by state',
      labelNames: ['state'],
      registers,
      collect() {
        const now = states();
        for (const state of LISTENER_STATES) listeners.set({ state }, now?.[state] ?? 0);
      },
    });
    this.listeners = listeners;
  }

  /** Where the listener gauge reads its values when scraped. */
  observeListeners(states: () => Record<ListenerState, number>): void {
    this.listenerStates = states;
  }
}

interface Waiter {
  resolve(): void;
  reject(reason: unknown): void;
}

export class ConnectLimiter {
  private active = 0;
  private readonly queues: Record<StreamKind, Waiter[]> = { run: [], listener: [] };

  constructor(
    private readonly max: number,
    private readonly metrics: RunnerMetrics,
  ) {
    if (!(max >= 1)) throw new Error(`connect concurrency must be at least 1, not ${max}`);
  }

  /** Opens a stream with `open` once a slot is free, and counts the attempt's outcome. */
  async connect(stream: StreamKind, open: () => Promise<Response>, signal: AbortSignal): Promise<Response> {
    await this.acquire(stream, signal);
    try {
      const response = await open();
      this.metrics.attempts.inc({ stream, outcome: response.ok ? 'connected' : 'refused' });
      return response;
    } catch (error) {
      if (error instanceof RunnerUnreachable) this.metrics.attempts.inc({ stream, outcome: 'unreachable' });
      throw error;
    } finally {
      this.release();
    }
  }

  private acquire(stream: StreamKind, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.active < this.max) {
      this.active++;
      this.metrics.inFlight.set(this.active);
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const queue = this.queues[stream];
      const onAbort = () => {
        const at = queue.indexOf(waiter);
        if (at >= 0) queue.splice(at, 1);
        this.metrics.waiting.dec();
        reject(signal.reason);
      };
      // The slot is handed over by `release`: `active` is not decremented in between.
      const waiter: Waiter = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          this.metrics.waiting.dec();
          resolve();
        },
        reject,
      };
      queue.push(waiter);
      this.metrics.waiting.inc();
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(): void {
    const next = this.queues.run.shift() ?? this.queues.listener.shift();
    if (next) next.resolve();
    else {
      this.active--;
      this.metrics.inFlight.set(this.active);
    }
  }
}
