import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { FakeRunner, realisticRun } from '../support/fake-runner.ts';
import { useServerProcesses } from '../support/process.ts';
import { openStream } from '../support/sse.ts';
import { eventually, type Json } from './support.ts';

/**
 * Two server processes on one Postgres: a run started through replica A streams out of replica B
 * in `seq` order, exactly as stored; only one replica listens to a session's runner between runs,
 * and when that replica dies the other takes over.
 */

const start = useServerProcesses();
let db: TestDatabase;
let runner: FakeRunner;
beforeAll(async () => {
  db = await createTestDatabase();
  runner = await FakeRunner.start();
});
afterAll(async () => {
  await runner.close();
  await db.drop();
});

const call = async (base: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${base}${V1}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return (await res.json()) as Json;
};

test('events written through one replica stream out of the other; one runner listener per session across replicas', { timeout: 60_000 }, async () => {
  const env = { DATABASE_URL: db.url, RUNNER_URL_TEMPLATE: runner.urlTemplate };
  const [a, b] = await Promise.all([start(env), start(env)]);
  const project = await call(a.url, 'POST', '/projects', { name: 'agui-replicated' });
  const session = await call(a.url, 'POST', '/sessions', { project_id: project['id'], name: 's' });
  const id = session['id'] as string;
  const name = session['kube_cr_name'] as string;
  await call(a.url, 'POST', `/sessions/${id}/start`);
  await call(b.url, 'PATCH', `/sessions/${id}/status`, { phase: 'Running' });

  const watcher = await openStream(`${b.url}${V1}/sessions/${id}/agui/events?lastEventId=0`);
  const runs = ['r1', 'r2', 'r3'];
  for (const runId of runs) {
    runner.nextRun((input) => realisticRun(input));
    await call(a.url, 'POST', `/sessions/${id}/agui/run`, { runId, messages: [{ id: `u-${runId}`, role: 'user', content: `go ${runId}` }] });
  }
  const received: { id: number; data: Json }[] = [];
  let finished = 0;
  while (finished < runs.length) {
    const frame = await watcher.nextData(10_000);
    const data = frame.data as Json;
    received.push({ id: Number(frame.id), data });
    if (data['type'] === 'RUN_FINISHED') finished++;
  }
  const { rows } = await db.pool.query<{ seq: number }>('SELECT seq FROM agui_events WHERE session_id = $1 ORDER BY seq', [id]);
  expect(received.map((f) => f.id)).toEqual(rows.map((r) => Number(r.seq)));
  // Served the same through either replica.
  const historyA = await call(a.url, 'GET', `/sessions/${id}/agui/history`);
  const historyB = await call(b.url, 'GET', `/sessions/${id}/agui/history`);
  expect((historyB['messages'] as Json[]).map((m) => m['id'])).toEqual((historyA['messages'] as Json[]).map((m) => m['id']));
  watcher.close();

  // One between-run listener for the session, whichever replica holds it.
  await eventually(() => runner.openEventStreams(name) === 1, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(runner.openEventStreams(name)).toBe(1);
  // The replica that dies releases it (Postgres drops its locks with its connection); the survivor listens.
  expect(await a.stop('SIGKILL')).toBe(null);
  const stream = await openStream(`${b.url}${V1}/sessions/${id}/agui/events?lastEventId=${rows.at(-1)!.seq}`);
  let n = 0;
  await eventually(async () => {
    runner.emitBetweenRuns(name, { event: { type: 'CUSTOM', name: 'still-listening', n: ++n } });
    const stored = await db.pool.query(`SELECT 1 FROM agui_events WHERE session_id = $1 AND payload->>'name' = 'still-listening'`, [id]);
    return stored.rows.length > 0;
  }, 20_000);
  expect((await stream.nextData(15_000)).data).toMatchObject({ type: 'CUSTOM', name: 'still-listening', threadId: id });
  stream.close();
  await eventually(() => runner.openEventStreams(name) === 1, 15_000);
  expect(await b.stop('SIGTERM')).toBe(0);
});
