import { defineKind } from './define.ts';
import { branch, gitUrl, line, oneOf } from './rules.ts';
import { projectReference } from './shared.ts';

export const GIT_PROVIDERS = ['github', 'gitlab'] as const;

export const RepositoryRef = defineKind({
  name: 'RepositoryRef',
  plural: 'repository_refs',
  scope: 'project',
  description: 'A bookmarked git repository of a project.',
  fields: {
    project_id: projectReference('repositoryRefs'),
    url: { wire: 'string', required: true, rule: gitUrl(), description: 'Git URL.' },
    name: { wire: 'string', notNull: true, rule: line(255), description: 'Name, unique in the project; defaults to repo_name.' },
    branch: { wire: 'string', rule: branch(), description: 'Branch; absent means the repository’s default branch.' },
    provider: { wire: 'string', enum: GIT_PROVIDERS, rule: oneOf(GIT_PROVIDERS), description: 'github or gitlab; derived from the host when absent.' },
    owner: { wire: 'string', rule: line(255), description: 'Owner path (GitLab subgroups keep their slashes); derived from the URL when absent.' },
    repo_name: { wire: 'string', rule: line(255), description: 'Repository name; derived from the URL when absent.' },
  },
  unique: [{ columns: ['project_id', 'name'], reports: 'name' }],
});
