import type { Actor, UserActor } from '../../src/auth/actor.ts';
import type { Domain, RequestContext } from '../../src/domain/service.ts';
import { Project, User } from '../../src/kinds/index.ts';
import type { Row } from '../../src/domain/wire.ts';

/** Actors and seed data for domain tests. */

export const platformAdmin: UserActor = { type: 'user', userId: null, username: 'root', groups: [], platformAdmin: true };

export const as = (actor: Actor, projectScope?: string): RequestContext => ({ actor, projectScope });

export function userActor(user: Row, groups: string[] = []): UserActor {
  return { type: 'user', userId: user.id, username: user['username'] as string, groups, platformAdmin: false };
}

let counter = 0;
/** A unique suffix for names within one test file. */
export const unique = (base: string) => `${base}-${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function seedUser(domain: Domain, username = unique('user')): Promise<Row> {
  return domain.create(as(platformAdmin), User, { username, name: `User ${username}` });
}

export async function seedProject(domain: Domain, owner?: UserActor, name = unique('proj')): Promise<Row> {
  return domain.create(as(owner ?? platformAdmin), Project, { name });
}
