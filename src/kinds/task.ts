import { defineKind } from './define.ts';
import { promptTemplateFields, uniqueNameInProject } from './prompt-template.ts';

export const Task = defineKind({
  name: 'Task',
  plural: 'tasks',
  scope: 'project',
  description: 'A prompt template describing work a workflow performs.',
  fields: promptTemplateFields('tasks'),
  unique: uniqueNameInProject,
});
