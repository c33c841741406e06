// Generated from the RepositoryRef Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { RepositoryRef as kind, Project } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';

/** `where` and `orderBy` of RepositoryRef lists. */
export const RepositoryRefInputs = k.queryInputs('RepositoryRef', kind);

export const RepositoryRefNode = builder.prismaNode('RepositoryRef', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('RepositoryRef')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    url: t.exposeString('url', { description: 'Git URL.' }),
    name: t.exposeString('name', { description: 'Name, unique in the project; defaults to repo_name.' }),
    branch: t.exposeString('branch', { nullable: true, description: 'Branch; absent means the repository’s default branch.' }),
    provider: t.expose('provider', { type: k.enumOf(kind, 'provider'), nullable: true, description: 'github or gitlab; derived from the host when absent.' }),
    owner: t.exposeString('owner', { nullable: true, description: 'Owner path (GitLab subgroups keep their slashes); derived from the URL when absent.' }),
    repoName: t.exposeString('repoName', { nullable: true, description: 'Repository name; derived from the URL when absent.' }),
  }),
});

export const RepositoryRefConnection = builder.connectionObject({ type: RepositoryRefNode, name: 'RepositoryRefConnection' }, { name: 'RepositoryRefEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(RepositoryRefNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
}));

builder.queryField('repositoryRefs', (t) =>
  t.prismaConnection(
    {
      type: RepositoryRefNode,
      cursor: 'id',
      description: 'RepositoryRef objects the caller can read.',
      args: { where: t.arg({ type: RepositoryRefInputs.where }), orderBy: t.arg({ type: [RepositoryRefInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.repositoryRef.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('RepositoryRef'), RepositoryRefInputs.toWhere(args.where)) },
          orderBy: RepositoryRefInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.repositoryRef.count({ where: { AND: k.all(ctx.access.where('RepositoryRef'), RepositoryRefInputs.toWhere(args.where)) } }),
    },
    RepositoryRefConnection,
  ),
);

builder.queryField('repositoryRef', (t) =>
  t.prismaField({
    type: RepositoryRefNode,
    nullable: true,
    description: 'One RepositoryRef by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined
        ? null
        : ctx.services.prisma.repositoryRef.findFirst({ ...query, where: { AND: k.all(ctx.access.where('RepositoryRef'), { id }) } });
    },
  }),
);

const RepositoryRefCreate = k.createInput(kind);
const RepositoryRefUpdate = k.updateInput(kind);

builder.mutationField('createRepositoryRef', (t) =>
  t.prismaField({
    type: RepositoryRefNode,
    description: 'Create a RepositoryRef.',
    args: { input: t.arg({ type: RepositoryRefCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, RepositoryRefCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.repositoryRef.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateRepositoryRef', (t) =>
  t.prismaField({
    type: RepositoryRefNode,
    description: 'Change a RepositoryRef; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: RepositoryRefUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), RepositoryRefUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.repositoryRef.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteRepositoryRef', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a RepositoryRef (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
