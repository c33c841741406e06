import { defineKind } from './define.ts';
import { workflowMemberFields } from './workflow-member.ts';

export const WorkflowSkill = defineKind({
  name: 'WorkflowSkill',
  plural: 'workflow_skills',
  scope: 'workflow',
  description: 'A skill included in a workflow, at a position.',
  fields: workflowMemberFields('Skill', 'skill_id', 'workflowSkills'),
  unique: [{ columns: ['workflow_id', 'skill_id'], reports: 'skill_id' }],
});
