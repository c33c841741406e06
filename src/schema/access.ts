import type { Actor } from '../auth/actor.ts';
import { atLeast, loadGrants, readCondition, type ProjectGrants } from '../auth/policy.ts';
import { isAlways } from '../conditions/condition.ts';
import { holds, type Subject } from '../conditions/evaluate.ts';
import { prismaWhere } from '../conditions/prisma.ts';
import type { Queryable } from '../db/sql.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import type { Kind, KindName } from '../kinds/define.ts';
import { kindNamed } from '../kinds/index.ts';
import type { Role } from '../kinds/rules.ts';

/**
 * The read policy (src/auth/policy.ts) for the Prisma reads of the GraphQL schema.
 *
 * The caller's role in every project is loaded once per request — one query for a user, none for
 * a project key or a platform admin — and then every read renders the policy's condition with it:
 * list and connection `where`s (so totals and pages only count readable rows, and soft-deleted rows
 * never appear), node lookups, and the in-memory check of rows reached through a to-one reference.
 * Writes never use this: the domain layer authorizes them.
 */

type Where = Record<string, unknown>;
type Row = Record<string, unknown>;

export class ReadAccess {
  private constructor(
    private readonly db: Queryable,
    readonly actor: Actor,
    private current: ProjectGrants,
  ) {}

  static async load(db: Queryable, actor: Actor): Promise<ReadAccess> {
    return new ReadAccess(db, actor, await loadGrants(db, actor));
  }

  /** Re-reads the roles: a mutation (creating a project, changing a permission) may have changed them. */
  async refresh(): Promise<void> {
    this.current = await loadGrants(this.db, this.actor);
  }

  get grants(): ProjectGrants {
    return this.current;
  }

  hasRole(projectId: string, needed: Role): boolean {
    return atLeast(this.current.roleIn(projectId), needed);
  }

  roleIn(projectId: string): Role | null {
    return this.current.roleIn(projectId);
  }

  /** Prisma `where` of the live rows of `kind` the caller may read. */
  rows(kind: Kind): Where {
    const condition = readCondition(this.actor, kind);
    return isAlways(condition) ? { deletedAt: null } : { deletedAt: null, AND: [prismaWhere(kind, condition, this.current)] };
  }

  /**
   * The same `where`, typed as the `where` of the Prisma model the Kind is stored as (the policy's
   * conditions name the Kind's fields, which are the model's).
   */
  where<N extends KindName & keyof PrismaTypes>(model: N): PrismaTypes[N]['Where'] {
    return this.rows(kindNamed(model)) as PrismaTypes[N]['Where'];
  }

  /** Whether the policy lets the caller read this Prisma row of `kind`, live or not. */
  allows(kind: Kind, row: Row): boolean {
    return holds(readCondition(this.actor, kind), prismaSubject(kind, row), this.current);
  }

  /**
   * Whether a row reached through a reference may be shown: live and readable. References only
   * point at projects, project-scoped rows, users and credentials' owners; workflow members are
   * never referenced (a Prisma row of one does not name its project), so they are never shown this way.
   */
  canRead(kind: Kind, row: Row): boolean {
    return (row['deletedAt'] === null || row['deletedAt'] === undefined) && this.allows(kind, row);
  }
}

/** A Prisma row (camelCase keys) as the policy evaluator reads it. */
function prismaSubject(kind: Kind, row: Row): Subject {
  const projectId = kind.scope === 'project' ? row['projectId'] : kind.name === 'Project' ? row['id'] : undefined;
  return { value: (field) => row[field.prismaName], projectId: projectId as string | undefined };
}
