import { expect, test } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { Agent } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject } from '../support/fixtures.ts';
import { failure, useDomain } from '../support/domain.ts';

/** Paging, counting and ordering of lists (rest-contract §6.1–6.2). */

const { db, domain } = useDomain();
const admin = as(platformAdmin);

async function agents(n: number) {
  const d = domain();
  const p = await seedProject(d);
  const rows = [];
  for (let i = 0; i < n; i++)
    rows.push(await d.create(admin, Agent, { project_id: p.id, name: `a${String(i).padStart(2, '0')}`, prompt: i % 2 ? 'odd' : 'even' }));
  return { d, p, rows };
}

test('default order is created_at, id; pages cover everything once; total counts all matches', async () => {
  const { d, p, rows } = await agents(7);
  const seen: string[] = [];
  for (let page = 1; page <= 4; page++) {
    const result = await d.list(admin, Agent, { projectRef: p.id, page, size: 2 });
    expect(result.total).toBe(7);
    seen.push(...result.rows.map((r) => r.id));
  }
  expect(seen).toEqual(rows.map((r) => r.id));
});

test('a page past the end is empty with the real total; size 0 counts without rows', async () => {
  const { d, p } = await agents(3);
  expect(await d.list(admin, Agent, { projectRef: p.id, page: 9, size: 2 })).toMatchObject({ rows: [], total: 3 });
  expect(await d.list(admin, Agent, { projectRef: p.id, size: 0 })).toMatchObject({ rows: [], total: 3 });
});

test('orderBy with directions, id as the final tie-breaker; filters AND with the scope', async () => {
  const { d, p } = await agents(6);
  const byName = await d.list(admin, Agent, { projectRef: p.id, orderBy: [{ field: 'name', direction: 'desc' }] });
  expect(byName.rows.map((r) => r['name'])).toEqual(['a05', 'a04', 'a03', 'a02', 'a01', 'a00']);
  const odd = await d.list(admin, Agent, { projectRef: p.id, where: sql`t.prompt = ${'odd'}`, orderBy: [{ field: 'prompt', direction: 'asc' }] });
  expect(odd.total).toBe(3);
  const ids = odd.rows.map((r) => r.id);
  const { rows: sorted } = await db().pool.query<{ id: string }>('SELECT id FROM unnest($1::text[]) id ORDER BY id', [ids]);
  expect(ids).toEqual(sorted.map((r) => r.id)); // equal prompts: ordered by id (in the database's collation)
  expect(odd.rows.map((r) => r['name']).sort()).toEqual(['a01', 'a03', 'a05']);
});

test('ordering by a field that is not queryable is a bad request', async () => {
  for (const field of ['repos', 'nope', 'deleted_at']) {
    const error = await failure(domain().list(admin, Agent, { orderBy: [{ field, direction: 'asc' }] }));
    expect([error.code, error.reason]).toEqual([21, `bad order value '${field}'`]);
  }
});
