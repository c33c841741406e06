import { describe, expect, test } from 'vitest';
import type { KeyActor } from '../../src/auth/actor.ts';
import { Agent, Permission, Project, ProjectKey, Session, Workflow, WorkflowTask, Task } from '../../src/kinds/index.ts';
import { as, platformAdmin, seedProject, seedUser, userActor } from '../support/fixtures.ts';
import { failure, useDomain } from '../support/domain.ts';

/** Project scoping (rest-contract §5.3) and the authorization outcomes (§5.2) in the domain layer. */

const { domain } = useDomain();
const admin = as(platformAdmin);

async function world() {
  const d = domain();
  const owner = await seedUser(d);
  const viewer = await seedUser(d);
  const outsider = await seedUser(d);
  const p = await seedProject(d, userActor(owner));
  const q = await seedProject(d);
  await d.create(as(userActor(owner)), Permission, { project_id: p.id, subject_type: 'user', subject_name: viewer['username'], role: 'view' });
  const session = await d.create(as(userActor(owner)), Session, { project_id: p.id, name: 's' });
  const other = await d.create(admin, Session, { project_id: q.id, name: 'elsewhere' });
  return { d, owner, viewer, outsider, p, q, session, other };
}

describe('scoping', () => {
  test('X-Ambient-Project: another project’s object is not found; the list is restricted', async () => {
    const { d, p, q, session, other } = await world();
    expect((await d.get(as(platformAdmin, p['name'] as string), Session, session.id)).id).toBe(session.id);
    expect((await failure(d.get(as(platformAdmin, q.id), Session, session.id))).code).toBe(7);
    expect((await failure(d.update(as(platformAdmin, q.id), Session, session.id, { name: 'x' }))).code).toBe(7);
    expect((await failure(d.delete(as(platformAdmin, q.id), Session, session.id))).code).toBe(7);
    const scoped = await d.list(as(platformAdmin, q['name'] as string), Session);
    expect(scoped.rows.map((r) => r.id)).toEqual([other.id]);
    // ?project_id wins over the header; an unknown well-formed project gives an empty list.
    expect((await d.list(as(platformAdmin, q.id), Session, { projectRef: p.id })).rows.map((r) => r.id)).toEqual([session.id]);
    expect(await d.list(admin, Session, { projectRef: 'no-such-project' })).toMatchObject({ rows: [], total: 0 });
    expect((await failure(d.list(admin, Session, { projectRef: "x' OR 1=1" }))).reason).toBe('invalid project_id format');
  });

  test('the header is ignored for global Kinds', async () => {
    const { d, p, q } = await world();
    expect((await d.get(as(platformAdmin, q.id), Project, p.id)).id).toBe(p.id);
  });

  test('workflow members are scoped through their workflow', async () => {
    const { d, p, q } = await world();
    const w = await d.create(admin, Workflow, { project_id: p.id, name: 'w' });
    const t = await d.create(admin, Task, { project_id: p.id, name: 't' });
    const member = await d.create(admin, WorkflowTask, { workflow_id: w.id, task_id: t.id });
    expect((await d.list(admin, WorkflowTask, { projectRef: p.id })).rows.map((r) => r.id)).toEqual([member.id]);
    expect((await d.list(admin, WorkflowTask, { projectRef: q.id })).rows).toEqual([]);
    expect((await failure(d.get(as(platformAdmin, q.id), WorkflowTask, member.id))).code).toBe(7);
  });
});

describe('roles', () => {
  test('outsiders see nothing (404, empty lists); viewers read but may not write (403)', async () => {
    const { d, viewer, outsider, p, session } = await world();
    const out = as(userActor(outsider));
    expect((await failure(d.get(out, Session, session.id))).code).toBe(7);
    expect((await failure(d.get(out, Project, p.id))).code).toBe(7);
    expect((await d.list(out, Session)).total).toBe(0);
    expect((await d.list(out, Project)).total).toBe(0);
    expect((await failure(d.create(out, Session, { project_id: p.id, name: 'x' }))).reason).toBe(`project '${p.id}' not found`);

    const view = as(userActor(viewer));
    expect((await d.get(view, Session, session.id)).id).toBe(session.id);
    expect((await d.list(view, Session)).rows.map((r) => r.id)).toEqual([session.id]);
    expect((await failure(d.update(view, Session, session.id, { name: 'x' }))).code).toBe(11);
    expect((await failure(d.create(view, Agent, { project_id: p.id, name: 'a' }))).code).toBe(11);
    expect((await failure(d.delete(view, Project, p.id))).code).toBe(11);
  });

  test('group permissions grant roles to members', async () => {
    const { d, outsider, p, session } = await world();
    await d.create(admin, Permission, { project_id: p.id, subject_type: 'group', subject_name: 'devs', role: 'edit' });
    const member = as(userActor(outsider, ['devs']));
    expect((await d.update(member, Session, session.id, { prompt: 'ok' }))['prompt']).toBe('ok');
    expect((await failure(d.delete(member, Session, session.id))).code).toBe(11); // deleting sessions needs admin
  });

  test('project keys act in their project only, with their role', async () => {
    const { d, owner, p, q, session, other } = await world();
    const key: KeyActor = { type: 'key', keyId: 'k', projectId: p.id, role: 'edit', creatorId: owner.id };
    const byKey = await d.create(as(key), Session, { project_id: p.id, name: 'by-key' });
    expect(byKey['created_by_user_id']).toBe(owner.id);
    expect((await d.list(as(key), Session)).rows.map((r) => r.id).sort()).toEqual([session.id, byKey.id].sort());
    expect((await failure(d.get(as(key), Session, other.id))).code).toBe(7);
    expect((await failure(d.create(as(key), Session, { project_id: q.id, name: 'x' }))).code).toBe(8);
    expect((await failure(d.create(as(key), Project, { name: 'from-key' }))).code).toBe(11);
  });

  test('the creator of a project becomes its admin', async () => {
    const d = domain();
    const creator = await seedUser(d);
    const p = await d.create(as(userActor(creator)), Project, { name: 'created-by-user' });
    const grants = await d.list(as(userActor(creator)), Permission, { projectRef: p.id });
    expect(grants.rows.map((r) => [r['subject_type'], r['subject_name'], r['role']])).toEqual([['user', creator['username'], 'admin']]);
    await d.update(as(userActor(creator)), Project, p.id, { description: 'mine' });
  });
});

test('lists need the role reads need: viewers see no project keys, editors do', async () => {
  const { d, owner, viewer, p } = await world();
  await d.create(as(userActor(owner)), ProjectKey, { project_id: p.id, name: 'k' });
  expect((await d.list(as(userActor(viewer)), ProjectKey, { projectRef: p.id })).total).toBe(0);
  expect((await d.list(as(userActor(owner)), ProjectKey, { projectRef: p.id })).total).toBe(1);
});
