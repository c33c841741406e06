import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { useServerProcesses } from '../support/process.ts';
import { openStream } from '../support/sse.ts';

/**
 * Session messages across two server processes on one Postgres (head-contract H5): pushed through
 * one replica, streamed out of the other in seq order; a stream resumed on the survivor after its
 * replica stopped misses and repeats nothing.
 */

const start = useServerProcesses();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

type Json = Record<string, unknown>;
const call = async (base: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${V1}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Json;
};

test('pushed through B, streamed from A; resumed on B after A stops, nothing lost or repeated', { timeout: 60_000 }, async () => {
  const env = { DATABASE_URL: db.url };
  const [a, b] = await Promise.all([start(env), start(env)]);
  const project = await call(a.url, 'POST', '/projects', { name: 'messages-replicated' });
  const session = await call(a.url, 'POST', '/sessions', { name: 's', project_id: project['id'], prompt: 'm0' });
  const path = `/sessions/${String(session['id'])}/messages`;

  const onA = await openStream(`${a.url}${V1}${path}`);
  const seen: Json[] = [(await onA.nextData()).data as Json];
  for (let n = 1; n <= 5; n++) await call(b.url, 'POST', path, { payload: `m${n}` });
  while (seen.length < 6) seen.push((await onA.nextData()).data as Json);
  expect(seen.map((m) => m['payload'])).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  const lastSeen = String(seen.at(-1)!['seq']);

  await a.stop();
  await onA.ended();
  for (let n = 6; n <= 10; n++) await call(b.url, 'POST', path, { payload: `m${n}` });
  const onB = await openStream(`${b.url}${V1}${path}`, { 'Last-Event-ID': lastSeen });
  const rest: Json[] = [];
  while (rest.length < 5) rest.push((await onB.nextData()).data as Json);
  expect(rest.map((m) => m['payload'])).toEqual(['m6', 'm7', 'm8', 'm9', 'm10']);
  await call(b.url, 'POST', path, { payload: 'm11' });
  expect(((await onB.nextData()).data as Json)['payload']).toBe('m11');
  onB.close();

  const stored = (await (await fetch(`${b.url}${V1}${path}`)).json()) as Json[];
  expect(stored.map((m) => m['payload'])).toEqual(Array.from({ length: 12 }, (_, n) => `m${n}`));
  expect(stored.map((m) => m['seq'])).toEqual(stored.map((m) => m['seq']).sort((x, y) => Number(x) - Number(y)));
});
