// The CommonJS build of graphql, as Pothos and yoga load it (bundlers may pick the ES build, a second copy).
import { GraphQLError, Kind as AstKind } from 'graphql';
import { parseTimestamp } from '../kinds/rules.ts';
import { builder } from './builder.ts';

/** The custom scalars: timestamps as the REST wire writes them, and integers beyond 32 bits. */

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? parseTimestamp(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an RFC 3339 date-time with an offset, e.g. 2026-03-02T09:14:07.532Z');
  return date;
}

builder.scalarType('DateTime', {
  description:
    'An RFC 3339 date-time. Output in UTC with milliseconds (2026-03-02T09:14:07.532Z); input with any offset and precision, truncated to milliseconds.',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: toDate,
  parseLiteral: (ast) => toDate(ast.kind === AstKind.STRING ? ast.value : undefined),
});

function toSafeInt(value: unknown): number {
  const n = typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new GraphQLError('SafeInt must be an integer between -(2^53-1) and 2^53-1');
  return n;
}

builder.scalarType('SafeInt', {
  description: 'An integer that may exceed 32 bits, up to ±(2^53-1).',
  serialize: toSafeInt,
  parseValue: toSafeInt,
  parseLiteral: (ast) => toSafeInt(ast.kind === AstKind.INT ? Number(ast.value) : undefined),
});
