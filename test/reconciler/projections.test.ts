import { describe, expect, test } from 'vitest';
import {
  desiredNamespace,
  desiredRoleBinding,
  desiredSessionMetadata,
  desiredSessionSpec,
  metadataPatch,
  roleBindingName,
  sanitize,
  specPatch,
  statusFromCr,
  type SessionRow,
} from '../../src/reconciler/projections.ts';

/** The mapping rules of runtime.md §b, as pure functions. */

describe('names', () => {
  test.each([
    ['alice@example.com', 'alice-example-com'],
    ['  Dev Team!! ', 'dev-team'],
    ['___', 'group'],
    ['a'.repeat(70), 'a'.repeat(63)],
    [`${'a'.repeat(62)}-b`, 'a'.repeat(62)],
  ])('sanitize(%j) = %s', (input, output) => expect(sanitize(input)).toBe(output));

  test('role binding names, and the hashed suffix for subjects that sanitize alike', () => {
    expect(roleBindingName({ role: 'edit', subject_name: 'alice@example.com', subject_type: 'user' })).toBe('ambient-permission-edit-alice-example-com-user');
    expect(roleBindingName({ role: 'edit', subject_name: 'Alice@Example.com', subject_type: 'user' }, true)).toMatch(
      /^ambient-permission-edit-alice-example-com-user-[0-9a-f]{8}$/,
    );
  });
});

test('project → namespace: user labels first, ours win; display name and description annotations; user keys recorded', () => {
  const ns = desiredNamespace({
    id: 'P1',
    name: 'demo',
    display_name: null,
    description: 'Demo project',
    labels: '{"team":"x","ambient-code.io/managed":"no"}',
    annotations: '{"note":"hi"}',
    deleted_at: null,
  });
  expect(ns.labels).toEqual({
    team: 'x',
    'ambient-code.io/managed': 'true',
    'app.kubernetes.io/managed-by': 'ambient-code',
    'ambient-code.io/project-id': 'P1',
  });
  expect(ns.annotations).toEqual({
    note: 'hi',
    'openshift.io/display-name': 'demo',
    'openshift.io/description': 'Demo project',
    'ambient-code.io/user-label-keys': 'ambient-code.io/managed,team',
    'ambient-code.io/user-annotation-keys': 'note',
  });
});

test('metadata patches touch only owned keys and remove user keys that were dropped', () => {
  const desired = {
    name: 'n',
    labels: { a: '1', mine: 'x' },
    annotations: { 'ambient-code.io/user-label-keys': 'a', 'ambient-code.io/user-annotation-keys': '' },
  };
  const observed = {
    labels: { a: '1', b: '2', mine: 'x', foreign: 'keep' },
    annotations: { 'ambient-code.io/user-label-keys': 'a,b', 'ambient-code.io/user-annotation-keys': '', 'operator.io/x': 'keep' },
  };
  expect(metadataPatch(desired, observed)).toEqual({ labels: { b: null }, annotations: { 'ambient-code.io/user-label-keys': 'a' } });
  expect(metadataPatch(desired, { labels: { a: '1', mine: 'x' }, annotations: desired.annotations })).toBeUndefined();
});

test('permission → role binding', () => {
  const rb = desiredRoleBinding(
    { id: 'PERM', project_id: 'P', project_name: 'demo', subject_type: 'group', subject_name: 'Dev Team', role: 'view', deleted_at: null },
    'ambient-permission-view-dev-team-group',
    { user: 'oidc:', group: 'oidc:' },
  );
  expect(rb).toEqual({
    metadata: {
      name: 'ambient-permission-view-dev-team-group',
      namespace: 'demo',
      labels: { app: 'ambient-permission', 'ambient-code.io/managed': 'true', 'ambient-code.io/permission-id': 'PERM' },
      annotations: { 'ambient-code.io/subject-kind': 'Group', 'ambient-code.io/subject-name': 'Dev Team', 'ambient-code.io/role': 'view' },
    },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ambient-project-view' },
    subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'oidc:Dev Team' }],
  });
});

const SESSION: SessionRow = {
  id: 'S1',
  project_id: 'P1',
  project_name: 'demo',
  name: 'fix',
  prompt: 'Fix it',
  repo_url: 'https://github.com/old/repo',
  repos: '[{"url":"https://github.com/a/b","auto_push":true},{"url":"https://github.com/c/d","branch":"dev"}]',
  interactive: false,
  timeout: 60,
  llm_model: 'opus',
  llm_temperature: 0,
  llm_max_tokens: 100,
  bot_account_name: 'bot',
  resource_overrides: '{"cpu":"2","storage_class":"fast"}',
  environment_variables: '{"A":"1","PARENT_SESSION_ID":"user-value"}',
  labels: '{"team":"x"}',
  annotations: null,
  phase: 'Pending',
  kube_cr_name: 'session-s1',
  kube_namespace: 'demo',
  kube_cr_uid: null,
  deleted_at: null,
  workflow_repo_url: 'https://github.com/wf/flows',
  workflow_branch: null,
  workflow_path: 'workflows/x',
  creator_username: 'alice',
  creator_name: 'Alice',
  creator_groups: ['devs'],
  parent_cr_name: 'session-parent',
};

test('session → AgenticSession spec: snake_case to camelCase, joins resolved, CRD defaults explicit', () => {
  expect(desiredSessionSpec(SESSION)).toEqual({
    displayName: 'fix',
    initialPrompt: 'Fix it',
    project: 'demo',
    repos: [
      { url: 'https://github.com/a/b', branch: 'main', autoPush: true },
      { url: 'https://github.com/c/d', branch: 'dev', autoPush: false },
    ],
    interactive: false,
    timeout: 60,
    llmSettings: { model: 'opus', temperature: 0, maxTokens: 100 },
    activeWorkflow: { gitUrl: 'https://github.com/wf/flows', branch: 'main', path: 'workflows/x' },
    userContext: { userId: 'alice', displayName: 'Alice', groups: ['devs'] },
    environmentVariables: { A: '1', PARENT_SESSION_ID: 'session-parent' },
    botAccount: { name: 'bot' },
    resourceOverrides: { cpu: '2', storageClass: 'fast' },
  });
  const minimal = desiredSessionSpec({
    ...SESSION,
    repos: null,
    prompt: null,
    workflow_repo_url: null,
    creator_username: null,
    environment_variables: null,
    parent_cr_name: null,
    bot_account_name: null,
    resource_overrides: null,
  });
  expect(minimal['repos']).toEqual([{ url: 'https://github.com/old/repo', branch: 'main', autoPush: false }]);
  for (const key of ['initialPrompt', 'activeWorkflow', 'userContext', 'environmentVariables', 'botAccount', 'resourceOverrides'])
    expect(minimal).not.toHaveProperty(key);
  expect(specPatch(minimal, desiredSessionSpec(SESSION))).toMatchObject({ initialPrompt: null, activeWorkflow: null, userContext: null });
  expect(specPatch(minimal, minimal)).toBeUndefined();
});

test('session → AgenticSession metadata', () => {
  expect(desiredSessionMetadata(SESSION)).toEqual({
    name: 'session-s1',
    namespace: 'demo',
    labels: {
      team: 'x',
      'ambient-code.io/session-id': 'S1',
      'ambient-code.io/project-id': 'P1',
      'ambient-code.io/managed': 'true',
      'ambient-code.io/managed-by': 'ambient-api-server',
    },
    annotations: {
      'vteam.ambient-code/parent-session-id': 'session-parent',
      'ambient-code.io/user-label-keys': 'team',
      'ambient-code.io/user-annotation-keys': '',
    },
  });
});

describe('status back-flow', () => {
  const cr = {
    metadata: { uid: 'uid-1', annotations: {} as Record<string, string> },
    status: {
      phase: 'Running',
      startTime: '2026-03-02T09:00:00Z',
      sdkRestartCount: 2,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-03-02T09:00:01Z', observedGeneration: 3 } as never],
      reconciledRepos: [{ url: 'https://github.com/a/b', clonedAt: '2026-03-02T09:00:02Z', currentActiveBranch: 'main' }],
      reconciledWorkflow: { gitUrl: 'https://github.com/wf/flows', appliedAt: '2026-03-02T09:00:03Z', status: 'Active' },
    },
  };

  test('camelCase to snake_case; observedGeneration dropped', () => {
    expect(statusFromCr(cr)).toEqual({
      phase: 'Running',
      start_time: '2026-03-02T09:00:00Z',
      completion_time: null,
      sdk_session_id: null,
      sdk_restart_count: 2,
      conditions: '[{"type":"Ready","status":"True","last_transition_time":"2026-03-02T09:00:01Z"}]',
      reconciled_repos: '[{"url":"https://github.com/a/b","cloned_at":"2026-03-02T09:00:02Z","current_active_branch":"main"}]',
      reconciled_workflow: '{"git_url":"https://github.com/wf/flows","status":"Active","applied_at":"2026-03-02T09:00:03Z"}',
      kube_cr_uid: 'uid-1',
    });
  });

  test('the phase guard: a pending start request, or a stop request while still running', () => {
    expect(statusFromCr({ ...cr, metadata: { uid: 'u', annotations: { 'ambient-code.io/start-requested-at': 'x' } } })).not.toHaveProperty('phase');
    expect(statusFromCr({ ...cr, metadata: { uid: 'u', annotations: { 'ambient-code.io/stop-requested-at': 'x' } } })).not.toHaveProperty('phase');
    expect(statusFromCr({ metadata: { uid: 'u', annotations: { 'ambient-code.io/stop-requested-at': 'x' } }, status: { phase: 'Stopped' } })).toMatchObject({
      phase: 'Stopped',
    });
  });
});
