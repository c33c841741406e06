import { describe, expect, test } from 'vitest';
import { Agent, Permission, Project, ProjectSettings, Session, Skill, User, Workflow, WorkflowSkill } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject, seedUser, unique } from '../support/fixtures.ts';
import { eventsOf, failure, useDomain } from '../support/domain.ts';

/** Defaults, validation, foreign keys and uniqueness, through the domain layer on a real database. */

const { db, domain } = useDomain();
const admin = as(platformAdmin);

describe('session defaults and validation', () => {
  test('defaults apply when absent or null; explicit 0 is kept; an empty llm_model counts as absent', async () => {
    const d = domain();
    const p = await seedProject(d);
    const s = await d.create(admin, Session, { project_id: p.id, name: 's', timeout: null, llm_temperature: 0, llm_model: '' });
    expect(s).toMatchObject({ timeout: 300, llm_temperature: 0, llm_model: 'sonnet', interactive: true, llm_max_tokens: 4000, sdk_restart_count: 0 });
    expect(s['phase']).toBeNull();
    expect(s['kube_namespace']).toBe(p['name']);
  });

  test.each([
    [{ timeout: 0 }, 'timeout must be between 1 and 2147483647'],
    [{ llm_temperature: 2.5 }, 'llm_temperature must be between 0 and 2'],
    [{ llm_max_tokens: -1 }, 'llm_max_tokens must be between 1 and 2147483647'],
    [{ name: '' }, 'name must be between 1 and 255 characters'],
    [{ repo_url: 'nope' }, undefined],
    [{ repos: 'not json' }, 'repos: not valid JSON'],
    [{ repos: '[{"branch":"main"}]' }, 'repos: item 0: url is required'],
    [{ repos: '{}' }, 'repos: value must be an array'],
    [{ resource_overrides: '{"gpu":"1"}' }, 'resource_overrides: unknown key "gpu"'],
    [{ labels: '{"ambient-code.io/x":"y"}' }, "labels: key 'ambient-code.io/x' uses a reserved prefix"],
    [{ environment_variables: '{"A":1}' }, 'environment_variables: A must be a string'],
  ])('%j → 400 code 8', async (patch, reason) => {
    const d = domain();
    const p = await seedProject(d);
    const error = await failure(d.create(admin, Session, { project_id: p.id, name: 's', ...patch }));
    expect(error.code).toBe(8);
    if (reason) expect(error.reason).toBe(reason);
    expect(error.field).toBe(Object.keys(patch)[0]);
  });

  test.each([
    [{ timeout: '300' }, 'timeout must be an integer'],
    [{ timeout: 1.5 }, 'timeout must be an integer'],
    [{ interactive: 'true' }, 'interactive must be a boolean'],
    [{ repos: [{ url: 'https://a/b' }] }, 'repos must be a string containing JSON'],
    [{ name: 5 }, 'name must be a string'],
  ])('%j → 400 code 17', async (patch, reason) => {
    const d = domain();
    const p = await seedProject(d);
    const error = await failure(d.create(admin, Session, { project_id: p.id, name: 's', ...patch }));
    expect([error.code, error.reason]).toEqual([17, `Invalid request format: ${reason}`]);
  });

  test('JSON-text is stored as jsonb and served compactly with Postgres key order', async () => {
    const d = domain();
    const p = await seedProject(d);
    const s = await d.create(admin, Session, {
      project_id: p.id,
      name: 's',
      repos: '[ {"url": "https://github.com/a/b.git", "branch": "main"} ]',
      labels: '{"team":"x","a":"b"}',
    });
    expect(s['repos']).toBe('[{"url":"https://github.com/a/b.git","branch":"main"}]');
    expect(s['labels']).toBe('{"a":"b","team":"x"}');
    const { rows } = await db().pool.query(`SELECT jsonb_typeof(repos) AS t FROM sessions WHERE id = $1`, [s.id]);
    expect(rows[0].t).toBe('array');
  });
});

describe('PATCH rules', () => {
  test('read-only, status and immutable keys are ignored; unknown keys too', async () => {
    const d = domain();
    const p = await seedProject(d);
    const other = await seedProject(d);
    const s = await d.create(admin, Session, { project_id: p.id, name: 's' });
    const after = await d.update(admin, Session, s.id, { phase: 'Completed', project_id: other.id, kube_cr_name: 'x', name: 'x', whatever: 1 });
    expect(after).toMatchObject({ name: 'x', project_id: p.id, kube_cr_name: s['kube_cr_name'] });
    expect(after['phase']).toBeNull();
  });

  test('null clears optional fields, restores defaults, and is refused for required ones', async () => {
    const d = domain();
    const p = await seedProject(d);
    const s = await d.create(admin, Session, { project_id: p.id, name: 's', prompt: 'p', timeout: 60 });
    const after = await d.update(admin, Session, s.id, { prompt: null, timeout: null });
    expect(after['prompt']).toBeNull();
    expect(after['timeout']).toBe(300);
    const error = await failure(d.update(admin, Session, s.id, { name: null }));
    expect([error.code, error.reason]).toEqual([8, 'name is required']);
  });

  test('a PATCH that changes nothing writes nothing and emits nothing', async () => {
    const d = domain();
    const p = await seedProject(d);
    const s = await d.create(admin, Session, { project_id: p.id, name: 's', labels: '{"a":"1"}' });
    const same = await d.update(admin, Session, s.id, { name: 's', labels: '{ "a" : "1" }', timeout: 300 });
    const empty = await d.update(admin, Session, s.id, {});
    expect(same['updated_at']).toEqual(s['updated_at']);
    expect(empty['updated_at']).toEqual(s['updated_at']);
    expect((await eventsOf(db(), s.id)).map((e) => e.type)).toEqual(['ADDED']);
  });

  test('a malformed body fails before the object is looked up', async () => {
    const error = await failure(domain().update(admin, Session, 'no-such-id', { timeout: 'x' }));
    expect(error.code).toBe(17);
  });
});

describe('foreign keys answer validation errors', () => {
  test('unknown, deleted and other-project references', async () => {
    const d = domain();
    const p = await seedProject(d);
    const q = await seedProject(d);
    const foreign = await d.create(admin, Workflow, { project_id: q.id, name: 'w' });
    const gone = await d.create(admin, Workflow, { project_id: p.id, name: 'gone' });
    await d.delete(admin, Workflow, gone.id);
    for (const workflow of ['0'.repeat(27), foreign.id, gone.id]) {
      const error = await failure(d.create(admin, Session, { project_id: p.id, name: 's', workflow_id: workflow }));
      expect([error.code, error.reason, error.field]).toEqual([8, `workflow_id '${workflow}' not found`, 'workflow_id']);
    }
    const user = await failure(d.create(admin, Session, { project_id: p.id, name: 's', assigned_user_id: 'nobody' }));
    expect(user.reason).toBe("assigned_user_id 'nobody' not found");
    const agent = await failure(
      d.create(admin, Workflow, { project_id: p.id, name: 'w2', agent_id: (await d.create(admin, Agent, { project_id: q.id, name: 'a' })).id }),
    );
    expect(agent.code).toBe(8);
  });

  test('a workflow member must come from the workflow’s project', async () => {
    const d = domain();
    const p = await seedProject(d);
    const q = await seedProject(d);
    const w = await d.create(admin, Workflow, { project_id: p.id, name: 'w' });
    const skill = await d.create(admin, Skill, { project_id: q.id, name: 's' });
    const error = await failure(d.create(admin, WorkflowSkill, { workflow_id: w.id, skill_id: skill.id }));
    expect([error.code, error.reason]).toEqual([8, `skill_id '${skill.id}' not found`]);
    const missing = await failure(d.create(admin, WorkflowSkill, { workflow_id: 'nope', skill_id: skill.id }));
    expect([missing.code, missing.reason]).toEqual([8, "workflow_id 'nope' not found"]);
  });

  test('parent sessions: any visible project, never itself or a descendant', async () => {
    const d = domain();
    const p = await seedProject(d);
    const q = await seedProject(d);
    const root = await d.create(admin, Session, { project_id: p.id, name: 'root' });
    const child = await d.create(admin, Session, { project_id: q.id, name: 'child', parent_session_id: root.id });
    const grandchild = await d.create(admin, Session, { project_id: p.id, name: 'gc', parent_session_id: child.id });
    expect(grandchild['parent_session_id']).toBe(child.id);
    for (const parent of [root.id, grandchild.id]) {
      const error = await failure(d.update(admin, Session, root.id, { parent_session_id: parent }));
      expect([error.code, error.field]).toEqual([8, 'parent_session_id']);
    }
  });
});

describe('uniqueness among live rows', () => {
  test('project names: 409 with the contract reason, reusable after delete', async () => {
    const d = domain();
    const name = unique('dup');
    const first = await d.create(admin, Project, { name });
    const error = await failure(d.create(admin, Project, { name }));
    expect([error.code, error.reason]).toEqual([6, `Project with name='${name}' already exists`]);
    expect(first.id).toBe(name); // head-contract H1
    await d.delete(admin, Project, first.id);
    const again = await d.create(admin, Project, { name });
    expect(again.id).toBe(name);
    // The deleted project was retired under a fresh KSUID (it never had a namespace), not overwritten.
    const { rows } = await db().pool.query(`SELECT id FROM projects WHERE name = $1 AND deleted_at IS NOT NULL`, [name]);
    expect(rows).toEqual([{ id: expect.stringMatching(/^[0-9A-Za-z]{27}$/) }]);
  });

  test('names unique per project, not across projects; one settings row per project', async () => {
    const d = domain();
    const p = await seedProject(d);
    const q = await seedProject(d);
    await d.create(admin, Agent, { project_id: p.id, name: 'a' });
    await d.create(admin, Agent, { project_id: q.id, name: 'a' });
    expect((await failure(d.create(admin, Agent, { project_id: p.id, name: 'a' }))).reason).toBe("Agent with name='a' already exists");
    const b = await d.create(admin, Agent, { project_id: p.id, name: 'b' });
    expect((await failure(d.update(admin, Agent, b.id, { name: 'a' }))).code).toBe(6);
    await d.create(admin, ProjectSettings, { project_id: p.id });
    expect((await failure(d.create(admin, ProjectSettings, { project_id: p.name as string }))).reason).toBe(
      `ProjectSettings with project_id='${p.id}' already exists`,
    );
  });

  test('one permission per subject; usernames unique', async () => {
    const d = domain();
    const p = await seedProject(d);
    await d.create(admin, Permission, { project_id: p.id, subject_type: 'User', subject_name: 'al', role: 'view' });
    const error = await failure(d.create(admin, Permission, { project_id: p.id, subject_type: 'user', subject_name: 'al', role: 'edit' }));
    expect([error.code, error.reason]).toEqual([6, "Permission with subject_name='al' already exists"]);
    const user = await seedUser(d);
    expect((await failure(d.create(admin, User, { username: user['username'], name: 'x' }))).code).toBe(6);
  });

  test('a failed write leaves nothing behind', async () => {
    const d = domain();
    const name = unique('atomic');
    await d.create(admin, Project, { name });
    const before = (await db().pool.query('SELECT max(seq) AS m FROM change_events')).rows[0].m;
    await failure(d.create(admin, Project, { name }));
    const after = (await db().pool.query('SELECT max(seq) AS m FROM change_events')).rows[0].m;
    expect(after).toBe(before);
    const { rows } = await db().pool.query(`SELECT count(*)::int AS n FROM permissions WHERE project_id NOT IN (SELECT id FROM projects)`);
    expect(rows[0].n).toBe(0);
  });
});

describe('soft delete and cascades', () => {
  test('deleting a project soft-deletes everything in it, each with its own event, and ends Terminating', async () => {
    const d = domain();
    const p = await seedProject(d);
    const w = await d.create(admin, Workflow, { project_id: p.id, name: 'w' });
    const s = await d.create(admin, Skill, { project_id: p.id, name: 's' });
    const member = await d.create(admin, WorkflowSkill, { workflow_id: w.id, skill_id: s.id });
    const session = await d.create(admin, Session, { project_id: p.id, name: 's', workflow_id: w.id });
    const settings = await d.create(admin, ProjectSettings, { project_id: p.id, group_access: '[{"group_name":"devs","role":"edit"}]' });
    await d.delete(admin, Project, p.id);

    for (const id of [w.id, s.id, member.id, session.id, settings.id]) expect((await eventsOf(db(), id)).at(-1)!.type).toBe('DELETED');
    const projectEvents = await eventsOf(db(), p.id);
    expect(projectEvents.at(-1)).toMatchObject({ type: 'DELETED', object: { status: 'Terminating' } });
    const { rows } = await db().pool.query(`SELECT count(*)::int AS n FROM permissions WHERE project_id = $1 AND deleted_at IS NULL`, [p.id]);
    expect(rows[0].n).toBe(0);
    const { rows: raw } = await db().pool.query(`SELECT deleted_at FROM sessions WHERE id = $1`, [session.id]);
    expect(raw[0].deleted_at).toBeInstanceOf(Date);
  });

  test('deleting a skill removes its memberships; deleting a workflow keeps sessions’ workflow_id', async () => {
    const d = domain();
    const p = await seedProject(d);
    const w = await d.create(admin, Workflow, { project_id: p.id, name: 'w' });
    const s = await d.create(admin, Skill, { project_id: p.id, name: 's' });
    const member = await d.create(admin, WorkflowSkill, { workflow_id: w.id, skill_id: s.id, position: 1 });
    await d.delete(admin, Skill, s.id);
    expect((await failure(d.get(admin, WorkflowSkill, member.id))).code).toBe(7);
    const session = await d.create(admin, Session, { project_id: p.id, name: 's', workflow_id: w.id });
    await d.delete(admin, Workflow, w.id);
    expect((await d.get(admin, Session, session.id))['workflow_id']).toBe(w.id);
  });
});
