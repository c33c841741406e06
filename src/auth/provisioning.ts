import type pg from 'pg';
import { systemActor } from './actor.ts';
import { DomainError } from '../domain/errors.ts';
import type { Domain } from '../domain/service.ts';
import { User } from '../kinds/index.ts';
import { line } from '../kinds/rules.ts';

/**
 * Users are created on their first authenticated request (rest-contract §9.4) from the identity's
 * claims; later logins do not overwrite the row. Concurrent first requests race on the unique
 * username index: the loser reads the winner's row.
 *
 * Claims come from an identity provider, not from a form: a display name, email or group the
 * users table would refuse does not refuse the login — it is shortened or left out of the row (the
 * caller's token groups still count for authorization). Only a username the table cannot hold
 * (whitespace, too long) is refused, with 401.
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
    const { rows } = await this.pool.query<{ id: string; groups: string[] }>('SELECT id, groups FROM users WHERE username = $1 AND deleted_at IS NULL', [
      username,
    ]);
    return rows[0];
  }

  private async create(identity: Identity): Promise<ProvisionedUser> {
    if (!fits('username', identity.username)) throw new DomainError(15, "the token's username cannot be used: at most 255 characters, no whitespace");
    const body = rowFromIdentity(identity);
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

const fits = (field: 'username' | 'email', value: string) => User.field[field]!.rule!(field).safeParse(value).success;
/** Display names and group names are Line(255); a row holds at most 256 groups. */
const isLine = (value: string) => line(255)('value').safeParse(value).success;
const MAX_GROUPS = 256;

/** The users row for an identity, with claim values the table would refuse shortened or left out. */
function rowFromIdentity(identity: Identity): Record<string, unknown> {
  const name = [...identity.name.replace(/[\u0000-\u001f\u007f]/g, ' ')].slice(0, 255).join('');
  const groups = [...new Set(identity.groups)].filter(isLine).slice(0, MAX_GROUPS);
  return {
    username: identity.username,
    name: isLine(name) ? name : identity.username,
    email: identity.email !== undefined && fits('email', identity.email) ? identity.email : undefined,
    groups,
  };
}
