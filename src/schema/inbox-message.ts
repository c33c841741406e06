// Generated from the InboxMessage Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { InboxMessage as kind, Project, Agent } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { AgentNode } from './agent.ts';

/** `where` and `orderBy` of InboxMessage lists. */
export const InboxMessageInputs = k.queryInputs('InboxMessage', kind);

export const InboxMessageNode = builder.prismaNode('InboxMessage', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('InboxMessage')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    agentId: t.field({ type: 'ID', description: 'Global id of the Agent in `agent`.', resolve: (row) => k.globalId('Agent', row.agentId) }),
    fromAgentId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Agent in `fromAgent`.',
      resolve: (row) => k.globalIdOrNull('Agent', row.fromAgentId),
    }),
    fromName: t.exposeString('fromName', { nullable: true, description: 'Who sent it, as shown in the start prompt.' }),
    body: t.exposeString('body', { description: 'The message.' }),
    read: t.exposeBoolean('read', { description: 'Read; a start marks the messages it used read.' }),
  }),
});

export const InboxMessageConnection = builder.connectionObject({ type: InboxMessageNode, name: 'InboxMessageConnection' }, { name: 'InboxMessageEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(InboxMessageNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  agent: t.field({
    type: AgentNode,
    description: 'The Agent `agentId` refers to.',
    select: (_args, _ctx, nested) => ({ agent: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Agent, row.agent),
  }),
  fromAgent: t.field({
    type: AgentNode,
    nullable: true,
    description: 'The Agent `fromAgentId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ fromAgent: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, Agent, row.fromAgent),
  }),
}));

builder.queryField('inboxMessages', (t) =>
  t.prismaConnection(
    {
      type: InboxMessageNode,
      cursor: 'id',
      description: 'InboxMessage objects the caller can read.',
      args: { where: t.arg({ type: InboxMessageInputs.where }), orderBy: t.arg({ type: [InboxMessageInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.inboxMessage.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('InboxMessage'), InboxMessageInputs.toWhere(args.where)) },
          orderBy: InboxMessageInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.inboxMessage.count({ where: { AND: k.all(ctx.access.where('InboxMessage'), InboxMessageInputs.toWhere(args.where)) } }),
    },
    InboxMessageConnection,
  ),
);

builder.queryField('inboxMessage', (t) =>
  t.prismaField({
    type: InboxMessageNode,
    nullable: true,
    description: 'One InboxMessage by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined
        ? null
        : ctx.services.prisma.inboxMessage.findFirst({ ...query, where: { AND: k.all(ctx.access.where('InboxMessage'), { id }) } });
    },
  }),
);

const InboxMessageCreate = k.createInput(kind);
const InboxMessageUpdate = k.updateInput(kind);

builder.mutationField('createInboxMessage', (t) =>
  t.prismaField({
    type: InboxMessageNode,
    description: 'Create a InboxMessage.',
    args: { input: t.arg({ type: InboxMessageCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, InboxMessageCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.inboxMessage.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateInboxMessage', (t) =>
  t.prismaField({
    type: InboxMessageNode,
    description: 'Change a InboxMessage; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: InboxMessageUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), InboxMessageUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.inboxMessage.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteInboxMessage', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a InboxMessage (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
