import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { camel } from '../db/prisma-schema.ts';
import type { Field, Kind } from '../kinds/define.ts';
import { KINDS, kindNamed } from '../kinds/index.ts';
import { isComputed } from './computed.ts';
import { graphqlFieldName, lowerFirst, pascal } from './names.ts';
import { shapeOf } from './zod-shapes.ts';

/**
 * Writes the GraphQL schema of every Kind as a typed Pothos file of its own, `src/schema/<kind>.ts`:
 * its node type, both directions of every reference, its connection, root queries and mutations. The files are derived from the
 * Kind declarations like `prisma/schema.prisma` (`npm run generate`; `--check` and a test fail when
 * one drifts), and they are ordinary TypeScript over the generated Prisma types, so `tsc` checks
 * each field against the model it reads: a field whose column is missing, nullable where the type
 * says non-null, or of another type does not compile.
 *
 * Only this module and src/kinds know how a declaration becomes a type; the emitted code calls the
 * typed helpers of kind-types.ts for what is the same for every Kind.
 */

export interface KindFile {
  path: string;
  render(): Promise<string>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Formatted as the repository's Prettier settings say, so the generated files pass `npm run format:check`. */
async function formatted(source: string, file: string): Promise<string> {
  const prettier = await import('prettier');
  const filepath = path.join(ROOT, file);
  const config = await prettier.resolveConfig(filepath);
  return prettier.format(source, { ...config, filepath });
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
export const kindFilePath = (kind: Kind): string => `src/schema/${kebab(kind.name)}.ts`;
const q = (text: string): string => JSON.stringify(text);
const node = (kind: Kind) => `${kind.name}Node`;
const inputsOf = (kind: Kind) => `${kind.name}Inputs`;
const connectionOf = (kind: Kind) => `${kind.name}Connection`;
const delegate = (kind: Kind) => lowerFirst(kind.name);

/** Fields shown on reads: everything but write-only secrets. */
const readable = (kind: Kind) => kind.fields.filter((f) => f.access !== 'write-only');

/** A reference whose target cannot be missing (required, never reassigned, cascading). */
const isOwningReference = (field: Field) => field.notNull && field.access !== 'writable';

function inverseReferences(kind: Kind): { from: Kind; field: Field }[] {
  return KINDS.flatMap((from) => from.fields.filter((f) => f.references?.kind === kind.name).map((field) => ({ from, field })));
}

/** The membership Kinds (scope `workflow`) that list members of `kind` in position order. */
function memberships(kind: Kind): { membership: Kind; through: string; relation: string; member: Kind }[] {
  return KINDS.filter((k) => k.scope === 'workflow').flatMap((membership) => {
    const owner = membership.fields.find((f) => f.references?.kind === kind.name && f.name === 'workflow_id');
    const member = membership.fields.find((f) => f.references && f !== owner);
    if (!owner || !member) return [];
    return [{ membership, through: owner.references!.inverse, relation: member.references!.relation, member: kindNamed(member.references!.kind) }];
  });
}

function scalarExpose(field: Field): string {
  switch (field.wire) {
    case 'integer':
      return field.column === 'bigint' ? `expose(NAME, { type: 'SafeInt'OPTS })` : 'exposeInt(NAME, {OPTS})';
    case 'number':
      return 'exposeFloat(NAME, {OPTS})';
    case 'boolean':
      return 'exposeBoolean(NAME, {OPTS})';
    case 'timestamp':
      return `expose(NAME, { type: 'DateTime'OPTS })`;
    case 'string-array':
      return 'exposeStringList(NAME, {OPTS})';
    default:
      return 'exposeString(NAME, {OPTS})';
  }
}

/** Options text: `nullable` and `description`, in that order, each only when it applies. */
function options(nullable: boolean, description: string | undefined, leadingComma: boolean): string {
  const parts = [...(nullable ? ['nullable: true'] : []), ...(description ? [`description: ${q(description)}`] : [])];
  if (parts.length === 0) return '';
  return leadingComma ? `, ${parts.join(', ')}` : ` ${parts.join(', ')} `;
}

/** The GraphQL output field of one declared field. */
function fieldLine(kind: Kind, field: Field): string {
  const name = graphqlFieldName(field.name);
  const nullable = !field.notNull || !field.column;
  const column = `row.${name}`;
  if (field.references) {
    const description = `Global id of the ${field.references.kind} in \`${field.references.relation}\`.`;
    const value = nullable ? `k.globalIdOrNull('${field.references.kind}', ${column})` : `k.globalId('${field.references.kind}', ${column})`;
    return `${name}: t.field({ type: 'ID'${options(nullable, description, true)}, resolve: (row) => ${value} }),`;
  }
  if (isComputed(kind, field.name)) {
    const load = `(row, _args, ctx) => k.computed${computedForm(kind, field)}(ctx, kind, '${field.name}', row.id)`;
    return `${name}: t.field({ type: ${outputTypeText(kind, field)}${options(true, field.description, true)}, resolve: ${load} }),`;
  }
  if (!field.column) {
    // Not stored: only the result of the mutation that produced it has a value (a new key's secret).
    return `${name}: t.field({ type: 'String'${options(true, field.description, true)}, resolve: (row) => k.writtenValue(row, '${field.name}') }),`;
  }
  if (field.wire === 'json-text') {
    const form = jsonFormOf(kind, field);
    const value = form === 'map' ? `k.asEntries(${column})` : form === 'object' ? `k.asJsonObject(${column})` : `k.asJsonObjects(${column})`;
    const resolved = nullable ? value : `k.present(${value}, '${field.name}')`;
    return `${name}: t.field({ type: ${outputTypeText(kind, field)}${options(nullable, field.description, true)}, resolve: (row) => ${resolved} }),`;
  }
  if (field.enum) return `${name}: t.expose('${name}', { type: k.enumOf(kind, '${field.name}')${options(nullable, field.description, true)} }),`;
  const expose = scalarExpose(field).replace('NAME', `'${name}'`);
  return `${name}: t.${expose.includes('OPTS })') ? expose.replace('OPTS', options(nullable, field.description, true)) : expose.replace('{OPTS}', `{${options(nullable, field.description, false)}}`)},`;
}

function jsonFormOf(kind: Kind, field: Field): 'map' | 'object' | 'objects' {
  const shape = shapeOf(field.shape!);
  if (shape.type === 'map') return 'map';
  if (shape.type === 'object') return 'object';
  if (shape.type === 'array' && shape.item.type === 'object') return 'objects';
  throw new Error(`${kind.name}.${field.name}: no GraphQL type for a JSON ${shape.type}`);
}

function outputTypeText(kind: Kind, field: Field): string {
  if (field.wire === 'json-text') {
    const form = jsonFormOf(kind, field);
    if (form === 'map') return '[k.KeyValue]';
    return form === 'object' ? `k.jsonType(kind, '${field.name}')` : `[k.jsonType(kind, '${field.name}')]`;
  }
  if (field.wire === 'boolean') return "'Boolean'";
  return "'String'";
}

function computedForm(kind: Kind, field: Field): string {
  if (field.wire === 'boolean') return 'Flag';
  if (field.wire === 'json-text') {
    if (jsonFormOf(kind, field) !== 'objects') throw new Error(`${kind.name}.${field.name}: computed JSON must be a list of objects`);
    return 'JsonObjects';
  }
  if (field.wire !== 'string') throw new Error(`${kind.name}.${field.name}: computed ${field.wire} fields have no GraphQL form yet`);
  return 'Text';
}

/** Both directions of the references: to the referenced object, and from the referencing ones. */
function relationLines(kind: Kind): string[] {
  const lines: string[] = [];
  for (const field of readable(kind)) {
    const reference = field.references;
    if (!reference) continue;
    const target = kindNamed(reference.kind);
    const owning = isOwningReference(field);
    const description = `The ${target.name} \`${graphqlFieldName(field.name)}\` refers to${owning ? '.' : '; null when there is none, or it was deleted or is not visible to the caller.'}`;
    lines.push(
      `${reference.relation}: t.field({`,
      `  type: ${node(target)},`,
      ...(owning ? [] : ['  nullable: true,']),
      `  description: ${q(description)},`,
      `  select: (_args, _ctx, nested) => ({ ${reference.relation}: nested(true) }),`,
      `  resolve: (row, _args, ctx) => k.${owning ? 'visibleOrFail' : 'visible'}(ctx, ${target === kind ? 'kind' : target.name}, row.${reference.relation}),`,
      `}),`,
    );
  }
  for (const { from, field } of inverseReferences(kind)) {
    const name = field.references!.inverse;
    const single = from.unique.some((u) => u.columns.length === 1 && u.columns[0] === field.name);
    if (single) {
      lines.push(
        `${name}: t.field({`,
        `  type: ${node(from)},`,
        `  nullable: true,`,
        `  description: ${q(`The ${from.name} of this ${kind.name} (there is at most one).`)},`,
        `  select: (_args, ctx, nested) => ({ ${name}: nested({ where: ctx.access.where('${from.name}'), take: 1 }) }),`,
        `  resolve: (row) => row.${name}[0] ?? null,`,
        `}),`,
      );
      continue;
    }
    lines.push(
      `${name}: t.relatedConnection(`,
      `  '${name}',`,
      `  {`,
      `    cursor: 'id',`,
      `    totalCount: true,`,
      `    description: ${q(`The ${from.plural} whose ${field.name} is this ${kind.name}.`)},`,
      `    args: { where: t.arg({ type: ${inputsOf(from)}.where }), orderBy: t.arg({ type: [${inputsOf(from)}.orderBy] }) },`,
      `    query: (args, ctx) => ({`,
      `      where: { AND: k.all(ctx.access.where('${from.name}'), ${inputsOf(from)}.toWhere(args.where)) },`,
      `      orderBy: ${inputsOf(from)}.toOrderBy(args.orderBy),`,
      `    }),`,
      `  },`,
      `  ${connectionOf(from)},`,
      `),`,
    );
  }
  for (const { membership, through, relation, member } of memberships(kind)) {
    lines.push(
      `${camel(member.plural)}: t.field({`,
      `  type: [${node(member)}],`,
      `  description: ${q(`The ${member.plural} of this ${kind.name} in ${membership.name} order.`)},`,
      `  select: (_args, ctx, nested) => ({`,
      `    ${through}: { where: ctx.access.where('${membership.name}'), orderBy: ${inputsOf(membership)}.toOrderBy(undefined), select: { ${relation}: nested(true) } },`,
      `  }),`,
      `  resolve: (row, _args, ctx) => k.visibleAll(ctx, ${member === kind ? 'kind' : member.name}, row.${through}.map((m) => m.${relation})),`,
      `}),`,
    );
  }
  return lines;
}

function queryLines(kind: Kind): string[] {
  const plural = camel(kind.plural);
  const single = lowerFirst(kind.name);
  const connectionName = plural === single ? `all${pascal(kind.plural)}` : plural;
  const where = (extra: string) => `{ AND: k.all(ctx.access.where('${kind.name}'), ${extra}) }`;
  const lines = [
    `builder.queryField('${connectionName}', (t) =>`,
    `  t.prismaConnection(`,
    `    {`,
    `      type: ${node(kind)},`,
    `      cursor: 'id',`,
    `      description: ${q(`${kind.name} objects the caller can read.`)},`,
    `      args: { where: t.arg({ type: ${inputsOf(kind)}.where }), orderBy: t.arg({ type: [${inputsOf(kind)}.orderBy] }) },`,
    `      resolve: (query, _root, args, ctx) =>`,
    `        ctx.services.prisma.${delegate(kind)}.findMany({ ...query, where: ${where(`${inputsOf(kind)}.toWhere(args.where)`)}, orderBy: ${inputsOf(kind)}.toOrderBy(args.orderBy) }),`,
    `      totalCount: (_connection, args, ctx) => ctx.services.prisma.${delegate(kind)}.count({ where: ${where(`${inputsOf(kind)}.toWhere(args.where)`)} }),`,
    `    },`,
    `    ${connectionOf(kind)},`,
    `  ),`,
    `);`,
    ``,
    `builder.queryField('${single}', (t) =>`,
    `  t.prismaField({`,
    `    type: ${node(kind)},`,
    `    nullable: true,`,
    `    description: ${q(`One ${kind.name} by its global id; null when it does not exist or is not visible.`)},`,
    `    args: { id: t.arg.id({ required: true }) },`,
    `    resolve: (query, _root, args, ctx) => {`,
    `      const id = k.decodedId(String(args.id), kind);`,
    `      return id === undefined ? null : ctx.services.prisma.${delegate(kind)}.findFirst({ ...query, where: ${where('{ id }')} });`,
    `    },`,
    `  }),`,
    `);`,
  ];
  for (const unique of kind.unique) {
    const column = unique.columns[0]!;
    if (unique.columns.length !== 1 || kind.field[column]?.references) continue;
    const arg = graphqlFieldName(column);
    lines.push(
      ``,
      `builder.queryField('${single}By${pascal(column)}', (t) =>`,
      `  t.prismaField({`,
      `    type: ${node(kind)},`,
      `    nullable: true,`,
      `    description: ${q(`One ${kind.name} by its ${arg}; null when it does not exist or is not visible.`)},`,
      `    args: { ${arg}: t.arg.string({ required: true }) },`,
      `    resolve: (query, _root, args, ctx) => ctx.services.prisma.${delegate(kind)}.findFirst({ ...query, where: ${where(`{ ${arg}: args.${arg} }`)} }),`,
      `  }),`,
      `);`,
    );
  }
  return lines;
}

function mutationLines(kind: Kind): string[] {
  const reread = `(id) => ctx.services.prisma.${delegate(kind)}.findUniqueOrThrow({ ...query, where: { id } })`;
  return [
    `const ${kind.name}Create = k.createInput(kind);`,
    `const ${kind.name}Update = k.updateInput(kind);`,
    ``,
    `builder.mutationField('create${kind.name}', (t) =>`,
    `  t.prismaField({`,
    `    type: ${node(kind)},`,
    `    description: ${q(`Create a ${kind.name}.`)},`,
    `    args: { input: t.arg({ type: ${kind.name}Create.ref, required: true }) },`,
    `    resolve: async (query, _root, args, ctx) =>`,
    `      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, ${kind.name}Create.toBody(args.input)), ${reread}),`,
    `  }),`,
    `);`,
    ``,
    `builder.mutationField('update${kind.name}', (t) =>`,
    `  t.prismaField({`,
    `    type: ${node(kind)},`,
    `    description: ${q(`Change a ${kind.name}; a change that changes nothing writes nothing.`)},`,
    `    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ${kind.name}Update.ref, required: true }) },`,
    `    resolve: async (query, _root, args, ctx) => {`,
    `      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), ${kind.name}Update.toBody(args.input));`,
    `      return k.reread(ctx, written, ${reread});`,
    `    },`,
    `  }),`,
    `);`,
    ``,
    `builder.mutationField('delete${kind.name}', (t) =>`,
    `  t.field({`,
    `    type: k.DeletePayload,`,
    `    description: ${q(`Delete a ${kind.name} (and what the contract cascades to).`)},`,
    `    args: { id: t.arg.id({ required: true }) },`,
    `    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),`,
    `  }),`,
    `);`,
  ];
}

/** The Kinds whose node types a Kind's file refers to (its references, inverse references and members). */
function neighbours(kind: Kind): Kind[] {
  const names = new Set<string>();
  for (const field of readable(kind)) if (field.references) names.add(field.references.kind);
  for (const { from } of inverseReferences(kind)) names.add(from.name);
  for (const { membership, member } of memberships(kind)) names.add(membership.name).add(member.name);
  names.delete(kind.name);
  return KINDS.filter((k) => names.has(k.name));
}

/** The file's source, unformatted (kindFiles formats it as the repository's Prettier settings say). */
export function renderKindFile(kind: Kind): string {
  const body = renderBody(kind);
  const uses = (identifier: string) => new RegExp(`\\b${identifier}\\b`).test(body);
  // The Kinds whose declarations the resolvers name (reference targets checked for visibility).
  const kindImports = [`${kind.name} as kind`, ...KINDS.filter((k) => body.includes(`(ctx, ${k.name},`)).map((k) => k.name)];
  const imports = [
    `import { ${kindImports.join(', ')} } from '../kinds/index.ts';`,
    `import { builder } from './builder.ts';`,
    `import * as k from './kind-types.ts';`,
    ...neighbours(kind).map((other) => {
      const names = [node(other), connectionOf(other), inputsOf(other)].filter(uses);
      return `import { ${names.join(', ')} } from './${kebab(other.name)}.ts';`;
    }),
  ];
  return [
    `// Generated from the ${kind.name} Kind (src/kinds) by \`npm run generate\` (src/schema/emit.ts); do not edit.`,
    `// A test and \`npm run generate -- --check\` fail when it drifts from the declaration.`,
    ...imports,
    body,
  ].join('\n');
}

function renderBody(kind: Kind): string {
  const authScopes = kind.scope === 'workflow' ? '{ authenticated: true }' : '(row) => ({ readable: { kind, row } })';
  const lines = [
    ``,
    `/** \`where\` and \`orderBy\` of ${kind.name} lists. */`,
    `export const ${inputsOf(kind)} = k.queryInputs('${kind.name}', kind);`,
    ``,
    `export const ${node(kind)} = builder.prismaNode('${kind.name}', {`,
    `  id: { field: 'id' },`,
    `  description: kind.description,`,
    `  nullable: true,`,
    `  // Node lookups by global id obey the same read rules as lists.`,
    `  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('${kind.name}')] }),`,
    `  authScopes: ${authScopes},`,
    `  fields: (t) => ({`,
    `    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),`,
    `    createdAt: t.expose('createdAt', { type: 'DateTime' }),`,
    `    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),`,
    ...readable(kind).map((f) => `    ${fieldLine(kind, f)}`),
    `  }),`,
    `});`,
    ``,
    `export const ${connectionOf(kind)} = builder.connectionObject({ type: ${node(kind)}, name: '${kind.name}Connection' }, { name: '${kind.name}Edge' });`,
    ``,
    `// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.`,
    `builder.prismaObjectFields(${node(kind)}, (t) => ({`,
    ...relationLines(kind).map((l) => `  ${l}`),
    `}));`,
    ``,
    ...queryLines(kind),
    ``,
    ...mutationLines(kind),
    ``,
  ];
  return lines.join('\n');
}

/** Every Kind's file, and `src/schema/kinds.ts`, which loads them all. */
export function kindFiles(): KindFile[] {
  return [
    ...KINDS.map((kind) => ({ path: kindFilePath(kind), render: () => formatted(renderKindFile(kind), kindFilePath(kind)) })),
    {
      path: 'src/schema/kinds.ts',
      render: () =>
        formatted(
          [
            '// Generated by `npm run generate` (src/schema/emit.ts); do not edit.',
            '// Every Kind’s types, queries and mutations, one file each.',
            ...KINDS.map((kind) => `import './${kebab(kind.name)}.ts';`),
            '',
          ].join('\n'),
          'src/schema/kinds.ts',
        ),
    },
  ];
}
