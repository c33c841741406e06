import type { Condition, FieldCondition, Grants } from './condition.ts';

/**
 * Whether one object satisfies a read-policy condition, in memory: for change events (whose
 * objects are already loaded) and for rows reached through a reference.
 *
 * The policy compares identifiers only, so this evaluates equality and null tests; ordering and
 * text operators depend on Postgres collation and are evaluated by Postgres instead (a `where` on a
 * stream is tested with sql.ts, see src/live/filter.ts). Asking for one here is a programming error.
 */
export interface Subject {
  /** The value of a field condition's column in this object. */
  value(field: FieldCondition): unknown;
  /** The object's project (see ProjectCondition); null or undefined when it has none or it is unknown. */
  projectId: string | null | undefined;
}

export function holds(condition: Condition, subject: Subject, grants: Grants): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, subject, grants));
  if ('any' in condition) return condition.any.some((c) => holds(c, subject, grants));
  if ('not' in condition) return !holds(condition.not, subject, grants);
  if ('project' in condition) {
    const { project } = condition;
    const id = subject.projectId;
    if (id === null || id === undefined) return false;
    if ('ids' in project) return project.ids.includes(id);
    const role = grants.roleIn(id);
    return role !== null && project.granted.roles.includes(role);
  }
  if ('typed' in condition) throw new Error('the in-memory evaluator does not evaluate typed comparisons (REST search); Postgres does');
  return fieldHolds(condition, subject.value(condition));
}

function fieldHolds(condition: FieldCondition, actual: unknown): boolean {
  if (condition.caseInsensitive) throw new Error('the in-memory evaluator does not compare ignoring case');
  const present = actual !== null && actual !== undefined;
  switch (condition.operator) {
    case 'isNull':
      return !present;
    case 'isNotNull':
      return present;
    case 'eq':
      return present && actual === condition.value;
    case 'ne':
      return present && actual !== condition.value;
    case 'in':
      return present && (condition.value as unknown[]).includes(actual);
    case 'notIn': {
      // As in SQL (sql.ts): an empty list holds even for null.
      const values = condition.value as unknown[];
      return values.length === 0 || (present && !values.includes(actual));
    }
    default:
      throw new Error(`the in-memory evaluator does not evaluate '${condition.operator}'`);
  }
}

/** A Subject over an object keyed by column (wire) names: a change event's object. */
export const wireSubject = (object: Record<string, unknown>, projectId: string | null | undefined): Subject => ({
  value: (field) => object[field.column],
  projectId,
});
