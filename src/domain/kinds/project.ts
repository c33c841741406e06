import { sql } from '../../db/sql.ts';
import { KINDS, Permission, Workflow } from '../../kinds/index.ts';
import type { Behaviour } from '../behaviour.ts';
import { forbidden } from '../errors.ts';
import { ksuid } from '../ksuid.ts';

/**
 * Projects: visible to callers with a role in them (src/auth/policy.ts); the creator becomes admin; deleting one
 * deletes everything in it (rest-contract §7.5), leaving its final state `Terminating`.
 */
export const projectBehaviour: Behaviour = {
  async authorize(c, operation) {
    if (operation === 'create' && c.actor.type === 'key') throw forbidden('project keys cannot create projects');
    if (operation === 'create' && c.actor.type === 'service-account') throw forbidden('Kubernetes service accounts cannot create projects');
  },

  async afterCreate(c, row) {
    if (c.actor.type === 'user') {
      await c.insert(Permission, ksuid(), { project_id: row.id, subject_type: 'user', subject_name: c.actor.username, role: 'admin' });
    }
    return undefined; // the project itself reads the same
  },

  async cascadeDelete(c, row) {
    // Workflows first: their own cascade removes workflow_skills and workflow_tasks.
    await c.deleteWhere(Workflow, sql`t.project_id = ${row.id}`);
    for (const kind of KINDS) {
      if (kind.scope === 'project' && kind !== Workflow) await c.deleteWhere(kind, sql`t.project_id = ${row.id}`);
    }
  },

  deletedValues: { status: 'Terminating' },
};
