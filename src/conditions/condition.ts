import { camel } from '../db/prisma-schema.ts';
import type { Role } from '../kinds/rules.ts';

/**
 * A condition on the rows of one Kind, as data: what the read policy (src/auth/policy.ts), the
 * GraphQL `where` inputs (src/schema/filters.ts) and the REST `search` (src/rest/search/) produce.
 * One renderer per target turns it into what that target runs — SQL over the row alias `t`
 * (sql.ts), a Prisma `where` (prisma.ts), or a test of one object in memory (evaluate.ts) — so
 * every protocol applies the same rules and no protocol layer writes SQL.
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FieldCondition | ProjectCondition | TypedCondition;

export type Operator = 'eq' | 'ne' | 'in' | 'notIn' | 'gt' | 'gte' | 'lt' | 'lte' | 'contains' | 'startsWith' | 'endsWith';

/** One condition on one column; `value` is decoded (local ids), `caseInsensitive` only for text operators. */
export interface FieldCondition {
  /** The column, which is also the field's wire name. */
  column: string;
  /** The field's name in Prisma rows. */
  prismaName: string;
  operator: Operator | 'isNull' | 'isNotNull';
  value?: unknown;
  caseInsensitive: boolean;
}

/**
 * A comparison made in an explicit SQL type, with SQL's own operators and three-valued logic: the
 * REST search language (rest-contract §6.3). Every value is cast to `type`, so Postgres never
 * guesses a parameter's type; the left side may be arithmetic, evaluated in `numeric`. SQL only:
 * the Prisma and in-memory renderers refuse it (nothing but `search` produces one).
 */
export interface TypedCondition {
  typed: {
    left: Expression;
    type: SqlType;
    operator: TypedOperator;
    /** One value per comparison or pattern, the list for `in`, low and high for `between`, none for null tests. */
    values: readonly unknown[];
  };
}

export type SqlType = 'text' | 'integer' | 'bigint' | 'double precision' | 'boolean' | 'timestamptz' | 'numeric';

export type TypedOperator =
  'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'in' | 'notIn' | 'between' | 'notBetween' | 'like' | 'notLike' | 'ilike' | 'notIlike' | 'isNull' | 'isNotNull';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

/**
 * A value of the row: a column as stored, or arithmetic in `numeric` over columns and numbers. A
 * divisor other than a non-zero number is guarded (`NULLIF(…, 0)`): a row holding zero yields null
 * (no match) instead of failing the statement.
 */
export type Expression = { column: string } | { number: number } | { arithmetic: ArithmeticOperator; left: Expression; right: Expression };

/**
 * The row's project — its `project_id`, a Project's own id, a workflow member's workflow's project —
 * is one of `ids`, or one where Permissions grant the user or one of its groups one of `roles`.
 */
export interface ProjectCondition {
  project: { ids: readonly string[] } | { granted: { username: string; groups: readonly string[]; roles: readonly Role[] } };
}

/** Holds for every row (all of nothing). */
export const ALWAYS: Condition = { all: [] };
/** Holds for no row (any of nothing). */
export const NEVER: Condition = { any: [] };

export const isAlways = (condition: Condition): boolean => 'all' in condition && condition.all.length === 0;

/** The column (a declared field's wire name) equals `value`. */
export const fieldEquals = (column: string, value: unknown): FieldCondition => ({
  column,
  prismaName: camel(column),
  operator: 'eq',
  value,
  caseInsensitive: false,
});

/** All of the given conditions, the absent ones skipped. */
export const allOf = (...conditions: (Condition | undefined)[]): Condition => ({ all: conditions.filter((c) => c !== undefined) });

/** The roles a `granted` project condition accepts, per project: what a caller's Permissions grant it. */
export interface Grants {
  /** The caller's role in the project, or null. */
  roleIn(projectId: string): Role | null;
  /** The projects where the caller holds one of `roles`. */
  projectsWith(roles: readonly Role[]): string[];
}
