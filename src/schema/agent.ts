// Generated from the Agent Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Agent as kind, Project, User, Workflow } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { UserNode } from './user.ts';
import { WorkflowNode, WorkflowConnection, WorkflowInputs } from './workflow.ts';
import { ScheduledSessionConnection, ScheduledSessionInputs } from './scheduled-session.ts';
import { SessionConnection, SessionInputs } from './session.ts';
import { InboxMessageConnection, InboxMessageInputs } from './inbox-message.ts';

/** `where` and `orderBy` of Agent lists. */
export const AgentInputs = k.queryInputs('Agent', kind);

export const AgentNode = builder.prismaNode('Agent', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Agent')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    name: t.exposeString('name', { description: 'Name, unique in the project.' }),
    displayName: t.exposeString('displayName', { nullable: true, description: 'Human-readable name.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text.' }),
    repoUrl: t.exposeString('repoUrl', { nullable: true, description: 'Git repository.' }),
    prompt: t.exposeString('prompt', { nullable: true, description: 'Standing instructions, part of every start prompt.' }),
    parentAgentId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Agent in `parentAgent`.',
      resolve: (row) => k.globalIdOrNull('Agent', row.parentAgentId),
    }),
    ownerUserId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the User in `owner`.',
      resolve: (row) => k.globalIdOrNull('User', row.ownerUserId),
    }),
    workflowId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Workflow in `workflow`.',
      resolve: (row) => k.globalIdOrNull('Workflow', row.workflowId),
    }),
    llmModel: t.exposeString('llmModel', { description: 'Model name; an empty string counts as absent.' }),
    llmTemperature: t.exposeFloat('llmTemperature', { description: 'Sampling temperature, 0 to 2.' }),
    llmMaxTokens: t.exposeInt('llmMaxTokens', { description: 'Maximum output tokens.' }),
    botAccountName: t.exposeString('botAccountName', { nullable: true, description: 'Bot account for git operations.' }),
    resourceOverrides: t.field({
      type: k.jsonType(kind, 'resource_overrides'),
      nullable: true,
      description: 'JSON object {cpu?, memory?, storage_class?, priority_class?}.',
      resolve: (row) => k.asJsonObject(row.resourceOverrides),
    }),
    environmentVariables: t.field({
      type: [k.KeyValue],
      nullable: true,
      description: 'JSON object of environment variables for the runner.',
      resolve: (row) => k.asEntries(row.environmentVariables),
    }),
    labels: t.field({
      type: [k.KeyValue],
      nullable: true,
      description: 'JSON object of labels, also given to the agent’s sessions.',
      resolve: (row) => k.asEntries(row.labels),
    }),
    annotations: t.field({
      type: [k.KeyValue],
      nullable: true,
      description: 'JSON object of annotations, also given to the agent’s sessions.',
      resolve: (row) => k.asEntries(row.annotations),
    }),
    currentSessionId: t.field({
      type: 'String',
      nullable: true,
      description: 'The agent’s newest session that is Pending, Creating or Running; absent when none is. Derived from the sessions, so always current.',
      resolve: (row, _args, ctx) => k.computedText(ctx, kind, 'current_session_id', row.id),
    }),
  }),
});

export const AgentConnection = builder.connectionObject({ type: AgentNode, name: 'AgentConnection' }, { name: 'AgentEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(AgentNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  parentAgent: t.field({
    type: AgentNode,
    nullable: true,
    description: 'The Agent `parentAgentId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ parentAgent: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, kind, row.parentAgent),
  }),
  owner: t.field({
    type: UserNode,
    nullable: true,
    description: 'The User `ownerUserId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ owner: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, User, row.owner),
  }),
  workflow: t.field({
    type: WorkflowNode,
    nullable: true,
    description: 'The Workflow `workflowId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ workflow: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, Workflow, row.workflow),
  }),
  childAgents: t.relatedConnection(
    'childAgents',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The agents whose parent_agent_id is this Agent.',
      args: { where: t.arg({ type: AgentInputs.where }), orderBy: t.arg({ type: [AgentInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Agent'), AgentInputs.toWhere(args.where)) },
        orderBy: AgentInputs.toOrderBy(args.orderBy),
      }),
    },
    AgentConnection,
  ),
  workflows: t.relatedConnection(
    'workflows',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The workflows whose agent_id is this Agent.',
      args: { where: t.arg({ type: WorkflowInputs.where }), orderBy: t.arg({ type: [WorkflowInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Workflow'), WorkflowInputs.toWhere(args.where)) },
        orderBy: WorkflowInputs.toOrderBy(args.orderBy),
      }),
    },
    WorkflowConnection,
  ),
  scheduledSessions: t.relatedConnection(
    'scheduledSessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The scheduled_sessions whose agent_id is this Agent.',
      args: { where: t.arg({ type: ScheduledSessionInputs.where }), orderBy: t.arg({ type: [ScheduledSessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('ScheduledSession'), ScheduledSessionInputs.toWhere(args.where)) },
        orderBy: ScheduledSessionInputs.toOrderBy(args.orderBy),
      }),
    },
    ScheduledSessionConnection,
  ),
  sessions: t.relatedConnection(
    'sessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose agent_id is this Agent.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
  inbox: t.relatedConnection(
    'inbox',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The inbox_messages whose agent_id is this Agent.',
      args: { where: t.arg({ type: InboxMessageInputs.where }), orderBy: t.arg({ type: [InboxMessageInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('InboxMessage'), InboxMessageInputs.toWhere(args.where)) },
        orderBy: InboxMessageInputs.toOrderBy(args.orderBy),
      }),
    },
    InboxMessageConnection,
  ),
  sentMessages: t.relatedConnection(
    'sentMessages',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The inbox_messages whose from_agent_id is this Agent.',
      args: { where: t.arg({ type: InboxMessageInputs.where }), orderBy: t.arg({ type: [InboxMessageInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('InboxMessage'), InboxMessageInputs.toWhere(args.where)) },
        orderBy: InboxMessageInputs.toOrderBy(args.orderBy),
      }),
    },
    InboxMessageConnection,
  ),
}));

builder.queryField('agents', (t) =>
  t.prismaConnection(
    {
      type: AgentNode,
      cursor: 'id',
      description: 'Agent objects the caller can read.',
      args: { where: t.arg({ type: AgentInputs.where }), orderBy: t.arg({ type: [AgentInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.agent.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Agent'), AgentInputs.toWhere(args.where)) },
          orderBy: AgentInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.agent.count({ where: { AND: k.all(ctx.access.where('Agent'), AgentInputs.toWhere(args.where)) } }),
    },
    AgentConnection,
  ),
);

builder.queryField('agent', (t) =>
  t.prismaField({
    type: AgentNode,
    nullable: true,
    description: 'One Agent by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.agent.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Agent'), { id }) } });
    },
  }),
);

const AgentCreate = k.createInput(kind);
const AgentUpdate = k.updateInput(kind);

builder.mutationField('createAgent', (t) =>
  t.prismaField({
    type: AgentNode,
    description: 'Create a Agent.',
    args: { input: t.arg({ type: AgentCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, AgentCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.agent.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateAgent', (t) =>
  t.prismaField({
    type: AgentNode,
    description: 'Change a Agent; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: AgentUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), AgentUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.agent.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteAgent', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Agent (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
