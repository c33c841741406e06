import { encodeGlobalID } from '@pothos/plugin-relay';
import { beforeAll, describe, expect, test } from 'vitest';
import {
  AllProjectSettingsDocument,
  CredentialsDocument,
  NodeDocument,
  ProjectByNameDocument,
  ProjectDocument,
  ProjectKeysDocument,
  ProjectsDocument,
  SessionDocument,
  SessionsDocument,
  UserByUsernameDocument,
  UserDocument,
  ViewerDocument,
  WorkflowDocument,
  type SessionsQueryVariables,
} from '../../src/generated/graphql/graphql.ts';
import type { Row } from '../../src/domain/wire.ts';
import {
  Agent,
  Credential,
  Permission,
  Project,
  ProjectKey,
  ProjectSettings,
  Session,
  Skill,
  Task,
  User,
  Workflow,
  WorkflowSkill,
  WorkflowTask,
} from '../../src/kinds/index.ts';
import { as, platformAdmin, userActor } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/** Reads over HTTP: every relation both ways, JSON shapes, filters, ordering, paging, visibility. */

const server = useGraphqlServer();
const admin = as(platformAdmin);
const gid = (kind: { name: string }, row: Row) => encodeGlobalID(kind.name, row.id);

let alpha: Row;
let beta: Row;
let viewerUser: Row;
let workflow: Row;
let agent: Row;
let skills: Row[];
let tasks: Row[];
let sessions: Row[];
let child: Row;
let deleted: Row;

beforeAll(async () => {
  const { domain } = server();
  alpha = await domain.create(admin, Project, { name: 'alpha', labels: JSON.stringify({ team: 'web' }) });
  beta = await domain.create(admin, Project, { name: 'beta' });
  viewerUser = await domain.create(admin, User, { username: 'vera', name: 'Vera Viewer', groups: ['readers'] });
  await domain.create(admin, Permission, { project_id: alpha.id, subject_type: 'group', subject_name: 'readers', role: 'view' });
  server().actors.set('vera', userActor(viewerUser, ['readers']));
  await domain.create(admin, ProjectSettings, {
    project_id: alpha.id,
    repositories: JSON.stringify([{ url: 'https://github.com/acme/web.git', provider: 'github' }]),
  });
  agent = await domain.create(admin, Agent, { project_id: alpha.id, name: 'reviewer', prompt: 'Review.' });
  workflow = await domain.create(admin, Workflow, { project_id: alpha.id, name: 'ship', agent_id: agent.id });
  skills = [
    await domain.create(admin, Skill, { project_id: alpha.id, name: 'lint' }),
    await domain.create(admin, Skill, { project_id: alpha.id, name: 'test' }),
  ];
  tasks = [await domain.create(admin, Task, { project_id: alpha.id, name: 'plan' })];
  // Positions out of creation order: the workflow lists its skills by position.
  await domain.create(admin, WorkflowSkill, { workflow_id: workflow.id, skill_id: skills[0]!.id, position: 2 });
  await domain.create(admin, WorkflowSkill, { workflow_id: workflow.id, skill_id: skills[1]!.id, position: 1 });
  await domain.create(admin, WorkflowTask, { workflow_id: workflow.id, task_id: tasks[0]!.id, position: 0 });
  sessions = [];
  for (const [i, name] of ['Fix login', 'fix logout', 'Refactor auth', 'Write docs', 'Upgrade deps'].entries()) {
    sessions.push(
      await domain.create(admin, Session, {
        project_id: alpha.id,
        name,
        llm_temperature: i / 10,
        workflow_id: i < 2 ? workflow.id : null,
        assigned_user_id: i === 0 ? viewerUser.id : null,
        repos: JSON.stringify([{ url: `https://github.com/acme/repo${i}.git`, branch: 'main', auto_push: i % 2 === 0 }]),
        environment_variables: JSON.stringify({ LOG_LEVEL: 'debug' }),
        resource_overrides: JSON.stringify({ cpu: '2', memory: '4Gi' }),
      }),
    );
  }
  child = await domain.create(admin, Session, { project_id: alpha.id, name: 'Fix login, part 2', parent_session_id: sessions[0]!.id });
  await domain.create(admin, Session, { project_id: beta.id, name: 'Beta work' });
  deleted = await domain.create(admin, Session, { project_id: alpha.id, name: 'Gone' });
  await domain.delete(admin, Session, deleted.id);
});

describe('relations both ways', () => {
  test('a session with its project, workflow, assignee, parent and children; JSON fields as types', async () => {
    const { session } = await server().data(SessionDocument, { id: gid(Session, sessions[0]!) });
    expect(session).toMatchObject({
      name: 'Fix login',
      databaseId: sessions[0]!.id,
      project: { id: gid(Project, alpha), name: 'alpha' },
      workflow: { id: gid(Workflow, workflow), name: 'ship' },
      assignee: { id: gid(User, viewerUser), username: 'vera' },
      creator: null,
      parent: null,
      children: { totalCount: 1, nodes: [{ id: gid(Session, child), name: 'Fix login, part 2' }] },
      repos: [{ url: 'https://github.com/acme/repo0.git', branch: 'main', autoPush: true }],
      environmentVariables: [{ key: 'LOG_LEVEL', value: 'debug' }],
      resourceOverrides: { cpu: '2', memory: '4Gi', storageClass: null, priorityClass: null },
      projectId: gid(Project, alpha),
      workflowId: gid(Workflow, workflow),
      kubeNamespace: 'alpha',
    });
    const { session: second } = await server().data(SessionDocument, { id: gid(Session, child) });
    expect(second?.parent).toEqual({ id: gid(Session, sessions[0]!), name: 'Fix login' });
  });

  test('a project with its settings, permissions, agents and workflows', async () => {
    const { project } = await server().data(ProjectDocument, { id: gid(Project, alpha) });
    expect(project).toMatchObject({
      name: 'alpha',
      status: 'ACTIVE',
      viewerRole: 'ADMIN',
      labels: [{ key: 'team', value: 'web' }],
      settings: {
        repositories: [{ url: 'https://github.com/acme/web.git', branch: null, provider: 'GITHUB' }],
        groupAccess: [{ groupName: 'readers', role: 'VIEW' }],
      },
      agents: { nodes: [{ name: 'reviewer' }] },
      workflows: { nodes: [{ name: 'ship' }] },
    });
    expect(project?.permissions.nodes).toContainEqual(expect.objectContaining({ subjectType: 'GROUP', subjectName: 'readers', role: 'VIEW' }));
  });

  test('a workflow with its agent, skills and tasks in position order, and its sessions', async () => {
    const { workflow: found } = await server().data(WorkflowDocument, { id: gid(Workflow, workflow) });
    expect(found).toMatchObject({
      agent: { name: 'reviewer' },
      skills: [{ name: 'test' }, { name: 'lint' }],
      tasks: [{ name: 'plan' }],
      workflowSkills: {
        totalCount: 2,
        nodes: [
          { position: 1, skill: { name: 'test' } },
          { position: 2, skill: { name: 'lint' } },
        ],
      },
      sessions: { totalCount: 2 },
    });
  });

  test('a user with the sessions assigned to them; lookups by unique keys; node', async () => {
    const { user } = await server().data(UserDocument, { id: gid(User, viewerUser) });
    expect(user).toMatchObject({ username: 'vera', assignedSessions: { totalCount: 1 }, createdSessions: { totalCount: 0 } });
    expect((await server().data(ProjectByNameDocument, { name: 'beta' })).projectByName?.id).toBe(gid(Project, beta));
    expect((await server().data(UserByUsernameDocument, { username: 'vera' })).userByUsername?.id).toBe(gid(User, viewerUser));
    expect((await server().data(NodeDocument, { id: gid(Session, sessions[1]!) })).node).toEqual({
      id: gid(Session, sessions[1]!),
      __typename: 'Session',
      name: 'fix logout',
    });
    expect((await server().data(NodeDocument, { id: gid(Project, beta) })).node).toMatchObject({ __typename: 'Project', name: 'beta' });
    // An id of another type, or of a deleted object, finds nothing.
    expect((await server().data(SessionDocument, { id: gid(Project, alpha) })).session).toBeNull();
    expect((await server().data(SessionDocument, { id: gid(Session, deleted) })).session).toBeNull();
    expect((await server().data(NodeDocument, { id: gid(Session, deleted) })).node).toBeNull();
  });
});

describe('filters and ordering', () => {
  const names = async (variables: SessionsQueryVariables) =>
    (await server().data(SessionsDocument, { first: 100, ...variables })).sessions.edges.map((e) => e.node.name);

  test('text, case-insensitive, identifiers, numbers, null and boolean combinations', async () => {
    expect(await names({ where: { name: { startsWith: 'Fix' } } })).toEqual(['Fix login', 'Fix login, part 2']);
    expect(await names({ where: { name: { startsWith: 'fix', caseInsensitive: true } } })).toEqual(['Fix login', 'fix logout', 'Fix login, part 2']);
    expect(await names({ where: { projectId: { eq: gid(Project, beta) } } })).toEqual(['Beta work']);
    expect(await names({ where: { workflowId: { in: [gid(Workflow, workflow)] }, llmTemperature: { gt: 0 } } })).toEqual(['fix logout']);
    expect(await names({ where: { parentSessionId: { isNull: false } } })).toEqual(['Fix login, part 2']);
    expect(await names({ where: { OR: [{ name: { eq: 'Write docs' } }, { name: { contains: 'deps' } }] } })).toEqual(['Write docs', 'Upgrade deps']);
    expect(await names({ where: { projectId: { eq: gid(Project, alpha) }, NOT: { name: { contains: 'ix' } } } })).toEqual([
      'Refactor auth',
      'Write docs',
      'Upgrade deps',
    ]);
    expect(await names({ where: { phase: { isNull: true }, createdAt: { gte: sessions[3]!['created_at'] as never } } })).toEqual([
      'Write docs',
      'Upgrade deps',
      'Fix login, part 2',
      'Beta work',
    ]);
  });

  test('order by any queryable field, ties broken by id; default is creation order', async () => {
    expect(await names({ where: { projectId: { eq: gid(Project, alpha) } }, orderBy: [{ field: 'NAME', direction: 'DESC' }] })).toEqual([
      'fix logout',
      'Write docs',
      'Upgrade deps',
      'Refactor auth',
      'Fix login, part 2',
      'Fix login',
    ]);
    expect(await names({ where: { workflowId: { isNull: false } }, orderBy: [{ field: 'LLM_TEMPERATURE', direction: 'DESC' }] })).toEqual([
      'fix logout',
      'Fix login',
    ]);
    expect((await names({})).slice(0, 2)).toEqual(['Fix login', 'fix logout']);
  });
});

describe('relay pagination', () => {
  test('forwards with first/after and backwards with last/before, totalCount over all pages', async () => {
    const where = { projectId: { eq: gid(Project, alpha) } };
    const first = (await server().data(SessionsDocument, { first: 2, where })).sessions;
    expect(first.totalCount).toBe(6);
    expect(first.edges.map((e) => e.node.name)).toEqual(['Fix login', 'fix logout']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await server().data(SessionsDocument, { first: 2, after: first.pageInfo.endCursor, where })).sessions;
    expect(second.edges.map((e) => e.node.name)).toEqual(['Refactor auth', 'Write docs']);
    const third = (await server().data(SessionsDocument, { first: 2, after: second.pageInfo.endCursor, where })).sessions;
    expect(third.edges.map((e) => e.node.name)).toEqual(['Upgrade deps', 'Fix login, part 2']);
    expect(third.pageInfo.hasNextPage).toBe(false);

    const last = (await server().data(SessionsDocument, { last: 2, where })).sessions;
    expect(last.edges.map((e) => e.node.name)).toEqual(['Upgrade deps', 'Fix login, part 2']);
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await server().data(SessionsDocument, { last: 2, before: last.pageInfo.startCursor, where })).sessions;
    expect(before.edges.map((e) => e.node.name)).toEqual(['Refactor auth', 'Write docs']);
    expect(before.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  test('ordered pages stay ordered across cursors', async () => {
    const orderBy = [{ field: 'NAME' as const, direction: 'ASC' as const }];
    const where = { projectId: { eq: gid(Project, alpha) } };
    const page1 = (await server().data(SessionsDocument, { first: 3, orderBy, where })).sessions;
    const page2 = (await server().data(SessionsDocument, { first: 3, after: page1.pageInfo.endCursor, orderBy, where })).sessions;
    expect([...page1.edges, ...page2.edges].map((e) => e.node.name)).toEqual([
      'Fix login',
      'Fix login, part 2',
      'Refactor auth',
      'Upgrade deps',
      'Write docs',
      'fix logout',
    ]);
  });
});

describe('what a caller may read', () => {
  test('a viewer sees the projects they have a role in, and nothing of the others', async () => {
    const projects = (await server().data(ProjectsDocument, { first: 10 }, { as: 'vera' })).projects;
    expect(projects.edges.map((e) => [e.node.name, e.node.viewerRole])).toEqual([['alpha', 'VIEW']]);
    const visible = (await server().data(SessionsDocument, { first: 100 }, { as: 'vera' })).sessions;
    expect(visible.totalCount).toBe(6);
    expect(visible.edges.every((e) => e.node.project.name === 'alpha')).toBe(true);
    expect((await server().data(ProjectByNameDocument, { name: 'beta' }, { as: 'vera' })).projectByName).toBeNull();
    expect((await server().data(ProjectDocument, { id: gid(Project, beta) }, { as: 'vera' })).project).toBeNull();
    expect((await server().data(NodeDocument, { id: gid(Project, beta) }, { as: 'vera' })).node).toBeNull();
    const betaSession = (await server().data(SessionsDocument, { first: 1, where: { projectId: { eq: gid(Project, beta) } } })).sessions.edges[0]!.node;
    expect((await server().data(SessionDocument, { id: betaSession.id }, { as: 'vera' })).session).toBeNull();
  });

  test('project keys need edit; credentials are their owner’s; the viewer is the caller', async () => {
    const { domain } = server();
    await domain.create(admin, ProjectKey, { project_id: alpha.id, name: 'ci' });
    expect((await server().data(ProjectKeysDocument, {})).projectKeys.totalCount).toBe(1);
    expect((await server().data(ProjectKeysDocument, {}, { as: 'vera' })).projectKeys.totalCount).toBe(0);
    await domain.create(as(userActor(viewerUser)), Credential, { provider: 'gitlab', token: 'glpat-0123456789abcdefghij' });
    const own = await server().data(CredentialsDocument, {}, { as: 'vera' });
    expect(own.credentials.nodes).toEqual([expect.objectContaining({ provider: 'GITLAB', authType: 'PAT', hasToken: true, userId: gid(User, viewerUser) })]);
    const someone = await domain.create(admin, User, { username: 'otto', name: 'Otto' });
    server().actors.set('otto', userActor(someone));
    expect((await server().data(CredentialsDocument, {}, { as: 'otto' })).credentials.totalCount).toBe(0);
    const viewer = (await server().data(ViewerDocument, {}, { as: 'vera' })).viewer;
    expect(viewer).toMatchObject({ username: 'vera', groups: ['readers'], credentials: { totalCount: 1, nodes: [{ provider: 'GITLAB', hasToken: true }] } });
    expect((await server().data(ViewerDocument, {})).viewer).toBeNull();
  });

  test('settings are read through their project', async () => {
    const all = await server().data(AllProjectSettingsDocument, {}, { as: 'vera' });
    expect(all.allProjectSettings.nodes.map((s) => s.project.name)).toEqual(['alpha']);
  });
});
