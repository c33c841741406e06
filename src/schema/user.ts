// Generated from the User Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { User as kind } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { AgentConnection, AgentInputs } from './agent.ts';
import { SessionConnection, SessionInputs } from './session.ts';
import { ProjectKeyConnection, ProjectKeyInputs } from './project-key.ts';
import { CredentialConnection, CredentialInputs } from './credential.ts';

/** `where` and `orderBy` of User lists. */
export const UserInputs = k.queryInputs('User', kind);

export const UserNode = builder.prismaNode('User', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('User')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    username: t.exposeString('username', { description: 'Login identity; the subject name of user Permissions.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address.' }),
    groups: t.exposeStringList('groups', { description: 'Groups for authorization, added to the groups of the caller’s token.' }),
  }),
});

export const UserConnection = builder.connectionObject({ type: UserNode, name: 'UserConnection' }, { name: 'UserEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(UserNode, (t) => ({
  ownedAgents: t.relatedConnection(
    'ownedAgents',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The agents whose owner_user_id is this User.',
      args: { where: t.arg({ type: AgentInputs.where }), orderBy: t.arg({ type: [AgentInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Agent'), AgentInputs.toWhere(args.where)) },
        orderBy: AgentInputs.toOrderBy(args.orderBy),
      }),
    },
    AgentConnection,
  ),
  assignedSessions: t.relatedConnection(
    'assignedSessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose assigned_user_id is this User.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
  createdSessions: t.relatedConnection(
    'createdSessions',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose created_by_user_id is this User.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
  projectKeys: t.relatedConnection(
    'projectKeys',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The project_keys whose created_by_user_id is this User.',
      args: { where: t.arg({ type: ProjectKeyInputs.where }), orderBy: t.arg({ type: [ProjectKeyInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('ProjectKey'), ProjectKeyInputs.toWhere(args.where)) },
        orderBy: ProjectKeyInputs.toOrderBy(args.orderBy),
      }),
    },
    ProjectKeyConnection,
  ),
  credentials: t.relatedConnection(
    'credentials',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The credentials whose user_id is this User.',
      args: { where: t.arg({ type: CredentialInputs.where }), orderBy: t.arg({ type: [CredentialInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Credential'), CredentialInputs.toWhere(args.where)) },
        orderBy: CredentialInputs.toOrderBy(args.orderBy),
      }),
    },
    CredentialConnection,
  ),
}));

builder.queryField('users', (t) =>
  t.prismaConnection(
    {
      type: UserNode,
      cursor: 'id',
      description: 'User objects the caller can read.',
      args: { where: t.arg({ type: UserInputs.where }), orderBy: t.arg({ type: [UserInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.user.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('User'), UserInputs.toWhere(args.where)) },
          orderBy: UserInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.user.count({ where: { AND: k.all(ctx.access.where('User'), UserInputs.toWhere(args.where)) } }),
    },
    UserConnection,
  ),
);

builder.queryField('user', (t) =>
  t.prismaField({
    type: UserNode,
    nullable: true,
    description: 'One User by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.user.findFirst({ ...query, where: { AND: k.all(ctx.access.where('User'), { id }) } });
    },
  }),
);

builder.queryField('userByUsername', (t) =>
  t.prismaField({
    type: UserNode,
    nullable: true,
    description: 'One User by its username; null when it does not exist or is not visible.',
    args: { username: t.arg.string({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.user.findFirst({ ...query, where: { AND: k.all(ctx.access.where('User'), { username: args.username }) } }),
  }),
);

const UserCreate = k.createInput(kind);
const UserUpdate = k.updateInput(kind);

builder.mutationField('createUser', (t) =>
  t.prismaField({
    type: UserNode,
    description: 'Create a User.',
    args: { input: t.arg({ type: UserCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, UserCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.user.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateUser', (t) =>
  t.prismaField({
    type: UserNode,
    description: 'Change a User; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UserUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), UserUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.user.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteUser', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a User (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
