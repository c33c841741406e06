import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../log.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { loadMigrations, migrate, pendingMigrations, type Migration } from './migrations.ts';
import { typeParsers } from './sql.ts';

/** The server's database: a pool on Postgres, and the embedded server when we started one. */
export interface Database {
  pool: pg.Pool;
  /** For connections outside the pool (LISTEN). */
  connectionString: string;
  /** `embedded` when no DATABASE_URL was given. */
  mode: 'external' | 'embedded';
  /** Readiness: the database answers and every committed migration is applied. */
  check(): Promise<{ ok: true } | { ok: false; problem: string }>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl: string | undefined;
  dataDir: string;
  poolMax: number;
  log: Logger;
  /** Apply pending migrations at open (the server does; `db:diff` does not). */
  migrate?: boolean;
}

/** How long a request waits for a database connection before it answers 503. */
export const CONNECTION_TIMEOUT_MS = 10_000;

/** A pool with our type parsers and error handling; `Client` lets a test count statements. */
export function createPool(connectionString: string, max: number, log: Logger, Client?: typeof pg.Client): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: typeParsers,
    application_name: 'ambient-api',
    // An unreachable database fails requests (503) instead of leaving them waiting: a connection
    // that cannot be opened, or a free one not found, within this time is an error…
    connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
    // …and a peer that vanished without a reset (a network partition) is noticed by TCP keepalive.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(Client ? { Client } : {}),
  });
  // An idle client's connection can drop (server restart); the pool replaces it on next use.
  pool.on('error', (error) => log.warn({ err: error }, 'database: idle connection failed'));
  // A client still closing when the server goes away (shutdown) reports the termination as an
  // 'error' event after the pool has let go of it: keep a listener on every client for its lifetime.
  pool.on('connect', (client) => client.on('error', (error) => log.debug({ err: error }, 'database: connection closed by the server')));
  return pool;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const { log } = options;
  let embedded: EmbeddedPostgres | undefined;
  let url = options.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, 'postgres'), log });
    url = embedded.url;
  }
  const pool = createPool(url, options.poolMax, log);
  let migrations: Migration[];
  try {
    migrations = await loadMigrations();
    if (options.migrate !== false) await migrate(pool, log, migrations);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw error;
  }
  let closed = false;
  return {
    pool,
    connectionString: url,
    mode: embedded ? 'embedded' : 'external',
    async check() {
      try {
        const pending = await pendingMigrations(pool, migrations);
        return pending.length === 0 ? { ok: true } : { ok: false, problem: `migrations not applied: ${pending.join(', ')}` };
      } catch (error) {
        return { ok: false, problem: (error as Error).message };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await embedded?.stop();
    },
  };
}
