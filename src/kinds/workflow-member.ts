import type { FieldSpec, KindName } from './define.ts';
import { intRange } from './rules.ts';

/** The fields WorkflowSkill and WorkflowTask share: a member Kind in a workflow at a position. */
export function workflowMemberFields<const M extends string>(member: KindName, memberField: M, inverse: string) {
  return {
    workflow_id: {
      wire: 'string',
      required: true,
      access: 'immutable',
      references: { kind: 'Workflow', relation: 'workflow', inverse },
      description: 'The workflow.',
    },
    [memberField]: {
      wire: 'string',
      required: true,
      access: 'immutable',
      references: { kind: member, sameProject: true, relation: member === 'Skill' ? 'skill' : 'task', inverse },
      description: `The ${member.toLowerCase()}, in the workflow’s project; at most once per workflow.`,
    },
    position: { wire: 'integer', default: 0, rule: intRange(0), description: 'Order within the workflow (ties by id).' },
  } as { workflow_id: FieldSpec & { required: true }; position: FieldSpec & { default: 0 } } & Record<M, FieldSpec & { required: true }>;
}
