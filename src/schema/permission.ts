// Generated from the Permission Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Permission as kind, Project } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';

/** `where` and `orderBy` of Permission lists. */
export const PermissionInputs = k.queryInputs('Permission', kind);

export const PermissionNode = builder.prismaNode('Permission', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Permission')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    subjectType: t.expose('subjectType', { type: k.enumOf(kind, 'subject_type'), description: 'user or group (accepted in any case, stored lower case).' }),
    subjectName: t.exposeString('subjectName', { description: 'A username, or a group name.' }),
    role: t.expose('role', { type: k.enumOf(kind, 'role'), description: 'admin, edit or view.' }),
  }),
});

export const PermissionConnection = builder.connectionObject({ type: PermissionNode, name: 'PermissionConnection' }, { name: 'PermissionEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(PermissionNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
}));

builder.queryField('permissions', (t) =>
  t.prismaConnection(
    {
      type: PermissionNode,
      cursor: 'id',
      description: 'Permission objects the caller can read.',
      args: { where: t.arg({ type: PermissionInputs.where }), orderBy: t.arg({ type: [PermissionInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.permission.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Permission'), PermissionInputs.toWhere(args.where)) },
          orderBy: PermissionInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.permission.count({ where: { AND: k.all(ctx.access.where('Permission'), PermissionInputs.toWhere(args.where)) } }),
    },
    PermissionConnection,
  ),
);

builder.queryField('permission', (t) =>
  t.prismaField({
    type: PermissionNode,
    nullable: true,
    description: 'One Permission by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.permission.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Permission'), { id }) } });
    },
  }),
);

const PermissionCreate = k.createInput(kind);
const PermissionUpdate = k.updateInput(kind);

builder.mutationField('createPermission', (t) =>
  t.prismaField({
    type: PermissionNode,
    description: 'Create a Permission.',
    args: { input: t.arg({ type: PermissionCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, PermissionCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.permission.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updatePermission', (t) =>
  t.prismaField({
    type: PermissionNode,
    description: 'Change a Permission; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PermissionUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), PermissionUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.permission.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deletePermission', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Permission (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
