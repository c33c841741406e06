import fs from 'node:fs';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { useAuthServer } from './server.ts';
import { jwks, nowSeconds, signingKey, startJwksServer, type JwksServer, type SigningKey } from './tokens.ts';

/**
 * Keycloak / Red Hat SSO tokens (runtime.md §c.1, issue 11 §1), shaped as a realm issues them
 * (test/auth/fixtures/keycloak-tokens.json): the header says `typ: JWT`, the claim `typ` says which
 * kind of token it is. Without AUTH_AUDIENCE — so the claim alone must keep ID and refresh tokens out.
 */

interface FixtureToken {
  header: { alg: string; typ: string; kid: string };
  claims: Record<string, unknown>;
}
const fixture = JSON.parse(fs.readFileSync(new URL('fixtures/keycloak-tokens.json', import.meta.url), 'utf8')) as Record<
  'access' | 'id' | 'refresh',
  FixtureToken
> & {
  issuer: string;
};

let realmKey: SigningKey;
let idp: JwksServer;
beforeAll(async () => {
  realmKey = await signingKey('keycloak-rsa');
  idp = await startJwksServer(jwks(realmKey));
});
afterAll(() => idp.close());

const server = useAuthServer(() => ({ AUTH_JWKS_URL: idp.url, AUTH_ISSUER: fixture.issuer }));

/** The fixture's token with its times made absolute, signed as its header says (RS256 with the realm key, or HS512). */
function issue({ header, claims }: FixtureToken, overrides: { alg?: string } = {}): Promise<string> {
  const now = nowSeconds();
  const timed: Record<string, unknown> = { ...claims, exp: now + (claims['exp'] as number), iat: now + (claims['iat'] as number) };
  if ('auth_time' in claims) timed['auth_time'] = now + (claims['auth_time'] as number);
  const alg = overrides.alg ?? header.alg;
  const jwt = new SignJWT(timed as JWTPayload).setProtectedHeader({ ...header, alg, ...(alg === 'RS256' ? { kid: realmKey.kid } : {}) });
  return alg === 'RS256' ? jwt.sign(realmKey.privateKey) : jwt.sign(new TextEncoder().encode('realm-hmac-secret-'.repeat(4)));
}

async function refused(token: string, reason: RegExp) {
  const res = await server().request<{ code: string; reason: string }>('GET', `${V1}/projects`, { token });
  expect(res.status).toBe(401);
  expect(res.body.code).toBe('ambient-api-server-15');
  expect(res.body.reason).toMatch(reason);
}

test('the access token (header typ JWT, claim typ Bearer) is accepted; identity from preferred_username, name, email, groups', async () => {
  const token = await issue(fixture.access);
  expect((await server().request('GET', `${V1}/projects`, { token })).status).toBe(200);
  const me = await server().graphql<{ viewer: Record<string, unknown> }>('{ viewer { username name email groups } }', {}, token);
  expect(me.data?.viewer).toEqual({ username: 'ghopper', name: 'Grace Hopper', email: 'grace@example.com', groups: ['ops', 'compilers'] });
});

test('the ID token and the refresh token of the same login are refused', async () => {
  await refused(await issue(fixture.id), /claim typ must be Bearer/);
  // Keycloak signs refresh tokens with the realm's HMAC key…
  await refused(await issue(fixture.refresh), /algorithm must be one of RS256/);
  // …and were it signed with the RSA key, its claim typ still refuses it.
  await refused(await issue(fixture.refresh, { alg: 'RS256' }), /claim typ must be Bearer/);
});
