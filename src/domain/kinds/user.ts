import { sql } from '../../db/sql.ts';
import { Credential, ProjectKey } from '../../kinds/index.ts';
import type { Behaviour } from '../behaviour.ts';
import { forbidden } from '../errors.ts';

/**
 * Users (rest-contract §9.4): anyone authenticated reads them; platform admins create, delete and
 * set groups; a user may change their own name and email.
 */
export const userBehaviour: Behaviour = {
  async authorize(c, operation, row, values) {
    const actor = c.actor;
    if (actor.type === 'system' || (actor.type === 'user' && actor.platformAdmin)) return;
    if (operation === 'update' && actor.type === 'user' && row?.id === actor.userId && !('groups' in values)) return;
    throw forbidden();
  },

  async cascadeDelete(c, row) {
    await c.deleteWhere(Credential, sql`t.user_id = ${row.id}`);
    await c.deleteWhere(ProjectKey, sql`t.created_by_user_id = ${row.id}`);
  },
};
