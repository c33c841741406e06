import type { z } from 'zod';
import { invalid } from '../domain/errors.ts';
import { builder, type InputRecord, type Types } from './builder.ts';
import type {
  FieldMap,
  GenericFieldRef,
  GenericInputFieldRef,
  InputFieldBuilder,
  InputFieldMap,
  InputObjectRef,
  ObjectFieldBuilder,
  ObjectRef,
} from '@pothos/core';
import { enumType } from './enums.ts';
import { graphqlFieldName } from './names.ts';
import { shapeOf, type Property, type Shape } from './zod-shapes.ts';

/**
 * Real GraphQL types for the JSON-text fields (repos, conditions, labels, …), never opaque strings.
 *
 * Objects become object types named by their zod `.meta({ id })` (`SessionRepo`) with input twins
 * (`SessionRepoInput`); string maps become lists of `KeyValue`. Outputs read the stored JSON as
 * is (object properties resolve from their snake_case keys); inputs are turned back into the
 * JSON the REST wire carries, so the domain layer validates it exactly as for REST.
 */

type Json = Record<string, unknown>;

export interface Entry {
  key: string;
  value: string;
}

export const KeyValue = builder.objectRef<Entry>('KeyValue').implement({
  description: 'One entry of a string map (labels, annotations, environment variables).',
  fields: (t) => ({ key: t.exposeString('key'), value: t.exposeString('value') }),
});

export const KeyValueInput = builder.inputType('KeyValueInput', {
  description: 'One entry of a string map; each key at most once.',
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

type ObjectShape = Extract<Shape, { type: 'object' }>;

const outputs = new Map<string, ObjectRef<Types, Json>>();
const inputs = new Map<string, InputObjectRef<Types, InputRecord>>();

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
const numeric = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored JSON object, or null for anything else. */
export const asJsonObject = (value: unknown): Json | null => (isJson(value) ? value : null);
/** A stored JSON array of objects (non-objects dropped), or null. */
export const asJsonObjects = (value: unknown): Json[] | null => (Array.isArray(value) ? value.filter(isJson) : null);
/** A stored string map as its entries, or null. */
export const asEntries = (value: unknown): Entry[] | null =>
  isJson(value) ? Object.entries(value).flatMap(([key, v]) => (typeof v === 'string' ? [{ key, value: v }] : [])) : null;
const asStrings = (value: unknown): string[] | null => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null);

/** A value the stored JSON must have: its absence fails the field (as a null in a non-null field would). */
function present<T>(value: T | null, key: string): T {
  if (value === null) throw new Error(`stored JSON has no valid ${key}`);
  return value;
}

/** One property of a JSON object type: its GraphQL field, read from the snake_case key. */
function propertyField(t: ObjectFieldBuilder<Types, Json>, owner: string, p: Property): GenericFieldRef<unknown> {
  const shape = p.shape;
  const k = p.key;
  switch (shape.type) {
    case 'string':
      return p.optional ? t.string({ nullable: true, resolve: (j) => text(j[k]) }) : t.string({ resolve: (j) => present(text(j[k]), k) });
    case 'boolean':
      return p.optional ? t.boolean({ nullable: true, resolve: (j) => flag(j[k]) }) : t.boolean({ resolve: (j) => present(flag(j[k]), k) });
    case 'number':
      return p.optional ? t.float({ nullable: true, resolve: (j) => numeric(j[k]) }) : t.float({ resolve: (j) => present(numeric(j[k]), k) });
    case 'enum': {
      const type = enumType(owner, k, shape.values);
      return p.optional ? t.field({ type, nullable: true, resolve: (j) => text(j[k]) }) : t.field({ type, resolve: (j) => present(text(j[k]), k) });
    }
    case 'map':
      return p.optional
        ? t.field({ type: [KeyValue], nullable: true, resolve: (j) => asEntries(j[k]) })
        : t.field({ type: [KeyValue], resolve: (j) => present(asEntries(j[k]), k) });
    case 'object': {
      const type = objectType(shape);
      return p.optional
        ? t.field({ type, nullable: true, resolve: (j) => asJsonObject(j[k]) })
        : t.field({ type, resolve: (j) => present(asJsonObject(j[k]), k) });
    }
    case 'array':
      if (shape.item.type === 'string') {
        return p.optional ? t.stringList({ nullable: true, resolve: (j) => asStrings(j[k]) }) : t.stringList({ resolve: (j) => present(asStrings(j[k]), k) });
      }
      if (shape.item.type === 'object') {
        const type = objectType(shape.item);
        return p.optional
          ? t.field({ type: [type], nullable: true, resolve: (j) => asJsonObjects(j[k]) })
          : t.field({ type: [type], resolve: (j) => present(asJsonObjects(j[k]), k) });
      }
  }
  throw new Error(`no GraphQL type for ${owner}.${k}`);
}

/** The object type of a named JSON object shape (`SessionRepo`). */
export function objectType(shape: ObjectShape): ObjectRef<Types, Json> {
  let ref = outputs.get(shape.id);
  if (!ref) {
    ref = builder.objectRef<Json>(shape.id).implement({
      description: shape.description,
      fields: (t) => {
        const fields: FieldMap = {};
        for (const p of shape.properties) fields[graphqlFieldName(p.key)] = propertyField(t, shape.id, p);
        return fields;
      },
    });
    outputs.set(shape.id, ref);
  }
  return ref;
}

/** One property of a JSON input object type. */
function propertyInput(t: InputFieldBuilder<Types, 'InputObject'>, owner: string, p: Property): GenericInputFieldRef<unknown> {
  const required = !p.optional;
  const shape = p.shape;
  switch (shape.type) {
    case 'string':
      return t.string({ required });
    case 'boolean':
      return t.boolean({ required });
    case 'number':
      return t.float({ required });
    case 'enum':
      return t.field({ type: enumType(owner, p.key, shape.values), required });
    case 'map':
      return t.field({ type: [KeyValueInput], required });
    case 'object':
      return t.field({ type: objectInputType(shape), required });
    case 'array':
      if (shape.item.type === 'string') return t.stringList({ required });
      if (shape.item.type === 'object') return t.field({ type: [objectInputType(shape.item)], required });
  }
  throw new Error(`no GraphQL input type for ${owner}.${p.key}`);
}

/** The input type of a named JSON object shape (`SessionRepoInput`). */
export function objectInputType(shape: ObjectShape): InputObjectRef<Types, InputRecord> {
  let ref = inputs.get(shape.id);
  if (!ref) {
    ref = builder.inputType(`${shape.id}Input`, {
      description: shape.description,
      fields: (t): InputFieldMap => {
        const fields: InputFieldMap = {};
        for (const p of shape.properties) fields[graphqlFieldName(p.key)] = propertyInput(t, shape.id, p);
        return fields;
      },
    });
    inputs.set(shape.id, ref);
  }
  return ref;
}

/** A GraphQL input value as the JSON the REST wire would carry (`field` names it in errors). */
function fromGraphql(shape: Shape, value: unknown, field: string): unknown {
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'map': {
      const map: Record<string, string> = {};
      for (const { key, value: v } of value as Entry[]) {
        if (key in map) throw invalid(`${field}: key '${key}' is listed twice`, field);
        map[key] = v;
      }
      return map;
    }
    case 'array':
      return (value as unknown[]).map((item) => fromGraphql(shape.item, item, field));
    case 'object': {
      const input = value as Json;
      const json: Json = {};
      for (const p of shape.properties) {
        // An explicit null means "absent": the stored JSON has no nulls.
        const v = input[graphqlFieldName(p.key)];
        if (v !== null && v !== undefined) json[p.key] = fromGraphql(p.shape, v, field);
      }
      return json;
    }
    default:
      return value;
  }
}

/** The input type of a named JSON object shape (`SessionRepoInput`) and its conversion to JSON. */
export function jsonObjectInput(schema: z.ZodType): { ref: InputObjectRef<Types, InputRecord>; toJson(value: InputRecord): Json } {
  const shape = shapeOf(schema);
  if (shape.type !== 'object') throw new Error('jsonObjectInput needs an object shape');
  return { ref: objectInputType(shape), toJson: (value) => fromGraphql(shape, value, shape.id) as Json };
}

/**
 * The GraphQL form of a JSON-text field: a named object, a list of named objects, or a string map
 * (a list of KeyValue). Other shapes have no GraphQL form yet: declaring one fails here, at start-up.
 */
export type JsonForm = { form: 'object' | 'objects'; type: ObjectShape; input: InputObjectRef<Types, InputRecord> } | { form: 'map' };

export function jsonForm(owner: string, key: string, schema: z.ZodType): JsonForm {
  const shape = shapeOf(schema);
  if (shape.type === 'map') return { form: 'map' };
  if (shape.type === 'object') return { form: 'object', type: shape, input: objectInputType(shape) };
  if (shape.type === 'array' && shape.item.type === 'object') return { form: 'objects', type: shape.item, input: objectInputType(shape.item) };
  throw new Error(`${owner}.${key}: no GraphQL type for a JSON ${shape.type}`);
}

/** A GraphQL input value of a JSON-text field as the JSON text the REST wire carries (null stays null: it clears). */
export function jsonText(schema: z.ZodType, key: string, value: unknown): string | null | undefined {
  return value === null || value === undefined ? value : JSON.stringify(fromGraphql(shapeOfSchema(schema), value, key));
}

const shapes = new WeakMap<z.ZodType, Shape>();
function shapeOfSchema(schema: z.ZodType): Shape {
  let shape = shapes.get(schema);
  if (!shape) {
    shape = shapeOf(schema);
    shapes.set(schema, shape);
  }
  return shape;
}
