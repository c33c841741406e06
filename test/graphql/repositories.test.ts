import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { useAuthServer } from '../auth/server.ts';
import { jwks, mint, signingKey, type SigningKey } from '../auth/tokens.ts';
import { V1 } from '../support/api.ts';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';

/**
 * Repository browsing, forks, access and integration status in GraphQL (issue 15 item 7), over
 * real HTTP against a fake GitHub with the caller's own token: the same answers and errors as the
 * REST routes (test/rest/repositories.test.ts covers the providers in depth).
 */

let key: SigningKey;
let jwksFile: string;
let github: FakeGithub;
beforeAll(async () => {
  key = await signingKey('k1');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-gql-repos-'));
  jwksFile = path.join(dir, 'jwks.json');
  await fs.writeFile(jwksFile, JSON.stringify(jwks(key)));
  github = await startFakeGithub();
});
afterAll(() => github.close());
const server = useAuthServer(() => ({ AUTH_JWKS_FILE: jwksFile, GITHUB_API_URL: github.apiUrl }));

type Json = Record<string, unknown>;
const tokens: Record<string, string> = {};
async function token(who: string): Promise<string> {
  return (tokens[who] ??= await mint(key, who));
}
async function gql(who: string, query: string, variables: Json = {}) {
  return server().graphql<Json>(query, variables, await token(who));
}

beforeAll(async () => {
  const rest = async (who: string, method: string, p: string, body: unknown) => server().request(method, `${V1}${p}`, { token: await token(who), body });
  expect((await rest('ada', 'POST', '/projects', { name: 'gqlrepos' })).status).toBe(201);
  expect((await rest('ada', 'POST', '/permissions', { project_id: 'gqlrepos', subject_type: 'user', subject_name: 'bob', role: 'view' })).status).toBe(201);
  github.tokens.set('ghp_ada', 'ada');
  github.tokens.set('ghp_bob', 'bob');
  github.repos.set('acme/widgets', {
    default_branch: 'main',
    files: { 'README.md': '# Widgets\n', 'src/index.ts': 'export {};\n' },
    branches: [{ name: 'main', sha: '1'.repeat(40), protected: true }],
    forks: [{ owner: 'bob', name: 'widgets' }],
  });
  expect((await rest('ada', 'POST', '/credentials', { provider: 'github', token: 'ghp_ada' })).status).toBe(201);
  expect((await rest('bob', 'POST', '/credentials', { provider: 'github', token: 'ghp_bob' })).status).toBe(201);
});

test('tree, blob, branches and forks with the caller’s own token', async () => {
  const res = await gql(
    'bob',
    `query { t: repositoryTree(project: "gqlrepos", repo: "acme/widgets", ref: "main")
             b: repositoryBlob(project: "gqlrepos", repo: "acme/widgets", path: "src/index.ts")
             br: repositoryBranches(project: "gqlrepos", repo: "acme/widgets")
             f: repositoryForks(project: "gqlrepos", upstreamRepo: "acme/widgets") }`,
  );
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual({
    t: {
      path: '',
      entries: [
        { name: 'README.md', path: 'README.md', type: 'blob', size: 10 },
        { name: 'src', path: 'src', type: 'tree', size: 0 },
      ],
    },
    b: { content: 'export {};\n', encoding: 'utf-8' },
    br: { branches: [{ name: 'main', protected: true, default: true, commit: '1'.repeat(40) }] },
    f: { forks: [{ name: 'widgets', full_name: 'bob/widgets', url: 'https://github.com/bob/widgets' }] },
  });
  expect(github.requests.every((r) => r.endsWith(' bob'))).toBe(true);
});

test('access and integration status; a viewer may not fork (403 code 11); hostile names are 400 code 8', async () => {
  const res = await gql('bob', `query { projectAccess(project: "gqlrepos") integrationStatus }`);
  expect(res.data?.['projectAccess']).toMatchObject({ project: 'gqlrepos', user_role: 'view' });
  expect(res.data?.['integrationStatus']).toMatchObject({ github: { pat_configured: true }, google: { connected: false } });
  const fork = `mutation($repo: String!) { createRepositoryFork(project: "gqlrepos", upstreamRepo: $repo) }`;
  expect((await gql('bob', fork, { repo: 'acme/widgets' })).errors?.[0]?.extensions.code).toBe(11);
  expect((await gql('ada', fork, { repo: 'acme/widgets' })).data?.['createRepositoryFork']).toEqual({
    message: 'Fork creation requested',
    upstream_repo: 'acme/widgets',
  });
  const before = github.requests.length;
  const hostile = await gql('bob', `query { repositoryTree(project: "gqlrepos", repo: "../../x") }`);
  expect(hostile.errors?.[0]?.extensions.code).toBe(8);
  expect(github.requests.length).toBe(before);
  expect((await gql('carol', `query { repositoryBranches(project: "gqlrepos", repo: "acme/widgets") }`)).errors?.[0]?.extensions.code).toBe(7);
});
