import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { claimRun, databaseBase, dropStaleRuns, newRunId } from '../support/test-runs.ts';

/**
 * The test harness's ownership of databases on a shared Postgres server (test/support/test-runs.ts):
 * runs are told apart by advisory locks held by their admin connections, never by PID. Runs here
 * use a base of their own, so the real runs on this server are not involved.
 */

const base = `sweep_${newRunId()}`;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const client = new pg.Client(inject('postgres').serverUrl);
  await client.connect();
  clients.push(client);
  return client;
}

async function databases(): Promise<string[]> {
  const admin = clients[0]!;
  const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname', [`${base}_`]);
  return rows.map((r) => r.datname);
}

/** A run as global setup starts one: lock held on its own connection, template, one test database. */
async function startRun(): Promise<{ runId: string; admin: pg.Client; names: string[] }> {
  const admin = await connect();
  const runId = newRunId();
  const template = `${base}_${runId}_template`;
  await claimRun(admin, base, runId, template);
  await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
  await admin.query(`CREATE DATABASE "${base}_${runId}_db1" TEMPLATE "${template}"`);
  return { runId, admin, names: [`${base}_${runId}_db1`, template] };
}

beforeAll(async () => {
  await connect();
});
afterAll(async () => {
  const admin = clients[0]!;
  for (const name of await databases()) {
    await admin.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  for (const client of clients) await client.end().catch(() => undefined);
});

test("a live run's databases are never dropped by another run; a dead run's are, template mark and all", async () => {
  const live = await startRun();
  const dead = await startRun();
  await dead.admin.end(); // killed: its connection, and with it its lock, is gone
  const sweeper = await startRun();

  const dropped = await dropStaleRuns(sweeper.admin, base, sweeper.runId);
  expect(dropped.sort()).toEqual([...dead.names].sort());
  expect(await databases()).toEqual([...live.names, ...sweeper.names].sort());

  // The live run stays safe however often others sweep; once it ends, its leftovers go too.
  const another = await startRun();
  expect(await dropStaleRuns(another.admin, base, another.runId)).toEqual([]);
  await live.admin.end();
  expect((await dropStaleRuns(sweeper.admin, base, sweeper.runId)).sort()).toEqual([...live.names].sort());
  expect(await databases()).not.toContain(live.names[0]);
});

test('names that are not of a run under this base are left alone; a run id is claimed once', async () => {
  const admin = clients[0]!;
  // Another prefix that merely starts alike, and the older PID-based naming.
  for (const name of [`${base}x_r12345678_db`, `${base}_12345_db`]) await admin.query(`CREATE DATABASE "${name}"`);
  const run = await startRun();
  expect(await dropStaleRuns(run.admin, base, run.runId)).toEqual([]);
  expect(await databases()).toEqual(expect.arrayContaining([`${base}_12345_db`]));
  await expect(claimRun(await connect(), base, run.runId, `${base}_${run.runId}_again`)).rejects.toThrow(/already claimed/);
  await admin.query(`DROP DATABASE "${base}x_r12345678_db"`);
});

test('TEST_DATABASE_PREFIX: default ambient_test; only short lower-case identifiers', () => {
  expect(databaseBase(undefined)).toBe('ambient_test');
  expect(databaseBase('')).toBe('ambient_test');
  expect(databaseBase('ci_shard_2')).toBe('ci_shard_2');
  for (const bad of ['Ambient', 'a-b', '1abc', 'x'.repeat(31), 'a"; DROP']) expect(() => databaseBase(bad)).toThrow(/TEST_DATABASE_PREFIX/);
});
