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
import { builder } from './builder.ts';
import { derivedInputFields, type Row } from './derived.ts';
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

type Where = Row;
type Filter = Row;
/** An input type ref (derived types are values, see derived.ts). */
type InputRef = unknown;

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
  if (!filterRefs.has(spec.name)) {
    const ref = builder.inputType(spec.name, {
      description: 'Conditions on one field; all given conditions must hold.',
      fields: (t) => {
        const input = derivedInputFields(t);
        const fields: Record<string, unknown> = {};
        for (const op of spec.operators) {
          fields[op] =
            op === 'in' || op === 'notIn'
              ? input.field({ type: [spec.type], description: DESCRIPTION[op], validate: valueList })
              : input.field({ type: spec.type, description: DESCRIPTION[op] });
        }
        fields['isNull'] = input.field({ type: 'Boolean', description: DESCRIPTION.isNull });
        if (spec.caseInsensitive) fields['caseInsensitive'] = input.field({ type: 'Boolean', description: DESCRIPTION.caseInsensitive });
        return fields as never;
      },
    });
    filterRefs.set(spec.name, ref);
  }
  return filterRefs.get(spec.name);
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

export interface KindQueryInputs {
  where: InputRef;
  orderBy: InputRef;
  /** The caller's `where` as a Prisma condition (undefined: no filter). */
  toWhere(where: Filter | null | undefined): Where | undefined;
  /** The same `where` as an SQL condition over the row alias `t` (undefined: no filter). */
  toSql(where: Filter | null | undefined): Sql | undefined;
  /** The caller's order, or the default, with `id` as the final tie-breaker (as REST does). */
  toOrderBy(orderBy: readonly Filter[] | null | undefined): Where[];
}

export interface OrderItem {
  /** Wire name of a queryable field. */
  field: string;
  direction: 'asc' | 'desc';
}

export function kindQueryInputs(kind: Kind, defaultOrder: readonly OrderItem[]): KindQueryInputs {
  const filters = queryableNames(kind).map((name) => fieldFilter(kind, name));

  const where: InputRef = builder.inputType(`${kind.name}Where`, {
    description: `Conditions on ${kind.name} fields; all given conditions must hold.`,
    fields: (t) => {
      const input = derivedInputFields(t);
      return {
        ...Object.fromEntries(filters.map((f) => [f.name, input.field({ type: f.input })])),
        AND: input.field({ type: [where], description: 'All of these hold.' }),
        OR: input.field({ type: [where], description: 'At least one of these holds.' }),
        NOT: input.field({ type: where, description: 'This does not hold.' }),
      } as never;
    },
  });

  const orderField = builder.enumType(`${kind.name}OrderField`, {
    values: Object.fromEntries(filters.map((f) => [constantCase(f.name), { value: f.wireName }])),
  });
  const orderBy = builder.inputType(`${kind.name}OrderBy`, {
    description: `One sort key of a ${kind.name} list; ties are broken by id.`,
    fields: (t) => ({
      field: t.field({ type: orderField, required: true }),
      direction: t.field({ type: OrderDirection, required: true, defaultValue: 'asc' }),
    }),
  });

  // A `where` names fields only, never projects, so no grants are needed to render it.
  const toWhere = (value: Filter | null | undefined): Where | undefined => (value ? prismaWhere(kind, readWhere(filters, value), NO_GRANTS) : undefined);
  const toSql = (value: Filter | null | undefined): Sql | undefined => (value ? conditionSql(kind, readWhere(filters, value)) : undefined);

  const toOrderBy = (items: readonly Filter[] | null | undefined): Where[] => {
    const order: readonly OrderItem[] =
      items && items.length > 0 ? items.map((o) => ({ field: o['field'] as string, direction: o['direction'] as 'asc' | 'desc' })) : defaultOrder;
    const prisma = order.map((o) => ({ [graphqlFieldName(o.field)]: o.direction }));
    if (!order.some((o) => graphqlFieldName(o.field) === 'id')) prisma.push({ id: 'asc' });
    return prisma;
  };

  return { where, orderBy, toWhere, toSql, toOrderBy };
}
