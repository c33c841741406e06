import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPool } from '../../src/db/database.ts';
import { createLogger } from '../../src/log.ts';

/** A fresh, migrated database of its own for one test file (cloned from the run's template). */
export interface TestDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export const testLog = createLogger(process.env['TEST_LOG_LEVEL'] ?? 'warn');

export async function createTestDatabase(): Promise<TestDatabase> {
  const { serverUrl, template, prefix } = inject('postgres');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pool = createPool(url, 10, testLog);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const admin2 = new pg.Client(serverUrl);
      await admin2.connect();
      await admin2.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin2.end();
    },
  };
}
