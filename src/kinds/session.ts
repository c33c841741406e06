import { z } from 'zod';
import { defineKind } from './define.ts';
import { branch, envVars, gitUrl, intRange, labels, annotations, line, numberRange, oneOf, text, timestamp } from './rules.ts';
import { projectReference } from './shared.ts';

export const SESSION_PHASES = ['Pending', 'Creating', 'Running', 'Stopping', 'Stopped', 'Completed', 'Failed'] as const;
export type SessionPhase = (typeof SESSION_PHASES)[number];

export const SessionRepo = z
  .strictObject({
    url: gitUrl()('url'),
    branch: branch()('branch').optional(),
    auto_push: z.boolean().optional(),
  })
  .meta({ id: 'SessionRepo', description: 'A git repository the session works on.' });

export const ResourceOverrides = z
  .strictObject({
    cpu: z.string().optional(),
    memory: z.string().optional(),
    storage_class: z.string().optional(),
    priority_class: z.string().optional(),
  })
  .meta({ id: 'ResourceOverrides', description: 'Kubernetes resource settings for the session runner.' });

export const SessionCondition = z
  .object({
    type: line(255)('type'),
    status: z.enum(['True', 'False', 'Unknown'], { error: 'status must be one of: True, False, Unknown' }),
    reason: z.string().optional(),
    message: z.string().optional(),
    last_transition_time: timestamp()('last_transition_time').optional(),
  })
  .meta({ id: 'SessionCondition', description: 'A condition of the session runtime, as reported by the operator.' });

export const ReconciledRepo = z
  .object({
    url: z.string(),
    branch: z.string().optional(),
    name: z.string().optional(),
    status: z.enum(['Cloning', 'Ready', 'Failed'], { error: 'status must be one of: Cloning, Ready, Failed' }).optional(),
    cloned_at: timestamp()('cloned_at').optional(),
    branches: z.array(z.string()).optional(),
    current_active_branch: z.string().optional(),
    default_branch: z.string().optional(),
  })
  .meta({ id: 'ReconciledRepo', description: 'A repository as cloned into the running session.' });

export const ReconciledWorkflow = z
  .object({
    git_url: z.string(),
    branch: z.string().optional(),
    path: z.string().optional(),
    status: z.enum(['Cloning', 'Active', 'Failed'], { error: 'status must be one of: Cloning, Active, Failed' }).optional(),
    applied_at: timestamp()('applied_at').optional(),
  })
  .meta({ id: 'ReconciledWorkflow', description: 'The workflow as loaded into the running session.' });

export const Session = defineKind({
  name: 'Session',
  plural: 'sessions',
  scope: 'project',
  description: 'One unit of agent work: prompt, repositories, model settings and an optional workflow. Starting it creates an AgenticSession in Kubernetes.',
  fields: {
    name: { wire: 'string', required: true, rule: line(255), description: 'Display name.', example: 'fix-login-bug' },
    prompt: { wire: 'string', rule: text(1024 * 1024), description: 'Initial prompt.' },
    repo_url: { wire: 'string', rule: gitUrl(), description: 'Deprecated: use repos. Used only when repos is absent or empty.' },
    repos: {
      wire: 'json-text',
      shape: z.array(SessionRepo).max(50, 'at most 50 repositories'),
      description: 'JSON array (at most 50) of {url, branch?, auto_push?}.',
    },
    interactive: { wire: 'boolean', default: true, description: 'Chat (true) or batch (false) session.' },
    timeout: { wire: 'integer', default: 300, rule: intRange(1), description: 'Session timeout in seconds.' },
    llm_model: {
      wire: 'string',
      default: 'sonnet',
      rule: line(255),
      normalize: (v) => (v === '' ? null : v),
      description: 'Model name; an empty string counts as absent.',
    },
    llm_temperature: { wire: 'number', default: 0.7, rule: numberRange(0, 2), description: 'Sampling temperature, 0 to 2.' },
    llm_max_tokens: { wire: 'integer', default: 4000, rule: intRange(1), description: 'Maximum output tokens.' },
    workflow_id: {
      wire: 'string',
      references: { kind: 'Workflow', sameProject: true, relation: 'workflow', inverse: 'sessions' },
      description: 'Workflow in the same project, resolved into the runner’s active workflow.',
    },
    assigned_user_id: {
      wire: 'string',
      references: { kind: 'User', relation: 'assignee', inverse: 'assignedSessions' },
      description: 'User the session is assigned to.',
    },
    parent_session_id: {
      wire: 'string',
      references: { kind: 'Session', relation: 'parent', inverse: 'children' },
      description: 'Session this one continues; never itself or one of its descendants.',
    },
    bot_account_name: { wire: 'string', rule: line(253), description: 'Bot account for git operations.' },
    resource_overrides: { wire: 'json-text', shape: ResourceOverrides, description: 'JSON object {cpu?, memory?, storage_class?, priority_class?}.' },
    environment_variables: { wire: 'json-text', shape: envVars(), description: 'JSON object of environment variables for the runner.' },
    labels: { wire: 'json-text', shape: labels(), description: 'JSON object of Kubernetes labels for the AgenticSession.' },
    annotations: { wire: 'json-text', shape: annotations(), description: 'JSON object of Kubernetes annotations for the AgenticSession.' },
    project_id: projectReference('sessions'),
    agent_id: {
      wire: 'string',
      access: 'immutable',
      references: { kind: 'Agent', sameProject: true, relation: 'agent', inverse: 'sessions' },
      description: 'The agent of the same project this session runs for (head-contract H2). Set on create only.',
    },
    scheduled_session_id: {
      wire: 'string',
      access: 'read-only',
      references: { kind: 'ScheduledSession', sameProject: true, relation: 'scheduledSession', inverse: 'runs' },
      description: 'The scheduled session whose run started this session (head-contract H8).',
    },
    created_by_user_id: {
      wire: 'string',
      access: 'read-only',
      references: { kind: 'User', relation: 'creator', inverse: 'createdSessions' },
      description: 'The user who created the session (for project keys: the key’s creator).',
    },
    phase: {
      wire: 'string',
      access: 'status',
      enum: SESSION_PHASES,
      rule: oneOf(SESSION_PHASES),
      description: 'Lifecycle phase; absent until the session is first started.',
    },
    start_time: { wire: 'timestamp', access: 'status', description: 'When the runner started.' },
    completion_time: { wire: 'timestamp', access: 'status', description: 'When the session reached a terminal phase.' },
    sdk_session_id: { wire: 'string', access: 'status', rule: line(255), description: 'Agent SDK session id, for resume.' },
    sdk_restart_count: { wire: 'integer', access: 'status', default: 0, rule: intRange(0), description: 'Number of agent SDK restarts.' },
    conditions: { wire: 'json-text', access: 'status', shape: z.array(SessionCondition), description: 'JSON array of runtime conditions.' },
    reconciled_repos: {
      wire: 'json-text',
      access: 'status',
      shape: z.array(ReconciledRepo),
      description: 'JSON array of repositories as cloned in the runner.',
    },
    reconciled_workflow: {
      wire: 'json-text',
      access: 'status',
      shape: ReconciledWorkflow,
      description: 'JSON object of the workflow as loaded in the runner.',
    },
    kube_cr_name: { wire: 'string', access: 'read-only', notNull: true, description: 'Name of the AgenticSession: session- plus the id in lower case.' },
    kube_cr_uid: { wire: 'string', access: 'status', rule: line(255), description: 'uid of the AgenticSession.' },
    kube_namespace: { wire: 'string', access: 'status', rule: line(63), description: 'Namespace of the AgenticSession: the project’s name.' },
  },
  unique: [{ columns: ['kube_cr_name'], reports: 'kube_cr_name', includeDeleted: true }],
  // created_at: the newest sessions across projects (the frontend's default list order).
  indexes: [['phase'], ['created_at']],
  roles: { delete: 'admin' },
});
