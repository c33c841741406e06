import { expect, test } from 'vitest';
import { systemActor } from '../../src/auth/actor.ts';
import { V1, expectError, useApi } from '../support/api.ts';
import { as } from '../support/fixtures.ts';
import { openStream } from '../support/sse.ts';

/** Session messages (head-contract H5) over HTTP on one server; the replica tests are in session-messages-replicas.test.ts. */

const api = useApi();
type Json = Record<string, unknown>;
let counter = 0;
const uniq = (s: string) => `${s}-${Date.now().toString(36)}${(counter++).toString(36)}`;

async function session(body: Json = {}): Promise<string> {
  const a = api();
  const project = (await a.request<Json>('POST', `${V1}/projects`, { body: { name: uniq('msg') } })).body;
  const created = await a.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: project['id'], ...body } });
  expect(created.status, created.text).toBe(201);
  return String(created.body['id']);
}

const messages = (id: string, query = '') => `${V1}/sessions/${id}/messages${query}`;

test('a POST with a prompt starts the log with that prompt as a user message; without one the log is empty', async () => {
  const a = api();
  const withPrompt = await session({ prompt: 'Fix the login bug.\nThen add a test.' });
  const log = await a.request<Json[]>('GET', messages(withPrompt));
  expect(log.status).toBe(200);
  expect(log.body).toEqual([
    {
      id: expect.stringMatching(/^[0-9A-Za-z]{27}$/),
      kind: 'SessionMessage',
      session_id: withPrompt,
      seq: expect.any(Number),
      event_type: 'user',
      payload: 'Fix the login bug.\nThen add a test.',
      created_at: expect.any(String),
    },
  ]);
  expect((await a.request<Json[]>('GET', messages(await session({ prompt: '' })))).body).toEqual([]);
  expect((await a.request<Json[]>('GET', messages(await session()))).body).toEqual([]);
});

test('push defaults to user; list after_seq answers the later ones in order, as a plain array', async () => {
  const a = api();
  const id = await session();
  const pushed: Json[] = [];
  for (const payload of ['one', 'two', 'three']) {
    const res = await a.request<Json>('POST', messages(id), { body: { payload } });
    expect(res.status, res.text).toBe(201);
    pushed.push(res.body);
  }
  const typed = await a.request<Json>('POST', messages(id), { body: { event_type: 'user', payload: '{"json":"text"}' } });
  expect(typed.body).toMatchObject({ event_type: 'user', payload: '{"json":"text"}' });
  const seqs = pushed.map((m) => Number(m['seq']));
  expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
  const all = await a.request<Json[]>('GET', messages(id));
  expect(all.body.map((m) => m['payload'])).toEqual(['one', 'two', 'three', '{"json":"text"}']);
  const later = await a.request<Json[]>('GET', messages(id, `?after_seq=${seqs[0]}`));
  expect(later.body.map((m) => m['payload'])).toEqual(['two', 'three', '{"json":"text"}']);
  expect((await a.request<Json[]>('GET', messages(id, `?after_seq=${Number(typed.body['seq'])}`))).body).toEqual([]);
});

test('users push only user; the server (the runner’s voice) pushes the other types', async () => {
  const a = api();
  const id = await session();
  for (const event_type of ['assistant', 'tool_use', 'tool_result', 'system', 'error', 'TEXT_MESSAGE_CONTENT']) {
    expect(expectError(await a.request('POST', messages(id), { body: { event_type, payload: 'x' } }), 403, 11)).toContain(`event_type "${event_type}"`);
  }
  expect((await a.request<Json[]>('GET', messages(id))).body).toEqual([]);
  const reply = await a.services.messages.push(as(systemActor('runner')), id, { event_type: 'assistant', payload: 'Done.' });
  const tool = await a.services.messages.push(as(systemActor('runner')), id, { event_type: 'TOOL_CALL_START', payload: '{"toolCallId":"t1"}' });
  expect((await a.request<Json[]>('GET', messages(id))).body.map((m) => [m['event_type'], m['seq']])).toEqual([
    ['assistant', reply.seq],
    ['TOOL_CALL_START', tool.seq],
  ]);
});

test('bad input: 400 with the field, 404 for unknown sessions, nothing stored', async () => {
  const a = api();
  const id = await session();
  expectError(await a.request('POST', messages(id), { body: {} }), 400, 17);
  expectError(await a.request('POST', messages(id), { body: { payload: 7 } }), 400, 17);
  expectError(await a.request('POST', messages(id), { body: { payload: 'x', extra: 1 } }), 400, 17);
  expectError(await a.request('POST', messages(id), { body: { payload: 'x', event_type: 'shout' } }), 400, 8);
  expectError(await a.request('POST', messages(id), { body: { payload: 'x', event_type: 5 } }), 400, 17);
  expectError(await a.request('POST', messages(id), { body: { payload: 'a\u0000b' } }), 400, 8);
  expectError(await a.request('POST', messages(id), { body: { payload: 'x'.repeat(1024 * 1024 + 1) } }), 413, 32);
  expectError(await a.request('POST', messages(id), { raw: '[1]', headers: { 'Content-Type': 'application/json' } }), 400, 17);
  expectError(await a.request('GET', messages(id, '?after_seq=-1')), 400, 8);
  expectError(await a.request('GET', messages(id, '?after_seq=1e3')), 400, 8);
  expectError(await a.request('GET', messages('2ABCDEFGHIJKLMNOPQRSTUVWXYZ')), 404, 7);
  expectError(await a.request('POST', messages('2ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { body: { payload: 'x' } }), 404, 7);
  expect((await a.request<Json[]>('GET', messages(id))).body).toEqual([]);
});

test('SSE: stored messages, then live ones, id: <seq>; resumes after Last-Event-ID or after_seq with nothing repeated', async () => {
  const a = api();
  const id = await session({ prompt: 'first' });
  const stream = await openStream(`${a.url}${messages(id)}`);
  expect([stream.status, stream.headers.get('content-type')]).toEqual([200, 'text/event-stream']);
  const first = await stream.nextData();
  expect(first.data).toMatchObject({ event_type: 'user', payload: 'first' });
  expect(first.id).toBe(String((first.data as Json)['seq']));
  await a.request('POST', messages(id), { body: { payload: 'second' } });
  const second = await stream.nextData();
  expect(second.data).toMatchObject({ payload: 'second' });
  stream.close();

  await a.request('POST', messages(id), { body: { payload: 'third' } });
  const resumed = await openStream(`${a.url}${messages(id)}`, { 'Last-Event-ID': String(first.id) });
  expect(((await resumed.nextData()).data as Json)['payload']).toBe('second');
  expect(((await resumed.nextData()).data as Json)['payload']).toBe('third');
  resumed.close();
  const byQuery = await openStream(`${a.url}${messages(id, `?after_seq=${String(second.id)}`)}`, { Accept: 'application/json, text/event-stream' });
  expect(((await byQuery.nextData()).data as Json)['payload']).toBe('third');
  byQuery.close();

  expectError(await a.request('GET', messages('2ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { headers: { Accept: 'text/event-stream' } }), 404, 7);
});

test('many concurrent pushers: every stream sees every message once, in seq order', async () => {
  const a = api();
  const id = await session();
  const streams = await Promise.all([0, 1, 2].map(() => openStream(`${a.url}${messages(id)}`)));
  const total = 60;
  const pushes = await Promise.all(Array.from({ length: total }, (_, n) => a.request<Json>('POST', messages(id), { body: { payload: `m${n}` } })));
  const expected = pushes.map((r) => Number(r.body['seq'])).sort((x, y) => x - y);
  for (const stream of streams) {
    const seen: number[] = [];
    while (seen.length < total) seen.push(Number((await stream.nextData()).id));
    expect(seen).toEqual(expected);
    stream.close();
  }
});
