import type { EnumRef } from '@pothos/core';
import { KINDS } from '../kinds/index.ts';
import { builder, type Types } from './builder.ts';
import { constantCase, pascal } from './names.ts';
import { shapeOf, type Shape } from './zod-shapes.ts';

/**
 * GraphQL enums for every closed set of values in the declarations: Kind fields with `enum`, and
 * enums inside JSON-text shapes. Values are CONSTANT_CASE in GraphQL and map to the stored strings
 * (`PENDING` ↔ `Pending`). A set used in several places under the same key is one shared enum
 * (`role` → `Role`); otherwise the enum is named after its owner (`SessionPhase`).
 */

interface Usage {
  owner: string;
  key: string;
  values: readonly string[];
}

const valuesKey = (values: readonly string[]) => [...values].sort().join('\u0000');

function shapeUsages(shape: Shape, out: Usage[]): void {
  if (shape.type === 'array') shapeUsages(shape.item, out);
  if (shape.type !== 'object') return;
  for (const property of shape.properties) {
    if (property.shape.type === 'enum') out.push({ owner: shape.id, key: property.key, values: property.shape.values });
    else shapeUsages(property.shape, out);
  }
}

const USAGES: readonly Usage[] = KINDS.flatMap((kind) => {
  const out: Usage[] = [];
  for (const field of kind.fields) {
    if (field.enum) out.push({ owner: kind.name, key: field.name, values: field.enum });
    if (field.shape) shapeUsages(shapeOf(field.shape), out);
  }
  return out;
});

function enumName(owner: string, key: string, values: readonly string[]): string {
  const same = USAGES.filter((u) => valuesKey(u.values) === valuesKey(values));
  const shared = same.length > 1 && same.every((u) => u.key === key) && new Set(same.map((u) => u.owner)).size > 1;
  return shared ? pascal(key) : `${owner}${pascal(key)}`;
}

const refs = new Map<string, EnumRef<Types, string, string>>();

/** The enum type for the values of `owner.key` (a Kind field or a JSON shape property). */
export function enumType(owner: string, key: string, values: readonly string[]): EnumRef<Types, string, string> {
  const name = enumName(owner, key, values);
  let ref = refs.get(name);
  if (!ref) {
    ref = builder.enumType(name, { values: Object.fromEntries(values.map((value) => [constantCase(value), { value }])) });
    refs.set(name, ref);
  }
  return ref;
}
