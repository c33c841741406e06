import { kindNamed, type KindName } from '../../kinds/index.ts';
import type { ChangeEvent } from '../../live/change-feed.ts';
import { Visibility } from '../../live/visibility.ts';
import type { GraphqlContext } from '../context.ts';
import { rowFromWire } from './event-rows.ts';

/** How often a stream re-reads the caller's roles, as Visibility does for its projects. */
const REFRESH_MS = 5_000;

/**
 * Whether one stream's caller may see a change event, asked for every event.
 *
 * Two checks must pass: Visibility, the stream policy REST watches use too, and the caller's
 * ReadAccess, which adds each Kind's read role (a ProjectKey needs edit) and is what the node
 * types of the payload authorize with. A stream outlives the request that opened it, so the
 * roles are re-read as often as Visibility re-reads its projects: a granted or revoked role
 * reaches open streams within seconds, and a payload that passed here always resolves.
 */
export class EventAccess {
  private readonly visibility: Visibility;
  private rolesReadAt = Date.now();

  constructor(private readonly ctx: GraphqlContext) {
    this.visibility = new Visibility(ctx.services.domain.pool, ctx.request.actor);
  }

  async canSee(event: ChangeEvent): Promise<boolean> {
    if (Date.now() - this.rolesReadAt > REFRESH_MS) {
      await this.ctx.access.refresh();
      this.rolesReadAt = Date.now();
    }
    if (!(await this.visibility.canSee(event))) return false;
    const kind = kindNamed(event.kind as KindName);
    // Workflow members are only read through their workflow, in its project.
    if (kind.scope === 'workflow') return event.projectId !== null && this.ctx.access.hasRole(event.projectId, kind.roles.read);
    return this.ctx.access.canRead(kind, rowFromWire(kind, event.object));
  }
}
