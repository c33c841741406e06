import { expect, test } from 'vitest';
import { transaction } from '../../src/db/transaction.ts';
import { recordChange } from '../../src/domain/change-log.ts';
import { Project, Session } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject } from '../support/fixtures.ts';
import { failure, useDomain } from '../support/domain.ts';

/** The change log is written atomically with the change, in commit order, and updates never get lost. */

const { db, domain } = useDomain();
const admin = as(platformAdmin);

test('a transaction that fails after recording a change leaves no event', async () => {
  const before = (await db().pool.query('SELECT count(*)::int AS n FROM change_events')).rows[0].n;
  await expect(
    transaction(db().pool, async (tx) => {
      recordChange(tx, { type: 'ADDED', projectId: null, object: { id: 'x', kind: 'Project', href: '/x' } });
      await tx.query(`INSERT INTO projects (id, name) VALUES ('dup', 'dup-a')`);
      await tx.query(`INSERT INTO projects (id, name) VALUES ('dup', 'dup-b')`); // primary key clash
    }),
  ).rejects.toThrow();
  expect((await db().pool.query('SELECT count(*)::int AS n FROM change_events')).rows[0].n).toBe(before);
  expect((await db().pool.query(`SELECT count(*)::int AS n FROM projects WHERE id = 'dup'`)).rows[0].n).toBe(0);
});

test('concurrent writers: one event each, with distinct sequence numbers', async () => {
  const d = domain();
  const p = await seedProject(d);
  const created = await Promise.all(Array.from({ length: 40 }, (_, i) => d.create(admin, Session, { project_id: p.id, name: `s${i}` })));
  const { rows } = await db().pool.query<{ seq: number; object_id: string; xmin: string }>(
    `SELECT seq, object_id FROM change_events WHERE kind = 'Session' AND object_id = ANY($1::text[]) ORDER BY seq`,
    [created.map((s) => s.id)],
  );
  expect(rows).toHaveLength(40);
  expect(new Set(rows.map((r) => r.object_id)).size).toBe(40);
  for (let i = 1; i < rows.length; i++) expect(rows[i]!.seq).toBeGreaterThan(rows[i - 1]!.seq);
});

test('concurrent updates of different fields of one row lose nothing', async () => {
  const d = domain();
  const p = await seedProject(d);
  const s = await d.create(admin, Session, { project_id: p.id, name: 's' });
  const patches = [
    { prompt: 'p' },
    { timeout: 42 },
    { llm_model: 'opus' },
    { llm_max_tokens: 99 },
    { interactive: false },
    { bot_account_name: 'bot' },
    { repo_url: 'https://x.y/z' },
  ];
  await Promise.all(patches.map((patch) => d.update(admin, Session, s.id, patch)));
  expect(await d.get(admin, Session, s.id)).toMatchObject(Object.assign({}, ...patches));
  const { rows } = await db().pool.query(`SELECT count(*)::int AS n FROM change_events WHERE object_id = $1 AND type = 'MODIFIED'`, [s.id]);
  expect(rows[0].n).toBe(patches.length);
});

test('concurrent creates of one name: exactly one wins, the others get 409', async () => {
  const d = domain();
  const results = await Promise.allSettled(Array.from({ length: 8 }, () => d.create(admin, Project, { name: 'racy' })));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  for (const r of results) if (r.status === 'rejected') expect((await failure(Promise.reject(r.reason))).code).toBe(6);
});
