import { beforeAll, expect, test } from 'vitest';
import { CreateAgentDocument, CreateProjectDocument, CreateSessionDocument, SetSessionModelDocument } from '../../src/generated/graphql/graphql.ts';
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
