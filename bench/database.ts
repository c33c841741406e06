import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { createPool } from '../src/db/database.ts';
import { loadMigrations, migrate } from '../src/db/migrations.ts';
import type { Logger } from '../src/log.ts';
import type { BenchConfig } from './config.ts';

/**
 * The benchmark's own database: created fresh (dropped first if a crashed run left it behind) on
 * the configured Postgres server, migrated with the server's own migration runner, and dropped
 * again by `close()`. When no server is configured and the default one does not answer, an
 * embedded Postgres is started in a temporary directory and removed afterwards.
 */
export interface BenchDatabase {
  /** URL of the bench database, for both servers and the seeding. */
  readonly url: string;
  /** Where it lives, for the report: `external` or `embedded`. */
  readonly mode: 'external' | 'embedded';
  close(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openBenchDatabase(config: BenchConfig, log: Logger): Promise<BenchDatabase> {
  let serverUrl = config.serverUrl;
  let embedded: EmbeddedPostgres | undefined;
  let tempDir: string | undefined;
  if (serverUrl === undefined) {
    if (await answers(config.defaultServerUrl)) serverUrl = config.defaultServerUrl;
    else {
      tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-bench-'));
      // Postgres refuses to run as root and then runs as the OS user `postgres`, which must be
      // able to traverse the directory (mkdtemp makes it private).
      await fs.chmod(tempDir, 0o755);
      log.warn({ tried: config.defaultServerUrl, dataDir: tempDir }, 'bench: no Postgres answers; starting an embedded one');
      embedded = await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'postgres'), log });
      serverUrl = embedded.url;
    }
  }
  const maintenance = serverUrl;
  const name = config.databaseName;
  const drop = () => withClient(maintenance, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const cleanUp = async () => {
    await embedded?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
  };

  try {
    await drop();
    await withClient(maintenance, (c) => c.query(`CREATE DATABASE "${name}"`));
    const url = databaseUrl(maintenance, name);
    const pool = createPool(url, 2, log);
    try {
      await migrate(pool, log, await loadMigrations());
    } finally {
      await pool.end();
    }
    let closed = false;
    return {
      url,
      mode: embedded ? 'embedded' : 'external',
      async close() {
        if (closed) return;
        closed = true;
        try {
          await drop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await drop().catch(() => undefined);
    await cleanUp();
    throw error;
  }
}
