import type { RequestContext } from '../domain/service.ts';
import type { ParameterObject } from 'openapi3-ts/oas31';
import { allOf, fieldEquals } from '../conditions/condition.ts';
import { invalid, notFound } from '../domain/errors.ts';
import { toWire, type Row } from '../domain/wire.ts';
import type { Kind } from '../kinds/define.ts';
import { Agent, InboxMessage, Session } from '../kinds/index.ts';
import { readJsonObject } from './body.ts';
import { parseListParams, sparse, type ListParams } from './list-params.ts';
import type { RestResponse, Route } from './router.ts';
import type { RouteServices } from './routes.ts';
import { schemaRef, type JsonSchema } from './schemas.ts';

/**
 * Agents under their project (head-contract H3, H4): the project-scoped twins of the flat
 * `/agents` routes, start, ignition, the agent's sessions, the project home, and the inbox.
 * `{id}` is the project's id or name; an agent or message of another project is 404 here.
 */

const PROJECT_AGENTS = '/projects/{id}/agents';
const AGENT = `${PROJECT_AGENTS}/{agent_id}`;
const INBOX = `${AGENT}/inbox`;

const page = (kind: Kind, rows: Row[], result: { page: number; total: number }, params: ListParams): RestResponse => {
  const items = rows.map((row) => (params.fields ? sparse(toWire(kind, row), params.fields) : toWire(kind, row)));
  return { status: 200, body: { kind: `${kind.name}List`, page: result.page, size: items.length, total: result.total, items } };
};
const one = (kind: Kind, row: Row, status = 200): RestResponse => ({ status, body: toWire(kind, row) });

/** A body's `field`, when present, must name the path's project or agent (by id or, for projects, name). */
function samePathValue(body: Record<string, unknown>, field: string, accepted: readonly string[]): void {
  const value = body[field];
  if (value !== undefined && value !== null && !accepted.includes(String(value))) throw invalid(`${field} does not match the path`, field);
}

async function projectOf(services: RouteServices, ctx: RequestContext, ref: string): Promise<{ id: string; refs: string[] }> {
  const id = await services.agents.projectId(ctx, ref);
  return { id, refs: [id, ref] };
}

const startResponse: JsonSchema = {
  type: 'object',
  properties: {
    session: schemaRef('Session'),
    start_prompt: { type: 'string', description: 'The composed start prompt (the session’s first user message).' },
    starting_prompt: { type: 'string', description: 'The same, under the key upstream’s handler and Go SDK use.' },
  },
  required: ['session', 'start_prompt', 'starting_prompt'],
};
const ignitionResponse: JsonSchema = {
  type: 'object',
  properties: {
    start_prompt: { type: 'string' },
    starting_prompt: { type: 'string' },
    inbox_unread_count: { type: 'integer', description: 'Unread messages (a start uses the oldest that fit).' },
  },
  required: ['start_prompt', 'starting_prompt', 'inbox_unread_count'],
};
const startBody: JsonSchema = { type: 'object', properties: { prompt: { type: 'string', description: 'This run’s task.' } }, additionalProperties: false };
const homeResponse: JsonSchema = {
  type: 'object',
  properties: {
    project_id: { type: 'string' },
    agents: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          agent_id: { type: 'string' },
          agent_name: { type: 'string' },
          session_phase: { type: 'string', description: 'Phase of the newest session; empty when none or never started.' },
          inbox_unread_count: { type: 'integer' },
          summary: { type: 'string', description: 'Start of the newest session’s latest assistant message.' },
        },
        required: ['agent_id', 'agent_name', 'session_phase', 'inbox_unread_count', 'summary'],
      },
    },
  },
  required: ['project_id', 'agents'],
};
const READ_PARAMETER: ParameterObject = {
  name: 'read',
  in: 'query',
  description: 'true or false: only read or only unread messages.',
  schema: { type: 'boolean' },
};

function readFilter(query: URLSearchParams) {
  const read = query.get('read');
  if (read === null) return undefined;
  if (read !== 'true' && read !== 'false') throw invalid('read must be true or false', 'read');
  return fieldEquals('read', read === 'true');
}

export function agentRoutes(): Route[] {
  const tag = 'Agent';
  return [
    {
      method: 'GET',
      path: PROJECT_AGENTS,
      operationId: 'listProjectAgents',
      doc: {
        summary: 'The project’s agents',
        tag,
        listParameters: true,
        responses: { 200: { description: 'A page of agents.', schema: schemaRef('AgentList') } },
      },
      async handle({ ctx, params, query }, services) {
        const list = parseListParams(Agent, query);
        const project = await projectOf(services, ctx, params['id']!);
        const result = await services.domain.list(ctx, Agent, { ...list, projectRef: project.id });
        return page(Agent, result.rows, result, list);
      },
    },
    {
      method: 'POST',
      path: PROJECT_AGENTS,
      operationId: 'createProjectAgent',
      doc: {
        summary: 'Create an agent in the project',
        tag,
        body: { schema: schemaRef('AgentCreate') },
        responses: { 201: { description: 'Created.', schema: schemaRef('Agent') } },
        errors: [409],
      },
      async handle({ req, ctx, params }, services) {
        const body = await readJsonObject(req);
        const project = await projectOf(services, ctx, params['id']!);
        samePathValue(body, 'project_id', project.refs);
        const withProject = { ...body, project_id: project.id };
        services.validator.validate(schemaRef('AgentCreate'), withProject);
        const created = one(Agent, await services.domain.create(ctx, Agent, withProject), 201);
        return { ...created, headers: { Location: (created.body as { href: string }).href } };
      },
    },
    {
      method: 'GET',
      path: AGENT,
      operationId: 'getProjectAgent',
      doc: { summary: 'An agent of the project', tag, responses: { 200: { description: 'The agent.', schema: schemaRef('Agent') } } },
      async handle({ ctx, params }, { agents }) {
        return one(Agent, await agents.get(ctx, params['id']!, params['agent_id']!));
      },
    },
    {
      method: 'PATCH',
      path: AGENT,
      operationId: 'updateProjectAgent',
      doc: {
        summary: 'Update an agent of the project',
        tag,
        body: { schema: schemaRef('AgentPatch') },
        responses: { 200: { description: 'Updated.', schema: schemaRef('Agent') } },
        errors: [409],
      },
      async handle({ req, ctx, params }, { agents, domain, validator }) {
        const body = await readJsonObject(req);
        validator.validate(schemaRef('AgentPatch'), body);
        const agent = await agents.get(ctx, params['id']!, params['agent_id']!);
        return one(Agent, await domain.update(ctx, Agent, agent.id, body));
      },
    },
    {
      method: 'DELETE',
      path: AGENT,
      operationId: 'deleteProjectAgent',
      doc: { summary: 'Delete an agent of the project (and its inbox)', tag, responses: { 204: { description: 'Deleted.' } } },
      async handle({ ctx, params }, { agents, domain }) {
        const agent = await agents.get(ctx, params['id']!, params['agent_id']!);
        await domain.delete(ctx, Agent, agent.id);
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      path: `${AGENT}/start`,
      operationId: 'startProjectAgent',
      doc: {
        summary: 'Start the agent: 200 with its running session, or 201 with a new one (start prompt composed, inbox used marked read)',
        tag,
        body: { schema: startBody, optional: true },
        responses: {
          200: { description: 'The active session (nothing new).', schema: startResponse },
          201: { description: 'A new, started session.', schema: startResponse },
        },
      },
      async handle({ req, ctx, params }, { agents, validator }) {
        const body = await readJsonObject(req, { optional: true });
        validator.validate(startBody, body);
        const result = await agents.start(ctx, params['id']!, params['agent_id']!, body);
        return {
          status: result.created ? 201 : 200,
          body: { session: toWire(Session, result.session), start_prompt: result.startPrompt, starting_prompt: result.startPrompt },
        };
      },
    },
    {
      method: 'GET',
      path: `${AGENT}/ignition`,
      operationId: 'getProjectAgentIgnition',
      doc: {
        summary: 'The start prompt a start would use now (dry run, no writes)',
        tag,
        responses: { 200: { description: 'The composition.', schema: ignitionResponse } },
      },
      async handle({ ctx, params }, { agents }) {
        const { startPrompt, inboxUnread } = await agents.ignition(ctx, params['id']!, params['agent_id']!);
        return { status: 200, body: { start_prompt: startPrompt, starting_prompt: startPrompt, inbox_unread_count: inboxUnread } };
      },
    },
    {
      // Upstream's HEAD serves the same dry run as GET …/start (its Go SDK's GetStartPreview, used by acpctl).
      method: 'GET',
      path: `${AGENT}/start`,
      operationId: 'previewProjectAgentStart',
      doc: {
        summary: 'The same dry run as …/ignition, under the path upstream’s Go SDK calls',
        tag,
        responses: { 200: { description: 'The composition.', schema: ignitionResponse } },
      },
      async handle({ ctx, params }, { agents }) {
        const { startPrompt, inboxUnread } = await agents.ignition(ctx, params['id']!, params['agent_id']!);
        return { status: 200, body: { start_prompt: startPrompt, starting_prompt: startPrompt, inbox_unread_count: inboxUnread } };
      },
    },
    {
      method: 'GET',
      path: `${AGENT}/sessions`,
      operationId: 'listProjectAgentSessions',
      doc: {
        summary: 'The agent’s sessions, newest first',
        tag,
        listParameters: true,
        responses: { 200: { description: 'A page of sessions.', schema: schemaRef('SessionList') } },
      },
      async handle({ ctx, params, query }, { agents }) {
        const list = parseListParams(Session, query);
        const result = await agents.sessions(ctx, params['id']!, params['agent_id']!, list);
        return page(Session, result.rows, result, list);
      },
    },
    {
      method: 'GET',
      path: '/projects/{id}/home',
      operationId: 'getProjectHome',
      doc: {
        summary: 'The project’s agents at a glance',
        tag: 'Project',
        responses: { 200: { description: 'Per agent: newest session phase, unread inbox, latest reply.', schema: homeResponse } },
      },
      async handle({ ctx, params }, { agents }) {
        return { status: 200, body: await agents.home(ctx, params['id']!) };
      },
    },
    ...inboxRoutes(),
  ];
}

function inboxRoutes(): Route[] {
  const tag = 'InboxMessage';
  const message = (description: string) => ({ description, schema: schemaRef('InboxMessage') });
  /** The message, when it is in this agent's inbox in this project. */
  async function inboxMessage(services: RouteServices, ctx: Parameters<Route['handle']>[0]['ctx'], params: Record<string, string>): Promise<Row> {
    const agent = await services.agents.get(ctx, params['id']!, params['agent_id']!);
    const row = await services.domain.get(ctx, InboxMessage, params['msg_id']!);
    if (row['agent_id'] !== agent.id) throw notFound('InboxMessage', row.id);
    return row;
  }
  return [
    {
      method: 'GET',
      path: INBOX,
      operationId: 'listAgentInbox',
      doc: {
        summary: 'The agent’s inbox, newest first',
        tag,
        listParameters: true,
        parameters: [READ_PARAMETER],
        responses: { 200: { description: 'A page of messages.', schema: schemaRef('InboxMessageList') } },
      },
      async handle({ ctx, params, query }, services) {
        const list = parseListParams(InboxMessage, query);
        const agent = await services.agents.get(ctx, params['id']!, params['agent_id']!);
        const result = await services.domain.list(ctx, InboxMessage, {
          ...list,
          projectRef: agent['project_id'] as string,
          where: allOf(fieldEquals('agent_id', agent.id), readFilter(query), list.where),
          orderBy: list.orderBy.length ? list.orderBy : [{ field: 'created_at', direction: 'desc' }],
        });
        return page(InboxMessage, result.rows, result, list);
      },
    },
    {
      method: 'POST',
      path: INBOX,
      operationId: 'sendAgentInboxMessage',
      doc: { summary: 'Send a message to the agent’s inbox', tag, body: { schema: schemaRef('InboxMessageCreate') }, responses: { 201: message('Created.') } },
      async handle({ req, ctx, params }, services) {
        const body = await readJsonObject(req);
        const agent = await services.agents.get(ctx, params['id']!, params['agent_id']!);
        samePathValue(body, 'project_id', [agent['project_id'] as string, params['id']!]);
        samePathValue(body, 'agent_id', [agent.id]);
        const withPath = { ...body, project_id: agent['project_id'], agent_id: agent.id };
        services.validator.validate(schemaRef('InboxMessageCreate'), withPath);
        const created = one(InboxMessage, await services.domain.create(ctx, InboxMessage, withPath), 201);
        return { ...created, headers: { Location: (created.body as { href: string }).href } };
      },
    },
    {
      method: 'GET',
      path: `${INBOX}/{msg_id}`,
      operationId: 'getAgentInboxMessage',
      doc: { summary: 'One message of the agent’s inbox', tag, responses: { 200: message('The message.') } },
      async handle({ ctx, params }, services) {
        return one(InboxMessage, await inboxMessage(services, ctx, params));
      },
    },
    {
      method: 'PATCH',
      path: `${INBOX}/{msg_id}`,
      operationId: 'updateAgentInboxMessage',
      doc: { summary: 'Mark a message read or unread', tag, body: { schema: schemaRef('InboxMessagePatch') }, responses: { 200: message('Updated.') } },
      async handle({ req, ctx, params }, services) {
        const body = await readJsonObject(req);
        services.validator.validate(schemaRef('InboxMessagePatch'), body);
        const row = await inboxMessage(services, ctx, params);
        return one(InboxMessage, await services.domain.update(ctx, InboxMessage, row.id, body));
      },
    },
    {
      method: 'DELETE',
      path: `${INBOX}/{msg_id}`,
      operationId: 'deleteAgentInboxMessage',
      doc: { summary: 'Delete a message of the agent’s inbox', tag, responses: { 204: { description: 'Deleted.' } } },
      async handle({ ctx, params }, services) {
        const row = await inboxMessage(services, ctx, params);
        await services.domain.delete(ctx, InboxMessage, row.id);
        return { status: 204 };
      },
    },
  ];
}
