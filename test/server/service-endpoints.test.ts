import { afterAll, beforeAll, expect, test } from 'vitest';
import { createApiServer, type ApiServer } from '../../src/server/server.ts';
import type { Database } from '../../src/db/database.ts';
import { loadMigrations, pendingMigrations } from '../../src/db/migrations.ts';
import { createTestDatabase, testLog, type TestDatabase } from '../support/database.ts';

/** The service endpoints over real HTTP, and graceful shutdown. */

let db: TestDatabase;
let api: ApiServer;
let base: string;
let healthy = true;

beforeAll(async () => {
  db = await createTestDatabase();
  const migrations = await loadMigrations();
  const database: Database = {
    pool: db.pool,
    connectionString: db.url,
    mode: 'external',
    async check() {
      if (!healthy) return { ok: false, problem: 'connection refused' };
      const pending = await pendingMigrations(db.pool, migrations);
      return pending.length ? { ok: false, problem: `migrations not applied: ${pending.join(', ')}` } : { ok: true };
    },
    close: async () => undefined,
  };
  api = createApiServer({ database, log: testLog, version: '9.9.9', buildTime: '2026-01-01T00:00:00.000Z' });
  const address = await api.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await api.shutdown(1000);
  await db.drop();
});

test('liveness, readiness and metadata', async () => {
  const health = await fetch(`${base}/healthz`);
  expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
  expect(health.headers.get('content-type')).toBe('application/json');
  expect(health.headers.get('x-operation-id')).toMatch(/^[0-9A-Za-z]{27}$/);
  expect(await (await fetch(`${base}/healthcheck`)).json()).toEqual({});
  const ready = await fetch(`${base}/readyz/`);
  expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  const metadata = { id: 'ambient-api-server', kind: 'API', href: '/api/ambient', version: '9.9.9', build_time: '2026-01-01T00:00:00.000Z' };
  expect(await (await fetch(`${base}/api/ambient`)).json()).toEqual(metadata);
  expect(await (await fetch(`${base}/api/ambient-api-server`)).json()).toEqual(metadata);
});

test('readiness fails with the reason when the database is not usable or migrations are missing', async () => {
  healthy = false;
  const down = await fetch(`${base}/readyz`);
  expect([down.status, await down.json()]).toEqual([503, { status: 'not ready', checks: { database: 'connection refused' } }]);
  healthy = true;
  await db.pool.query(`UPDATE _prisma_migrations SET rolled_back_at = now()`);
  const behind = await fetch(`${base}/readyz`);
  expect(behind.status).toBe(503);
  expect(((await behind.json()) as { checks: { database: string } }).checks.database).toMatch(/^migrations not applied: /);
  await db.pool.query(`UPDATE _prisma_migrations SET rolled_back_at = NULL`);
});

test('unknown routes answer the Error shape; a caller’s operation id is reused', async () => {
  const res = await fetch(`${base}/no/such/thing`, { headers: { 'X-Operation-ID': 'trace-123' } });
  expect(res.status).toBe(404);
  expect(res.headers.get('x-operation-id')).toBe('trace-123');
  expect(await res.json()).toEqual({
    kind: 'Error',
    id: '7',
    href: '/api/ambient/v1/errors/7',
    code: 'ambient-api-server-7',
    reason: 'GET /no/such/thing not found',
    operation_id: 'trace-123',
  });
  const invalidId = await fetch(`${base}/healthz`, { headers: { 'X-Operation-ID': 'bad id with spaces' } });
  expect(invalidId.headers.get('x-operation-id')).toMatch(/^[0-9A-Za-z]{27}$/);
});

test('shutdown drains in-flight requests before closing', async () => {
  const slow = createApiServer({
    database: { pool: db.pool, connectionString: db.url, mode: 'external', check: async () => ({ ok: true }), close: async () => undefined },
    log: testLog,
    version: '1',
    buildTime: '2026-01-01T00:00:00.000Z',
    handlers: [
      async (_req, res) => {
        await new Promise((r) => setTimeout(r, 300));
        res.end('done');
        return true;
      },
    ],
  });
  const { port } = await slow.listen(0, '127.0.0.1');
  const inFlight = fetch(`http://127.0.0.1:${port}/slow`).then((r) => r.text());
  await new Promise((r) => setTimeout(r, 50));
  const stopped = slow.shutdown(5000);
  expect(await inFlight).toBe('done');
  await stopped;
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
});
