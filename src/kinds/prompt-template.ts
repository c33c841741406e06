import type { FieldSpec } from './define.ts';
import { gitUrl, line, text } from './rules.ts';
import { projectReference } from './shared.ts';

/** The fields Agent, Skill and Task share (rest-contract §9.5–9.7). */
export function promptTemplateFields(inverse: string) {
  return {
    project_id: projectReference(inverse),
    name: { wire: 'string', required: true, rule: line(255), description: 'Name, unique in the project.' },
    repo_url: { wire: 'string', rule: gitUrl(), description: 'Git repository.' },
    prompt: { wire: 'string', rule: text(1024 * 1024), description: 'Prompt text.' },
  } as const satisfies Record<string, FieldSpec>;
}

export const uniqueNameInProject = [{ columns: ['project_id', 'name'], reports: 'name' }] as const;
