import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { MIN_RELOAD_INTERVAL_MS } from '../../src/auth/jwks.ts';
import { V1 } from '../support/api.ts';
import { AUDIENCE, CLIENT, providerKey, startOpenIdProvider, type OpenIdProvider, type SigningJwk } from './openid-provider.ts';
import { useAuthServer } from './server.ts';

/**
 * Tokens from a real OpenID Provider (runtime.md §c.1, issue 11 §1): the server is pointed at the
 * provider's published JWKS endpoint, and every token here was issued by the provider's own token
 * endpoint — none is made by our signing helpers.
 */

let idp: OpenIdProvider;
let first: SigningJwk;

beforeAll(async () => {
  first = await providerKey('first');
  idp = await startOpenIdProvider([first]);
});
afterAll(() => idp.close());
afterEach(() => vi.useRealTimers());

const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.jwksUri, AUTH_ISSUER: idp.issuer, AUTH_AUDIENCE: AUDIENCE, AUTH_PLATFORM_ADMINS: 'group:ops' }));

type Viewer = { viewer: { username: string; groups: string[] } | null };

async function viewer(token: string) {
  const res = await server().graphql<Viewer>('{ viewer { username groups } }', {}, token);
  return { status: res.status, username: res.data?.viewer?.username, groups: res.data?.viewer?.groups, code: res.errors?.[0]?.extensions.code };
}

async function expectRefused(token: string, reason: RegExp) {
  const rest = await server().request<{ code: string; reason: string }>('GET', `${V1}/projects`, { token });
  expect(rest.status).toBe(401);
  expect(rest.body).toMatchObject({ code: 'ambient-api-server-15' });
  expect(rest.body.reason).toMatch(reason);
  expect(await viewer(token)).toMatchObject({ status: 401, code: 15 });
}

describe('tokens issued by oidc-provider', () => {
  test('client credentials: a JWT access token (header typ at+jwt) is accepted; the client is the caller', async () => {
    const { access_token } = await idp.clientCredentials();
    expect(decodeProtectedHeader(access_token)).toMatchObject({ typ: 'at+jwt', alg: 'RS256', kid: 'first' });
    expect(decodeJwt(access_token)).toMatchObject({ iss: idp.issuer, aud: AUDIENCE, sub: CLIENT.id, client_id: CLIENT.id });

    expect((await server().request('GET', `${V1}/projects`, { token: access_token })).status).toBe(200);
    // No username-like claim but `sub`: the identity is the subject (runtime.md §c.1).
    expect(await viewer(access_token)).toMatchObject({ status: 200, username: CLIENT.id, groups: [] });
  });

  test('a user signed in through the authorization code flow with PKCE: access token accepted, ID and refresh tokens refused', async () => {
    const tokens = await idp.login('user-ada');
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
    expect(decodeJwt(tokens.access_token)).toMatchObject({ sub: 'user-ada', preferred_username: 'ada', groups: ['engines', 'ops'] });

    expect(await viewer(tokens.access_token)).toMatchObject({ status: 200, username: 'ada', groups: ['engines', 'ops'] });
    // `ops` is a platform-admin group: the REST list sees every project, including one made by the client.
    const created = await server().request<{ id: string }>('POST', `${V1}/projects`, {
      token: (await idp.clientCredentials()).access_token,
      body: { name: 'oidc-client-project' },
    });
    expect(created.status).toBe(201);
    const listed = await server().request<{ items: { id: string }[] }>('GET', `${V1}/projects?size=100`, { token: tokens.access_token });
    expect(listed.body.items.map((p) => p.id)).toContain(created.body.id);

    // The ID token is signed by the same key and issuer, but addressed to the client, not the API.
    expect(tokens.id_token).toBeDefined();
    expect(decodeJwt(tokens.id_token!).aud).toBe(CLIENT.id);
    await expectRefused(tokens.id_token!, /"aud"/);
    // oidc-provider's refresh tokens are opaque.
    expect(tokens.refresh_token).toBeDefined();
    await expectRefused(tokens.refresh_token!, /not a JWT/);
  });

  test('key rotation: a token signed with the new key makes the server refetch the JWKS; the retired key stops working', async () => {
    const before = (await idp.clientCredentials()).access_token;
    expect((await viewer(before)).status).toBe(200);

    const second = await providerKey('second');
    idp.rotate([second, first]);
    const after = (await idp.clientCredentials()).access_token;
    expect(decodeProtectedHeader(after).kid).toBe('second');
    // Unknown kids are refetched at most every 30 s: move the clock (the server's, and the provider's).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + MIN_RELOAD_INTERVAL_MS + 1000);
    expect(await viewer(after)).toMatchObject({ status: 200, username: CLIENT.id });
    expect((await viewer(before)).status).toBe(200);

    // The provider retires the first key; a token still naming it is refused once the server has
    // refetched (an unknown kid again, 30 s later).
    idp.rotate([second]);
    vi.setSystemTime(Date.now() + MIN_RELOAD_INTERVAL_MS + 1000);
    const third = await providerKey('third');
    idp.rotate([third, second]);
    expect((await viewer((await idp.clientCredentials()).access_token)).status).toBe(200);
    await expectRefused(before, /unknown key/);
  });
});
