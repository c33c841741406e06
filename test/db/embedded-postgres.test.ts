import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { pino } from 'pino';
import { expect, test } from 'vitest';
import { createPool } from '../../src/db/database.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { testLog } from '../support/database.ts';

/** The embedded server: real Postgres, multi-connection, persistent, and usable from a private directory. */

test('initialises once, persists data across restarts, serves several connections', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-embedded-'));
  await fs.chmod(dir, 0o755);
  try {
    const first = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), log: testLog });
    const pool = createPool(first.url, 4, testLog);
    await pool.query('CREATE TABLE kept (v int)');
    await Promise.all([1, 2, 3, 4].map((v) => pool.query('INSERT INTO kept VALUES ($1)', [v])));
    const { rows } = await pool.query(
      `SELECT count(DISTINCT pid)::int AS n FROM pg_stat_activity WHERE datname = 'postgres' AND backend_type = 'client backend'`,
    );
    expect(rows[0].n).toBeGreaterThan(1);
    await pool.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), log: testLog });
    const client = new pg.Client(second.url);
    await client.connect();
    expect((await client.query('SELECT sum(v)::int AS s FROM kept')).rows[0].s).toBe(10);
    expect((await client.query('SHOW server_version')).rows[0].server_version).toMatch(/^18\./);
    await client.end();
    await second.stop();
    await second.stop(); // idempotent
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test.runIf(process.getuid?.() === 0)('as root in a directory the postgres user cannot enter: falls back to the temporary directory', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-private-')); // mode 0700, owned by root
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(line) });
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), log });
  try {
    expect(server.dataDir.startsWith(os.tmpdir())).toBe(true);
    expect(server.dataDir.startsWith(dir)).toBe(false);
    expect(warnings.join('\n')).toMatch(/not reachable by the OS user/);
    const client = new pg.Client(server.url);
    await client.connect();
    await client.end();
  } finally {
    await server.stop();
    await fs.rm(path.dirname(server.dataDir), { recursive: true, force: true });
    await fs.rm(dir, { recursive: true, force: true });
  }
});
