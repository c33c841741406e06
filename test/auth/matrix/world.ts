import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll } from 'vitest';
import { systemActor, type UserActor } from '../../../src/auth/actor.ts';
import type { Domain } from '../../../src/domain/service.ts';
import type { Row } from '../../../src/domain/wire.ts';
import { Credential, Permission, Project, ProjectKey, ProjectSettings, Skill, Task, Workflow } from '../../../src/kinds/index.ts';
import type { Role } from '../../../src/kinds/rules.ts';
import { as } from '../../support/fixtures.ts';
import { useAuthServer, type AuthServer } from '../server.ts';
import { jwks, mint, signingKey } from '../tokens.ts';

/**
 * The cast of the authorization matrix (runtime.md §c.5) and the project they meet in.
 *
 * A world is one project P: `ada` created it (admin by user Permission), `vera` may view it (user
 * Permission), `eddie` may edit it through the group `editors` (granted by the project settings'
 * `group_access`), and two project keys act in it with view and edit. `olga` is admin of another
 * project Q and has no role in P; `root` is a platform admin through `group:platform`.
 */

export const PRINCIPALS = ['anonymous', 'other', 'viewer', 'editor', 'admin', 'keyView', 'keyEdit', 'platformAdmin'] as const;
export type Principal = (typeof PRINCIPALS)[number];

/** Each principal's role in P. */
export const ROLE_IN_P: Record<Principal, Role | null> = {
  anonymous: null,
  other: null,
  viewer: 'view',
  editor: 'edit',
  admin: 'admin',
  keyView: 'view',
  keyEdit: 'edit',
  platformAdmin: 'admin',
};

export const isKey = (who: Principal) => who === 'keyView' || who === 'keyEdit';

const USERS = {
  other: { username: 'olga', groups: [] },
  viewer: { username: 'vera', groups: [] },
  editor: { username: 'eddie', groups: ['editors'] },
  admin: { username: 'ada', groups: [] },
  platformAdmin: { username: 'root', groups: ['platform'] },
} as const;
type UserPrincipal = keyof typeof USERS;

export interface Cast {
  server: () => AuthServer;
  /** The JWT of each user principal. */
  tokens: Record<UserPrincipal, string>;
  /** Domain actors of the users (for building fixtures as them). */
  actors: Record<UserPrincipal, UserActor>;
  /** Olga's project. */
  otherProject: Row;
  world(): Promise<World>;
}

export interface World {
  project: Row;
  /** Bearer token per principal (undefined: anonymous). */
  tokens: Record<Principal, string | undefined>;
  domain: Domain;
}

export const system = as(systemActor('matrix'));

let counter = 0;
export const unique = (base: string) => `${base}-${process.pid.toString(36)}-${(counter++).toString(36)}`;

/** Starts the server with JWT authentication from a JWKS file, and signs in the cast. */
export function useCast(extraEnv: Record<string, string> = {}): Cast {
  let jwksFile = '';
  const signer = { key: undefined as Awaited<ReturnType<typeof signingKey>> | undefined };
  beforeAll(async () => {
    signer.key = await signingKey('matrix');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-matrix-'));
    jwksFile = path.join(dir, 'jwks.json');
    await fs.writeFile(jwksFile, JSON.stringify(jwks(signer.key)));
  });
  // The built-in workflows live on no provider here: listing them fails the same way with or without a network.
  const server = useAuthServer(() => ({
    AUTH_JWKS_FILE: jwksFile,
    AUTH_PLATFORM_ADMINS: 'group:platform',
    OOTB_WORKFLOWS_REPO: 'https://workflows.invalid/acme/workflows',
    ...extraEnv,
  }));
  const cast = { server } as Cast;
  beforeAll(async () => {
    const s = server();
    cast.tokens = {} as Cast['tokens'];
    cast.actors = {} as Cast['actors'];
    for (const [who, user] of Object.entries(USERS) as [UserPrincipal, (typeof USERS)[UserPrincipal]][]) {
      const token = await mint(signer.key!, user.username, { claims: { groups: [...user.groups], exp: Math.floor(Date.now() / 1000) + 4 * 3600 } });
      // The first request provisions the user.
      const me = await s.graphql<{ viewer: { databaseId: string } }>('{ viewer { databaseId } }', {}, token);
      cast.tokens[who] = token;
      cast.actors[who] = {
        type: 'user',
        userId: me.data!.viewer.databaseId,
        username: user.username,
        groups: [...user.groups],
        platformAdmin: who === 'platformAdmin',
      };
    }
    cast.otherProject = await s.services.domain.create(as(cast.actors.other), Project, { name: unique('q') });
    cast.world = () => buildWorld(cast);
  });
  return cast;
}

async function buildWorld(cast: Cast): Promise<World> {
  const d = cast.server().services.domain;
  const ada = as(cast.actors.admin);
  const project = await d.create(ada, Project, { name: unique('p') });
  await d.create(ada, Permission, { project_id: project.id, subject_type: 'user', subject_name: 'vera', role: 'view' });
  await d.create(ada, ProjectSettings, { project_id: project.id, group_access: JSON.stringify([{ group_name: 'editors', role: 'edit' }]) });
  const keyView = await d.create(ada, ProjectKey, { project_id: project.id, name: 'view-key', role: 'view' });
  const keyEdit = await d.create(ada, ProjectKey, { project_id: project.id, name: 'edit-key', role: 'edit' });
  return {
    project,
    domain: d,
    tokens: { anonymous: undefined, ...cast.tokens, keyView: keyView['key'] as string, keyEdit: keyEdit['key'] as string },
  };
}

/** Fresh objects in a world's project, made by the server itself. */
export const make = {
  workflow: (w: World) => w.domain.create(system, Workflow, { project_id: w.project.id, name: unique('wf') }),
  skill: (w: World) => w.domain.create(system, Skill, { project_id: w.project.id, name: unique('skill') }),
  task: (w: World) => w.domain.create(system, Task, { project_id: w.project.id, name: unique('task') }),
  /** A key created by the editor (so the editor owns it and the edit key, created by the admin, does not). */
  editorsKey: (w: World, cast: Cast) => w.domain.create(as(cast.actors.editor), ProjectKey, { project_id: w.project.id, name: unique('key'), role: 'view' }),
  /** The admin's gitlab credential (one per user and provider: an earlier one is deleted first). */
  async adminsCredential(w: World, cast: Cast) {
    const existing = await w.domain.list(as(cast.actors.admin), Credential, {});
    for (const row of existing.rows) await w.domain.delete(system, Credential, row.id);
    // An unreachable URL: the live test answers valid:false at once.
    return w.domain.create(as(cast.actors.admin), Credential, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst', url: 'https://127.0.0.1:1' });
  },
};
