import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { Permission, Project, Session, User } from '../../src/kinds/index.ts';
import { as, platformAdmin, userActor } from '../support/fixtures.ts';
import { FakeRunner } from '../support/fake-runner.ts';
import { eventually } from '../agui/support.ts';
import { useGraphqlServer } from './support.ts';

/**
 * The actions on a running session in GraphQL (issue 15 item 7) against the fake runner, through
 * the same operations as REST: AG-UI run / interrupt / feedback, git configure remote, workspace
 * write (text and base64), read and delete, task output and stop. The runner sees exactly the
 * calls REST makes; hostile paths never reach it; a viewer may read but not change.
 */

let runner: FakeRunner;
beforeAll(async () => {
  runner = await FakeRunner.start();
});
afterAll(() => runner.close());
beforeEach(() => runner.reset());
const server = useGraphqlServer({ runnerUrlTemplate: () => runner.urlTemplate });

type Json = Record<string, unknown>;
const doc = (text: string) => parse(text) as unknown as TypedDocumentNode<Json, Json>;
const calls = (route: string) => runner.requests.filter((r) => r.route === route);

let session: { id: string; gid: string; kubeCrName: string };
beforeAll(async () => {
  const { domain, db } = server();
  const project = await domain.create(as(platformAdmin), Project, { name: `gqlmut-${process.pid}` });
  const row = await domain.create(as(platformAdmin), Session, { project_id: project.id, name: 's' });
  // Running, as the reconciler would report it: the runner's calls are allowed from here.
  await db.pool.query(`UPDATE sessions SET phase = 'Running' WHERE id = $1`, [row.id]);
  session = { id: row.id, gid: encodeGlobalID('Session', row.id), kubeCrName: row['kube_cr_name'] as string };
  const viewer = await domain.create(as(platformAdmin), User, { username: 'vera', name: 'Vera' });
  server().actors.set('vera', userActor(viewer));
  await domain.create(as(platformAdmin), Permission, { project_id: project.id, subject_type: 'user', subject_name: 'vera', role: 'view' });
});

test('workspace write as text and as base64, read back both ways, delete; hostile paths never reach the runner', async () => {
  const write = doc(`mutation($id: ID!, $path: String!, $content: String!, $encoding: WorkspaceEncoding!) {
    writeSessionWorkspaceFile(id: $id, path: $path, content: $content, encoding: $encoding) }`);
  await server().data(write, { id: session.gid, path: 'notes/a.md', content: 'ünïcode ✓', encoding: 'UTF8' });
  expect(calls('/content/write').at(-1)!.body).toEqual({ path: 'notes/a.md', content: 'ünïcode ✓', encoding: 'utf8' });
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x01]);
  await server().data(write, { id: session.gid, path: 'img/x.png', content: bytes.toString('base64'), encoding: 'BASE64' });
  expect(calls('/content/write').at(-1)!.body).toEqual({ path: 'img/x.png', content: bytes.toString('base64'), encoding: 'base64' });
  expect(runner.session(session.kubeCrName).files.get('img/x.png')).toEqual(bytes);

  const read = doc(
    `query($id: ID!, $path: String!, $encoding: WorkspaceEncoding) { node(id: $id) { ... on Session { workspaceFile(path: $path, encoding: $encoding) } } }`,
  );
  const text = (await server().data(read, { id: session.gid, path: 'notes/a.md' })).node as Json;
  expect(text['workspaceFile']).toMatchObject({ path: 'notes/a.md', encoding: 'utf8', content: 'ünïcode ✓', size: Buffer.byteLength('ünïcode ✓') });
  const binary = (await server().data(read, { id: session.gid, path: 'img/x.png' })).node as Json;
  expect(binary['workspaceFile']).toMatchObject({ encoding: 'base64', content: bytes.toString('base64') });
  const [notText] = await server().errors(read, { id: session.gid, path: 'img/x.png', encoding: 'UTF8' });
  expect(notText!.extensions).toMatchObject({ code: 8, field: 'encoding' });

  const remove = doc(`mutation($id: ID!, $path: String!) { deleteSessionWorkspaceFile(id: $id, path: $path) }`);
  expect((await server().data(remove, { id: session.gid, path: 'notes/a.md' }))['deleteSessionWorkspaceFile']).toEqual({
    message: 'File deleted successfully',
  });
  expect(runner.session(session.kubeCrName).files.has('notes/a.md')).toBe(false);

  const before = runner.requests.length;
  for (const path of ['../etc/passwd', '/etc/passwd', 'a/%2e%2e/%2e%2e/x', 'a\u0000b']) {
    const [error] = await server().errors(write, { id: session.gid, path, content: 'x', encoding: 'UTF8' });
    expect(error!.extensions.code, path).toBe(8);
  }
  const [badBase64] = await server().errors(write, { id: session.gid, path: 'x.bin', content: 'not base64!', encoding: 'BASE64' });
  expect(badBase64!.extensions).toMatchObject({ code: 8, field: 'content' });
  expect(runner.requests.length).toBe(before);
});

test('git configure remote (default branch main), task output and stop, through the runner', async () => {
  runner.session(session.kubeCrName).files.set('repos/app/README.md', Buffer.from('x'));
  const configure = doc(`mutation($id: ID!, $branch: String) {
    configureSessionGitRemote(id: $id, path: "repos/app", remoteUrl: "https://github.com/acme/app.git", branch: $branch) }`);
  expect((await server().data(configure, { id: session.gid }))['configureSessionGitRemote']).toMatchObject({ branch: 'main' });
  expect(calls('/content/git-configure-remote').at(-1)!.body).toEqual({ path: 'repos/app', remoteUrl: 'https://github.com/acme/app.git', branch: 'main' });
  const [badBranch] = await server().errors(configure, { id: session.gid, branch: '--upload-pack=x' });
  expect(badBranch!.extensions.code).toBe(8);

  runner.session(session.kubeCrName).tasks.set('t1', { task_id: 't1', status: 'running', output: [{ line: 'hello' }] });
  const output = doc(`query($id: ID!) { node(id: $id) { ... on Session { backgroundTaskOutput(taskId: "t1") } } }`);
  expect(((await server().data(output, { id: session.gid })).node as Json)['backgroundTaskOutput']).toEqual({ task_id: 't1', output: [{ line: 'hello' }] });
  const stop = doc(`mutation($id: ID!, $task: String!) { stopSessionTask(id: $id, taskId: $task) }`);
  await server().data(stop, { id: session.gid, task: 't1' });
  expect(calls('/tasks/t1/stop')).toHaveLength(1);
  const [hostileTask] = await server().errors(stop, { id: session.gid, task: '../x' });
  expect(hostileTask!.extensions.code).toBe(8);
  runner.answer('POST /tasks/t1/stop', { status: 500, body: { detail: 'boom' } });
  const [failed] = await server().errors(stop, { id: session.gid, task: 't1' });
  expect(failed!.extensions.code).toBe(30);
});

test('AG-UI run, interrupt and feedback through the same service as REST', async () => {
  const run = doc(`mutation($id: ID!, $input: JSON!) { runSessionAgui(id: $id, input: $input) { runId threadId } }`);
  const started = (await server().data(run, { id: session.gid, input: { messages: [{ id: 'm1', role: 'user', content: 'hi' }] } }))['runSessionAgui'] as Json;
  expect(started).toEqual({ runId: expect.any(String), threadId: session.id });
  await eventually(() => runner.to('/').length === 1);
  expect(runner.to('/')[0]!.body).toMatchObject({ runId: started['runId'], threadId: session.id, messages: [{ id: 'm1', content: 'hi' }] });
  const [notObject] = await server().errors(run, { id: session.gid, input: [1, 2] });
  expect(notObject!.extensions).toMatchObject({ code: 8, field: 'input' });

  const interrupt = doc(`mutation($id: ID!) { interruptSessionAgui(id: $id) }`);
  expect((await server().data(interrupt, { id: session.gid }))['interruptSessionAgui']).toBe('Interrupt signal sent');
  expect(calls('/interrupt')).toHaveLength(1);

  const feedback = doc(`mutation($id: ID!, $event: JSON!) { sendSessionAguiFeedback(id: $id, event: $event) { status message } }`);
  const sent = await server().data(feedback, { id: session.gid, event: { type: 'META', metaType: 'thumbs_up', payload: { messageId: 'm1' } } });
  expect(sent['sendSessionAguiFeedback']).toEqual({ status: 'sent', message: 'Feedback submitted' });
  expect(calls('/feedback').at(-1)!.body).toMatchObject({ type: 'META', metaType: 'thumbs_up' });
  const [notMeta] = await server().errors(feedback, { id: session.gid, event: { type: 'RUN_STARTED' } });
  expect(notMeta!.extensions.code).toBe(8);
});

test('a viewer reads but may not change: 403 code 11 before the runner is called', async () => {
  runner.session(session.kubeCrName).files.set('r.txt', Buffer.from('read me'));
  const read = doc(`query($id: ID!) { node(id: $id) { ... on Session { workspaceFile(path: "r.txt") } } }`);
  expect(((await server().data(read, { id: session.gid }, { as: 'vera' })).node as Json)['workspaceFile']).toMatchObject({ content: 'read me' });
  const before = runner.requests.length;
  for (const mutation of [
    `mutation($id: ID!) { writeSessionWorkspaceFile(id: $id, path: "x", content: "x", encoding: UTF8) }`,
    `mutation($id: ID!) { deleteSessionWorkspaceFile(id: $id, path: "r.txt") }`,
    `mutation($id: ID!) { stopSessionTask(id: $id, taskId: "t1") }`,
    `mutation($id: ID!) { configureSessionGitRemote(id: $id, path: "a", remoteUrl: "https://x/y.git") }`,
    `mutation($id: ID!) { interruptSessionAgui(id: $id) }`,
    `mutation($id: ID!) { runSessionAgui(id: $id, input: {}) { runId } }`,
  ]) {
    const [error] = await server().errors(doc(mutation), { id: session.gid }, { as: 'vera' });
    expect(error!.extensions.code, mutation).toBe(11);
  }
  expect(runner.requests.length).toBe(before);
});
