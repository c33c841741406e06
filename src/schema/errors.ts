import type { GraphQLError } from 'graphql';
import { createGraphQLError } from 'graphql-yoga';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { DomainError, ERROR_CODES } from '../domain/errors.ts';
import { RETRY_AFTER_SECONDS } from '../graphql/expensive.ts';
import { graphqlFieldName } from './names.ts';

/**
 * GraphQL errors carry the REST contract's numeric codes (rest-contract §3.3) in
 * `extensions.code`, so a client handles both protocols alike:
 *
 * - a DomainError from the domain layer keeps its code and reason; when it is about an input
 *   field, `extensions.field` names it (in the schema's spelling, e.g. `llmTemperature`);
 * - input validation in the schema reports every invalid field at once (`extensions.issues`);
 * - a malformed request — unparsable document, unknown field, a variable of the wrong type — is
 *   the counterpart of a malformed REST body (17) or query parameter (21);
 * - an unreachable database is 503 code 31 with `Retry-After` (src/db/unavailable.ts);
 * - anything else is an unexpected failure (9): logged, and its message withheld.
 */

export interface FieldIssue {
  field: string;
  message: string;
}

/** One or more input fields failed the schema's validation (400 code 8 in REST). */
export class InputValidationError extends DomainError {
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly { message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined }[]) {
    const described = issues.map((issue) => ({ field: lastName(issue.path ?? []), message: issue.message }));
    super(8, described.map((i) => i.message).join('; '), described[0]?.field);
    this.issues = described;
  }
}

function lastName(path: readonly (PropertyKey | { key: PropertyKey })[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i]!;
    const key = typeof segment === 'object' ? segment.key : segment;
    if (typeof key === 'string') return key;
  }
  return '';
}

/** A query over the depth or cost limit (checked before anything runs). */
export function limitExceeded(kind: string, result: object): DomainError {
  const measure = kind.toLowerCase();
  const values = result as Record<string, number | undefined>;
  return new DomainError(21, `query ${measure} ${values[measure]} exceeds the maximum of ${values[`max${kind}`]}`);
}

/** The error a client sees, with its numeric code; `unexpected` is called for failures that are bugs. */
export function withErrorCode(error: unknown, unexpected: (error: unknown) => void): GraphQLError {
  const graphqlError = isGraphQLError(error) ? error : undefined;
  const original = rootCause(error);
  const at = { nodes: graphqlError?.nodes, source: graphqlError?.source, positions: graphqlError?.positions, path: graphqlError?.path };
  if (original instanceof DomainError) {
    const extensions: Record<string, unknown> = { code: original.code, name: ERROR_CODES[original.code].name };
    if (original.field) extensions['field'] = graphqlFieldName(original.field);
    if (original instanceof InputValidationError) extensions['issues'] = original.issues;
    // Raised before execution (no usable credentials): the HTTP status says so too, as in REST.
    if (original.code === 15) extensions['http'] = { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="ambient-api-server/v1"' } };
    // Too many expensive operations at once (src/graphql/expensive.ts): when to come back.
    if (original.code === 34) extensions['http'] = { status: 429, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } };
    return createGraphQLError(original.reason, { ...at, extensions });
  }
  if (original instanceof Error && original.name === 'PothosValidationError') {
    return createGraphQLError(original.message, { ...at, extensions: { code: 21, name: ERROR_CODES[21].name } });
  }
  if (graphqlError && isGraphQLError(original)) {
    // Parsing, validation and variable coercion: the request itself is malformed.
    const code = graphqlError.message.startsWith('Variable "$') ? 17 : 21;
    return createGraphQLError(graphqlError.message, { ...at, extensions: { ...graphqlError.extensions, code, name: ERROR_CODES[code].name } });
  }
  if (isDatabaseUnavailable(error)) {
    // The database is down or restarting: 503 code 31, as in REST, and not logged as a bug.
    return createGraphQLError('database unavailable; retry later', {
      ...at,
      extensions: { code: 31, name: ERROR_CODES[31].name, http: { status: 503, headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) } } },
    });
  }
  unexpected(original);
  return createGraphQLError(ERROR_CODES[9].reason, { ...at, extensions: { code: 9, name: ERROR_CODES[9].name } });
}

/**
 * By name, not by class: `graphql` ships a CommonJS and an ES module build, and a process can
 * load both (the test runner does), each with its own GraphQLError class.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

function rootCause(error: unknown): unknown {
  let cause = error;
  while (isGraphQLError(cause) && cause.originalError) cause = cause.originalError;
  return cause;
}
