import type { GraphQLSchema } from 'graphql';
// The CommonJS build of graphql, as Pothos and yoga load it (bundlers may pick the ES build, a second copy).
import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.ts';
import './scalars.ts';
import './kinds.ts';
import './agui.ts';
import './viewer-role.ts';
import './session-actions.ts';
import './session-messages.ts';
import './session-runtime.ts';
import './repositories.ts';
import './agents.ts';
import './credentials.ts';
import './subscriptions.ts';
import './version.ts';
import './viewer.ts';

/**
 * The GraphQL schema: every Kind's types, queries and mutations (one generated file per Kind,
 * src/schema/<kind>.ts, loaded by kinds.ts), the session actions, the subscriptions, and the few
 * fields that are not about one Kind. `schema.graphql` is its printed form.
 */

export const schema: GraphQLSchema = builder.toSchema();

/** The schema in SDL, sorted so the committed `schema.graphql` diffs cleanly. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
