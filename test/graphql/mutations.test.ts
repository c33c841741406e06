import { beforeAll, describe, expect, test } from 'vitest';
import {
  AddSessionRepoDocument,
  CloneSessionDocument,
  CreateAgentDocument,
  CreateCredentialDocument,
  CreatePermissionDocument,
  CreateProjectDocument,
  CreateProjectKeyDocument,
  CreateProjectSettingsDocument,
  CreateRepositoryRefDocument,
  CreateSessionDocument,
  CreateSkillDocument,
  CreateTaskDocument,
  CreateUserDocument,
  CreateWorkflowDocument,
  CreateWorkflowSkillDocument,
  CreateWorkflowTaskDocument,
  DeleteAgentDocument,
  DeleteCredentialDocument,
  DeletePermissionDocument,
  DeleteProjectDocument,
  DeleteProjectKeyDocument,
  DeleteProjectSettingsDocument,
  DeleteRepositoryRefDocument,
  DeleteSessionDocument,
  DeleteSkillDocument,
  DeleteTaskDocument,
  DeleteUserDocument,
  DeleteWorkflowDocument,
  DeleteWorkflowSkillDocument,
  DeleteWorkflowTaskDocument,
  ProjectKeyDocument,
  ProjectsDocument,
  RemoveSessionRepoDocument,
  SelectSessionWorkflowDocument,
  SessionDocument,
  StartSessionDocument,
  StopSessionDocument,
  UpdateAgentDocument,
  UpdateCredentialDocument,
  UpdatePermissionDocument,
  UpdateProjectDocument,
  UpdateProjectKeyDocument,
  UpdateProjectSettingsDocument,
  UpdateRepositoryRefDocument,
  UpdateSessionDocument,
  UpdateSessionStatusDocument,
  UpdateSkillDocument,
  UpdateTaskDocument,
  UpdateUserDocument,
  UpdateWorkflowDocument,
  UpdateWorkflowSkillDocument,
  UpdateWorkflowTaskDocument,
  WorkflowDocument,
} from '../../src/generated/graphql/graphql.ts';
import { User } from '../../src/kinds/index.ts';
import { as, platformAdmin, userActor } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/** Writes over HTTP: create, update and delete of every Kind, every session action, and their errors. */

const server = useGraphqlServer();

let projectId: string;

beforeAll(async () => {
  projectId = (await server().data(CreateProjectDocument, { input: { name: 'writes', displayName: 'Writes' } })).createProject.id;
});

describe('create, update and delete every Kind', () => {
  test('Project', async () => {
    const { createProject } = await server().data(CreateProjectDocument, { input: { name: 'short-lived', annotations: [{ key: 'note', value: 'x' }] } });
    expect(createProject).toMatchObject({ name: 'short-lived', status: 'ACTIVE', viewerRole: 'ADMIN', annotations: [{ key: 'note', value: 'x' }] });
    const { updateProject } = await server().data(UpdateProjectDocument, { id: createProject.id, input: { description: 'temp', annotations: null } });
    expect(updateProject).toMatchObject({ description: 'temp', annotations: null });
    expect((await server().data(DeleteProjectDocument, { id: createProject.id })).deleteProject.deletedId).toBe(createProject.id);
    expect((await server().data(ProjectsDocument, { where: { name: { eq: 'short-lived' } } })).projects.totalCount).toBe(0);
  });

  test('ProjectSettings: group access becomes group permissions', async () => {
    const { createProjectSettings } = await server().data(CreateProjectSettingsDocument, {
      input: { projectId, groupAccess: [{ groupName: 'devs', role: 'EDIT' }], repositories: [{ url: 'https://gitlab.com/a/b.git', provider: 'GITLAB' }] },
    });
    expect(createProjectSettings).toMatchObject({ projectId, groupAccess: [{ groupName: 'devs', role: 'EDIT' }], repositories: [{ provider: 'GITLAB' }] });
    const { updateProjectSettings } = await server().data(UpdateProjectSettingsDocument, { id: createProjectSettings.id, input: { groupAccess: [] } });
    expect(updateProjectSettings.groupAccess).toEqual([]);
    await server().data(DeleteProjectSettingsDocument, { id: createProjectSettings.id });
  });

  test('Agent, Skill, Task, Workflow, WorkflowSkill, WorkflowTask', async () => {
    const agent = (await server().data(CreateAgentDocument, { input: { projectId, name: 'helper', prompt: 'Help.' } })).createAgent;
    expect((await server().data(UpdateAgentDocument, { id: agent.id, input: { prompt: 'Help more.' } })).updateAgent.prompt).toBe('Help more.');
    const skill = (await server().data(CreateSkillDocument, { input: { projectId, name: 'lint' } })).createSkill;
    expect((await server().data(UpdateSkillDocument, { id: skill.id, input: { prompt: 'Run the linter.' } })).updateSkill.prompt).toBe('Run the linter.');
    const task = (await server().data(CreateTaskDocument, { input: { projectId, name: 'release' } })).createTask;
    expect((await server().data(UpdateTaskDocument, { id: task.id, input: { name: 'ship' } })).updateTask.name).toBe('ship');
    const workflow = (await server().data(CreateWorkflowDocument, { input: { projectId, name: 'flow', agentId: agent.id } })).createWorkflow;
    expect((await server().data(UpdateWorkflowDocument, { id: workflow.id, input: { branch: 'dev' } })).updateWorkflow).toMatchObject({
      branch: 'dev',
      agentId: agent.id,
    });
    const member = (await server().data(CreateWorkflowSkillDocument, { input: { workflowId: workflow.id, skillId: skill.id } })).createWorkflowSkill;
    expect((await server().data(UpdateWorkflowSkillDocument, { id: member.id, input: { position: 3 } })).updateWorkflowSkill.position).toBe(3);
    const step = (await server().data(CreateWorkflowTaskDocument, { input: { workflowId: workflow.id, taskId: task.id, position: 1 } })).createWorkflowTask;
    expect((await server().data(UpdateWorkflowTaskDocument, { id: step.id, input: { position: 2 } })).updateWorkflowTask.position).toBe(2);
    expect((await server().data(WorkflowDocument, { id: workflow.id })).workflow).toMatchObject({
      agent: { name: 'helper' },
      skills: [{ name: 'lint' }],
      tasks: [{ name: 'ship' }],
    });

    await server().data(DeleteWorkflowTaskDocument, { id: step.id });
    await server().data(DeleteWorkflowSkillDocument, { id: member.id });
    await server().data(DeleteWorkflowDocument, { id: workflow.id });
    await server().data(DeleteTaskDocument, { id: task.id });
    await server().data(DeleteSkillDocument, { id: skill.id });
    await server().data(DeleteAgentDocument, { id: agent.id });
  });

  test('Permission, RepositoryRef', async () => {
    const permission = (await server().data(CreatePermissionDocument, { input: { projectId, subjectType: 'USER', subjectName: 'alice', role: 'VIEW' } }))
      .createPermission;
    expect(permission).toMatchObject({ subjectType: 'USER', subjectName: 'alice', role: 'VIEW' });
    expect((await server().data(UpdatePermissionDocument, { id: permission.id, input: { role: 'EDIT' } })).updatePermission.role).toBe('EDIT');
    await server().data(DeletePermissionDocument, { id: permission.id });

    const ref = (await server().data(CreateRepositoryRefDocument, { input: { projectId, url: 'https://github.com/acme/platform.git' } })).createRepositoryRef;
    expect(ref).toMatchObject({ name: 'platform', provider: 'GITHUB', owner: 'acme', repoName: 'platform' });
    expect((await server().data(UpdateRepositoryRefDocument, { id: ref.id, input: { branch: 'main' } })).updateRepositoryRef.branch).toBe('main');
    await server().data(DeleteRepositoryRefDocument, { id: ref.id });
  });

  test('ProjectKey: the secret only in the create response', async () => {
    const { createProjectKey } = await server().data(CreateProjectKeyDocument, {
      input: { projectId, name: 'ci', role: 'VIEW', expiresAt: '2099-01-01T00:00:00+02:00' },
    });
    expect(createProjectKey).toMatchObject({ name: 'ci', role: 'VIEW', expiresAt: '2098-12-31T22:00:00.000Z' });
    expect(createProjectKey.key).toMatch(/^apk_/);
    expect((await server().data(ProjectKeyDocument, { id: createProjectKey.id })).projectKey?.key).toBeNull();
    expect((await server().data(UpdateProjectKeyDocument, { id: createProjectKey.id, input: { description: 'for CI' } })).updateProjectKey.description).toBe(
      'for CI',
    );
    await server().data(DeleteProjectKeyDocument, { id: createProjectKey.id });
  });

  test('User and Credential', async () => {
    const user = (await server().data(CreateUserDocument, { input: { username: 'carol', name: 'Carol', groups: ['ops'] } })).createUser;
    expect((await server().data(UpdateUserDocument, { id: user.id, input: { email: 'carol@example.com' } })).updateUser).toMatchObject({
      email: 'carol@example.com',
      groups: ['ops'],
    });
    const carol = await server().domain.get(as(platformAdmin), User, decode(user.id));
    server().actors.set('carol', userActor(carol));
    const credential = (
      await server().data(CreateCredentialDocument, { input: { provider: 'GITHUB', token: 'ghp_0123456789', installationId: 3_000_000_000 } }, { as: 'carol' })
    ).createCredential;
    expect(credential).toMatchObject({ provider: 'GITHUB', authType: 'PAT', hasToken: true, installationId: 3_000_000_000, url: 'https://github.com' });
    expect((await server().data(UpdateCredentialDocument, { id: credential.id, input: { token: null } }, { as: 'carol' })).updateCredential.hasToken).toBe(
      false,
    );
    await server().data(DeleteCredentialDocument, { id: credential.id }, { as: 'carol' });
    await server().data(DeleteUserDocument, { id: user.id });
  });
});

function decode(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]!;
}

describe('session lifecycle and actions', () => {
  let sessionId: string;

  test('create, update, start, stop', async () => {
    const created = (
      await server().data(CreateSessionDocument, {
        input: {
          projectId,
          name: 'feature',
          llmTemperature: 0,
          labels: [{ key: 'app', value: 'web' }],
          environmentVariables: [{ key: 'DEBUG', value: '1' }],
          resourceOverrides: { cpu: '1' },
        },
      })
    ).createSession;
    sessionId = created.id;
    expect(created).toMatchObject({
      llmTemperature: 0,
      llmModel: 'sonnet',
      timeout: 300,
      labels: [{ key: 'app', value: 'web' }],
      resourceOverrides: { cpu: '1', memory: null },
      phase: null,
    });
    const updated = (await server().data(UpdateSessionDocument, { id: sessionId, input: { llmModel: '', labels: null, prompt: 'Go' } })).updateSession;
    expect(updated).toMatchObject({ llmModel: 'sonnet', labels: null, prompt: 'Go' });
    expect((await server().data(StartSessionDocument, { id: sessionId })).startSession.phase).toBe('PENDING');
    expect((await server().data(StopSessionDocument, { id: sessionId })).stopSession.phase).toBe('STOPPING');
    const [again] = await server().errors(StopSessionDocument, { id: sessionId });
    expect(again).toMatchObject({
      message: 'cannot stop session in phase "Stopping"; must be Running, Creating, or Pending',
      extensions: { code: 6, name: 'Conflict' },
    });
  });

  test('status write-back with structured conditions and reconciled state', async () => {
    const { updateSessionStatus } = await server().data(UpdateSessionStatusDocument, {
      id: sessionId,
      input: {
        phase: 'RUNNING',
        startTime: '2026-03-02T09:14:07.532Z',
        conditions: [{ type: 'Ready', status: 'TRUE', reason: 'PodReady' }],
        reconciledRepos: [{ url: 'https://github.com/acme/web.git', status: 'READY', branches: ['main', 'dev'] }],
        reconciledWorkflow: { gitUrl: 'https://github.com/acme/flows.git', status: 'ACTIVE' },
        sdkRestartCount: 2,
      },
    });
    expect(updateSessionStatus).toMatchObject({
      phase: 'RUNNING',
      startTime: '2026-03-02T09:14:07.532Z',
      conditions: [{ type: 'Ready', status: 'TRUE', reason: 'PodReady', message: null }],
      reconciledRepos: [{ status: 'READY', branches: ['main', 'dev'] }],
      reconciledWorkflow: { gitUrl: 'https://github.com/acme/flows.git', status: 'ACTIVE' },
      sdkRestartCount: 2,
    });
    await server().data(UpdateSessionStatusDocument, { id: sessionId, input: { phase: 'STOPPED', sdkRestartCount: null } });
    const [empty] = await server().errors(UpdateSessionStatusDocument, { id: sessionId, input: {} });
    expect(empty!.extensions.code).toBe(8);
  });

  test('repositories: add, refuse a duplicate, remove, refuse an unknown name', async () => {
    const added = (await server().data(AddSessionRepoDocument, { id: sessionId, input: { url: 'https://github.com/acme/api.git' } })).addSessionRepo;
    expect(added.repos).toEqual([{ url: 'https://github.com/acme/api.git', branch: 'main', autoPush: false }]);
    const [duplicate] = await server().errors(AddSessionRepoDocument, { id: sessionId, input: { url: 'https://gitlab.com/other/api.git', autoPush: true } });
    expect(duplicate).toMatchObject({ message: "repository 'api' already in session", extensions: { code: 6 } });
    expect((await server().data(RemoveSessionRepoDocument, { id: sessionId, name: 'api' })).removeSessionRepo.repos).toEqual([]);
    const [missing] = await server().errors(RemoveSessionRepoDocument, { id: sessionId, name: 'api' });
    expect(missing).toMatchObject({ message: "repository 'api' not found in session", extensions: { code: 7 } });
  });

  test('workflow selection by id or by git coordinates; clone; delete', async () => {
    const workflow = (await server().data(CreateWorkflowDocument, { input: { projectId, name: 'chosen' } })).createWorkflow;
    const byId = (await server().data(SelectSessionWorkflowDocument, { id: sessionId, input: { workflowId: workflow.id } })).selectSessionWorkflow;
    expect(byId.workflow).toMatchObject({ id: workflow.id, name: 'chosen' });
    const byGit = (
      await server().data(SelectSessionWorkflowDocument, { id: sessionId, input: { gitUrl: 'https://github.com/acme/flows.git', path: 'review' } })
    ).selectSessionWorkflow;
    expect(byGit.workflow).toMatchObject({ name: 'review', repoUrl: 'https://github.com/acme/flows.git', path: 'review', branch: null });
    const [both] = await server().errors(SelectSessionWorkflowDocument, { id: sessionId, input: {} });
    expect(both).toMatchObject({ message: 'exactly one of workflow_id or git_url is required', extensions: { code: 8 } });

    const clone = (await server().data(CloneSessionDocument, { id: sessionId, input: { name: 'feature-copy' } })).cloneSession;
    expect(clone).toMatchObject({
      name: 'feature-copy',
      parent: { id: sessionId },
      phase: null,
      prompt: 'Go',
      environmentVariables: [{ key: 'DEBUG', value: '1' }],
    });
    const { session } = await server().data(SessionDocument, { id: sessionId });
    expect(session?.children.nodes).toEqual([{ id: clone.id, name: 'feature-copy' }]);

    expect((await server().data(DeleteSessionDocument, { id: clone.id })).deleteSession.deletedId).toBe(clone.id);
    expect((await server().data(SessionDocument, { id: clone.id })).session).toBeNull();
  });
});

describe('errors carry the REST codes', () => {
  test('409 code 6: a unique value taken', async () => {
    const [error] = await server().errors(CreateProjectDocument, { input: { name: 'writes' } });
    expect(error).toMatchObject({ message: "Project with name='writes' already exists", path: ['createProject'], extensions: { code: 6, name: 'Conflict' } });
  });

  test('404 code 7: an unknown id, or an id of another type', async () => {
    const [unknown] = await server().errors(UpdateAgentDocument, { id: Buffer.from('Agent:nope').toString('base64'), input: { name: 'x' } });
    expect(unknown).toMatchObject({ message: "Agent with id='nope' not found", extensions: { code: 7, name: 'NotFound' } });
    const [wrongType] = await server().errors(StartSessionDocument, { id: projectId });
    expect(wrongType!.extensions.code).toBe(7);
  });

  test('400 code 8: invalid values name their field; the schema reports every invalid field at once', async () => {
    const [error] = await server().errors(CreateSessionDocument, { input: { projectId, name: '', llmTemperature: 3 } });
    expect(error).toMatchObject({
      extensions: {
        code: 8,
        field: 'name',
        issues: [
          { field: 'name', message: 'name must be between 1 and 255 characters' },
          { field: 'llmTemperature', message: 'llm_temperature must be between 0 and 2' },
        ],
      },
    });
    const [shape] = await server().errors(CreateSessionDocument, { input: { projectId, name: 'x', repos: [{ url: 'not a url' }] } });
    expect(shape).toMatchObject({ extensions: { code: 8, field: 'repos' } });
    expect(shape!.message).toMatch(/^repos: item 0: url must be a git URL/);
    const [labels] = await server().errors(CreateSessionDocument, {
      input: {
        projectId,
        name: 'x',
        labels: [
          { key: 'a', value: '1' },
          { key: 'a', value: '2' },
        ],
      },
    });
    expect(labels).toMatchObject({ message: "labels: key 'a' is listed twice", extensions: { code: 8, field: 'labels' } });
    const [reference] = await server().errors(CreateSessionDocument, { input: { projectId, name: 'x', workflowId: projectId } });
    expect(reference).toMatchObject({ extensions: { code: 8, field: 'workflowId' } });
    const other = (await server().data(CreateProjectDocument, { input: { name: 'elsewhere' } })).createProject;
    const foreign = (await server().data(CreateWorkflowDocument, { input: { projectId: other.id, name: 'theirs' } })).createWorkflow;
    const [sameProject] = await server().errors(CreateSessionDocument, { input: { projectId, name: 'x', workflowId: foreign.id } });
    expect(sameProject).toMatchObject({ message: `workflow_id '${decode(foreign.id)}' not found`, extensions: { code: 8, field: 'workflowId' } });
  });

  test('403 code 11 for a visible object the caller may not change; 404 for an invisible one', async () => {
    const { domain } = server();
    const viewer = await domain.create(as(platformAdmin), User, { username: 'victor', name: 'Victor' });
    server().actors.set('victor', userActor(viewer));
    await server().data(CreatePermissionDocument, { input: { projectId, subjectType: 'USER', subjectName: 'victor', role: 'VIEW' } });
    const [forbidden] = await server().errors(UpdateProjectDocument, { id: projectId, input: { description: 'mine' } }, { as: 'victor' });
    expect(forbidden).toMatchObject({ message: 'Account is unauthorized to perform this action', extensions: { code: 11, name: 'Forbidden' } });
    const hidden = (await server().data(CreateProjectDocument, { input: { name: 'hidden' } })).createProject;
    const [invisible] = await server().errors(UpdateProjectDocument, { id: hidden.id, input: { description: 'mine' } }, { as: 'victor' });
    expect(invisible!.extensions.code).toBe(7);
  });

  test('401 code 15 without usable credentials', async () => {
    const result = await server().execute(ProjectsDocument, {}, { as: 'nobody' });
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ message: 'Account authentication could not be verified', extensions: { code: 15 } });
  });

  test('400 code 17 for a variable of the wrong type, 21 for an invalid document', async () => {
    const wrongType = await server().execute(UpdateSessionDocument, { id: projectId, input: { timeout: 'soon' as unknown as number } });
    expect(wrongType.errors?.[0]?.extensions.code).toBe(17);
    const res = await fetch(server().url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer admin' },
      body: JSON.stringify({ query: '{ projects { nope } }' }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: number } }[] };
    expect(body.errors[0]!.extensions.code).toBe(21);
  });
});
