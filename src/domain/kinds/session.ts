import { ownerId } from '../../auth/actor.ts';
import { run, sql } from '../../db/sql.ts';
import type { Behaviour } from '../behaviour.ts';
import { invalid } from '../errors.ts';
import { appendMessage } from '../session-messages.ts';

/**
 * Sessions: Kubernetes names derived from the id, the creator recorded, no parent cycles, and a
 * non-empty prompt also the first `user` message of the session's log (head-contract H2).
 */
export const sessionBehaviour: Behaviour = {
  async prepareCreate(c, values, id, projectId) {
    const [project] = await run<{ name: string }>(c.tx, sql`SELECT name FROM projects WHERE id = ${projectId}`);
    values['kube_cr_name'] = `session-${id.toLowerCase()}`;
    values['kube_namespace'] = project!.name;
    values['created_by_user_id'] = ownerId(c.actor);
  },

  async afterCreate(c, row) {
    const prompt = row['prompt'];
    if (typeof prompt === 'string' && prompt !== '') await appendMessage(c.tx, row.id, 'user', prompt);
    return undefined;
  },

  async prepareUpdate(c, current, changes) {
    const parent = changes['parent_session_id'];
    if (typeof parent !== 'string') return;
    // The new parent may be neither the session itself nor one of its descendants.
    const [cycle] = await run<{ found: boolean }>(
      c.tx,
      sql`WITH RECURSIVE descendants(id) AS (
            SELECT ${current.id}::text
            UNION SELECT s.id FROM sessions s JOIN descendants d ON s.parent_session_id = d.id)
          SELECT EXISTS (SELECT 1 FROM descendants WHERE id = ${parent}) AS found`,
    );
    if (cycle!.found) throw invalid(`parent_session_id '${parent}' is the session itself or one of its descendants`, 'parent_session_id');
  },
};
