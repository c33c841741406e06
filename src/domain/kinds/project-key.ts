import { createHash, randomBytes } from 'node:crypto';
import { ownerId } from '../../auth/actor.ts';
import { atLeast } from '../../auth/policy.ts';
import type { Role } from '../../kinds/rules.ts';
import type { Behaviour } from '../behaviour.ts';
import { forbidden, invalid } from '../errors.ts';

/**
 * Project keys (rest-contract §9.13): `apk_<id>_<43 characters of base64url>`, shown once, stored
 * only as a SHA-256 hash. A key may not exceed its creator's role; editors manage only their own keys.
 */
export const KEY_PREFIX = 'apk_';

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export const projectKeyBehaviour: Behaviour = {
  async authorize(c, operation, row, values) {
    if (operation === 'create') {
      if (c.actor.type === 'key') throw forbidden('project keys cannot create project keys');
      const own = await c.roleIn(values['project_id'] as string);
      if (!atLeast(own, values['role'] as Role)) throw forbidden(`a key's role cannot exceed your own role in the project`);
      const expires = values['expires_at'] as Date | null;
      if (expires && expires.getTime() <= Date.now()) throw invalid('expires_at must be in the future', 'expires_at');
      return;
    }
    // Editors may change and revoke only keys they created; admins any key of the project.
    const role = await c.roleIn(row!['project_id'] as string);
    if (role !== 'admin' && row!['created_by_user_id'] !== ownerId(c.actor)) throw forbidden();
  },

  async prepareCreate(c, values, id) {
    const key = `${KEY_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
    values['secret_hash'] = hashKey(key);
    values['created_by_user_id'] = ownerId(c.actor);
    values['key'] = key;
  },

  async afterCreate(_c, row, values) {
    // The only response that ever carries the secret.
    return { ...row, key: values['key'] };
  },
};
