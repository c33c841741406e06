import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1, expectError, useApi } from '../support/api.ts';
import { FakeRunner } from '../support/fake-runner.ts';

/** Session actions over HTTP (rest-contract §10), with a real HTTP runner standing in for the session's pod. */

let runner: FakeRunner;
beforeAll(async () => {
  runner = await FakeRunner.start();
});
afterAll(() => runner.close());

const api = useApi(() => ({ RUNNER_URL_TEMPLATE: runner.urlTemplate }));
type Json = Record<string, unknown>;

async function runningSession(): Promise<Json> {
  const a = api();
  const p = (await a.request<Json>('POST', `${V1}/projects`, { body: { name: `act-${Math.random().toString(36).slice(2, 8)}` } })).body;
  const s = (
    await a.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: p['id'], repos: '[{"url":"https://github.com/acme/web.git"}]' } })
  ).body;
  const id = s['id'] as string;
  await a.request('POST', `${V1}/sessions/${id}/start`);
  const running = await a.request<Json>('PATCH', `${V1}/sessions/${id}/status`, {
    body: { phase: 'Running', start_time: '2026-03-02T10:00:00+01:00', reconciled_repos: '[{"url":"https://github.com/acme/web.git","status":"Ready"}]' },
  });
  expect(running.body).toMatchObject({ phase: 'Running', start_time: '2026-03-02T09:00:00.000Z' });
  return running.body;
}

test('status write-back: validation, and {} is refused', async () => {
  const s = await runningSession();
  const id = s['id'] as string;
  expect(expectError(await api().request('PATCH', `${V1}/sessions/${id}/status`, { body: {} }), 400, 8)).toMatch(
    /^status patch body must set at least one field: phase, start_time/,
  );
  expect(expectError(await api().request('PATCH', `${V1}/sessions/${id}/status`, { body: { phase: 'Exploded' } }), 400, 8)).toBe(
    'invalid phase "Exploded"; must be one of: Pending, Creating, Running, Stopping, Stopped, Completed, Failed',
  );
  expectError(await api().request('PATCH', `${V1}/sessions/${id}/status`, { body: { sdk_restart_count: 'one' } }), 400, 17);
});

test('repos: add and remove through the runner while Running; 502 and nothing changed when it fails', async () => {
  const a = api();
  const s = await runningSession();
  const id = s['id'] as string;
  runner.reset();
  const added = await a.request<Json>('POST', `${V1}/sessions/${id}/repos`, { body: { url: 'https://github.com/acme/api.git' } });
  expect(added.status, added.text).toBe(200);
  expect(JSON.parse(added.body['repos'] as string)).toEqual([
    { url: 'https://github.com/acme/web.git' },
    { url: 'https://github.com/acme/api.git', branch: 'main', auto_push: false },
  ]);
  expect(runner.requests.map((r) => [r.method, r.route, r.body])).toEqual([
    ['POST', '/repos/add', { url: 'https://github.com/acme/api.git', branch: 'main', name: 'api' }],
  ]);
  expect(expectError(await a.request('POST', `${V1}/sessions/${id}/repos`, { body: { url: 'https://gitlab.com/x/api' } }), 409, 6)).toBe(
    "repository 'api' already in session",
  );

  runner.answer('POST /repos/remove', { status: 500, body: { error: 'disk full' } });
  expectError(await a.request('DELETE', `${V1}/sessions/${id}/repos/api`), 502, 30);
  expect(JSON.parse((await a.request<Json>('GET', `${V1}/sessions/${id}`)).body['repos'] as string)).toHaveLength(2);
  runner.reset();
  const removed = await a.request<Json>('DELETE', `${V1}/sessions/${id}/repos/api`);
  expect(JSON.parse(removed.body['repos'] as string)).toEqual([{ url: 'https://github.com/acme/web.git' }]);
  expect(expectError(await a.request('DELETE', `${V1}/sessions/${id}/repos/nope`), 404, 7)).toBe("repository 'nope' not found in session");
});

test('repos/status: relayed from the runner, else the reconciled repos', async () => {
  const a = api();
  const s = await runningSession();
  runner.answer('GET /repos/status', { status: 200, body: { repos: [{ name: 'web', branch: 'feature' }] } });
  expect((await a.request('GET', `${V1}/sessions/${String(s['id'])}/repos/status`)).body).toEqual({ repos: [{ name: 'web', branch: 'feature' }] });
  runner.answer('GET /repos/status', 'drop');
  expect((await a.request('GET', `${V1}/sessions/${String(s['id'])}/repos/status`)).body).toEqual({
    repos: [{ url: 'https://github.com/acme/web.git', status: 'Ready' }],
  });
  runner.reset();
});

test('clone answers 201 with Location; workflow select by coordinates creates the workflow', async () => {
  const a = api();
  const s = await runningSession();
  const id = s['id'] as string;
  const clone = await a.request<Json>('POST', `${V1}/sessions/${id}/clone`, { body: { name: 'copy' } });
  expect(clone.status).toBe(201);
  expect(clone.headers.get('location')).toBe(`${V1}/sessions/${String(clone.body['id'])}`);
  expect(clone.body).toMatchObject({ name: 'copy', parent_session_id: id, repos: s['repos'] });
  expect(clone.body['phase']).toBeUndefined();
  expectError(await a.request('POST', `${V1}/sessions/${id}/clone`, { body: { targetProject: 'x' } }), 400, 17);

  const selected = await a.request<Json>('POST', `${V1}/sessions/${id}/workflow`, {
    body: { git_url: 'https://github.com/acme/flows.git', path: 'workflows/triage' },
  });
  expect(selected.status, selected.text).toBe(200);
  const workflow = (await a.request<Json>('GET', `${V1}/workflows/${String(selected.body['workflow_id'])}`)).body;
  expect(workflow).toMatchObject({ name: 'triage', repo_url: 'https://github.com/acme/flows.git', path: 'workflows/triage' });
  expect(expectError(await a.request('POST', `${V1}/sessions/${id}/workflow`, { body: {} }), 400, 8)).toBe('exactly one of workflow_id or git_url is required');
});

test('start and stop read no body; any body is ignored', async () => {
  const a = api();
  const p = (await a.request<Json>('POST', `${V1}/projects`, { body: { name: 'bodyless' } })).body;
  const s = (await a.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: p['id'] } })).body;
  const started = await a.request<Json>('POST', `${V1}/sessions/${String(s['id'])}/start`, {
    raw: 'this is not json',
    headers: { 'Content-Type': 'text/plain' },
  });
  expect(started.body['phase']).toBe('Pending');
});

test('metrics count requests by route template', async () => {
  const a = api();
  await a.request('GET', `${V1}/projects`);
  const metrics = await a.request('GET', '/metrics', { unchecked: true });
  expect(metrics.status).toBe(200);
  expect(metrics.text).toMatch(/api_inbound_request_count\{method="GET",path="\/api\/ambient\/v1\/projects",code="200"\} \d+/);
  expect(metrics.text).toMatch(/api_inbound_request_count\{method="POST",path="\/api\/ambient\/v1\/sessions\/-\/start",code="200"\}/);
  expect(metrics.text).toMatch(/api_inbound_request_duration_bucket\{le="0\.1",method="GET",path="\/api\/ambient\/v1\/projects",code="200"\}/);
});
