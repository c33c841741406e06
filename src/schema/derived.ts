import type { GraphQLResolveInfo } from 'graphql';
import type { z } from 'zod';
import type { GraphqlContext } from './context.ts';

/**
 * The Kind types are generated in loops over the declarations, so their field names and types are
 * values, not literal types, and Prisma rows are plain records. Pothos' field builders are typed
 * for hand-written schemas; these interfaces describe the part of their runtime API the derived
 * types use. Each builder is viewed through them once, where a derived type's fields are defined;
 * the schema test then checks the result.
 */

export type Row = Record<string, unknown>;

export interface DerivedField {
  type: unknown;
  nullable?: boolean;
  description?: string;
  args?: Record<string, unknown>;
  /** Prisma selection the field needs on its parent row (Prisma object types only). */
  select?: (args: Row, ctx: GraphqlContext, nested: (query?: Row | true) => Row) => Row;
  resolve(parent: Row, args: Row, ctx: GraphqlContext, info: GraphQLResolveInfo): unknown;
}

export interface DerivedConnection {
  cursor: 'id';
  totalCount: true;
  description: string;
  args: Record<string, unknown>;
  query(args: Row, ctx: GraphqlContext): Row;
}

export interface DerivedFieldBuilder {
  field(options: DerivedField): unknown;
  relatedConnection(relation: string, options: DerivedConnection, connection: unknown): unknown;
  arg(options: { type: unknown; required?: boolean }): unknown;
}

export interface DerivedInputFieldBuilder {
  field(options: { type: unknown; required?: boolean; description?: string; validate?: z.ZodType }): unknown;
}

export const derivedFields = (t: unknown) => t as DerivedFieldBuilder;
export const derivedInputFields = (t: unknown) => t as DerivedInputFieldBuilder;

export interface DerivedRootFieldBuilder extends DerivedFieldBuilder {
  prismaConnection(
    options: {
      type: string;
      cursor: 'id';
      description: string;
      args: Record<string, unknown>;
      resolve(query: Row, root: unknown, args: Row, ctx: GraphqlContext): Promise<Row[]>;
      totalCount(connection: unknown, args: Row, ctx: GraphqlContext): Promise<number>;
    },
    connection: unknown,
  ): unknown;
  prismaField(options: {
    type: string;
    nullable: boolean;
    description: string;
    args: Record<string, unknown>;
    resolve(query: Row, root: unknown, args: Row, ctx: GraphqlContext): Promise<Row | null> | null;
  }): unknown;
}

export const derivedRootFields = (t: unknown) => t as DerivedRootFieldBuilder;
