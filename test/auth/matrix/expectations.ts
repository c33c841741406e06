import type { Row } from '../../../src/domain/wire.ts';
import type { Kind } from '../../../src/kinds/define.ts';
import {
  Agent,
  ScheduledSession,
  Credential,
  InboxMessage,
  Permission,
  ProjectSettings,
  RepositoryRef,
  Session,
  User,
  WorkflowSkill,
  WorkflowTask,
} from '../../../src/kinds/index.ts';
import type { Role } from '../../../src/kinds/rules.ts';
import { sql } from '../../../src/db/sql.ts';
import { isKey, make, ROLE_IN_P, system, unique, type Cast, type Principal, type World } from './world.ts';

/**
 * What runtime.md §c.5 says each principal may do, written out independently of the server's own
 * role declarations: for every Kind, who reads it and what each write answers. The matrix tests
 * (REST, GraphQL, watch) compare the server against this.
 */

const RANK: Record<Role, number> = { view: 1, edit: 2, admin: 3 };
export const hasRole = (who: Principal, needed: Role) => ROLE_IN_P[who] !== null && RANK[ROLE_IN_P[who]] >= RANK[needed];

/**
 * The status of an operation in P that needs `needed`: no role → `invisible` (404, or 400 for a
 * create naming a project the caller cannot see), a lower role → 403, else `success`.
 */
export const byRole =
  (needed: Role, success: number, invisible = 404) =>
  (who: Principal): number =>
    ROLE_IN_P[who] === null ? invisible : hasRole(who, needed) ? success : 403;

/** The world's admin owns the credential; platform admins see it but may not act with its secret. */
const ownerOnlySecret = (success: number) => (who: Principal) => (who === 'admin' ? success : who === 'platformAdmin' ? 403 : 404);
const users = (success: number) => (who: Principal) => (isKey(who) ? 403 : success);
/** A project operation done with the caller's own provider credentials: by role, and never for a project key. */
const withCredentials = (needed: Role, success: number) => (who: Principal) => (isKey(who) ? 403 : byRole(needed, success)(who));
const platformAdminOnly = (success: number) => (who: Principal) => (who === 'platformAdmin' ? success : 403);

export interface KindExpectations {
  /** A fresh object of the Kind in P (for projects: P itself). */
  target(w: World, cast: Cast): Promise<Row>;
  /** A valid create body for `who` (run after any clean-up it needs). */
  createBody(w: World, who: Principal, cast: Cast): Promise<Record<string, unknown>>;
  /** Whether `who` may read the target (lists, watches, GraphQL queries). */
  read(who: Principal): boolean;
  get(who: Principal): number;
  create(who: Principal): number;
  update(who: Principal): number;
  delete(who: Principal): number;
  /** Deleting the target deletes the world (the project itself). */
  deleteDestroysWorld?: boolean;
}

/** The common case: a project-scoped Kind with a role per operation. */
function scoped(
  roles: { read: Role; create: Role; update: Role; delete: Role },
  target: KindExpectations['target'],
  createBody: KindExpectations['createBody'],
): KindExpectations {
  return {
    target,
    createBody,
    read: (who) => hasRole(who, roles.read),
    get: byRole(roles.read, 200),
    create: byRole(roles.create, 201, 400),
    update: byRole(roles.update, 200),
    delete: byRole(roles.delete, 204),
  };
}

const CONTENT = { read: 'view', create: 'edit', update: 'edit', delete: 'edit' } as const;
const ADMINISTRATION = { read: 'view', create: 'admin', update: 'admin', delete: 'admin' } as const;

/** A Kind whose rows need only a project and a name. */
const named = (kind: Kind, base: string): [KindExpectations['target'], KindExpectations['createBody']] => [
  (w) => w.domain.create(system, kind, { project_id: w.project.id, name: unique(base) }),
  async (w) => ({ project_id: w.project.id, name: unique(base) }),
];

const agent = (w: World) => w.domain.create(system, Agent, { project_id: w.project.id, name: unique('agent') });

const scheduledSession = (w: World) => w.domain.create(system, ScheduledSession, { project_id: w.project.id, name: unique('ss'), schedule: '0 3 * * *' });

async function replaceSettings(w: World): Promise<void> {
  const current = await w.domain.list(system, ProjectSettings, { projectRef: w.project.id });
  for (const row of current.rows) await w.domain.delete(system, ProjectSettings, row.id);
}

async function deleteCredentials(w: World, userId: string | null, provider: string): Promise<void> {
  const rows = await w.domain.list(system, Credential, { where: sql`t.user_id = ${userId} AND t.provider = ${provider}` });
  for (const row of rows.rows) await w.domain.delete(system, Credential, row.id);
}

const userIdOf = (who: Principal, cast: Cast) => (who in cast.actors ? cast.actors[who as keyof Cast['actors']].userId : null);

export const KIND_EXPECTATIONS: Record<string, KindExpectations> = {
  Session: scoped({ read: 'view', create: 'edit', update: 'edit', delete: 'admin' }, ...named(Session, 's')),
  Agent: scoped(CONTENT, ...named(Agent, 'agent')),
  ScheduledSession: scoped(
    CONTENT,
    (w) => scheduledSession(w),
    async (w) => ({ project_id: w.project.id, name: unique('ss'), schedule: '0 3 * * *' }),
  ),
  InboxMessage: scoped(
    CONTENT,
    async (w) => w.domain.create(system, InboxMessage, { project_id: w.project.id, agent_id: (await agent(w)).id, body: 'hello' }),
    async (w) => ({ project_id: w.project.id, agent_id: (await agent(w)).id, body: 'hello' }),
  ),
  Skill: scoped(
    CONTENT,
    (w) => make.skill(w),
    async (w) => ({ project_id: w.project.id, name: unique('skill') }),
  ),
  Task: scoped(
    CONTENT,
    (w) => make.task(w),
    async (w) => ({ project_id: w.project.id, name: unique('task') }),
  ),
  Workflow: scoped(
    CONTENT,
    (w) => make.workflow(w),
    async (w) => ({ project_id: w.project.id, name: unique('wf') }),
  ),
  WorkflowSkill: scoped(
    CONTENT,
    async (w) => w.domain.create(system, WorkflowSkill, { workflow_id: (await make.workflow(w)).id, skill_id: (await make.skill(w)).id }),
    async (w) => ({ workflow_id: (await make.workflow(w)).id, skill_id: (await make.skill(w)).id }),
  ),
  WorkflowTask: scoped(
    CONTENT,
    async (w) => w.domain.create(system, WorkflowTask, { workflow_id: (await make.workflow(w)).id, task_id: (await make.task(w)).id }),
    async (w) => ({ workflow_id: (await make.workflow(w)).id, task_id: (await make.task(w)).id }),
  ),
  RepositoryRef: scoped(
    CONTENT,
    (w) => w.domain.create(system, RepositoryRef, { project_id: w.project.id, url: `https://github.com/acme/${unique('r')}` }),
    async (w) => ({ project_id: w.project.id, url: `https://github.com/acme/${unique('r')}` }),
  ),
  Permission: scoped(
    ADMINISTRATION,
    (w) => w.domain.create(system, Permission, { project_id: w.project.id, subject_type: 'user', subject_name: unique('nobody'), role: 'view' }),
    async (w) => ({ project_id: w.project.id, subject_type: 'user', subject_name: unique('nobody'), role: 'view' }),
  ),
  ProjectSettings: scoped(
    ADMINISTRATION,
    async (w) => {
      await replaceSettings(w);
      return w.domain.create(system, ProjectSettings, { project_id: w.project.id, group_access: JSON.stringify([{ group_name: 'editors', role: 'edit' }]) });
    },
    async (w) => {
      await replaceSettings(w);
      return { project_id: w.project.id };
    },
  ),
  ProjectKey: {
    // Made by the editor: editors manage their own keys, admins every key (the edit key was made by the admin).
    target: (w, cast) => make.editorsKey(w, cast),
    createBody: async (w) => ({ project_id: w.project.id, name: unique('key'), role: 'view' }),
    read: (who) => hasRole(who, 'edit'),
    get: byRole('edit', 200),
    create: (who) => (isKey(who) && ROLE_IN_P[who] !== null ? 403 : byRole('edit', 201, 400)(who)),
    update: (who) => (who === 'keyEdit' ? 403 : byRole('edit', 200)(who)),
    delete: (who) => (who === 'keyEdit' ? 403 : byRole('edit', 204)(who)),
  },
  Project: {
    target: async (w) => w.project,
    createBody: async () => ({ name: unique('new') }),
    read: (who) => ROLE_IN_P[who] !== null,
    get: byRole('view', 200),
    create: users(201),
    update: byRole('admin', 200),
    delete: byRole('admin', 204),
    deleteDestroysWorld: true,
  },
  User: {
    target: (w) => w.domain.create(system, User, { username: unique('target'), name: 'Target' }),
    createBody: async () => ({ username: unique('made'), name: 'Made' }),
    read: () => true,
    get: () => 200,
    create: platformAdminOnly(201),
    update: platformAdminOnly(200),
    delete: platformAdminOnly(204),
  },
  Credential: {
    target: (w, cast) => make.adminsCredential(w, cast),
    createBody: async (w, who, cast) => {
      await deleteCredentials(w, userIdOf(who, cast), 'jira');
      return { provider: 'jira', url: 'https://jira.example.com', email: 'someone@example.com', token: 'jira-api-token' };
    },
    // The owner, and platform admins (metadata only).
    read: (who) => who === 'admin' || who === 'platformAdmin',
    get: (who) => (who === 'admin' || who === 'platformAdmin' ? 200 : 404),
    create: users(201),
    update: (who) => (who === 'admin' ? 200 : who === 'platformAdmin' ? 403 : 404),
    delete: (who) => (who === 'admin' || who === 'platformAdmin' ? 204 : 404),
  },
};

/** Session actions and integration routes: the status for each principal, and how to set up the request. */
export interface ActionExpectations {
  expect(who: Principal): number;
  prepare(w: World, cast: Cast): Promise<{ path: string; body?: unknown }>;
}

const session = (w: World, values: Record<string, unknown> = {}) =>
  w.domain.create(system, Session, { project_id: w.project.id, name: unique('s'), ...values });

/** A session the reconciler would be starting (phase Pending). */
async function pendingSession(w: World): Promise<Row> {
  const s = await session(w);
  return w.domain.withLocked(system, Session, s.id, 'admin', async (c) => (await c.update(Session, s.id, { phase: 'Pending' }))!);
}

const agentPath = async (w: World) => `/projects/${w.project.id}/agents/${(await agent(w)).id}`;
async function inboxMessagePath(w: World): Promise<string> {
  const a = await agent(w);
  const message = await w.domain.create(system, InboxMessage, { project_id: w.project.id, agent_id: a.id, body: 'hello' });
  return `/projects/${w.project.id}/agents/${a.id}/inbox/${message.id}`;
}
/** A path under a session that is not running: callers allowed to act learn so (409 code 6). */
const scheduledSessionPath = async (w: World) => `/projects/${w.project.id}/scheduled-sessions/${(await scheduledSession(w)).id}`;
const idleSession = async (w: World, rest: string) => `/sessions/${(await session(w)).id}${rest}`;

export const ACTION_EXPECTATIONS: Record<string, ActionExpectations> = {
  updateSessionStatus: {
    expect: byRole('admin', 200),
    prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/status`, body: { phase: 'Running' } }),
  },
  startSession: { expect: byRole('edit', 200), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/start` }) },
  stopSession: { expect: byRole('edit', 200), prepare: async (w) => ({ path: `/sessions/${(await pendingSession(w)).id}/stop` }) },
  cloneSession: { expect: byRole('edit', 201), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/clone`, body: {} }) },
  addSessionRepo: {
    expect: byRole('edit', 200),
    prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/repos`, body: { url: 'https://github.com/acme/added' } }),
  },
  removeSessionRepo: {
    expect: byRole('edit', 200),
    prepare: async (w) => ({ path: `/sessions/${(await session(w, { repos: JSON.stringify([{ url: 'https://github.com/acme/repo' }]) })).id}/repos/repo` }),
  },
  getSessionReposStatus: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/repos/status` }) },
  selectSessionWorkflow: {
    expect: byRole('edit', 200),
    prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/workflow`, body: { workflow_id: (await make.workflow(w)).id } }),
  },
  // AG-UI (runtime.md §a): run, interrupt and feedback need edit; events, history and runs view.
  startAguiRun: { expect: byRole('edit', 200), prepare: async (w) => ({ path: `/sessions/${(await pendingSession(w)).id}/agui/run`, body: {} }) },
  // Authorization comes before the phase check: allowed callers learn the session is not running.
  interruptAguiRun: { expect: byRole('edit', 409), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/agui/interrupt` }) },
  // Stored, not forwarded: the session is not running.
  sendAguiFeedback: {
    expect: byRole('edit', 202),
    prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/agui/feedback`, body: { type: 'META', metaType: 'thumbs_up' } }),
  },
  streamAguiEvents: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/agui/events` }) },
  getAguiHistory: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/agui/history` }) },
  listAguiRuns: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/agui/runs` }) },
  // Session messages (head-contract H5): users push `user` messages with edit, read with view.
  pushSessionMessage: {
    expect: byRole('edit', 201),
    prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/messages`, body: { event_type: 'user', payload: 'hello' } }),
  },
  listSessionMessages: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/messages` }) },
  setSessionModel: {
    expect: byRole('edit', 200),
    prepare: async (w) => ({ path: `/sessions/${(await session(w)).id}/model`, body: { model: 'claude-sonnet-4-5' } }),
  },
  // Agents under their project (head-contract H3): the same rules as the flat Agent routes.
  listProjectAgents: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/projects/${w.project.id}/agents` }) },
  createProjectAgent: { expect: byRole('edit', 201), prepare: async (w) => ({ path: `/projects/${w.project.id}/agents`, body: { name: unique('agent') } }) },
  getProjectAgent: { expect: byRole('view', 200), prepare: async (w) => ({ path: await agentPath(w) }) },
  updateProjectAgent: { expect: byRole('edit', 200), prepare: async (w) => ({ path: await agentPath(w), body: {} }) },
  deleteProjectAgent: { expect: byRole('edit', 204), prepare: async (w) => ({ path: await agentPath(w) }) },
  startProjectAgent: { expect: byRole('edit', 201), prepare: async (w) => ({ path: `${await agentPath(w)}/start`, body: {} }) },
  getProjectAgentIgnition: { expect: byRole('view', 200), prepare: async (w) => ({ path: `${await agentPath(w)}/ignition` }) },
  previewProjectAgentStart: { expect: byRole('view', 200), prepare: async (w) => ({ path: `${await agentPath(w)}/start` }) },
  listProjectAgentSessions: { expect: byRole('view', 200), prepare: async (w) => ({ path: `${await agentPath(w)}/sessions` }) },
  getProjectHome: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/projects/${w.project.id}/home` }) },
  // Scheduled sessions under their project (head-contract H8): the rules of the flat routes; trigger starts a session.
  listProjectScheduledSessions: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/projects/${w.project.id}/scheduled-sessions` }) },
  createProjectScheduledSession: {
    expect: byRole('edit', 201),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/scheduled-sessions`, body: { name: unique('ss'), schedule: '@daily' } }),
  },
  getProjectScheduledSession: { expect: byRole('view', 200), prepare: async (w) => ({ path: await scheduledSessionPath(w) }) },
  updateProjectScheduledSession: { expect: byRole('edit', 200), prepare: async (w) => ({ path: await scheduledSessionPath(w), body: {} }) },
  deleteProjectScheduledSession: { expect: byRole('edit', 204), prepare: async (w) => ({ path: await scheduledSessionPath(w) }) },
  suspendProjectScheduledSession: { expect: byRole('edit', 200), prepare: async (w) => ({ path: `${await scheduledSessionPath(w)}/suspend` }) },
  resumeProjectScheduledSession: { expect: byRole('edit', 200), prepare: async (w) => ({ path: `${await scheduledSessionPath(w)}/resume` }) },
  triggerProjectScheduledSession: { expect: byRole('edit', 201), prepare: async (w) => ({ path: `${await scheduledSessionPath(w)}/trigger` }) },
  listProjectScheduledSessionRuns: { expect: byRole('view', 200), prepare: async (w) => ({ path: `${await scheduledSessionPath(w)}/runs` }) },
  listAgentInbox: { expect: byRole('view', 200), prepare: async (w) => ({ path: `${await agentPath(w)}/inbox` }) },
  sendAgentInboxMessage: { expect: byRole('edit', 201), prepare: async (w) => ({ path: `${await agentPath(w)}/inbox`, body: { body: 'hello' } }) },
  getAgentInboxMessage: { expect: byRole('view', 200), prepare: async (w) => ({ path: await inboxMessagePath(w) }) },
  updateAgentInboxMessage: { expect: byRole('edit', 200), prepare: async (w) => ({ path: await inboxMessagePath(w), body: { read: true } }) },
  deleteAgentInboxMessage: { expect: byRole('edit', 204), prepare: async (w) => ({ path: await inboxMessagePath(w) }) },
  // The running session's runtime (runtime.md §d): authorization comes before the phase check. Reads
  // of a session that is not running answer the spec's per-row fallback (an empty answer, or 502 code 30 /
  // 503 code 31 where a row has none); changes are refused (409 code 6, 502 where the row says so).
  // Pre-uploads (row 5) exist before the pod does: no phase check, only the role.
  listSessionFileUploads: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/file-uploads') }) },
  uploadSessionFile: { expect: byRole('edit', 200), prepare: async (w) => ({ path: await idleSession(w, '/file-uploads/notes.txt'), body: 'text' }) },
  deleteSessionFileUpload: { expect: byRole('edit', 200), prepare: async (w) => ({ path: await idleSession(w, '/file-uploads/notes.txt') }) },
  listSessionWorkspace: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/workspace') }) },
  readSessionWorkspaceFile: { expect: byRole('view', 503), prepare: async (w) => ({ path: await idleSession(w, '/workspace/README.md') }) },
  writeSessionWorkspaceFile: { expect: byRole('edit', 409), prepare: async (w) => ({ path: await idleSession(w, '/workspace/notes.txt'), body: 'text' }) },
  deleteSessionWorkspaceFile: { expect: byRole('edit', 409), prepare: async (w) => ({ path: await idleSession(w, '/workspace/notes.txt') }) },
  getSessionGitStatus: { expect: byRole('view', 503), prepare: async (w) => ({ path: await idleSession(w, '/git/status?path=repo') }) },
  configureSessionGitRemote: {
    expect: byRole('edit', 409),
    prepare: async (w) => ({ path: await idleSession(w, '/git/configure-remote'), body: { path: 'repo', remote_url: 'https://github.com/acme/repo' } }),
  },
  listSessionGitBranches: { expect: byRole('view', 502), prepare: async (w) => ({ path: await idleSession(w, '/git/branches?path=repo') }) },
  getSessionWorkflowMetadata: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/workflow/metadata') }) },
  getSessionMcpStatus: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/mcp/status') }) },
  getSessionCapabilities: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/agui/capabilities') }) },
  listSessionTasks: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/agui/tasks') }) },
  getSessionTaskOutput: { expect: byRole('view', 502), prepare: async (w) => ({ path: await idleSession(w, '/agui/tasks/task-1/output') }) },
  stopSessionTask: { expect: byRole('edit', 502), prepare: async (w) => ({ path: await idleSession(w, '/agui/tasks/task-1/stop') }) },
  // The between-run stream has no fallback: no runner answers (502 code 30).
  streamSessionRunnerEvents: { expect: byRole('view', 502), prepare: async (w) => ({ path: await idleSession(w, '/events') }) },
  // Runner-facing (runtime.md §c.7): only the session's runner ServiceAccount; every user, key and admin is 403.
  getRunnerCredential: { expect: () => 403, prepare: async (w) => ({ path: await idleSession(w, '/credentials/github') }) },
  mintRunnerGithubToken: { expect: () => 403, prepare: async (w) => ({ path: await idleSession(w, '/github/token') }) },
  sendRunnerFeedback: { expect: () => 403, prepare: async (w) => ({ path: await idleSession(w, '/runner/feedback'), body: { type: 'META' } }) },
  // Repository browsing (runtime.md §d rows 17–20): authorization first, then the caller's own
  // credentials (a project key has none: 403), then the repository — on a host no provider serves
  // (400 code 8), so no provider is ever called.
  getRepoTree: {
    expect: withCredentials('view', 400),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/repo/tree?repo=https://example.invalid/acme/widgets` }),
  },
  getRepoBlob: {
    expect: withCredentials('view', 400),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/repo/blob?repo=https://example.invalid/acme/widgets&path=README.md` }),
  },
  listRepoBranches: {
    expect: withCredentials('view', 400),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/repo/branches?repo=https://example.invalid/acme/widgets` }),
  },
  listUserForks: {
    expect: withCredentials('view', 400),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/users/forks?upstream_repo=https://example.invalid/acme/widgets` }),
  },
  createUserFork: {
    expect: withCredentials('edit', 400),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/users/forks`, body: { upstream_repo: 'https://example.invalid/acme/widgets' } }),
  },
  getProjectAccess: { expect: byRole('view', 200), prepare: async (w) => ({ path: `/projects/${w.project.id}/access` }) },
  // Users only; the workflows repository is on no provider in the matrix world: 502 code 30.
  listOotbWorkflows: { expect: users(502), prepare: async () => ({ path: '/ootb_workflows' }) },
  getIntegrationsStatus: { expect: users(200), prepare: async () => ({ path: '/integrations/status' }) },
  listModels: { expect: () => 200, prepare: async () => ({ path: '/models' }) },
  listRunnerTypes: { expect: () => 200, prepare: async () => ({ path: '/runner-types' }) },
  // The matrix world has no cluster: Kubernetes views are 503 code 31 once authorized.
  listSessionKubernetesResources: { expect: byRole('view', 503), prepare: async (w) => ({ path: await idleSession(w, '/k8s-resources') }) },
  listSessionPodEvents: { expect: byRole('view', 503), prepare: async (w) => ({ path: await idleSession(w, '/pod-events') }) },
  exportSession: { expect: byRole('view', 200), prepare: async (w) => ({ path: await idleSession(w, '/export') }) },
  startOAuth: { expect: users(200), prepare: async () => ({ path: '/oauth/github/authorize', body: { return_to: '/integrations' } }) },
  testCredential: {
    // Only the owner acts with a secret; platform admins see the metadata but are refused.
    expect: (who) => (who === 'admin' ? 200 : who === 'platformAdmin' ? 403 : 404),
    prepare: async (w, cast) => ({ path: `/credentials/${(await make.adminsCredential(w, cast)).id}/test` }),
  },
  // Credentials at HEAD (head-contract H7). The token: only its owner (platform admins see the
  // metadata, not the secret). The project twins first need the project visible, then answer as the
  // flat routes do.
  getCredentialToken: {
    expect: ownerOnlySecret(200),
    prepare: async (w, cast) => ({ path: `/credentials/${(await make.adminsCredential(w, cast)).id}/token` }),
  },
  getProjectCredentialToken: {
    expect: ownerOnlySecret(200),
    prepare: async (w, cast) => ({ path: `/projects/${w.project.id}/credentials/${(await make.adminsCredential(w, cast)).id}/token` }),
  },
  listProjectCredentials: {
    expect: (who) => (ROLE_IN_P[who] === null ? 404 : 200),
    prepare: async (w) => ({ path: `/projects/${w.project.id}/credentials` }),
  },
  createProjectCredential: {
    expect: (who) => (ROLE_IN_P[who] === null ? 404 : isKey(who) ? 403 : 201),
    prepare: async (w) => {
      const existing = await w.domain.list(system, Credential, { where: sql`t.provider = 'kubeconfig'` });
      for (const row of existing.rows) await w.domain.delete(system, Credential, row.id);
      return { path: `/projects/${w.project.id}/credentials`, body: { provider: 'kubeconfig', token: 'clusters:\n  - name: c\n' } };
    },
  },
  getProjectCredential: {
    expect: (who) => (who === 'admin' || who === 'platformAdmin' ? 200 : 404),
    prepare: async (w, cast) => ({ path: `/projects/${w.project.id}/credentials/${(await make.adminsCredential(w, cast)).id}` }),
  },
  updateProjectCredential: {
    expect: ownerOnlySecret(200),
    prepare: async (w, cast) => ({ path: `/projects/${w.project.id}/credentials/${(await make.adminsCredential(w, cast)).id}`, body: {} }),
  },
  deleteProjectCredential: {
    expect: (who) => (who === 'admin' || who === 'platformAdmin' ? 204 : 404),
    prepare: async (w, cast) => ({ path: `/projects/${w.project.id}/credentials/${(await make.adminsCredential(w, cast)).id}` }),
  },
};

/** Endpoints without authentication (rest-contract §1). */
export const PUBLIC_PATHS: Record<string, string> = { getOpenApi: '/openapi', listErrors: '/errors', getError: '/errors/7', getVersion: '/version' };
