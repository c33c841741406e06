import { defineKind } from './define.ts';
import { branch, gitUrl, line, repoPath, text } from './rules.ts';
import { projectReference } from './shared.ts';
import { uniqueNameInProject } from './prompt-template.ts';

export const Workflow = defineKind({
  name: 'Workflow',
  plural: 'workflows',
  scope: 'project',
  description: 'An agent, ordered skills and tasks, and the git coordinates the runner loads.',
  fields: {
    project_id: projectReference('workflows'),
    name: { wire: 'string', required: true, rule: line(255), description: 'Name, unique in the project.' },
    repo_url: { wire: 'string', rule: gitUrl(), description: 'Git repository of the workflow.' },
    branch: { wire: 'string', rule: branch(), description: 'Branch; absent means main.' },
    path: { wire: 'string', rule: repoPath(), description: 'Directory or file inside the repository.' },
    prompt: { wire: 'string', rule: text(1024 * 1024), description: 'Prompt text.' },
    agent_id: {
      wire: 'string',
      references: { kind: 'Agent', sameProject: true, relation: 'agent', inverse: 'workflows' },
      description: 'Agent in the same project.',
    },
  },
  unique: uniqueNameInProject,
});
