import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { FakeKube, serviceAccountUser } from '../support/fake-kube/index.ts';
import { useAuthServer } from './server.ts';
import { unsigned } from './tokens.ts';

/**
 * head-contract H7: a session's runner reads `GET …/credentials/{id}/token` for the credentials its
 * session uses (its creator's, runtime.md §c.7) while the session lives, with its ServiceAccount
 * token reviewed by a fake apiserver (AUTH_TOKEN_REVIEW off: the token route reviews anyway). The
 * runner of another session, a finished session's runner, and users other than the owner are
 * refused (users who cannot see the credential at all: test/rest/credential-tokens.test.ts), and nothing is recorded for them.
 */

type Json = Record<string, unknown>;
let kube: FakeKube;
let dir: string;

beforeAll(async () => {
  kube = await FakeKube.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-token-'));
  fs.writeFileSync(
    path.join(dir, 'kubeconfig'),
    `apiVersion: v1\nkind: Config\nclusters: [{ name: c, cluster: { server: "${kube.url}", insecure-skip-tls-verify: true } }]\nusers: [{ name: u, user: { token: "${kube.token}" } }]\ncontexts: [{ name: c, context: { cluster: c, user: u } }]\ncurrent-context: c\n`,
  );
});
afterAll(async () => {
  await kube.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

// Development mode (users are unverified JWTs) with Kubernetes for the TokenReviews.
const server = useAuthServer(() => ({ KUBECONFIG: path.join(dir, 'kubeconfig') }));
const as = (username: string) => unsigned({ preferred_username: username });

/** A ServiceAccount token as Kubernetes issues them, registered with the fake apiserver. */
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

/** A project and a session of `user`, in `phase`, and the token of the session's runner. */
async function sessionOf(user: string, phase: string | null) {
  const s = server();
  const project = (await s.request<Json>('POST', `${V1}/projects`, { token: as(user), body: { name: `rt-${randomUUID().slice(0, 8)}` } })).body;
  const session = (await s.request<Json>('POST', `${V1}/sessions`, { token: as(user), body: { project_id: project['id'], name: 'work' } })).body;
  await s.db.pool.query(`UPDATE sessions SET phase = $2 WHERE id = $1`, [session['id'], phase]);
  const runner = accountToken(String(project['name']), `ambient-session-${String(session['kube_cr_name'])}`);
  return { project: String(project['id']), session: String(session['id']), runner };
}

const reads = async (credential: string) =>
  (await server().db.pool.query(`SELECT actor_type, actor, project_id FROM credential_token_reads WHERE credential_id = $1 ORDER BY seq`, [credential])).rows;

test('the runner of a live session reads its creator’s token (flat and project twin); every read is recorded as the runner', async () => {
  const s = server();
  const created = await s.request<Json>('POST', `${V1}/credentials`, {
    token: as('ada'),
    body: { provider: 'gitlab', token: 'glpat-runner-reads-this-1', url: 'https://gitlab.example.com' },
  });
  expect(created.status, created.text).toBe(201);
  const id = String(created.body['id']);
  const live = await sessionOf('ada', 'Running');

  const flat = await s.request<Json>('GET', `${V1}/credentials/${id}/token`, { token: live.runner });
  expect([flat.status, flat.body]).toEqual([200, { credential_id: id, provider: 'gitlab', token: 'glpat-runner-reads-this-1' }]);
  const twin = await s.request<Json>('GET', `${V1}/projects/${live.project}/credentials/${id}/token`, { token: live.runner });
  expect([twin.status, twin.body['token']]).toEqual([200, 'glpat-runner-reads-this-1']);
  // Under a project that is not its session's, the project does not exist for the runner.
  const elsewhere = await sessionOf('ada', 'Running');
  const wrong = await s.request<Json>('GET', `${V1}/projects/${elsewhere.project}/credentials/${id}/token`, { token: live.runner });
  expect([wrong.status, wrong.body['code']]).toEqual([404, 'ambient-api-server-7']);
  // The owner still reads it with a user token on the same (runner-facing) route.
  expect((await s.request<Json>('GET', `${V1}/credentials/${id}/token`, { token: as('ada') })).status).toBe(200);

  const runnerName = (await s.db.pool.query(`SELECT kube_cr_name FROM sessions WHERE id = $1`, [live.session])).rows[0].kube_cr_name as string;
  const account = `system:serviceaccount:${live.project}:ambient-session-${runnerName}`;
  expect(await reads(id)).toEqual([
    { actor_type: 'service-account', actor: account, project_id: live.project },
    { actor_type: 'service-account', actor: account, project_id: live.project },
    { actor_type: 'user', actor: 'ada', project_id: null },
  ]);
});

test('refused with 403 code 11: another session’s runner, a runner before its session starts and after it ends, another user', async () => {
  const s = server();
  const created = await s.request<Json>('POST', `${V1}/credentials`, {
    token: as('bea'),
    body: { provider: 'jira', token: 'jira-runner-secret-2', url: 'https://acme.atlassian.net', email: 'bea@acme.io' },
  });
  expect(created.status, created.text).toBe(201);
  const id = String(created.body['id']);
  const beasSession = await sessionOf('bea', 'Running');
  const carlsSession = await sessionOf('carl', 'Running');
  const notStarted = await sessionOf('bea', null);

  const refused = async (token: string, status = 403, code = 'ambient-api-server-11') => {
    const res = await s.request<Json>('GET', `${V1}/credentials/${id}/token`, { token });
    expect([res.status, res.body['code']], res.text).toEqual([status, code]);
    expect(res.text).not.toContain('jira-runner-secret-2');
  };
  await refused(carlsSession.runner);
  await refused(notStarted.runner);
  // In development mode every user is a platform admin: they see the credential, not its secret.
  await refused(as('carl'));

  // Alive, the runner reads; once its session has ended, no more.
  expect((await s.request<Json>('GET', `${V1}/credentials/${id}/token`, { token: beasSession.runner })).status).toBe(200);
  for (const phase of ['Completed', 'Failed', 'Stopped']) {
    await s.db.pool.query(`UPDATE sessions SET phase = $2 WHERE id = $1`, [beasSession.session, phase]);
    await refused(beasSession.runner);
  }
  // A deleted session has no runner any more: its account is a plain ServiceAccount that sees nothing.
  await s.db.pool.query(`UPDATE sessions SET phase = 'Running', deleted_at = now() WHERE id = $1`, [beasSession.session]);
  await refused(beasSession.runner, 404, 'ambient-api-server-7');
  expect((await reads(id)).map((r) => r.actor_type)).toEqual(['service-account']);
});
