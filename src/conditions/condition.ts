import type { Role } from '../kinds/rules.ts';

/**
 * A condition on the rows of one Kind, as data: what the read policy (src/auth/policy.ts) and the
 * GraphQL `where` inputs (src/schema/filters.ts) produce. One renderer per target turns it into
 * what that target runs — SQL over the row alias `t` (sql.ts), a Prisma `where` (prisma.ts), or a
 * test of one object in memory (evaluate.ts) — so every protocol applies the same rules.
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FieldCondition | ProjectCondition;

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

/** The roles a `granted` project condition accepts, per project: what a caller's Permissions grant it. */
export interface Grants {
  /** The caller's role in the project, or null. */
  roleIn(projectId: string): Role | null;
  /** The projects where the caller holds one of `roles`. */
  projectsWith(roles: readonly Role[]): string[];
}
