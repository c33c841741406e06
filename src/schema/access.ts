import { isPlatformWide, type Actor } from '../auth/actor.ts';
import { atLeast, highest } from '../auth/policy.ts';
import { camel } from '../db/prisma-schema.ts';
import type { Field, Kind } from '../kinds/define.ts';
import type { Role } from '../kinds/rules.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';

/**
 * What one request may read, for the Prisma reads of the GraphQL schema.
 *
 * This is the policy of src/auth/policy.ts (runtime.md §c.5) in Prisma terms. The caller's role in
 * every project is loaded once per request — one query for a user, none for a project key or a
 * platform admin — and then every read filters with it: list and connection `where`s (so totals
 * and pages only count readable rows, and soft-deleted rows never appear), node lookups, and the
 * in-memory check of rows reached through a to-one reference. Writes never use this: the domain
 * layer authorizes them.
 */

type Where = Record<string, unknown>;
type Row = Record<string, unknown>;

export class ReadAccess {
  private constructor(
    private readonly prisma: PrismaClient,
    readonly actor: Actor,
    /** Role per project id, or 'all' for callers that are admin everywhere. */
    private roles: ReadonlyMap<string, Role> | 'all',
  ) {}

  static async load(prisma: PrismaClient, actor: Actor): Promise<ReadAccess> {
    return new ReadAccess(prisma, actor, await loadRoles(prisma, actor));
  }

  /** Re-reads the roles: a mutation (creating a project, changing a permission) may have changed them. */
  async refresh(): Promise<void> {
    this.roles = await loadRoles(this.prisma, this.actor);
  }

  hasRole(projectId: string, needed: Role): boolean {
    return this.roles === 'all' || atLeast(this.roles.get(projectId) ?? null, needed);
  }

  roleIn(projectId: string): Role | null {
    return this.roles === 'all' ? 'admin' : (this.roles.get(projectId) ?? null);
  }

  /** A user-scoped row (credentials) is readable by its owner and by platform admins. */
  owns(userId: string): boolean {
    return isPlatformWide(this.actor) || (this.actor.type === 'user' && this.actor.userId === userId);
  }

  /** Prisma `where` of the live rows of `kind` the caller may read. */
  rows(kind: Kind): Where {
    const live = { deletedAt: null };
    const projects = this.projectsWith(kind.roles.read);
    switch (kind.scope) {
      case 'project':
        return projects === 'all' ? live : { ...live, projectId: { in: projects } };
      case 'workflow':
        return projects === 'all' ? live : { ...live, workflow: { projectId: { in: projects } } };
      case 'user':
        if (isPlatformWide(this.actor)) return live;
        return this.actor.type === 'user' && this.actor.userId ? { ...live, [camel(ownerOf(kind).name)]: this.actor.userId } : { id: { in: [] } };
      case 'global':
        if (kind.name !== 'Project' || projects === 'all') return live;
        return { ...live, id: { in: projects } };
    }
  }

  /**
   * Whether a row reached through a reference may be shown: live and readable. References only
   * point at projects, project-scoped rows, users and credentials' owners; workflow members are
   * never referenced, so they are never shown this way.
   */
  canRead(kind: Kind, row: Row): boolean {
    if (row['deletedAt'] !== null && row['deletedAt'] !== undefined) return false;
    switch (kind.scope) {
      case 'project':
        return this.hasRole(row['projectId'] as string, kind.roles.read);
      case 'global':
        return kind.name !== 'Project' || this.hasRole(row['id'] as string, kind.roles.read);
      case 'user':
        return this.owns(row[camel(ownerOf(kind).name)] as string);
      case 'workflow':
        return false;
    }
  }

  private projectsWith(role: Role): string[] | 'all' {
    if (this.roles === 'all') return 'all';
    return [...this.roles].filter(([, r]) => atLeast(r, role)).map(([projectId]) => projectId);
  }
}

/** The field naming the owner of a user-scoped Kind's rows. */
export function ownerOf(kind: Kind): Field {
  const owner = kind.fields.find((f) => f.references?.kind === 'User');
  if (!owner) throw new Error(`user-scoped Kind ${kind.name} has no reference to its owner`);
  return owner;
}

async function loadRoles(prisma: PrismaClient, actor: Actor): Promise<ReadonlyMap<string, Role> | 'all'> {
  if (isPlatformWide(actor)) return 'all';
  if (actor.type === 'key') return new Map([[actor.projectId, actor.role]]);
  if (actor.type !== 'user') return new Map();
  // The grants of policy.ts: the user's own Permissions and those of its groups.
  const grants = await prisma.permission.findMany({
    where: {
      deletedAt: null,
      OR: [
        { subjectType: 'user', subjectName: actor.username },
        { subjectType: 'group', subjectName: { in: [...actor.groups] } },
      ],
    },
    select: { projectId: true, role: true },
  });
  const roles = new Map<string, Role>();
  for (const grant of grants) {
    const role = highest([roles.get(grant.projectId) ?? null, grant.role as Role]);
    if (role) roles.set(grant.projectId, role);
  }
  return roles;
}
