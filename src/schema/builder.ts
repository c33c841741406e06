import SchemaBuilder from '@pothos/core';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { z } from 'zod';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Kind } from '../kinds/define.ts';
import type { GraphqlContext } from './context.ts';
import { DomainError } from '../domain/errors.ts';
import { InputValidationError } from './errors.ts';

/**
 * The one Pothos builder of the GraphQL schema.
 *
 * Every Kind's types, connections and mutations are written out in a typed file of their own
 * (`src/schema/<kind>.ts`, generated from the Kind declaration by `npm run generate`), built on the
 * generated Prisma types, so the compiler checks every field against the Prisma model it reads.
 *
 * Defaults decided here once: output fields are non-null unless a field says otherwise; every
 * connection has `totalCount`; pages hold at most MAX_PAGE_SIZE items; operations are limited in
 * depth and cost (see LIMITS); an object type's authorization runs once per object, not per field.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/**
 * Query limits, checked before anything executes, by the GraphQL handler's document analysis
 * (src/graphql/cost.ts prices fields and database statements, src/graphql/documents.ts caches it).
 * A page of 100 sessions with every field the frontend selects must pass; alias bombs, count
 * bombs and two nested full pages are refused.
 */
export const LIMITS = { depth: 12, complexity: 15_000 } as const;

/** A page size argument: 0 to MAX_PAGE_SIZE (larger pages are refused, not silently cut). */
const pageSize = (name: string) =>
  z.number().int().min(0, `${name} must be between 0 and ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE, `${name} must be between 0 and ${MAX_PAGE_SIZE}`).nullish();

export interface AuthScopes {
  /** A caller was authenticated (the handler refuses requests without one before they get here). */
  authenticated: boolean;
  /** The read policy lets the caller read this row of the Kind. */
  readable: { kind: Kind; row: Record<string, unknown> };
}

export interface BuilderTypes {
  Context: GraphqlContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    SafeInt: { Input: number; Output: number | bigint };
    JSON: { Input: unknown; Output: unknown };
  };
  Connection: { totalCount: number | (() => number | Promise<number>) };
}

export const builder = new SchemaBuilder<BuilderTypes>({
  // scope-auth first, so no other plugin's wrapper runs before authorization.
  plugins: [ScopeAuthPlugin, RelayPlugin, PrismaPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: true,
      readable: ({ kind, row }) => ctx.access.allows(kind, row),
    }),
    // Type scopes run once per object (isTypeOf), so a field of an authorized object pays nothing.
    runScopesOnType: true,
    // Objects the caller may not read are invisible: NotFound, as REST answers (rest-contract §5.2).
    unauthorizedError: () => new DomainError(7),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: true,
    firstArgOptions: { description: `Page size, forwards (at most ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`, validate: pageSize('first') },
    lastArgOptions: { description: `Page size, backwards (at most ${MAX_PAGE_SIZE}).`, validate: pageSize('last') },
  },
  prisma: {
    // Each request's context carries the client (see context.ts); the derived types never import one.
    client: (ctx) => ctx.services.prisma,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    maxConnectionSize: MAX_PAGE_SIZE,
    onUnusedQuery: null,
  },
  validation: {
    validationError: (failure) => new InputValidationError(failure.issues),
  },
});

/** The value of an input object whose fields are derived at start-up (filters, JSON shapes, Kind inputs). */
export type InputRecord = { [field: string]: unknown };

/** The builder's resolved schema types, for helpers that take type parameters. */
export type Types = typeof builder.$inferSchemaTypes;

builder.queryType({ authScopes: { authenticated: true } });
builder.mutationType({ authScopes: { authenticated: true } });
builder.subscriptionType({ authScopes: { authenticated: true } });
