import { describe, expect, test } from 'vitest';
import { KINDS } from '../../src/kinds/index.ts';
import { ALIAS, V1, expectError, useApi, type TestApi } from '../support/api.ts';

/** The five standard operations of every Kind over HTTP, on both base paths (rest-contract §9). */

const api = useApi();
let counter = 0;
const uniq = (s: string) => `${s}-${Date.now().toString(36)}${(counter++).toString(36)}`;

type Json = Record<string, unknown>;

async function project(a: TestApi): Promise<Json> {
  const res = await a.request<Json>('POST', `${V1}/projects`, { body: { name: uniq('p') } });
  expect(res.status).toBe(201);
  return res.body;
}

/** A valid POST body per Kind, with fresh dependencies. */
const BODIES: Record<string, (a: TestApi) => Promise<Json>> = {
  Project: async () => ({ name: uniq('p'), display_name: 'P', labels: '{"team":"x"}' }),
  User: async () => ({ username: uniq('u'), name: 'U', groups: ['g'] }),
  ProjectSettings: async (a) => ({ project_id: (await project(a))['id'], group_access: '[{"group_name":"devs","role":"view"}]' }),
  Agent: async (a) => ({ project_id: (await project(a))['name'], name: 'agent' }),
  Skill: async (a) => ({ project_id: (await project(a))['id'], name: 'skill' }),
  Task: async (a) => ({ project_id: (await project(a))['id'], name: 'task' }),
  Workflow: async (a) => ({ project_id: (await project(a))['id'], name: 'wf', repo_url: 'https://github.com/a/wf', path: 'workflows/x' }),
  WorkflowSkill: async (a) => {
    const p = await project(a);
    const w = await a.request<Json>('POST', `${V1}/workflows`, { body: { project_id: p['id'], name: 'w' } });
    const s = await a.request<Json>('POST', `${V1}/skills`, { body: { project_id: p['id'], name: 's' } });
    return { workflow_id: w.body['id'], skill_id: s.body['id'], position: 2 };
  },
  WorkflowTask: async (a) => {
    const p = await project(a);
    const w = await a.request<Json>('POST', `${V1}/workflows`, { body: { project_id: p['id'], name: 'w' } });
    const t = await a.request<Json>('POST', `${V1}/tasks`, { body: { project_id: p['id'], name: 't' } });
    return { workflow_id: w.body['id'], task_id: t.body['id'] };
  },
  Session: async (a) => ({
    project_id: (await project(a))['id'],
    name: 'fix-login-bug',
    llm_temperature: 0,
    repos: '[{"url":"https://github.com/acme/web.git","branch":"main"}]',
  }),
  Permission: async (a) => ({ project_id: (await project(a))['id'], subject_type: 'group', subject_name: 'ops', role: 'view' }),
  RepositoryRef: async (a) => ({ project_id: (await project(a))['id'], url: 'https://gitlab.com/acme/platform/api.git' }),
  ProjectKey: async (a) => ({ project_id: (await project(a))['id'], name: 'ci', role: 'view' }),
  InboxMessage: async (a) => {
    const p = await project(a);
    const agent = await a.request<Json>('POST', `${V1}/agents`, { body: { project_id: p['id'], name: 'inbox-owner' } });
    return { project_id: p['id'], agent_id: agent.body['id'], body: 'hello', from_name: 'alice' };
  },
  Credential: async () => ({ provider: 'jira', url: 'https://acme.atlassian.net', email: 'dev@acme.io', token: 'jira-token' }),
  ScheduledSession: async (a) => ({ project_id: (await project(a))['id'], name: 'nightly', schedule: '0 3 * * *', timezone: 'Europe/Berlin' }),
};

const PATCHES: Record<string, Json> = {
  Project: { description: 'described' },
  User: { email: 'u@example.com' },
  ProjectSettings: { repositories: '[{"url":"https://github.com/a/b","provider":"github"}]' },
  Agent: { prompt: 'p' },
  Skill: { prompt: 'p' },
  Task: { prompt: 'p' },
  Workflow: { branch: 'dev' },
  WorkflowSkill: { position: 5 },
  WorkflowTask: { position: 1 },
  Session: { prompt: 'go' },
  Permission: { role: 'edit' },
  RepositoryRef: { branch: 'main' },
  ProjectKey: { description: 'rotated monthly' },
  Credential: { description: 'work' },
  InboxMessage: { read: true },
  ScheduledSession: { description: 'every night' },
};

describe.each(KINDS.map((k) => [k.name, k] as const))('%s', (name, kind) => {
  test.each([
    ['canonical', V1],
    ['alias', ALIAS],
  ])('create, read, list, update, delete on the %s base path', async (_label, base) => {
    const a = api();
    if (kind.name === 'Credential' && base === ALIAS) {
      // One credential per provider and user: remove the one the canonical run made.
      const existing = await a.request<{ items: Json[] }>('GET', `${V1}/credentials?search=provider%20%3D%20'jira'`);
      for (const c of existing.body.items) await a.request('DELETE', `${V1}/credentials/${String(c['id'])}`);
    }
    const created = await a.request<Json>('POST', `${base}/${kind.plural}`, { body: await BODIES[name]!(a) });
    expect(created.status, created.text).toBe(201);
    const id = created.body['id'] as string;
    const href = `${V1}/${kind.plural}/${id}`;
    expect(created.body).toMatchObject({ kind: name, href });
    expect(created.headers.get('location')).toBe(href);
    expect(created.headers.get('x-operation-id')).toBeTruthy();
    expect(created.body['created_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const value of Object.values(created.body)) expect(value).not.toBeNull();

    const got = await a.request<Json>('GET', `${base}/${kind.plural}/${id}/`);
    expect(got.status).toBe(200);
    const { key: _onlyOnCreate, ...expected } = created.body;
    expect(got.body).toEqual(expected);

    const list = await a.request<{ kind: string; items: Json[]; total: number; size: number; page: number }>('GET', `${base}/${kind.plural}?size=65500`);
    expect(list.status).toBe(200);
    expect(list.body.kind).toBe(`${name}List`);
    expect(list.body.items.find((i) => i['id'] === id)).toEqual(expected);

    const patched = await a.request<Json>('PATCH', `${base}/${kind.plural}/${id}`, { body: PATCHES[name] });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject(PATCHES[name]!);

    const deleted = await a.request('DELETE', `${base}/${kind.plural}/${id}`);
    expect([deleted.status, deleted.text]).toEqual([204, '']);
    expect(expectError(await a.request('GET', `${base}/${kind.plural}/${id}`), 404, 7)).toBe(`${name} with id='${id}' not found`);
    expectError(await a.request('DELETE', `${base}/${kind.plural}/${id}`), 404, 7);
  });
});

test('the example of rest-contract §11.1', async () => {
  const a = api();
  const p = await project(a);
  const res = await a.request<Json>('POST', `${V1}/sessions`, {
    headers: { 'X-Ambient-Project': p['name'] as string },
    body: {
      name: 'fix-login-bug',
      prompt: 'Fix the login redirect loop',
      repos: '[{"url":"https://github.com/acme/web.git","branch":"main"}]',
      llm_temperature: 0,
    },
  });
  expect(res.status).toBe(201);
  const id = res.body['id'] as string;
  expect(res.body).toEqual({
    id,
    kind: 'Session',
    href: `${V1}/sessions/${id}`,
    created_at: res.body['created_at'],
    updated_at: res.body['created_at'],
    name: 'fix-login-bug',
    prompt: 'Fix the login redirect loop',
    repos: '[{"url":"https://github.com/acme/web.git","branch":"main"}]',
    interactive: true,
    timeout: 300,
    llm_model: 'sonnet',
    llm_temperature: 0,
    llm_max_tokens: 4000,
    project_id: p['id'],
    created_by_user_id: res.body['created_by_user_id'],
    sdk_restart_count: 0,
    kube_cr_name: `session-${id.toLowerCase()}`,
    kube_namespace: p['name'],
  });
  expect(res.body['created_by_user_id']).toMatch(/^[0-9A-Za-z]{27}$/);
  const started = await a.request<Json>('POST', `${V1}/sessions/${id}/start`);
  expect(started.body).toEqual({ ...res.body, phase: 'Pending', updated_at: started.body['updated_at'] });
});
