import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createPool } from '../../src/db/database.ts';
import { loadMigrations, migrate } from '../../src/db/migrations.ts';
import { Domain } from '../../src/domain/service.ts';
import { ksuid } from '../../src/domain/ksuid.ts';
import { Project, Session } from '../../src/kinds/index.ts';
import { compileSearch } from '../../src/rest/search/index.ts';
import { as, platformAdmin } from '../support/fixtures.ts';
import { testLog } from '../support/database.ts';

/**
 * Head-contract H1 on a database filled under the old scheme (project ids were KSUIDs): apply every
 * migration before `projects_by_name`, insert old-style rows of every table that points at a project
 * (directly, through a session, or in the change log), apply the rest, and check that every row still
 * points at the right project, now named by its name, and that nothing was lost.
 */

const MIGRATION = 'projects_by_name';
const { serverUrl, prefix } = inject('postgres');
const name = `${prefix}${randomBytes(6).toString('hex')}`;
let admin: pg.Client;
let pool: pg.Pool;

beforeAll(async () => {
  admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  pool = createPool(u.toString(), 4, testLog);
});
afterAll(async () => {
  await pool.end();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

/** Every table and its project-referencing column, counted per project before and after. */
const PROJECT_COLUMNS: [table: string, column: string][] = [
  ['project_settings', 'project_id'],
  ['agents', 'project_id'],
  ['inbox_messages', 'project_id'],
  ['skills', 'project_id'],
  ['tasks', 'project_id'],
  ['workflows', 'project_id'],
  ['sessions', 'project_id'],
  ['permissions', 'project_id'],
  ['repository_refs', 'project_id'],
  ['project_keys', 'project_id'],
  ['change_events', 'project_id'],
];

test('the migration renames live project ids to their names with every reference, in one transaction, losing nothing', async () => {
  const migrations = await loadMigrations();
  const at = migrations.findIndex((m) => m.name.endsWith(`_${MIGRATION}`));
  expect(at).toBeGreaterThan(0);
  await migrate(pool, testLog, migrations.slice(0, at));

  // --- old-style data: two live projects and a deleted one, all with KSUID ids -----------------
  const alpha = ksuid();
  const beta = ksuid();
  const gone = ksuid();
  const user = ksuid();
  const q = (text: string, values: unknown[]) => pool.query(text, values);
  await q(`INSERT INTO users (id, username, name) VALUES ($1, 'ann', 'Ann')`, [user]);
  await q(`INSERT INTO projects (id, name) VALUES ($1, 'alpha'), ($2, 'beta')`, [alpha, beta]);
  await q(`INSERT INTO projects (id, name, deleted_at, status) VALUES ($1, 'alpha-old', now(), 'Terminating')`, [gone]);
  const ids: Record<string, Record<string, string>> = {};
  for (const [project, tag] of [
    [alpha, 'a'],
    [beta, 'b'],
    [gone, 'g'],
  ] as const) {
    const id = (what: string) => ((ids[tag] ??= {})[what] = ksuid());
    await q(`INSERT INTO project_settings (id, project_id) VALUES ($1, $2)`, [id('settings'), project]);
    await q(`INSERT INTO agents (id, project_id, name, owner_user_id) VALUES ($1, $2, 'bot', $3)`, [id('agent'), project, user]);
    await q(`INSERT INTO inbox_messages (id, project_id, agent_id, body) VALUES ($1, $2, $3, 'hello')`, [id('inbox'), project, ids[tag]!['agent']]);
    await q(`INSERT INTO skills (id, project_id, name) VALUES ($1, $2, 'skill')`, [id('skill'), project]);
    await q(`INSERT INTO tasks (id, project_id, name) VALUES ($1, $2, 'task')`, [id('task'), project]);
    await q(`INSERT INTO workflows (id, project_id, name) VALUES ($1, $2, 'wf')`, [id('workflow'), project]);
    await q(`INSERT INTO workflow_skills (id, workflow_id, skill_id) VALUES ($1, $2, $3)`, [id('wskill'), ids[tag]!['workflow'], ids[tag]!['skill']]);
    await q(`INSERT INTO sessions (id, project_id, name, kube_cr_name, agent_id, workflow_id, created_by_user_id) VALUES ($1, $2, 's', $3, $4, $5, $6)`, [
      id('session'),
      project,
      `session-${tag}`,
      ids[tag]!['agent'],
      ids[tag]!['workflow'],
      user,
    ]);
    await q(`INSERT INTO permissions (id, project_id, subject_type, subject_name, role) VALUES ($1, $2, 'user', 'ann', 'admin')`, [id('permission'), project]);
    await q(`INSERT INTO repository_refs (id, project_id, url, name) VALUES ($1, $2, 'https://github.com/o/r', 'r')`, [id('repo'), project]);
    await q(`INSERT INTO project_keys (id, project_id, name, secret_hash, role) VALUES ($1, $2, 'k', $3, 'view')`, [id('key'), project, 'f'.repeat(64)]);
    await q(`INSERT INTO agui_events (session_id, thread_id, run_id, type, payload) VALUES ($1, 't', 'r', 'RUN_STARTED', '{"type":"RUN_STARTED"}')`, [
      ids[tag]!['session'],
    ]);
    await q(`INSERT INTO agui_runs (session_id, run_id, status) VALUES ($1, 'r', 'finished')`, [ids[tag]!['session']]);
    await q(`INSERT INTO session_messages (id, session_id, event_type, payload) VALUES ($1, $2, 'user', 'hi')`, [id('message'), ids[tag]!['session']]);
    // The change log as the old server wrote it: the project's own event and a session's event.
    const href = `/api/ambient/v1/projects/${project}`;
    await q(`INSERT INTO change_events (kind, object_id, type, project_id, object) VALUES ('Project', $1, 'ADDED', $1, $2)`, [
      project,
      { id: project, kind: 'Project', href, name: tag },
    ]);
    await q(`INSERT INTO change_events (kind, object_id, type, project_id, object) VALUES ('Session', $1, 'ADDED', $2, $3)`, [
      ids[tag]!['session'],
      project,
      { id: ids[tag]!['session'], kind: 'Session', href: `/api/ambient/v1/sessions/${ids[tag]!['session']}`, project_id: project },
    ]);
  }
  const count = async (table: string, column: string, value: string) =>
    Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} = $1`, [value])).rows[0]!.n);
  const totals = async () => {
    const out: Record<string, number> = {};
    for (const table of [...PROJECT_COLUMNS.map(([t]) => t), 'projects', 'workflow_skills', 'agui_events', 'agui_runs', 'session_messages']) {
      out[table] = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
    }
    return out;
  };
  const before = await totals();
  const perProject: Record<string, number[]> = {};
  for (const id of [alpha, beta, gone]) perProject[id] = await Promise.all(PROJECT_COLUMNS.map(([t, c]) => count(t, c, id)));
  expect(perProject[alpha]!.every((n) => n > 0)).toBe(true);

  // --- the migration -------------------------------------------------------------------------------
  expect(await migrate(pool, testLog, migrations)).toEqual(migrations.slice(at).map((m) => m.name));

  // Nothing lost, nothing added.
  expect(await totals()).toEqual(before);
  // Live projects are named by their name and remember the KSUID; the deleted one keeps its KSUID.
  const { rows: projects } = await pool.query(`SELECT id, name, former_id FROM projects ORDER BY name`);
  expect(projects).toEqual([
    { id: 'alpha', name: 'alpha', former_id: alpha },
    { id: gone, name: 'alpha-old', former_id: null },
    { id: 'beta', name: 'beta', former_id: beta },
  ]);
  // Every reference follows its project, each table the same number of rows as before.
  expect(await Promise.all(PROJECT_COLUMNS.map(([t, c]) => count(t, c, 'alpha')))).toEqual(perProject[alpha]);
  expect(await Promise.all(PROJECT_COLUMNS.map(([t, c]) => count(t, c, 'beta')))).toEqual(perProject[beta]);
  expect(await Promise.all(PROJECT_COLUMNS.map(([t, c]) => count(t, c, gone)))).toEqual(perProject[gone]);
  for (const id of [alpha, beta]) expect(await Promise.all(PROJECT_COLUMNS.map(([t, c]) => count(t, c, id)))).toEqual(PROJECT_COLUMNS.map(() => 0));
  // Rows hanging off sessions (AG-UI events and runs, session messages) still reach the right project.
  for (const [tag, project] of [
    ['a', 'alpha'],
    ['b', 'beta'],
    ['g', gone],
  ] as const) {
    const { rows } = await pool.query(
      `SELECT s.project_id,
              (SELECT count(*)::int FROM agui_events e WHERE e.session_id = s.id) AS events,
              (SELECT count(*)::int FROM agui_runs r WHERE r.session_id = s.id) AS runs,
              (SELECT count(*)::int FROM session_messages m WHERE m.session_id = s.id) AS messages,
              (SELECT i.project_id FROM inbox_messages i WHERE i.agent_id = s.agent_id) AS inbox_project,
              (SELECT w.project_id FROM workflows w WHERE w.id = s.workflow_id) AS workflow_project
         FROM sessions s WHERE s.id = $1`,
      [ids[tag]!['session']],
    );
    expect(rows[0]).toEqual({ project_id: project, events: 1, runs: 1, messages: 1, inbox_project: project, workflow_project: project });
  }
  // The change log: scope, object id, href and the project_id inside recorded objects all moved.
  const { rows } = await pool.query<{ kind: string; object_id: string; project_id: string; object: string }>(
    `SELECT kind, object_id, project_id, object FROM change_events ORDER BY seq`,
  );
  const events = rows.map((e) => ({ ...e, object: JSON.parse(e.object) as Record<string, unknown> }));
  const projectEvents = events.filter((e) => e.kind === 'Project');
  expect(projectEvents.map((e) => [e.object_id, e.project_id, e.object.id, e.object.href])).toEqual([
    ['alpha', 'alpha', 'alpha', '/api/ambient/v1/projects/alpha'],
    ['beta', 'beta', 'beta', '/api/ambient/v1/projects/beta'],
    [gone, gone, gone, `/api/ambient/v1/projects/${gone}`],
  ]);
  expect(events.filter((e) => e.kind === 'Session').map((e) => [e.project_id, e.object.project_id])).toEqual([
    ['alpha', 'alpha'],
    ['beta', 'beta'],
    [gone, gone],
  ]);

  // The server reads the migrated data by name: GET by name, search by project_id=name, new ids = names.
  const domain = new Domain(pool);
  expect((await domain.get(as(platformAdmin), Project, 'alpha'))['name']).toBe('alpha');
  const sessions = await domain.list(as(platformAdmin), Session, { where: compileSearch(Session, `project_id='beta'`) });
  expect(sessions.rows.map((s) => s.id)).toEqual([ids['b']!['session']]);
  expect((await domain.create(as(platformAdmin), Project, { name: 'gamma' })).id).toBe('gamma');
});
