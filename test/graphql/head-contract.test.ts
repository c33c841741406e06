import { beforeAll, expect, test } from 'vitest';
import {
  AgentSessionsDocument,
  CreateHeadCredentialDocument,
  CreateProjectWithPromptDocument,
  DeleteInboxMessageDocument,
  HeadCredentialDocument,
  MarkInboxMessageDocument,
  ProjectPromptDocument,
  StopSessionDocument,
  UpdateHeadCredentialDocument,
  UpdateProjectPromptDocument,
  UpdateSessionStatusDocument,
  AgentIgnitionDocument,
  ProjectHomeDocument,
  SendInboxMessageDocument,
  StartAgentDocument,
  CreateAgentDocument,
  CreateProjectDocument,
  CreateSessionDocument,
  PushSessionMessageDocument,
  SessionMessagesDocument,
  SetSessionModelDocument,
} from '../../src/generated/graphql/graphql.ts';
import { openStream } from '../support/sse.ts';
import { eventually } from './streams.ts';
import { seedUser, userActor } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/** The head-contract additions in GraphQL (H2 onwards), through the same domain operations as REST. */

const server = useGraphqlServer();
let projectId: string;

beforeAll(async () => {
  projectId = (await server().data(CreateProjectDocument, { input: { name: 'head-contract' } })).createProject.id;
});

test('H2: a session created for an agent, then setSessionModel', async () => {
  const agent = (await server().data(CreateAgentDocument, { input: { projectId, name: 'runner-up' } })).createAgent;
  const session = (await server().data(CreateSessionDocument, { input: { projectId, name: 's', agentId: agent.id } })).createSession;
  const { setSessionModel } = await server().data(SetSessionModelDocument, { id: session.id, model: 'opus' });
  expect(setSessionModel).toEqual({ id: session.id, llmModel: 'opus', agentId: agent.id, agent: { id: agent.id, name: 'runner-up' } });
  const [error] = await server().errors(SetSessionModelDocument, { id: session.id, model: '' });
  expect(error).toMatchObject({ message: 'model is required', extensions: { code: 8 } });
});

test('H5: sessionMessages, pushSessionMessage and the sessionMessages subscription (stored, then live)', async () => {
  const session = (await server().data(CreateSessionDocument, { input: { projectId, name: 'talk', prompt: 'Hello' } })).createSession;
  const pushed = (await server().data(PushSessionMessageDocument, { session: session.id, payload: 'Second' })).pushSessionMessage;
  expect(pushed).toMatchObject({ eventType: 'user', payload: 'Second' });
  const log = (await server().data(SessionMessagesDocument, { session: session.id })).sessionMessages;
  expect(log.map((m) => [m.eventType, m.payload])).toEqual([
    ['user', 'Hello'],
    ['user', 'Second'],
  ]);
  expect((await server().data(SessionMessagesDocument, { session: session.id, afterSeq: String(log[0]!.seq) })).sessionMessages).toEqual([log[1]]);
  const [refused] = await server().errors(PushSessionMessageDocument, { session: session.id, eventType: 'assistant', payload: 'x' });
  expect(refused!.extensions.code).toBe(11);
  const [bad] = await server().errors(SessionMessagesDocument, { session: session.id, afterSeq: '-1' });
  expect(bad!.extensions.code).toBe(8);

  const stream = await openStream(
    server().url,
    { 'Content-Type': 'application/json', Authorization: 'Bearer admin' },
    {
      method: 'POST',
      body: JSON.stringify({
        query: 'subscription($s: ID!, $a: String) { sessionMessages(session: $s, afterSeq: $a) { seq payload } }',
        variables: { s: session.id, a: String(log[0]!.seq) },
      }),
    },
  );
  const next = async () => ((await stream.nextData()).data as { data: { sessionMessages: { seq: number; payload: string } } }).data.sessionMessages;
  expect(await next()).toEqual({ seq: log[1]!.seq, payload: 'Second' });
  await server().data(PushSessionMessageDocument, { session: session.id, payload: 'Live' });
  expect((await next()).payload).toBe('Live');
  stream.close();
});

test('H3/H4: sendInbox, agentIgnition, startAgent (once, then the same session), projectHome, agentInboxChanged', async () => {
  const agent = (await server().data(CreateAgentDocument, { input: { projectId, name: 'gql-worker', prompt: 'Be brief.' } })).createAgent;
  const before = server().feed.subscriberCount;
  const changes = await openStream(
    server().url,
    { 'Content-Type': 'application/json', Authorization: 'Bearer admin' },
    { method: 'POST', body: JSON.stringify({ query: 'subscription($a: ID!) { agentInboxChanged(agent: $a) { type } }', variables: { a: agent.id } }) },
  );
  await eventually(() => server().feed.subscriberCount > before, 'subscribed');
  await server().data(SendInboxMessageDocument, { input: { projectId, agentId: agent.id, body: 'Look at issue 7', fromName: 'carol' } });
  expect(((await changes.nextData()).data as { data: { agentInboxChanged: { type: string } } }).data.agentInboxChanged.type).toBe('ADDED');
  const ignition = (await server().data(AgentIgnitionDocument, { agent: agent.id })).agentIgnition;
  expect(ignition.inboxUnreadCount).toBe(1);
  expect(ignition.startPrompt).toContain('**From carol:** Look at issue 7');
  const started = (await server().data(StartAgentDocument, { agent: agent.id, prompt: 'Today: docs.' })).startAgent;
  expect(started).toMatchObject({ agentId: agent.id, phase: 'PENDING' });
  expect(started.prompt).toContain('Be brief.');
  expect(started.prompt).toContain('Today: docs.');
  expect(((await changes.nextData()).data as { data: { agentInboxChanged: { type: string } } }).data.agentInboxChanged.type).toBe('MODIFIED');
  changes.close();
  expect((await server().data(StartAgentDocument, { agent: agent.id })).startAgent.id).toBe(started.id);
  const home = (await server().data(ProjectHomeDocument, { project: projectId })).projectHome;
  expect(home.find((a) => a.agentName === 'gql-worker')).toEqual({ agentName: 'gql-worker', sessionPhase: 'Pending', inboxUnreadCount: 0, summary: '' });
});

test('H1: a project is created with id = name and a prompt, read by name, the prompt changed and cleared', async () => {
  const created = (await server().data(CreateProjectWithPromptDocument, { input: { name: 'prompted', prompt: 'Use TypeScript.' } })).createProject;
  expect(created).toMatchObject({ databaseId: 'prompted', name: 'prompted', prompt: 'Use TypeScript.' });
  expect((await server().data(ProjectPromptDocument, { name: 'prompted' })).projectByName).toEqual({
    id: created.id,
    databaseId: 'prompted',
    prompt: 'Use TypeScript.',
  });
  expect((await server().data(UpdateProjectPromptDocument, { id: created.id, prompt: 'Use Go.' })).updateProject.prompt).toBe('Use Go.');
  expect((await server().data(UpdateProjectPromptDocument, { id: created.id, prompt: null })).updateProject.prompt ?? null).toBeNull();
  const [bad] = await server().errors(CreateProjectWithPromptDocument, { input: { name: 'Not A Name' } });
  expect(bad!.extensions.code).toBe(8);
});

test('H7: vertex and kubeconfig credentials with labels and annotations; malformed secrets are 400 and write nothing', async () => {
  server().actors.set('dana', userActor(await seedUser(server().domain, 'dana')));
  const as = { as: 'dana' };
  const key = JSON.stringify({
    type: 'service_account',
    project_id: 'gcp-demo',
    private_key_id: 'abc',
    private_key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
    client_email: 'runner@gcp-demo.iam.gserviceaccount.com',
  });
  const labels = [{ key: 'team', value: 'ml' }];
  const vertex = (
    await server().data(CreateHeadCredentialDocument, { input: { provider: 'VERTEX', token: key, labels, annotations: [{ key: 'note', value: 'gcp' }] } }, as)
  ).createCredential;
  expect(vertex).toMatchObject({ provider: 'VERTEX', hasToken: true, labels, annotations: [{ key: 'note', value: 'gcp' }] });
  const relabelled = (await server().data(UpdateHeadCredentialDocument, { id: vertex.id, input: { labels: [{ key: 'team', value: 'infra' }] } }, as))
    .updateCredential;
  expect(relabelled.labels).toEqual([{ key: 'team', value: 'infra' }]);
  expect((await server().data(HeadCredentialDocument, { id: vertex.id }, as)).credential).toEqual(relabelled);
  const kubeconfig = 'apiVersion: v1\nkind: Config\nclusters:\n  - name: dev\n    cluster: { server: "https://kube.example.com" }\nusers: []\ncontexts: []\n';
  const kube = (await server().data(CreateHeadCredentialDocument, { input: { provider: 'KUBECONFIG', token: kubeconfig } }, as)).createCredential;
  expect(kube).toMatchObject({ provider: 'KUBECONFIG', hasToken: true });

  const count = async () => (await server().db.pool.query(`SELECT count(*)::int AS n FROM credentials`)).rows[0].n as number;
  const before = await count();
  for (const input of [
    { provider: 'VERTEX' as const, token: '{"type":"authorized_user"}' },
    { provider: 'KUBECONFIG' as const, token: 'apiVersion: v1\nkind: Config\nclusters: []\n' },
  ]) {
    const [error] = await server().errors(CreateHeadCredentialDocument, { input }, as);
    expect(error!.extensions.code, JSON.stringify(error)).toBe(8);
    expect(JSON.stringify(error)).not.toContain('authorized_user');
  }
  expect(await count()).toBe(before);
});

test('H3/H4: an agent’s sessions and currentSessionId follow its sessions; inbox messages are marked read and deleted', async () => {
  const agent = (await server().data(CreateAgentDocument, { input: { projectId, name: 'tracker' } })).createAgent;
  const empty = (await server().data(AgentSessionsDocument, { id: agent.id })).agent!;
  expect(empty).toMatchObject({ currentSessionId: null, sessions: { totalCount: 0 }, inbox: { totalCount: 0 } });
  const message = (await server().data(SendInboxMessageDocument, { input: { projectId, agentId: agent.id, body: 'ping' } })).createInboxMessage;
  const started = (await server().data(StartAgentDocument, { agent: agent.id })).startAgent;
  const running = (await server().data(AgentSessionsDocument, { id: agent.id })).agent!;
  expect(running.sessions.nodes).toEqual([{ id: started.id, databaseId: running.currentSessionId, phase: 'PENDING', agentId: agent.id }]);
  expect(running.inbox.nodes).toEqual([{ id: message.id, body: 'ping', read: true }]);

  // The session ends: no current session, and the next start makes a second one.
  await server().data(UpdateSessionStatusDocument, { id: started.id, input: { phase: 'COMPLETED' } });
  expect((await server().data(AgentSessionsDocument, { id: agent.id })).agent!.currentSessionId ?? null).toBeNull();
  const second = (await server().data(StartAgentDocument, { agent: agent.id })).startAgent;
  expect(second.id).not.toBe(started.id);
  await server().data(StopSessionDocument, { id: second.id });
  const after = (await server().data(AgentSessionsDocument, { id: agent.id })).agent!;
  expect(after.sessions.totalCount).toBe(2);

  expect((await server().data(MarkInboxMessageDocument, { id: message.id, read: false })).updateInboxMessage).toEqual({ id: message.id, read: false });
  expect((await server().data(AgentIgnitionDocument, { agent: agent.id })).agentIgnition.inboxUnreadCount).toBe(1);
  await server().data(DeleteInboxMessageDocument, { id: message.id });
  expect((await server().data(AgentSessionsDocument, { id: agent.id })).agent!.inbox.totalCount).toBe(0);
  const [gone] = await server().errors(DeleteInboxMessageDocument, { id: message.id });
  expect(gone!.extensions.code).toBe(7);
});
