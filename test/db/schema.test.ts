import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { diffSchema, introspect } from '../../src/db/schema-diff.ts';
import { TABLES } from '../../src/db/tables.ts';
import { GENERATED_FILES } from '../../src/generated-files.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import fs from 'node:fs/promises';

/**
 * One source of truth: the database built by the committed migrations must equal the table model
 * derived from the Kind declarations, and every generated file must equal a fresh generation.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

test('the migrated database matches the Kind declarations exactly', async () => {
  expect(diffSchema(TABLES, await introspect(db.pool))).toEqual([]);
});

test('the differ notices a drift (it can fail)', async () => {
  await db.pool.query('CREATE TABLE drift_probe (id text)');
  await db.pool.query('ALTER TABLE agents ADD COLUMN extra text');
  await db.pool.query('DROP INDEX sessions_phase_idx');
  const statements = diffSchema(TABLES, await introspect(db.pool));
  expect(statements).toEqual(
    expect.arrayContaining([
      '-- data loss: DROP TABLE "drift_probe";',
      '-- data loss: ALTER TABLE "agents" DROP COLUMN "extra";',
      'CREATE INDEX "sessions_phase_idx" ON "sessions"("phase");',
    ]),
  );
  await db.pool.query('DROP TABLE drift_probe; ALTER TABLE agents DROP COLUMN extra; CREATE INDEX "sessions_phase_idx" ON "sessions"("phase")');
});

test.each(GENERATED_FILES.map((f) => [f.path, f] as const))('%s is up to date (npm run generate)', async (path, file) => {
  expect(await fs.readFile(new URL(`../../${path}`, import.meta.url), 'utf8')).toBe(await file.render());
});

describe('the contract’s schema, spot-checked against the live database', () => {
  const column = async (table: string, name: string) =>
    (
      await db.pool.query(
        `SELECT format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS dflt
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = $1::regclass AND a.attname = $2`,
        [table, name],
      )
    ).rows[0];

  test.each([
    ['sessions', 'timeout', 'integer', true, '300'],
    ['sessions', 'llm_temperature', 'double precision', true, '0.7'],
    ['sessions', 'llm_model', 'text', true, "'sonnet'::text"],
    ['sessions', 'repos', 'jsonb', false, null],
    ['sessions', 'start_time', 'timestamp(3) with time zone', false, null],
    ['users', 'groups', 'text[]', true, "'{}'::text[]"],
    ['projects', 'status', 'text', true, "'Active'::text"],
    ['project_keys', 'secret_hash', 'character(64)', true, null],
    ['credentials', 'installation_id', 'bigint', false, null],
    ['credentials', 'token_enc', 'text', false, null],
  ])('%s.%s is %s', async (table, name, type, notNull, dflt) => {
    expect(await column(table, name)).toEqual({ type, not_null: notNull, dflt });
  });

  test('change_events.seq is an identity column and the Kinds have partial unique indexes', async () => {
    const { rows } = await db.pool.query(`SELECT attidentity FROM pg_attribute WHERE attrelid = 'change_events'::regclass AND attname = 'seq'`);
    expect(rows[0].attidentity).toBe('a');
    const unique = await db.pool.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'agents_project_id_name_key'`);
    expect(unique.rows[0].indexdef).toMatch(/UNIQUE INDEX .* WHERE \(deleted_at IS NULL\)/);
    const fk = await db.pool.query(`SELECT confrelid::regclass::text AS target FROM pg_constraint WHERE conname = 'sessions_workflow_id_fkey'`);
    expect(fk.rows[0].target).toBe('workflows');
  });
});
