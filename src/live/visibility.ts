import { isPlatformWide, type Actor } from '../auth/actor.ts';
import { visibleProjects } from '../auth/policy.ts';
import { run, sql, type Queryable } from '../db/sql.ts';
import type { ChangeEvent } from './change-feed.ts';

/**
 * Which change events a streaming caller may see (the same policy as reads): events of projects
 * where it has a role, its own credentials, users for anyone. The caller's projects are re-read at
 * most every few seconds, so a granted or revoked role reaches open streams within that delay.
 */
const REFRESH_MS = 5_000;

export class Visibility {
  private projects: Set<string> | undefined;
  private readAt = 0;

  constructor(
    private readonly db: Queryable,
    private readonly actor: Actor,
  ) {}

  async canSee(event: ChangeEvent): Promise<boolean> {
    if (isPlatformWide(this.actor)) return true;
    if (event.kind === 'User') return true;
    if (event.kind === 'Credential') return this.actor.type === 'user' && event.object['user_id'] === this.actor.userId;
    if (event.projectId === null) return false;
    return (await this.visibleProjects()).has(event.projectId);
  }

  private async visibleProjects(): Promise<Set<string>> {
    if (!this.projects || Date.now() - this.readAt > REFRESH_MS) {
      const condition = visibleProjects(this.actor, sql`p.id`) ?? sql`true`;
      const rows = await run<{ id: string }>(this.db, sql`SELECT p.id FROM projects p WHERE p.deleted_at IS NULL AND ${condition}`);
      this.projects = new Set(rows.map((r) => r.id));
      this.readAt = Date.now();
    }
    return this.projects;
  }
}
