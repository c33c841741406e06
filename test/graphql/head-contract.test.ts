import { beforeAll, expect, test } from 'vitest';
import {
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
