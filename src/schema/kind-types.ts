import { queryFromInfo } from '@pothos/plugin-prisma';
import type { GraphQLResolveInfo } from 'graphql';
import { camel } from '../db/prisma-schema.ts';
import { notFound } from '../domain/errors.ts';
import type { Field, Kind } from '../kinds/define.ts';
import { KINDS, kindNamed } from '../kinds/index.ts';
import { builder } from './builder.ts';
import { isComputed } from './computed.ts';
import type { GraphqlContext } from './context.ts';
import { derivedFields, derivedRootFields, type DerivedFieldBuilder, type Row } from './derived.ts';
import { kindQueryInputs, localId, type KindQueryInputs, type OrderItem } from './filters.ts';
import { kindInput, outputField, type KindInput } from './kind-fields.ts';
import { graphqlFieldName, lowerFirst, pascal } from './names.ts';

/**
 * The GraphQL surface of every Kind, derived from its declaration: a Relay node type with every
 * readable field, both directions of every reference, a connection type with `totalCount`, typed
 * `where`/`orderBy` inputs, root queries, and create/update/delete mutations.
 *
 * Reads go through Prisma, planned by the Prisma plugin from the selection so nested relations
 * load in a fixed number of statements; every read filters with the caller's ReadAccess.
 * Writes go through the domain layer (the same validation, authorization and change events as
 * REST); the result is then re-read with the selection.
 */

interface Delegate {
  findMany(args: Row): Promise<Row[]>;
  findFirst(args: Row): Promise<Row | null>;
  findUniqueOrThrow(args: Row): Promise<Row>;
  count(args: Row): Promise<number>;
}

/** The Prisma model delegate of a Kind (`prisma.session` for Session). */
export function rowsOf(ctx: GraphqlContext, kind: Kind): Delegate {
  return (ctx.services.prisma as unknown as Record<string, Delegate>)[lowerFirst(kind.name)]!;
}

export interface KindGraph {
  kind: Kind;
  /** The node type and the connection type (values, see derived.ts). */
  ref: unknown;
  connection: unknown;
  inputs: KindQueryInputs;
}

const graphs = new Map<string, KindGraph>();

export function graphOf(kind: Kind): KindGraph {
  const graph = graphs.get(kind.name);
  if (!graph) throw new Error(`no GraphQL type for Kind ${kind.name}`);
  return graph;
}

const and = (...conditions: (Row | undefined)[]): Row => ({ AND: conditions.filter((c) => c !== undefined) });

/** Fields shown on reads: everything but write-only secrets. */
const readable = (kind: Kind) => kind.fields.filter((f) => f.access !== 'write-only');

/** References to `kind` declared by other Kinds (the inverse direction). */
function inverseReferences(kind: Kind): { from: Kind; field: Field }[] {
  return KINDS.flatMap((from) => from.fields.filter((f) => f.references?.kind === kind.name).map((field) => ({ from, field })));
}

/**
 * A reference whose target cannot be missing: required, never reassigned, and deleting the target
 * deletes the referencing rows (a project's rows, a workflow's members, a user's credentials).
 */
const isOwningReference = (field: Field) => field.notNull && field.access !== 'writable';

/** Kinds whose rows have a position are listed in position order by default. */
const defaultOrder = (kind: Kind): OrderItem[] => [{ field: kind.field['position'] ? 'position' : 'created_at', direction: 'asc' }];

/**
 * The authorization each object of the Kind passes (a second check behind the read filters): the
 * read policy on the object itself. Workflow members are only read through their workflow.
 */
function typeScopes(kind: Kind) {
  if (kind.scope === 'workflow') return { authenticated: true };
  return (row: Row) => ({ readable: { kind, row } });
}

function defineNode(kind: Kind): KindGraph {
  const inputs = kindQueryInputs(kind, defaultOrder(kind));
  const ref = builder.prismaNode(kind.name, {
    id: { field: 'id' },
    description: kind.description,
    nullable: true,
    // Node lookups by global id obey the same read rules as lists.
    findUnique: (id, ctx) => ({ id, AND: [ctx.access.rows(kind)] }),
    authScopes: typeScopes(kind),
    fields: (t) => nodeFields(derivedFields(t), kind) as never,
  });
  const connection = builder.connectionObject({ type: ref, name: `${kind.name}Connection` }, { name: `${kind.name}Edge` });
  const graph: KindGraph = { kind, ref, connection, inputs };
  graphs.set(kind.name, graph);
  return graph;
}

/** Every field of a Kind's node type. */
function nodeFields(t: DerivedFieldBuilder, kind: Kind): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    databaseId: t.field({
      type: 'String',
      description: 'The id in the REST API, the AG-UI endpoints and the database (a KSUID); `id` is the GraphQL global id.',
      resolve: (row) => row['id'],
    }),
    createdAt: t.field({ type: 'DateTime', resolve: (row) => row['createdAt'] }),
    updatedAt: t.field({ type: 'DateTime', resolve: (row) => row['updatedAt'] }),
  };
  for (const field of readable(kind)) {
    fields[graphqlFieldName(field.name)] = t.field(outputField(kind, field));
    const reference = field.references;
    if (!reference) continue;
    const target = kindNamed(reference.kind);
    fields[reference.relation] = t.field({
      type: graphOf(target).ref,
      nullable: !isOwningReference(field),
      description: `The ${target.name} \`${graphqlFieldName(field.name)}\` refers to${isOwningReference(field) ? '.' : '; null when there is none, or it was deleted or is not visible to the caller.'}`,
      select: (_args, _ctx, nested) => ({ [reference.relation]: nested(true) }),
      resolve: (row, _args, ctx) => {
        const related = row[reference.relation] as Row | null;
        return related && ctx.access.canRead(target, related) ? related : null;
      },
    });
  }
  for (const { from, field } of inverseReferences(kind)) {
    const name = field.references!.inverse;
    const other = graphOf(from);
    const single = from.unique.some((u) => u.columns.length === 1 && u.columns[0] === field.name);
    fields[name] = single
      ? t.field({
          type: other.ref,
          nullable: true,
          description: `The ${from.name} of this ${kind.name} (there is at most one).`,
          select: (_args, ctx, nested) => ({ [name]: nested({ where: ctx.access.rows(from), take: 1 }) }),
          resolve: (row) => (row[name] as Row[])[0] ?? null,
        })
      : t.relatedConnection(
          name,
          {
            cursor: 'id',
            totalCount: true,
            description: `The ${from.plural} whose ${field.name} is this ${kind.name}.`,
            args: { where: t.arg({ type: other.inputs.where }), orderBy: t.arg({ type: [other.inputs.orderBy] }) },
            query: (args, ctx) => ({
              where: and(ctx.access.rows(from), other.inputs.toWhere(args['where'] as Row | undefined)),
              orderBy: other.inputs.toOrderBy(args['orderBy'] as Row[] | undefined),
            }),
          },
          other.connection,
        );
  }
  return { ...fields, ...memberLists(t, kind) };
}

/**
 * Membership Kinds (scope `workflow`: WorkflowSkill, WorkflowTask) put members into a workflow at
 * a position. The workflow also lists the members themselves, in that order: `skills`, `tasks`.
 */
function memberLists(t: DerivedFieldBuilder, kind: Kind): Record<string, unknown> {
  const lists: Record<string, unknown> = {};
  for (const membership of KINDS.filter((k) => k.scope === 'workflow')) {
    const owner = membership.fields.find((f) => f.references?.kind === kind.name && f.name === 'workflow_id');
    const member = membership.fields.find((f) => f.references && f !== owner);
    if (!owner || !member) continue;
    const memberKind = kindNamed(member.references!.kind);
    const through = owner.references!.inverse;
    const relation = member.references!.relation;
    lists[camel(memberKind.plural)] = t.field({
      type: [graphOf(memberKind).ref],
      description: `The ${memberKind.plural} of this ${kind.name} in ${membership.name} order.`,
      select: (_args, ctx, nested) => ({
        [through]: {
          where: ctx.access.rows(membership),
          orderBy: graphOf(membership).inputs.toOrderBy(undefined),
          select: { [relation]: nested(true) },
        },
      }),
      resolve: (row, _args, ctx) => (row[through] as Row[]).map((m) => m[relation] as Row).filter((m) => ctx.access.canRead(memberKind, m)),
    });
  }
  return lists;
}

/** Root fields: a connection, a lookup by global id, and lookups by single-column unique keys. */
function defineQueries(graph: KindGraph): void {
  const { kind, inputs } = graph;
  const plural = camel(kind.plural);
  const single = lowerFirst(kind.name);
  const connectionName = plural === single ? `all${pascal(kind.plural)}` : plural;
  builder.queryField(connectionName, (t) => {
    const root = derivedRootFields(t);
    return root.prismaConnection(
      {
        type: kind.name,
        cursor: 'id',
        description: `${kind.name} objects the caller can read.`,
        args: { where: root.arg({ type: inputs.where }), orderBy: root.arg({ type: [inputs.orderBy] }) },
        resolve: (query, _root, args, ctx) =>
          rowsOf(ctx, kind).findMany({
            ...query,
            where: and(ctx.access.rows(kind), inputs.toWhere(args['where'] as Row)),
            orderBy: inputs.toOrderBy(args['orderBy'] as Row[]),
          }),
        totalCount: (_connection, args, ctx) => rowsOf(ctx, kind).count({ where: and(ctx.access.rows(kind), inputs.toWhere(args['where'] as Row)) }),
      },
      graph.connection,
    ) as never;
  });
  builder.queryField(single, (t) => {
    const root = derivedRootFields(t);
    return root.prismaField({
      type: kind.name,
      nullable: true,
      description: `One ${kind.name} by its global id; null when it does not exist or is not visible.`,
      args: { id: root.arg({ type: 'ID', required: true }) },
      resolve: (query, _root, args, ctx) => {
        const id = decodedOrUndefined(String(args['id']), kind);
        return id === undefined ? null : rowsOf(ctx, kind).findFirst({ ...query, where: and(ctx.access.rows(kind), { id }) });
      },
    }) as never;
  });
  for (const unique of kind.unique) {
    const column = unique.columns[0]!;
    if (unique.columns.length !== 1 || kind.field[column]?.references) continue;
    const arg = graphqlFieldName(column);
    builder.queryField(`${single}By${pascal(column)}`, (t) => {
      const root = derivedRootFields(t);
      return root.prismaField({
        type: kind.name,
        nullable: true,
        description: `One ${kind.name} by its ${arg}; null when it does not exist or is not visible.`,
        args: { [arg]: root.arg({ type: 'String', required: true }) },
        resolve: (query, _root, args, ctx) => rowsOf(ctx, kind).findFirst({ ...query, where: and(ctx.access.rows(kind), { [arg]: args[arg] }) }),
      }) as never;
    });
  }
}

function decodedOrUndefined(globalId: string, kind: Kind): string | undefined {
  try {
    return localId(globalId, kind, 'id');
  } catch {
    return undefined;
  }
}

/** The local id of the object a mutation acts on; an id of another Kind is unknown (404 code 7). */
export function targetId(globalId: string, kind: Kind): string {
  const id = decodedOrUndefined(globalId, kind);
  if (id === undefined) throw notFound(kind.name, globalId);
  return id;
}

/**
 * The object a mutation wrote, re-read with the selection of the mutation field. The caller's read
 * access is refreshed first, since the write may have changed it (a new project's admin).
 */
export async function reread(kind: Kind, written: Row, ctx: GraphqlContext, info: GraphQLResolveInfo): Promise<Row> {
  await ctx.access.refresh();
  const row = await rowsOf(ctx, kind).findUniqueOrThrow({ ...queryFromInfo({ context: ctx, info }), where: { id: written['id'] } });
  // Values only the write that produced them returns, such as a new project key's secret.
  for (const field of kind.fields) {
    if (!field.column && !isComputed(kind, field.name) && written[field.name] !== undefined) row[graphqlFieldName(field.name)] = written[field.name];
  }
  return row;
}

const DeletePayload = builder.objectRef<{ deletedId: string }>('DeletePayload').implement({
  description: 'The result of a delete: the global id of the object that no longer exists.',
  fields: (t) => ({ deletedId: t.exposeID('deletedId') }),
});

const settable = (kind: Kind, mode: 'create' | 'update') =>
  kind.fields.filter((f) => f.access === 'writable' || f.access === 'write-only' || (mode === 'create' && f.access === 'immutable'));

/** createX, updateX and deleteX through the domain layer. */
function defineMutations(graph: KindGraph): void {
  const { kind } = graph;
  const create: KindInput = kindInput(`Create${kind.name}Input`, `A new ${kind.name}.`, kind, settable(kind, 'create'), true);
  const update: KindInput = kindInput(
    `Update${kind.name}Input`,
    `Changes to a ${kind.name}: only the fields given change; null clears a field (or restores its default).`,
    kind,
    settable(kind, 'update'),
    false,
  );
  builder.mutationField(`create${kind.name}`, (t) => {
    const root = derivedRootFields(t);
    return root.field({
      type: graph.ref,
      description: `Create a ${kind.name}.`,
      args: { input: root.arg({ type: create.ref, required: true }) },
      resolve: async (_root, args, ctx, info) =>
        reread(kind, await ctx.services.domain.create(ctx.request, kind, create.toBody(args['input'] as Row)), ctx, info),
    }) as never;
  });
  builder.mutationField(`update${kind.name}`, (t) => {
    const root = derivedRootFields(t);
    return root.field({
      type: graph.ref,
      description: `Change a ${kind.name}; a change that changes nothing writes nothing.`,
      args: { id: root.arg({ type: 'ID', required: true }), input: root.arg({ type: update.ref, required: true }) },
      resolve: async (_root, args, ctx, info) =>
        reread(kind, await ctx.services.domain.update(ctx.request, kind, targetId(String(args['id']), kind), update.toBody(args['input'] as Row)), ctx, info),
    }) as never;
  });
  builder.mutationField(`delete${kind.name}`, (t) => {
    const root = derivedRootFields(t);
    return root.field({
      type: DeletePayload,
      description: `Delete a ${kind.name} (and what the contract cascades to).`,
      args: { id: root.arg({ type: 'ID', required: true }) },
      resolve: async (_root, args, ctx) => {
        await ctx.services.domain.delete(ctx.request, kind, targetId(String(args['id']), kind));
        await ctx.access.refresh();
        return { deletedId: String(args['id']) };
      },
    }) as never;
  });
}

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'The number of objects matching the filters, across all pages.',
    resolve: (connection) => (typeof connection.totalCount === 'function' ? connection.totalCount() : connection.totalCount),
  }),
);

/** Defines every Kind's types, then its queries and mutations (types first: they reference each other). */
export function defineKindGraphs(): void {
  const defined = KINDS.map(defineNode);
  for (const graph of defined) {
    defineQueries(graph);
    defineMutations(graph);
  }
}
