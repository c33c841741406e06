// Generated from the ProjectSettings Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { ProjectSettings as kind, Project } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';

/** `where` and `orderBy` of ProjectSettings lists. */
export const ProjectSettingsInputs = k.queryInputs('ProjectSettings', kind);

export const ProjectSettingsNode = builder.prismaNode('ProjectSettings', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('ProjectSettings')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    groupAccess: t.field({
      type: [k.jsonType(kind, 'group_access')],
      nullable: true,
      description: 'JSON array of {group_name, role}: a view over the project’s group Permissions. Writing it makes them equal to the array.',
      resolve: (row, _args, ctx) => k.computedJsonObjects(ctx, kind, 'group_access', row.id),
    }),
    repositories: t.field({
      type: [k.jsonType(kind, 'repositories')],
      nullable: true,
      description: 'JSON array (at most 100) of {url, branch?, provider?}.',
      resolve: (row) => k.asJsonObjects(row.repositories),
    }),
  }),
});

export const ProjectSettingsConnection = builder.connectionObject(
  { type: ProjectSettingsNode, name: 'ProjectSettingsConnection' },
  { name: 'ProjectSettingsEdge' },
);

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(ProjectSettingsNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
}));

builder.queryField('allProjectSettings', (t) =>
  t.prismaConnection(
    {
      type: ProjectSettingsNode,
      cursor: 'id',
      description: 'ProjectSettings objects the caller can read.',
      args: { where: t.arg({ type: ProjectSettingsInputs.where }), orderBy: t.arg({ type: [ProjectSettingsInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.projectSettings.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('ProjectSettings'), ProjectSettingsInputs.toWhere(args.where)) },
          orderBy: ProjectSettingsInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.projectSettings.count({ where: { AND: k.all(ctx.access.where('ProjectSettings'), ProjectSettingsInputs.toWhere(args.where)) } }),
    },
    ProjectSettingsConnection,
  ),
);

builder.queryField('projectSettings', (t) =>
  t.prismaField({
    type: ProjectSettingsNode,
    nullable: true,
    description: 'One ProjectSettings by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined
        ? null
        : ctx.services.prisma.projectSettings.findFirst({ ...query, where: { AND: k.all(ctx.access.where('ProjectSettings'), { id }) } });
    },
  }),
);

const ProjectSettingsCreate = k.createInput(kind);
const ProjectSettingsUpdate = k.updateInput(kind);

builder.mutationField('createProjectSettings', (t) =>
  t.prismaField({
    type: ProjectSettingsNode,
    description: 'Create a ProjectSettings.',
    args: { input: t.arg({ type: ProjectSettingsCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, ProjectSettingsCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.projectSettings.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateProjectSettings', (t) =>
  t.prismaField({
    type: ProjectSettingsNode,
    description: 'Change a ProjectSettings; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ProjectSettingsUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), ProjectSettingsUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.projectSettings.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteProjectSettings', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a ProjectSettings (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
