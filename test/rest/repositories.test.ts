import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { useAuthServer, type AuthServer } from '../auth/server.ts';
import { jwks, mint, signingKey, type SigningKey } from '../auth/tokens.ts';
import { expectError, V1 } from '../support/api.ts';
import { startFakeGithub, type FakeGithub } from '../support/fake-github.ts';
import { startFakeGitlab, type FakeGitlab } from '../support/fake-gitlab.ts';
import { PROVIDER_CA_FILE } from '../support/fake-http.ts';

/**
 * Repository browsing, forks, access, integration status and built-in workflows (runtime.md §d rows
 * 17–23) over real HTTP, against a fake GitHub (github.com on HTTP, an Enterprise server on HTTPS
 * behind a private CA) and a fake self-hosted GitLab on HTTPS under a path prefix, with each
 * caller's own stored credential.
 */

let key: SigningKey;
let jwksFile: string;
let appKeyFile: string;
let github: FakeGithub;
let ghe: FakeGithub;
let gitlab: FakeGitlab;

beforeAll(async () => {
  key = await signingKey('k1');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-repos-'));
  jwksFile = path.join(dir, 'jwks.json');
  await fs.writeFile(jwksFile, JSON.stringify(jwks(key)));
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  appKeyFile = path.join(dir, 'app.pem');
  await fs.writeFile(appKeyFile, app.privateKey.export({ type: 'pkcs1', format: 'pem' }));
  github = await startFakeGithub();
  github.appPublicKey = app.publicKey;
  ghe = await startFakeGithub({ tls: true, enterprise: true });
  gitlab = await startFakeGitlab({ tls: true, prefix: '/gitlab' });
});
afterAll(async () => {
  await github.close();
  await ghe.close();
  await gitlab.close();
});

const env = () => ({
  AUTH_JWKS_FILE: jwksFile,
  GITHUB_API_URL: github.apiUrl,
  PROVIDER_CA_FILE,
  GITHUB_APP_ID: '42',
  GITHUB_APP_PRIVATE_KEY_FILE: appKeyFile,
  OOTB_WORKFLOWS_REPO: 'https://github.com/ambient-code/workflows.git',
  OOTB_WORKFLOWS_CACHE_SECONDS: '0',
});
const server = useAuthServer(env);
/** The same, but without the private CA: the Enterprise server's and GitLab's certificates are not trusted. */
const untrusting = useAuthServer(() => ({ ...env(), PROVIDER_CA_FILE: '' }));

type Json = Record<string, unknown>;
type Res = Awaited<ReturnType<AuthServer['request']>>;
const tokens: Record<string, string> = {};
let project: string;

async function as(who: string, method: string, p: string, body?: unknown, s: AuthServer = server()): Promise<Res> {
  tokens[who] ??= await mint(key, who);
  return s.request(method, `${V1}${p}`, { token: tokens[who], ...(body !== undefined ? { body } : {}) });
}

async function credential(who: string, body: Json, s: AuthServer = server()): Promise<void> {
  const list = (await as(who, 'GET', '/credentials', undefined, s)).body as { items: Json[] };
  for (const item of list.items) if (item['provider'] === body['provider']) await as(who, 'DELETE', `/credentials/${item['id']}`, undefined, s);
  const created = await as(who, 'POST', '/credentials', body, s);
  expect(created.status, created.text).toBe(201);
}

const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

beforeAll(async () => {
  for (const s of [untrusting(), server()]) {
    const created = await as('ada', 'POST', '/projects', { name: 'repos' }, s);
    expect(created.status, created.text).toBe(201);
    project = (created.body as Json)['id'] as string;
    expect((await as('ada', 'POST', '/permissions', { project_id: project, subject_type: 'user', subject_name: 'bob', role: 'view' }, s)).status).toBe(201);
  }
  github.tokens.set('ghp_adatoken', 'ada');
  github.tokens.set('ghp_bobtoken', 'bob');
  github.repos.set('acme/widgets', {
    default_branch: 'main',
    files: {
      'README.md': '# Widgets\n',
      'src/index.ts': 'export {};\n',
      'src/lib/util.ts': 'export const x = 1;\n',
      'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]),
    },
    branches: [
      { name: 'main', sha: '1'.repeat(40), protected: true },
      ...Array.from({ length: 149 }, (_, i) => ({ name: `feature-${i}`, sha: `${i}`.padStart(40, '0') })),
    ],
    forks: [
      { owner: 'someone', name: 'widgets' },
      { owner: 'ada', name: 'my-widgets' },
    ],
  });
  github.repos.set('acme/secret', { default_branch: 'main', private: true, collaborators: ['carol'], files: { 'x.txt': 'x' }, branches: [], forks: [] });
  await credential('ada', { provider: 'github', token: 'ghp_adatoken' });
  await credential('bob', { provider: 'github', token: 'ghp_bobtoken' });
});

beforeEach(() => {
  github.failNext.length = 0;
  github.remaining.clear();
  github.requests.length = 0;
});

describe('GitHub (github.com) with the caller’s token', () => {
  test('tree: the root and a subdirectory, in the contract’s shape', async () => {
    const root = await as('bob', 'GET', `/projects/${project}/repo/tree${q({ repo: 'acme/widgets', ref: 'main' })}`);
    expect(root.status, root.text).toBe(200);
    expect(root.body).toEqual({
      path: '',
      entries: [
        { name: 'README.md', path: 'README.md', type: 'blob', size: 10 },
        { name: 'logo.png', path: 'logo.png', type: 'blob', size: 6 },
        { name: 'src', path: 'src', type: 'tree', size: 0 },
      ],
    });
    const sub = await as('bob', 'GET', `/projects/${project}/repo/tree${q({ repo: 'https://github.com/acme/widgets.git', ref: 'main', path: '/src/' })}`);
    expect(sub.body).toMatchObject({
      path: 'src',
      entries: [
        { name: 'index.ts', type: 'blob' },
        { name: 'lib', type: 'tree' },
      ],
    });
    // Bob's own token, on the API configured for github.com; the nested path goes through unencoded slashes.
    expect(github.requests).toEqual(['GET /repos/acme/widgets/contents?ref=main bob', 'GET /repos/acme/widgets/contents/src?ref=main bob']);
  });

  test('blob: text as utf-8, binary as base64, a directory as entries', async () => {
    const text = await as(
      'bob',
      'GET',
      `/projects/${project}/repo/blob${q({ repo: 'git@github.com:acme/widgets.git', ref: 'main', path: 'src/lib/util.ts' })}`,
    );
    expect(text.body).toEqual({ content: 'export const x = 1;\n', encoding: 'utf-8' });
    const binary = await as('bob', 'GET', `/projects/${project}/repo/blob${q({ repo: 'acme/widgets', path: 'logo.png' })}`);
    expect(binary.body).toEqual({ content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]).toString('base64'), encoding: 'base64' });
    const dir = await as('bob', 'GET', `/projects/${project}/repo/blob${q({ repo: 'acme/widgets', path: 'src' })}`);
    expect(dir.body).toMatchObject({ is_dir: true, path: 'src', entries: [{ name: 'index.ts' }, { name: 'lib' }] });
    expectError(await as('bob', 'GET', `/projects/${project}/repo/blob${q({ repo: 'acme/widgets' })}`), 400, 8);
  });

  test('branches: every page, with the default and protection marked', async () => {
    const res = await as('bob', 'GET', `/projects/${project}/repo/branches${q({ repo: 'acme/widgets' })}`);
    expect(res.status, res.text).toBe(200);
    const branches = (res.body as { branches: Json[] }).branches;
    expect(branches).toHaveLength(150);
    expect(branches[0]).toEqual({ name: 'main', protected: true, default: true, commit: '1'.repeat(40) });
    expect(branches.filter((b) => b['default'])).toHaveLength(1);
    expect(github.requests.filter((r) => r.includes('/branches'))).toHaveLength(2);
  });

  test('forks: only the caller’s; creating one is 202 and needs edit', async () => {
    const list = await as('ada', 'GET', `/projects/${project}/users/forks${q({ upstream_repo: 'acme/widgets' })}`);
    expect(list.body).toEqual({ forks: [{ name: 'my-widgets', full_name: 'ada/my-widgets', url: 'https://github.com/ada/my-widgets' }] });
    expectError(await as('bob', 'POST', `/projects/${project}/users/forks`, { upstream_repo: 'acme/widgets' }), 403, 11);
    github.tokens.set('ghp_adatoken', 'ada');
    const created = await as('ada', 'POST', `/projects/${project}/users/forks`, { upstream_repo: 'acme/widgets' });
    expect(created.status, created.text).toBe(202);
    expect(created.body).toEqual({ message: 'Fork creation requested', upstream_repo: 'acme/widgets' });
    expect(github.requests.filter((r) => r.startsWith('POST'))).toEqual(['POST /repos/acme/widgets/forks ada']);
    expectError(await as('ada', 'POST', `/projects/${project}/users/forks`, { upstream: 'acme/widgets' }), 400, 17);
  });
});

describe('provider errors become contract errors', () => {
  const tree = (repo = 'acme/widgets', who = 'bob') => as(who, 'GET', `/projects/${project}/repo/tree${q({ repo })}`);

  test('unknown and private repositories, unknown refs: 404 code 7', async () => {
    expect(expectError(await tree('acme/nothing'), 404, 7)).toContain('acme/nothing');
    expectError(await tree('acme/secret'), 404, 7);
    expectError(await as('bob', 'GET', `/projects/${project}/repo/tree${q({ repo: 'acme/widgets', ref: 'no-such-branch' })}`), 404, 7);
  });

  test('a revoked token: 403 code 11 that says to update the credential', async () => {
    github.tokens.delete('ghp_bobtoken');
    try {
      expect(expectError(await tree(), 403, 11)).toBe('GitHub rejected your credential (HTTP 401); update it under integrations');
    } finally {
      github.tokens.set('ghp_bobtoken', 'bob');
    }
  });

  test('a spent primary rate limit (403, x-ratelimit-remaining: 0): 429 code 34 with Retry-After until the reset', async () => {
    github.remaining.set('bob', 0);
    const res = await tree();
    expect(expectError(res, 429, 34)).toContain('GitHub rate limit exceeded');
    const wait = Number(res.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(1700);
    expect(wait).toBeLessThanOrEqual(1800);
  });

  test('a secondary rate limit (403 + retry-after) and a 429: Retry-After passed on', async () => {
    github.failNext.push('secondary-rate-limit');
    const secondary = await tree();
    expectError(secondary, 429, 34);
    expect(secondary.headers.get('retry-after')).toBe('42');
    github.failNext.push('too-many-requests');
    const throttled = await tree();
    expectError(throttled, 429, 34);
    expect(throttled.headers.get('retry-after')).toBe('7');
  });

  test('provider 5xx, a malformed body, an unreachable provider: 502 code 30', async () => {
    github.failNext.push('server-error');
    expect(expectError(await tree(), 502, 30)).toBe('GitHub failed (HTTP 502) for repository acme/widgets');
    github.failNext.push('malformed');
    expect(expectError(await tree(), 502, 30)).toContain('unexpected answer');
    // An Enterprise host nobody listens on.
    await credential('dan', { provider: 'github', token: 'ghp_dantoken', url: 'https://127.0.0.1:1' });
    expect((await as('ada', 'POST', '/permissions', { project_id: project, subject_type: 'user', subject_name: 'dan', role: 'view' })).status).toBe(201);
    const started = Date.now();
    expect(expectError(await tree('https://127.0.0.1:1/acme/widgets', 'dan'), 502, 30)).toContain('could not be reached');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('input and authorization before any provider call', () => {
  const tree = (params: Record<string, string>, who = 'bob') => as(who, 'GET', `/projects/${project}/repo/tree${q(params)}`);

  test('hostile repository names, paths and refs: 400 code 8, nothing forwarded', async () => {
    for (const repo of [
      '',
      '../../x',
      'acme/../../etc',
      'acme/widgets/..',
      'https://user:pw@github.com/acme/widgets',
      'file:///etc/passwd',
      'acme/wid%2Fgets',
      'acme/widgets?x=1',
    ])
      expectError(await tree({ repo }), 400, 8);
    for (const p of ['../secret', 'src/../../x', 'a\u0000b', 'a\\b']) expectError(await tree({ repo: 'acme/widgets', path: p }), 400, 8);
    for (const ref of ['main..dev', 'a b', '-x:y', '/main']) expectError(await tree({ repo: 'acme/widgets', ref }), 400, 8);
    expectError(await tree({ repo: 'https://example.com/acme/widgets' }), 400, 8);
    expect(github.requests).toEqual([]);
  });

  test('no role: 404; a caller without a credential or a project key: 403 code 11', async () => {
    expectError(await tree({ repo: 'acme/widgets' }, 'carol'), 404, 7);
    expectError(await as('bob', 'GET', `/projects/no-such-project/repo/tree${q({ repo: 'acme/widgets' })}`), 404, 7);
    expect((await as('ada', 'POST', '/permissions', { project_id: project, subject_type: 'user', subject_name: 'erin', role: 'edit' })).status).toBe(201);
    expect(expectError(await tree({ repo: 'acme/widgets' }, 'erin'), 403, 11)).toContain('no GitHub credential');
    expect(expectError(await tree({ repo: 'https://gitlab.com/g/p' }, 'erin'), 403, 11)).toContain('no GitLab credential');
    const created = await as('ada', 'POST', '/project_keys', { project_id: project, name: 'ci', role: 'view' });
    const apiKey = (created.body as Json)['key'] as string;
    const res = await server().request('GET', `${V1}/projects/${project}/repo/tree${q({ repo: 'acme/widgets' })}`, { token: apiKey });
    expect(expectError(res, 403, 11)).toContain('project key');
    expect(github.requests).toEqual([]);
  });
});

describe('GitHub Enterprise over HTTPS behind a private CA, and GitHub App installations', () => {
  beforeAll(() => {
    ghe.tokens.set('ghp_enterprise', 'frank');
    ghe.repos.set('corp/tool', { default_branch: 'trunk', files: { 'a.txt': 'enterprise\n' }, branches: [{ name: 'trunk', sha: 'e'.repeat(40) }], forks: [] });
  });

  test('the credential’s url picks the instance; its API lives under /api/v3', async () => {
    expect((await as('ada', 'POST', '/permissions', { project_id: project, subject_type: 'user', subject_name: 'frank', role: 'view' })).status).toBe(201);
    await credential('frank', { provider: 'github', token: 'ghp_enterprise', url: ghe.url });
    const res = await as('frank', 'GET', `/projects/${project}/repo/blob${q({ repo: `${ghe.url}/corp/tool`, path: 'a.txt' })}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ content: 'enterprise\n', encoding: 'utf-8' });
    expect(ghe.requests).toEqual(['GET /api/v3/repos/corp/tool/contents/a.txt frank']);
  });

  test('without PROVIDER_CA_FILE the private certificate is refused: 502 code 30', async () => {
    const s = untrusting();
    const [p] = ((await as('ada', 'GET', '/projects', undefined, s)).body as { items: Json[] }).items;
    expect((await as('ada', 'POST', '/permissions', { project_id: p!['id'], subject_type: 'user', subject_name: 'frank', role: 'view' }, s)).status).toBe(201);
    await credential('frank', { provider: 'github', token: 'ghp_enterprise', url: ghe.url }, s);
    const res = await as('frank', 'GET', `/projects/${p!['id'] as string}/repo/tree${q({ repo: `${ghe.url}/corp/tool` })}`, undefined, s);
    expect(expectError(res, 502, 30)).toMatch(/could not be reached|certificate/i);
  });

  test('an App installation credential: an installation token is minted with the App’s JWT, then used', async () => {
    github.installations.set(777, 'acme');
    github.repos.get('acme/secret')!.collaborators = ['carol'];
    expect((await as('ada', 'POST', '/permissions', { project_id: project, subject_type: 'user', subject_name: 'carol', role: 'view' })).status).toBe(201);
    await credential('carol', { provider: 'github', installation_id: 777, username: 'carol' });
    const res = await as('carol', 'GET', `/projects/${project}/repo/blob${q({ repo: 'acme/secret', path: 'x.txt' })}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ content: 'x', encoding: 'utf-8' });
    expect(github.requests).toEqual(['POST /app/installations/777/access_tokens app', 'GET /repos/acme/secret/contents/x.txt installation:777']);
    // The token is cached until near expiry: the next call mints nothing.
    github.requests.length = 0;
    await as('carol', 'GET', `/projects/${project}/repo/tree${q({ repo: 'acme/secret' })}`);
    expect(github.requests).toEqual(['GET /repos/acme/secret/contents installation:777']);
    // An installation the App cannot see: the caller's credential is the problem.
    await credential('carol', { provider: 'github', installation_id: 999, username: 'carol' });
    expect(expectError(await as('carol', 'GET', `/projects/${project}/repo/tree${q({ repo: 'acme/secret' })}`), 403, 11)).toContain('installation 999');
  });
});

describe('self-hosted GitLab over HTTPS under a path prefix', () => {
  let repo: string;
  beforeAll(async () => {
    gitlab.tokens.set('glpat-gracegracegracegrace', 'grace');
    gitlab.projects.set('platform/tools/cli', {
      default_branch: 'main',
      files: { 'README.md': 'cli\n', 'cmd/main.go': 'package main\n', 'cmd/util/x.go': 'package util\n' },
      branches: [
        { name: 'main', sha: 'c'.repeat(40), protected: true },
        { name: 'dev', sha: 'd'.repeat(40) },
      ],
      forks: [
        { owner: 'grace', path: 'grace/cli' },
        { owner: 'someone', path: 'someone/cli' },
      ],
    });
    repo = `${gitlab.url}/platform/tools/cli.git`;
    expect((await as('ada', 'POST', '/permissions', { project_id: project, subject_type: 'user', subject_name: 'grace', role: 'edit' })).status).toBe(201);
    await credential('grace', { provider: 'gitlab', token: 'glpat-gracegracegracegrace', url: gitlab.url });
  });
  beforeEach(() => {
    gitlab.requests.length = 0;
    gitlab.failNext.length = 0;
  });

  test('tree, blob (file and directory), branches', async () => {
    const tree = await as('grace', 'GET', `/projects/${project}/repo/tree${q({ repo, ref: 'main', path: 'cmd' })}`);
    expect(tree.status, tree.text).toBe(200);
    expect(tree.body).toEqual({
      path: 'cmd',
      entries: [
        { name: 'main.go', path: 'cmd/main.go', type: 'blob' },
        { name: 'util', path: 'cmd/util', type: 'tree' },
      ],
    });
    const blob = await as('grace', 'GET', `/projects/${project}/repo/blob${q({ repo, path: 'cmd/util/x.go' })}`);
    expect(blob.body).toEqual({ content: 'package util\n', encoding: 'utf-8' });
    const dir = await as('grace', 'GET', `/projects/${project}/repo/blob${q({ repo, ref: 'dev', path: 'cmd' })}`);
    expect(dir.body).toMatchObject({ is_dir: true, path: 'cmd', entries: [{ name: 'main.go' }, { name: 'util' }] });
    const branches = await as('grace', 'GET', `/projects/${project}/repo/branches${q({ repo: `${gitlab.url}/platform/tools/cli/-/tree/main` })}`);
    expect(branches.body).toEqual({
      branches: [
        { name: 'main', protected: true, default: true, commit: 'c'.repeat(40) },
        { name: 'dev', protected: false, default: false, commit: 'd'.repeat(40) },
      ],
    });
    // The project id is the URL-encoded path; the token travels as PRIVATE-TOKEN.
    expect(gitlab.requests[0]).toBe('GET /gitlab/api/v4/projects/platform%2Ftools%2Fcli/repository/tree?path=cmd&ref=main&per_page=100&page=1 grace');
  });

  test('forks: the caller’s own (owned=true); creating one answers 202', async () => {
    const list = await as('grace', 'GET', `/projects/${project}/users/forks${q({ upstream_repo: repo })}`);
    expect(list.body).toEqual({ forks: [{ name: 'cli', full_name: 'grace/cli', url: `${gitlab.url}/grace/cli` }] });
    gitlab.projects.get('platform/tools/cli')!.forks = [];
    const created = await as('grace', 'POST', `/projects/${project}/users/forks`, { upstream_repo: repo });
    expect(created.status, created.text).toBe(202);
    expect(gitlab.requests.at(-1)).toBe('POST /gitlab/api/v4/projects/platform%2Ftools%2Fcli/fork grace');
  });

  test('429 with Retry-After, 5xx, a malformed body, a redirect (never followed), a bad token', async () => {
    const tree = () => as('grace', 'GET', `/projects/${project}/repo/tree${q({ repo })}`);
    gitlab.failNext.push('rate-limit');
    const limited = await tree();
    expectError(limited, 429, 34);
    expect(limited.headers.get('retry-after')).toBe('30');
    gitlab.failNext.push('server-error');
    expect(expectError(await tree(), 502, 30)).toContain('GitLab failed (HTTP 503)');
    gitlab.failNext.push('malformed');
    expectError(await tree(), 502, 30);
    gitlab.failNext.push('redirect');
    expectError(await tree(), 502, 30);
    expect(gitlab.requests).toHaveLength(4);
    gitlab.tokens.delete('glpat-gracegracegracegrace');
    try {
      expect(expectError(await tree(), 403, 11)).toContain('GitLab rejected your credential');
    } finally {
      gitlab.tokens.set('glpat-gracegracegracegrace', 'grace');
    }
    expectError(await as('grace', 'GET', `/projects/${project}/repo/tree${q({ repo: `${gitlab.url}/platform/nothing` })}`), 404, 7);
  });
});

describe('access, integration status', () => {
  test('the caller’s effective role; no role is 404', async () => {
    expect((await as('ada', 'GET', `/projects/${project}/access`)).body).toEqual({
      project: 'repos',
      allowed: true,
      reason: 'admin: may manage the project and its permissions',
      user_role: 'admin',
    });
    expect((await as('bob', 'GET', `/projects/repos/access`)).body).toMatchObject({ project: 'repos', allowed: false, user_role: 'view' });
    expectError(await as('nobody', 'GET', `/projects/${project}/access`), 404, 7);
  });

  test('a summary of the caller’s credentials, without secrets', async () => {
    await credential('ada', { provider: 'gitlab', token: 'glpat-adaadaadaadaadaada', url: gitlab.url });
    await credential('ada', { provider: 'jira', token: 'jira-token', url: 'https://jira.example.com', email: 'ada@example.com' });
    const res = await as('ada', 'GET', '/integrations/status');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      github: { installed: false, pat_configured: true, active: 'pat' },
      google: { connected: false },
      gitlab: { connected: true, url: gitlab.url },
      jira: { connected: true, url: 'https://jira.example.com', email: 'ada@example.com' },
    });
    expect(res.text).not.toContain('ghp_adatoken');
    expect((await as('carol', 'GET', '/integrations/status')).body).toMatchObject({
      github: { installed: true, pat_configured: false, installation_id: 999, active: 'app' },
    });
    expect((await as('nobody', 'GET', '/integrations/status')).body).toEqual({
      github: { installed: false, pat_configured: false },
      google: { connected: false },
      gitlab: { connected: false },
      jira: { connected: false },
    });
  });
});

describe('built-in workflows', () => {
  beforeAll(() => {
    github.repos.set('ambient-code/workflows', {
      default_branch: 'main',
      files: {
        'README.md': 'workflows',
        'workflows/bug-fix/.ambient/ambient.json': JSON.stringify({ name: 'Fix a Bug', description: 'Reproduce, fix, test.' }),
        'workflows/bug-fix/prompt.md': '…',
        'workflows/spec-kit/README.md': 'no ambient.json here',
        'workflows/retired/.ambient/ambient.json': JSON.stringify({ name: 'Old', enabled: false }),
        'workflows/broken-meta/.ambient/ambient.json': '{not json',
        'workflows/notes.txt': 'a file, not a workflow',
      },
      branches: [{ name: 'main', sha: '9'.repeat(40) }],
      forks: [],
    });
  });

  test('directories described by .ambient/ambient.json; disabled ones skipped; names from directories otherwise', async () => {
    const res = await as('nobody', 'GET', '/ootb_workflows');
    expect(res.status, res.text).toBe(200);
    const base = { git_url: 'https://github.com/ambient-code/workflows.git', branch: 'main', enabled: true };
    expect(res.body).toEqual({
      workflows: [
        { ...base, id: 'broken-meta', name: 'Broken Meta', description: '', path: 'workflows/broken-meta' },
        { ...base, id: 'bug-fix', name: 'Fix a Bug', description: 'Reproduce, fix, test.', path: 'workflows/bug-fix' },
        { ...base, id: 'spec-kit', name: 'Spec Kit', description: '', path: 'workflows/spec-kit' },
      ],
    });
    // A caller without a GitHub credential reads the public repository anonymously.
    expect(github.requests.every((r) => r.endsWith(' -'))).toBe(true);
  });

  test('a failed refresh serves the last list; with no list yet it is 502 code 30', async () => {
    github.failNext.push('server-error');
    const stale = await as('ada', 'GET', '/ootb_workflows');
    expect(stale.status).toBe(200);
    expect((stale.body as { workflows: unknown[] }).workflows).toHaveLength(3);
    const fresh = untrusting();
    github.failNext.push('server-error');
    expect(expectError(await as('ada', 'GET', '/ootb_workflows', undefined, fresh), 502, 30)).toContain('could not list the built-in workflows');
  });
});
