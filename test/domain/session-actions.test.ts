import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { UserActor } from '../../src/auth/actor.ts';
import { SessionActions } from '../../src/domain/session-actions.ts';
import type { Row } from '../../src/domain/wire.ts';
import { Permission, Session, Workflow } from '../../src/kinds/index.ts';
import { SESSION_PHASES } from '../../src/kinds/session.ts';
import { RunnerClient, type RunnerTimeouts } from '../../src/runner/client.ts';
import { eventsOf, failure, useDomain } from '../support/domain.ts';
import { FakeRunner } from '../support/fake-runner.ts';
import { as, platformAdmin, seedProject, seedUser, unique, userActor } from '../support/fixtures.ts';

/**
 * The session lifecycle and actions (rest-contract §10) on a real database, with the session's
 * runner played by a real HTTP server on 127.0.0.1.
 */

const { db, domain } = useDomain();
const admin = as(platformAdmin);

let runner: FakeRunner;
/** Warnings and errors the runner client logged. */
const logged: { msg: string; problem?: string }[] = [];
const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line) as { msg: string }) });

function clientFor(urlTemplate: string, timeoutMs = 5_000): RunnerClient {
  const timeouts: RunnerTimeouts = { addRepo: timeoutMs, removeRepo: timeoutMs, reposStatus: timeoutMs, selectWorkflow: timeoutMs, setModel: timeoutMs };
  return new RunnerClient({ urlTemplate, log, timeouts, sessionToken: async (s) => `token-${String(s['kube_cr_name'])}` });
}

/** Actions whose runner is the fake one. */
let actions: SessionActions;
let project: Row;
let editor: UserActor;
let viewer: UserActor;
let outsider: UserActor;

beforeAll(async () => {
  runner = await FakeRunner.start();
  actions = new SessionActions(domain(), clientFor(runner.urlTemplate));
  const d = domain();
  project = await seedProject(d);
  editor = userActor(await seedUser(d));
  viewer = userActor(await seedUser(d));
  outsider = userActor(await seedUser(d));
  await d.create(admin, Permission, { project_id: project.id, subject_type: 'user', subject_name: editor.username, role: 'edit' });
  await d.create(admin, Permission, { project_id: project.id, subject_type: 'user', subject_name: viewer.username, role: 'view' });
});
afterAll(() => runner.close());
beforeEach(() => {
  runner.reset();
  logged.length = 0;
});

/** A new session of the shared project, put into `phase` ('' leaves it never started). */
async function sessionIn(phase: string, body: Record<string, unknown> = {}): Promise<Row> {
  const session = await domain().create(admin, Session, { project_id: project.id, name: unique('s'), ...body });
  return phase === '' ? session : actions.updateStatus(admin, session.id, { phase });
}

const current = (id: string) => domain().get(admin, Session, id);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every phase a session can be in; '' is a never-started session. */
const PHASES = ['', ...SESSION_PHASES];
const STARTABLE = ['', 'Stopped', 'Failed', 'Completed'];
const STOPPABLE = ['Pending', 'Creating', 'Running'];

describe('start', () => {
  test.each(STARTABLE)('from phase "%s": Pending, completion_time cleared, one event', async (phase) => {
    const s = await sessionIn(phase);
    if (phase !== '') await actions.updateStatus(admin, s.id, { completion_time: '2024-05-01T10:00:00Z', start_time: '2024-05-01T09:00:00Z' });
    const before = (await eventsOf(db(), s.id)).length;
    const started = await actions.start(as(editor), s.id);
    expect(started).toMatchObject({ id: s.id, phase: 'Pending', completion_time: null, interactive: true });
    if (phase !== '') expect((started['start_time'] as Date).toISOString()).toBe('2024-05-01T09:00:00.000Z');
    const events = await eventsOf(db(), s.id);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)).toMatchObject({ type: 'MODIFIED', object: { phase: 'Pending' } });
  });

  test.each(PHASES.filter((p) => !STARTABLE.includes(p)))('refused in phase %s (409, nothing written)', async (phase) => {
    const s = await sessionIn(phase);
    const error = await failure(actions.start(as(editor), s.id));
    expect([error.code, error.reason]).toEqual([6, `cannot start session in phase "${phase}"; must be empty, Stopped, Failed, or Completed`]);
    expect((await current(s.id))['phase']).toBe(phase);
  });

  test('keeps interactive as it was', async () => {
    const s = await sessionIn('', { interactive: false });
    expect((await actions.start(as(editor), s.id))['interactive']).toBe(false);
  });
});

describe('stop', () => {
  test.each(STOPPABLE)('from phase %s: Stopping', async (phase) => {
    const s = await sessionIn(phase);
    expect(await actions.stop(as(editor), s.id)).toMatchObject({ phase: 'Stopping' });
    expect((await eventsOf(db(), s.id)).at(-1)).toMatchObject({ type: 'MODIFIED', object: { phase: 'Stopping' } });
  });

  test.each(PHASES.filter((p) => !STOPPABLE.includes(p)))('refused in phase "%s" (409)', async (phase) => {
    const s = await sessionIn(phase);
    const error = await failure(actions.stop(as(editor), s.id));
    expect([error.code, error.reason]).toEqual([6, `cannot stop session in phase "${phase}"; must be Running, Creating, or Pending`]);
  });
});

describe('who may act', () => {
  test('start and stop: a viewer gets 403, an outsider 404, an unknown id 404', async () => {
    const s = await sessionIn('');
    expect((await failure(actions.start(as(viewer), s.id))).code).toBe(11);
    expect((await failure(actions.stop(as(viewer), s.id))).code).toBe(11);
    expect((await failure(actions.start(as(outsider), s.id))).code).toBe(7);
    const unknown = await failure(actions.start(admin, 'nope'));
    expect([unknown.code, unknown.reason]).toEqual([7, "Session with id='nope' not found"]);
    expect((await current(s.id))['phase']).toBeNull();
  });

  test('another project in scope hides the session', async () => {
    const s = await sessionIn('');
    const other = await seedProject(domain());
    expect((await failure(actions.start(as(platformAdmin, other.id), s.id))).code).toBe(7);
  });

  test('the status patch needs admin: editors and viewers get 403', async () => {
    const s = await sessionIn('');
    expect((await failure(actions.updateStatus(as(editor), s.id, { phase: 'Running' }))).code).toBe(11);
    expect((await failure(actions.updateStatus(as(viewer), s.id, { phase: 'Running' }))).code).toBe(11);
    expect((await failure(actions.updateStatus(as(outsider), s.id, { phase: 'Running' }))).code).toBe(7);
  });
});

describe('PATCH status', () => {
  const everything = {
    phase: 'Running',
    start_time: '2024-05-01T10:00:00Z',
    completion_time: '2024-05-01T11:00:00.5+02:00',
    sdk_session_id: 'sdk-1',
    sdk_restart_count: 3,
    conditions: '[{"type":"Ready","status":"True","reason":"Up"}]',
    reconciled_repos: '[{"url":"https://github.com/acme/web","name":"web","status":"Ready"}]',
    reconciled_workflow: '{"git_url":"https://github.com/acme/flows","status":"Active"}',
    kube_cr_uid: 'uid-1',
    kube_namespace: 'elsewhere',
  };

  test('writes every accepted key', async () => {
    const s = await sessionIn('');
    const row = await actions.updateStatus(admin, s.id, everything);
    expect(row).toMatchObject({ phase: 'Running', sdk_session_id: 'sdk-1', sdk_restart_count: 3, kube_cr_uid: 'uid-1', kube_namespace: 'elsewhere' });
    expect((row['start_time'] as Date).toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect((row['completion_time'] as Date).toISOString()).toBe('2024-05-01T09:00:00.500Z');
    for (const key of ['conditions', 'reconciled_repos', 'reconciled_workflow'] as const) {
      expect(JSON.parse(row[key] as string)).toEqual(JSON.parse(everything[key]));
    }
  });

  test('ignores other keys, kube_cr_name included; data fields never change', async () => {
    const s = await sessionIn('');
    const row = await actions.updateStatus(admin, s.id, { phase: 'Failed', name: 'renamed', kube_cr_name: 'hijack', prompt: 'x', id: 'other' });
    expect(row).toMatchObject({ id: s.id, phase: 'Failed', name: s['name'], kube_cr_name: s['kube_cr_name'], prompt: null });
  });

  test.each([[{}], [{ name: 'x', kube_cr_name: 'y' }]])('a body without an accepted key is 400 code 8: %j', async (body) => {
    const s = await sessionIn('');
    const error = await failure(actions.updateStatus(admin, s.id, body));
    expect([error.code, error.reason]).toEqual([
      8,
      'status patch body must set at least one field: phase, start_time, completion_time, sdk_session_id, sdk_restart_count, conditions, reconciled_repos, reconciled_workflow, kube_cr_uid, kube_namespace',
    ]);
  });

  test.each([
    [{ phase: 'Paused' }, 8, 'invalid phase "Paused"; must be one of: Pending, Creating, Running, Stopping, Stopped, Completed, Failed'],
    [{ phase: 'running' }, 8, 'invalid phase "running"; must be one of: Pending, Creating, Running, Stopping, Stopped, Completed, Failed'],
    [{ phase: '' }, 8, 'invalid phase ""; must be one of: Pending, Creating, Running, Stopping, Stopped, Completed, Failed'],
    [{ phase: 3 }, 17, 'Invalid request format: phase must be a string'],
    [{ sdk_restart_count: -1 }, 8, 'sdk_restart_count must be between 0 and 2147483647'],
    [{ sdk_restart_count: '2' }, 17, 'Invalid request format: sdk_restart_count must be an integer'],
    [{ start_time: 'yesterday' }, 8, 'start_time must be an RFC 3339 date-time'],
    [{ sdk_session_id: '' }, 8, 'sdk_session_id must be between 1 and 255 characters'],
    [{ kube_namespace: 'n'.repeat(64) }, 8, 'kube_namespace must be between 1 and 63 characters'],
    [{ conditions: '[{"type":"Ready","status":"Yes"}]' }, 8, 'conditions: item 0: status must be one of: True, False, Unknown'],
    [{ conditions: '{' }, 8, 'conditions: not valid JSON'],
    [{ reconciled_workflow: [] }, 17, 'Invalid request format: reconciled_workflow must be a string containing JSON'],
  ])('%j is refused with code %i', async (body, code, reason) => {
    const s = await sessionIn('Running');
    const error = await failure(actions.updateStatus(admin, s.id, body));
    expect([error.code, error.reason]).toEqual([code, reason]);
    expect((await current(s.id))['phase']).toBe('Running');
  });

  test('a malformed body is refused before the session is looked up', async () => {
    expect((await failure(actions.updateStatus(admin, 'unknown', { phase: 'Nope' }))).code).toBe(8);
    expect((await failure(actions.updateStatus(admin, 'unknown', { phase: 'Running' }))).code).toBe(7);
  });

  test('null clears; sdk_restart_count returns to 0', async () => {
    const s = await sessionIn('');
    await actions.updateStatus(admin, s.id, everything);
    const cleared = await actions.updateStatus(admin, s.id, Object.fromEntries(Object.keys(everything).map((k) => [k, null])));
    expect(cleared).toMatchObject({
      phase: null,
      start_time: null,
      completion_time: null,
      sdk_session_id: null,
      sdk_restart_count: 0,
      conditions: null,
      reconciled_repos: null,
      reconciled_workflow: null,
      kube_cr_uid: null,
      kube_namespace: null,
    });
  });

  test('any phase may follow any phase', async () => {
    const s = await sessionIn('');
    for (const phase of ['Completed', 'Pending', 'Failed', 'Running', 'Stopped', 'Creating', 'Stopping']) {
      expect((await actions.updateStatus(admin, s.id, { phase }))['phase']).toBe(phase);
    }
  });

  test('change events only on change; a no-op keeps updated_at', async () => {
    const s = await sessionIn('');
    const first = await actions.updateStatus(admin, s.id, { phase: 'Running', sdk_restart_count: 1, start_time: '2024-05-01T10:00:00Z' });
    const count = (await eventsOf(db(), s.id)).length;
    const again = await actions.updateStatus(admin, s.id, { phase: 'Running', sdk_restart_count: 1, start_time: '2024-05-01T12:00:00+02:00' });
    expect((again['updated_at'] as Date).getTime()).toBe((first['updated_at'] as Date).getTime());
    expect((await eventsOf(db(), s.id)).length).toBe(count);
    await actions.updateStatus(admin, s.id, { sdk_restart_count: 2 });
    const events = await eventsOf(db(), s.id);
    expect(events.length).toBe(count + 1);
    expect(events.at(-1)).toMatchObject({ type: 'MODIFIED', object: { sdk_restart_count: 2, phase: 'Running' } });
  });
});

describe('clone', () => {
  const settings = {
    prompt: 'fix the login bug',
    repo_url: 'https://github.com/acme/legacy',
    repos: '[{"url":"https://github.com/acme/web","branch":"dev","auto_push":true}]',
    interactive: false,
    timeout: 900,
    llm_model: 'opus',
    llm_temperature: 0,
    llm_max_tokens: 8000,
    bot_account_name: 'bot',
    resource_overrides: '{"cpu":"2"}',
    environment_variables: '{"A":"1"}',
    labels: '{"team":"x"}',
    annotations: '{"note":"y"}',
  };

  async function richSource(): Promise<{ source: Row; workflow: Row }> {
    const d = domain();
    const workflow = await d.create(admin, Workflow, { project_id: project.id, name: unique('w') });
    const assignee = await seedUser(d);
    const source = await d.create(admin, Session, {
      project_id: project.id,
      name: unique('source'),
      ...settings,
      workflow_id: workflow.id,
      assigned_user_id: assignee.id,
    });
    await actions.updateStatus(admin, source.id, {
      phase: 'Running',
      sdk_session_id: 'sdk',
      sdk_restart_count: 2,
      start_time: '2024-05-01T10:00:00Z',
      kube_cr_uid: 'uid',
    });
    return { source: await current(source.id), workflow };
  }

  test('copies the settings and the workflow, records the parent, starts with no status', async () => {
    const { source, workflow } = await richSource();
    const copy = await actions.clone(as(editor), source.id, {});
    expect(copy.id).not.toBe(source.id);
    for (const field of Object.keys(settings)) expect([field, copy[field]]).toEqual([field, source[field]]);
    expect(copy).toMatchObject({
      name: source['name'],
      project_id: project.id,
      workflow_id: workflow.id,
      assigned_user_id: null,
      parent_session_id: source.id,
      created_by_user_id: editor.userId,
      kube_cr_name: `session-${copy.id.toLowerCase()}`,
      kube_namespace: project['name'],
      phase: null,
      start_time: null,
      sdk_session_id: null,
      sdk_restart_count: 0,
      kube_cr_uid: null,
    });
    expect((await eventsOf(db(), copy.id)).map((e) => e.type)).toEqual(['ADDED']);
  });

  test('into another project (by name) with a new name: the workflow is left out', async () => {
    const { source } = await richSource();
    const target = await seedProject(domain());
    await domain().create(admin, Permission, { project_id: target.id, subject_type: 'user', subject_name: editor.username, role: 'edit' });
    const copy = await actions.clone(as(editor), source.id, { project_id: target['name'], name: 'copy' });
    expect(copy).toMatchObject({ name: 'copy', project_id: target.id, workflow_id: null, kube_namespace: target['name'], parent_session_id: source.id });
  });

  test('a deleted workflow is left out', async () => {
    const { source, workflow } = await richSource();
    await domain().delete(admin, Workflow, workflow.id);
    expect((await actions.clone(admin, source.id, {}))['workflow_id']).toBeNull();
  });

  test('a minimal source: defaults stay defaults, absent stays absent', async () => {
    const source = await sessionIn('');
    const copy = await actions.clone(admin, source.id, { project_id: null, name: null });
    expect(copy).toMatchObject({
      name: source['name'],
      prompt: null,
      repos: null,
      interactive: true,
      timeout: 300,
      llm_model: 'sonnet',
      llm_temperature: 0.7,
      workflow_id: null,
    });
  });

  test('view on the source and edit on the target', async () => {
    const source = await sessionIn('');
    // A viewer cannot create in the source's project…
    expect((await failure(actions.clone(as(viewer), source.id, {}))).code).toBe(11);
    // …but may clone into a project where it can edit.
    const target = await seedProject(domain());
    await domain().create(admin, Permission, { project_id: target.id, subject_type: 'user', subject_name: viewer.username, role: 'edit' });
    expect((await actions.clone(as(viewer), source.id, { project_id: target.id }))['project_id']).toBe(target.id);
    // A source the caller cannot see is not found; a target it cannot see is an unknown project.
    expect((await failure(actions.clone(as(outsider), source.id, {}))).code).toBe(7);
    const hidden = await seedProject(domain());
    const error = await failure(actions.clone(as(editor), source.id, { project_id: hidden.id }));
    expect([error.code, error.reason]).toEqual([8, `project '${hidden.id}' not found`]);
  });

  test.each([
    [{ targetProject: 'x' }, 17, 'Invalid request format: unknown field "targetProject"'],
    [{ name: 'n', newSessionName: 'x' }, 17, 'Invalid request format: unknown field "newSessionName"'],
    [{ name: 5 }, 17, 'Invalid request format: name must be a string'],
    [{ project_id: true }, 17, 'Invalid request format: project_id must be a string'],
    [{ name: '' }, 8, 'name must be between 1 and 255 characters'],
  ])('%j is refused with code %i, before the source is looked up', async (body, code, reason) => {
    const error = await failure(actions.clone(admin, 'unknown', body));
    expect([error.code, error.reason]).toEqual([code, reason]);
  });
});

describe('repos add and remove, not running', () => {
  test('appends {url, branch, auto_push} with defaults; the runner is not called', async () => {
    const s = await sessionIn('');
    const one = await actions.addRepo(as(editor), s.id, { url: 'https://github.com/acme/web.git' });
    expect(one['repos']).toBe('[{"url":"https://github.com/acme/web.git","branch":"main","auto_push":false}]');
    const two = await actions.addRepo(as(editor), s.id, { url: 'git@github.com:acme/api.git', branch: 'dev', auto_push: true });
    expect(JSON.parse(two['repos'] as string)).toEqual([
      { url: 'https://github.com/acme/web.git', branch: 'main', auto_push: false },
      { url: 'git@github.com:acme/api.git', branch: 'dev', auto_push: true },
    ]);
    expect(runner.requests).toEqual([]);
    expect((await eventsOf(db(), s.id)).slice(-2).map((e) => e.type)).toEqual(['MODIFIED', 'MODIFIED']);
  });

  test('a repository with the same name is refused (409), whatever its owner', async () => {
    const s = await sessionIn('Pending', { repos: '[{"url":"https://github.com/acme/web"}]' });
    const error = await failure(actions.addRepo(as(editor), s.id, { url: 'https://gitlab.com/other/web.git', branch: 'x' }));
    expect([error.code, error.reason]).toEqual([6, "repository 'web' already in session"]);
  });

  test.each([
    [{}, 17, 'Invalid request format: no value given for required property url'],
    [{ url: null }, 17, 'Invalid request format: no value given for required property url'],
    [{ url: 'https://github.com/a/b', name: 'b' }, 17, 'Invalid request format: unknown field "name"'],
    [{ url: 42 }, 17, 'Invalid request format: url must be a string'],
    [{ url: 'https://github.com/a/b', auto_push: 'yes' }, 17, 'Invalid request format: auto_push must be a boolean'],
    [{ url: 'https://github.com/a/b', branch: 1 }, 17, 'Invalid request format: branch must be a string'],
    [{ url: 'file:///etc/passwd' }, 8, 'url must be a git URL (https, http, ssh or git URL with a host, or user@host:path), at most 2048 characters'],
    [{ url: 'https://github.com/a/b', branch: '-x' }, 8, "branch must be 1 to 255 characters without whitespace, not starting with '-'"],
    [{ url: 'https://github.com/' }, 8, "url 'https://github.com/' does not name a repository"],
  ])('%j is refused with code %i', async (body, code, reason) => {
    const s = await sessionIn('');
    const error = await failure(actions.addRepo(as(editor), s.id, body));
    expect([error.code, error.reason]).toEqual([code, reason]);
    expect((await current(s.id))['repos']).toBeNull();
  });

  test('at most 50 repositories', async () => {
    const repos = JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ url: `https://github.com/acme/r${i}` })));
    const s = await sessionIn('', { repos });
    const error = await failure(actions.addRepo(as(editor), s.id, { url: 'https://github.com/acme/one-more' }));
    expect([error.code, error.reason]).toEqual([8, 'repos: at most 50 repositories']);
  });

  test('remove: drops the entry by name; an unknown name is 404', async () => {
    const s = await sessionIn('Stopped', { repos: '[{"url":"https://github.com/acme/web.git","branch":"main"},{"url":"https://github.com/acme/api"}]' });
    const row = await actions.removeRepo(as(editor), s.id, 'web');
    expect(JSON.parse(row['repos'] as string)).toEqual([{ url: 'https://github.com/acme/api' }]);
    const error = await failure(actions.removeRepo(as(editor), s.id, 'web'));
    expect([error.code, error.reason]).toEqual([7, "repository 'web' not found in session"]);
    expect(JSON.parse((await actions.removeRepo(as(editor), s.id, 'api'))['repos'] as string)).toEqual([]);
    const empty = await sessionIn('');
    expect((await failure(actions.removeRepo(as(editor), empty.id, 'web'))).reason).toBe("repository 'web' not found in session");
    expect(runner.requests).toEqual([]);
  });

  test('viewers may not add or remove (403); outsiders see nothing (404)', async () => {
    const s = await sessionIn('Running', { repos: '[{"url":"https://github.com/acme/web"}]' });
    expect((await failure(actions.addRepo(as(viewer), s.id, { url: 'https://github.com/acme/api' }))).code).toBe(11);
    expect((await failure(actions.removeRepo(as(viewer), s.id, 'web'))).code).toBe(11);
    expect((await failure(actions.addRepo(as(outsider), s.id, { url: 'https://github.com/acme/api' }))).code).toBe(7);
    expect(runner.requests).toEqual([]);
  });

  test('concurrent adds all land', async () => {
    const s = await sessionIn('');
    const urls = Array.from({ length: 10 }, (_, i) => `https://github.com/acme/repo-${i}`);
    await Promise.all(urls.map((url) => actions.addRepo(as(editor), s.id, { url })));
    const stored = JSON.parse((await current(s.id))['repos'] as string) as { url: string }[];
    expect(stored.map((r) => r.url).sort()).toEqual([...urls].sort());
  });
});

describe('repos add and remove, running', () => {
  test('add: the runner clones first (with the session token), then the entry is stored', async () => {
    const s = await sessionIn('Running');
    const row = await actions.addRepo(as(editor), s.id, { url: 'https://github.com/acme/web.git', branch: 'dev' });
    expect(runner.requests).toHaveLength(1);
    expect(runner.requests[0]).toMatchObject({
      method: 'POST',
      namespace: project['name'],
      session: s['kube_cr_name'],
      route: '/repos/add',
      body: { url: 'https://github.com/acme/web.git', branch: 'dev', name: 'web' },
    });
    expect(runner.requests[0]!.headers['x-ambient-session-token']).toBe(`token-${String(s['kube_cr_name'])}`);
    expect(JSON.parse(row['repos'] as string)).toEqual([{ url: 'https://github.com/acme/web.git', branch: 'dev', auto_push: false }]);
  });

  test.each([
    ['answers 500', { status: 500, body: { error: 'disk full' } }, "session runner could not add repository 'web': it answered HTTP 500"],
    ['answers 404', { status: 404 }, "session runner could not add repository 'web': it answered HTTP 404"],
    ['drops the connection', 'drop' as const, undefined],
  ])('add: when the runner %s, 502 and nothing changes', async (_, reply, reason) => {
    const s = await sessionIn('Running', { repos: '[{"url":"https://github.com/acme/api"}]' });
    const before = await eventsOf(db(), s.id);
    runner.answer('POST /repos/add', reply);
    const error = await failure(actions.addRepo(as(editor), s.id, { url: 'https://github.com/acme/web' }));
    expect(error.code).toBe(30);
    expect(error.status).toBe(502);
    if (reason) expect(error.reason).toBe(reason);
    else expect(error.reason).toMatch(/^session runner could not add repository 'web': it could not be reached \(.+\)$/);
    expect((await current(s.id))['repos']).toBe('[{"url":"https://github.com/acme/api"}]');
    expect(await eventsOf(db(), s.id)).toEqual(before);
    expect(logged.at(-1)).toMatchObject({ msg: "session runner could not add repository 'web'" });
  });

  test('add: a runner that hangs times out (502)', async () => {
    const quick = new SessionActions(domain(), clientFor(runner.urlTemplate, 300));
    const s = await sessionIn('Running');
    runner.answer('POST /repos/add', 'hang');
    const error = await failure(quick.addRepo(as(editor), s.id, { url: 'https://github.com/acme/web' }));
    expect([error.code, error.reason]).toEqual([30, "session runner could not add repository 'web': it did not answer within 0.3 s"]);
    expect((await current(s.id))['repos']).toBeNull();
  });

  test('add: an unreachable runner is 502', async () => {
    const nowhere = new SessionActions(domain(), clientFor(`http://127.0.0.1:${await closedPort()}/{namespace}/{session}`));
    const s = await sessionIn('Running');
    const error = await failure(nowhere.addRepo(as(editor), s.id, { url: 'https://github.com/acme/web' }));
    expect([error.code, error.reason]).toEqual([30, "session runner could not add repository 'web': it could not be reached (ECONNREFUSED)"]);
  });

  test('add: a duplicate is refused before the runner is called', async () => {
    const s = await sessionIn('Running', { repos: '[{"url":"https://github.com/acme/web"}]' });
    expect((await failure(actions.addRepo(as(editor), s.id, { url: 'https://github.com/acme/web' }))).code).toBe(6);
    expect(runner.requests).toEqual([]);
  });

  test('add: concurrent adds on a running session all reach the runner and all land', async () => {
    const s = await sessionIn('Running');
    const urls = Array.from({ length: 10 }, (_, i) => `https://github.com/acme/live-${i}`);
    await Promise.all(urls.map((url) => actions.addRepo(as(editor), s.id, { url })));
    expect(
      runner
        .to('/repos/add')
        .map((r) => (r.body as { name: string }).name)
        .sort(),
    ).toEqual(urls.map((u) => u.split('/').at(-1)).sort());
    const stored = JSON.parse((await current(s.id))['repos'] as string) as { url: string }[];
    expect(stored.map((r) => r.url).sort()).toEqual([...urls].sort());
  });

  test('remove: the runner first, then the entry goes', async () => {
    const s = await sessionIn('Running', { repos: '[{"url":"https://github.com/acme/web"}]' });
    const row = await actions.removeRepo(as(editor), s.id, 'web');
    expect(runner.requests).toMatchObject([{ method: 'POST', route: '/repos/remove', body: { name: 'web' } }]);
    expect(row['repos']).toBe('[]');
  });

  test('remove: a runner failure is 502 and nothing changes; an unknown name never reaches the runner', async () => {
    const s = await sessionIn('Running', { repos: '[{"url":"https://github.com/acme/web"}]' });
    runner.answer('POST /repos/remove', { status: 503 });
    const error = await failure(actions.removeRepo(as(editor), s.id, 'web'));
    expect([error.code, error.reason]).toEqual([30, "session runner could not remove repository 'web': it answered HTTP 503"]);
    expect((await current(s.id))['repos']).toBe('[{"url":"https://github.com/acme/web"}]');
    runner.reset();
    expect((await failure(actions.removeRepo(as(editor), s.id, 'api'))).code).toBe(7);
    expect(runner.requests).toEqual([]);
  });
});

describe('repos status', () => {
  const reconciled = '[{"url":"https://github.com/acme/web","name":"web","status":"Ready"}]';

  test('not running: the reconciled repositories, or []', async () => {
    const s = await sessionIn('Stopped');
    expect(await actions.reposStatus(as(viewer), s.id)).toEqual({ repos: [] });
    await actions.updateStatus(admin, s.id, { reconciled_repos: reconciled });
    expect(await actions.reposStatus(as(viewer), s.id)).toEqual({ repos: JSON.parse(reconciled) });
    expect(runner.requests).toEqual([]);
  });

  test('running: the runner’s answer is relayed unchanged', async () => {
    const s = await sessionIn('Running');
    const live = { repos: [{ name: 'web', branches: ['main', 'dev'], currentActiveBranch: 'dev', extra: { any: 1 } }] };
    runner.answer('GET /repos/status', { status: 200, body: live });
    expect(await actions.reposStatus(as(viewer), s.id)).toEqual(live);
    expect(runner.requests).toMatchObject([{ method: 'GET', route: '/repos/status', session: s['kube_cr_name'] }]);
  });

  test.each([
    ['answers 500', { status: 500, body: { repos: [] } }],
    ['answers 204', { status: 204 }],
    ['answers invalid JSON', { status: 200, text: '{"repos":' }],
    ['answers a JSON array', { status: 200, text: '[]' }],
    ['drops the connection', 'drop' as const],
  ])('running: when the runner %s, the reconciled repositories', async (_, reply) => {
    const s = await sessionIn('Running');
    await actions.updateStatus(admin, s.id, { reconciled_repos: reconciled });
    runner.answer('GET /repos/status', reply);
    expect(await actions.reposStatus(as(viewer), s.id)).toEqual({ repos: JSON.parse(reconciled) });
  });

  test('running: a runner that hangs past the timeout gives the reconciled repositories', async () => {
    const quick = new SessionActions(domain(), clientFor(runner.urlTemplate, 300));
    const s = await sessionIn('Running');
    runner.answer('GET /repos/status', 'hang');
    expect(await quick.reposStatus(as(viewer), s.id)).toEqual({ repos: [] });
  });

  test('outsiders get 404', async () => {
    const s = await sessionIn('Running');
    expect((await failure(actions.reposStatus(as(outsider), s.id))).code).toBe(7);
  });
});

describe('workflow select', () => {
  const flows = 'https://github.com/acme/flows.git';

  test('by id: sets workflow_id, one event', async () => {
    const s = await sessionIn('');
    const w = await domain().create(admin, Workflow, { project_id: project.id, name: unique('w') });
    const row = await actions.selectWorkflow(as(editor), s.id, { workflow_id: w.id });
    expect(row['workflow_id']).toBe(w.id);
    expect((await eventsOf(db(), s.id)).at(-1)).toMatchObject({ type: 'MODIFIED', object: { workflow_id: w.id } });
    expect(runner.requests).toEqual([]);
  });

  test('by id: unknown, deleted, or in another project is 400 code 8', async () => {
    const s = await sessionIn('');
    const other = await seedProject(domain());
    const foreign = await domain().create(admin, Workflow, { project_id: other.id, name: 'w' });
    const deleted = await domain().create(admin, Workflow, { project_id: project.id, name: unique('w') });
    await domain().delete(admin, Workflow, deleted.id);
    for (const id of ['nope', foreign.id, deleted.id]) {
      const error = await failure(actions.selectWorkflow(admin, s.id, { workflow_id: id }));
      expect([error.code, error.reason]).toEqual([8, `workflow_id '${id}' not found`]);
    }
    expect((await current(s.id))['workflow_id']).toBeNull();
  });

  test.each([
    [{}, 8, 'exactly one of workflow_id or git_url is required'],
    [{ branch: 'main' }, 8, 'exactly one of workflow_id or git_url is required'],
    [{ workflow_id: 'a', git_url: flows }, 8, 'exactly one of workflow_id or git_url is required'],
    [{ workflow_id: null, git_url: null }, 8, 'exactly one of workflow_id or git_url is required'],
    [{ workflow_id: 'a', path: 'x' }, 8, 'branch and path are only allowed with git_url'],
    [{ git_url: 'not a url' }, 8, 'git_url must be a git URL (https, http, ssh or git URL with a host, or user@host:path), at most 2048 characters'],
    [{ git_url: flows, path: '../up' }, 8, "path must be a relative path of at most 1024 characters without '..' segments"],
    [{ git_url: flows, branch: '' }, 8, "branch must be 1 to 255 characters without whitespace, not starting with '-'"],
    [{ git_url: flows, ref: 'x' }, 17, 'Invalid request format: unknown field "ref"'],
    [{ workflow_id: 7 }, 17, 'Invalid request format: workflow_id must be a string'],
  ])('%j is refused with code %i, before the session is looked up', async (body, code, reason) => {
    const error = await failure(actions.selectWorkflow(admin, 'unknown', body));
    expect([error.code, error.reason]).toEqual([code, reason]);
  });

  test('by git coordinates: creates a workflow named after the path, then reuses it', async () => {
    const p = await seedProject(domain());
    const s1 = await domain().create(admin, Session, { project_id: p.id, name: 'one' });
    const s2 = await domain().create(admin, Session, { project_id: p.id, name: 'two' });
    const coordinates = { git_url: flows, branch: 'main', path: 'workflows/triage/' };
    const row = await actions.selectWorkflow(admin, s1.id, coordinates);
    const w = await domain().get(admin, Workflow, row['workflow_id'] as string);
    expect(w).toMatchObject({ project_id: p.id, name: 'triage', repo_url: flows, branch: 'main', path: 'workflows/triage/' });
    expect((await eventsOf(db(), w.id)).map((e) => e.type)).toEqual(['ADDED']);
    expect((await actions.selectWorkflow(admin, s2.id, coordinates))['workflow_id']).toBe(w.id);
    expect((await domain().list(admin, Workflow, { projectRef: p.id })).total).toBe(1);
  });

  test('by git coordinates: absent branch and path match only absent ones; names are made unique', async () => {
    const p = await seedProject(domain());
    const s = await domain().create(admin, Session, { project_id: p.id, name: 's' });
    await domain().create(admin, Workflow, { project_id: p.id, name: 'flows', repo_url: 'https://github.com/other/thing' });
    const select = async (body: Record<string, unknown>) =>
      domain().get(admin, Workflow, (await actions.selectWorkflow(admin, s.id, body))['workflow_id'] as string);

    const bare = await select({ git_url: flows });
    expect(bare).toMatchObject({ name: 'flows-2', branch: null, path: null });
    const main = await select({ git_url: flows, branch: 'main' });
    expect(main).toMatchObject({ name: 'flows-3', branch: 'main', path: null });
    expect((await select({ git_url: flows })).id).toBe(bare.id);
    expect((await select({ git_url: flows, branch: 'main', path: '' })).name).toBe('flows-4');
    const triage = await select({ git_url: flows, path: 'triage' });
    const triageDev = await select({ git_url: flows, branch: 'dev', path: 'triage' });
    expect([triage.name, triageDev.name]).toEqual(['triage', 'triage-2']);
  });

  test('concurrent selections of new coordinates create one workflow', async () => {
    const p = await seedProject(domain());
    const sessions = await Promise.all(Array.from({ length: 5 }, (_, i) => domain().create(admin, Session, { project_id: p.id, name: `s${i}` })));
    const rows = await Promise.all(sessions.map((s) => actions.selectWorkflow(admin, s.id, { git_url: flows, path: 'bugfix' })));
    expect(new Set(rows.map((r) => r['workflow_id'])).size).toBe(1);
    expect((await domain().list(admin, Workflow, { projectRef: p.id })).rows.map((w) => w['name'])).toEqual(['bugfix']);
  });

  test('running: the runner is told after the selection; its failure is only logged', async () => {
    const s = await sessionIn('Running');
    const row = await actions.selectWorkflow(as(editor), s.id, { git_url: flows, path: unique('review') });
    expect(runner.requests).toMatchObject([
      { method: 'POST', route: '/workflow', session: s['kube_cr_name'], body: { gitUrl: flows, branch: 'main', path: expect.stringMatching(/^review-/) } },
    ]);

    runner.answer('POST /workflow', { status: 500 });
    const w = await domain().create(admin, Workflow, { project_id: project.id, name: unique('w'), repo_url: flows, branch: 'dev' });
    const next = await actions.selectWorkflow(as(editor), s.id, { workflow_id: w.id });
    expect(next['workflow_id']).toBe(w.id);
    expect(next['workflow_id']).not.toBe(row['workflow_id']);
    expect(runner.to('/workflow').at(-1)!.body).toEqual({ gitUrl: flows, branch: 'dev', path: '' });
    expect(logged).toMatchObject([{ msg: 'session runner did not take the workflow', problem: 'it answered HTTP 500' }]);
  });

  test('running: a workflow without git coordinates is not sent to the runner', async () => {
    const s = await sessionIn('Running');
    const w = await domain().create(admin, Workflow, { project_id: project.id, name: unique('w') });
    await actions.selectWorkflow(as(editor), s.id, { workflow_id: w.id });
    expect(runner.requests).toEqual([]);
  });

  test('viewers get 403, outsiders 404', async () => {
    const s = await sessionIn('');
    expect((await failure(actions.selectWorkflow(as(viewer), s.id, { git_url: flows }))).code).toBe(11);
    expect((await failure(actions.selectWorkflow(as(outsider), s.id, { git_url: flows }))).code).toBe(7);
  });
});

describe('RunnerClient', () => {
  const session = { id: 'x', kube_cr_name: 'session-abc', kube_namespace: 'team-a' };

  test('fills the URL template', () => {
    const client = new RunnerClient({ urlTemplate: 'http://session-{session}.{namespace}.svc.cluster.local:8001/', log });
    expect(client.baseUrl(session)).toBe('http://session-session-abc.team-a.svc.cluster.local:8001');
    expect(client.baseUrl({ ...session, kube_namespace: 'a/b@c' })).toBe('http://session-session-abc.a%2Fb%40c.svc.cluster.local:8001');
  });

  test('no token header when the provider yields none; a failing provider is a 502', async () => {
    await new RunnerClient({ urlTemplate: runner.urlTemplate, log, sessionToken: async () => undefined }).removeRepo(session, { name: 'web' });
    expect(runner.requests[0]!.headers['x-ambient-session-token']).toBeUndefined();
    expect(runner.requests[0]).toMatchObject({ namespace: 'team-a', session: 'session-abc', headers: { 'content-type': 'application/json' } });

    const broken = new RunnerClient({
      urlTemplate: runner.urlTemplate,
      log,
      sessionToken: async () => {
        throw new Error('secret not found');
      },
    });
    const error = await failure(broken.removeRepo(session, { name: 'web' }));
    expect(error.reason).toBe("session runner could not remove repository 'web': its session token could not be read (secret not found)");
    expect(runner.requests).toHaveLength(1);
  });

  test('a refused token is read again, past any cache, and the call retried once', async () => {
    const reads: boolean[] = [];
    const client = new RunnerClient({
      urlTemplate: runner.urlTemplate,
      log,
      sessionToken: async (_s, options) => {
        reads.push(options?.refresh ?? false);
        return options?.refresh ? 'rotated' : 'stale';
      },
    });
    runner.answerOnce('POST /repos/add', { status: 401 });
    await client.addRepo(session, { url: 'https://github.com/a/b', branch: 'main', name: 'b' });
    expect(reads).toEqual([false, true]);
    expect(runner.requests.map((r) => r.headers['x-ambient-session-token'])).toEqual(['stale', 'rotated']);

    runner.reset();
    runner.answer('POST /repos/remove', { status: 403 });
    const error = await failure(client.removeRepo(session, { name: 'b' }));
    expect(error.reason).toBe("session runner could not remove repository 'b': it answered HTTP 403");
    expect(runner.requests).toHaveLength(2);
  });

  test('extra headers go with addRepo', async () => {
    await clientFor(runner.urlTemplate).addRepo(session, { url: 'https://github.com/a/b', branch: 'main', name: 'b' }, { 'X-GitHub-Token': 'ghp_x' });
    expect(runner.requests[0]!.headers['x-github-token']).toBe('ghp_x');
  });

  test('selectWorkflow reports success and failure without throwing', async () => {
    const client = clientFor(runner.urlTemplate, 300);
    expect(await client.selectWorkflow(session, { gitUrl: 'https://github.com/a/b', branch: 'main', path: '' })).toBe(true);
    runner.answer('POST /workflow', 'hang');
    expect(await client.selectWorkflow(session, { gitUrl: 'https://github.com/a/b', branch: 'main', path: '' })).toBe(false);
    expect(logged.at(-1)).toMatchObject({ problem: 'it did not answer within 0.3 s' });
  });
});
