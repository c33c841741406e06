import { isPlatformWide, type Actor } from '../auth/actor.ts';
import { visibleProjects } from '../auth/policy.ts';
import { run, sql, type Queryable } from '../db/sql.ts';
import type { KindName } from '../kinds/define.ts';
import { kindNamed } from '../kinds/index.ts';
import type { Role } from '../kinds/rules.ts';
import type { ChangeEvent } from './change-feed.ts';

/**
 * Which change events a streaming caller may see (the same policy as reads): events of projects
 * where it has the role the Kind's reads need (view, or edit for project keys), its own
 * credentials, users for anyone. The caller's projects are re-read at most every few seconds, so a
 * granted or revoked role reaches open streams within that delay.
 */
const REFRESH_MS = 5_000;

export class Visibility {
  /** The projects where the caller has at least a role, per role, and when they were read. */
  private readonly projects = new Map<Role, { ids: Set<string>; readAt: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly actor: Actor,
  ) {}

  async canSee(event: ChangeEvent): Promise<boolean> {
    if (isPlatformWide(this.actor)) return true;
    if (event.kind === 'User') return true;
    if (event.kind === 'Credential') return this.actor.type === 'user' && event.object['user_id'] === this.actor.userId;
    if (event.projectId === null) return false;
    return (await this.visibleProjects(kindNamed(event.kind as KindName).roles.read)).has(event.projectId);
  }

  private async visibleProjects(minimum: Role): Promise<Set<string>> {
    let entry = this.projects.get(minimum);
    if (!entry || Date.now() - entry.readAt > REFRESH_MS) {
      const condition = visibleProjects(this.actor, sql`p.id`, minimum) ?? sql`true`;
      const rows = await run<{ id: string }>(this.db, sql`SELECT p.id FROM projects p WHERE p.deleted_at IS NULL AND ${condition}`);
      entry = { ids: new Set(rows.map((r) => r.id)), readAt: Date.now() };
      this.projects.set(minimum, entry);
    }
    return entry.ids;
  }
}
