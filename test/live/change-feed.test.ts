import { afterAll, beforeAll, expect, test } from 'vitest';
import { headSeq } from '../../src/domain/change-log.ts';
import { ChangeFeed, type ChangeEvent, type Subscription } from '../../src/live/change-feed.ts';
import { Project, Session } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject } from '../support/fixtures.ts';
import { useDomain } from '../support/domain.ts';
import { testLog } from '../support/database.ts';

/** The change feed: order, no loss, no duplicates, resume, slow subscribers, lost notifications. */

const { db, domain } = useDomain();
let feed: ChangeFeed;
beforeAll(async () => {
  feed = new ChangeFeed(db().pool, { connectionString: db().url, log: testLog, pollIntervalMs: 200, maxQueue: 50 });
  await feed.start();
});
afterAll(() => feed.stop());

async function take(subscription: Subscription, count: number, timeoutMs = 5000): Promise<ChangeEvent[]> {
  const out: ChangeEvent[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = setTimeout(() => subscription.close(), timeoutMs);
  while (out.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    out.push(next.value);
  }
  clearTimeout(deadline);
  return out;
}

test('live events arrive once each, in seq order, from concurrent writers', async () => {
  const subscription = feed.subscribe();
  const p = await seedProject(domain());
  await Promise.all(Array.from({ length: 30 }, (_, i) => domain().create(as(platformAdmin), Session, { project_id: p.id, name: `s${i}` })));
  const events = await take(subscription, 32); // project, its creator permission... and 30 sessions
  subscription.close();
  const seqs = events.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(events.filter((e) => e.kind === 'Session')).toHaveLength(30);
});

test('a subscriber resuming from an older seq gets the backlog from the table, then live, without duplicates', async () => {
  const p = await seedProject(domain());
  const start = await headSeq(db().pool);
  for (let i = 0; i < 5; i++) await domain().create(as(platformAdmin), Session, { project_id: p.id, name: `b${i}` });
  await new Promise((r) => setTimeout(r, 300));
  const resumed = feed.subscribe(start);
  const live = domain().create(as(platformAdmin), Session, { project_id: p.id, name: 'live' });
  const events = await take(resumed, 6);
  await live;
  resumed.close();
  expect(events.map((e) => e.object['name'])).toEqual(['b0', 'b1', 'b2', 'b3', 'b4', 'live']);
  expect(events[0]!.seq).toBeGreaterThan(start);
});

test('a slow subscriber is closed when its queue overflows; the others go on', async () => {
  const slow = feed.subscribe();
  const fast = feed.subscribe();
  const p = await seedProject(domain());
  const received = take(fast, 80);
  for (let i = 0; i < 78; i++) await domain().create(as(platformAdmin), Session, { project_id: p.id, name: `o${i}` });
  expect((await received).length).toBe(80);
  expect(slow.closedBecause).toBe('overflow');
  fast.close();
});

test('events committed while the LISTEN connection is down are delivered after it reconnects', async () => {
  const subscription = feed.subscribe();
  await db().pool.query(
    `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ambient-api-listen' AND datname = current_database()`,
  );
  const p = await domain().create(as(platformAdmin), Project, { name: 'while-down' });
  const events = await take(subscription, 2);
  expect(events.map((e) => e.objectId)).toContain(p.id);
  subscription.close();
});
