// Generated from the Credential Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { Credential as kind, User } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { UserNode } from './user.ts';

/** `where` and `orderBy` of Credential lists. */
export const CredentialInputs = k.queryInputs('Credential', kind);

export const CredentialNode = builder.prismaNode('Credential', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('Credential')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    userId: t.field({ type: 'ID', description: 'Global id of the User in `user`.', resolve: (row) => k.globalId('User', row.userId) }),
    provider: t.expose('provider', {
      type: k.enumOf(kind, 'provider'),
      description: 'github, gitlab, google, jira, vertex (a service-account JSON key) or kubeconfig; one per user.',
    }),
    authType: t.expose('authType', { type: k.enumOf(kind, 'auth_type'), description: 'pat, app, oauth, api_token, service_account or kubeconfig; derived.' }),
    name: t.exposeString('name', { description: 'Name; defaults to the provider.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text.' }),
    url: t.exposeString('url', { nullable: true, description: 'Provider URL; defaults for github and gitlab, required for jira.' }),
    email: t.exposeString('email', { nullable: true, description: 'Account email; required for jira.' }),
    username: t.exposeString('username', { nullable: true, description: 'Provider login.' }),
    installationId: t.expose('installationId', { type: 'SafeInt', nullable: true, description: 'GitHub App installation (github only).' }),
    hasToken: t.field({
      type: 'Boolean',
      nullable: true,
      description: 'Whether a token is stored.',
      resolve: (row, _args, ctx) => k.computedFlag(ctx, kind, 'has_token', row.id),
    }),
    scopes: t.exposeStringList('scopes', { nullable: true, description: 'Granted OAuth scopes (google).' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'Access-token expiry (google).' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'When a runner last fetched the credential.' }),
    labels: t.field({ type: [k.KeyValue], nullable: true, description: 'JSON object of labels.', resolve: (row) => k.asEntries(row.labels) }),
    annotations: t.field({ type: [k.KeyValue], nullable: true, description: 'JSON object of annotations.', resolve: (row) => k.asEntries(row.annotations) }),
  }),
});

export const CredentialConnection = builder.connectionObject({ type: CredentialNode, name: 'CredentialConnection' }, { name: 'CredentialEdge' });

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(CredentialNode, (t) => ({
  user: t.field({
    type: UserNode,
    description: 'The User `userId` refers to.',
    select: (_args, _ctx, nested) => ({ user: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, User, row.user),
  }),
}));

builder.queryField('credentials', (t) =>
  t.prismaConnection(
    {
      type: CredentialNode,
      cursor: 'id',
      description: 'Credential objects the caller can read.',
      args: { where: t.arg({ type: CredentialInputs.where }), orderBy: t.arg({ type: [CredentialInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.credential.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('Credential'), CredentialInputs.toWhere(args.where)) },
          orderBy: CredentialInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.credential.count({ where: { AND: k.all(ctx.access.where('Credential'), CredentialInputs.toWhere(args.where)) } }),
    },
    CredentialConnection,
  ),
);

builder.queryField('credential', (t) =>
  t.prismaField({
    type: CredentialNode,
    nullable: true,
    description: 'One Credential by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined ? null : ctx.services.prisma.credential.findFirst({ ...query, where: { AND: k.all(ctx.access.where('Credential'), { id }) } });
    },
  }),
);

const CredentialCreate = k.createInput(kind);
const CredentialUpdate = k.updateInput(kind);

builder.mutationField('createCredential', (t) =>
  t.prismaField({
    type: CredentialNode,
    description: 'Create a Credential.',
    args: { input: t.arg({ type: CredentialCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, CredentialCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.credential.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateCredential', (t) =>
  t.prismaField({
    type: CredentialNode,
    description: 'Change a Credential; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CredentialUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), CredentialUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.credential.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteCredential', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a Credential (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
