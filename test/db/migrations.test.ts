import { afterAll, beforeAll, expect, test } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createPool } from '../../src/db/database.ts';
import { loadMigrations, migrate, pendingMigrations } from '../../src/db/migrations.ts';
import { testLog } from '../support/database.ts';

/** The in-process migration runner on an empty database: Prisma's bookkeeping, idempotence, concurrency. */

const { serverUrl, prefix } = inject('postgres');
const name = `${prefix}${randomBytes(6).toString('hex')}`;
let admin: pg.Client;
let url: string;

beforeAll(async () => {
  admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  url = u.toString();
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

test('concurrent replicas apply each migration exactly once, recorded as Prisma records it', async () => {
  const migrations = await loadMigrations();
  expect(migrations.length).toBeGreaterThan(0);
  const pools = [createPool(url, 2, testLog), createPool(url, 2, testLog), createPool(url, 2, testLog)];
  try {
    expect(await pendingMigrations(pools[0]!, migrations)).toEqual(migrations.map((m) => m.name));
    const applied = await Promise.all(pools.map((p) => migrate(p, testLog, migrations)));
    expect(applied.flat().sort()).toEqual(migrations.map((m) => m.name).sort());
    const { rows } = await pools[0]!.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(migrations.map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(await pendingMigrations(pools[0]!, migrations)).toEqual([]);
    expect(await migrate(pools[0]!, testLog, migrations)).toEqual([]);
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
});

test('a failing migration rolls back completely and records nothing, so the next start retries it', async () => {
  const u = new URL(url);
  const broken = `${name}_b`;
  await admin.query(`CREATE DATABASE "${broken}"`);
  u.pathname = `/${broken}`;
  const pool = createPool(u.toString(), 2, testLog);
  try {
    const bad = [{ name: '20000101000000_bad', sql: 'CREATE TABLE half_done (id int); SELECT 1/0;', checksum: 'x' }];
    await expect(migrate(pool, testLog, bad)).rejects.toThrow(/migration 20000101000000_bad failed: division by zero/);
    const { rows } = await pool.query(`SELECT to_regclass('half_done') AS t, (SELECT count(*)::int FROM _prisma_migrations) AS n`);
    expect(rows[0]).toEqual({ t: null, n: 0 });
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS "${broken}" WITH (FORCE)`);
  }
});
