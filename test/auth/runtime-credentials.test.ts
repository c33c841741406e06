import { generateKeyPairSync, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SecretBox, secretContext } from '../../src/auth/secret-box.ts';
import { ksuid } from '../../src/domain/ksuid.ts';
import { V1 } from '../support/api.ts';
import { TEST_KEY } from '../support/domain.ts';
import { FakeKube, serviceAccountUser, TOKEN_REVIEW_PATH } from '../support/fake-kube/index.ts';
import { providerEnv, startFakeProvider, type FakeProvider } from './fake-provider.ts';
import { useAuthServer } from './server.ts';
import { unsigned } from './tokens.ts';

/**
 * The runner-facing endpoints (runtime.md §d rows 24–26, §c.7) over the real server: a fake
 * apiserver reviews the runner's ServiceAccount token (AUTH_TOKEN_REVIEW is off: these endpoints
 * review anyway), a fake GitHub / Google over HTTPS mints and refreshes tokens. Only the session's
 * runner gets anything, and only for the users §c.7 allows.
 */

type Json = Record<string, unknown>;

let kube: FakeKube;
let provider: FakeProvider;
let dir: string;

beforeAll(async () => {
  kube = await FakeKube.start();
  provider = await startFakeProvider();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  provider.appPublicKey = publicKey;
  provider.appInstallations.set(99, 'acme');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-credentials-'));
  fs.writeFileSync(path.join(dir, 'app.pem'), privateKey.export({ type: 'pkcs1', format: 'pem' }));
  fs.writeFileSync(
    path.join(dir, 'kubeconfig'),
    `apiVersion: v1\nkind: Config\nclusters: [{ name: c, cluster: { server: "${kube.url}", insecure-skip-tls-verify: true } }]\nusers: [{ name: u, user: { token: "${kube.token}" } }]\ncontexts: [{ name: c, context: { cluster: c, user: u } }]\ncurrent-context: c\n`,
  );
});
afterAll(async () => {
  await kube.close();
  await provider.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Development mode (users are unverified JWTs); AUTH_TOKEN_REVIEW stays off.
const server = useAuthServer(() => ({
  ...providerEnv(provider),
  GITHUB_APP_ID: '42',
  GITHUB_APP_PRIVATE_KEY_FILE: path.join(dir, 'app.pem'),
  KUBECONFIG: path.join(dir, 'kubeconfig'),
}));

const as = (username: string) => unsigned({ preferred_username: username });
const ada = as('ada');
const bob = as('bob');

/** A bound ServiceAccount token as Kubernetes issues them (a JWT with the `kubernetes.io` claim), registered with the fake. */
function accountToken(namespace: string, name: string): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = `${part({ alg: 'RS256', kid: 'cluster-key' })}.${part({
    iss: 'https://kubernetes.default.svc',
    sub: `system:serviceaccount:${namespace}:${name}`,
    'kubernetes.io': { namespace, serviceaccount: { name } },
  })}.${randomUUID()}`;
  kube.addToken(token, serviceAccountUser(namespace, name));
  return token;
}

interface World {
  project: Json;
  session: Json;
  runner: string;
}

let seq = 0;
async function world(): Promise<World> {
  const s = server();
  const project = (await s.request<Json>('POST', `${V1}/projects`, { token: ada, body: { name: `rc-${++seq}-${randomUUID().slice(0, 5)}` } })).body;
  const session = (await s.request<Json>('POST', `${V1}/sessions`, { token: ada, body: { project_id: project['id'], name: 'work' } })).body;
  return { project, session, runner: accountToken(String(project['name']), `ambient-session-${String(session['kube_cr_name'])}`) };
}

async function userId(username: string): Promise<string> {
  await server().request('GET', `${V1}/projects`, { token: as(username) }); // provisions the user
  const { rows } = await server().db.pool.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
  return rows[0]!.id;
}

/** Replaces the user's credential for the body's provider. */
async function credential(token: string, body: Json): Promise<Json> {
  const s = server();
  const list = await s.request<{ items: Json[] }>('GET', `${V1}/credentials`, { token });
  for (const item of list.body.items) if (item['provider'] === body['provider']) await s.request('DELETE', `${V1}/credentials/${item['id']}`, { token });
  const created = await s.request<Json>('POST', `${V1}/credentials`, { token, body });
  expect(created.status, created.text).toBe(201);
  return created.body;
}

/** A Google credential as the OAuth flow stores it (created only by the flow; seeded here). */
async function googleCredential(owner: string, expiresInMs: number, refreshToken: string): Promise<string> {
  const s = server();
  const id = ksuid();
  const box = new SecretBox([TEST_KEY]);
  await s.db.pool.query(`DELETE FROM credentials WHERE user_id = $1 AND provider = 'google'`, [owner]);
  await s.db.pool.query(
    `INSERT INTO credentials (id, user_id, provider, auth_type, name, email, scopes, expires_at, token_enc, refresh_token_enc)
     VALUES ($1, $2, 'google', 'oauth', 'google', 'ada@example.com', $3, $4, $5, $6)`,
    [
      id,
      owner,
      ['openid', 'https://www.googleapis.com/auth/drive'],
      new Date(Date.now() + expiresInMs),
      box.encrypt('ya29.original', secretContext('credentials', id, 'token_enc')),
      box.encrypt(refreshToken, secretContext('credentials', id, 'refresh_token_enc')),
    ],
  );
  return id;
}

const runnerGet = (w: World, rest: string, headers: Record<string, string> = {}) =>
  server().request<Json>('GET', `${V1}/sessions/${String(w.session['id'])}${rest}`, { token: w.runner, headers });

describe('what the runner gets', () => {
  test('github: the user’s PAT, in the legacy shape; last_used_at is set and the release logged', async () => {
    const w = await world();
    const created = await credential(ada, { provider: 'github', token: 'ghp_runnertoken', username: 'ada-gh' });
    const res = await runnerGet(w, '/credentials/github');
    expect([res.status, res.body]).toEqual([200, { token: 'ghp_runnertoken', userName: 'ada-gh', email: '', provider: 'github' }]);
    const { rows } = await server().db.pool.query('SELECT last_used_at FROM credentials WHERE id = $1', [created['id']]);
    expect(rows[0].last_used_at).toBeInstanceOf(Date);
    const minted = await server().request<Json>('POST', `${V1}/sessions/${String(w.session['id'])}/github/token`, { token: w.runner });
    expect([minted.status, minted.body]).toEqual([200, { token: 'ghp_runnertoken' }]);
  });

  test('github without a PAT: an installation token minted with the GitHub App, for the user of the latest run', async () => {
    const w = await world();
    await credential(bob, { provider: 'github', installation_id: 99, username: 'bob-gh' });
    await server().db.pool.query(`INSERT INTO agui_runs (session_id, run_id, status, started_at, user_id) VALUES ($1, 'run-1', 'completed', now(), $2)`, [
      w.session['id'],
      await userId('bob'),
    ]);
    const res = await runnerGet(w, '/credentials/github', { 'X-Runner-Current-User': 'bob' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      token: expect.stringMatching(/^ghs_installation/),
      userName: 'bob-gh',
      email: '',
      provider: 'github',
      expiresAt: expect.any(String),
    });
    expect(provider.requests).toContain('POST /github-api/app/installations/99/access_tokens');
    const minted = await server().request<Json>('POST', `${V1}/sessions/${String(w.session['id'])}/github/token`, {
      token: w.runner,
      headers: { 'X-Runner-Current-User': 'bob' },
    });
    expect(minted.body['token']).toMatch(/^ghs_installation/);
  });

  test('gitlab and jira in their legacy shapes; 404 code 7 when the user has none', async () => {
    const w = await world();
    await credential(ada, { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst', url: 'https://gitlab.example.com', username: 'tanuki' });
    await credential(ada, { provider: 'jira', token: 'jira-token', url: 'https://acme.atlassian.net', email: 'ada@example.com' });
    expect((await runnerGet(w, '/credentials/gitlab')).body).toEqual({
      token: 'glpat-abcdefghijklmnopqrst',
      instanceUrl: 'https://gitlab.example.com',
      userName: 'tanuki',
      email: '',
      provider: 'gitlab',
    });
    expect((await runnerGet(w, '/credentials/jira')).body).toEqual({ url: 'https://acme.atlassian.net', email: 'ada@example.com', apiToken: 'jira-token' });
    await server().db.pool.query(`DELETE FROM credentials WHERE provider = 'google'`);
    const missing = await runnerGet(w, '/credentials/google');
    expect([missing.status, missing.body['code']]).toEqual([404, 'ambient-api-server-7']);
    expect((await runnerGet(w, '/credentials/bitbucket')).status).toBe(404);
  });

  test('google: refreshed first when it expires within 5 minutes, the new token stored; a fresh one is handed out as is', async () => {
    const w = await world();
    const owner = await userId('ada');
    provider.refreshTokens.add('1//refresh-ada');
    const id = await googleCredential(owner, 60_000, '1//refresh-ada');
    provider.requests.length = 0;
    const res = await runnerGet(w, '/credentials/google');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.stringMatching(/^ya29\.refreshed/),
      refreshToken: '1//refresh-ada',
      email: 'ada@example.com',
      scopes: ['openid', 'https://www.googleapis.com/auth/drive'],
      expiresAt: expect.any(String),
    });
    expect(Date.parse(String(res.body['expiresAt'])) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(provider.requests).toEqual(['POST /google/token']);
    const { rows } = await server().db.pool.query('SELECT token_enc, expires_at FROM credentials WHERE id = $1', [id]);
    expect(new SecretBox([TEST_KEY]).decrypt(rows[0].token_enc, secretContext('credentials', id, 'token_enc'))).toBe(res.body['accessToken']);
    // Now far from expiry: no refresh.
    provider.requests.length = 0;
    expect((await runnerGet(w, '/credentials/google')).body['accessToken']).toBe(res.body['accessToken']);
    expect(provider.requests).toEqual([]);
    // A refresh Google refuses is 502 code 30, and nothing is stored.
    const refused = await googleCredential(owner, 1000, '1//revoked');
    const failed = await runnerGet(w, '/credentials/google');
    expect([failed.status, failed.body['code']]).toEqual([502, 'ambient-api-server-30']);
    expect((await server().db.pool.query('SELECT expires_at FROM credentials WHERE id = $1', [refused])).rows[0].expires_at.getTime()).toBeLessThan(
      Date.now() + 2000,
    );
  });

  test('runner feedback is recorded like agui/feedback', async () => {
    const w = await world();
    const res = await server().request<Json>('POST', `${V1}/sessions/${String(w.session['id'])}/runner/feedback`, {
      token: w.runner,
      body: { type: 'META', metaType: 'thumbs_up' },
    });
    expect([res.status, res.body]).toEqual([202, { status: 'recorded', message: 'Feedback recorded; runner unavailable' }]);
    const { rows } = await server().db.pool.query(`SELECT count(*)::int AS n FROM agui_events WHERE session_id = $1`, [w.session['id']]);
    expect(rows[0].n).toBe(1);
  });
});

describe('who may ask', () => {
  test('X-Runner-Current-User: the creator or the latest run’s user only', async () => {
    const w = await world();
    await credential(ada, { provider: 'jira', token: 'jira-token', url: 'https://acme.atlassian.net', email: 'ada@example.com' });
    await userId('carol');
    expect((await runnerGet(w, '/credentials/jira', { 'X-Runner-Current-User': 'ada' })).status).toBe(200);
    for (const other of ['carol', 'nobody']) {
      const res = await runnerGet(w, '/credentials/jira', { 'X-Runner-Current-User': other });
      expect([other, res.status, res.body['code']]).toEqual([other, 403, 'ambient-api-server-11']);
    }
  });

  test('anyone but this session’s runner is 403 code 11 — users, admins, other runners, other ServiceAccounts; a bad token is 401', async () => {
    const w = await world();
    const other = await world();
    await credential(ada, { provider: 'github', token: 'ghp_runnertoken', username: 'ada-gh' });
    const path = `${V1}/sessions/${String(w.session['id'])}`;
    const callers = {
      creator: ada,
      otherRunner: other.runner,
      sameNameOtherNamespace: accountToken(String(other.project['name']), `ambient-session-${String(w.session['kube_cr_name'])}`),
      plainAccount: accountToken(String(w.project['name']), 'default'),
    };
    for (const [who, token] of Object.entries(callers)) {
      for (const [method, rest, body] of [
        ['GET', '/credentials/github', undefined],
        ['POST', '/github/token', undefined],
        ['POST', '/runner/feedback', { type: 'META' }],
      ] as const) {
        const res = await server().request<Json>(method, `${path}${rest}`, { token, ...(body ? { body } : {}) });
        expect([who, rest, res.status, res.body['code']]).toEqual([who, rest, 403, 'ambient-api-server-11']);
      }
    }
    const bad = await server().request<Json>('GET', `${path}/credentials/github`, { token: 'sha256~not-a-known-token' });
    expect([bad.status, bad.body['code']]).toEqual([401, 'ambient-api-server-15']);
    // No credentials at all is the development-mode `developer` (a platform admin): refused too.
    expect((await server().request('GET', `${path}/credentials/github`)).status).toBe(403);
  });

  test('these endpoints review runner tokens even with AUTH_TOKEN_REVIEW off; everywhere else the token is not reviewed', async () => {
    const w = await world();
    kube.clearRequests();
    await server().request('GET', `${V1}/sessions/${String(w.session['id'])}`, { token: w.runner });
    expect(kube.requests.filter((r) => r.path === TOKEN_REVIEW_PATH)).toHaveLength(0);
    await runnerGet(w, '/credentials/github');
    expect(kube.requests.filter((r) => r.path === TOKEN_REVIEW_PATH).length).toBeLessThanOrEqual(1);
  });
});
