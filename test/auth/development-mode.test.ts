import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEVELOPMENT_MODE_WARNING, isLoopback, warnDevelopmentMode, WARNING_INTERVAL_MS } from '../../src/auth/development-mode.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createTestDatabase, testLog, type TestDatabase } from '../support/database.ts';
import { useServerProcesses } from '../support/process.ts';
import { jwks, signingKey } from './tokens.ts';

/**
 * Development mode (runtime.md §c.6) and the authentication configuration, with the real entry
 * point in its own process: no key source → loopback only and a loud warning; any other bind
 * address is refused at start.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const start = useServerProcesses();
let db: TestDatabase;
let jwksFile: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-devmode-'));
  jwksFile = path.join(dir, 'jwks.json');
  await fs.writeFile(jwksFile, JSON.stringify(jwks(await signingKey('k'))));
});
afterAll(() => db.drop());

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('the real server', () => {
  test('without a key source: serves on loopback, every caller a platform admin, and says so loudly', async () => {
    const server = await start({ DATABASE_URL: db.url });
    expect(server.output()).toContain(DEVELOPMENT_MODE_WARNING);
    expect(server.output()).toMatch(/"level":"warn".*"auth":"off"/);
    const res = await fetch(`${server.url}/api/ambient/v1/users`);
    expect(res.status).toBe(200);
    expect(await server.stop()).toBe(0);
  });

  test('without a key source, a non-loopback HOST refuses to start', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env['PATH']!, HOST: '0.0.0.0', PORT: '0', DATABASE_URL: db.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(stderr).toBe(
      'invalid configuration:\n  - HOST=0.0.0.0 needs authentication: without AUTH_JWKS_URL or AUTH_JWKS_FILE the server runs in development mode (every caller is a platform admin) and binds to 127.0.0.1 only\n',
    );
  });

  test('with a key source: any bind address, no warning, anonymous callers refused', async () => {
    const server = await start({ DATABASE_URL: db.url, HOST: '0.0.0.0', AUTH_JWKS_FILE: jwksFile });
    expect(server.output()).not.toContain(DEVELOPMENT_MODE_WARNING);
    const port = new URL(server.url).port;
    const res = await fetch(`http://127.0.0.1:${port}/api/ambient/v1/users`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="ambient-api-server/v1"');
    expect(await server.stop()).toBe(0);
  });
});

test('the warning repeats every ten minutes until stopped', () => {
  vi.useFakeTimers();
  try {
    const warn = vi.spyOn(testLog, 'warn').mockImplementation(() => undefined);
    const stop = warnDevelopmentMode(testLog);
    expect(warn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(WARNING_INTERVAL_MS * 3);
    expect(warn).toHaveBeenCalledTimes(4);
    stop();
    vi.advanceTimersByTime(WARNING_INTERVAL_MS * 3);
    expect(warn).toHaveBeenCalledTimes(4);
    warn.mockRestore();
  } finally {
    vi.useRealTimers();
  }
});

describe('configuration', () => {
  test('loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) expect([host, isLoopback(host)]).toEqual([host, true]);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com', '127.0.0.1.example.com']) expect([host, isLoopback(host)]).toEqual([host, false]);
  });

  test('authentication variables', () => {
    expect(loadConfig({ AUTH_JWKS_FILE: jwksFile, AUTH_ISSUER: 'https://sso', AUTH_AUDIENCE: 'api', AUTH_PLATFORM_ADMINS: ' root , group:ops,' }).auth).toEqual(
      {
        jwks: { file: jwksFile },
        issuer: 'https://sso',
        audience: 'api',
        jwtAlgorithms: ['RS256'],
        platformAdmins: ['root', 'group:ops'],
        tokenReview: undefined,
        trustedProxies: [],
      },
    );
    expect(loadConfig({ AUTH_JWKS_URL: 'https://sso.example.com/jwks', HOST: '0.0.0.0' }).auth.jwks).toEqual({ url: 'https://sso.example.com/jwks' });
    expect(loadConfig({}).auth.jwks).toBeUndefined();
    expect(problems({ AUTH_JWKS_URL: 'ftp://x' })).toEqual(['AUTH_JWKS_URL must be an http(s) URL']);
    expect(problems({ AUTH_JWKS_FILE: '/no/such/file.json' })).toEqual(['AUTH_JWKS_FILE must name an existing file']);
    expect(problems({ AUTH_JWKS_FILE: jwksFile, AUTH_JWKS_URL: 'https://sso.example.com/jwks' })).toEqual(['set only one of AUTH_JWKS_URL and AUTH_JWKS_FILE']);
    expect(problems({ AUTH_JWKS_FILE: jwksFile, AUTH_PLATFORM_ADMINS: 'group:' })).toHaveLength(1);
    expect(problems({ AUTH_JWKS_FILE: jwksFile, CORS_ORIGINS: '*' })).toEqual(['CORS_ORIGINS=* is allowed only in development mode: list the origins']);
    expect(problems({ CORS_ORIGINS: '*' })).toEqual([]);
  });

  test('AUTH_TOKEN_REVIEW and AUTH_TRUSTED_PROXIES: off by default; ranges and settings checked at start', () => {
    expect(loadConfig({}).auth).toMatchObject({ tokenReview: undefined, trustedProxies: [] });
    expect(loadConfig({ AUTH_TOKEN_REVIEW: 'on' }).auth.tokenReview).toEqual({ audiences: [], cacheTtlMs: 10_000, timeoutMs: 5_000 });
    expect(
      loadConfig({
        AUTH_TOKEN_REVIEW: 'on',
        AUTH_TOKEN_REVIEW_AUDIENCES: 'ambient, api',
        AUTH_TOKEN_REVIEW_CACHE_SECONDS: '0',
        AUTH_TOKEN_REVIEW_TIMEOUT_SECONDS: '2',
      }).auth.tokenReview,
    ).toEqual({ audiences: ['ambient', 'api'], cacheTtlMs: 0, timeoutMs: 2_000 });
    expect(loadConfig({ AUTH_TRUSTED_PROXIES: '10.0.0.0/8, 127.0.0.1 ,fd00::/8,::1' }).auth.trustedProxies).toEqual([
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '127.0.0.1', prefix: 32, family: 'ipv4' },
      { address: 'fd00::', prefix: 8, family: 'ipv6' },
      { address: '::1', prefix: 128, family: 'ipv6' },
    ]);
    expect(problems({ AUTH_TOKEN_REVIEW: 'yes' })).toEqual(['AUTH_TOKEN_REVIEW must be on or off']);
    expect(problems({ AUTH_TOKEN_REVIEW_CACHE_SECONDS: '301' })).toEqual(['AUTH_TOKEN_REVIEW_CACHE_SECONDS must be between 0 and 300']);
    expect(problems({ AUTH_TRUSTED_PROXIES: 'proxy.example.com, 10.0.0.0/33, 10.0.0.0/8/1, ::1/129' })).toEqual([
      'AUTH_TRUSTED_PROXIES: proxy.example.com is not an IP address or CIDR range',
      'AUTH_TRUSTED_PROXIES: 10.0.0.0/33 has a prefix length outside 0–32',
      'AUTH_TRUSTED_PROXIES: 10.0.0.0/8/1 is not an IP address or CIDR range',
      'AUTH_TRUSTED_PROXIES: ::1/129 has a prefix length outside 0–128',
    ]);
  });

  test('AUTH_JWT_ALGORITHMS: RS256 by default; PS256, ES256, EdDSA possible; none and HMAC refused at start', () => {
    expect(loadConfig({ AUTH_JWT_ALGORITHMS: 'ES256, EdDSA,PS256,RS256' }).auth.jwtAlgorithms).toEqual(['ES256', 'EdDSA', 'PS256', 'RS256']);
    expect(problems({ AUTH_JWT_ALGORITHMS: 'RS256,none,HS256' })).toEqual([
      expect.stringMatching(/^AUTH_JWT_ALGORITHMS: none is never accepted .*; use RS256, PS256, ES256, EdDSA$/),
      expect.stringMatching(/^AUTH_JWT_ALGORITHMS: HS256 is never accepted/),
    ]);
    expect(problems({ AUTH_JWT_ALGORITHMS: 'rs256' })).toEqual([expect.stringMatching(/^AUTH_JWT_ALGORITHMS: unknown algorithm rs256/)]);
    expect(problems({ AUTH_JWT_ALGORITHMS: ' , ' })).toEqual([expect.stringMatching(/^AUTH_JWT_ALGORITHMS must name at least one algorithm/)]);
  });

  test('integration variables', () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    expect(problems({ OAUTH_STATE_SECRET: 'too short' })).toEqual(['OAUTH_STATE_SECRET must be at least 32 bytes']);
    expect(problems({ CREDENTIALS_ENCRYPTION_KEY: key, OAUTH_STATE_SECRET: key })).toEqual([
      'OAUTH_STATE_SECRET must differ from every CREDENTIALS_ENCRYPTION_KEY',
    ]);
    expect(problems({ GOOGLE_OAUTH_CLIENT_ID: 'id' })).toEqual(['set both GOOGLE_OAUTH_CLIENT_ID and GOOGLE_OAUTH_CLIENT_SECRET, or neither']);
    expect(problems({ GITHUB_APP_ID: 'x', GITHUB_APP_PRIVATE_KEY_FILE: jwksFile })).toEqual([
      'GITHUB_APP_ID must be a number',
      'GITHUB_APP_PRIVATE_KEY_FILE must hold a PEM private key',
    ]);
    expect(problems({ PROVIDER_CA_FILE: '/no/such/ca.pem', PUBLIC_BASE_URL: 'not a url' })).toEqual([
      'PUBLIC_BASE_URL must be an http(s) URL',
      'PROVIDER_CA_FILE must name a readable file',
    ]);
    const config = loadConfig({
      PUBLIC_BASE_URL: 'https://ambient.example.com/',
      GITHUB_OAUTH_CLIENT_ID: 'id',
      GITHUB_OAUTH_CLIENT_SECRET: 'secret',
    }).integrations;
    expect(config).toMatchObject({ publicBaseUrl: 'https://ambient.example.com', github: { clientId: 'id', clientSecret: 'secret' }, google: undefined });
    expect(config.endpoints).toEqual({
      githubUrl: 'https://github.com',
      githubApiUrl: 'https://api.github.com',
      googleAuthUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      googleTokenUrl: 'https://oauth2.googleapis.com/token',
      googleUserinfoUrl: 'https://www.googleapis.com/oauth2/v2/userinfo',
    });
  });
});
