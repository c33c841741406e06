import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { useServerProcesses } from '../support/process.ts';
import { openStream } from '../support/sse.ts';

/** Two server processes on one Postgres: a change made through one reaches watchers of the other, in order. */

const start = useServerProcesses();
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const post = async (base: string, path: string, body: unknown) => {
  const res = await fetch(`${base}${V1}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
};

test('changes written through replica A stream out of replica B in commit order; shutdown ends open streams', async () => {
  const [a, b] = await Promise.all([start({ DATABASE_URL: db.url }), start({ DATABASE_URL: db.url })]);
  const watcher = await openStream(`${b.url}${V1}/sessions?watch=true`);
  const project = await post(a.url, '/projects', { name: 'replicated' });
  const names = Array.from({ length: 20 }, (_, i) => `s${i}`);
  for (const name of names) await post(a.url, '/sessions', { project_id: project['id'], name });
  const received: string[] = [];
  const ids: number[] = [];
  while (received.length < names.length) {
    const frame = await watcher.nextData(10_000);
    received.push((frame.data as { object: { name: string } }).object.name);
    ids.push(Number(frame.id));
  }
  expect(received).toEqual(names);
  expect(ids).toEqual([...ids].sort((x, y) => x - y));

  // A graceful stop does not wait for open streams: it ends them.
  const stopped = Date.now();
  expect(await b.stop('SIGTERM')).toBe(0);
  await watcher.ended();
  expect(Date.now() - stopped).toBeLessThan(5000);
  expect(await a.stop('SIGTERM')).toBe(0);
});
