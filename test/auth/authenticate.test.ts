import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { openStream } from '../support/sse.ts';
import { useAuthServer } from './server.ts';
import { jwks, mint, nowSeconds, signingKey, startJwksServer, unsigned, type JwksServer, type SigningKey } from './tokens.ts';

/**
 * Authentication over the real server (runtime.md §c.1, rest-contract §4–§5): JWTs from a JWKS
 * URL, the OAuth proxy header, `?token=` on streams only, project keys, platform admins, and users
 * provisioned from their first token.
 */

const ISSUER = 'https://sso.example.com/realms/ambient';
const AUDIENCE = 'ambient-api';
let key: SigningKey;
let idp: JwksServer;

beforeAll(async () => {
  key = await signingKey('k1');
  idp = await startJwksServer(jwks(key));
});
afterAll(() => idp.close());

const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.url, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE, AUTH_PLATFORM_ADMINS: 'root, group:ops' }));

const token = (username: string, claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
  mint(key, username, { claims: { iss: ISSUER, aud: AUDIENCE, ...claims }, header });

type Json = Record<string, unknown>;
type List = { items: Json[]; total: number };

function expect401(res: { status: number; headers: Headers; body: unknown }) {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Bearer realm="ambient-api-server/v1"');
  expect(res.body).toMatchObject({ kind: 'Error', id: '15', code: 'ambient-api-server-15' });
}

describe('refused', () => {
  test('no credentials: 401 code 15 on known and unknown paths; public endpoints stay open', async () => {
    const s = server();
    expect401(await s.request('GET', `${V1}/sessions`));
    expect401(await s.request('GET', `${V1}/no/such/path`));
    expect401(await s.request('POST', `${V1}/projects`, { body: { name: 'nope' } }));
    expect((await s.request('GET', `${V1}/openapi`)).status).toBe(200);
    expect((await s.request('GET', `${V1}/errors/15`)).status).toBe(200);
    const graphql = await s.graphql('{ viewer { username } }');
    expect(graphql.status).toBe(401);
    expect(graphql.errors?.[0]?.extensions.code).toBe(15);
  });

  test('bad tokens over REST and GraphQL: tampered, expired, wrong issuer or audience, alg none, HS256, missing username', async () => {
    const s = server();
    const now = nowSeconds();
    const good = await token('mallory');
    const [h, p, sig] = good.split('.');
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Json;
    const bad = [
      `${h}.${Buffer.from(JSON.stringify({ ...claims, preferred_username: 'root' })).toString('base64url')}.${sig}`,
      await token('mallory', { exp: now - 120, iat: now - 600 }),
      await token('mallory', { iss: 'https://evil.example.com' }),
      await token('mallory', { aud: 'someone-else' }),
      unsigned({ ...claims, preferred_username: 'root' }, { alg: 'none', kid: 'k1' }),
      await new SignJWT({ ...claims, preferred_username: 'root' })
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .sign(new TextEncoder().encode(JSON.stringify(key.jwk))),
      await token('mallory', { sub: undefined, preferred_username: undefined }),
      'garbage',
    ];
    for (const credential of bad) {
      expect401(await s.request('GET', `${V1}/projects`, { token: credential }));
      const graphql = await s.graphql('{ viewer { username } }', {}, credential);
      expect([graphql.status, graphql.errors?.[0]?.extensions.code]).toEqual([401, 15]);
    }
    // None of them provisioned a user.
    const { rows } = await s.db.pool.query(`SELECT 1 FROM users WHERE username IN ('mallory', 'root')`);
    expect(rows).toEqual([]);
  });

  test('a malformed Authorization header is 401, and X-Forwarded-Access-Token does not rescue it', async () => {
    const s = server();
    const good = await token('alice');
    expect401(await s.request('GET', `${V1}/projects`, { headers: { Authorization: `Basic ${good}` } }));
    expect401(await s.request('GET', `${V1}/projects`, { headers: { Authorization: 'Bearer garbage', 'X-Forwarded-Access-Token': good } }));
  });
});

describe('accepted', () => {
  test('X-Forwarded-Access-Token when there is no Authorization header (OAuth proxy)', async () => {
    const s = server();
    const res = await s.request<List>('GET', `${V1}/projects`, { headers: { 'X-Forwarded-Access-Token': await token('proxied') } });
    expect(res.status).toBe(200);
  });

  test('?token= on watch streams only', async () => {
    const s = server();
    const credential = await token('streamer');
    expect401(await s.request('GET', `${V1}/projects?token=${credential}`));
    const stream = await openStream(`${s.url}${V1}/projects?watch=true&token=${encodeURIComponent(credential)}`);
    expect(stream.status).toBe(200);
    stream.close();
  });

  test('the first token provisions the user from its claims; later tokens do not rewrite the row', async () => {
    const s = server();
    const first = await token('ada', { name: 'Ada Lovelace', email: 'ada@example.com', groups: ['analysts', 'engines'] });
    const me = await s.graphql<{ viewer: Json }>('{ viewer { username name email groups } }', {}, first);
    expect(me.data?.viewer).toEqual({ username: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', groups: ['analysts', 'engines'] });
    const again = await token('ada', { name: 'Someone Else', email: 'else@example.com', groups: [] });
    expect((await s.graphql<{ viewer: Json }>('{ viewer { name email } }', {}, again)).data?.viewer).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
    });
    const { rows } = await s.db.pool.query(`SELECT count(*)::int AS n FROM users WHERE username = 'ada'`);
    expect(rows[0].n).toBe(1);
  });

  test('claims the users table would refuse do not refuse the login; an unusable username does', async () => {
    const s = server();
    const res = await s.graphql<{ viewer: Json }>(
      '{ viewer { username name email groups } }',
      {},
      await token('odd', { name: 'N'.repeat(300), email: 'not-an-email', groups: ['ok', 'x'.repeat(300), 'ok'] }),
    );
    expect(res.data?.viewer).toEqual({ username: 'odd', name: 'N'.repeat(255), email: null, groups: ['ok'] });
    expect401(await s.request('GET', `${V1}/projects`, { token: await token('has space') }));
    // The username claim order: email when there is no username or preferred_username.
    const byEmail = await s.graphql<{ viewer: Json }>(
      '{ viewer { username } }',
      {},
      await token('ignored', { preferred_username: undefined, email: 'grace@example.com' }),
    );
    expect(byEmail.data?.viewer).toEqual({ username: 'grace@example.com' });
  });

  test('concurrent first requests create one user', async () => {
    const s = server();
    const credential = await token('racer');
    const results = await Promise.all(Array.from({ length: 8 }, () => s.request('GET', `${V1}/projects`, { token: credential })));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const { rows } = await s.db.pool.query(`SELECT count(*)::int AS n FROM users WHERE username = 'racer'`);
    expect(rows[0].n).toBe(1);
  });
});

describe('platform admins and groups', () => {
  test('AUTH_PLATFORM_ADMINS: by username and by group:<name>; nobody else', async () => {
    const s = server();
    const owner = await token('owner');
    const project = (await s.request<Json>('POST', `${V1}/projects`, { token: owner, body: { name: 'owned' } })).body;
    const sees = async (credential: string) =>
      (await s.request<List>('GET', `${V1}/projects`, { token: credential })).body.items.some((p) => p['id'] === project['id']);
    expect(await sees(await token('root'))).toBe(true);
    expect(await sees(await token('operator', { groups: ['ops'] }))).toBe(true);
    expect(await sees(await token('bystander', { groups: ['opsx', 'Ops'] }))).toBe(false);
    // Only platform admins create users.
    expect((await s.request('POST', `${V1}/users`, { token: await token('bystander'), body: { username: 'made', name: 'Made' } })).status).toBe(403);
    expect((await s.request('POST', `${V1}/users`, { token: await token('root'), body: { username: 'made', name: 'Made' } })).status).toBe(201);
  });

  test('effective groups: the users row’s groups count like the token’s', async () => {
    const s = server();
    const root = await token('root');
    const project = (await s.request<Json>('POST', `${V1}/projects`, { token: root, body: { name: 'grouped' } })).body;
    await s.request('POST', `${V1}/permissions`, {
      token: root,
      body: { project_id: project['id'], subject_type: 'group', subject_name: 'devs', role: 'view' },
    });
    await s.request('POST', `${V1}/permissions`, {
      token: root,
      body: { project_id: project['id'], subject_type: 'group', subject_name: 'token-group', role: 'view' },
    });
    // An admin gives gary the group before his first login; his token knows nothing of it.
    expect((await s.request('POST', `${V1}/users`, { token: root, body: { username: 'gary', name: 'Gary', groups: ['devs'] } })).status).toBe(201);
    expect((await s.request('GET', `${V1}/projects/${project['id']}`, { token: await token('gary') })).status).toBe(200);
    expect((await s.request('GET', `${V1}/projects/${project['id']}`, { token: await token('tina', { groups: ['token-group'] }) })).status).toBe(200);
    expect((await s.request('GET', `${V1}/projects/${project['id']}`, { token: await token('nora') })).status).toBe(404);
  });
});

describe('project keys', () => {
  test('usable as a bearer token (and through the proxy header); revoked and expired keys are 401', async () => {
    const s = server();
    const admin = await token('keymaster');
    const project = (await s.request<Json>('POST', `${V1}/projects`, { token: admin, body: { name: 'keyed' } })).body;
    const created = (await s.request<Json>('POST', `${V1}/project_keys`, { token: admin, body: { project_id: project['id'], name: 'ci', role: 'view' } })).body;
    const apiKey = created['key'] as string;
    expect(apiKey).toMatch(/^apk_[0-9A-Za-z]{27}_[A-Za-z0-9_-]{43}$/);
    // Shown once: never again, and only its hash is stored.
    const read = (await s.request<Json>('GET', `${V1}/project_keys/${created['id']}`, { token: admin })).body;
    expect(read['key']).toBeUndefined();
    const { rows } = await s.db.pool.query<{ secret_hash: string }>('SELECT secret_hash FROM project_keys WHERE id = $1', [created['id']]);
    expect(rows[0]!.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(apiKey.slice(-43));

    const listed = await s.request<List>('GET', `${V1}/sessions`, { token: apiKey });
    expect(listed.status).toBe(200);
    expect((await s.request('GET', `${V1}/projects/${project['id']}`, { headers: { 'X-Forwarded-Access-Token': apiKey } })).status).toBe(200);
    expect((await s.request('POST', `${V1}/sessions`, { token: apiKey, body: { project_id: project['id'], name: 's' } })).status).toBe(403);
    const used = (await s.request<Json>('GET', `${V1}/project_keys/${created['id']}`, { token: admin })).body;
    expect(used['last_used_at']).toBeDefined();

    // A tampered secret, an unknown id, a revoked key.
    expect401(await s.request('GET', `${V1}/sessions`, { token: `${apiKey.slice(0, -1)}${apiKey.endsWith('A') ? 'B' : 'A'}` }));
    expect401(await s.request('GET', `${V1}/sessions`, { token: `apk_${'0'.repeat(27)}_${apiKey.slice(-43)}` }));
    expect((await s.request('DELETE', `${V1}/project_keys/${created['id']}`, { token: admin })).status).toBe(204);
    expect401(await s.request('GET', `${V1}/sessions`, { token: apiKey }));

    const expiring = (
      await s.request<Json>('POST', `${V1}/project_keys`, {
        token: admin,
        body: { project_id: project['id'], name: 'soon', expires_at: new Date(Date.now() + 1500).toISOString() },
      })
    ).body;
    expect((await s.request('GET', `${V1}/sessions`, { token: expiring['key'] as string })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect401(await s.request('GET', `${V1}/sessions`, { token: expiring['key'] as string }));
  });

  test('a key of a deleted project stops working; keys cannot create projects, keys or credentials', async () => {
    const s = server();
    const admin = await token('keymaster2');
    const project = (await s.request<Json>('POST', `${V1}/projects`, { token: admin, body: { name: 'doomed' } })).body;
    const apiKey = (await s.request<Json>('POST', `${V1}/project_keys`, { token: admin, body: { project_id: project['id'], name: 'k', role: 'admin' } })).body[
      'key'
    ] as string;
    expect((await s.request('POST', `${V1}/projects`, { token: apiKey, body: { name: 'from-key' } })).status).toBe(403);
    expect((await s.request('POST', `${V1}/project_keys`, { token: apiKey, body: { project_id: project['id'], name: 'k2' } })).status).toBe(403);
    expect((await s.request('POST', `${V1}/credentials`, { token: apiKey, body: { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst' } })).status).toBe(
      403,
    );
    expect((await s.request('DELETE', `${V1}/projects/${project['id']}`, { token: admin })).status).toBe(204);
    expect401(await s.request('GET', `${V1}/sessions`, { token: apiKey }));
  });
});
