import { decodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { invalid } from '../domain/errors.ts';
import { queryableField } from '../domain/service.ts';
import type { Kind } from '../kinds/define.ts';
import { kindNamed } from '../kinds/index.ts';
import { NO_GRANTS } from '../auth/policy.ts';
import type { Condition, FieldCondition, Operator } from '../conditions/condition.ts';
import { FIELD_OPERATORS, prismaWhere } from '../conditions/prisma.ts';
import { conditionSql } from '../conditions/sql.ts';
import type { Sql } from '../db/sql.ts';
import type { InputFieldMap, InputObjectRef } from '@pothos/core';
import type PrismaTypes from '../generated/pothos-types.ts';
import { builder, type InputRecord, type Types } from './builder.ts';
import { enumType } from './enums.ts';
import { constantCase, graphqlFieldName } from './names.ts';

/**
 * Typed `where` filters and `orderBy` inputs for every Kind, derived from its queryable fields —
 * the same fields REST allows in `search` and `orderBy` (rest-contract §6.2–§6.3): the
 * ObjectReference columns and the scalar columns. Identifiers in filters are global ids.
 *
 * A `where` is read once into a tree of conditions (src/conditions/), then rendered as a Prisma
 * `where` for connections, or as SQL to test change-stream objects against the same filter.
 */

type Row = Record<string, unknown>;
type Where = Row;
/** A `where` or field filter input value, as GraphQL coerced it. */
export type Filter = Row;
type InputRef = InputObjectRef<Types, InputRecord>;
/** One `orderBy` item: a field's wire name and a direction. */
export interface OrderInput {
  field: string;
  direction: 'asc' | 'desc';
}
type OrderByRef = InputObjectRef<Types, { field: string; direction: 'asc' | 'desc' }>;

/** At most this many values in one `in`/`notIn` list. */
export const MAX_FILTER_VALUES = 100;
const valueList = z.array(z.unknown()).max(MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values`);

/** The Kind a global id must name, and its local id; 400 code 8 naming `field` otherwise. */
export function localId(globalId: string, kind: Kind, field: string): string {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    decoded = undefined;
  }
  if (decoded?.typename !== kind.name) throw invalid(`${field} '${globalId}' is not the id of a ${kind.name}`, field);
  return decoded.id;
}

const OrderDirection = builder.enumType('OrderDirection', {
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});

const DESCRIPTION: Record<Operator | 'isNull' | 'caseInsensitive', string> = {
  eq: 'Equal to.',
  ne: 'Not equal to (null values do not match).',
  in: `Equal to one of (at most ${MAX_FILTER_VALUES}).`,
  notIn: `Equal to none of (at most ${MAX_FILTER_VALUES}).`,
  gt: 'Greater than.',
  gte: 'Greater than or equal to.',
  lt: 'Less than.',
  lte: 'Less than or equal to.',
  contains: 'Contains the text.',
  startsWith: 'Starts with the text.',
  endsWith: 'Ends with the text.',
  isNull: 'true: has no value; false: has a value.',
  caseInsensitive: 'Compare text ignoring case (eq, ne, in, notIn, contains, startsWith, endsWith).',
};

type ScalarName = 'String' | 'ID' | 'Int' | 'Float' | 'SafeInt' | 'Boolean' | 'DateTime';

interface FilterSpec {
  name: string;
  /** The value type: a scalar name or an enum. */
  type: ScalarName | ReturnType<typeof enumType>;
  operators: readonly Operator[];
  caseInsensitive?: boolean;
}

const filterRefs = new Map<string, InputRef>();

function filterInput(spec: FilterSpec): InputRef {
  let ref = filterRefs.get(spec.name);
  if (!ref) {
    ref = builder.inputType(spec.name, {
      description: 'Conditions on one field; all given conditions must hold.',
      fields: (t): InputFieldMap => {
        const fields: InputFieldMap = {};
        for (const op of spec.operators) {
          fields[op] =
            op === 'in' || op === 'notIn'
              ? t.field({ type: [spec.type], description: DESCRIPTION[op], validate: valueList })
              : t.field({ type: spec.type, description: DESCRIPTION[op] });
        }
        fields['isNull'] = t.boolean({ description: DESCRIPTION.isNull });
        if (spec.caseInsensitive) fields['caseInsensitive'] = t.boolean({ description: DESCRIPTION.caseInsensitive });
        return fields;
      },
    });
    filterRefs.set(spec.name, ref);
  }
  return ref;
}

const EQUALITY: readonly Operator[] = ['eq', 'ne', 'in', 'notIn'];
const ORDERED: readonly Operator[] = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte'];
const TEXT: readonly Operator[] = [...EQUALITY, 'contains', 'startsWith', 'endsWith'];

/** A queryable field as a filter: its input type and how a value becomes a condition. */
interface FieldFilter {
  /** Wire name, which is also the column name. */
  wireName: string;
  name: string;
  prismaName: string;
  input: InputRef;
  /** Global ids in, local ids out (identifier filters only). */
  decode?: (value: string) => string;
}

function fieldFilter(kind: Kind, wireName: string): FieldFilter {
  const field = queryableField(kind, wireName)!;
  const declared = kind.field[wireName];
  const name = graphqlFieldName(wireName);
  const base = { wireName, name, prismaName: name };
  const target = wireName === 'id' ? kind : declared?.references ? kindNamed(declared.references.kind) : undefined;
  if (target) {
    return { ...base, input: filterInput({ name: 'IDFilter', type: 'ID', operators: EQUALITY }), decode: (v) => localId(v, target, name) };
  }
  if (declared?.enum) {
    const ref = enumType(kind.name, wireName, declared.enum);
    return { ...base, input: filterInput({ name: `${ref.name}Filter`, type: ref, operators: EQUALITY }) };
  }
  switch (field.wire) {
    case 'integer':
      return field.column === 'bigint'
        ? { ...base, input: filterInput({ name: 'SafeIntFilter', type: 'SafeInt', operators: ORDERED }) }
        : { ...base, input: filterInput({ name: 'IntFilter', type: 'Int', operators: ORDERED }) };
    case 'number':
      return { ...base, input: filterInput({ name: 'FloatFilter', type: 'Float', operators: ORDERED }) };
    case 'boolean':
      return { ...base, input: filterInput({ name: 'BooleanFilter', type: 'Boolean', operators: ['eq', 'ne'] }) };
    case 'timestamp':
      return { ...base, input: filterInput({ name: 'DateTimeFilter', type: 'DateTime', operators: ORDERED }) };
    default:
      return { ...base, input: filterInput({ name: 'StringFilter', type: 'String', operators: TEXT, caseInsensitive: true }) };
  }
}

const ORDERING: ReadonlySet<Operator> = new Set(['gt', 'gte', 'lt', 'lte']);

/** The conditions one field's filter input sets. */
function fieldConditions(filter: FieldFilter, value: Filter): FieldCondition[] {
  const out: FieldCondition[] = [];
  const base = { column: filter.wireName, prismaName: filter.prismaName };
  const decode = (v: unknown) => (filter.decode && typeof v === 'string' ? filter.decode(v) : v);
  for (const operator of FIELD_OPERATORS) {
    const v = value[operator];
    if (v === undefined || v === null) continue;
    const caseInsensitive = value['caseInsensitive'] === true && !ORDERING.has(operator);
    out.push({ ...base, operator, value: Array.isArray(v) ? v.map(decode) : decode(v), caseInsensitive });
  }
  if (value['isNull'] === true) out.push({ ...base, operator: 'isNull', caseInsensitive: false });
  if (value['isNull'] === false) out.push({ ...base, operator: 'isNotNull', caseInsensitive: false });
  return out;
}

/** Every condition of a `where` input, all of which must hold (its fields, AND, OR and NOT). */
function readWhere(filters: readonly FieldFilter[], value: Filter): Condition {
  const all: Condition[] = [];
  for (const f of filters) {
    const v = value[f.name];
    if (v) all.push(...fieldConditions(f, v as Filter));
  }
  if (Array.isArray(value['AND'])) all.push(...(value['AND'] as Filter[]).map((w) => readWhere(filters, w)));
  if (Array.isArray(value['OR'])) all.push({ any: (value['OR'] as Filter[]).map((w) => readWhere(filters, w)) });
  if (value['NOT']) all.push({ not: readWhere(filters, value['NOT'] as Filter) });
  return { all };
}

/** The fields a Kind can be filtered and ordered by, in the order REST lists them. */
function queryableNames(kind: Kind): string[] {
  return ['id', 'created_at', 'updated_at', ...kind.fields.filter((f) => f.queryable).map((f) => f.name)];
}

/** The Prisma model a Kind is stored as (the same name). */
export type ModelOf<N extends keyof PrismaTypes> = PrismaTypes[N];

export interface KindQueryInputs<N extends keyof PrismaTypes = keyof PrismaTypes> {
  where: InputRef;
  orderBy: OrderByRef;
  /** The caller's `where` as a Prisma condition (undefined: no filter). */
  toWhere(where: Filter | null | undefined): ModelOf<N>['Where'] | undefined;
  /** The same `where` as an SQL condition over the row alias `t` (undefined: no filter). */
  toSql(where: Filter | null | undefined): Sql | undefined;
  /** The caller's order, or the default, with `id` as the final tie-breaker (as REST does). */
  toOrderBy(orderBy: readonly OrderInput[] | null | undefined): ModelOf<N>['OrderBy'][];
}

export interface OrderItem {
  /** Wire name of a queryable field. */
  field: string;
  direction: 'asc' | 'desc';
}

/**
 * The `where` and `orderBy` inputs of the Kind stored as Prisma model `N`. The conditions they
 * render name only the Kind's queryable fields, which are the model's fields of the same names:
 * that is what makes them the model's `where` and `orderBy` (the one place this is asserted).
 */
export function kindQueryInputs<N extends keyof PrismaTypes>(model: N, kind: Kind, defaultOrder: readonly OrderItem[]): KindQueryInputs<N> {
  if (kind.name !== model) throw new Error(`Kind ${kind.name} is not stored as model ${model}`);
  const filters = queryableNames(kind).map((name) => fieldFilter(kind, name));

  const where: InputRef = builder.inputType(`${kind.name}Where`, {
    description: `Conditions on ${kind.name} fields; all given conditions must hold.`,
    fields: (t): InputFieldMap => {
      const fields: InputFieldMap = {};
      for (const f of filters) fields[f.name] = t.field({ type: f.input });
      fields['AND'] = t.field({ type: [where], description: 'All of these hold.' });
      fields['OR'] = t.field({ type: [where], description: 'At least one of these holds.' });
      fields['NOT'] = t.field({ type: where, description: 'This does not hold.' });
      return fields;
    },
  });

  const orderField = builder.enumType(`${kind.name}OrderField`, {
    values: Object.fromEntries(filters.map((f) => [constantCase(f.name), { value: f.wireName }])),
  });
  const orderBy: OrderByRef = builder.inputType(`${kind.name}OrderBy`, {
    description: `One sort key of a ${kind.name} list; ties are broken by id.`,
    fields: (t) => ({
      field: t.field({ type: orderField, required: true }),
      direction: t.field({ type: OrderDirection, required: true, defaultValue: 'asc' }),
    }),
  });

  // A `where` names fields only, never projects, so no grants are needed to render it.
  const toWhere = (value: Filter | null | undefined): ModelOf<N>['Where'] | undefined =>
    value ? (prismaWhere(kind, readWhere(filters, value), NO_GRANTS) as ModelOf<N>['Where']) : undefined;
  const toSql = (value: Filter | null | undefined): Sql | undefined => (value ? conditionSql(kind, readWhere(filters, value)) : undefined);

  const toOrderBy = (items: readonly OrderInput[] | null | undefined): ModelOf<N>['OrderBy'][] => {
    const order: readonly OrderItem[] = items && items.length > 0 ? items : defaultOrder;
    const prisma: Where[] = order.map((o) => ({ [graphqlFieldName(o.field)]: o.direction }));
    if (!order.some((o) => graphqlFieldName(o.field) === 'id')) prisma.push({ id: 'asc' });
    return prisma as ModelOf<N>['OrderBy'][];
  };

  return { where, orderBy, toWhere, toSql, toOrderBy };
}
