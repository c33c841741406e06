import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrate } from '../../src/db/migrations.ts';
import { createPool } from '../../src/db/database.ts';
import { createLogger } from '../../src/log.ts';

/**
 * Once per test run: pick the Postgres server, build a migrated template database on it, and tell
 * the test files (through `provide`) where to clone their own databases from.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    postgres: { serverUrl: string; template: string; prefix: string; embedded: boolean };
  }
}

const log = createLogger(process.env['TEST_LOG_LEVEL'] ?? 'warn');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Drops databases left by earlier runs whose process is gone (a crashed or killed run). A killed
 * run can leave its template marked IS_TEMPLATE, which Postgres refuses to drop, so the mark is
 * cleared first. Cleanup is best effort: another run may be dropping the same leftovers, and a
 * leftover that cannot be dropped must not fail this run.
 */
async function dropStale(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string; datistemplate: boolean }>(
    `SELECT datname, datistemplate FROM pg_database WHERE datname ~ '^ambient_(test|template)_[0-9]+_'`,
  );
  for (const { datname, datistemplate } of rows) {
    if (!processIsGone(Number(datname.split('_')[2]))) continue;
    try {
      if (datistemplate) await admin.query(`ALTER DATABASE "${datname}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } catch (error) {
      log.warn({ database: datname, err: error }, 'could not drop a stale test database');
    }
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedPostgres | undefined;
  let scratch: string | undefined;
  let serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-test-pg-'));
    await fs.chmod(scratch, 0o755); // the embedded server may run as another OS user
    embedded = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'cluster'), log, ephemeral: true });
    serverUrl = embedded.url;
  }
  const prefix = `ambient_test_${process.pid}_`;
  const template = `ambient_template_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await dropStale(admin);
  await admin.query(`CREATE DATABASE "${template}"`);
  const pool = createPool(withDatabase(serverUrl, template), 2, log);
  await migrate(pool, log);
  await pool.end();
  await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
  project.provide('postgres', { serverUrl, template, prefix, embedded: embedded !== undefined });

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}%`]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  };
}
