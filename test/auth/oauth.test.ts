import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signState, type StatePayload } from '../../src/integrations/oauth/state.ts';
import { redactUrl } from '../../src/server/server.ts';
import { V1 } from '../support/api.ts';
import { startFakeProvider, providerEnv, type FakeProvider } from './fake-provider.ts';
import { useAuthServer } from './server.ts';
import { unsigned } from './tokens.ts';

/**
 * The OAuth flows (runtime.md §c.4) end to end: the server, a browser played by the test, and a
 * fake Google and GitHub over HTTPS. Signed, expiring, single-use state; PKCE for Google; the
 * callback's pages and redirects; the poll endpoint; credentials stored encrypted.
 */

const STATE_SECRET = 'oauth-state-secret-for-tests-0123456789';
let fake: FakeProvider;

beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

// Development mode: the (unverified) token names the caller, which keeps several users cheap here.
// The UI's origin (CORS_ORIGINS) is also where an absolute return_to may lead (OAUTH_RETURN_ORIGINS defaults to it).
const UI = 'https://ui.example.com';
const server = useAuthServer(() => ({
  ...providerEnv(fake),
  OAUTH_STATE_SECRET: STATE_SECRET,
  PUBLIC_BASE_URL: 'https://ambient.example.com',
  CORS_ORIGINS: `${UI}, https://admin.example.com:8443`,
}));
const unconfigured = useAuthServer(() => ({}));

const as = (username: string) => unsigned({ preferred_username: username });
type Json = Record<string, unknown>;

async function start(provider: string, body: Json = {}, username = 'ada') {
  const res = await server().request<Json>('POST', `${V1}/oauth/${provider}/authorize`, { token: as(username), body });
  expect(res.status, res.text).toBe(200);
  return { ...(res.body as { url: string; state: string; expires_at: string }), authorize: new URL(res.body['url'] as string) };
}

const callback = (query: Record<string, string>) => server().request('GET', `/oauth2callback?${new URLSearchParams(query)}`);

const status = async (state: string, username = 'ada') =>
  server().request<Json>('GET', `/oauth2callback/status?state=${encodeURIComponent(state)}`, { token: as(username) });

async function credentialOf(username: string, provider: string) {
  const { rows } = await server().db.pool.query(
    `SELECT c.* FROM credentials c JOIN users u ON u.id = c.user_id WHERE u.username = $1 AND c.provider = $2 AND c.deleted_at IS NULL`,
    [username, provider],
  );
  return rows[0] as Json | undefined;
}

describe('Google', () => {
  test('start → consent → callback: PKCE, a signed state, the credential stored encrypted, a redirect to return_to', async () => {
    const flow = await start('google', { return_to: '/integrations?tab=google' });
    const params = Object.fromEntries(flow.authorize.searchParams);
    expect(flow.authorize.origin + flow.authorize.pathname).toBe(`${fake.url}/google/auth`);
    expect(params).toMatchObject({
      client_id: 'client-id',
      redirect_uri: 'https://ambient.example.com/oauth2callback',
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      state: flow.state,
      code_challenge_method: 'S256',
    });
    expect(params['scope']!.split(' ')).toEqual(
      expect.arrayContaining([
        'openid',
        'https://www.googleapis.com/auth/userinfo.email',
        'https://www.googleapis.com/auth/gmail.send',
        'https://www.googleapis.com/auth/drive.file',
      ]),
    );
    expect(params['code_challenge']).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(flow.expires_at) - Date.now()).toBeGreaterThan(290_000);

    // The verifier is stored, encrypted, for the callback.
    const { nonce } = JSON.parse(Buffer.from(flow.state.split('.')[0]!, 'base64url').toString()) as StatePayload;
    const row = (await server().db.pool.query('SELECT * FROM oauth_states WHERE nonce = $1', [nonce])).rows[0] as Json;
    expect(row).toMatchObject({ provider: 'google', consumed_at: null, return_to: '/integrations?tab=google' });
    expect(row['pkce_verifier_enc']).toMatch(/^v1\.[0-9a-f]{8}\./);

    fake.codes.set('google-code', { challenge: params['code_challenge']! });
    const res = await callback({ code: 'google-code', state: flow.state });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/integrations?tab=google&oauth=success&provider=google');

    const credential = (await credentialOf('ada', 'google'))!;
    expect(credential).toMatchObject({ auth_type: 'oauth', email: 'ada@example.com', scopes: ['openid', 'https://www.googleapis.com/auth/drive'] });
    expect((credential['expires_at'] as Date).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    for (const column of ['token_enc', 'refresh_token_enc']) {
      expect(credential[column]).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
      expect(String(credential[column])).not.toMatch(/ya29|refresh/);
    }
    // Read endpoints never show a secret.
    const listed = await server().request<{ items: Json[] }>('GET', `${V1}/credentials`, { token: as('ada') });
    expect(JSON.stringify(listed.body)).not.toMatch(/ya29|refresh|token_enc/);
    expect(listed.body.items.find((c) => c['provider'] === 'google')).toMatchObject({ has_token: true, auth_type: 'oauth' });

    const polled = await status(flow.state);
    expect(polled.status).toBe(200);
    expect(polled.body).toMatchObject({ provider: 'google', consumed: true, has_token: true });
    expect(polled.body['received_at']).toEqual(expect.any(String));
    expect(polled.body['error']).toBeUndefined();

    // The live test of the new credential.
    const tested = await server().request<Json>('POST', `${V1}/credentials/${credential['id']}/test`, { token: as('ada') });
    expect(tested.body).toEqual({ valid: true, message: 'authenticated as ada@example.com' });
  });

  test('the state is single use: a replayed callback is refused and changes nothing', async () => {
    const flow = await start('google');
    fake.codes.set('once', { challenge: flow.authorize.searchParams.get('code_challenge') });
    expect((await callback({ code: 'once', state: flow.state })).status).toBe(200);
    const before = await credentialOf('ada', 'google');
    fake.codes.set('twice', { challenge: flow.authorize.searchParams.get('code_challenge') });
    const replay = await callback({ code: 'twice', state: flow.state });
    expect(replay.status).toBe(403);
    expect(replay.text).toContain('Invalid or expired authorization request');
    expect(await credentialOf('ada', 'google')).toEqual(before);
    expect(fake.codes.has('twice')).toBe(true); // never exchanged
  });

  test('two callbacks racing with one state: exactly one is served', async () => {
    const flow = await start('google', {}, 'racer');
    fake.codes.set('race', { challenge: flow.authorize.searchParams.get('code_challenge') });
    const results = await Promise.all(Array.from({ length: 5 }, () => callback({ code: 'race', state: flow.state })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 403, 403, 403, 403]);
  });

  test('a wrong PKCE verifier fails the exchange: recorded as the flow’s error', async () => {
    const flow = await start('google', {}, 'pkce');
    fake.codes.set('pkce-code', { challenge: 'not-the-challenge' });
    const res = await callback({ code: 'pkce-code', state: flow.state });
    expect(res.status).toBe(200);
    expect(res.text).toContain('could not be connected');
    expect((await status(flow.state, 'pkce')).body).toMatchObject({
      consumed: true,
      has_token: false,
      error: 'invalid_grant',
      error_description: 'PKCE verification failed',
    });
    expect(await credentialOf('pkce', 'google')).toBeUndefined();
  });
});

describe('GitHub', () => {
  test('no PKCE; the login stored; an installation the user can access is verified and stored', async () => {
    const flow = await start('github', { installation_id: 7 }, 'gh-user');
    const params = Object.fromEntries(flow.authorize.searchParams);
    expect(flow.authorize.origin + flow.authorize.pathname).toBe(`${fake.url}/github/login/oauth/authorize`);
    expect(params).toEqual({ client_id: 'client-id', redirect_uri: 'https://ambient.example.com/oauth2callback', state: flow.state, scope: 'repo user' });
    fake.codes.set('gh-code', { challenge: null });
    const res = await callback({ code: 'gh-code', state: flow.state });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('GitHub connected');
    expect(await credentialOf('gh-user', 'github')).toMatchObject({ auth_type: 'oauth', username: 'octocat', installation_id: 7, url: 'https://github.com' });
  });

  test('an installation the user cannot access: error "installation not owned", nothing stored', async () => {
    const flow = await start('github', { installation_id: 99, return_to: '/settings' }, 'gh-other');
    fake.codes.set('gh-code-2', { challenge: null });
    const res = await callback({ code: 'gh-code-2', state: flow.state });
    expect([res.status, res.headers.get('location')]).toEqual([302, '/settings?oauth=error&provider=github']);
    expect((await status(flow.state, 'gh-other')).body).toMatchObject({ error: 'installation not owned', has_token: false });
    expect(await credentialOf('gh-other', 'github')).toBeUndefined();
  });

  test('a UI on another origin: an absolute return_to on an allowed origin is where the browser lands', async () => {
    for (const [returnTo, location] of [
      [`${UI}/integrations#github`, `${UI}/integrations?oauth=success&provider=github#github`],
      [`${UI}?tab=1`, `${UI}?tab=1&oauth=success&provider=github`],
      ['https://admin.example.com:8443/x', 'https://admin.example.com:8443/x?oauth=success&provider=github'],
    ]) {
      const flow = await start('github', { return_to: returnTo }, 'gh-ui');
      fake.codes.set('gh-ui-code', { challenge: null });
      const res = await callback({ code: 'gh-ui-code', state: flow.state });
      expect([returnTo, res.status, res.headers.get('location')]).toEqual([returnTo, 302, location]);
    }
  });

  test('an OAuth flow replaces a PAT credential of the same provider', async () => {
    const created = await server().request<Json>('POST', `${V1}/credentials`, {
      token: as('patty'),
      body: { provider: 'github', token: 'ghp_personalaccesstoken' },
    });
    expect(created.status).toBe(201);
    const flow = await start('github', {}, 'patty');
    fake.codes.set('gh-code-3', { challenge: null });
    expect((await callback({ code: 'gh-code-3', state: flow.state })).status).toBe(200);
    const credential = (await credentialOf('patty', 'github'))!;
    expect(credential).toMatchObject({ id: created.body['id'], auth_type: 'oauth', username: 'octocat' });
  });

  test('the provider refuses the code: its error is recorded', async () => {
    const flow = await start('github', {}, 'gh-fail');
    fake.codes.set('gh-bad', { challenge: null, fail: true });
    expect((await callback({ code: 'gh-bad', state: flow.state })).status).toBe(200);
    expect((await status(flow.state, 'gh-fail')).body).toMatchObject({
      error: 'bad_verification_code',
      error_description: 'The code passed is incorrect or expired.',
    });
  });
});

describe('the callback refuses', () => {
  const nowSeconds = () => Math.floor(Date.now() / 1000);

  /** A state signed with the server's key, for a nonce the server has stored (from a real start). */
  async function forged(change: (payload: StatePayload) => StatePayload, key = STATE_SECRET) {
    const flow = await start('google', {}, 'forger');
    const payload = JSON.parse(Buffer.from(flow.state.split('.')[0]!, 'base64url').toString()) as StatePayload;
    return signState(change(payload), Buffer.from(key));
  }

  test('tampered, expired, future, over-long, foreign and unknown states: 403, nothing consumed', async () => {
    const flow = await start('google', {}, 'forger');
    const [encoded, signature] = flow.state.split('.') as [string, string];
    const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString()) as StatePayload;
    const now = nowSeconds();
    const cases: [string, string][] = [
      ['payload changed, signature kept', `${Buffer.from(JSON.stringify({ ...payload, user_id: 'someone-else' })).toString('base64url')}.${signature}`],
      ['signature flipped', `${encoded}.${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`],
      ['signature of another length', `${encoded}.${signature}AAAA`],
      ['no signature', encoded],
      ['empty', ''],
      ['garbage', 'not-a-state'],
      ['signed with another key', await forged((p) => p, 'another-secret-that-is-long-enough-0123')],
      ['expired', await forged((p) => ({ ...p, iat: now - 400, exp: now - 100 }))],
      ['issued in the future', await forged((p) => ({ ...p, iat: now + 120, exp: now + 400 }))],
      ['living longer than five minutes', await forged((p) => ({ ...p, iat: now, exp: now + 301 }))],
      ['another provider', await forged((p) => ({ ...p, provider: 'github' }))],
      ['another user', await forged((p) => ({ ...p, user_id: 'someone-else' }))],
      ['an unknown nonce', await forged((p) => ({ ...p, nonce: 'AAAAAAAAAAAAAAAAAAAAAA' }))],
      ['another version', await forged((p) => ({ ...p, v: 2 as 1 }))],
    ];
    for (const [what, state] of cases) {
      const res = await callback({ code: 'whatever', state });
      expect([what, res.status]).toEqual([what, 403]);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    }
    // The genuine state still works afterwards: nothing above consumed it.
    fake.codes.set('genuine', { challenge: flow.authorize.searchParams.get('code_challenge') });
    expect((await callback({ code: 'genuine', state: flow.state })).status).toBe(200);
  });

  test('a provider error is recorded and not echoed; a missing code is 400', async () => {
    const flow = await start('google', {}, 'denier');
    const res = await callback({ state: flow.state, error: 'access_denied', error_description: '<script>alert(1)</script>' });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('<script>alert');
    expect((await status(flow.state, 'denier')).body).toMatchObject({
      consumed: true,
      has_token: false,
      error: 'access_denied',
      error_description: '<script>alert(1)</script>',
    });

    const other = await start('google', {}, 'denier');
    expect((await callback({ state: other.state })).status).toBe(400);
  });

  test('the access log never shows the code or the state', () => {
    expect(redactUrl('/oauth2callback?code=4%2F0Ab&state=eyJ2.sig&scope=x')).toBe('/oauth2callback?code=[redacted]&state=[redacted]&scope=x');
  });

  test('only GET', async () => {
    const res = await server().request('POST', '/oauth2callback');
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET']);
  });
});

describe('start', () => {
  test('return_to must be a relative path on this site; installation_id is for github; unknown keys and providers', async () => {
    // No open redirect: only paths on this host, and URLs spelled exactly as an allowed origin plus a path.
    const refused = [
      '//evil.example.com/x',
      '/\\evil.example.com',
      '\\\\evil.example.com',
      'https://evil.example.com',
      'relative',
      '/with space',
      '/tab\tx',
      'javascript:alert(1)',
      'JavaScript://ui.example.com/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      `${UI}.evil.example.com/`,
      `${UI}@evil.example.com/`,
      `https://user:pw@ui.example.com/`,
      `${UI}:443/x`,
      `${UI}\\@evil.example.com`,
      'https:ui.example.com/x',
      'https:/ui.example.com/x',
      'HTTPS://UI.EXAMPLE.COM/x',
      'http://ui.example.com/x',
      'https://admin.example.com/x',
      'ftp://ui.example.com/x',
      `${UI}/${'x'.repeat(2048)}`,
    ];
    for (const returnTo of refused) {
      const res = await server().request<Json>('POST', `${V1}/oauth/google/authorize`, { token: as('ada'), body: { return_to: returnTo } });
      expect([returnTo, res.status, res.body['id']]).toEqual([returnTo, 400, '8']);
    }
    expect((await server().request<Json>('POST', `${V1}/oauth/google/authorize`, { token: as('ada'), body: { return_to: '//x' } })).body['reason']).toBe(
      'return_to must be a path starting with / (not //) or a URL on an allowed origin (OAUTH_RETURN_ORIGINS)',
    );
    for (const returnTo of ['/integrations', `${UI}`, `${UI}/`, `${UI}/a/b?c=d#e`, 'https://admin.example.com:8443/']) {
      expect((await server().request<Json>('POST', `${V1}/oauth/google/authorize`, { token: as('ada'), body: { return_to: returnTo } })).status).toBe(200);
    }
    expect((await server().request<Json>('POST', `${V1}/oauth/google/authorize`, { token: as('ada'), body: { installation_id: 3 } })).status).toBe(400);
    expect((await server().request<Json>('POST', `${V1}/oauth/github/authorize`, { token: as('ada'), body: { installation_id: 0 } })).status).toBe(400);
    expect((await server().request<Json>('POST', `${V1}/oauth/github/authorize`, { token: as('ada'), body: { session_id: 'unknown' } })).status).toBe(400);
    expect((await server().request<Json>('POST', `${V1}/oauth/github/authorize`, { token: as('ada'), body: { other: 1 } })).body['id']).toBe('17');
    expect((await server().request<Json>('POST', `${V1}/oauth/gitlab/authorize`, { token: as('ada') })).status).toBe(404);
  });

  test('not configured: 503 code 31', async () => {
    const res = await unconfigured().request<Json>('POST', `${V1}/oauth/google/authorize`, { token: as('ada') });
    expect([res.status, res.body['id']]).toEqual([503, '31']);
    expect(res.body['reason']).toMatch(/OAUTH_STATE_SECRET/);
  });

  test('rows of flows older than a day are purged when a new flow starts', async () => {
    const { pool } = server().db;
    await pool.query(
      `INSERT INTO oauth_states (nonce, user_id, provider, created_at, expires_at) VALUES ('old-flow', 'u', 'google', now() - interval '25 hours', now() - interval '25 hours')`,
    );
    await start('google');
    expect((await pool.query(`SELECT 1 FROM oauth_states WHERE nonce = 'old-flow'`)).rows).toEqual([]);
  });
});

describe('the poll endpoint', () => {
  test('only the state’s user; the signature must match (expiry is not checked)', async () => {
    const flow = await start('google', {}, 'poller');
    expect((await status(flow.state, 'poller')).body).toEqual({ provider: 'google', user_id: expect.any(String), consumed: false, has_token: false });
    expect((await status(flow.state, 'someone-else')).status).toBe(404);
    expect((await status(`${flow.state}x`, 'poller')).status).toBe(404);
    expect((await server().request<Json>('GET', '/oauth2callback/status', { token: as('poller') })).status).toBe(400);
    // Without a token, development mode's caller is `developer`: not the state's user either.
    expect((await server().request<Json>('GET', `/oauth2callback/status?state=${encodeURIComponent(flow.state)}`)).status).toBe(404);
  });
});
