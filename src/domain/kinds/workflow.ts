import { sql } from '../../db/sql.ts';
import { WorkflowSkill, WorkflowTask } from '../../kinds/index.ts';
import type { Behaviour } from '../behaviour.ts';

/** Deleting a workflow deletes its skill and task memberships; sessions keep their workflow_id. */
export const workflowBehaviour: Behaviour = {
  async cascadeDelete(c, row) {
    await c.deleteWhere(WorkflowSkill, sql`t.workflow_id = ${row.id}`);
    await c.deleteWhere(WorkflowTask, sql`t.workflow_id = ${row.id}`);
  },
};

/** Deleting a skill removes it from every workflow. */
export const skillBehaviour: Behaviour = {
  async cascadeDelete(c, row) {
    await c.deleteWhere(WorkflowSkill, sql`t.skill_id = ${row.id}`);
  },
};

/** Deleting a task removes it from every workflow. */
export const taskBehaviour: Behaviour = {
  async cascadeDelete(c, row) {
    await c.deleteWhere(WorkflowTask, sql`t.task_id = ${row.id}`);
  },
};
