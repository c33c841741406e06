import type { Kind } from '../kinds/define.ts';
import { ident, join, raw, run, sql, type Queryable, type Sql } from '../db/sql.ts';
import type { Values } from './input.ts';
import type { Row } from './wire.ts';

/**
 * SQL for Kind tables, derived from the Kind declarations. Every statement here is parameterized;
 * identifiers come from the declarations only. Rows are read with the alias `t`, so filters and
 * computed columns can refer to `t.<column>`.
 */

/** Computed (not stored) fields: SQL expressions over the row alias `t`. */
export type Computed = Readonly<Record<string, Sql>>;

const CAST: Partial<Record<string, string>> = { jsonb: '::jsonb', 'text[]': '::text[]' };

function selectList(kind: Kind, computed: Computed = {}): Sql {
  const columns = ['id', 'created_at', 'updated_at', ...kind.fields.filter((f) => f.column).map((f) => f.name)];
  return join([...columns.map((c) => sql`t.${ident(c)}`), ...Object.entries(computed).map(([name, expr]) => sql`${expr} AS ${ident(name)}`)], ', ');
}

function param(kind: Kind, column: string, value: unknown): Sql {
  const type = kind.field[column]?.column ?? kind.internal[column]?.type;
  const cast = type ? CAST[type] : undefined;
  return cast ? sql`${value}${raw(cast)}` : sql`${value}`;
}

export const table = (kind: Kind): Sql => ident(kind.table);

export async function findLive(db: Queryable, kind: Kind, id: string, options: { lock?: boolean; computed?: Computed } = {}): Promise<Row | undefined> {
  const lock = options.lock ? raw(' FOR UPDATE') : raw('');
  const rows = await run<Row>(db, sql`SELECT ${selectList(kind, options.computed)} FROM ${table(kind)} t WHERE t.id = ${id} AND t.deleted_at IS NULL${lock}`);
  return rows[0];
}

export async function insert(db: Queryable, kind: Kind, id: string, values: Values, computed?: Computed): Promise<Row> {
  const columns = Object.keys(values);
  const rows = await run<Row>(
    db,
    sql`INSERT INTO ${table(kind)} AS t (id, created_at, updated_at, ${join(columns.map(ident), ', ')})
        VALUES (${id}, now(), now(), ${join(
          columns.map((c) => param(kind, c, values[c])),
          ', ',
        )})
        RETURNING ${selectList(kind, computed)}`,
  );
  return rows[0]!;
}

/**
 * Writes `values` when at least one differs from the stored row (`IS DISTINCT FROM`, so jsonb and
 * arrays compare by value). Returns undefined when nothing would change: no write, no event,
 * `updated_at` untouched (rest-contract §7.3).
 */
export async function updateIfChanged(db: Queryable, kind: Kind, id: string, values: Values, computed?: Computed): Promise<Row | undefined> {
  const columns = Object.keys(values);
  if (columns.length === 0) return undefined;
  const assignments = columns.map((c) => sql`${ident(c)} = ${param(kind, c, values[c])}`);
  const changed = columns.map((c) => sql`t.${ident(c)} IS DISTINCT FROM ${param(kind, c, values[c])}`);
  const rows = await run<Row>(
    db,
    sql`UPDATE ${table(kind)} AS t SET ${join(assignments, ', ')}, updated_at = now()
        WHERE t.id = ${id} AND t.deleted_at IS NULL AND (${join(changed, ' OR ')})
        RETURNING ${selectList(kind, computed)}`,
  );
  return rows[0];
}

/** Soft-deletes the live rows matching `where` (over alias `t`), setting `also` too; returns their final state. */
export async function softDelete(db: Queryable, kind: Kind, where: Sql, also: Values = {}, computed?: Computed): Promise<Row[]> {
  const extra = Object.keys(also).map((c) => sql`, ${ident(c)} = ${param(kind, c, also[c])}`);
  return run<Row>(
    db,
    sql`UPDATE ${table(kind)} AS t SET deleted_at = now(), updated_at = now()${join(extra, '')}
        WHERE t.deleted_at IS NULL AND ${where}
        RETURNING ${selectList(kind, computed)}`,
  );
}

export interface Page {
  rows: Row[];
  total: number;
}

export interface PageQuery {
  where: Sql;
  orderBy: readonly { column: string; direction: 'asc' | 'desc' }[];
  page: number;
  size: number;
  computed?: Computed;
}

/** One page of live rows plus the total count (a window count; a second query only past the end). */
export async function page(db: Queryable, kind: Kind, query: PageQuery): Promise<Page> {
  const from = sql`FROM ${table(kind)} t WHERE t.deleted_at IS NULL AND ${query.where}`;
  const count = async () => Number((await run<{ n: number }>(db, sql`SELECT count(*) AS n ${from}`))[0]!.n);
  if (query.size === 0) return { rows: [], total: await count() };
  const order = join(
    query.orderBy.map((o) => sql`t.${ident(o.column)} ${raw(o.direction === 'desc' ? 'DESC' : 'ASC')}`),
    ', ',
  );
  const rows = await run<Row & { __total: number }>(
    db,
    sql`SELECT ${selectList(kind, query.computed)}, count(*) OVER () AS __total ${from}
        ORDER BY ${order} LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`,
  );
  // Rows keep their `__total` column: every consumer reads rows by the Kind's field names only.
  const total = rows.length > 0 ? Number(rows[0]!.__total) : query.page > 1 ? await count() : 0;
  return { rows, total };
}

/** The value of a computed field (its SQL expression over alias `t`) for each of the rows `ids`. */
export async function computedValues(db: Queryable, kind: Kind, expression: Sql, ids: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await run<{ id: string; value: unknown }>(
    db,
    sql`SELECT t.id, ${expression} AS ${ident('value')} FROM ${table(kind)} t WHERE t.id = ANY(${[...ids]}::text[])`,
  );
  return new Map(rows.map((r) => [r.id, r.value]));
}
