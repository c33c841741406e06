import { DomainError } from '../domain/errors.ts';

/**
 * A per-caller bound on concurrent expensive operations (issue 16 §4: one authenticated caller's
 * count bomb starved everyone). Each caller runs at most `concurrent` operations costing at least
 * EXPENSIVE_COST at a time; up to `queued` more wait their turn, at most `waitMs`; anything beyond
 * is refused with 429 code 34 and `Retry-After`. Cheap operations are never held back, and other
 * callers are not affected by one caller's queue.
 */

/** Operations costing this much or more (a page of about 50 sessions with a few fields) take a slot. */
export const EXPENSIVE_COST = 2_000;

export interface ExpensiveLimits {
  concurrent: number;
  queued: number;
  waitMs: number;
}

export const DEFAULT_EXPENSIVE_LIMITS: ExpensiveLimits = { concurrent: 4, queued: 16, waitMs: 2_000 };

/** Seconds a refused caller is told to wait. */
export const RETRY_AFTER_SECONDS = 1;

export const tooManyExpensive = () => new DomainError(34, `too many expensive operations at once for this caller: retry after ${RETRY_AFTER_SECONDS} s`);

interface Slots {
  running: number;
  waiting: (() => void)[];
}

export class ExpensiveOperations {
  private readonly callers = new Map<string, Slots>();

  constructor(private readonly limits: ExpensiveLimits = DEFAULT_EXPENSIVE_LIMITS) {}

  /** Waits for one of the caller's slots; the returned function gives it back (call it exactly once). */
  async acquire(caller: string): Promise<() => void> {
    let slots = this.callers.get(caller);
    if (!slots) this.callers.set(caller, (slots = { running: 0, waiting: [] }));
    const held = slots;
    if (held.running < this.limits.concurrent) held.running++;
    else {
      if (held.waiting.length >= this.limits.queued) throw tooManyExpensive();
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          held.waiting.splice(held.waiting.indexOf(turn), 1);
          reject(tooManyExpensive());
        }, this.limits.waitMs);
        held.waiting.push(turn);
      });
      // The slot was handed over by release(): `running` already counts it.
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = held.waiting.shift();
      if (next) next();
      else if (--held.running === 0) this.callers.delete(caller);
    };
  }

  /** How many of the caller's expensive operations are running now (for tests and metrics). */
  running(caller: string): number {
    return this.callers.get(caller)?.running ?? 0;
  }
}
