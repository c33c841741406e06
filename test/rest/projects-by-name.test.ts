import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { useAuthServer } from '../auth/server.ts';
import { jwks, mint, signingKey, startJwksServer, type JwksServer, type SigningKey } from '../auth/tokens.ts';

/**
 * head-contract H1 over the real server with authentication on: a project's id is its name, every
 * path and search takes the name, `prompt` is a field, and a deleted project's name is reusable once
 * its namespace is gone (here no reconciler ever made one, so at once; with one, see
 * test/reconciler/reconciler.test.ts).
 */

let key: SigningKey;
let idp: JwksServer;
beforeAll(async () => {
  key = await signingKey('k1');
  idp = await startJwksServer(jwks(key));
});
afterAll(() => idp.close());

const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.url }));
type Json = Record<string, unknown>;

describe('projects by name', () => {
  test('POST gives id = name; GET, search and project-scoped paths take the name; prompt round-trips', async () => {
    const s = server();
    const alice = await mint(key, 'alice');
    const created = await s.request<Json>('POST', `${V1}/projects`, { token: alice, body: { name: 'demo', prompt: 'Be terse.' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ id: 'demo', name: 'demo', href: `${V1}/projects/demo`, prompt: 'Be terse.' });

    expect((await s.request<Json>('GET', `${V1}/projects/demo`, { token: alice })).body).toMatchObject({ id: 'demo', prompt: 'Be terse.' });
    const patched = await s.request<Json>('PATCH', `${V1}/projects/demo`, { token: alice, body: { prompt: 'Be kind.' } });
    expect(patched.body['prompt']).toBe('Be kind.');
    const found = await s.request<{ items: Json[] }>('GET', `${V1}/projects?search=${encodeURIComponent("prompt like 'Be k%'")}`, { token: alice });
    expect(found.body.items.map((p) => p['id'])).toEqual(['demo']);

    const session = await s.request<Json>('POST', `${V1}/sessions`, { token: alice, body: { project_id: 'demo', name: 'one' } });
    expect(session.status, session.text).toBe(201);
    expect(session.body['project_id']).toBe('demo');
    const bySearch = await s.request<{ items: Json[] }>('GET', `${V1}/sessions?search=${encodeURIComponent("project_id='demo'")}`, { token: alice });
    expect(bySearch.body.items.map((x) => x['id'])).toEqual([session.body['id']]);

    const agent = await s.request<Json>('POST', `${V1}/projects/demo/agents`, { token: alice, body: { name: 'helper', prompt: 'Help.' } });
    expect(agent.status, agent.text).toBe(201);
    expect(agent.body['project_id']).toBe('demo');
    const agents = await s.request<{ items: Json[] }>('GET', `${V1}/projects/demo/agents`, { token: alice });
    expect(agents.body.items.map((a) => a['name'])).toEqual(['helper']);

    const gql = await s.graphql<{ createProject: Json }>(
      'mutation($i: CreateProjectInput!) { createProject(input: $i) { databaseId name prompt } }',
      { i: { name: 'demo-gql', prompt: 'From GraphQL.' } },
      alice,
    );
    expect(gql.data?.createProject).toEqual({ databaseId: 'demo-gql', name: 'demo-gql', prompt: 'From GraphQL.' });
  });

  test('a second POST of a live name answers 409; bad names 400 before anything is written', async () => {
    const s = server();
    const alice = await mint(key, 'alice');
    expect((await s.request('POST', `${V1}/projects`, { token: alice, body: { name: 'twice' } })).status).toBe(201);
    const again = await s.request<Json>('POST', `${V1}/projects`, { token: alice, body: { name: 'twice' } });
    expect([again.status, again.body['reason']]).toEqual([409, "Project with name='twice' already exists"]);
    const bad = await s.request<Json>('POST', `${V1}/projects`, { token: alice, body: { name: 'Not_A_Label' } });
    expect(bad.status).toBe(400);
    expect((await s.request('GET', `${V1}/projects/Not_A_Label`, { token: alice })).status).toBe(404);
  });

  test('a deleted name is refused while its namespace may exist, and reusable at once when it never had one', async () => {
    const s = server();
    const alice = await mint(key, 'alice');
    expect((await s.request('POST', `${V1}/projects`, { token: alice, body: { name: 'again' } })).status).toBe(201);
    const old = await s.request<Json>('POST', `${V1}/sessions`, { token: alice, body: { project_id: 'again', name: 'old' } });
    expect((await s.request('DELETE', `${V1}/projects/again`, { token: alice })).status).toBe(204);
    const reborn = await s.request<Json>('POST', `${V1}/projects`, { token: alice, body: { name: 'again' } });
    expect(reborn.status, reborn.text).toBe(201);
    expect(reborn.body['id']).toBe('again');
    // The old project's session did not come back with the name.
    expect((await s.request('GET', `${V1}/sessions/${String(old.body['id'])}`, { token: alice })).status).toBe(404);
    expect((await s.request<{ items: Json[] }>('GET', `${V1}/projects/again/agents`, { token: alice })).body.items).toEqual([]);

    // Once a reconciler has made its namespace, the name waits until that namespace is gone.
    await s.db.pool.query(`UPDATE projects SET namespace_seen_at = now() WHERE id = 'again'`);
    expect((await s.request('DELETE', `${V1}/projects/again`, { token: alice })).status).toBe(204);
    const refused = await s.request<Json>('POST', `${V1}/projects`, { token: alice, body: { name: 'again' } });
    expect([refused.status, refused.body['code'], refused.body['reason']]).toEqual([
      409,
      'ambient-api-server-6',
      "project 'again' is still being deleted: its name can be used again once its namespace is gone",
    ]);
  });
});
