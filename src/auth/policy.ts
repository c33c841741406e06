import { ROLES, type Role } from '../kinds/rules.ts';
import { run, sql, type Queryable, type Sql } from '../db/sql.ts';
import { isPlatformWide, type Actor } from './actor.ts';

/**
 * The one authorization policy (runtime.md §c.5), used by every protocol through the domain layer.
 *
 * A caller's effective role in a project is the highest of: its user Permission, the group
 * Permissions of its effective groups, and, for a project key, the key's role in its own project.
 * Platform admins (and the server itself) are admin everywhere. No role means the project and
 * everything in it are invisible.
 */

const RANK: Record<Role, number> = { view: 1, edit: 2, admin: 3 };

export function atLeast(role: Role | null, needed: Role): boolean {
  return role !== null && RANK[role] >= RANK[needed];
}

export function highest(roles: readonly (Role | null)[]): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (role && (!best || RANK[role] > RANK[best])) best = role;
  return best;
}

/** Permissions that grant something to this user: by username, or through one of its groups. */
function grantsTo(actor: Extract<Actor, { type: 'user' }>): Sql {
  return sql`((p.subject_type = 'user' AND p.subject_name = ${actor.username}) OR (p.subject_type = 'group' AND p.subject_name = ANY(${[...actor.groups]}::text[])))`;
}

export async function projectRole(db: Queryable, actor: Actor, projectId: string): Promise<Role | null> {
  if (isPlatformWide(actor)) return 'admin';
  if (actor.type === 'key') return actor.projectId === projectId ? actor.role : null;
  if (actor.type !== 'user') return null;
  const rows = await run<{ role: Role }>(
    db,
    sql`SELECT p.role FROM permissions p WHERE p.deleted_at IS NULL AND p.project_id = ${projectId} AND ${grantsTo(actor)}`,
  );
  return highest(rows.map((r) => (ROLES.includes(r.role) ? r.role : null)));
}

/**
 * A condition on a `project_id` expression limiting rows to the projects where the actor has at
 * least `minimum` (any role by default), or undefined when the actor may see every project.
 */
export function visibleProjects(actor: Actor, projectId: Sql, minimum: Role = 'view'): Sql | undefined {
  if (isPlatformWide(actor)) return undefined;
  if (actor.type === 'key') return atLeast(actor.role, minimum) ? sql`${projectId} = ${actor.projectId}` : sql`false`;
  if (actor.type !== 'user') return sql`false`;
  const roles = ROLES.filter((role) => atLeast(role, minimum));
  return sql`${projectId} IN (SELECT p.project_id FROM permissions p WHERE p.deleted_at IS NULL AND p.role = ANY(${roles}::text[]) AND ${grantsTo(actor)})`;
}
