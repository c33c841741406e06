import { z } from 'zod';
import type { Field, Kind } from '../kinds/define.ts';
import { KINDS } from '../kinds/index.ts';

/**
 * JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of every Kind's wire forms, derived from the
 * Kind declarations. The OpenAPI document publishes them, and the REST layer validates request
 * bodies with the very same objects, so the document cannot describe rules the server does not apply.
 */

export type JsonSchema = Record<string, unknown>;

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** Named schemas of JSON-text shapes (`SessionRepo`, …), collected from the zod `.meta({id})`s. */
const shapeComponents: Record<string, JsonSchema> = {};

function shapeSchema(shape: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(shape, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as JsonSchema;
  const defs = (json['$defs'] ?? {}) as Record<string, JsonSchema>;
  delete json['$defs'];
  delete json['$schema'];
  const rewrite = (value: JsonSchema) => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [name, def] of Object.entries(defs)) shapeComponents[name] = rewrite(def);
  // A top-level shape with an id is itself a component.
  const id = z.globalRegistry.get(shape)?.id;
  if (typeof id === 'string') {
    shapeComponents[id] = rewrite(json);
    return ref(id);
  }
  return rewrite(json);
}

/** The schema of a field's non-null wire value. */
function valueSchema(field: Field): JsonSchema {
  const base: JsonSchema = { description: field.description };
  if (field.example !== undefined) base['examples'] = [field.example];
  switch (field.wire) {
    case 'string':
      return { ...base, type: 'string', ...(field.enum ? { enum: [...field.enum] } : {}) };
    case 'integer':
      return { ...base, type: 'integer', format: field.column === 'bigint' ? 'int64' : 'int32' };
    case 'number':
      return { ...base, type: 'number', format: 'double' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'timestamp':
      return { ...base, type: 'string', format: 'date-time' };
    case 'string-array':
      return { ...base, type: 'array', items: { type: 'string' } };
    case 'json-text':
      return { ...base, type: 'string', contentMediaType: 'application/json', ...(field.shape ? { contentSchema: shapeSchema(field.shape) } : {}) };
  }
}

function nullable(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema, type: [schema['type'], 'null'] };
  if (Array.isArray(schema['enum'])) out['enum'] = [...(schema['enum'] as unknown[]), null];
  return out;
}

const OBJECT_REFERENCE: Record<string, JsonSchema> = {
  id: { type: 'string', description: 'KSUID, set by the server.', examples: ['2ZtTa0Q9b8Yx4cPqk1m3RvW5sLh'] },
  kind: { type: 'string', description: 'The Kind name.' },
  href: { type: 'string', description: 'Canonical path of the object.' },
  created_at: { type: 'string', format: 'date-time', description: 'Creation time (UTC, milliseconds).' },
  updated_at: { type: 'string', format: 'date-time', description: 'Time of the last change (UTC, milliseconds).' },
};

/** Fields whose value is always present in responses (nulls are omitted, rest-contract §2). */
function alwaysPresent(field: Field): boolean {
  if (field.name === 'key') return false; // a project key's secret: only in the response to POST
  // Computed: group_access and has_token always have a value; a computed id (current_session_id) only when there is one.
  if (field.column === undefined) return field.wire !== 'string';
  return field.required || field.notNull;
}

/** The object as responses carry it. */
export function objectSchema(kind: Kind): JsonSchema {
  const properties: Record<string, JsonSchema> = { ...OBJECT_REFERENCE, kind: { ...OBJECT_REFERENCE['kind'], const: kind.name } };
  const required = Object.keys(OBJECT_REFERENCE);
  for (const field of kind.fields) {
    if (field.access === 'write-only') continue;
    const schema = valueSchema(field);
    properties[field.name] = field.access === 'read-only' || field.access === 'status' ? { ...schema, readOnly: true } : schema;
    if (alwaysPresent(field)) required.push(field.name);
  }
  return { type: 'object', description: kind.description, properties, required, additionalProperties: false };
}

/** POST bodies: unknown keys refused; read-only keys tolerated with any value (they are ignored). */
export function createSchema(kind: Kind): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const name of Object.keys(OBJECT_REFERENCE)) properties[name] = { description: 'Read-only; ignored (a non-empty id is refused).' };
  const required: string[] = [];
  for (const field of kind.fields) {
    const settable = field.access === 'writable' || field.access === 'immutable' || field.access === 'write-only';
    if (!settable) {
      properties[field.name] = { description: `${field.description} Read-only; ignored.` };
      continue;
    }
    properties[field.name] = field.required ? valueSchema(field) : nullable(valueSchema(field));
    // project_id may come from X-Ambient-Project instead.
    if (field.required && field.name !== 'project_id') required.push(field.name);
  }
  return { type: 'object', description: `A new ${kind.name}.`, properties, required, additionalProperties: false };
}

/** PATCH bodies: settable keys typed (null clears); immutable, read-only and unknown keys ignored. */
export function patchSchema(kind: Kind): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of kind.fields) {
    if (field.access === 'writable' || field.access === 'write-only') properties[field.name] = nullable(valueSchema(field));
  }
  return { type: 'object', description: `Changes to a ${kind.name}; null clears a field or restores its default.`, properties, additionalProperties: true };
}

/** The session status write-back body (rest-contract §10.3). */
export function sessionStatusSchema(session: Kind): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of session.fields) if (field.access === 'status') properties[field.name] = nullable(valueSchema(field));
  return { type: 'object', description: 'Status fields; null clears. Other keys are ignored.', properties, additionalProperties: true };
}

/** A list item when `fields` was given: `id` and exactly the requested keys, null where absent. */
export function sparseSchema(kind: Kind): JsonSchema {
  const full = objectSchema(kind);
  const properties = Object.fromEntries(
    Object.entries(full['properties'] as Record<string, JsonSchema>).map(([name, schema]) => [
      name,
      name === 'id' || schema['type'] === undefined ? schema : nullable(schema),
    ]),
  );
  return { type: 'object', description: `A ${kind.name} with only the requested fields.`, properties, required: ['id'], additionalProperties: false };
}

export const listSchema = (kind: Kind): JsonSchema => ({
  type: 'object',
  required: ['kind', 'page', 'size', 'total', 'items'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', const: `${kind.name}List` },
    page: { type: 'integer', description: 'The page served (1-based).' },
    size: { type: 'integer', description: 'Number of items in this response.' },
    total: { type: 'integer', description: 'Number of matching objects across all pages.' },
    items: { type: 'array', items: { anyOf: [ref(kind.name), ref(`${kind.name}Sparse`)] } },
  },
});

export const errorSchema: JsonSchema = {
  type: 'object',
  required: ['kind', 'id', 'href', 'code', 'reason'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', const: 'Error' },
    id: { type: 'string', description: 'The numeric code, as a string.', examples: ['7'] },
    href: { type: 'string', examples: ['/api/ambient/v1/errors/7'] },
    code: { type: 'string', examples: ['ambient-api-server-7'] },
    reason: { type: 'string', description: 'Human-readable reason.' },
    operation_id: { type: 'string', description: 'Equals the X-Operation-ID response header.' },
  },
};

/** Every named schema of the API: Kinds, their request bodies and lists, shapes, errors. */
export function componentSchemas(): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = {};
  for (const kind of KINDS) {
    schemas[kind.name] = objectSchema(kind);
    schemas[`${kind.name}Create`] = createSchema(kind);
    schemas[`${kind.name}Patch`] = patchSchema(kind);
    schemas[`${kind.name}List`] = listSchema(kind);
    schemas[`${kind.name}Sparse`] = sparseSchema(kind);
  }
  schemas['SessionStatusPatch'] = sessionStatusSchema(KINDS.find((k) => k.name === 'Session')!);
  schemas['Error'] = errorSchema;
  schemas['ErrorList'] = {
    type: 'object',
    required: ['kind', 'page', 'size', 'total', 'items'],
    properties: {
      kind: { const: 'ErrorList' },
      page: { type: 'integer' },
      size: { type: 'integer' },
      total: { type: 'integer' },
      items: { type: 'array', items: ref('Error') },
    },
  };
  return { ...schemas, ...Object.fromEntries(Object.entries(shapeComponents).sort(([a], [b]) => a.localeCompare(b))) };
}

export { ref as schemaRef };
