import type { ColumnType } from '../kinds/define.ts';
import type { Queryable } from './sql.ts';
import type { Column, ForeignKey, Index, Table } from './tables.ts';

/**
 * Compares the table model with a live database and produces the SQL that makes the database
 * match. The schema test asserts the difference is empty after all migrations ran; `npm run
 * db:diff` prints it as the body of the next migration.
 */

const FORMAT: Record<ColumnType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  'double precision': 'double precision',
  boolean: 'boolean',
  'timestamptz(3)': 'timestamp(3) with time zone',
  jsonb: 'jsonb',
  'text[]': 'text[]',
  'char(64)': 'character(64)',
  bytea: 'bytea',
};

/** What the database has, in the table model's terms (types as `format_type` prints them). */
export interface ActualTable {
  name: string;
  columns: { name: string; type: string; notNull: boolean; default: string | undefined; identity: boolean }[];
  primaryKey: string[];
  indexes: Index[];
  foreignKeys: { name: string; column: string; table: string }[];
}

export async function introspect(db: Queryable): Promise<ActualTable[]> {
  const tables = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  const columns = await db.query<{ table: string; name: string; type: string; not_null: boolean; default: string | null; identity: string }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attidentity AS identity
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const indexes = await db.query<{ table: string; name: string; unique: boolean; primary: boolean; columns: string[]; predicate: string | null }>(
    `SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
            array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
            pg_get_expr(x.indpred, x.indrelid) AS predicate
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema()`,
  );
  const foreignKeys = await db.query<{ table: string; name: string; column: string; target: string }>(
    `SELECT t.relname AS table, c.conname AS name, a.attname AS column, r.relname AS target
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = c.conkey[1]
      WHERE n.nspname = current_schema() AND c.contype = 'f'`,
  );
  return tables.rows.map(({ name }) => ({
    name,
    columns: columns.rows
      .filter((c) => c.table === name)
      .map((c) => ({ name: c.name, type: c.type, notNull: c.not_null, default: c.default ?? undefined, identity: c.identity !== '' })),
    primaryKey: indexes.rows.find((i) => i.table === name && i.primary)?.columns ?? [],
    indexes: indexes.rows
      .filter((i) => i.table === name && !i.primary)
      .map((i) => ({ name: i.name, columns: i.columns, unique: i.unique, ...(i.predicate ? { where: i.predicate } : {}) })),
    foreignKeys: foreignKeys.rows.filter((f) => f.table === name).map((f) => ({ name: f.name, column: f.column, table: f.target })),
  }));
}

const q = (identifier: string) => `"${identifier}"`;

function columnDefinition(c: Column): string {
  const parts = [q(c.name), FORMAT[c.type]];
  if (c.identity) parts.push('GENERATED ALWAYS AS IDENTITY');
  if (c.notNull) parts.push('NOT NULL');
  if (c.default !== undefined) parts.push(`DEFAULT ${c.default}`);
  return parts.join(' ');
}

function createIndex(table: string, index: Index): string {
  const where = index.where ? ` WHERE ${index.where}` : '';
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${q(index.name)} ON ${q(table)}(${index.columns.map(q).join(', ')})${where};`;
}

function addForeignKey(table: string, fk: ForeignKey): string {
  return `ALTER TABLE ${q(table)} ADD CONSTRAINT ${q(fk.name)} FOREIGN KEY (${q(fk.column)}) REFERENCES ${q(fk.table)}("id") ON DELETE RESTRICT ON UPDATE CASCADE;`;
}

const sameIndex = (a: Index, b: Index) => a.unique === b.unique && a.columns.join(',') === b.columns.join(',') && (a.where ?? '') === (b.where ?? '');

/** SQL statements that turn `actual` into `expected`; empty when they agree. */
export function diffSchema(expected: readonly Table[], actual: readonly ActualTable[]): string[] {
  const creates: string[] = [];
  const alters: string[] = [];
  const indexes: string[] = [];
  const foreignKeys: string[] = [];
  for (const table of expected) {
    const found = actual.find((t) => t.name === table.name);
    if (!found) {
      const pk = `CONSTRAINT ${q(`${table.name}_pkey`)} PRIMARY KEY (${table.primaryKey.map(q).join(', ')})`;
      creates.push(`CREATE TABLE ${q(table.name)} (\n${[...table.columns.map(columnDefinition), pk].map((l) => `    ${l}`).join(',\n')}\n);`);
      indexes.push(...table.indexes.map((i) => createIndex(table.name, i)));
      foreignKeys.push(...table.foreignKeys.map((fk) => addForeignKey(table.name, fk)));
      continue;
    }
    for (const column of table.columns) {
      const have = found.columns.find((c) => c.name === column.name);
      const target = `ALTER TABLE ${q(table.name)}`;
      if (!have) {
        alters.push(`${target} ADD COLUMN ${columnDefinition(column)};`);
        continue;
      }
      if (have.type !== FORMAT[column.type]) alters.push(`${target} ALTER COLUMN ${q(column.name)} TYPE ${FORMAT[column.type]};`);
      if (have.notNull !== column.notNull) alters.push(`${target} ALTER COLUMN ${q(column.name)} ${column.notNull ? 'SET' : 'DROP'} NOT NULL;`);
      if (have.identity !== (column.identity ?? false))
        alters.push(`-- ${table.name}.${column.name}: identity ${column.identity ? 'missing' : 'unexpected'}; change it by hand`);
      if (!column.identity && have.default !== column.default) {
        alters.push(`${target} ALTER COLUMN ${q(column.name)} ${column.default === undefined ? 'DROP DEFAULT' : `SET DEFAULT ${column.default}`};`);
      }
    }
    for (const have of found.columns) {
      if (!table.columns.some((c) => c.name === have.name)) alters.push(`-- data loss: ALTER TABLE ${q(table.name)} DROP COLUMN ${q(have.name)};`);
    }
    if (found.primaryKey.join(',') !== table.primaryKey.join(','))
      alters.push(`-- ${table.name}: primary key differs (${found.primaryKey.join(', ')}); change it by hand`);
    for (const index of table.indexes) {
      const have = found.indexes.find((i) => i.name === index.name);
      if (have && sameIndex(have, index)) continue;
      if (have) indexes.push(`DROP INDEX ${q(index.name)};`);
      indexes.push(createIndex(table.name, index));
    }
    for (const have of found.indexes) {
      if (!table.indexes.some((i) => i.name === have.name)) indexes.push(`DROP INDEX ${q(have.name)};`);
    }
    for (const fk of table.foreignKeys) {
      const have = found.foreignKeys.find((f) => f.name === fk.name);
      if (have && have.column === fk.column && have.table === fk.table) continue;
      if (have) foreignKeys.push(`ALTER TABLE ${q(table.name)} DROP CONSTRAINT ${q(fk.name)};`);
      foreignKeys.push(addForeignKey(table.name, fk));
    }
    for (const have of found.foreignKeys) {
      if (!table.foreignKeys.some((f) => f.name === have.name)) foreignKeys.push(`ALTER TABLE ${q(table.name)} DROP CONSTRAINT ${q(have.name)};`);
    }
  }
  for (const have of actual) {
    if (!expected.some((t) => t.name === have.name)) alters.push(`-- data loss: DROP TABLE ${q(have.name)};`);
  }
  return [...creates, ...alters, ...indexes, ...foreignKeys];
}
