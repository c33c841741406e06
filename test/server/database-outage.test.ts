import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { useServerProcesses, type ServerProcess } from '../support/process.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';

/**
 * Postgres goes away under write load (issue 16, "Outages answer 500"): the real server process
 * reaches its database through a TCP proxy that the test cuts and restores, after first having
 * Postgres terminate the server's connections itself. Throughout, every request answers either as
 * usual or 503 with the contract's Error body (code 31) and `Retry-After` — never a 500 —,
 * `/readyz` says not ready while the database is gone, and the server recovers without a restart.
 */

const start = useServerProcesses();
let db: TestDatabase;
let proxy: TcpProxy;
let server: ServerProcess;

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(inject('postgres').serverUrl);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  server = await start({ DATABASE_URL: proxy.via(db.url), LOG_LEVEL: 'info' });
}, 60_000);
afterAll(async () => {
  await server?.stop('SIGKILL');
  await proxy?.close();
  await db?.drop();
});

interface Outcome {
  what: string;
  status: number;
  retryAfter: string | null;
  body: unknown;
  at: number;
}

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // kept as text: the assertion below shows it
  }
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: parsed };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('an unreachable database answers 503 with Retry-After, never 500; /readyz follows; recovery needs no restart', { timeout: 120_000 }, async () => {
  const project = await call('POST', `${V1}/projects`, { name: 'outage' });
  expect(project.status).toBe(201);
  const projectId = (project.body as { id: string }).id;
  const seeded = await call('POST', `${V1}/sessions`, { project_id: projectId, name: 'seed' });
  expect(seeded.status).toBe(201);
  const sessionId = (seeded.body as { id: string }).id;

  const outcomes: Outcome[] = [];
  const created: { id: string; name: string }[] = [];
  let running = true;
  let n = 0;
  const worker = async (w: number) => {
    while (running) {
      const i = n++;
      const op = i % 5;
      const [what, method, path, body] =
        op === 0
          ? ['create', 'POST', `${V1}/sessions`, { project_id: projectId, name: `s-${w}-${i}` }]
          : op === 1
            ? ['patch', 'PATCH', `${V1}/sessions/${sessionId}`, { prompt: `p-${i}` }]
            : op === 2
              ? ['get', 'GET', `${V1}/sessions/${sessionId}`, undefined]
              : op === 3
                ? ['list', 'GET', `${V1}/sessions?size=5`, undefined]
                : ['graphql', 'POST', '/graphql', { query: '{ sessions(first: 2) { totalCount edges { node { databaseId } } } }' }];
      try {
        const result = await call(method, path, body);
        outcomes.push({ what, ...result, at: Date.now() });
        if (what === 'create' && result.status === 201) created.push(result.body as { id: string; name: string });
      } catch (error) {
        outcomes.push({ what, status: 0, retryAfter: null, body: String(error), at: Date.now() });
      }
      if (!running) break;
      await sleep(5);
    }
  };
  const workers = Array.from({ length: 8 }, (_, w) => worker(w));

  await sleep(1500);
  // Postgres ends the server's connections itself (57P01, as at a fast shutdown).
  const admin = db.pool;
  for (let round = 0; round < 3; round++) {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await sleep(300);
  }
  // Then the database is unreachable: first connections are reset as they open, then refused.
  await proxy.cut('reset');
  await sleep(2000);
  const readyWhileReset = await call('GET', '/readyz');
  await proxy.cut('refuse');
  await sleep(2000);
  const readyWhileRefused = await call('GET', '/readyz');
  const restoredAt = Date.now();
  await proxy.restore();

  // Recovery, without a restart: writes succeed again within a few seconds.
  let recoveredAt: number | undefined;
  for (let attempt = 0; attempt < 100 && recoveredAt === undefined; attempt++) {
    const created = await call('POST', `${V1}/sessions`, { project_id: projectId, name: `after-${attempt}` });
    if (created.status === 201) recoveredAt = Date.now();
    else await sleep(100);
  }
  await sleep(1000);
  running = false;
  await Promise.all(workers);

  expect(readyWhileReset.status).toBe(503);
  expect(readyWhileReset.body).toMatchObject({ status: 'not ready', checks: { database: expect.any(String) } });
  expect(readyWhileRefused.status).toBe(503);
  expect(recoveredAt, 'writes succeed again after the database comes back').toBeDefined();
  expect(recoveredAt! - restoredAt).toBeLessThan(10_000);
  expect(await call('GET', '/readyz')).toMatchObject({ status: 200, body: { status: 'ready' } });

  const byStatus = new Map<string, number>();
  for (const o of outcomes) byStatus.set(`${o.what} ${o.status}`, (byStatus.get(`${o.what} ${o.status}`) ?? 0) + 1);
  const summary = Object.fromEntries([...byStatus].sort());
  const unexpected = outcomes.filter(
    (o) => (o.status !== 503 && (o.status < 200 || o.status >= 300)) || (o.what === 'graphql' && o.status === 200 && 'errors' in (o.body as object)),
  );
  expect(
    unexpected.slice(0, 5),
    `${JSON.stringify(summary)}\n${server
      .output()
      .split('\n')
      .filter((l) => /"level":50/.test(l))
      .slice(0, 3)
      .join('\n')}`,
  ).toEqual([]);
  const unavailable = outcomes.filter((o) => o.status === 503);
  // The outage was felt by the load, and every request it failed says so in the contract's shape.
  expect(unavailable.length, JSON.stringify(summary)).toBeGreaterThan(20);
  for (const o of unavailable) {
    if (o.what === 'graphql') expect(o.body).toMatchObject({ errors: [{ extensions: { code: 31 } }] });
    else expect(o.body).toMatchObject({ kind: 'Error', id: '31', code: 'ambient-api-server-31', reason: expect.any(String) });
    expect(Number(o.retryAfter)).toBeGreaterThanOrEqual(1);
  }
  for (const what of ['create', 'patch', 'get', 'list', 'graphql'])
    expect(byStatus.get(`${what} 503`) ?? 0, `${what}: ${JSON.stringify(summary)}`).toBeGreaterThan(0);

  // Nothing partial: every session answered 201 is in the database as answered.
  const { rows } = await db.pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM sessions WHERE project_id = $1 AND deleted_at IS NULL AND name LIKE 's-%'`,
    [projectId],
  );
  const stored = new Map(rows.map((r) => [r.id, r.name]));
  for (const c of created) expect(stored.get(c.id)).toBe(c.name);
});
