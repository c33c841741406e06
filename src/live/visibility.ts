import type { Actor } from '../auth/actor.ts';
import { loadGrants, readCondition } from '../auth/policy.ts';
import { isAlways, type Grants } from '../conditions/condition.ts';
import { holds, wireSubject } from '../conditions/evaluate.ts';
import type { Queryable } from '../db/sql.ts';
import { kindNamed, type KindName } from '../kinds/index.ts';
import type { ChangeEvent } from './change-feed.ts';

/**
 * Which change events a streaming caller may see: the read policy (src/auth/policy.ts) evaluated
 * on each event's object and project, for REST watches and GraphQL subscriptions alike.
 *
 * A stream outlives the request that opened it, so its grants come from `grants()`, which re-reads
 * them at most every few seconds (`refreshingGrants`): a granted or revoked role reaches open
 * streams within that delay.
 */
export const GRANTS_REFRESH_MS = 5_000;

export class Visibility {
  constructor(
    private readonly actor: Actor,
    private readonly grants: () => Promise<Grants>,
  ) {}

  async canSee(event: ChangeEvent): Promise<boolean> {
    const condition = readCondition(this.actor, kindNamed(event.kind as KindName));
    if (isAlways(condition)) return true;
    return holds(condition, wireSubject(event.object, event.projectId), await this.grants());
  }
}

/** The actor's grants, re-read when the last reading is older than GRANTS_REFRESH_MS. */
export function refreshingGrants(db: Queryable, actor: Actor): () => Promise<Grants> {
  let current: { grants: Grants; readAt: number } | undefined;
  return async () => {
    if (!current || Date.now() - current.readAt > GRANTS_REFRESH_MS) current = { grants: await loadGrants(db, actor), readAt: Date.now() };
    return current.grants;
  };
}
