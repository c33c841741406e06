import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, importJWK, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { identityFromClaims } from '../../src/auth/authenticate.ts';
import { jwksFromFile, jwksFromUrl, KeyStore, MIN_RELOAD_INTERVAL_MS, REFRESH_MS } from '../../src/auth/jwks.ts';
import { verifyJwt, type JwtRules } from '../../src/auth/jwt.ts';
import { createLogger } from '../../src/log.ts';
import { failure } from '../support/domain.ts';
import { jwks, mint, nowSeconds, signingKey, startJwksServer, unsigned, type JwksServer, type SigningKey } from './tokens.ts';

/** JWT verification and the key set behind it (runtime.md §c.1). */

/** Failed key loads are expected here; their error logs are not news. */
const quiet = createLogger('silent');

let one: SigningKey;
let two: SigningKey;
let server: JwksServer;
let dir: string;

beforeAll(async () => {
  one = await signingKey('one');
  two = await signingKey('two');
  server = await startJwksServer(jwks(one));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-jwks-'));
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A clock the test moves. */
function clock(start = Date.now()) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

async function rejects(token: string, rules: JwtRules, reason: RegExp) {
  const error = await failure(verifyJwt(token, rules));
  expect(error.code).toBe(15);
  expect(error.reason).toMatch(reason);
}

describe('the key set', () => {
  test('from a URL: loaded on first use, refreshed after five minutes, refetched for an unknown kid at most every 30 s', async () => {
    server.serve(jwks(one));
    const time = clock();
    const keys = new KeyStore({ source: jwksFromUrl(server.url), origin: server.url, log: quiet, now: time.now });
    const rules = { keys, now: time.now };
    const before = server.fetches;

    await verifyJwt(await mint(one, 'alice'), rules);
    await verifyJwt(await mint(one, 'alice'), rules);
    expect(server.fetches - before).toBe(1);

    // Rotation: the provider publishes key two; a token signed with it arrives too early for a refetch…
    server.serve(jwks(one, two));
    time.advance(1000);
    await rejects(await mint(two, 'alice'), rules, /unknown key/);
    expect(server.fetches - before).toBe(1);
    // …and once the 30 s have passed, the unknown kid triggers one refetch, after which it verifies.
    time.advance(MIN_RELOAD_INTERVAL_MS);
    await verifyJwt(await mint(two, 'alice'), rules);
    expect(server.fetches - before).toBe(2);

    // Made-up kids cannot make the server hammer the provider.
    await Promise.all(Array.from({ length: 20 }, async (_, i) => rejects(await mint({ ...one, kid: `bogus-${i}` }, 'x'), rules, /unknown key/)));
    expect(server.fetches - before).toBe(2);

    // A retired key stops working at the next refresh, five minutes on.
    server.serve(jwks(two));
    time.advance(REFRESH_MS);
    await rejects(await mint(one, 'alice'), rules, /unknown key/);
    expect(server.fetches - before).toBe(3);
  });

  test('concurrent requests share one load; a failed load keeps the keys already held', async () => {
    server.serve(jwks(one));
    const time = clock();
    const keys = new KeyStore({ source: jwksFromUrl(server.url), origin: server.url, log: quiet, now: time.now });
    const before = server.fetches;
    const token = await mint(one, 'alice');
    await Promise.all(Array.from({ length: 10 }, () => verifyJwt(token, { keys, now: time.now })));
    expect(server.fetches - before).toBe(1);

    server.fail(503);
    time.advance(REFRESH_MS);
    await verifyJwt(token, { keys, now: time.now });
    expect(server.fetches - before).toBe(2);
  });

  test('from a file; entries that are not signing keys for an accepted algorithm are skipped', async () => {
    const file = path.join(dir, 'jwks.json');
    const ec = { kty: 'EC', crv: 'P-256', kid: 'ec', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };
    const encryption = { ...two.jwk, use: 'enc' };
    const noKid = { ...two.jwk, kid: undefined };
    await fs.writeFile(file, JSON.stringify({ keys: [ec, encryption, noKid, one.jwk, { kty: 'RSA', kid: 'broken', n: '', e: '' }] }));
    const keys = new KeyStore({ source: jwksFromFile(file), origin: file, log: quiet });
    expect((await verifyJwt(await mint(one, 'alice'), { keys }))['preferred_username']).toBe('alice');
    await rejects(await mint(two, 'alice'), { keys }, /unknown key/);
  });
});

describe('verification', () => {
  let rules: JwtRules;
  beforeAll(async () => {
    const file = path.join(dir, 'verify.json');
    await fs.writeFile(file, JSON.stringify(jwks(one)));
    rules = { keys: new KeyStore({ source: jwksFromFile(file), origin: file, log: quiet }) };
  });

  test('a valid token; 60 s of clock skew on exp, nbf and iat', async () => {
    const now = nowSeconds();
    await verifyJwt(await mint(one, 'alice'), rules);
    await verifyJwt(await mint(one, 'alice', { claims: { exp: now - 30, iat: now - 100 } }), rules);
    await verifyJwt(await mint(one, 'alice', { claims: { nbf: now + 30 } }), rules);
    await verifyJwt(await mint(one, 'alice', { claims: { iat: now + 30 } }), rules);
  });

  test('header typ: absent, JWT or at+jwt in any case (RFC 7519, RFC 9068); claim typ, when present, Bearer', async () => {
    for (const typ of ['JWT', 'jwt', 'at+jwt', 'AT+JWT', 'application/at+jwt', 'application/jwt'])
      await verifyJwt(await mint(one, 'alice', { header: { typ } }), rules);
    for (const typ of ['Bearer', 'bearer', 'BEARER']) await verifyJwt(await mint(one, 'alice', { header: { typ: 'JWT' }, claims: { typ } }), rules);

    for (const typ of ['Bearer', 'JOSE', 'dpop+jwt', 'logout+jwt', 'application/json', '', 7]) {
      await rejects(await mint(one, 'alice', { header: { typ } }), rules, /header typ must be absent, JWT or at\+jwt/);
    }
    // Keycloak's other token kinds, signed by the same key: an ID token and a refresh token.
    for (const typ of ['ID', 'Refresh', 'Offline', 'Logout', '', 1]) {
      await rejects(await mint(one, 'alice', { header: { typ: 'JWT' }, claims: { typ } }), rules, /claim typ must be Bearer/);
    }
  });

  test('algorithms: only the configured ones, and only with a key of their kind', async () => {
    const es = await signingKey('es', 'ES256');
    const ps = await signingKey('ps', 'PS256');
    const ed = await signingKey('ed', 'EdDSA');
    // An RSA key without "alg" may serve RS256 and PS256 alike.
    const rsa = await signingKey('rsa', 'PS256', { declareAlg: false });
    const file = path.join(dir, 'algorithms.json');
    await fs.writeFile(file, JSON.stringify(jwks(one, es, ps, ed, rsa)));
    const all = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
    const open = { keys: new KeyStore({ source: jwksFromFile(file), origin: file, log: quiet, algorithms: all }), algorithms: all };
    for (const key of [one, es, ps, ed, rsa]) expect((await verifyJwt(await mint(key, 'alice'), open))['preferred_username'], key.kid).toBe('alice');
    const rsaForRs256 = (await importJWK(await exportJWK(rsa.privateKey), 'RS256')) as CryptoKey;
    await verifyJwt(await mint({ ...rsa, alg: 'RS256', privateKey: rsaForRs256 }, 'alice'), open);

    // A key declaring one algorithm does not verify another, even of the same family.
    await rejects(await mint({ ...one, kid: 'ps' }, 'alice'), open, /not a RS256 key/);
    // A token naming an EC key but claiming RS256: refused before any signature check.
    await rejects(await mint({ ...one, kid: 'es' }, 'alice'), open, /not a RS256 key/);

    // The default is RS256 alone: the others are refused, and their keys are not even loaded.
    const strict = { keys: new KeyStore({ source: jwksFromFile(file), origin: file, log: quiet }) };
    await verifyJwt(await mint(one, 'alice'), strict);
    for (const key of [es, ps, ed]) await rejects(await mint(key, 'alice'), strict, /algorithm must be one of RS256$/);
    await rejects(await mint({ ...one, kid: 'es' }, 'alice'), strict, /unknown key/);
  });

  test('every bad token is refused', async () => {
    const now = nowSeconds();
    const good = await mint(one, 'alice');
    const [h, p, s] = good.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), preferred_username: 'root' })).toString('base64url');
    const flipped = `${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
    const cases: [string, string, RegExp][] = [
      ['tampered payload', `${h}.${forged}.${s}`, /signature/],
      ['tampered signature', `${h}.${p}.${flipped}`, /signature/],
      ['signed by a key not in the set', await mint({ ...two, kid: 'one' }, 'alice'), /signature/],
      ['expired', await mint(one, 'alice', { claims: { exp: now - 61 } }), /"exp"/],
      ['no exp', await mint(one, 'alice', { claims: { exp: undefined } }), /"exp"/],
      ['not yet valid', await mint(one, 'alice', { claims: { nbf: now + 120 } }), /"nbf"/],
      ['iat in the future', await mint(one, 'alice', { claims: { iat: now + 120 } }), /"iat"/],
      ['no iat', await mint(one, 'alice', { claims: { iat: undefined } }), /"iat"/],
      ['alg none', unsigned({ preferred_username: 'root', iat: now, exp: now + 60 }, { alg: 'none', kid: 'one' }), /RS256/],
      ['garbage', 'not.a.jwt', /not a JWT/],
      ['header typ of another JOSE object', await mint(one, 'alice', { header: { typ: 'secevent+jwt' } }), /typ/],
      ['an ID token', await mint(one, 'alice', { claims: { typ: 'ID' } }), /typ/],
      ['no kid', await mint(one, 'alice', { header: { kid: undefined } }), /kid/],
      ['unknown kid', await mint({ ...one, kid: 'three' }, 'alice'), /unknown key/],
    ];
    // HS256 keyed with the public key's bytes: the classic algorithm-confusion attack.
    const publicBytes = new TextEncoder().encode(JSON.stringify(one.jwk));
    cases.push([
      'HS256 with the public key',
      await new SignJWT({ preferred_username: 'root', iat: now, exp: now + 60 }).setProtectedHeader({ alg: 'HS256', kid: 'one' }).sign(publicBytes),
      /RS256/,
    ]);
    for (const [what, token, reason] of cases) {
      const error = await failure(verifyJwt(token, rules));
      expect([what, error.code]).toEqual([what, 15]);
      expect(error.reason, what).toMatch(reason);
    }
  });

  test('issuer and audience, only when configured', async () => {
    const strict = { ...rules, issuer: 'https://sso.example.com', audience: 'ambient' };
    await verifyJwt(await mint(one, 'alice', { claims: { iss: 'https://sso.example.com', aud: ['other', 'ambient'] } }), strict);
    await verifyJwt(await mint(one, 'alice', { claims: { iss: 'https://sso.example.com', aud: 'ambient' } }), strict);
    await rejects(await mint(one, 'alice', { claims: { iss: 'https://evil.example.com', aud: 'ambient' } }), strict, /"iss"/);
    await rejects(await mint(one, 'alice', { claims: { aud: 'ambient' } }), strict, /"iss"/);
    await rejects(await mint(one, 'alice', { claims: { iss: 'https://sso.example.com', aud: 'other' } }), strict, /"aud"/);
    await rejects(await mint(one, 'alice', { claims: { iss: 'https://sso.example.com' } }), strict, /"aud"/);
    // Not configured: not checked.
    await verifyJwt(await mint(one, 'alice', { claims: { iss: 'anyone', aud: 'anything' } }), rules);
  });
});

describe('identity from claims', () => {
  test('username: username, preferred_username, email, sub — the first non-empty string, as given', () => {
    const username = (claims: Record<string, unknown>) => identityFromClaims(claims)?.username;
    expect(username({ username: 'U', preferred_username: 'p', email: 'e@x', sub: 's' })).toBe('U');
    expect(username({ username: '', preferred_username: 'Pat', email: 'e@x', sub: 's' })).toBe('Pat');
    expect(username({ username: 7, preferred_username: '  ', email: 'e@x.io', sub: 's' })).toBe('e@x.io');
    expect(username({ sub: 'subject-1' })).toBe('subject-1');
    expect(identityFromClaims({ name: 'Nobody', groups: ['g'] })).toBeUndefined();
  });

  test('display name: name, given + family, first + last, else the username', () => {
    const name = (claims: Record<string, unknown>) => identityFromClaims({ sub: 'u1', ...claims })?.name;
    expect(name({ name: 'Ada Lovelace', given_name: 'A', family_name: 'L' })).toBe('Ada Lovelace');
    expect(name({ given_name: 'Ada', family_name: 'Lovelace', first_name: 'X', last_name: 'Y' })).toBe('Ada Lovelace');
    expect(name({ given_name: 'Ada', first_name: 'Grace', last_name: 'Hopper' })).toBe('Grace Hopper');
    expect(name({ first_name: 'Grace' })).toBe('u1');
  });

  test('email and groups', () => {
    expect(identityFromClaims({ sub: 'u', email: 'u@example.com', groups: ['a', 'b'] })).toEqual({
      username: 'u@example.com',
      name: 'u@example.com',
      email: 'u@example.com',
      groups: ['a', 'b'],
    });
    expect(identityFromClaims({ sub: 'u', groups: ['a', 3] })?.groups).toEqual([]);
    expect(identityFromClaims({ sub: 'u', groups: 'a' })?.groups).toEqual([]);
    expect(identityFromClaims({ sub: 'u' })?.email).toBeUndefined();
  });
});
