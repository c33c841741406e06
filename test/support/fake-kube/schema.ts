import { fieldInvalid, fieldNotSupported, fieldRequired, type FieldError } from './errors.ts';

/**
 * The structural OpenAPI v3 schema of a CRD version, applied as kube-apiserver applies it to custom
 * resources: prune unknown fields, drop non-nullable nulls, apply `default:`s, then validate.
 */
export interface Schema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
}

type JsonMap = Record<string, unknown>;

const isMap = (value: unknown): value is JsonMap => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Fields every object keeps whatever the schema says: the type header and metadata (ObjectMeta has its own rules). */
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * Removes, in place, every field the schema does not declare and returns their paths (as
 * `.spec.foo`, the form server-side apply reports them in). A node with
 * `x-kubernetes-preserve-unknown-fields` keeps its undeclared fields.
 */
export function prune(value: unknown, schema: Schema, path = ''): string[] {
  const pruned: string[] = [];
  if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => pruned.push(...prune(item, schema.items!, `${path}[${i}]`)));
    return pruned;
  }
  if (!isMap(value)) return pruned;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  for (const [key, child] of Object.entries(value)) {
    if (path === '' && ROOT_FIELDS.has(key)) continue;
    const childSchema = schema.properties?.[key] ?? (isMap(schema.additionalProperties) ? schema.additionalProperties : undefined);
    if (childSchema) pruned.push(...prune(child, childSchema, `${path}.${key}`));
    else if (!preserve && schema.additionalProperties !== true) {
      Reflect.deleteProperty(value, key);
      pruned.push(`${path}.${key}`);
    }
  }
  return pruned;
}

/**
 * Applies `default:`s in place to absent fields (including inside array items and map values and
 * inside values that were just defaulted). A null in a non-nullable field is replaced by its
 * default or removed, as kube-apiserver does since 1.20.
 */
export function applyDefaults(value: unknown, schema: Schema): void {
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) applyDefaults(item, schema.items);
    return;
  }
  if (!isMap(value)) return;
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (value[key] === null && !prop.nullable) Reflect.deleteProperty(value, key);
    if (!(key in value) && prop.default !== undefined) value[key] = structuredClone(prop.default);
  }
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? (isMap(schema.additionalProperties) ? schema.additionalProperties : undefined);
    if (childSchema) applyDefaults(child, childSchema);
  }
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: NonNullable<Schema['type']>): boolean {
  const actual = jsonType(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Validates against the schema; errors are worded as kube-openapi words them (`spec.x in body should be …`). */
export function validate(value: unknown, schema: Schema, path = ''): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (detail: string): void => void errors.push(fieldInvalid(path, value, `${path} in body ${detail}`));
  if (value === null) {
    if (!schema.nullable && schema.type) errors.push(fieldInvalid(path, 'null', `${path} in body must be of type ${schema.type}: "null"`));
    return errors;
  }
  if (schema.type && !hasType(value, schema.type)) {
    const actual = jsonType(value);
    return [fieldInvalid(path, actual, `${path} in body must be of type ${schema.type}: "${actual}"`)];
  }
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) {
    errors.push(fieldNotSupported(path, value, schema.enum));
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) fail(`should be at least ${schema.minLength} chars long`);
    if (schema.maxLength !== undefined && value.length > schema.maxLength) fail(`should be at most ${schema.maxLength} chars long`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) fail(`should match '${schema.pattern}'`);
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) fail(`must be of type date-time: ${JSON.stringify(value)}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && (schema.exclusiveMinimum ? value <= schema.minimum : value < schema.minimum)) {
      fail(`should be greater than ${schema.exclusiveMinimum ? '' : 'or equal to '}${schema.minimum}`);
    }
    if (schema.maximum !== undefined && (schema.exclusiveMaximum ? value >= schema.maximum : value > schema.maximum)) {
      fail(`should be less than ${schema.exclusiveMaximum ? '' : 'or equal to '}${schema.maximum}`);
    }
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`should have at least ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`should have at most ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items!, `${path}[${i}]`)));
  }
  if (isMap(value)) {
    for (const key of schema.required ?? []) if (!(key in value)) errors.push(fieldRequired(join(path, key)));
    for (const [key, child] of Object.entries(value)) {
      if (path === '' && key === 'metadata') continue;
      const childSchema = schema.properties?.[key] ?? (isMap(schema.additionalProperties) ? schema.additionalProperties : undefined);
      if (childSchema) errors.push(...validate(child, childSchema, join(path, key)));
    }
  }
  return errors;
}
