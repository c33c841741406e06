import net from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useApi, V1 } from '../support/api.ts';
import { eventually, FAST_TIMINGS } from './support.ts';

/**
 * Many Running sessions whose runners do not answer (issue 16, "Runner connections at scale"):
 * the server out of the cluster with the default runner URL made one attempt after another to
 * every session's runner, without end. Here every runner URL points at a TCP server that accepts,
 * holds the connection a moment and resets it — a connection-level failure, as DNS failures and
 * refused connections are. Each session's between-run listener makes the contract's 30 attempts
 * (runtime.md §a.11) and then stops until the next run or phase change; at most `connectConcurrency`
 * attempts are in flight at once; /metrics counts them.
 */

const SESSIONS = 24;
const CONCURRENCY = 4;
const HOLD_MS = 15;

interface Silent {
  port: number;
  /** Connection attempts by request path. */
  attempts: Map<string, number>;
  /** Connections accepted. */
  connections: number;
  open: number;
  maxOpen: number;
  server: net.Server;
}

let silent: Silent;
beforeAll(async () => {
  const state: Silent = { port: 0, attempts: new Map(), connections: 0, open: 0, maxOpen: 0, server: net.createServer() };
  state.server.on('connection', (socket) => {
    state.connections++;
    state.open++;
    state.maxOpen = Math.max(state.maxOpen, state.open);
    let counted = false;
    socket.on('data', (chunk) => {
      if (counted) return;
      counted = true;
      const path = /^[A-Z]+ (\S+)/.exec(chunk.toString('latin1'))?.[1] ?? '?';
      state.attempts.set(path, (state.attempts.get(path) ?? 0) + 1);
    });
    socket.on('error', () => undefined);
    setTimeout(() => {
      state.open--;
      socket.resetAndDestroy();
    }, HOLD_MS);
  });
  await new Promise<void>((resolve) => state.server.listen(0, '127.0.0.1', resolve));
  state.port = (state.server.address() as net.AddressInfo).port;
  silent = state;
});
afterAll(() => new Promise<void>((resolve) => silent.server.close(() => resolve())));

const api = useApi(
  () => ({ RUNNER_URL_TEMPLATE: `http://127.0.0.1:${silent.port}/{namespace}/{session}` }),
  () => ({ kubeConfig: null, aguiTimings: { ...FAST_TIMINGS, connectConcurrency: CONCURRENCY } }),
);

const listenerAttempts = (name: string) => silent.attempts.get(`/unreachable/${name}/events/${name}`) ?? 0;

async function metric(name: string, labels: string): Promise<number> {
  const res = await fetch(`${api().url}/metrics`);
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${labels}}`));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
}

test('listeners to runners that never answer make the contract’s attempts, a bounded number at a time, then stop', { timeout: 300_000 }, async () => {
  const { request, db } = api();
  const project = await request('POST', `${V1}/projects`, { body: { name: 'unreachable' } });
  expect(project.status).toBe(201);
  const names: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const session = await request('POST', `${V1}/sessions`, { body: { name: `s${i}`, project_id: project.body['id'] } });
    names.push(session.body['kube_cr_name'] as string);
    ids.push(session.body['id'] as string);
  }
  // Running all at once, as a database full of Running sessions is at start.
  await db.pool.query(`UPDATE sessions SET phase = 'Running' WHERE project_id = $1`, [project.body['id']]);

  const attempts = FAST_TIMINGS.listener.retry.attempts;
  const gaveUp = () => metric('ambient_runner_listeners', 'state="gave_up"');
  await eventually(async () => (await gaveUp()) === SESSIONS, 200_000);
  // Exactly the contract's attempts per session, counted by the server…
  expect(await metric('ambient_runner_connect_attempts_total', 'stream="listener",outcome="unreachable"')).toBe(SESSIONS * attempts);
  expect(await metric('ambient_runner_connects_in_flight', '')).toBe(0);
  // …and seen by the runners (a connection reset before its request was written shows no path,
  // so the runner side may count a few fewer), never more than one at a time per slot…
  for (const name of names) expect(listenerAttempts(name), name).toBeGreaterThan(0);
  for (const name of names) expect(listenerAttempts(name), name).toBeLessThanOrEqual(attempts);
  expect(silent.maxOpen).toBeLessThanOrEqual(CONCURRENCY);
  expect(silent.maxOpen).toBeGreaterThan(1);
  // …and then nothing more, across several scans of Running sessions.
  const settled = silent.connections;
  await new Promise((resolve) => setTimeout(resolve, FAST_TIMINGS.listener.scanIntervalMs * 5));
  expect(silent.connections).toBe(settled);

  // A phase change starts a session's listener over: the contract's attempts once more, then quiet.
  const [first] = ids;
  await request('PATCH', `${V1}/sessions/${first}/status`, { body: { phase: 'Stopping' } });
  await eventually(async () => (await gaveUp()) === SESSIONS - 1, 60_000);
  await request('PATCH', `${V1}/sessions/${first}/status`, { body: { phase: 'Running' } });
  await eventually(async () => (await gaveUp()) === SESSIONS, 60_000);
  expect(await metric('ambient_runner_connect_attempts_total', 'stream="listener",outcome="unreachable"')).toBe((SESSIONS + 1) * attempts);
  const after = silent.connections;
  await new Promise((resolve) => setTimeout(resolve, FAST_TIMINGS.listener.scanIntervalMs * 5));
  expect(silent.connections).toBe(after);
  expect(silent.maxOpen).toBeLessThanOrEqual(CONCURRENCY);
});
