import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { TEST_KEY } from '../support/domain.ts';
import { useServerProcesses, type ServerProcess } from '../support/process.ts';
import { openStream, type Frame } from '../support/sse.ts';
import { jwks, mint, signingKey, startJwksServer, type JwksServer, type SigningKey } from '../auth/tokens.ts';

/**
 * Credentials at HEAD (head-contract H7) against the real entry point in its own process, logging at
 * `debug`: providers vertex and kubeconfig, labels and annotations, the project-scoped twins, and
 * `GET …/credentials/{id}/token` — only for a caller allowed to read it, every read recorded — while
 * the secret never reaches the server's log output, an error body, the change log or a watch stream.
 */

const start = useServerProcesses();
let db: TestDatabase;
let key: SigningKey;
let idp: JwksServer;
let server: ServerProcess;
beforeAll(async () => {
  db = await createTestDatabase();
  key = await signingKey('k1');
  idp = await startJwksServer(jwks(key));
  server = await start({
    DATABASE_URL: db.url,
    AUTH_JWKS_URL: idp.url,
    AUTH_PLATFORM_ADMINS: 'root',
    CREDENTIALS_ENCRYPTION_KEY: TEST_KEY.toString('base64'),
    LOG_LEVEL: 'debug',
  });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await idp.close();
  await db.drop();
});

type Json = Record<string, unknown>;
const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${V1}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
};

// Secrets with markers that must appear in token responses and nowhere else.
const MARK = { vertex: 'VERTEXSECRETMARK7f3a', rotated: 'ROTATEDSECRETMARK19cc', kube: 'KUBESECRETMARK5e21', rejected: 'REJECTEDSECRETMARK0b4d' };
const serviceAccount = (mark: string) =>
  JSON.stringify(
    {
      type: 'service_account',
      project_id: 'gcp-demo',
      private_key_id: 'abc',
      private_key: `-----BEGIN PRIVATE KEY-----\n${mark}\n-----END PRIVATE KEY-----\n`,
      client_email: 'runner@gcp-demo.iam.gserviceaccount.com',
    },
    null,
    2,
  );
const kubeconfig = `apiVersion: v1
kind: Config
clusters:
  - name: dev
    cluster:
      server: https://kube.example.com
contexts:
  - name: dev
    context: { cluster: dev, user: dev }
current-context: dev
users:
  - name: dev
    user:
      token: ${MARK.kube}
`;

test('vertex and kubeconfig credentials, tokens for their owner only, every read recorded, the secret nowhere else', { timeout: 90_000 }, async () => {
  const alice = await mint(key, 'alice');
  const bob = await mint(key, 'bob');
  const root = await mint(key, 'root');
  expect((await call(alice, 'POST', '/projects', { name: 'vault' })).status).toBe(201);
  expect((await call(bob, 'POST', '/projects', { name: 'elsewhere' })).status).toBe(201);

  // Alice watches her credentials while everything happens.
  const watch = await openStream(`${server.url}${V1}/credentials?watch=true`, { Authorization: `Bearer ${alice}` });
  expect(watch.status).toBe(200);

  const vertex = await call(alice, 'POST', '/credentials', {
    provider: 'vertex',
    token: serviceAccount(MARK.vertex),
    labels: '{"team":"ml"}',
    annotations: '{"purpose":"vertex runs"}',
  });
  expect(vertex.status, vertex.text).toBe(201);
  expect(vertex.body).toMatchObject({ provider: 'vertex', auth_type: 'service_account', has_token: true, labels: '{"team":"ml"}', name: 'vertex' });
  const kube = await call(alice, 'POST', '/projects/vault/credentials', { provider: 'kubeconfig', token: kubeconfig, name: 'dev cluster' });
  expect(kube.status, kube.text).toBe(201);
  expect(kube.body).toMatchObject({ provider: 'kubeconfig', auth_type: 'kubeconfig', has_token: true, name: 'dev cluster' });
  const vertexId = String(vertex.body['id']);
  const kubeId = String(kube.body['id']);

  // Malformed secrets are refused without quoting them.
  const errors: string[] = [];
  for (const [provider, token] of [
    ['vertex', `{"type":"user","key":"${MARK.rejected}"}`],
    ['vertex', `not json ${MARK.rejected}`],
    ['kubeconfig', `clusters: ${MARK.rejected}`],
  ] as const) {
    const refused = await call(bob, 'POST', '/credentials', { provider, token });
    expect(refused.status, refused.text).toBe(400);
    errors.push(refused.text);
  }

  // A base64-encoded kubeconfig is accepted too (upstream's credential sidecar decodes it).
  const encoded = await call(bob, 'POST', '/credentials', { provider: 'kubeconfig', token: Buffer.from(kubeconfig).toString('base64') });
  expect(encoded.status, encoded.text).toBe(201);

  // The owner reads the token, flat and through the project twin; a rotation is served at once.
  const read = await call(alice, 'GET', `/credentials/${vertexId}/token`);
  expect(read.status, read.text).toBe(200);
  expect(read.body).toEqual({ credential_id: vertexId, provider: 'vertex', token: serviceAccount(MARK.vertex) });
  const twin = await call(alice, 'GET', `/projects/vault/credentials/${kubeId}/token`);
  expect(twin.body).toEqual({ credential_id: kubeId, provider: 'kubeconfig', token: kubeconfig });
  expect((await call(alice, 'PATCH', `/credentials/${vertexId}`, { token: serviceAccount(MARK.rotated) })).status).toBe(200);
  expect((await call(alice, 'GET', `/credentials/${vertexId}/token`)).body['token']).toBe(serviceAccount(MARK.rotated));

  // Nobody else: another user does not see it (404), a platform admin sees metadata but not the
  // secret (403), a project the caller cannot see is 404, and so is a credential id that is unknown.
  for (const [token, path, status] of [
    [bob, `/credentials/${vertexId}/token`, 404],
    [root, `/credentials/${vertexId}/token`, 403],
    [bob, `/projects/vault/credentials/${kubeId}/token`, 404],
    [alice, `/projects/elsewhere/credentials/${kubeId}/token`, 404],
    [alice, `/credentials/2ZFxhKyNhBIdNIIGYyTUt6NHk7l/token`, 404],
  ] as const) {
    const refused = await call(token, 'GET', path);
    expect([path, refused.status]).toEqual([path, status]);
    expect(refused.body).toMatchObject({ kind: 'Error' });
    errors.push(refused.text);
  }
  expect((await call(root, 'GET', `/credentials/${vertexId}`)).status).toBe(200);

  // The twins list and get the same rows.
  const listed = await call(alice, 'GET', '/projects/vault/credentials');
  expect((listed.body['items'] as Json[]).map((c) => c['id']).sort()).toEqual([vertexId, kubeId].sort());
  expect((await call(alice, 'GET', `/projects/vault/credentials/${vertexId}`)).body['annotations']).toBe('{"purpose":"vertex runs"}');

  // Every release is recorded: who, which credential, when, and through which project.
  const { rows: audit } = await db.pool.query(
    `SELECT r.credential_id, r.actor_type, r.actor, r.project_id, r.user_id = u.id AS by_owner, r.created_at IS NOT NULL AS timed
       FROM credential_token_reads r LEFT JOIN users u ON u.username = 'alice' ORDER BY r.seq`,
  );
  expect(audit).toEqual([
    { credential_id: vertexId, actor_type: 'user', actor: 'alice', project_id: null, by_owner: true, timed: true },
    { credential_id: kubeId, actor_type: 'user', actor: 'alice', project_id: 'vault', by_owner: true, timed: true },
    { credential_id: vertexId, actor_type: 'user', actor: 'alice', project_id: null, by_owner: true, timed: true },
  ]);

  // The watch saw both creates and the rotation, with no secret in them.
  const frames: Frame[] = [];
  while (frames.length < 3) frames.push(await watch.nextData(10_000));
  watch.close();
  expect(frames.map((f) => (f.data as Json)['type'])).toEqual(['ADDED', 'ADDED', 'MODIFIED']);

  // The greps: log output, errors, change log and watch stream hold none of the secrets.
  const { rows: changeLog } = await db.pool.query<{ object: string }>(`SELECT object::text AS object FROM change_events`);
  const { rows: stored } = await db.pool.query<{ row: string }>(`SELECT to_jsonb(c)::text AS row FROM credentials c`);
  const places: Record<string, string> = {
    'server log': server.output(),
    'error bodies': errors.join('\n'),
    'change log': changeLog.map((r) => r.object).join('\n'),
    'watch stream': JSON.stringify(frames),
    'stored rows (encrypted)': stored.map((r) => r.row).join('\n'),
  };
  expect(places['server log']).toContain('/token'); // the reads were logged, as requests
  expect(places['change log']).toContain(vertexId);
  for (const [where, text] of Object.entries(places)) {
    for (const mark of Object.values(MARK)) expect(text.includes(mark), `${mark} in ${where}`).toBe(false);
  }
});
