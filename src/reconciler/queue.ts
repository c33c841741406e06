/**
 * The controller's work queue: a set of keys to reconcile, each processed by one worker at a time.
 *
 * - Adding a key already waiting is a no-op; adding a key being processed marks it dirty, so it
 *   runs once more after the current pass (a change is never lost, never processed concurrently).
 * - Failed keys come back after a per-key exponential backoff (1 s doubling to 30 s), or after the
 *   delay a caller asks for (a 429's Retry-After); a success resets the key's backoff.
 */

export interface QueueOptions {
  concurrency: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type Processor = (key: string) => Promise<void>;

/** Thrown by a processor to ask for a retry after a specific delay. */
export class RequeueAfter extends Error {
  constructor(
    readonly delayMs: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export class WorkQueue {
  private readonly waiting = new Set<string>();
  private readonly order: string[] = [];
  private readonly active = new Set<string>();
  private readonly dirty = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running = 0;
  private stopped = true;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly process: Processor,
    private readonly options: QueueOptions,
    private readonly onError: (key: string, error: unknown, retryInMs: number) => void,
  ) {}

  /** Keys waiting or being processed (the queue-depth metric). */
  get depth(): number {
    return this.waiting.size + this.active.size;
  }

  start(): void {
    this.stopped = false;
    this.pump();
  }

  /** Stops taking keys (waiting ones are dropped); waits for the passes in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.waiting.clear();
    this.order.length = 0;
    await this.idle();
  }

  add(key: string): void {
    if (this.active.has(key)) {
      this.dirty.add(key);
      return;
    }
    if (this.waiting.has(key)) return;
    this.waiting.add(key);
    this.order.push(key);
    this.pump();
  }

  /** Adds `key` after `delayMs` (unless it is added sooner). */
  addAfter(key: string, delayMs: number): void {
    if (this.timers.has(key)) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.add(key);
    }, delayMs);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** Resolves when nothing is waiting or running (delayed retries not counted). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (!this.stopped && this.running < this.options.concurrency && this.order.length > 0) {
      const key = this.order.shift()!;
      this.waiting.delete(key);
      this.active.add(key);
      this.running++;
      void this.run(key);
    }
    if (this.running === 0 && this.waiting.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private async run(key: string): Promise<void> {
    try {
      await this.process(key);
      this.failures.delete(key);
    } catch (error) {
      const attempt = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, attempt);
      const base = this.options.baseDelayMs ?? 1000;
      const delay = error instanceof RequeueAfter ? error.delayMs : Math.min(base * 2 ** (attempt - 1), this.options.maxDelayMs ?? 30_000);
      this.onError(key, error, delay);
      if (!this.stopped) this.addAfter(key, delay);
    } finally {
      this.active.delete(key);
      this.running--;
      if (this.dirty.delete(key) && !this.stopped) this.add(key);
      this.pump();
    }
  }
}
