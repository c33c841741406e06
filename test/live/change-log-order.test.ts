import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createPool } from '../../src/db/database.ts';
import { transaction } from '../../src/db/transaction.ts';
import { recordChange } from '../../src/domain/change-log.ts';
import { ChangeFeed, type ChangeEvent, type Subscription } from '../../src/live/change-feed.ts';
import { createTestDatabase, testLog, type TestDatabase } from '../support/database.ts';

/**
 * The lock-free change log under contention: many writers on many connections, commits delayed at
 * random between drawing their `seq`s and COMMIT (where reordering happens), some rolled back, and
 * several independent readers (one feed each, as replicas have). Every reader must receive exactly
 * the committed changes, once each, in the same order, and that order must agree with every
 * commit order a client could observe (A's COMMIT returned before B began).
 */

let db: TestDatabase;
let writers: ReturnType<typeof createPool>;
const feeds: ChangeFeed[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  writers = createPool(db.url, 24, testLog);
  for (let i = 0; i < 3; i++) {
    const feed = new ChangeFeed(db.pool, { connectionString: db.url, log: testLog, pollIntervalMs: 200, maxQueue: 100_000 });
    await feed.start();
    feeds.push(feed);
  }
});
afterAll(async () => {
  for (const feed of feeds) await feed.stop();
  await writers.end();
  await db.drop();
});

interface Written {
  id: string;
  /** ms timestamps: before BEGIN, and when COMMIT had returned. */
  began: number;
  committed: number;
}

async function collect(subscription: Subscription, ids: ReadonlySet<string>, until: () => boolean, timeoutMs = 30_000): Promise<ChangeEvent[]> {
  const out: ChangeEvent[] = [];
  const deadline = setTimeout(() => subscription.close(), timeoutMs);
  for await (const event of subscription) {
    if (event.objectId.startsWith('w-')) out.push(event);
    if (until() && out.length >= ids.size) break;
  }
  clearTimeout(deadline);
  subscription.close();
  return out;
}

test('many writers with random commit delays and rollbacks: every reader gets each committed change once, in one order that respects commit order', async () => {
  const TRANSACTIONS = 400;
  const CONCURRENCY = 20;
  const committed: Written[] = [];
  const rolledBack = new Set<string>();
  let done = false;
  const wanted = new Set<string>();

  const live = feeds.map((feed) => feed.subscribe());
  // A reader that joins midway, resuming from a retained position another reader was handed.
  let resumedFrom: number | undefined;
  const resumed = (async () => {
    while (feeds[0]!.position === 0 || committed.length < TRANSACTIONS / 4) await sleep(5);
    resumedFrom = feeds[0]!.position;
    return feeds[1]!.subscribe(resumedFrom);
  })();

  let next = 0;
  const writer = async () => {
    while (next < TRANSACTIONS) {
      const n = next++;
      const id = `w-${String(n).padStart(4, '0')}`;
      const rollback = n % 7 === 3;
      const began = Date.now();
      try {
        await transaction(writers, async (tx) => {
          // One or two changes per transaction: a transaction's rows keep their order.
          recordChange(tx, { type: 'ADDED', projectId: null, object: { id, kind: 'Probe', href: `/${id}` } });
          if (n % 3 === 0) recordChange(tx, { type: 'MODIFIED', projectId: null, object: { id: `${id}-b`, kind: 'Probe', href: `/${id}-b` } });
          tx.beforeCommit(async () => {
            await sleep(Math.random() < 0.2 ? 5 + Math.random() * 40 : Math.random() * 3);
            if (rollback) throw new Error('rolled back on purpose');
          });
        });
        committed.push({ id, began, committed: Date.now() });
        wanted.add(id);
        if (n % 3 === 0) wanted.add(`${id}-b`);
      } catch (error) {
        if ((error as Error).message !== 'rolled back on purpose') throw error;
        rolledBack.add(id);
      }
    }
  };
  const writing = Promise.all(Array.from({ length: CONCURRENCY }, writer)).then(() => (done = true));
  const readers = live.map((subscription) => collect(subscription, wanted, () => done));
  const resumedSubscription = await resumed;
  const resumedEvents = collect(resumedSubscription, wanted, () => done);
  await writing;

  const received = await Promise.all(readers);
  expect(rolledBack.size).toBeGreaterThan(0);
  const expected = [...wanted].sort();
  for (const events of received) {
    const ids = events.map((e) => e.objectId);
    expect(new Set(ids).size).toBe(ids.length); // no duplicate
    expect([...ids].sort()).toEqual(expected); // no gap, nothing rolled back
    const seqs = events.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
  }
  // One order for all readers.
  for (const events of received.slice(1)) expect(events.map((e) => e.seq)).toEqual(received[0]!.map((e) => e.seq));

  // A transaction whose COMMIT had returned before another one began comes first.
  const position = new Map(received[0]!.map((e, i) => [e.objectId, i]));
  const byCommit = [...committed].sort((a, b) => a.committed - b.committed);
  let violations = 0;
  let pairs = 0;
  for (const a of byCommit)
    for (const b of committed)
      if (a.committed < b.began) {
        pairs++;
        if (position.get(a.id)! > position.get(b.id)!) violations++;
      }
  expect(pairs).toBeGreaterThan(1000);
  expect(violations).toBe(0);
  // A transaction's own rows keep their order (other transactions' rows may fall between them).
  for (const { id } of committed) if (position.has(`${id}-b`)) expect(position.get(`${id}-b`)).toBeGreaterThan(position.get(id)!);

  // The resumed reader: exactly the suffix after its position.
  const suffix = received[0]!.filter((e) => e.seq > resumedFrom!).map((e) => e.seq);
  expect((await resumedEvents).map((e) => e.seq)).toEqual(suffix);
  expect(suffix.length).toBeGreaterThan(0);
}, 120_000);
