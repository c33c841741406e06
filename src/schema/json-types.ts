import type { z } from 'zod';
import { invalid } from '../domain/errors.ts';
import { builder } from './builder.ts';
import { derivedFields, derivedInputFields } from './derived.ts';
import { enumType } from './enums.ts';
import { graphqlFieldName } from './names.ts';
import { shapeOf, type Shape } from './zod-shapes.ts';

/**
 * Real GraphQL types for the JSON-text fields (repos, conditions, labels, …), never opaque strings.
 *
 * Objects become object types named by their zod `.meta({ id })` (`SessionRepo`) with input twins
 * (`SessionRepoInput`); string maps become lists of `KeyValue`. Outputs read the stored JSON as
 * is (object properties resolve from their snake_case keys); inputs are turned back into the
 * JSON the REST wire carries, so the domain layer validates it exactly as for REST.
 */

type Json = Record<string, unknown>;

interface Entry {
  key: string;
  value: string;
}

const KeyValue = builder.objectRef<Entry>('KeyValue').implement({
  description: 'One entry of a string map (labels, annotations, environment variables).',
  fields: (t) => ({ key: t.exposeString('key'), value: t.exposeString('value') }),
});

const KeyValueInput = builder.inputType('KeyValueInput', {
  description: 'One entry of a string map; each key at most once.',
  fields: (t) => ({ key: t.string({ required: true }), value: t.string({ required: true }) }),
});

/** The GraphQL type of a shape: a scalar name, an enum or object ref, or a one-element list of one. */
type GraphqlType = unknown;

const outputs = new Map<string, GraphqlType>();
const inputs = new Map<string, GraphqlType>();

function outputType(shape: Shape, owner: string, key: string): GraphqlType {
  switch (shape.type) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return 'Float';
    case 'enum':
      return enumType(owner, key, shape.values);
    case 'map':
      return [KeyValue];
    case 'array':
      return [outputType(shape.item, owner, key)];
    case 'object':
      return objectType(shape);
  }
}

function objectType(shape: Extract<Shape, { type: 'object' }>): GraphqlType {
  if (!outputs.has(shape.id)) {
    const ref = builder.objectRef<Json>(shape.id).implement({
      description: shape.description,
      fields: (t) =>
        Object.fromEntries(
          shape.properties.map((p) => [
            graphqlFieldName(p.key),
            derivedFields(t).field({ type: outputType(p.shape, shape.id, p.key), nullable: p.optional, resolve: (json) => toGraphql(p.shape, json[p.key]) }),
          ]),
        ) as never,
    });
    outputs.set(shape.id, ref);
  }
  return outputs.get(shape.id);
}

function inputType(shape: Shape, owner: string, key: string): GraphqlType {
  switch (shape.type) {
    case 'string':
      return 'String';
    case 'boolean':
      return 'Boolean';
    case 'number':
      return 'Float';
    case 'enum':
      return enumType(owner, key, shape.values);
    case 'map':
      return [KeyValueInput];
    case 'array':
      return [inputType(shape.item, owner, key)];
    case 'object':
      return objectInputType(shape);
  }
}

function objectInputType(shape: Extract<Shape, { type: 'object' }>): GraphqlType {
  if (!inputs.has(shape.id)) {
    const ref = builder.inputType(`${shape.id}Input`, {
      description: shape.description,
      fields: (t) =>
        Object.fromEntries(
          shape.properties.map((p) => [
            graphqlFieldName(p.key),
            derivedInputFields(t).field({ type: inputType(p.shape, shape.id, p.key), required: !p.optional }),
          ]),
        ) as never,
    });
    inputs.set(shape.id, ref);
  }
  return inputs.get(shape.id);
}

/** The stored JSON value as its GraphQL type resolves it. */
function toGraphql(shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (shape.type === 'map') return Object.entries(value as Record<string, string>).map(([k, v]) => ({ key: k, value: v }));
  if (shape.type === 'array') return (value as unknown[]).map((item) => toGraphql(shape.item, item));
  return value;
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
export function jsonObjectInput(schema: z.ZodType): { ref: GraphqlType; toJson(value: Json): Json } {
  const shape = shapeOf(schema);
  if (shape.type !== 'object') throw new Error('jsonObjectInput needs an object shape');
  return { ref: objectInputType(shape), toJson: (value) => fromGraphql(shape, value, shape.id) as Json };
}

/** A JSON-text field's GraphQL output and input types, and the conversions between them. */
export interface JsonField {
  output: GraphqlType;
  input: GraphqlType;
  /** Parsed stored JSON → the value the output type resolves. */
  toGraphql(json: unknown): unknown;
  /** GraphQL input → the JSON text the REST wire carries (null stays null: it clears). */
  toJsonText(value: unknown): string | null | undefined;
}

export function jsonField(owner: string, key: string, schema: z.ZodType): JsonField {
  const shape = shapeOf(schema);
  return {
    output: outputType(shape, owner, key),
    input: inputType(shape, owner, key),
    toGraphql: (json) => toGraphql(shape, json),
    toJsonText: (value) => (value === null || value === undefined ? value : JSON.stringify(fromGraphql(shape, value, key))),
  };
}
