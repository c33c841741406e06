import { expect, test } from 'vitest';
import { expectError, V1 } from '../support/api.ts';
import { openStream } from '../support/sse.ts';
import { agui, runEnded, sessionIn, useAguiWorld, type Json } from './support.ts';

/**
 * Who may do what (runtime.md §c.5, §a.1): view reads events, history and runs; edit also runs,
 * interrupts and sends feedback; callers without a role in the project get 404, as for an unknown
 * session. Project keys stand in for users with a role.
 */

const world = useAguiWorld();

async function key(projectId: string, role: string): Promise<Record<string, string>> {
  const res = await world().api.request<Json>('POST', `${V1}/project_keys`, { body: { project_id: projectId, name: `${role}-key`, role } });
  expect(res.status, res.text).toBe(201);
  return { Authorization: `Bearer ${res.body['key'] as string}` };
}

test('view reads; edit also writes; other projects see nothing (404)', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const elsewhere = await sessionIn(api);
  const viewer = await key(s.projectId, 'view');
  const editor = await key(s.projectId, 'edit');
  const stranger = await key(elsewhere.projectId, 'admin');

  for (const path of ['history', 'runs']) expect((await api.request('GET', agui(s.id, path), { headers: viewer })).status).toBe(200);
  const stream = await openStream(`${api.url}${agui(s.id, 'events')}`, viewer);
  expect(stream.status).toBe(200);
  stream.close();
  for (const path of ['run', 'interrupt', 'feedback'])
    expectError(await api.request('POST', agui(s.id, path), { headers: viewer, body: { type: 'META' } }), 403, 11);

  for (const path of ['history', 'runs', 'events']) expectError(await api.request('GET', agui(s.id, path), { headers: stranger }), 404, 7);
  for (const path of ['run', 'interrupt', 'feedback'])
    expectError(await api.request('POST', agui(s.id, path), { headers: stranger, body: { type: 'META' } }), 404, 7);
  // A project scope that does not hold the session hides it too.
  expectError(await api.request('GET', agui(s.id, 'history'), { headers: { 'X-Ambient-Project': elsewhere.projectId } }), 404, 7);

  const started = await api.request<Json>('POST', agui(s.id, 'run'), { headers: editor, body: { messages: [{ role: 'user', content: 'from a key' }] } });
  expect(started.status).toBe(200);
  const runId = started.body['runId'] as string;
  expect((await runEnded(api, s.id, runId))['user_id']).toEqual(expect.any(String)); // the key's creator
  const call = runner.to('/').find((r) => (r.body as Json)['runId'] === runId)!;
  // A project key is not a user: no user headers, no sender metadata, and the key itself is never forwarded.
  expect(call.headers['x-current-user-id']).toBeUndefined();
  expect(call.headers['x-caller-token']).toBeUndefined();
  expect(((call.body as Json)['messages'] as Json[])[0]!['metadata']).toBeUndefined();
  expect((await api.request('POST', agui(s.id, 'interrupt'), { headers: editor })).status).toBe(200);
  expect((await api.request('POST', agui(s.id, 'feedback'), { headers: editor, body: { type: 'META', metaType: 'thumbs_up' } })).status).toBe(200);
});
