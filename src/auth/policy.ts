import { ALWAYS, NEVER, type Condition, type Grants } from '../conditions/condition.ts';
import { grantedTo } from '../conditions/sql.ts';
import { camel } from '../db/prisma-schema.ts';
import { run, sql, type Queryable, type Sql } from '../db/sql.ts';
import type { Field, Kind } from '../kinds/define.ts';
import { ROLES, type Role } from '../kinds/rules.ts';
import { isPlatformWide, type Actor, type UserActor } from './actor.ts';

/**
 * The one authorization policy (runtime.md §c.5), used by every protocol.
 *
 * A caller's effective role in a project is the highest of: its user Permission, the group
 * Permissions of its effective groups, and, for a project key, the key's role in its own project.
 * Platform admins (and the server itself) are admin everywhere. No role means the project and
 * everything in it are invisible. A Kubernetes ServiceAccount has no role anywhere and reads
 * nothing; a session's runner account acts only through the runner-facing endpoints of its own
 * session (runtime.md §c.7), which check `runnerOf` themselves.
 *
 * What a caller may read is `readCondition`: data (src/conditions/) that the domain renders as SQL,
 * GraphQL as a Prisma `where`, and the change streams evaluate on each event. Nothing else
 * decides visibility.
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

/** The rows of `kind` the actor may read (live or not: liveness is the reader's concern). */
export function readCondition(actor: Actor, kind: Kind): Condition {
  if (isPlatformWide(actor)) return ALWAYS;
  // A ServiceAccount (a session's runner included) reads no rows: its only door is the runner-facing endpoints.
  if (actor.type === 'service-account') return NEVER;
  switch (kind.scope) {
    case 'project':
    case 'workflow':
      // A Kind that needs more than view to read (project keys) is visible only where the caller has that role.
      return inProjectsWith(actor, kind.roles.read);
    case 'global':
      return kind.name === 'Project' ? inProjectsWith(actor, kind.roles.read) : ALWAYS;
    case 'user': {
      // A user-scoped row (credentials) is readable by its owner.
      if (actor.type !== 'user' || !actor.userId) return NEVER;
      const owner = ownerOf(kind);
      return { column: owner.name, prismaName: camel(owner.name), operator: 'eq', value: actor.userId, caseInsensitive: false };
    }
  }
}

/** Rows whose project is one where the actor has at least `minimum`. */
function inProjectsWith(actor: Actor, minimum: Role): Condition {
  if (actor.type === 'key') return atLeast(actor.role, minimum) ? { project: { ids: [actor.projectId] } } : NEVER;
  if (actor.type !== 'user') return NEVER;
  const roles = ROLES.filter((role) => atLeast(role, minimum));
  return { project: { granted: { username: actor.username, groups: actor.groups, roles } } };
}

/** The field naming the owner of a user-scoped Kind's rows. */
export function ownerOf(kind: Kind): Field {
  const owner = kind.fields.find((f) => f.references?.kind === 'User');
  if (!owner) throw new Error(`user-scoped Kind ${kind.name} has no reference to its owner`);
  return owner;
}

const grantsTo = (actor: UserActor): Sql => grantedTo(actor.username, actor.groups);

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

/** The actor's role in every project where it has one, loaded at once (`'all'`: admin everywhere). */
export class ProjectGrants implements Grants {
  constructor(private readonly roles: ReadonlyMap<string, Role> | 'all') {}

  roleIn(projectId: string): Role | null {
    return this.roles === 'all' ? 'admin' : (this.roles.get(projectId) ?? null);
  }

  projectsWith(roles: readonly Role[]): string[] {
    // readCondition never asks this of a platform-wide actor: every row is readable to it.
    if (this.roles === 'all') throw new Error('a platform-wide actor has a role in every project');
    return [...this.roles].filter(([, role]) => roles.includes(role)).map(([projectId]) => projectId);
  }
}

/** Grants of no project: what an object without a project is checked with. */
export const NO_GRANTS: Grants = new ProjectGrants(new Map());

export async function loadGrants(db: Queryable, actor: Actor): Promise<ProjectGrants> {
  if (isPlatformWide(actor)) return new ProjectGrants('all');
  if (actor.type === 'key') return new ProjectGrants(new Map([[actor.projectId, actor.role]]));
  if (actor.type !== 'user') return new ProjectGrants(new Map());
  const rows = await run<{ project_id: string; role: Role }>(
    db,
    sql`SELECT p.project_id, p.role FROM permissions p WHERE p.deleted_at IS NULL AND ${grantsTo(actor)}`,
  );
  const roles = new Map<string, Role>();
  for (const row of rows) {
    const role = highest([roles.get(row.project_id) ?? null, ROLES.includes(row.role) ? row.role : null]);
    if (role) roles.set(row.project_id, role);
  }
  return new ProjectGrants(roles);
}

/**
 * What the token rule needs to know about a runner's session, loaded by the caller
 * (src/integrations): whether it is still alive, and whose credentials it uses.
 */
export interface RunnerSessionFacts {
  id: string;
  deleted: boolean;
  phase: string | null;
  /** The users whose credentials the session uses: its creator and the user of its latest run (runtime.md §c.7). */
  userIds: readonly string[];
}

/** A session's runner exists, and may read tokens, from the start until the session ends. */
export const RUNNER_LIVE_PHASES: readonly string[] = ['Pending', 'Creating', 'Running', 'Stopping'];

/**
 * Who may read a credential's secret (`GET …/credentials/{id}/token`, head-contract H7), the one
 * place the rule lives:
 * - its owner;
 * - a session's runner (a ServiceAccount that Kubernetes vouched for, `runnerOf`) for the
 *   credentials its session uses — those of the users runtime.md §c.7 lets the runner act for —
 *   and only while the session lives (ended or deleted → no).
 * Platform admins see metadata only. Upstream expresses the runner case as a `credential:token-reader`
 * binding per session; this rule is that binding's meaning, so it can move onto role bindings as is.
 */
export function mayReadCredentialToken(actor: Actor, credential: { user_id: unknown }, runnerSession?: RunnerSessionFacts): boolean {
  if (actor.type === 'user') return actor.userId !== null && credential.user_id === actor.userId;
  if (actor.type !== 'service-account' || !actor.runnerOf || !runnerSession) return false;
  return (
    runnerSession.id === actor.runnerOf.sessionId &&
    !runnerSession.deleted &&
    runnerSession.phase !== null &&
    RUNNER_LIVE_PHASES.includes(runnerSession.phase) &&
    typeof credential.user_id === 'string' &&
    runnerSession.userIds.includes(credential.user_id)
  );
}
