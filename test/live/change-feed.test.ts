import { afterAll, beforeAll, expect, test } from 'vitest';
import { recordChange } from '../../src/domain/change-log.ts';
import { transaction } from '../../src/db/transaction.ts';
import { ChangeFeed, type ChangeEvent, type Subscription } from '../../src/live/change-feed.ts';
import { Project, Session } from '../../src/kinds/index.ts';
import { settleSnapshot } from '../../src/live/snapshot.ts';
import { toWire } from '../../src/domain/wire.ts';
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
  const start = Number((await db().pool.query('SELECT coalesce(max(seq), 0) AS head FROM change_events')).rows[0].head);
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
  const received = take(fast, 80, 15_000);
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

test('an event is not delivered while a transaction holding an earlier seq is still open; then both, in seq order', async () => {
  // A draws its seq and waits before COMMIT; B draws a later one and commits. B is in the table,
  // but delivering it now would make a reader that later sees A go backwards (or skip A).
  const subscription = feed.subscribe();
  let releaseA!: () => void;
  const aHolding = new Promise<void>((resolve) => (releaseA = resolve));
  let aFlushed!: () => void;
  const aReady = new Promise<void>((resolve) => (aFlushed = resolve));
  const a = transaction(db().pool, async (tx) => {
    recordChange(tx, { type: 'ADDED', projectId: null, object: { id: 'order-a', kind: 'Project', href: '/a' } });
    tx.beforeCommit(async () => {
      aFlushed();
      await aHolding;
    });
  });
  await aReady;
  const b = await domain().create(as(platformAdmin), Project, { name: 'order-b' });
  const visible = await db().pool.query<{ object_id: string }>(`SELECT object_id FROM change_events WHERE object_id IN ('order-a', $1)`, [b.id]);
  expect(visible.rows.map((r) => r.object_id)).toEqual([b.id]); // committed, out of seq order
  const early = take(subscription, 1, 400);
  expect(await early).toEqual([]); // nothing handed out while A is open (take closes the subscription)

  const after = feed.subscribe();
  releaseA();
  await a;
  const events = await take(after, 3); // A, B, and B's creator permission
  after.close();
  expect(events[0]!.objectId).toBe('order-a');
  expect(events.map((e) => e.objectId)).toContain(b.id);
  const seqs = events.map((e) => e.seq);
  expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
});

test('a snapshot taken while an earlier seq is still open is settled at a position past both: A is in it, and the watch from there repeats neither', async () => {
  let releaseA!: () => void;
  const aHolding = new Promise<void>((resolve) => (releaseA = resolve));
  let aFlushed!: () => void;
  const aReady = new Promise<void>((resolve) => (aFlushed = resolve));
  const a = transaction(db().pool, async (tx) => {
    recordChange(tx, { type: 'ADDED', projectId: null, object: { id: 'snap-a', kind: 'Project', href: '/a' } });
    tx.beforeCommit(async () => {
      aFlushed();
      await aHolding;
    });
  });
  await aReady;
  const b = await domain().create(as(platformAdmin), Project, { name: 'snap-b' });
  const snapshot = await domain().snapshot(as(platformAdmin), Project, {}, feed.position);
  expect(snapshot.rows.map((r) => r['id'])).toContain(b.id); // B is committed and listed...
  expect(snapshot.through).toBeGreaterThan(snapshot.head); // ...though the feed has not passed it yet
  let settled = false;
  const settling = settleSnapshot(
    feed,
    'Project',
    { ...snapshot, objects: snapshot.rows.map((row) => toWire(Project, row)) },
    async (events) => new Set(events.filter((event) => event.type !== 'DELETED')),
  ).finally(() => (settled = true));
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(settled).toBe(false); // no position covers B while A is open
  releaseA();
  await a;
  const { position, objects } = await settling;
  expect(objects.map((o) => o.id)).toEqual(expect.arrayContaining(['snap-a', b.id]));
  const watch = feed.subscribe(position);
  expect(await take(watch, 1, 500)).toEqual([]); // neither A's nor B's changes come again
});
