import { describe, expect, test } from 'vitest';
import type { Kind } from '../../src/kinds/define.ts';
import {
  Agent,
  Credential,
  KINDS,
  Permission,
  Project,
  ProjectKey,
  ProjectSettings,
  RepositoryRef,
  Session,
  Skill,
  Task,
  User,
  Workflow,
  WorkflowSkill,
} from '../../src/kinds/index.ts';
import type { Domain } from '../../src/domain/service.ts';
import { as, platformAdmin, seedProject, seedUser, unique, userActor } from '../support/fixtures.ts';
import { eventsOf, failure, useDomain } from '../support/domain.ts';

/**
 * The generic rules every Kind follows: create with defaults, get, list, update, no-op update,
 * soft delete, and exactly one change event per change.
 */

const { db, domain } = useDomain();

interface Case {
  /** A minimal valid body, built on fresh dependencies. */
  body(d: Domain): Promise<Record<string, unknown>>;
  /** A writable field and a new value for it. */
  patch: Record<string, unknown>;
  /** Defaults the created object must show. */
  defaults?: Record<string, unknown>;
  /** Who acts (credentials belong to a user). */
  actor?: () => Promise<ReturnType<typeof userActor>>;
}

const CASES: Record<string, Case> = {
  Project: { body: async () => ({ name: unique('p') }), patch: { display_name: 'Demo' }, defaults: { status: 'Active' } },
  User: { body: async () => ({ username: unique('u'), name: 'U' }), patch: { email: 'u@example.com' }, defaults: { groups: [] } },
  ProjectSettings: {
    body: async (d) => ({ project_id: (await seedProject(d)).id }),
    patch: { repositories: '[{"url":"https://github.com/a/b"}]' },
    defaults: { group_access: '[]' },
  },
  Agent: { body: async (d) => ({ project_id: (await seedProject(d)).id, name: 'a' }), patch: { prompt: 'hi' } },
  Skill: { body: async (d) => ({ project_id: (await seedProject(d)).id, name: 's' }), patch: { prompt: 'hi' } },
  Task: { body: async (d) => ({ project_id: (await seedProject(d)).id, name: 't' }), patch: { prompt: 'hi' } },
  Workflow: { body: async (d) => ({ project_id: (await seedProject(d)).id, name: 'w' }), patch: { branch: 'dev' } },
  WorkflowSkill: {
    body: async (d) => {
      const p = await seedProject(d);
      const w = await d.create(as(platformAdmin), Workflow, { project_id: p.id, name: 'w' });
      const s = await d.create(as(platformAdmin), Skill, { project_id: p.id, name: 's' });
      return { workflow_id: w.id, skill_id: s.id };
    },
    patch: { position: 3 },
    defaults: { position: 0 },
  },
  WorkflowTask: {
    body: async (d) => {
      const p = await seedProject(d);
      const w = await d.create(as(platformAdmin), Workflow, { project_id: p.id, name: 'w' });
      const t = await d.create(as(platformAdmin), Task, { project_id: p.id, name: 't' });
      return { workflow_id: w.id, task_id: t.id };
    },
    patch: { position: 2 },
    defaults: { position: 0 },
  },
  Session: {
    body: async (d) => ({ project_id: (await seedProject(d)).id, name: 's' }),
    patch: { prompt: 'do it' },
    defaults: { interactive: true, timeout: 300, llm_model: 'sonnet', llm_temperature: 0.7, llm_max_tokens: 4000, sdk_restart_count: 0 },
  },
  Permission: {
    body: async (d) => ({ project_id: (await seedProject(d)).id, subject_type: 'user', subject_name: 'bob', role: 'view' }),
    patch: { role: 'edit' },
  },
  RepositoryRef: { body: async (d) => ({ project_id: (await seedProject(d)).id, url: 'https://github.com/acme/web.git' }), patch: { branch: 'main' } },
  ProjectKey: { body: async (d) => ({ project_id: (await seedProject(d)).id, name: 'ci' }), patch: { description: 'for CI' }, defaults: { role: 'edit' } },
  InboxMessage: {
    body: async (d) => {
      const p = await seedProject(d);
      const agent = await d.create(as(platformAdmin), Agent, { project_id: p.id, name: 'inbox-owner' });
      return { project_id: p.id, agent_id: agent.id, body: 'hello' };
    },
    patch: { read: true },
    defaults: { read: false },
  },
  ScheduledSession: {
    body: async (d) => ({ project_id: (await seedProject(d)).id, name: 'nightly', schedule: '0 3 * * *' }),
    patch: { description: 'every night' },
    defaults: { timezone: 'UTC', enabled: true },
  },
  Credential: {
    body: async () => ({ provider: 'github', token: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789' }),
    patch: { description: 'work account' },
    defaults: { auth_type: 'pat', name: 'github', url: 'https://github.com', has_token: true },
    actor: async () => userActor(await seedUser(domain())), // one github credential per user
  },
};

test('every Kind has a case', () => {
  expect(Object.keys(CASES).sort()).toEqual(KINDS.map((k) => k.name).sort());
});

describe.each(KINDS.map((k) => [k.name, k] as const))('%s', (_name: string, kind: Kind) => {
  const c = CASES[kind.name]!;
  const ctx = async () => as(c.actor ? await c.actor() : platformAdmin);

  test('create, get, list, update, no-op update, delete — with one change event per change', async () => {
    const d = domain();
    const actor = await ctx();
    const created = await d.create(actor, kind, await c.body(d));
    // Every id is a KSUID except a project's, which is its name (head-contract H1).
    if (kind.name === 'Project') expect(created.id).toBe(created['name']);
    else expect(created.id).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(created['created_at']).toBeInstanceOf(Date);
    expect(created['updated_at']).toEqual(created['created_at']);
    for (const [field, value] of Object.entries(c.defaults ?? {})) expect(created[field], field).toEqual(value);

    const got = await d.get(actor, kind, created.id);
    const { key: _secretOnlyOnCreate, ...comparable } = created;
    expect(got).toEqual(comparable);

    const listed = await d.list(actor, kind, { where: undefined });
    expect(listed.rows.map((r) => r.id)).toContain(created.id);

    const updated = await d.update(actor, kind, created.id, c.patch);
    for (const [field, value] of Object.entries(c.patch)) expect(updated[field]).toEqual(value);
    expect((updated['updated_at'] as Date).getTime()).toBeGreaterThanOrEqual((created['updated_at'] as Date).getTime());

    const again = await d.update(actor, kind, created.id, c.patch);
    expect(again['updated_at']).toEqual(updated['updated_at']);

    await d.delete(actor, kind, created.id);
    expect((await failure(d.get(actor, kind, created.id))).code).toBe(7);
    expect((await d.list(actor, kind, {})).rows.map((r) => r.id)).not.toContain(created.id);
    expect((await failure(d.delete(actor, kind, created.id))).code).toBe(7);
    expect((await failure(d.update(actor, kind, created.id, c.patch))).code).toBe(7);

    const events = await eventsOf(db(), created.id);
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    expect(events[0]!.object['kind']).toBe(kind.name);
    expect(events[0]!.object['href']).toBe(`/api/ambient/v1/${kind.plural}/${created.id}`);
    for (const e of events) expect(JSON.stringify(e.object)).not.toMatch(/ghp_|secret_hash|token_enc/);
  });

  test('unknown ids are not found', async () => {
    const d = domain();
    const actor = await ctx();
    const missing = '0'.repeat(27);
    expect((await failure(d.get(actor, kind, missing))).reason).toBe(`${kind.name} with id='${missing}' not found`);
  });

  test('unknown fields, a non-empty id and wrong JSON types are refused on create', async () => {
    const d = domain();
    const actor = await ctx();
    const body = await c.body(d);
    const unknownField = await failure(d.create(actor, kind, { ...body, bogus: 1 }));
    expect([unknownField.code, unknownField.reason]).toEqual([17, 'Invalid request format: unknown field "bogus"']);
    const withId = await failure(d.create(actor, kind, { ...body, id: 'abc' }));
    expect([withId.code, withId.reason]).toEqual([8, 'id must be empty']);
    const [field] = Object.keys(c.patch);
    const wrongType = await failure(d.create(actor, kind, { ...body, [field!]: { not: 'a scalar' } }));
    expect(wrongType.code).toBe(17);
  });

  test('read-only and ObjectReference keys are tolerated on create', async () => {
    const d = domain();
    const actor = await ctx();
    const body = { ...(await c.body(d)), kind: 'Whatever', href: '/x', created_at: '2000-01-01T00:00:00Z', id: '' };
    const created = await d.create(actor, kind, body);
    expect((created['created_at'] as Date).getFullYear()).toBeGreaterThan(2000);
  });
});

describe('required fields', () => {
  test.each([
    ['Project', 'name', Project, {}],
    ['User', 'name', User, { username: 'x' }],
    ['Session', 'name', Session, { project_id: 'demo' }],
    ['Permission', 'role', Permission, { project_id: 'demo', subject_type: 'user', subject_name: 'a' }],
    ['RepositoryRef', 'url', RepositoryRef, { project_id: 'demo' }],
    ['WorkflowSkill', 'skill_id', WorkflowSkill, { workflow_id: 'x' }],
  ] as const)('%s without %s', async (_name, field, kind, body) => {
    const error = await failure(domain().create(as(platformAdmin), kind, body));
    expect([error.code, error.reason]).toEqual([17, `Invalid request format: no value given for required property ${field}`]);
  });

  test('project_id from neither body nor scope', async () => {
    const error = await failure(domain().create(as(platformAdmin), Agent, { name: 'a' }));
    expect([error.code, error.reason]).toEqual([17, 'Invalid request format: no value given for required property project_id']);
  });

  test('project_id from the request scope, by name; the body wins over the scope', async () => {
    const d = domain();
    const a = await seedProject(d);
    const b = await seedProject(d);
    const fromScope = await d.create(as(platformAdmin, a['name'] as string), Agent, { name: 'x' });
    expect(fromScope['project_id']).toBe(a.id);
    const fromBody = await d.create(as(platformAdmin, a['name'] as string), Agent, { name: 'x', project_id: b['name'] });
    expect(fromBody['project_id']).toBe(b.id);
  });

  test('malformed and unknown project references', async () => {
    const d = domain();
    const malformed = await failure(d.create(as(platformAdmin), Agent, { name: 'x', project_id: 'Bad Name!' }));
    expect([malformed.code, malformed.reason]).toEqual([8, 'invalid project_id format']);
    const unknown = await failure(d.create(as(platformAdmin), Agent, { name: 'x', project_id: 'no-such-project' }));
    expect([unknown.code, unknown.reason]).toEqual([8, "project 'no-such-project' not found"]);
  });
});

describe('ProjectSettings and Credential extras', () => {
  test('ProjectKey returns its key only when created', async () => {
    const d = domain();
    const p = await seedProject(d);
    const key = await d.create(as(platformAdmin), ProjectKey, { project_id: p.id, name: 'k' });
    expect(key['key']).toMatch(new RegExp(`^apk_${key.id}_[A-Za-z0-9_-]{43}$`));
    expect((await d.get(as(platformAdmin), ProjectKey, key.id))['key']).toBeUndefined();
  });

  test('ProjectSettings shows group_access', async () => {
    const d = domain();
    const p = await seedProject(d);
    const s = await d.create(as(platformAdmin), ProjectSettings, { project_id: p.id });
    expect(s['group_access']).toBe('[]');
  });

  test('Credential hides its token', async () => {
    const d = domain();
    const user = await seedUser(d);
    const cred = await d.create(as(userActor(user)), Credential, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrstuvwxyz' });
    expect(cred['token']).toBeUndefined();
    expect(cred['has_token']).toBe(true);
  });
});
