import { afterAll, beforeAll, expect, test } from 'vitest';
import type { StoredEvent } from '../../src/agui/events.ts';
import { AguiFeed } from '../../src/agui/feed.ts';
import { recordEvents } from '../../src/agui/runs.ts';
import { testLog } from '../support/database.ts';
import { sessionIn, useAguiWorld } from './support.ts';

/**
 * The per-session live feed (runtime.md §a.4 rules 1, 3, 4): persisted events reach subscribers in
 * `seq` order; a subscriber too slow for its queue reads the table instead and loses nothing;
 * concurrent writers of one session never let a reader skip an event.
 */

const world = useAguiWorld();
let feed: AguiFeed;
beforeAll(async () => {
  const { api } = world();
  feed = new AguiFeed(api.db.pool, { connectionString: api.db.url, log: testLog, maxQueue: 5, pollIntervalMs: 200 });
  await feed.start();
});
afterAll(() => feed.stop());

async function take(iterator: AsyncIterator<StoredEvent>, count: number): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error('subscription ended');
    out.push(next.value);
  }
  return out;
}

test('a slow subscriber falls back to the table and gets every event once, in order', async () => {
  const { api } = world();
  const s = await sessionIn(api, null);
  const slow = await feed.subscribe(s.id);
  const fast = await feed.subscribe(s.id);
  const fastIterator = fast[Symbol.asyncIterator]();
  const fastSeen = take(fastIterator, 200);
  for (let i = 0; i < 20; i++)
    await recordEvents(
      api.db.pool,
      s.id,
      Array.from({ length: 10 }, (_, j) => ({ type: 'CUSTOM', value: i * 10 + j, threadId: s.id })),
    );
  const fastEvents = await fastSeen;
  // The slow one starts reading only now: far more than its queue of 5 arrived meanwhile.
  const slowIterator = slow[Symbol.asyncIterator]();
  const slowEvents = await take(slowIterator, 200);
  expect(slowEvents.map((e) => e.payload['value'])).toEqual(Array.from({ length: 200 }, (_, i) => i));
  expect(slowEvents.map((e) => e.seq)).toEqual(fastEvents.map((e) => e.seq));
  // And it is live again afterwards.
  const next = take(slowIterator, 1);
  await recordEvents(api.db.pool, s.id, [{ type: 'CUSTOM', value: 'after', threadId: s.id }]);
  expect((await next)[0]!.payload['value']).toBe('after');
  slow.close();
  fast.close();
  await fastIterator.return?.();
});

test('concurrent writers of one session: every reader sees every event in seq order, none skipped', async () => {
  const { api } = world();
  const s = await sessionIn(api, null);
  const other = await sessionIn(api, null);
  const subscription = await feed.subscribe(s.id, { after: 0 });
  const writers = Array.from({ length: 8 }, (_, w) =>
    (async () => {
      for (let i = 0; i < 25; i++) {
        await recordEvents(api.db.pool, s.id, [{ type: 'CUSTOM', writer: w, i, threadId: s.id }]);
        await recordEvents(api.db.pool, other.id, [{ type: 'CUSTOM', writer: w, i, threadId: other.id }]);
      }
    })(),
  );
  const received = take(subscription[Symbol.asyncIterator](), 200);
  await Promise.all(writers);
  const events = await received;
  const seqs = events.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(200);
  for (let w = 0; w < 8; w++)
    expect(events.filter((e) => e.payload['writer'] === w).map((e) => e.payload['i'])).toEqual(Array.from({ length: 25 }, (_, i) => i));
  subscription.close();
});

test('a run filter delivers that run only, from the table and live', async () => {
  const { api } = world();
  const s = await sessionIn(api, null);
  await recordEvents(api.db.pool, s.id, [
    { type: 'CUSTOM', runId: 'a', n: 1 },
    { type: 'CUSTOM', runId: 'b', n: 2 },
  ]);
  const subscription = await feed.subscribe(s.id, { after: 0, runId: 'a' });
  const iterator = subscription[Symbol.asyncIterator]();
  const got = take(iterator, 2);
  await recordEvents(api.db.pool, s.id, [
    { type: 'CUSTOM', runId: 'b', n: 3 },
    { type: 'CUSTOM', runId: 'a', n: 4 },
  ]);
  expect((await got).map((e) => e.payload['n'])).toEqual([1, 4]);
  subscription.close();
});

test('with polling off, the post-commit wake-ups alone deliver appends made on the pool and in a transaction', async () => {
  const { api } = world();
  const s = await sessionIn(api, null);
  // A feed that never polls: only the NOTIFY can wake it.
  const quiet = new AguiFeed(api.db.pool, { connectionString: api.db.url, log: testLog, pollIntervalMs: 3_600_000 });
  await quiet.start();
  try {
    const subscription = await quiet.subscribe(s.id);
    const iterator = subscription[Symbol.asyncIterator]();
    // Outside a transaction (one statement on the pool) and inside one (a run end): both are delivered.
    const first = take(iterator, 1);
    await recordEvents(api.db.pool, s.id, [{ type: 'CUSTOM', value: 'pool', threadId: s.id }]);
    expect((await first)[0]!.payload['value']).toBe('pool');
    const second = take(iterator, 1);
    await recordEvents(api.db.pool, s.id, [{ type: 'RUN_ERROR', threadId: s.id, runId: 'none', message: 'x' }]);
    expect((await second)[0]!.type).toBe('RUN_ERROR');
    subscription.close();
    await iterator.return?.();
  } finally {
    await quiet.stop();
  }
});
