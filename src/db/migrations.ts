import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from '../log.ts';
import type { Queryable } from './sql.ts';

/**
 * Applies the committed migrations in `prisma/migrations`, in-process and without Prisma's CLI.
 *
 * Prisma's CLI needs a native engine downloaded from the internet; this runner needs nothing. It
 * keeps Prisma's own bookkeeping (the `_prisma_migrations` table, its checksum and its advisory
 * lock key), so `prisma migrate deploy` and `prisma migrate status` work unchanged wherever the
 * native engine is available, and the two never apply the same migration twice.
 */

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** Prisma migrate's advisory lock key: concurrent replicas (and the Prisma CLI) take turns. */
const PRISMA_MIGRATE_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function loadMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function appliedRows(db: Queryable): Promise<AppliedRow[]> {
  const exists = await db.query<{ exists: boolean }>(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`);
  if (!exists.rows[0]?.exists) return [];
  const { rows } = await db.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations`);
  return rows;
}

/** Names of committed migrations the database has not applied yet. */
export async function pendingMigrations(db: Queryable, migrations: readonly Migration[]): Promise<string[]> {
  const done = new Set((await appliedRows(db)).filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}

/** Applies every pending migration, each in its own transaction. Returns the names applied. */
export async function migrate(pool: pg.Pool, log: Logger, migrations?: readonly Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK]);
    await client.query(BOOKKEEPING);
    const rows = await appliedRows(client);
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new Error(`migration ${failed.migration_name} failed earlier and was not rolled back; resolve it (prisma migrate resolve) before starting`);
    }
    const applied: string[] = [];
    for (const migration of all) {
      const row = rows.find((r) => r.migration_name === migration.name && r.finished_at && !r.rolled_back_at);
      if (row) {
        if (row.checksum !== migration.checksum) log.warn({ migration: migration.name }, 'migration was modified after it was applied');
        continue;
      }
      const started = Date.now();
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ($1, $2, $3)`, [id, migration.checksum, migration.name]);
        await client.query(migration.sql);
        await client.query(`UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(migration.name);
      log.info({ migration: migration.name, ms: Date.now() - started }, 'migration applied');
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    client.release();
  }
}
