import { expect, test } from 'vitest';
import { V1, expectError, useApi } from '../support/api.ts';

/** Session additions of head-contract H2 over HTTP: `agent_id` and `POST /sessions/{id}/model`. */

const api = useApi();
type Json = Record<string, unknown>;
let counter = 0;
const uniq = (s: string) => `${s}-${Date.now().toString(36)}${(counter++).toString(36)}`;

async function projectWithAgent(): Promise<{ project: Json; agent: Json }> {
  const a = api();
  const project = (await a.request<Json>('POST', `${V1}/projects`, { body: { name: uniq('h2') } })).body;
  const agent = await a.request<Json>('POST', `${V1}/agents`, { body: { project_id: project['id'], name: 'reviewer' } });
  expect(agent.status, agent.text).toBe(201);
  return { project, agent: agent.body };
}

test('agent_id: set on create to an agent of the same project, immutable afterwards', async () => {
  const a = api();
  const { project, agent } = await projectWithAgent();
  const created = await a.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: project['id'], agent_id: agent['id'] } });
  expect(created.status, created.text).toBe(201);
  expect(created.body['agent_id']).toBe(agent['id']);

  const other = await projectWithAgent();
  const patched = await a.request<Json>('PATCH', `${V1}/sessions/${String(created.body['id'])}`, { body: { agent_id: other.agent['id'] } });
  expect(patched.status).toBe(200);
  expect(patched.body['agent_id']).toBe(agent['id']);

  const bySearch = await a.request<{ items: Json[] }>('GET', `${V1}/sessions?search=${encodeURIComponent(`agent_id = '${String(agent['id'])}'`)}`);
  expect(bySearch.body.items.map((s) => s['id'])).toEqual([created.body['id']]);
});

test('agent_id: an agent of another project or an unknown one is refused with 400 and nothing is written', async () => {
  const a = api();
  const { project } = await projectWithAgent();
  const other = await projectWithAgent();
  const before = (await a.db.pool.query(`SELECT count(*)::int AS n FROM sessions`)).rows[0].n;
  expectError(await a.request('POST', `${V1}/sessions`, { body: { name: 's', project_id: project['id'], agent_id: other.agent['id'] } }), 400, 8);
  expectError(await a.request('POST', `${V1}/sessions`, { body: { name: 's', project_id: project['id'], agent_id: '2ABCDEFGHIJKLMNOPQRSTUVWXYZ' } }), 400, 8);
  expectError(await a.request('POST', `${V1}/sessions`, { body: { name: 's', project_id: project['id'], agent_id: 42 } }), 400, 17);
  expect((await a.db.pool.query(`SELECT count(*)::int AS n FROM sessions`)).rows[0].n).toBe(before);
});

test('POST /sessions/{id}/model switches llm_model; bad bodies are 400, unknown sessions 404', async () => {
  const a = api();
  const { project } = await projectWithAgent();
  const session = (await a.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: project['id'] } })).body;
  expect(session['llm_model']).toBe('sonnet');
  const id = String(session['id']);
  const switched = await a.request<Json>('POST', `${V1}/sessions/${id}/model`, { body: { model: 'opus' } });
  expect([switched.status, switched.body['llm_model']]).toEqual([200, 'opus']);
  expect((await a.request<Json>('GET', `${V1}/sessions/${id}`)).body['llm_model']).toBe('opus');

  expect(expectError(await a.request('POST', `${V1}/sessions/${id}/model`, { body: { model: '' } }), 400, 8)).toBe('model is required');
  expectError(await a.request('POST', `${V1}/sessions/${id}/model`, { body: {} }), 400, 17);
  expectError(await a.request('POST', `${V1}/sessions/${id}/model`, { body: { model: 7 } }), 400, 17);
  expectError(await a.request('POST', `${V1}/sessions/${id}/model`, { body: { model: 'x'.repeat(256) } }), 400, 8);
  expectError(await a.request('POST', `${V1}/sessions/${id}/model`, { raw: 'not json', headers: { 'Content-Type': 'application/json' } }), 400, 17);
  expectError(await a.request('POST', `${V1}/sessions/2ABCDEFGHIJKLMNOPQRSTUVWXYZ/model`, { body: { model: 'opus' } }), 404, 7);
  expect((await a.request<Json>('GET', `${V1}/sessions/${id}`)).body['llm_model']).toBe('opus');
});
