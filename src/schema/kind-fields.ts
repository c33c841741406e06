import type { GenericInputFieldRef, InputFieldBuilder, InputFieldMap, InputObjectRef } from '@pothos/core';
import { z } from 'zod';
import type { Field, Kind } from '../kinds/define.ts';
import { kindNamed } from '../kinds/index.ts';
import { builder, type InputRecord, type Types } from './builder.ts';
import { enumType } from './enums.ts';
import { localId } from './filters.ts';
import { jsonForm, jsonText, KeyValueInput } from './json-types.ts';
import { graphqlFieldName } from './names.ts';

type Row = Record<string, unknown>;

/**
 * One Kind field in GraphQL inputs: its input type and validation, and the conversion of an input
 * value back to the REST wire value the domain layer parses. References are global ids; JSON-text
 * fields are structured (json-types.ts). The output side is written out per Kind (src/schema/<kind>.ts).
 */

/** The scalar a stored scalar field has in GraphQL. */
export function scalarType(field: Field): 'String' | 'Int' | 'SafeInt' | 'Float' | 'Boolean' | 'DateTime' {
  switch (field.wire) {
    case 'integer':
      return field.column === 'bigint' ? 'SafeInt' : 'Int';
    case 'number':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    case 'timestamp':
      return 'DateTime';
    default:
      return 'String';
  }
}

function inputField(
  t: InputFieldBuilder<Types, 'InputObject'>,
  kind: Kind,
  field: Field,
  required: boolean,
  description: string,
): GenericInputFieldRef<unknown> {
  if (field.references) return t.id({ required, description });
  if (field.wire === 'json-text') {
    const form = jsonForm(kind.name, field.name, field.shape!);
    if (form.form === 'map') return t.field({ type: [KeyValueInput], required, description });
    return form.form === 'object' ? t.field({ type: form.input, required, description }) : t.field({ type: [form.input], required, description });
  }
  if (field.wire === 'string-array') return t.stringList({ required, description });
  if (field.enum) return t.field({ type: enumType(kind.name, field.name, field.enum), required, description });
  return t.field({ type: scalarType(field), required, description });
}

/** Why a value breaks its field's rule (the same rule the domain layer applies), or undefined. */
function ruleProblem(field: Field, input: unknown): string | undefined {
  let value = input instanceof Date ? input.toISOString() : input;
  if (value === null || value === undefined || !field.rule || field.wire === 'json-text') return undefined;
  if (field.normalize && typeof value === 'string') value = field.normalize(value);
  if (value === null) return undefined;
  const result = field.rule(field.name).safeParse(value);
  return result.success ? undefined : result.error.issues[0]!.message;
}

/** Checks every field of an input object at once, so a form learns about all its invalid fields. */
function rulesCheck(fields: readonly Field[]): z.ZodType {
  return z.unknown().check((ctx) => {
    const input = ctx.value as Row;
    for (const field of fields) {
      const name = graphqlFieldName(field.name);
      const problem = ruleProblem(field, input[name]);
      if (problem) ctx.issues.push({ code: 'custom', input: input[name], message: problem, path: [name] });
    }
  });
}

export interface KindInput {
  ref: InputObjectRef<Types, InputRecord>;
  /** The GraphQL input as a REST body: wire names, wire values, local ids; absent stays absent. */
  toBody(input: InputRecord): Row;
}

/**
 * An input object over some of a Kind's fields. `requireRequired`: fields the Kind requires on
 * create are non-null (create inputs); otherwise every field is optional and null clears it.
 */
export function kindInput(name: string, description: string, kind: Kind, fields: readonly Field[], requireRequired: boolean): KindInput {
  const ref = builder.inputType(name, {
    description,
    validate: rulesCheck(fields),
    fields: (t): InputFieldMap => {
      const out: InputFieldMap = {};
      for (const field of fields) {
        const about = field.references
          ? `Global id of the ${field.references.kind}${field.references.sameProject ? ' (in the same project)' : ''}.`
          : field.description;
        out[graphqlFieldName(field.name)] = inputField(t, kind, field, requireRequired && field.required, about);
      }
      return out;
    },
  });
  const toBody = (input: InputRecord): Row => {
    const body: Row = {};
    for (const field of fields) {
      const value = input[graphqlFieldName(field.name)];
      if (value === undefined || value === null) {
        if (value === null) body[field.name] = null;
        continue;
      }
      if (field.references) body[field.name] = localId(value as string, kindNamed(field.references.kind), field.name);
      else if (field.wire === 'json-text') body[field.name] = jsonText(field.shape!, field.name, value);
      else if (value instanceof Date) body[field.name] = value.toISOString();
      else body[field.name] = value;
    }
    return body;
  };
  return { ref, toBody };
}
