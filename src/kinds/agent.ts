import { defineKind } from './define.ts';
import { uniqueNameInProject } from './prompt-template.ts';
import { gitUrl, line, text } from './rules.ts';
import { Session } from './session.ts';
import { projectReference } from './shared.ts';

/** The settings an agent hands to every session it starts: the same fields, rules and defaults as the session's own. */
const SESSION_SETTINGS = {
  llm_model: Session.specs.llm_model,
  llm_temperature: Session.specs.llm_temperature,
  llm_max_tokens: Session.specs.llm_max_tokens,
  bot_account_name: Session.specs.bot_account_name,
  resource_overrides: Session.specs.resource_overrides,
  environment_variables: Session.specs.environment_variables,
  labels: { ...Session.specs.labels, description: 'JSON object of labels, also given to the agent’s sessions.' },
  annotations: { ...Session.specs.annotations, description: 'JSON object of annotations, also given to the agent’s sessions.' },
} as const;

export const Agent = defineKind({
  name: 'Agent',
  plural: 'agents',
  scope: 'project',
  description: 'A persistent agent of a project: its standing prompt, model settings and repository, the sessions it starts and an inbox (head-contract H3).',
  fields: {
    project_id: projectReference('agents'),
    name: { wire: 'string', required: true, rule: line(255), description: 'Name, unique in the project.' },
    display_name: { wire: 'string', rule: line(255), description: 'Human-readable name.' },
    description: { wire: 'string', rule: text(4096), description: 'Free text.' },
    repo_url: { wire: 'string', rule: gitUrl(), description: 'Git repository.' },
    prompt: { wire: 'string', rule: text(1024 * 1024), description: 'Standing instructions, part of every start prompt.' },
    parent_agent_id: {
      wire: 'string',
      references: { kind: 'Agent', sameProject: true, relation: 'parentAgent', inverse: 'childAgents' },
      description: 'Agent of the same project this one reports to.',
    },
    owner_user_id: {
      wire: 'string',
      access: 'read-only',
      references: { kind: 'User', relation: 'owner', inverse: 'ownedAgents' },
      description: 'The user who created the agent (for project keys: the key’s creator).',
    },
    workflow_id: {
      wire: 'string',
      references: { kind: 'Workflow', sameProject: true, relation: 'workflow', inverse: 'agentsUsing' },
      description: 'Workflow of the same project its sessions load.',
    },
    ...SESSION_SETTINGS,
    current_session_id: {
      wire: 'string',
      access: 'read-only',
      column: false,
      description: 'The agent’s newest session that is Pending, Creating or Running; absent when none is. Derived from the sessions, so always current.',
    },
  },
  unique: uniqueNameInProject,
});
