import type { Kind } from '../kinds/define.ts';
import type { Condition, Grants, Operator, ProjectCondition } from './condition.ts';

/** A condition as a Prisma `where` on `kind`'s model, for the GraphQL reads. */

type Where = Record<string, unknown>;

const PRISMA_OPERATOR: Record<Operator, string> = {
  eq: 'equals',
  ne: 'not',
  in: 'in',
  notIn: 'notIn',
  gt: 'gt',
  gte: 'gte',
  lt: 'lt',
  lte: 'lte',
  contains: 'contains',
  startsWith: 'startsWith',
  endsWith: 'endsWith',
};

export const FIELD_OPERATORS = Object.keys(PRISMA_OPERATOR) as Operator[];

/**
 * Prisma drops empty objects and empty AND/OR lists nested in other conditions (`{ AND: [x, { OR: [] }] }`
 * selects what `x` does), so constant conditions are spelled as ones it renders as such (1=1, 1=0).
 */
const ALWAYS: Where = { id: { notIn: [] } };
const NEVER: Where = { id: { in: [] } };

/**
 * `grants` resolves `granted` project conditions: the caller's roles, loaded once per request, so
 * the statement compares with a list of project ids instead of repeating the Permission lookup.
 */
export function prismaWhere(kind: Kind, condition: Condition, grants: Grants): Where {
  if ('all' in condition) return condition.all.length === 0 ? ALWAYS : { AND: condition.all.map((c) => prismaWhere(kind, c, grants)) };
  if ('any' in condition) return condition.any.length === 0 ? NEVER : { OR: condition.any.map((c) => prismaWhere(kind, c, grants)) };
  if ('not' in condition) return { NOT: prismaWhere(kind, condition.not, grants) };
  if ('project' in condition) return projectWhere(kind, condition, grants);
  if ('typed' in condition) throw new Error('a typed comparison (REST search) has no Prisma form; render it with conditionSql');
  const { prismaName, operator, value, caseInsensitive } = condition;
  if (operator === 'isNull') return { [prismaName]: null };
  if (operator === 'isNotNull') return { [prismaName]: { not: null } };
  return { [prismaName]: { [PRISMA_OPERATOR[operator]]: value, ...(caseInsensitive ? { mode: 'insensitive' } : {}) } };
}

function projectWhere(kind: Kind, { project }: ProjectCondition, grants: Grants): Where {
  const ids = 'ids' in project ? [...project.ids] : grants.projectsWith(project.granted.roles);
  if (kind.scope === 'project') return { projectId: { in: ids } };
  if (kind.name === 'Project') return { id: { in: ids } };
  if (kind.scope === 'workflow') return { workflow: { projectId: { in: ids } } };
  return NEVER;
}
