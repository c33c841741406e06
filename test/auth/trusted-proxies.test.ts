import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TrustedProxies, parseProxyRule, type ProxyRule } from '../../src/auth/trusted-proxies.ts';
import { V1 } from '../support/api.ts';
import { useAuthServer } from './server.ts';
import { jwks, mint, signingKey, type SigningKey } from './tokens.ts';

/**
 * AUTH_TRUSTED_PROXIES (issue 11 §2): the identity headers of an authenticating proxy are believed
 * only from the configured peer addresses, and ignored — never trusted — from anywhere else.
 */

type Json = Record<string, unknown>;

let key: SigningKey;
let dir: string;
beforeAll(async () => {
  key = await signingKey('k1');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proxies-'));
  fs.writeFileSync(path.join(dir, 'jwks.json'), JSON.stringify(jwks(key)));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const PROXY_HEADERS = {
  'X-Forwarded-User': 'u-1234',
  'X-Forwarded-Preferred-Username': 'paula',
  'X-Forwarded-Email': 'paula@example.com',
  'X-Forwarded-Groups': 'reviewers, ops ,reviewers',
};

describe('from a trusted proxy (127.0.0.1/32 configured)', () => {
  const server = useAuthServer(() => ({
    AUTH_JWKS_FILE: path.join(dir, 'jwks.json'),
    AUTH_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1/32',
    AUTH_PLATFORM_ADMINS: 'root',
  }));

  test('the headers are the identity: preferred username, email and groups; the user is provisioned', async () => {
    const s = server();
    const root = await mint(key, 'root');
    const project = (await s.request<Json>('POST', `${V1}/projects`, { token: root, body: { name: 'proxied' } })).body;
    await s.request('POST', `${V1}/permissions`, {
      token: root,
      body: { project_id: project['id'], subject_type: 'group', subject_name: 'ops', role: 'view' },
    });
    expect((await s.request('GET', `${V1}/projects/${project['id']}`, { headers: PROXY_HEADERS })).status).toBe(200);
    const { rows } = await s.db.pool.query(`SELECT username, email, groups FROM users WHERE username = 'paula'`);
    expect(rows).toEqual([{ username: 'paula', email: 'paula@example.com', groups: ['reviewers', 'ops'] }]);
    // X-Forwarded-User alone names the user when there is no preferred username.
    expect((await s.request('GET', `${V1}/projects`, { headers: { 'X-Forwarded-User': 'quinn' } })).status).toBe(200);
    expect((await s.db.pool.query(`SELECT 1 FROM users WHERE username = 'quinn'`)).rowCount).toBe(1);
  });

  test('a token still comes first: Authorization and X-Forwarded-Access-Token are verified, and a bad one is not rescued by the headers', async () => {
    const s = server();
    const viewer = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await mint(key, 'tokened')}`, ...PROXY_HEADERS },
      body: JSON.stringify({ query: '{ viewer { username } }' }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { username: 'tokened' } } });
    expect((await s.request('GET', `${V1}/projects`, { headers: { ...PROXY_HEADERS, 'X-Forwarded-Access-Token': 'not-a-jwt' } })).status).toBe(401);
  });

  test('a proxy asserting a ServiceAccount gets a principal without rights, never a session runner', async () => {
    const s = server();
    const res = await s.request<{ total: number }>('GET', `${V1}/projects`, {
      headers: { 'X-Forwarded-User': 'system:serviceaccount:p:ambient-session-session-x' },
    });
    expect([res.status, res.body.total]).toEqual([200, 0]);
    expect((await s.db.pool.query(`SELECT 1 FROM users WHERE username LIKE 'system:%'`)).rowCount).toBe(0);
  });
});

describe('from an untrusted address (only 10.0.0.0/8 and fd00::/8 configured)', () => {
  const server = useAuthServer(() => ({
    AUTH_JWKS_FILE: path.join(dir, 'jwks.json'),
    AUTH_TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8',
    AUTH_PLATFORM_ADMINS: 'root',
  }));

  test('forged headers are ignored: no credentials is 401 over REST, GraphQL and watches, and nobody is provisioned', async () => {
    const s = server();
    const forged = { ...PROXY_HEADERS, 'X-Forwarded-Preferred-Username': 'root', 'X-Forwarded-For': '10.1.2.3', 'X-Real-IP': '10.1.2.3' };
    const rest = await s.request('GET', `${V1}/projects`, { headers: forged });
    expect([rest.status, (rest.body as Json)['code']]).toEqual([401, 'ambient-api-server-15']);
    expect((await s.request('GET', `${V1}/projects?watch=true`, { headers: forged })).status).toBe(401);
    const gql = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...forged },
      body: JSON.stringify({ query: '{ viewer { username } }' }),
    });
    expect(gql.status).toBe(401);
    expect((await s.db.pool.query(`SELECT 1 FROM users WHERE username IN ('root', 'paula')`)).rowCount).toBe(0);
  });

  test('with a token, the forged headers change nothing', async () => {
    const s = server();
    const res = await fetch(`${s.url}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await mint(key, 'honest')}`, ...PROXY_HEADERS, 'X-Forwarded-Groups': 'admins' },
      body: JSON.stringify({ query: '{ viewer { username groups } }' }),
    });
    expect(await res.json()).toEqual({ data: { viewer: { username: 'honest', groups: [] } } });
  });
});

describe('without AUTH_TRUSTED_PROXIES (the default)', () => {
  const server = useAuthServer(() => ({ AUTH_JWKS_FILE: path.join(dir, 'jwks.json') }));

  test('the headers are ignored even from loopback', async () => {
    expect((await server().request('GET', `${V1}/projects`, { headers: PROXY_HEADERS })).status).toBe(401);
  });
});

describe('address matching (node net.BlockList)', () => {
  const rules = (...entries: string[]) => entries.map((e) => parseProxyRule(e) as ProxyRule);

  /** The peer address a real connection to a dual-stack or IPv6 listener reports. */
  async function peerOf(listen: string, connect: string): Promise<string> {
    const server = http.createServer((req, res) => res.end(req.socket.remoteAddress));
    await new Promise<void>((resolve) => server.listen(0, listen, resolve));
    try {
      const res = await fetch(`http://${connect}:${(server.address() as AddressInfo).port}/`);
      return await res.text();
    } finally {
      server.close();
    }
  }

  test('IPv4 peers on a dual-stack socket (::ffff:a.b.c.d) match IPv4 ranges; IPv6 ranges match IPv6 peers', async () => {
    const mapped = await peerOf('::', '127.0.0.1').catch(() => '::ffff:127.0.0.1');
    expect(mapped).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    const request = (remoteAddress: string) => ({ socket: { remoteAddress }, headers: {} }) as unknown as http.IncomingMessage;
    const v4 = new TrustedProxies(rules('127.0.0.0/8'));
    expect(v4.trusts(request(mapped))).toBe(true);
    expect(v4.trusts(request('::ffff:10.0.0.1'))).toBe(false);
    expect(v4.trusts(request('::1'))).toBe(false);
    const v6 = new TrustedProxies(rules('::1', 'fd00::/8'));
    expect(v6.trusts(request('::1'))).toBe(true);
    expect(v6.trusts(request('fd12:3456::1'))).toBe(true);
    expect(v6.trusts(request('fe80::1'))).toBe(false);
    expect(v6.trusts(request('127.0.0.1'))).toBe(false);
  });
});
