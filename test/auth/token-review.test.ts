import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestAuthenticator } from '../../src/auth/authenticator.ts';
import { openCluster, REAL_KUBE, type Cluster } from '../reconciler/cluster.ts';
import { V1 } from '../support/api.ts';
import { serviceAccountUser, TOKEN_REVIEW_PATH } from '../support/fake-kube/index.ts';
import { openStream } from '../support/sse.ts';
import { useAuthServer } from './server.ts';
import { jwks, mint, signingKey, type SigningKey } from './tokens.ts';

/**
 * AUTH_TOKEN_REVIEW=on over the real server (runtime.md §c.1, §c.7; issue 11 §2): bearers that are
 * not ours are reviewed by Kubernetes — the faithful fake, or a real kube-apiserver under
 * scripts/real-kube-tests.sh (REAL_KUBE_URL) — through a kubeconfig file, as `npm start` reads it.
 * ServiceAccounts become principals without rights; users come with the review's groups.
 */

type Json = Record<string, unknown>;
type List = { items: Json[]; total: number };

let cluster: Cluster;
let key: SigningKey;
let dir: string;

beforeAll(async () => {
  cluster = await openCluster();
  key = await signingKey('platform-key');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-review-'));
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwks(key)));
  fs.writeFileSync(
    path.join(dir, 'kubeconfig'),
    [
      'apiVersion: v1',
      'kind: Config',
      `clusters: [{ name: c, cluster: { server: "${cluster.url}", insecure-skip-tls-verify: true } }]`,
      `users: [{ name: u, user: { token: "${cluster.token}" } }]`,
      'contexts: [{ name: c, context: { cluster: c, user: u } }]',
      'current-context: c',
    ].join('\n'),
  );
});
afterAll(async () => {
  await cluster.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const server = useAuthServer(() => ({
  AUTH_JWKS_FILE: path.join(dir, 'jwks.json'),
  AUTH_PLATFORM_ADMINS: 'root',
  KUBECONFIG: path.join(dir, 'kubeconfig'),
  AUTH_TOKEN_REVIEW: 'on',
  AUTH_TOKEN_REVIEW_TIMEOUT_SECONDS: '1',
}));

const reviewsSent = () => (server().services.authenticator as RequestAuthenticator).reviewer!.reviews;

/** A token Kubernetes authenticates as the ServiceAccount (fake: registered; real: TokenRequest). */
async function serviceAccountToken(namespace: string, name: string): Promise<string> {
  if (cluster.fake) {
    const token = `eyJhbGciOiJSUzI1NiIsImtpZCI6ImNsdXN0ZXIifQ.${Buffer.from(JSON.stringify({ sub: `system:serviceaccount:${namespace}:${name}` })).toString('base64url')}.${randomUUID()}`;
    cluster.fake.addToken(token, serviceAccountUser(namespace, name));
    return token;
  }
  const core = cluster.kubeConfig.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } }).catch((error: { code?: number }) => {
    if (error.code !== 409) throw error;
  });
  await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  const request = await core.createNamespacedServiceAccountToken({ name, namespace, body: { spec: { audiences: [], expirationSeconds: 600 } } });
  return request.status!.token!;
}

/** A user's opaque token and what Kubernetes says of it (fake: an OpenShift-style `sha256~` token; real: the token file's admin). */
function userToken(): { token: string; username: string; group: string } {
  if (cluster.fake) {
    const token = `sha256~${randomUUID().replaceAll('-', '')}`;
    cluster.fake.addToken(token, { username: 'olivia', uid: 'u-olivia', groups: ['platform-team', 'system:authenticated:oauth', 'system:authenticated'] });
    return { token, username: 'olivia', group: 'platform-team' };
  }
  return { token: cluster.token, username: 'admin', group: 'system:masters' };
}

let seq = 0;
async function projectWithSession(): Promise<{ project: Json; session: Json }> {
  const s = server();
  const root = await mint(key, 'root');
  const project = (await s.request<Json>('POST', `${V1}/projects`, { token: root, body: { name: `tr-${++seq}-${randomUUID().slice(0, 6)}` } })).body;
  const session = (await s.request<Json>('POST', `${V1}/sessions`, { token: root, body: { project_id: project['id'], name: 'work' } })).body;
  expect(session['kube_cr_name']).toEqual(expect.any(String));
  return { project, session };
}

function expectError(res: { status: number; body: unknown }, status: number, code: number) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ kind: 'Error', id: String(code), code: `ambient-api-server-${code}`, reason: expect.any(String) });
  return (res.body as Json)['reason'] as string;
}

describe('users', () => {
  test('an opaque token forwarded by an OAuth proxy is reviewed: the user is provisioned with the review’s groups', async () => {
    const s = server();
    const { project } = await projectWithSession();
    const user = userToken();
    await s.request('POST', `${V1}/permissions`, {
      token: await mint(key, 'root'),
      body: { project_id: project['id'], subject_type: 'group', subject_name: user.group, role: 'view' },
    });
    const res = await s.request<Json>('GET', `${V1}/projects/${project['id']}`, { headers: { 'X-Forwarded-Access-Token': user.token } });
    expect(res.status).toBe(200);
    const me = await s.graphql<{ viewer: Json }>('{ viewer { username groups } }', {}, user.token);
    expect(me.data?.viewer).toMatchObject({ username: user.username, groups: expect.arrayContaining([user.group]) });
  });

  test('a token Kubernetes does not know is 401 code 15; the same answer is reused briefly, and the token is kept nowhere', async () => {
    const s = server();
    const bogus = `sha256~${randomUUID()}`;
    const before = reviewsSent();
    expectError(await s.request('GET', `${V1}/projects`, { token: bogus }), 401, 15);
    expectError(await s.request('GET', `${V1}/projects`, { token: bogus }), 401, 15);
    await expect(s.graphql('{ viewer { username } }', {}, bogus)).resolves.toMatchObject({ status: 401 });
    expect(reviewsSent() - before).toBe(1);
    const cache = (s.services.authenticator as RequestAuthenticator).reviewer!['cache'] as Map<string, unknown>;
    expect([...cache.keys()].every((k) => /^[0-9a-f]{64}$/.test(k) && k !== bogus)).toBe(true);
  });

  test('concurrent first requests with one token cost one review', async () => {
    const s = server();
    const user = userToken();
    const before = reviewsSent();
    const answers = await Promise.all(Array.from({ length: 8 }, () => s.request('GET', `${V1}/projects`, { token: `${user.token}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(reviewsSent() - before).toBeLessThanOrEqual(1);
  });

  test('our own JWTs are verified as before, never sent to Kubernetes; a JWT of another issuer is reviewed (and refused)', async () => {
    const s = server();
    const before = reviewsSent();
    expect((await s.request('GET', `${V1}/projects`, { token: await mint(key, 'jwt-user') })).status).toBe(200);
    expectError(await s.request('GET', `${V1}/projects`, { token: await mint(key, 'jwt-user', { claims: { exp: 1 } }) }), 401, 15);
    expect(reviewsSent() - before).toBe(0);
    const stranger = await mint(await signingKey('someone-else'), 'jwt-user');
    expectError(await s.request('GET', `${V1}/projects`, { token: stranger }), 401, 15);
    expect(reviewsSent() - before).toBe(1);
  });
});

describe('service accounts', () => {
  test('a ServiceAccount token authenticates, and reads nothing: REST, GraphQL and watches alike', async () => {
    const s = server();
    const { project, session } = await projectWithSession();
    const token = await serviceAccountToken(`sa-ns-${++seq}`, 'ci-bot');
    const list = await s.request<List>('GET', `${V1}/projects`, { token });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(0);
    expect((await s.request<List>('GET', `${V1}/sessions`, { token })).body.total).toBe(0);
    expect((await s.request<List>('GET', `${V1}/users`, { token })).body.total).toBe(0);
    expectError(await s.request('GET', `${V1}/projects/${project['id']}`, { token }), 404, 7);
    expectError(await s.request('GET', `${V1}/sessions/${session['id']}`, { token }), 404, 7);
    expectError(await s.request('POST', `${V1}/projects`, { token, body: { name: `sa-made-${seq}` } }), 403, 11);
    const created = await s.request('POST', `${V1}/sessions`, { token, body: { project_id: project['id'], name: 'x' } });
    // As for any caller without a role there: the project is not found (rest-contract §5.2).
    expect([created.status, created.body]).toMatchObject([400, { code: 'ambient-api-server-8', reason: expect.stringMatching(/not found/) }]);
    const gql = await s.graphql<{ projects: { totalCount: number }; viewer: Json | null }>('{ projects { totalCount } viewer { username } }', {}, token);
    expect(gql.data).toEqual({ projects: { totalCount: 0 }, viewer: null });
    const { rows } = await s.db.pool.query(`SELECT count(*)::int AS n FROM users WHERE username LIKE 'system:serviceaccount:%'`);
    expect(rows[0].n).toBe(0);
    // A watch opens (the account is authenticated) and shows nothing of the project's changes.
    const stream = await openStream(`${s.url}${V1}/sessions?watch=true`, { Authorization: `Bearer ${token}` });
    expect(stream.status).toBe(200);
    await s.request('PATCH', `${V1}/sessions/${session['id']}`, { token: await mint(key, 'root'), body: { name: 'renamed' } });
    const frame = await stream.nextData(1500).catch(() => undefined);
    expect(frame?.data).toBeUndefined();
    stream.close();
  });

  test('the runner account of a session is recognised as that session’s runner, and still reads nothing through the API', async () => {
    const s = server();
    const { project, session } = await projectWithSession();
    const other = await projectWithSession();
    const token = await serviceAccountToken(String(project['name']), `ambient-session-${String(session['kube_cr_name'])}`);
    const actor = await s.services.authenticator.authenticate(requestWith(token));
    expect(actor).toMatchObject({ type: 'service-account', namespace: project['name'], runnerOf: { sessionId: session['id'], projectId: project['id'] } });
    expectError(await s.request('GET', `${V1}/sessions/${session['id']}`, { token }), 404, 7);
    expectError(await s.request('GET', `${V1}/sessions/${other.session['id']}`, { token }), 404, 7);
    expect((await s.request<List>('GET', `${V1}/sessions`, { token })).body.total).toBe(0);
    // The same name in another namespace is not the runner.
    const impostor = await serviceAccountToken(String(other.project['name']), `ambient-session-${String(session['kube_cr_name'])}`);
    expect(await s.services.authenticator.authenticate(requestWith(impostor))).not.toHaveProperty('runnerOf');
  });
});

describe.skipIf(REAL_KUBE)('the API server fails (fake only: injected faults)', () => {
  test('an error, a reset or no answer in time is 503 code 31, not 401; the next call reviews again', async () => {
    const s = server();
    const fake = cluster.fake!;
    const user = userToken();
    for (const fault of [{ status: 500 }, { status: 403 }, { reset: true }, { delayMs: 1500 }]) {
      fake.injectFault({ method: 'POST', pathPattern: TOKEN_REVIEW_PATH, ...fault });
      const reason = expectError(await s.request('GET', `${V1}/projects`, { token: `${user.token}` }), 503, 31);
      expect(reason).toMatch(/Kubernetes API server could not review the token/);
      expect(reason).not.toContain(user.token);
    }
    fake.clearFaults();
    expect((await s.request('GET', `${V1}/projects`, { token: user.token })).status).toBe(200);
  });

  test('the review request has the real shape', async () => {
    const s = server();
    const fake = cluster.fake!;
    fake.clearRequests();
    const user = userToken();
    await s.request('GET', `${V1}/projects`, { token: user.token });
    const sent = fake.requests.filter((r) => r.path === TOKEN_REVIEW_PATH);
    expect(sent).toEqual([
      {
        method: 'POST',
        path: TOKEN_REVIEW_PATH,
        query: {},
        contentType: 'application/json',
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token: user.token } },
      },
    ]);
  });
});

/** A bare request carrying the token, for asking the authenticator directly what actor it makes. */
function requestWith(token: string) {
  return { headers: { authorization: `Bearer ${token}` }, url: '/', socket: {} } as never;
}
