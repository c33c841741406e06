import { defineKind } from './define.ts';
import { promptTemplateFields, uniqueNameInProject } from './prompt-template.ts';

export const Agent = defineKind({
  name: 'Agent',
  plural: 'agents',
  scope: 'project',
  description: 'A reusable agent definition: a prompt and an optional repository.',
  fields: promptTemplateFields('agents'),
  unique: uniqueNameInProject,
});
