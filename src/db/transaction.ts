import type pg from 'pg';
import type { Queryable } from './sql.ts';

/**
 * One database transaction: every mutation runs inside exactly one, so a failure leaves nothing
 * behind. Work that must be the last thing before COMMIT (the change log, which takes a global
 * lock) registers a `beforeCommit` hook instead of running inline.
 */
export interface Tx extends Queryable {
  beforeCommit(hook: () => Promise<void>): void;
  /** Per-transaction state for modules that batch work until commit. */
  readonly state: Map<symbol, unknown>;
}

/** Deadlocks and serialization failures: the whole transaction can simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

export async function transaction<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    const hooks: (() => Promise<void>)[] = [];
    const tx: Tx = {
      query: (text: string, values?: unknown[]) => client.query(text, values),
      beforeCommit: (hook) => void hooks.push(hook),
      state: new Map(),
    } as Tx;
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      for (const hook of hooks) await hook();
      await client.query('COMMIT');
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
