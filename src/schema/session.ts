// Generated from the Session Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Session as kind, Project, User, Agent, Workflow, ScheduledSession } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { UserNode } from './user.ts';
import { AgentNode } from './agent.ts';
import { WorkflowNode } from './workflow.ts';
import { ScheduledSessionNode } from './scheduled-session.ts';

/** `where` and `orderBy` of Session lists. */
export const SessionInputs = k.queryInputs('Session', kind);

export const SessionNode = builder.prismaNode('Session', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Session')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    prompt: t.exposeString('prompt', { nullable: true, description: 'Initial prompt.' }),
    repoUrl: t.exposeString('repoUrl', { nullable: true, description: 'Deprecated: use repos. Used only when repos is absent or empty.' }),
    repos: t.field({
      type: [k.jsonType(kind, 'repos')],
      nullable: true,
      description: 'JSON array (at most 50) of {url, branch?, auto_push?}.',
      resolve: (row) => k.asJsonObjects(row.repos),
    }),
    interactive: t.exposeBoolean('interactive', { description: 'Chat (true) or batch (false) session.' }),
    timeout: t.exposeInt('timeout', { description: 'Session timeout in seconds.' }),
    llmModel: t.exposeString('llmModel', { description: 'Model name; an empty string counts as absent.' }),
    llmTemperature: t.exposeFloat('llmTemperature', { description: 'Sampling temperature, 0 to 2.' }),
    llmMaxTokens: t.exposeInt('llmMaxTokens', { description: 'Maximum output tokens.' }),
    workflowId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Workflow in `workflow`.',
      resolve: (row) => k.globalIdOrNull('Workflow', row.workflowId),
    }),
    assignedUserId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the User in `assignee`.',
      resolve: (row) => k.globalIdOrNull('User', row.assignedUserId),
    }),
    parentSessionId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Session in `parent`.',
      resolve: (row) => k.globalIdOrNull('Session', row.parentSessionId),
    }),
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
      description: 'JSON object of Kubernetes labels for the AgenticSession.',
      resolve: (row) => k.asEntries(row.labels),
    }),
    annotations: t.field({
      type: [k.KeyValue],
      nullable: true,
      description: 'JSON object of Kubernetes annotations for the AgenticSession.',
      resolve: (row) => k.asEntries(row.annotations),
    }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    agentId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Agent in `agent`.',
      resolve: (row) => k.globalIdOrNull('Agent', row.agentId),
    }),
    scheduledSessionId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the ScheduledSession in `scheduledSession`.',
      resolve: (row) => k.globalIdOrNull('ScheduledSession', row.scheduledSessionId),
    }),
    createdByUserId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the User in `creator`.',
      resolve: (row) => k.globalIdOrNull('User', row.createdByUserId),
    }),
    phase: t.expose('phase', { type: k.enumOf(kind, 'phase'), nullable: true, description: 'Lifecycle phase; absent until the session is first started.' }),
    startTime: t.expose('startTime', { type: 'DateTime', nullable: true, description: 'When the runner started.' }),
    completionTime: t.expose('completionTime', { type: 'DateTime', nullable: true, description: 'When the session reached a terminal phase.' }),
    sdkSessionId: t.exposeString('sdkSessionId', { nullable: true, description: 'Agent SDK session id, for resume.' }),
    sdkRestartCount: t.exposeInt('sdkRestartCount', { description: 'Number of agent SDK restarts.' }),
    conditions: t.field({
      type: [k.jsonType(kind, 'conditions')],
      nullable: true,
      description: 'JSON array of runtime conditions.',
      resolve: (row) => k.asJsonObjects(row.conditions),
    }),
    reconciledRepos: t.field({
      type: [k.jsonType(kind, 'reconciled_repos')],
      nullable: true,
      description: 'JSON array of repositories as cloned in the runner.',
      resolve: (row) => k.asJsonObjects(row.reconciledRepos),
    }),
    reconciledWorkflow: t.field({
      type: k.jsonType(kind, 'reconciled_workflow'),
      nullable: true,
      description: 'JSON object of the workflow as loaded in the runner.',
      resolve: (row) => k.asJsonObject(row.reconciledWorkflow),
    }),
    kubeCrName: t.exposeString('kubeCrName', { description: 'Name of the AgenticSession: session- plus the id in lower case.' }),
    kubeCrUid: t.exposeString('kubeCrUid', { nullable: true, description: 'uid of the AgenticSession.' }),
    kubeNamespace: t.exposeString('kubeNamespace', { nullable: true, description: 'Namespace of the AgenticSession: the project’s name.' }),
  }),
});

export const SessionConnection = builder.connectionObject({ type: SessionNode, name: 'SessionConnection' }, { name: 'SessionEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(SessionNode, (t) => ({
  workflow: t.field({
    type: WorkflowNode,
    nullable: true,
    description: 'The Workflow `workflowId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ workflow: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, Workflow, row.workflow),
  }),
  assignee: t.field({
    type: UserNode,
    nullable: true,
    description: 'The User `assignedUserId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ assignee: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, User, row.assignee),
  }),
  parent: t.field({
    type: SessionNode,
    nullable: true,
    description: 'The Session `parentSessionId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ parent: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, kind, row.parent),
  }),
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  agent: t.field({
    type: AgentNode,
    nullable: true,
    description: 'The Agent `agentId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ agent: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, Agent, row.agent),
  }),
  scheduledSession: t.field({
    type: ScheduledSessionNode,
    nullable: true,
    description: 'The ScheduledSession `scheduledSessionId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ scheduledSession: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, ScheduledSession, row.scheduledSession),
  }),
  creator: t.field({
    type: UserNode,
    nullable: true,
    description: 'The User `createdByUserId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ creator: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, User, row.creator),
  }),
  children: t.relatedConnection(
    'children',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose parent_session_id is this Session.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
}));

builder.queryField('sessions', (t) =>
  t.prismaConnection(
    {
      type: SessionNode,
      cursor: 'id',
      description: 'Session objects the caller can read.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.session.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
          orderBy: SessionInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.session.count({ where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) } }),
    },
    SessionConnection,
  ),
);

builder.queryField('session', (t) =>
  t.prismaField({
    type: SessionNode,
    nullable: true,
    description: 'One Session by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.session.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Session'), { id }) } });
    },
  }),
);

builder.queryField('sessionByKubeCrName', (t) =>
  t.prismaField({
    type: SessionNode,
    nullable: true,
    description: 'One Session by its kubeCrName; null when it does not exist or is not visible.',
    args: { kubeCrName: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.session.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Session'), { kubeCrName: args.kubeCrName }) } }),
  }),
);

const SessionCreate = k.createInput(kind);
const SessionUpdate = k.updateInput(kind);

builder.mutationField('createSession', (t) =>
  t.prismaField({
    type: SessionNode,
    description: 'Create a Session.',
    args: { input: t.arg({ type: SessionCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, SessionCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.session.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateSession', (t) =>
  t.prismaField({
    type: SessionNode,
    description: 'Change a Session; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: SessionUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), SessionUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.session.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteSession', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Session (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
