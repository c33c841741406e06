import type { ColumnType } from '../kinds/define.ts';
import { LIVE_ROWS, TABLES, type Column, type Table } from './tables.ts';

/**
 * Renders `prisma/schema.prisma` from the table model (itself derived from the Kind declarations).
 *
 * The Prisma schema is an output, never edited by hand: `npm run generate` rewrites it and a test
 * fails when the committed file differs. Prisma field names are camelCase mapped onto the
 * snake_case columns, so the Prisma client (and Pothos on top of it) reads like TypeScript while
 * the tables keep the contract's names.
 */

export const camel = (snake: string): string => snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const PRISMA_TYPE: Record<ColumnType, { type: string; native?: string }> = {
  text: { type: 'String' },
  integer: { type: 'Int' },
  bigint: { type: 'BigInt' },
  'double precision': { type: 'Float' },
  boolean: { type: 'Boolean' },
  'timestamptz(3)': { type: 'DateTime', native: '@db.Timestamptz(3)' },
  jsonb: { type: 'Json', native: '@db.JsonB' },
  'text[]': { type: 'String[]' },
  'char(64)': { type: 'String', native: '@db.Char(64)' },
  bytea: { type: 'Bytes' },
};

interface Line {
  name: string;
  rest: string;
}

function prismaDefault(column: Column): string | undefined {
  if (column.identity) return '@default(autoincrement())';
  const sql = column.default;
  if (sql === undefined) return undefined;
  if (sql === 'now()') return '@default(now())';
  if (sql === `'{}'::text[]`) return '@default([])';
  const text = /^'(.*)'::text$/.exec(sql);
  if (text) return `@default(${JSON.stringify(text[1]!.replaceAll("''", "'"))})`;
  return `@default(${sql})`;
}

function columnLine(table: Table, column: Column): Line {
  const prisma = PRISMA_TYPE[column.type];
  const optional = column.notNull || column.type === 'text[]' ? '' : '?';
  const attributes: string[] = [];
  if (table.primaryKey.length === 1 && table.primaryKey[0] === column.name) attributes.push('@id');
  const dflt = prismaDefault(column);
  if (dflt) attributes.push(dflt);
  if (camel(column.name) !== column.name) attributes.push(`@map("${column.name}")`);
  if (prisma.native) attributes.push(prisma.native);
  return { name: camel(column.name), rest: [`${prisma.type}${optional}`, ...attributes].join(' ') };
}

function columnList(columns: readonly string[]): string {
  return `[${columns.map(camel).join(', ')}]`;
}

function model(table: Table): string {
  const lines = table.columns.map((c) => columnLine(table, c));
  for (const fk of table.foreignKeys) {
    const target = TABLES.find((t) => t.name === fk.table)!;
    const optional = table.columns.find((c) => c.name === fk.column)!.notNull ? '' : '?';
    lines.push({
      name: fk.relation,
      rest: `${target.model}${optional} @relation("${fk.relationName}", fields: [${camel(fk.column)}], references: [id], onDelete: Restrict)`,
    });
  }
  for (const other of TABLES) {
    for (const fk of other.foreignKeys) {
      if (fk.table === table.name) lines.push({ name: fk.inverse, rest: `${other.model}[] @relation("${fk.relationName}")` });
    }
  }

  const blocks: string[] = [];
  if (table.primaryKey.length > 1) blocks.push(`@@id(${columnList(table.primaryKey)})`);
  for (const index of table.indexes) {
    const where = index.where === LIVE_ROWS ? ', where: raw("deleted_at IS NULL")' : '';
    blocks.push(`@@${index.unique ? 'unique' : 'index'}(${columnList(index.columns)}${where})`);
  }
  blocks.push(`@@map("${table.name}")`);

  const nameWidth = Math.max(...lines.map((l) => l.name.length));
  const typeWidth = Math.max(...lines.map((l) => l.rest.split(' ')[0]!.length));
  const body = lines.map((l) => {
    const [type, ...attributes] = l.rest.split(' ');
    return `  ${l.name.padEnd(nameWidth)} ${type!.padEnd(typeWidth)} ${attributes.join(' ')}`.trimEnd();
  });
  return [`/// ${table.description}`, `model ${table.model} {`, ...body, '', ...blocks.map((b) => `  ${b}`), '}'].join('\n');
}

const HEADER = `// Generated from src/kinds by \`npm run generate\`; do not edit. A test fails when this file drifts.

generator client {
  provider            = "prisma-client"
  output              = "../src/generated/prisma"
  moduleFormat        = "esm"
  importFileExtension = "ts"
  previewFeatures     = ["partialIndexes"]
}

// The Pothos types and datamodel the GraphQL schema (src/schema) is built from.
generator pothos {
  provider     = "prisma-pothos-types"
  clientOutput = "./prisma/client.ts"
  output       = "../src/generated/pothos-types.ts"
}

datasource db {
  provider = "postgresql"
}`;

export function prismaSchema(): string {
  return [HEADER, ...TABLES.map(model)].join('\n\n') + '\n';
}
