import type { FieldSpec } from './define.ts';

/** The `project_id` of a project-scoped Kind: a project id or name on input, stored as the id. */
export function projectReference<const I extends string>(inverse: I) {
  return {
    wire: 'string',
    required: true,
    access: 'immutable',
    references: { kind: 'Project', relation: 'project', inverse },
    description: 'Project id or name; taken from X-Ambient-Project when absent. Always the id in responses.',
  } as const satisfies FieldSpec;
}
