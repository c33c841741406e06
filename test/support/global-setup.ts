import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { migrate } from '../../src/db/migrations.ts';
import { createPool } from '../../src/db/database.ts';
import { createLogger } from '../../src/log.ts';
import { claimRun, databaseBase, dropStaleRuns, newRunId } from './test-runs.ts';

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
  // Databases are named `<base>_<run id>_…`; this run's advisory lock, held by `admin` until it
  // disconnects, tells other runs they are alive (test/support/test-runs.ts).
  const base = databaseBase(process.env['TEST_DATABASE_PREFIX']);
  const runId = newRunId();
  const prefix = `${base}_${runId}_`;
  const template = `${prefix}template`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await claimRun(admin, base, runId, template);
  const dropped = await dropStaleRuns(admin, base, runId);
  if (dropped.length > 0) log.info({ databases: dropped }, 'dropped the databases of test runs that ended without cleaning up');
  const pool = createPool(withDatabase(serverUrl, template), 2, log);
  await migrate(pool, log);
  await pool.end();
  await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE true`);
  project.provide('postgres', { serverUrl, template, prefix, embedded: embedded !== undefined });

  return async () => {
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2`, [
      prefix,
      template,
    ]);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`ALTER DATABASE "${template}" WITH IS_TEMPLATE false`);
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  };
}
