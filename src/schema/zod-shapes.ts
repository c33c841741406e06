import { z } from 'zod';

/**
 * The shape of a JSON-text field's value, read from its zod schema (the `shape` of a Kind field),
 * as the few constructs GraphQL needs: objects named by their `.meta({ id })`, arrays, string maps
 * (labels, annotations, environment variables), enums and scalars. Validation rules (checks,
 * refinements) do not change a shape; the domain layer applies them on every write.
 */
export type Shape =
  | { type: 'string' | 'boolean' | 'number' }
  | { type: 'enum'; values: readonly string[] }
  | { type: 'object'; id: string; description: string | undefined; properties: readonly Property[] }
  | { type: 'array'; item: Shape }
  | { type: 'map' };

export interface Property {
  /** The JSON key (snake_case, as stored). */
  key: string;
  shape: Shape;
  optional: boolean;
}

export function shapeOf(schema: z.ZodType): Shape {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return shapeOf(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodString) return { type: 'string' };
  if (schema instanceof z.ZodBoolean) return { type: 'boolean' };
  if (schema instanceof z.ZodNumber) return { type: 'number' };
  if (schema instanceof z.ZodEnum) return { type: 'enum', values: schema.options.map(String) };
  if (schema instanceof z.ZodArray) return { type: 'array', item: shapeOf(schema.element as z.ZodType) };
  if (schema instanceof z.ZodRecord) return { type: 'map' };
  if (schema instanceof z.ZodObject) {
    const meta = z.globalRegistry.get(schema);
    if (!meta?.id) throw new Error('a JSON object shape needs .meta({ id }) to name its GraphQL type');
    const properties = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, property]) => ({
      key,
      shape: shapeOf(property),
      optional: property instanceof z.ZodOptional,
    }));
    return { type: 'object', id: meta.id, description: meta.description, properties };
  }
  throw new Error(`no GraphQL shape for a zod ${schema._zod.def.type}`);
}
