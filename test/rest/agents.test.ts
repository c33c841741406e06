import { expect, test } from 'vitest';
import { V1, expectError, useApi } from '../support/api.ts';

/** Agents under their project (head-contract H3) and their inbox (H4) over HTTP. */

const api = useApi();
type Json = Record<string, unknown>;
type List = { items: Json[]; total: number };
let counter = 0;
const uniq = (s: string) => `${s}-${Date.now().toString(36)}${(counter++).toString(36)}`;

async function project(): Promise<Json> {
  const res = await api().request<Json>('POST', `${V1}/projects`, { body: { name: uniq('agents') } });
  expect(res.status).toBe(201);
  return res.body;
}

async function agent(p: Json, body: Json = {}): Promise<Json> {
  const res = await api().request<Json>('POST', `${V1}/projects/${String(p['name'])}/agents`, { body: { name: uniq('a'), ...body } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

test('project-scoped CRUD by project name, beside the flat collection; HEAD fields; other projects are 404', async () => {
  const a = api();
  const p = await project();
  const base = `${V1}/projects/${String(p['name'])}/agents`;
  const created = await agent(p, {
    name: 'reviewer',
    display_name: 'Reviewer',
    description: 'Reviews pull requests',
    prompt: 'Review carefully.',
    llm_model: 'opus',
    llm_temperature: 0.2,
    labels: '{"team":"web"}',
  });
  expect(created).toMatchObject({ kind: 'Agent', project_id: p['id'], name: 'reviewer', llm_model: 'opus', llm_max_tokens: 4000 });
  expect(created['current_session_id']).toBeUndefined();
  const id = String(created['id']);
  expect((await a.request<Json>('GET', `${base}/${id}`)).body['name']).toBe('reviewer');
  expect((await a.request<Json>('GET', `${V1}/agents/${id}`)).body['id']).toBe(id);
  expect((await a.request<List>('GET', base)).body.items.map((x) => x['id'])).toEqual([id]);
  expect((await a.request<Json>('PATCH', `${base}/${id}`, { body: { description: 'Strict' } })).body['description']).toBe('Strict');

  const other = await project();
  expectError(await a.request('GET', `${V1}/projects/${String(other['name'])}/agents/${id}`), 404, 7);
  expectError(await a.request('PATCH', `${V1}/projects/${String(other['name'])}/agents/${id}`, { body: { prompt: 'x' } }), 404, 7);
  expectError(await a.request('POST', base, { body: { name: 'x', project_id: other['id'] } }), 400, 8);
  expectError(await a.request('POST', base, { body: { name: 'reviewer' } }), 409, 6);
  expectError(await a.request('GET', `${V1}/projects/no-such-project/agents`), 404, 7);
  expectError(await a.request('PATCH', `${base}/${id}`, { body: { parent_agent_id: id } }), 400, 8);
  expect((await a.request('DELETE', `${base}/${id}`)).status).toBe(204);
  expectError(await a.request('GET', `${base}/${id}`), 404, 7);
});

test('start: 201 with a new started session and the composed prompt; the inbox it used is read; then 200 idempotent', async () => {
  const a = api();
  const p = await project();
  const peer = await agent(p, { name: 'planner', description: 'Plans the work' });
  const worker = await agent(p, { name: 'worker', prompt: 'Always write tests.', repo_url: 'https://github.com/acme/web', llm_model: 'opus' });
  const base = `${V1}/projects/${String(p['name'])}/agents/${String(worker['id'])}`;
  await a.request('POST', `${base}/inbox`, { body: { body: 'Fix issue 12', from_agent_id: peer['id'] } });
  await a.request('POST', `${base}/inbox`, { body: { body: 'Also check CI', from_name: 'alice' } });

  const preview = await a.request<Json>('GET', `${base}/ignition`);
  expect(preview.status).toBe(200);
  expect(preview.body['inbox_unread_count']).toBe(2);
  expect((await a.request<List>('GET', `${base}/inbox?read=false`)).body.total).toBe(2);

  const started = await a.request<Json>('POST', `${base}/start`, { body: { prompt: 'Ship the login fix.' } });
  expect(started.status, started.text).toBe(201);
  const prompt = String(started.body['start_prompt']);
  expect(started.body['starting_prompt']).toBe(prompt);
  const order = [
    '# Agent Start: worker',
    'Always write tests.',
    '| planner | Plans the work |',
    '**From planner:** Fix issue 12',
    '**From alice:** Also check CI',
    'Ship the login fix.',
  ];
  expect(order.map((part) => prompt.indexOf(part))).toEqual(order.map((part) => prompt.indexOf(part)).sort((x, y) => x - y));
  expect(order.every((part) => prompt.includes(part))).toBe(true);
  expect(preview.body['start_prompt']).toBe(prompt.replace('## Task for this Run\n\nShip the login fix.\n\n', ''));
  const session = started.body['session'] as Json;
  expect(session).toMatchObject({ agent_id: worker['id'], phase: 'Pending', repo_url: 'https://github.com/acme/web', llm_model: 'opus', prompt });
  const log = await a.request<Json[]>('GET', `${V1}/sessions/${String(session['id'])}/messages`);
  expect(log.body.map((m) => [m['event_type'], m['payload']])).toEqual([['user', prompt]]);
  expect((await a.request<List>('GET', `${base}/inbox?read=false`)).body.total).toBe(0);
  expect((await a.request<List>('GET', `${base}/inbox?read=true`)).body.total).toBe(2);
  expect((await a.request<Json>('GET', base)).body['current_session_id']).toBe(session['id']);

  const again = await a.request<Json>('POST', `${base}/start`);
  expect(again.status).toBe(200);
  expect((again.body['session'] as Json)['id']).toBe(session['id']);

  // The session ends: current_session_id follows, and the next start makes a new session.
  await a.request('PATCH', `${V1}/sessions/${String(session['id'])}/status`, { body: { phase: 'Completed' } });
  expect((await a.request<Json>('GET', base)).body['current_session_id']).toBeUndefined();
  const next = await a.request<Json>('POST', `${base}/start`, {});
  expect(next.status).toBe(201);
  const sessions = await a.request<List>('GET', `${base}/sessions`);
  expect(sessions.body.items.map((s) => s['id'])).toEqual([(next.body['session'] as Json)['id'], session['id']]);
  expect((await a.request<List>('GET', `${base}/sessions?size=1`)).body).toMatchObject({ total: 2, items: [{ id: (next.body['session'] as Json)['id'] }] });
});

test('starts racing on one agent make exactly one session', async () => {
  const a = api();
  const p = await project();
  const worker = await agent(p);
  const base = `${V1}/projects/${String(p['id'])}/agents/${String(worker['id'])}`;
  const results = await Promise.all(Array.from({ length: 8 }, () => a.request<Json>('POST', `${base}/start`)));
  expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);
  expect(new Set(results.map((r) => (r.body['session'] as Json)['id'])).size).toBe(1);
  expect((await a.db.pool.query(`SELECT count(*)::int AS n FROM sessions WHERE agent_id = $1`, [worker['id']])).rows[0].n).toBe(1);
});

test('ignition writes nothing; bad start bodies are 400; unknown agents 404', async () => {
  const a = api();
  const p = await project();
  const worker = await agent(p);
  const base = `${V1}/projects/${String(p['name'])}/agents/${String(worker['id'])}`;
  await a.request('POST', `${base}/inbox`, { body: { body: 'hello' } });
  const before = (await a.db.pool.query(`SELECT max(seq) AS head FROM change_events`)).rows[0].head;
  expect((await a.request('GET', `${base}/ignition`)).status).toBe(200);
  expect((await a.db.pool.query(`SELECT max(seq) AS head FROM change_events`)).rows[0].head).toBe(before);
  expectError(await a.request('POST', `${base}/start`, { body: { prompt: 5 } }), 400, 17);
  expectError(await a.request('POST', `${base}/start`, { body: { other: 'x' } }), 400, 17);
  expectError(await a.request('POST', `${V1}/projects/${String(p['name'])}/agents/2ABCDEFGHIJKLMNOPQRSTUVWXYZ/start`), 404, 7);
  expect((await a.db.pool.query(`SELECT count(*)::int AS n FROM sessions WHERE agent_id = $1`, [worker['id']])).rows[0].n).toBe(0);
});

test('inbox: send, list newest first, get, mark read, delete; messages of another agent are 404', async () => {
  const a = api();
  const p = await project();
  const worker = await agent(p);
  const other = await agent(p);
  const inbox = `${V1}/projects/${String(p['name'])}/agents/${String(worker['id'])}/inbox`;
  const first = (await a.request<Json>('POST', inbox, { body: { body: 'one', from_name: 'bob' } })).body;
  const second = (await a.request<Json>('POST', inbox, { body: { body: 'two' } })).body;
  expect(first).toMatchObject({ kind: 'InboxMessage', agent_id: worker['id'], project_id: p['id'], body: 'one', read: false, from_name: 'bob' });
  expect((await a.request<List>('GET', inbox)).body.items.map((m) => m['body'])).toEqual(['two', 'one']);
  expect((await a.request<Json>('GET', `${inbox}/${String(first['id'])}`)).body['body']).toBe('one');
  expect((await a.request<Json>('PATCH', `${inbox}/${String(first['id'])}`, { body: { read: true } })).body['read']).toBe(true);
  expect((await a.request<List>('GET', `${inbox}?read=false`)).body.items.map((m) => m['id'])).toEqual([second['id']]);
  expectError(await a.request('GET', `${inbox}?read=maybe`), 400, 8);
  const otherInbox = `${V1}/projects/${String(p['name'])}/agents/${String(other['id'])}/inbox`;
  expectError(await a.request('GET', `${otherInbox}/${String(first['id'])}`), 404, 7);
  expectError(await a.request('POST', inbox, { body: { body: 'x', agent_id: other['id'] } }), 400, 8);
  expectError(await a.request('POST', inbox, { body: {} }), 400, 17);
  expect((await a.request('DELETE', `${inbox}/${String(first['id'])}`)).status).toBe(204);
  expectError(await a.request('GET', `${inbox}/${String(first['id'])}`), 404, 7);
});

test('an inbox of 10,000 messages: paged, counted; a start takes the oldest that fit and leaves the rest unread', async () => {
  const a = api();
  const p = await project();
  const worker = await agent(p);
  await a.db.pool.query(
    `INSERT INTO inbox_messages (id, project_id, agent_id, body, created_at)
     SELECT 'm' || lpad(n::text, 26, '0'), $1, $2, repeat('x', 100) || ' #' || n, now() - (10000 - n) * interval '1 ms' FROM generate_series(1, 10000) n`,
    [p['id'], worker['id']],
  );
  const base = `${V1}/projects/${String(p['name'])}/agents/${String(worker['id'])}`;
  const page = await a.request<List>('GET', `${base}/inbox?size=50&page=3`);
  expect(page.body.total).toBe(10000);
  expect(page.body.items).toHaveLength(50);
  expect((await a.request<Json>('GET', `${base}/ignition`)).body['inbox_unread_count']).toBe(10000);
  const started = await a.request<Json>('POST', `${base}/start`);
  expect(started.status, started.text.slice(0, 300)).toBe(201);
  const used = (String(started.body['start_prompt']).match(/\*\*From system:\*\*/g) ?? []).length;
  expect(used).toBeGreaterThan(100);
  expect(used).toBeLessThan(10000);
  expect(String(started.body['start_prompt'])).toContain(' #1\n');
  expect((await a.request<List>('GET', `${base}/inbox?read=false&size=1`)).body.total).toBe(10000 - used);
});

test('project home: per agent the newest session phase, unread inbox and latest assistant reply', async () => {
  const a = api();
  const p = await project();
  const idle = await agent(p, { name: 'idle' });
  const busy = await agent(p, { name: 'busy' });
  await a.request('POST', `${V1}/projects/${String(p['name'])}/agents/${String(idle['id'])}/inbox`, { body: { body: 'ping' } });
  const started = await a.request<Json>('POST', `${V1}/projects/${String(p['name'])}/agents/${String(busy['id'])}/start`);
  const sessionId = String((started.body['session'] as Json)['id']);
  await a.services.messages.push({ actor: { type: 'system', name: 'runner' }, projectScope: undefined }, sessionId, {
    event_type: 'assistant',
    payload: 'Working on it.',
  });
  const home = await a.request<Json>('GET', `${V1}/projects/${String(p['name'])}/home`);
  expect(home.status).toBe(200);
  expect(home.body).toEqual({
    project_id: p['id'],
    agents: [
      { agent_id: busy['id'], agent_name: 'busy', session_phase: 'Pending', inbox_unread_count: 0, summary: 'Working on it.' },
      { agent_id: idle['id'], agent_name: 'idle', session_phase: '', inbox_unread_count: 1, summary: '' },
    ],
  });
  expectError(await a.request('GET', `${V1}/projects/no-such-project/home`), 404, 7);
});
