import { ownerId } from '../../auth/actor.ts';
import { raw, sql } from '../../db/sql.ts';
import type { Behaviour } from '../behaviour.ts';
import { InboxMessage } from '../../kinds/index.ts';
import { invalid } from '../errors.ts';
import type { Computed } from '../store.ts';

/** The phases in which a session counts as the agent's current one (and a start answers it instead of a new one). */
export const ACTIVE_PHASES = ['Pending', 'Creating', 'Running'] as const;

const computed: Computed = {
  // Derived from the sessions, so it is true however a session starts or ends (reconciler, stop, delete).
  current_session_id: sql`(SELECT s.id FROM sessions s
                             WHERE s.agent_id = t.id AND s.deleted_at IS NULL AND s.phase IN (${raw(ACTIVE_PHASES.map((p) => `'${p}'`).join(', '))})
                             ORDER BY s.created_at DESC, s.id DESC LIMIT 1)`,
};

/** Agents: the creator recorded as owner, the current session derived, never their own parent; the inbox goes with them. */
export const agentBehaviour: Behaviour = {
  computed,

  async prepareCreate(c, values) {
    values['owner_user_id'] = ownerId(c.actor);
  },

  async cascadeDelete(c, row) {
    await c.deleteWhere(InboxMessage, sql`t.agent_id = ${row.id}`);
  },

  async prepareUpdate(_c, current, changes) {
    if (changes['parent_agent_id'] === current.id) throw invalid('parent_agent_id must not be the agent itself', 'parent_agent_id');
  },
};
