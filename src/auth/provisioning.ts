import type pg from 'pg';
import { systemActor } from './actor.ts';
import { DomainError } from '../domain/errors.ts';
import type { Domain } from '../domain/service.ts';
import { User } from '../kinds/index.ts';

/**
 * Users are created on their first authenticated request (rest-contract §9.4) from the identity's
 * claims; later logins do not overwrite the row. Concurrent first requests race on the unique
 * username index: the loser reads the winner's row.
 */

export interface Identity {
  username: string;
  name: string;
  email?: string | undefined;
  groups: readonly string[];
}

export interface ProvisionedUser {
  id: string;
  groups: readonly string[];
}

/** How long a looked-up user is reused before the row is read again. */
const CACHE_MS = 30_000;

export class UserProvisioning {
  private readonly cache = new Map<string, { user: ProvisionedUser; until: number }>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly domain: Domain,
  ) {}

  async ensure(identity: Identity): Promise<ProvisionedUser> {
    const cached = this.cache.get(identity.username);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = (await this.find(identity.username)) ?? (await this.create(identity));
    this.cache.set(identity.username, { user, until: Date.now() + CACHE_MS });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    return user;
  }

  private async find(username: string): Promise<ProvisionedUser | undefined> {
    const { rows } = await this.pool.query<{ id: string; groups: string[] }>('SELECT id, groups FROM users WHERE username = $1 AND deleted_at IS NULL', [username]);
    return rows[0];
  }

  private async create(identity: Identity): Promise<ProvisionedUser> {
    const body = { username: identity.username, name: identity.name, email: identity.email, groups: [...new Set(identity.groups)] };
    try {
      const row = await this.domain.create({ actor: systemActor('provisioning') }, User, body);
      return { id: row.id, groups: row['groups'] as string[] };
    } catch (error) {
      if (error instanceof DomainError && error.code === 6) {
        const winner = await this.find(identity.username);
        if (winner) return winner;
      }
      throw error;
    }
  }
}
