import { KINDS, Permission, Workflow } from '../../kinds/index.ts';
import type { Behaviour } from '../behaviour.ts';
import { run, sql } from '../../db/sql.ts';
import { conflict, forbidden } from '../errors.ts';
import { ksuid } from '../ksuid.ts';
import { retireDeletedProject } from '../projects.ts';

/**
 * Projects: a project's id is its name (head-contract H1); visible to callers with a role in them
 * (src/auth/policy.ts); the creator becomes admin; deleting one deletes everything in it
 * (rest-contract §7.5), leaving its final state `Terminating`.
 */
export const projectBehaviour: Behaviour = {
  newId: (values) => String(values['name']),

  /**
   * A deleted project keeps its id (its name) until the reconciler has seen its namespace gone and
   * retired the row (src/reconciler/reconcile-project.ts); until then the name is not free.
   */
  async prepareCreate(c, values, id) {
    const [previous] = await run<{ deleted_at: Date | null; namespace_seen_at: Date | null }>(
      c.tx,
      sql`SELECT deleted_at, namespace_seen_at FROM projects WHERE id = ${id} FOR UPDATE`,
    );
    if (!previous?.deleted_at) return; // none, or a live one: the insert reports the name clash
    if (previous.namespace_seen_at) {
      throw conflict(`project '${String(values['name'])}' is still being deleted: its name can be used again once its namespace is gone`);
    }
    await retireDeletedProject(c.tx, id); // it never had a namespace: nothing to wait for
  },

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
