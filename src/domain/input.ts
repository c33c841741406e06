import type { z } from 'zod';
import type { Field, Kind } from '../kinds/define.ts';
import { parseTimestamp } from '../kinds/rules.ts';
import { invalid, malformed } from './errors.ts';

/**
 * Turns a request body (wire form, any protocol) into column values, enforcing the write rules of
 * rest-contract §7: JSON types (400 code 17), required fields (17), value rules (8), read-only and
 * immutable fields, null semantics and defaults.
 */

/** Column name → value to bind. JSON-text values stay text; Postgres stores them as jsonb. */
export type Values = Record<string, unknown>;

const OBJECT_REFERENCE = new Set(['id', 'kind', 'href', 'created_at', 'updated_at']);

const isSettable = (f: Field, mode: 'create' | 'update') =>
  f.access === 'writable' || f.access === 'write-only' || (mode === 'create' && f.access === 'immutable');

const TYPE_NAME: Record<Field['wire'], string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  timestamp: 'an RFC 3339 date-time string',
  'json-text': 'a string containing JSON',
  'string-array': 'an array of strings',
};

function hasWireType(field: Field, value: unknown): boolean {
  switch (field.wire) {
    case 'string':
    case 'timestamp':
    case 'json-text':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string-array':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

/** Each field's rule schema, built once (rules are functions of the field name). */
const ruleSchemas = new WeakMap<Field, z.ZodType>();

function ruleSchema(field: Field): z.ZodType | undefined {
  if (!field.rule) return undefined;
  let schema = ruleSchemas.get(field);
  if (!schema) {
    schema = field.rule(field.name);
    ruleSchemas.set(field, schema);
  }
  return schema;
}

/** Checks the JSON type (17), then the value rules (8); returns the value to bind. */
export function validateValue(field: Field, value: unknown): unknown {
  if (!hasWireType(field, value)) throw malformed(`${field.name} must be ${TYPE_NAME[field.wire]}`, field.name);
  const rule = ruleSchema(field);
  if (rule) {
    const result = rule.safeParse(value);
    if (!result.success) throw invalid(result.error.issues[0]!.message, field.name);
  }
  if (field.wire === 'timestamp') {
    const date = parseTimestamp(value as string);
    if (!date) throw invalid(`${field.name} must be an RFC 3339 date-time`, field.name);
    return date;
  }
  if (field.wire === 'json-text') return validateJsonText(field, value as string);
  return value;
}

function validateJsonText(field: Field, text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(`${field.name}: not valid JSON`, field.name);
  }
  if (field.shape) {
    const result = field.shape.safeParse(parsed);
    if (!result.success) throw invalid(`${field.name}: ${describeIssue(result.error.issues[0]!)}`, field.name);
  }
  return text;
}

/** `repos: item 0: url is required` — a zod issue in the contract's words. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = [...issue.path];
  const last = path.at(-1);
  let message: string;
  if (issue.code === 'invalid_type') {
    const name = typeof last === 'string' ? String(path.pop()) : 'value';
    message = /received undefined$/.test(issue.message) ? `${name} is required` : `${name} must be ${article(issue.expected)}`;
  } else if (issue.code === 'unrecognized_keys') {
    message = `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  } else {
    // Rules name their key in the message already ("url must be a git URL").
    if (typeof last === 'string' && issue.message.startsWith(`${last} `)) path.pop();
    message = issue.message;
  }
  return [...path.map((p) => (typeof p === 'number' ? `item ${p}` : `'${String(p)}'`)), message].join(': ');
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function normalized(field: Field, value: unknown): unknown {
  return field.normalize && typeof value === 'string' ? field.normalize(value) : value;
}

function checkKeys(kind: Kind, body: Record<string, unknown>): void {
  for (const key of Object.keys(body)) {
    if (!OBJECT_REFERENCE.has(key) && !kind.field[key]) throw malformed(`unknown field "${key}"`, key);
  }
}

/**
 * POST: every settable field, defaults applied. `project_id` may be left for the caller to fill
 * from the request's project scope (`allowMissing`).
 */
export function parseCreate(kind: Kind, body: Record<string, unknown>, allowMissing: ReadonlySet<string> = new Set()): Values {
  checkKeys(kind, body);
  const present = new Map<Field, unknown>();
  for (const field of kind.fields) {
    if (!isSettable(field, 'create')) continue;
    const value = normalized(field, body[field.name]);
    if (value === undefined || value === null) continue;
    if (!hasWireType(field, value)) throw malformed(`${field.name} must be ${TYPE_NAME[field.wire]}`, field.name);
    present.set(field, value);
  }
  for (const field of kind.fields) {
    if (field.required && isSettable(field, 'create') && !present.has(field) && !allowMissing.has(field.name)) {
      throw malformed(`no value given for required property ${field.name}`, field.name);
    }
  }
  const id = body['id'];
  if (id !== undefined && id !== null && id !== '') throw invalid('id must be empty', 'id');

  const values: Values = {};
  for (const field of kind.fields) {
    if (!isSettable(field, 'create') || !field.column) continue;
    values[field.name] = present.has(field) ? validateValue(field, present.get(field)) : defaultValue(field);
  }
  for (const [field, value] of present) if (!field.column) values[field.name] = validateValue(field, value);
  return values;
}

/**
 * PATCH: only the settable keys present; unknown, read-only and immutable keys are ignored.
 * `null` clears an optional field, restores a default, and is refused for a required field.
 */
export function parseUpdate(kind: Kind, body: Record<string, unknown>): Values {
  const values: Values = {};
  for (const field of kind.fields) {
    if (!isSettable(field, 'update') || !(field.name in body)) continue;
    const value = normalized(field, body[field.name]);
    if (value === undefined) continue;
    if (value === null) {
      if (field.required) throw invalid(`${field.name} is required`, field.name);
      values[field.name] = defaultValue(field);
      continue;
    }
    values[field.name] = validateValue(field, value);
  }
  return values;
}

export function defaultValue(field: Field): unknown {
  const value = field.default;
  if (value === undefined) return null;
  if (field.wire === 'json-text') return JSON.stringify(value);
  return Array.isArray(value) ? [...value] : value;
}
