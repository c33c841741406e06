import { defineKind } from './define.ts';
import { workflowMemberFields } from './workflow-member.ts';

export const WorkflowTask = defineKind({
  name: 'WorkflowTask',
  plural: 'workflow_tasks',
  scope: 'workflow',
  description: 'A task included in a workflow, at a position.',
  fields: workflowMemberFields('Task', 'task_id', 'workflowTasks'),
  unique: [{ columns: ['workflow_id', 'task_id'], reports: 'task_id' }],
});
