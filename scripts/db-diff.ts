/**
 * Prints the SQL that makes a database built from the committed migrations match the Kind
 * declarations: the body of the next migration. Usage:
 *
 *   npm run db:diff                     # prints the SQL
 *   npm run db:diff -- --write <name>   # writes prisma/migrations/<timestamp>_<name>/migration.sql
 *
 * It builds a scratch database from the migrations on DATABASE_URL's server (or on an embedded
 * Postgres in a temporary directory), so it never touches real data. Review the output: renames
 * and data migrations need a human.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger } from '../src/log.ts';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.ts';
import { migrate, MIGRATIONS_DIR } from '../src/db/migrations.ts';
import { diffSchema, introspect } from '../src/db/schema-diff.ts';
import { TABLES } from '../src/db/tables.ts';
import { createPool } from '../src/db/database.ts';

const log = createLogger(process.env['LOG_LEVEL'] ?? 'warn');
const writeIndex = process.argv.indexOf('--write');
const name = writeIndex >= 0 ? process.argv[writeIndex + 1] : undefined;
if (writeIndex >= 0 && !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: npm run db:diff -- --write <snake_case_name>');
  process.exit(2);
}

const scratchDir = process.env['DATABASE_URL'] ? undefined : await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-db-diff-'));
if (scratchDir) await fs.chmod(scratchDir, 0o755); // the embedded server may run as another OS user
const server = scratchDir ? await startEmbeddedPostgres({ dataDir: path.join(scratchDir, 'pg'), log, ephemeral: true }) : undefined;
const serverUrl = server?.url ?? process.env['DATABASE_URL']!;
const scratch = `ambient_diff_${process.pid}`;
const admin = new pg.Client(serverUrl);
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
const url = new URL(serverUrl);
url.pathname = `/${scratch}`;
const pool = createPool(url.toString(), 2, log);
try {
  await migrate(pool, log);
  const statements = diffSchema(TABLES, await introspect(pool));
  const body = statements.join('\n\n');
  if (!name) {
    console.log(body || '-- the migrations already match the Kind declarations');
  } else if (statements.length === 0) {
    console.log('nothing to write: the migrations already match the Kind declarations');
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, 'migration.sql'), `${body}\n`);
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await pool.end();
  await admin.query(`DROP DATABASE ${scratch} WITH (FORCE)`);
  await admin.end();
  await server?.stop();
  if (scratchDir) await fs.rm(scratchDir, { recursive: true, force: true });
}
