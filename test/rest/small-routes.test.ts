import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ALIAS, V1 } from '../support/api.ts';
import { useAuthServer } from '../auth/server.ts';
import { jwks, mint, signingKey, startJwksServer, type JwksServer, type SigningKey } from '../auth/tokens.ts';

/** head-contract H10 over the real server with authentication on: `GET /version` and `DELETE /users/{id}`. */

let key: SigningKey;
let idp: JwksServer;
beforeAll(async () => {
  key = await signingKey('k1');
  idp = await startJwksServer(jwks(key));
});
afterAll(() => idp.close());

const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.url, AUTH_PLATFORM_ADMINS: 'root' }));
const token = (username: string) => mint(key, username);
const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

type Json = Record<string, unknown>;

describe('GET /version', () => {
  test('is public on both base paths and answers version, build time and git tag', async () => {
    const s = server();
    for (const base of [V1, ALIAS]) {
      const res = await s.request<Json>('GET', `${base}/version`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['build_time', 'git_tag', 'version']);
      expect(res.body['version']).toBe(packageVersion);
      expect(new Date(String(res.body['build_time'])).toISOString()).toBe(res.body['build_time']);
      expect(res.body['git_tag']).toBe(process.env['GIT_TAG'] ?? '');
    }
    expect((await s.request('GET', `${V1}/version/`)).status).toBe(200);
    expect((await s.request('POST', `${V1}/version`, { body: {} })).status).toBe(401);
  });

  test('GraphQL serverVersion states the same facts', async () => {
    const s = server();
    const rest = await s.request<Json>('GET', `${V1}/version`);
    const gql = await s.graphql<{ serverVersion: Json }>('{ serverVersion { version buildTime gitTag } }', {}, await token('alice'));
    expect(gql.data?.serverVersion).toEqual({ version: rest.body['version'], buildTime: rest.body['build_time'], gitTag: rest.body['git_tag'] });
  });
});

describe('DELETE /users/{id}', () => {
  test('a platform admin deletes a user with their credentials; the user is gone; others are refused', async () => {
    const s = server();
    const root = await token('root');
    const bobToken = await token('bob');
    const bob = await s.request<Json>('GET', `${V1}/users?search=${encodeURIComponent("username = 'bob'")}`, { token: bobToken });
    // The first request provisioned bob; he owns a credential.
    const bobRow = (bob.body['items'] as Json[])[0]!;
    const credential = await s.request<Json>('POST', `${V1}/credentials`, {
      token: bobToken,
      body: { provider: 'jira', url: 'https://acme.atlassian.net', email: 'bob@acme.io', token: 'jira-secret' },
    });
    expect(credential.status).toBe(201);

    const carol = await token('carol');
    const refused = await s.request<Json>('DELETE', `${V1}/users/${String(bobRow['id'])}`, { token: carol });
    expect([refused.status, refused.body['code']]).toEqual([403, 'ambient-api-server-11']);
    const self = await s.request<Json>('DELETE', `${V1}/users/${String(bobRow['id'])}`, { token: bobToken });
    expect(self.status).toBe(403);

    const deleted = await s.request('DELETE', `${V1}/users/${String(bobRow['id'])}`, { token: root });
    expect(deleted.status).toBe(204);
    const gone = await s.request<Json>('GET', `${V1}/users/${String(bobRow['id'])}`, { token: root });
    expect([gone.status, gone.body['code']]).toEqual([404, 'ambient-api-server-7']);
    const again = await s.request('DELETE', `${ALIAS}/users/${String(bobRow['id'])}`, { token: root });
    expect(again.status).toBe(404);
    const credentials = await s.db.pool.query(`SELECT deleted_at FROM credentials WHERE id = $1`, [credential.body['id']]);
    expect(credentials.rows[0].deleted_at).not.toBeNull();
  });

  test('GraphQL deleteUser follows the same rule: refused for others and the user themself, then done once by an admin', async () => {
    const s = server();
    const [root, erin, frank] = await Promise.all([token('root'), token('erin'), token('frank')]);
    const lookup = '{ viewer { id databaseId } }';
    const viewer = (await s.graphql<{ viewer: { id: string; databaseId: string } }>(lookup, {}, erin)).data!.viewer;
    const mutation = 'mutation($id: ID!) { deleteUser(id: $id) { deletedId } }';
    for (const caller of [frank, erin]) {
      const refused = await s.graphql(mutation, { id: viewer.id }, caller);
      expect(refused.errors?.map((e) => e.extensions.code)).toEqual([11]);
    }
    const deleted = await s.graphql<{ deleteUser: { deletedId: string } }>(mutation, { id: viewer.id }, root);
    expect(deleted.data?.deleteUser.deletedId).toBe(viewer.id);
    const row = await s.db.pool.query(`SELECT deleted_at FROM users WHERE id = $1`, [viewer.databaseId]);
    expect(row.rows[0].deleted_at).not.toBeNull();
    const again = await s.graphql(mutation, { id: viewer.id }, root);
    expect(again.errors?.map((e) => e.extensions.code)).toEqual([7]);
  });

  test('an unknown or malformed id answers 404 and deletes nothing', async () => {
    const s = server();
    const root = await token('root');
    expect((await s.request('DELETE', `${V1}/users/2ABCDEFGHIJKLMNOPQRSTUVWXYZ`, { token: root })).status).toBe(404);
    const live = `SELECT count(*)::int AS n FROM users WHERE deleted_at IS NULL`;
    const before = (await s.db.pool.query(live)).rows[0].n;
    const hostile = await s.request<Json>('DELETE', `${V1}/users/${encodeURIComponent("x' OR '1'='1")}`, { token: root });
    expect(hostile.status).toBe(404);
    expect((await s.db.pool.query(live)).rows[0].n).toBe(before);
  });
});
