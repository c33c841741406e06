import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import type { Field, Kind } from '../kinds/define.ts';
import { kindNamed } from '../kinds/index.ts';
import { builder } from './builder.ts';
import { isComputed } from './computed.ts';
import type { GraphqlContext } from './context.ts';
import { derivedInputFields, type DerivedField, type Row } from './derived.ts';
import { enumType } from './enums.ts';
import { localId } from './filters.ts';
import { jsonField, type JsonField } from './json-types.ts';
import { graphqlFieldName } from './names.ts';

/**
 * One Kind field in GraphQL: its output type and value, its input type and validation, and the
 * conversion of an input value back to the REST wire value the domain layer parses. References
 * are global ids in both directions; JSON-text fields are structured (json-types.ts).
 */

const jsonFields = new Map<string, JsonField>();

function json(kind: Kind, field: Field): JsonField {
  const key = `${kind.name}.${field.name}`;
  let found = jsonFields.get(key);
  if (!found) {
    found = jsonField(kind.name, field.name, field.shape!);
    jsonFields.set(key, found);
  }
  return found;
}

function scalarType(field: Field): 'String' | 'Int' | 'SafeInt' | 'Float' | 'Boolean' | 'DateTime' {
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

function outputType(kind: Kind, field: Field): unknown {
  if (field.references) return 'ID';
  if (field.wire === 'json-text') return json(kind, field).output;
  if (field.wire === 'string-array') return ['String'];
  if (field.enum) return enumType(kind.name, field.name, field.enum);
  return scalarType(field);
}

function inputType(kind: Kind, field: Field): unknown {
  if (field.references) return 'ID';
  if (field.wire === 'json-text') return json(kind, field).input;
  if (field.wire === 'string-array') return ['String'];
  if (field.enum) return enumType(kind.name, field.name, field.enum);
  return scalarType(field);
}

/** How a field's value is found on a row Prisma loaded (camelCase keys, parsed JSON). */
export function outputValue(kind: Kind, field: Field, row: Row, ctx: GraphqlContext): unknown {
  const name = graphqlFieldName(field.name);
  if (isComputed(kind, field.name)) {
    return ctx.computed.load(kind, field.name, row['id'] as string).then((value) => {
      if (field.wire !== 'json-text' || value === null) return value;
      return json(kind, field).toGraphql(typeof value === 'string' ? JSON.parse(value) : value);
    });
  }
  const value = row[name] ?? null;
  if (value === null) return null;
  if (field.references) return encodeGlobalID(field.references.kind, value as string);
  if (field.wire === 'json-text') return json(kind, field).toGraphql(value);
  return value;
}

/**
 * The output field of a declared field. Stored fields read the row; computed fields evaluate the
 * domain's expression; fields that are neither (a project key's secret) only have a value on the
 * result of the mutation that produced them.
 */
export function outputField(kind: Kind, field: Field): DerivedField {
  return {
    type: outputType(kind, field),
    nullable: !field.notNull || !field.column,
    description: field.references ? `Global id of the ${field.references.kind} in \`${field.references.relation}\`.` : field.description,
    resolve: (row, _args, ctx) => outputValue(kind, field, row, ctx),
  };
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
  /** The input object type (a value, see derived.ts). */
  ref: unknown;
  /** The GraphQL input as a REST body: wire names, wire values, local ids; absent stays absent. */
  toBody(input: Row): Row;
}

/**
 * An input object over some of a Kind's fields. `requireRequired`: fields the Kind requires on
 * create are non-null (create inputs); otherwise every field is optional and null clears it.
 */
export function kindInput(name: string, description: string, kind: Kind, fields: readonly Field[], requireRequired: boolean): KindInput {
  const ref = builder.inputType(name, {
    description,
    validate: rulesCheck(fields),
    fields: (t) => {
      const out: Record<string, unknown> = {};
      for (const field of fields) {
        out[graphqlFieldName(field.name)] = derivedInputFields(t).field({
          type: inputType(kind, field),
          required: requireRequired && field.required,
          description: field.references
            ? `Global id of the ${field.references.kind}${field.references.sameProject ? ' (in the same project)' : ''}.`
            : field.description,
        });
      }
      return out as never;
    },
  });
  const toBody = (input: Row): Row => {
    const body: Row = {};
    for (const field of fields) {
      const value = input[graphqlFieldName(field.name)];
      if (value === undefined || value === null) {
        if (value === null) body[field.name] = null;
        continue;
      }
      if (field.references) body[field.name] = localId(value as string, kindNamed(field.references.kind), field.name);
      else if (field.wire === 'json-text') body[field.name] = json(kind, field).toJsonText(value);
      else if (value instanceof Date) body[field.name] = value.toISOString();
      else body[field.name] = value;
    }
    return body;
  };
  return { ref, toBody };
}
