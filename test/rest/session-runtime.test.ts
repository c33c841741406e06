import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { expectError, useApi, V1, type TestApi } from '../support/api.ts';
import { FakeRunner } from '../support/fake-runner.ts';
import { openStream } from '../support/sse.ts';
import { sessionIn, type Json } from '../agui/support.ts';

/**
 * What a running session's runner offers, over HTTP (runtime.md §d rows 1–4, 6–13, head-contract
 * H2 `/events`), against the fake runner: relayed answers, fallbacks, the spec's statuses for a
 * runner that is down, slow, failing or talking nonsense, hostile paths refused before anything
 * reaches the runner, and who may read and write.
 */

let runner: FakeRunner;
beforeAll(async () => {
  runner = await FakeRunner.start();
});
afterAll(() => runner.close());
beforeEach(() => runner.reset());
const world = useApi(() => ({ RUNNER_URL_TEMPLATE: runner.urlTemplate }));
const api = (): TestApi => world();
const at = (id: string, rest: string) => `${V1}/sessions/${id}/${rest}`;
/** The runner calls of one route (the between-run stream aside). */
const calls = (route: string) => runner.requests.filter((r) => r.route === route);

async function key(projectId: string, role: string): Promise<Record<string, string>> {
  const res = await api().request<Json>('POST', `${V1}/project_keys`, { body: { project_id: projectId, name: `${role}-key`, role } });
  expect(res.status, res.text).toBe(201);
  return { Authorization: `Bearer ${res.body['key'] as string}` };
}

/** A request sent with its path exactly as given (fetch would normalise `..` and `%2e%2e` away). */
function rawRequest(method: string, path: string, body?: string): Promise<{ status: number; body: Json }> {
  return new Promise((resolve, reject) => {
    const url = new URL(api().url);
    const req = httpRequest({ host: url.hostname, port: url.port, method, path }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Json) : {} }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('workspace: list, read, write (text as utf8, binary and non-UTF-8 as base64), delete', async () => {
  const s = await sessionIn(api());
  const files = runner.session(s.kubeCrName).files;
  files.set('README.md', Buffer.from('# hello\n'));
  files.set('src/a.ts', Buffer.from('export {};\n'));

  const root = await api().request<Json>('GET', at(s.id, 'workspace'));
  expect(root.status).toBe(200);
  expect(root.body['items']).toEqual([
    { name: 'README.md', path: '/README.md', isDir: false, size: 8, modifiedAt: expect.any(String) },
    { name: 'src', path: '/src', isDir: true, size: 4096, modifiedAt: expect.any(String) },
  ]);
  expect((await api().request<Json>('GET', `${at(s.id, 'workspace')}?path=src`)).body['items']).toMatchObject([{ name: 'a.ts', path: '/src/a.ts' }]);
  expect(calls('/content/list').map((r) => r.query)).toEqual([{ path: '' }, { path: 'src' }]);

  const read = await fetch(`${api().url}${at(s.id, 'workspace/src/a.ts')}`);
  expect([read.status, read.headers.get('content-type'), await read.text()]).toEqual([200, 'application/octet-stream', 'export {};\n']);
  expectError(await api().request('GET', at(s.id, 'workspace/missing.txt')), 404, 7);

  const text = await api().request<Json>('PUT', at(s.id, 'workspace/notes/today.md'), { raw: 'ünïcode ✓', headers: { 'Content-Type': 'text/markdown' } });
  expect([text.status, text.body]).toEqual([200, { message: 'ok' }]);
  expect(calls('/content/write').at(-1)!.body).toEqual({ path: 'notes/today.md', content: 'ünïcode ✓', encoding: 'utf8' });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 255]);
  expect((await api().request('PUT', at(s.id, 'workspace/img/logo.png'), { raw: png, headers: { 'Content-Type': 'image/png' } })).status).toBe(200);
  expect(calls('/content/write').at(-1)!.body).toEqual({ path: 'img/logo.png', encoding: 'base64', content: png.toString('base64') });
  const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9]); // "café" in Latin-1: not UTF-8
  expect((await api().request('PUT', at(s.id, 'workspace/old.txt'), { raw: latin1, headers: { 'Content-Type': 'text/plain' } })).status).toBe(200);
  expect(files.get('img/logo.png')).toEqual(png);
  expect(files.get('old.txt')).toEqual(latin1);
  expect(files.get('notes/today.md')!.toString()).toBe('ünïcode ✓');

  const deleted = await api().request<Json>('DELETE', at(s.id, 'workspace/old.txt'));
  expect([deleted.status, deleted.body]).toEqual([200, { message: 'File deleted successfully' }]);
  expect(calls('/content/delete').at(-1)).toMatchObject({ method: 'DELETE', body: { path: 'old.txt' } });
  expect(files.has('old.txt')).toBe(false);
  expect(expectError(await api().request('DELETE', at(s.id, 'workspace/old.txt')), 404, 7)).toBe('session runner refused: file not found');
});

test('workspace of a session that is not running: empty listing, 503 to read, 409 to write or delete, no runner call', async () => {
  const s = await sessionIn(api(), 'Pending');
  expect((await api().request<Json>('GET', at(s.id, 'workspace'))).body).toEqual({ items: [] });
  expectError(await api().request('GET', at(s.id, 'workspace/a.txt')), 503, 31);
  expect(expectError(await api().request('PUT', at(s.id, 'workspace/a.txt'), { raw: 'x' }), 409, 6)).toBe(
    'Session is not running. Start the session to upload files.',
  );
  expectError(await api().request('DELETE', at(s.id, 'workspace/a.txt')), 409, 6);
  expect(runner.requests).toEqual([]);
});

test('hostile paths are 400 code 8 and never reach the runner', async () => {
  const s = await sessionIn(api());
  const file = (p: string) => `${at(s.id, 'workspace')}/${p}`;
  const hostile = ['..%2fetc%2fpasswd', 'a/..%2f..%2fx', '%252e%252e/x', '%2fetc%2fpasswd', 'a%00b', 'a%5cb', 'C:%5cwin'];
  for (const path of hostile) {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await rawRequest(method, file(path), method === 'PUT' ? 'x' : undefined);
      expect([path, method, res.status, res.body['code']]).toEqual([path, method, 400, 'ambient-api-server-8']);
    }
  }
  for (const query of ['..', '../x', '/etc', 'a/%2e%2e/b', 'a%00', '%252e%252e']) {
    for (const route of ['workspace', 'git/status', 'git/branches']) {
      const res = await rawRequest('GET', `${at(s.id, route)}?path=${query}`);
      expect([route, query, res.status]).toEqual([route, query, 400]);
    }
  }
  for (const body of [
    { path: '../x', remote_url: 'https://github.com/a/b.git' },
    { path: 'x', remote_url: 'file:///etc' },
    { path: 'x', remote_url: 'https://h/x', branch: '--upload-pack=x' },
  ]) {
    expectError(await api().request('POST', at(s.id, 'git/configure-remote'), { body }), 400, 8);
  }
  expectError(await api().request('GET', at(s.id, 'agui/tasks/..%2f..%2fx/output')), 400, 8);
  expect(runner.requests).toEqual([]);
});

test('runner down, slow, failing or talking nonsense: the spec’s fallbacks and statuses', async () => {
  const s = await sessionIn(api());
  runner.answer('GET /content/list', 'drop');
  expect((await api().request<Json>('GET', at(s.id, 'workspace'))).body).toEqual({ items: [] });
  runner.answer('GET /content/file', 'drop');
  expect(expectError(await api().request('GET', at(s.id, 'workspace/a.txt')), 503, 31)).toMatch(/^session runner did not answer: it could not be reached/);
  runner.answer('GET /content/file', { status: 500, body: { detail: 'read failed' } });
  expectError(await api().request('GET', at(s.id, 'workspace/a.txt')), 503, 31);
  runner.answer('GET /content/git-status', 'drop');
  expectError(await api().request('GET', `${at(s.id, 'git/status')}?path=repo`), 503, 31);
  runner.answer('GET /content/git-status', { status: 200, text: '{"initialized": tru' });
  expect(expectError(await api().request('GET', `${at(s.id, 'git/status')}?path=repo`), 502, 30)).toBe(
    'session runner answer unusable: it answered something that is not JSON',
  );
  runner.answer('POST /content/write', { status: 500, body: { detail: 'failed to write file' } });
  expect(expectError(await api().request('PUT', at(s.id, 'workspace/a.txt'), { raw: 'x' }), 502, 30)).toBe('session runner refused: failed to write file');
  runner.answer('GET /mcp/status', { status: 200, text: 'not json' });
  expect((await api().request<Json>('GET', at(s.id, 'mcp/status'))).body).toEqual({ servers: [], totalCount: 0 });
  runner.answer('GET /capabilities', { status: 503, body: { detail: 'Context not initialized' } });
  expect((await api().request<Json>('GET', at(s.id, 'agui/capabilities'))).body).toEqual({ framework: 'unknown' });
  runner.answer('GET /content/workflow-metadata', 'drop');
  expect((await api().request<Json>('GET', at(s.id, 'workflow/metadata'))).body).toEqual({ commands: [], agents: [] });
  runner.answer('GET /tasks', 'drop');
  expect((await api().request('GET', at(s.id, 'agui/tasks'))).body).toEqual([]);
  runner.answer('GET /tasks', { status: 500, body: { detail: 'boom' } });
  expectError(await api().request('GET', at(s.id, 'agui/tasks')), 502, 30);
  runner.answer('GET /tasks', { status: 200, text: JSON.stringify({ tasks: ['x'.repeat(1024 * 1024)] }) });
  expect(expectError(await api().request('GET', at(s.id, 'agui/tasks')), 502, 30)).toMatch(/larger than 1048576 bytes/);
  // A hanging runner: the listing's 4 s timeout gives the fallback.
  runner.answer('GET /content/list', 'hang');
  const started = Date.now();
  expect((await api().request<Json>('GET', at(s.id, 'workspace'))).body).toEqual({ items: [] });
  expect(Date.now() - started).toBeGreaterThanOrEqual(3900);
});

test('a runner that refuses our session token: fallbacks stay, other calls are 502 code 30', async () => {
  const s = await sessionIn(api());
  runner.token = 'only-the-operator-knows';
  try {
    expect((await api().request<Json>('GET', at(s.id, 'workspace'))).body).toEqual({ items: [] });
    expect(expectError(await api().request('PUT', at(s.id, 'workspace/a.txt'), { raw: 'x' }), 502, 30)).toBe('session runner refused: Unauthorized');
    expect(runner.session(s.kubeCrName).files.size).toBe(0);
  } finally {
    runner.token = undefined;
  }
});

test('repository names are checked before the runner is called (add and remove)', async () => {
  const s = await sessionIn(api());
  for (const url of ['git@github.com:acme/..', 'https://github.com/acme/we%20b.git', 'git@github.com:acme/a;rm']) {
    expectError(await api().request('POST', at(s.id, 'repos'), { body: { url } }), 400, 8);
  }
  for (const name of ['..%2f..%2fx', '..%5c..', 'a%00']) expectError(await api().request('DELETE', at(s.id, `repos/${name}`)), 400, 8);
  expect(calls('/repos/add')).toEqual([]);
  expect(calls('/repos/remove')).toEqual([]);
});

test('git status, configure-remote and branches are relayed; path rules', async () => {
  const s = await sessionIn(api());
  const state = runner.session(s.kubeCrName);
  state.git.set('repos/web', { branch: 'feature', remoteUrl: 'https://github.com/acme/web.git', branches: ['main', 'feature'], uncommitted: 2 });
  state.git.set('artifacts', { branch: 'main', remoteUrl: '', branches: ['main'], uncommitted: 0 });
  expect(expectError(await api().request('GET', at(s.id, 'git/status')), 400, 8)).toBe('path is required');
  const status = await api().request<Json>('GET', `${at(s.id, 'git/status')}?path=repos/web`);
  expect(status.body).toMatchObject({ initialized: true, hasChanges: true, branch: 'feature', uncommittedFiles: 2 });
  const configured = await api().request<Json>('POST', at(s.id, 'git/configure-remote'), {
    body: { path: 'repos/web', remote_url: 'https://github.com/me/web.git' },
  });
  expect([configured.status, configured.body]).toEqual([200, { message: 'remote configured', remote: 'https://github.com/me/web.git', branch: 'main' }]);
  expect(calls('/content/git-configure-remote').at(-1)!.body).toEqual({ path: 'repos/web', remoteUrl: 'https://github.com/me/web.git', branch: 'main' });
  expectError(await api().request('POST', at(s.id, 'git/configure-remote'), { body: { path: 'nowhere', remote_url: 'https://h/x.git' } }), 400, 8);
  expectError(await api().request('POST', at(s.id, 'git/configure-remote'), { body: { path: 'x', remote_url: 'https://h/x.git', extra: 1 } }), 400, 17);
  expect((await api().request<Json>('GET', at(s.id, 'git/branches'))).body).toEqual({ branches: ['main'] });
  expect(calls('/content/git-list-branches').at(-1)!.query).toEqual({ path: 'artifacts' });
  expect((await api().request<Json>('GET', `${at(s.id, 'git/branches')}?path=repos/web`)).body).toEqual({ branches: ['main', 'feature'] });
});

test('workflow metadata, MCP status, capabilities and tasks are relayed; fallbacks when not running', async () => {
  const s = await sessionIn(api());
  const state = runner.session(s.kubeCrName);
  state.workflow = { gitUrl: 'https://github.com/acme/flows.git', branch: 'main', path: 'review' };
  state.commands = [{ id: 'review', name: 'Review', slashCommand: '/review' }];
  state.mcpServers = [{ name: 'jira', status: 'connected' }];
  state.tasks.set('t1', { task_id: 't1', status: 'running', output: [{ line: 1 }] });
  const metadata = await api().request<Json>('GET', at(s.id, 'workflow/metadata'));
  expect(metadata.body).toMatchObject({ commands: [{ id: 'review', slashCommand: '/review' }], agents: [] });
  expect(calls('/content/workflow-metadata').at(-1)!.query).toEqual({ session: s.kubeCrName });
  expect((await api().request<Json>('GET', at(s.id, 'mcp/status'))).body).toEqual({ servers: [{ name: 'jira', status: 'connected' }], totalCount: 1 });
  expect((await api().request<Json>('GET', at(s.id, 'agui/capabilities'))).body).toMatchObject({ framework: 'claude-agent-sdk', session_id: s.kubeCrName });
  expect((await api().request<Json>('GET', at(s.id, 'agui/tasks'))).body).toEqual({ tasks: [{ task_id: 't1', status: 'running' }] });
  expect((await api().request<Json>('GET', at(s.id, 'agui/tasks/t1/output'))).body).toEqual({ task_id: 't1', output: [{ line: 1 }] });
  expectError(await api().request('GET', at(s.id, 'agui/tasks/t9/output')), 404, 7);
  expect((await api().request<Json>('POST', at(s.id, 'agui/tasks/t1/stop'))).body).toEqual({ message: 'stop signal sent' });
  expect((await api().request<Json>('POST', at(s.id, 'agui/tasks/t1/stop'))).body).toEqual({ message: 'Task already stopped' });

  const idle = await sessionIn(api(), 'Stopped');
  expect((await api().request<Json>('GET', at(idle.id, 'workflow/metadata'))).body).toEqual({ commands: [], agents: [] });
  expect((await api().request<Json>('GET', at(idle.id, 'mcp/status'))).body).toEqual({ servers: [], totalCount: 0 });
  expect((await api().request<Json>('GET', at(idle.id, 'agui/capabilities'))).body).toEqual({ framework: 'unknown' });
  expect((await api().request('GET', at(idle.id, 'agui/tasks'))).body).toEqual([]);
  expectError(await api().request('GET', at(idle.id, 'agui/tasks/t1/output')), 502, 30);
  expectError(await api().request('POST', at(idle.id, 'agui/tasks/t1/stop')), 502, 30);
  expectError(await api().request('GET', `${at(idle.id, 'git/status')}?path=x`), 503, 31);
  expect(runner.requests.filter((r) => r.session === idle.kubeCrName)).toEqual([]);
});

test('model: stored, then the running runner switches; its refusal restores the previous model (502)', async () => {
  const s = await sessionIn(api());
  const switched = await api().request<Json>('POST', at(s.id, 'model'), { body: { model: 'claude-opus-4' } });
  expect([switched.status, switched.body['llm_model']]).toEqual([200, 'claude-opus-4']);
  expect(calls('/model').at(-1)!.body).toEqual({ model: 'claude-opus-4' });
  expect(runner.session(s.kubeCrName).model).toBe('claude-opus-4');
  runner.answer('POST /model', { status: 422, body: { detail: 'Cannot switch model while agent is generating a response.' } });
  expect(expectError(await api().request('POST', at(s.id, 'model'), { body: { model: 'claude-haiku' } }), 502, 30)).toMatch(
    /switch the model to 'claude-haiku'/,
  );
  expect((await api().request<Json>('GET', `${V1}/sessions/${s.id}`)).body['llm_model']).toBe('claude-opus-4');
  runner.answer('POST /model', 'drop');
  expectError(await api().request('POST', at(s.id, 'model'), { body: { model: 'claude-haiku' } }), 502, 30);
  expect((await api().request<Json>('GET', `${V1}/sessions/${s.id}`)).body['llm_model']).toBe('claude-opus-4');
});

test('events (H2): the runner’s between-run stream, raw; 502 when no runner answers', async () => {
  const s = await sessionIn(api());
  const stream = await openStream(`${api().url}${at(s.id, 'events')}`);
  expect(stream.status).toBe(200);
  await expect.poll(() => runner.openEventStreams(s.kubeCrName)).toBeGreaterThanOrEqual(2); // the listener's and ours
  runner.emitBetweenRuns(s.kubeCrName, { event: { type: 'CUSTOM', name: 'ambient:model_switched', value: { newModel: 'x' } } });
  expect((await stream.nextData()).data).toEqual({ type: 'CUSTOM', name: 'ambient:model_switched', value: { newModel: 'x' } });
  stream.close();
  await expect.poll(() => runner.openEventStreams(s.kubeCrName)).toBe(1);

  const idle = await sessionIn(api(), 'Pending');
  expectError(await api().request('GET', at(idle.id, 'events')), 502, 30);
  runner.refuseEventStreams = 503;
  try {
    expectError(await api().request('GET', at(s.id, 'events')), 502, 30);
  } finally {
    runner.refuseEventStreams = undefined;
  }
});

test('authorization: view reads, edit writes, strangers see nothing; project keys are never forwarded', async () => {
  const s = await sessionIn(api());
  const elsewhere = await sessionIn(api());
  const viewer = await key(s.projectId, 'view');
  const editor = await key(s.projectId, 'edit');
  const stranger = await key(elsewhere.projectId, 'admin');
  runner.session(s.kubeCrName).files.set('a.txt', Buffer.from('a'));
  runner.session(s.kubeCrName).git.set('artifacts', { branch: 'main', remoteUrl: '', branches: [], uncommitted: 0 });
  for (const path of ['workspace', 'workspace/a.txt', 'workflow/metadata', 'mcp/status', 'agui/capabilities', 'agui/tasks', 'git/branches']) {
    expect([path, (await api().request('GET', at(s.id, path), { headers: viewer })).status]).toEqual([path, 200]);
    expectError(await api().request('GET', at(s.id, path), { headers: stranger }), 404, 7);
  }
  for (const [method, path] of [
    ['PUT', 'workspace/b.txt'],
    ['DELETE', 'workspace/a.txt'],
    ['POST', 'agui/tasks/t1/stop'],
  ] as const) {
    expectError(await api().request(method, at(s.id, path), { headers: viewer, raw: 'x' }), 403, 11);
    expectError(await api().request(method, at(s.id, path), { headers: stranger, raw: 'x' }), 404, 7);
  }
  expectError(
    await api().request('POST', at(s.id, 'git/configure-remote'), { headers: viewer, body: { path: 'artifacts', remote_url: 'https://h/x.git' } }),
    403,
    11,
  );
  expect((await api().request('PUT', at(s.id, 'workspace/b.txt'), { headers: editor, raw: 'b' })).status).toBe(200);
  expect(runner.requests.every((r) => r.headers['authorization'] === undefined)).toBe(true);
  expect(runner.session(s.kubeCrName).files.has('a.txt')).toBe(true);
});
