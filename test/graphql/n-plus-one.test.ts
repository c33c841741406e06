import { beforeAll, expect, test } from 'vitest';
import { ProjectsWithLatestSessionsDocument, SessionsDocument } from '../../src/generated/graphql/graphql.ts';
import type { UserActor } from '../../src/auth/actor.ts';
import type { Row } from '../../src/domain/wire.ts';
import { Permission, Project, Session, User, Workflow } from '../../src/kinds/index.ts';
import { as, platformAdmin, userActor } from '../support/fixtures.ts';
import { useGraphqlServer } from './support.ts';

/**
 * No N+1: the number of SQL statements a query sends does not depend on how many items it
 * returns. Counted on the server's pool: Prisma's reads and the request's role lookup alike.
 */

const server = useGraphqlServer();

beforeAll(async () => {
  const { domain } = server();
  const admin = as(platformAdmin);
  const author = await domain.create(admin, User, { username: 'author', name: 'Author' });
  // An admin with a user row, so every session records its creator.
  const creator: UserActor = { ...userActor(author), platformAdmin: true };
  const reader = await domain.create(admin, User, { username: 'reader', name: 'Reader' });
  server().actors.set('reader', userActor(reader));
  for (let p = 0; p < 20; p++) {
    const project: Row = await domain.create(admin, Project, { name: `load-${String(p).padStart(2, '0')}` });
    await domain.create(admin, Permission, { project_id: project.id, subject_type: 'user', subject_name: 'reader', role: 'view' });
    const workflow = await domain.create(admin, Workflow, { project_id: project.id, name: 'flow' });
    for (let s = 0; s < 10; s++) {
      await domain.create(as(creator), Session, { project_id: project.id, name: `session-${p}-${s}`, workflow_id: workflow.id });
    }
  }
});

async function statementsFor(run: () => Promise<unknown>): Promise<number> {
  server().statements.reset();
  await run();
  return server().statements.count;
}

test('a page of sessions with project, workflow and creator: the same statements for 5 or 50', async () => {
  for (const caller of ['admin', 'reader']) {
    const few = await statementsFor(async () => {
      const { sessions } = await server().data(SessionsDocument, { first: 5 }, { as: caller });
      expect(sessions.edges).toHaveLength(5);
    });
    const many = await statementsFor(async () => {
      const { sessions } = await server().data(SessionsDocument, { first: 50 }, { as: caller });
      expect(sessions.edges).toHaveLength(50);
      expect(
        sessions.edges.every((e) => e.node.project.name.startsWith('load-') && e.node.workflow?.name === 'flow' && e.node.creator?.username === 'author'),
      ).toBe(true);
    });
    console.info(`sessions with project, workflow, creator as ${caller}: ${few} statements for 5, ${many} for 50`);
    expect(many).toBe(few);
  }
});

test('projects with their 10 latest sessions: the same statements for 2 or 20 projects', async () => {
  for (const caller of ['admin', 'reader']) {
    const few = await statementsFor(() => server().data(ProjectsWithLatestSessionsDocument, { first: 2, sessions: 10 }, { as: caller }));
    let latest: string[] = [];
    const many = await statementsFor(async () => {
      const { projects } = await server().data(ProjectsWithLatestSessionsDocument, { first: 20, sessions: 10 }, { as: caller });
      expect(projects.nodes).toHaveLength(20);
      expect(projects.nodes.every((p) => p.sessions.totalCount === 10 && p.sessions.nodes.length === 10)).toBe(true);
      latest = projects.nodes[0]!.sessions.nodes.map((s) => s.name);
    });
    expect(latest).toEqual(Array.from({ length: 10 }, (_, i) => `session-0-${9 - i}`));
    console.info(`projects with 10 latest sessions as ${caller}: ${few} statements for 2, ${many} for 20`);
    expect(many).toBe(few);
  }
});
