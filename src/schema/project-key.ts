// Generated from the ProjectKey Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { ProjectKey as kind, Project, User } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { UserNode } from './user.ts';

/** `where` and `orderBy` of ProjectKey lists. */
export const ProjectKeyInputs = k.queryInputs('ProjectKey', kind);

export const ProjectKeyNode = builder.prismaNode('ProjectKey', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('ProjectKey')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    name: t.exposeString('name', { description: 'Name.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text.' }),
    role: t.expose('role', { type: k.enumOf(kind, 'role'), description: 'Role of the key; at most the creator’s own role.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'Expiry, in the future; absent: never expires.' }),
    key: t.field({
      type: 'String',
      nullable: true,
      description: 'The secret: only in the response to POST, never again.',
      resolve: (row) => k.writtenValue(row, 'key'),
    }),
    createdByUserId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the User in `creator`.',
      resolve: (row) => k.globalIdOrNull('User', row.createdByUserId),
    }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'Last authentication with the key (at most once a minute).' }),
  }),
});

export const ProjectKeyConnection = builder.connectionObject({ type: ProjectKeyNode, name: 'ProjectKeyConnection' }, { name: 'ProjectKeyEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(ProjectKeyNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  creator: t.field({
    type: UserNode,
    nullable: true,
    description: 'The User `createdByUserId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ creator: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, User, row.creator),
  }),
}));

builder.queryField('projectKeys', (t) =>
  t.prismaConnection(
    {
      type: ProjectKeyNode,
      cursor: 'id',
      description: 'ProjectKey objects the caller can read.',
      args: { where: t.arg({ type: ProjectKeyInputs.where }), orderBy: t.arg({ type: [ProjectKeyInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.projectKey.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('ProjectKey'), ProjectKeyInputs.toWhere(args.where)) },
          orderBy: ProjectKeyInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.projectKey.count({ where: { AND: k.all(ctx.access.where('ProjectKey'), ProjectKeyInputs.toWhere(args.where)) } }),
    },
    ProjectKeyConnection,
  ),
);

builder.queryField('projectKey', (t) =>
  t.prismaField({
    type: ProjectKeyNode,
    nullable: true,
    description: 'One ProjectKey by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.projectKey.findFirst({ ...query, where: { AND: k.all(ctx.access.where('ProjectKey'), { id }) } });
    },
  }),
);

const ProjectKeyCreate = k.createInput(kind);
const ProjectKeyUpdate = k.updateInput(kind);

builder.mutationField('createProjectKey', (t) =>
  t.prismaField({
    type: ProjectKeyNode,
    description: 'Create a ProjectKey.',
    args: { input: t.arg({ type: ProjectKeyCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, ProjectKeyCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.projectKey.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateProjectKey', (t) =>
  t.prismaField({
    type: ProjectKeyNode,
    description: 'Change a ProjectKey; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ProjectKeyUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), ProjectKeyUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.projectKey.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteProjectKey', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a ProjectKey (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
