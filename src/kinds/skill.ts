import { defineKind } from './define.ts';
import { promptTemplateFields, uniqueNameInProject } from './prompt-template.ts';

export const Skill = defineKind({
  name: 'Skill',
  plural: 'skills',
  scope: 'project',
  description: 'A prompt template a workflow can include.',
  fields: promptTemplateFields('skills'),
  unique: uniqueNameInProject,
});
