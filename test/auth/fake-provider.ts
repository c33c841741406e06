import { createHash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { jwtVerify } from 'jose';

/**
 * A fake GitHub, GitHub Enterprise, GitLab, Jira and Google in one real HTTPS server (its
 * certificate is test/auth/fixtures/provider-cert.pem), speaking the few endpoints the server
 * calls, strictly: wrong credentials are 401, as the real ones answer.
 *
 * Paths: `/github` (web: OAuth), `/github-api` (REST API, App installation tokens included), `/ghe/api/v3` (an Enterprise server),
 * `/gitlab/api/v4`, `/jira/rest/api/{2,3}` (a Jira Server: v3 is 404), `/google/{token,userinfo}`.
 */

export const CA_FILE = fileURLToPath(new URL('./fixtures/provider-cert.pem', import.meta.url));
const KEY_FILE = fileURLToPath(new URL('./fixtures/provider-key.pem', import.meta.url));

export interface FakeProvider {
  url: string;
  /** Authorization codes the provider will accept: code → PKCE challenge (Google) or null. */
  codes: Map<string, { challenge: string | null; fail?: boolean }>;
  /** Access tokens → who they belong to. */
  tokens: Map<string, { login?: string; email?: string; installations?: number[] }>;
  /** Google refresh tokens the token endpoint accepts (`grant_type=refresh_token`). */
  refreshTokens: Set<string>;
  /** Installations the GitHub App can see (looked up with its JWT). */
  appInstallations: Map<number, string>;
  /** The GitHub App's public key, to check the JWTs the server signs. */
  appPublicKey: KeyObject | undefined;
  /** Requests received, as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

type Reply = [number, unknown];

export async function startFakeProvider(): Promise<FakeProvider> {
  const fake: FakeProvider = {
    url: '',
    codes: new Map(),
    tokens: new Map(),
    appInstallations: new Map(),
    refreshTokens: new Set(),
    appPublicKey: undefined,
    requests: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  let issued = 0;

  const bearer = (auth: string | undefined) => fake.tokens.get(/^Bearer (.+)$/.exec(auth ?? '')?.[1] ?? '');

  /** The token endpoints of both providers: form-encoded code in, tokens out. */
  function exchange(form: URLSearchParams, provider: 'google' | 'github'): Reply {
    if (provider === 'google' && form.get('grant_type') === 'refresh_token') return refresh(form);
    const grant = fake.codes.get(form.get('code') ?? '');
    if (!grant || grant.fail)
      return [provider === 'github' ? 200 : 400, { error: 'bad_verification_code', error_description: 'The code passed is incorrect or expired.' }];
    fake.codes.delete(form.get('code')!);
    if (form.get('client_id') !== 'client-id' || form.get('client_secret') !== 'client-secret') return [401, { error: 'invalid_client' }];
    if (
      grant.challenge !== null &&
      createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url') !== grant.challenge
    ) {
      return [400, { error: 'invalid_grant', error_description: 'PKCE verification failed' }];
    }
    const token = `${provider === 'github' ? 'gho_' : 'ya29.'}issued${++issued}`;
    fake.tokens.set(token, provider === 'github' ? { login: 'octocat', installations: [7] } : { email: 'ada@example.com' });
    return provider === 'github'
      ? [200, { access_token: token, token_type: 'bearer', scope: 'repo,user' }]
      : [
          200,
          {
            access_token: token,
            refresh_token: `1//refresh${issued}`,
            expires_in: 3599,
            scope: 'openid https://www.googleapis.com/auth/drive',
            token_type: 'Bearer',
          },
        ];
  }

  /** Google's refresh grant: a new access token, no new refresh token (as Google answers). */
  function refresh(form: URLSearchParams): Reply {
    if (form.get('client_id') !== 'client-id' || form.get('client_secret') !== 'client-secret') return [401, { error: 'invalid_client' }];
    if (!fake.refreshTokens.has(form.get('refresh_token') ?? ''))
      return [400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }];
    const token = `ya29.refreshed${++issued}`;
    fake.tokens.set(token, { email: 'ada@example.com' });
    return [200, { access_token: token, expires_in: 3599, scope: 'openid https://www.googleapis.com/auth/drive', token_type: 'Bearer' }];
  }

  /** The GitHub App's JWT on a request, verified as GitHub does; a reply when it is refused. */
  async function appJwtRefusal(headers: Record<string, string | undefined>): Promise<Reply | undefined> {
    try {
      const jwt = /^Bearer (.+)$/.exec(headers['authorization'] ?? '')?.[1] ?? '';
      const { payload } = await jwtVerify(jwt, fake.appPublicKey!, { algorithms: ['RS256'], issuer: '42' });
      if (payload.exp! - payload.iat! > 600) return [401, { message: 'JWT lives too long' }];
    } catch {
      return [401, { message: 'A JSON web token could not be decoded' }];
    }
    return undefined;
  }

  async function route(method: string, url: URL, headers: Record<string, string | undefined>, body: string): Promise<Reply> {
    const path = url.pathname;
    const who = bearer(headers['authorization']);
    if (method === 'POST' && path === '/google/token') return exchange(new URLSearchParams(body), 'google');
    if (method === 'POST' && path === '/github/login/oauth/access_token') return exchange(new URLSearchParams(body), 'github');
    if (path === '/google/userinfo') return who?.email ? [200, { email: who.email, verified_email: true }] : [401, { error: 'invalid_token' }];
    if (path === '/github-api/user' || path === '/ghe/api/v3/user') return who?.login ? [200, { login: who.login }] : [401, { message: 'Bad credentials' }];
    if (path === '/github-api/user/installations') {
      if (!who?.login) return [401, { message: 'Bad credentials' }];
      return [200, { total_count: who.installations?.length ?? 0, installations: (who.installations ?? []).map((id) => ({ id })) }];
    }
    const minting = /^\/github-api\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (minting && method === 'POST') {
      const refused = await appJwtRefusal(headers);
      if (refused) return refused;
      if (!fake.appInstallations.has(Number(minting[1]))) return [404, { message: 'Not Found' }];
      const token = `ghs_installation${++issued}`;
      fake.tokens.set(token, { login: `${fake.appInstallations.get(Number(minting[1]))}[bot]` });
      return [
        201,
        {
          token,
          expires_at: new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          permissions: { contents: 'write' },
          repository_selection: 'all',
        },
      ];
    }
    const installation = /^\/github-api\/app\/installations\/(\d+)$/.exec(path);
    if (installation) {
      try {
        const jwt = /^Bearer (.+)$/.exec(headers['authorization'] ?? '')?.[1] ?? '';
        const { payload } = await jwtVerify(jwt, fake.appPublicKey!, { algorithms: ['RS256'], issuer: '42' });
        if (payload.exp! - payload.iat! > 600) return [401, { message: 'JWT lives too long' }];
      } catch {
        return [401, { message: 'A JSON web token could not be decoded' }];
      }
      const account = fake.appInstallations.get(Number(installation[1]));
      return account ? [200, { id: Number(installation[1]), account: { login: account } }] : [404, { message: 'Not Found' }];
    }
    if (path === '/gitlab/api/v4/user')
      return headers['private-token'] === 'glpat-abcdefghijklmnopqrst' ? [200, { username: 'tanuki' }] : [401, { message: '401 Unauthorized' }];
    if (path === '/jira/rest/api/3/myself') return [404, {}];
    if (path === '/jira/rest/api/2/myself') {
      const basic = Buffer.from(headers['authorization']?.replace(/^Basic /, '') ?? '', 'base64').toString();
      return basic === 'ada@example.com:jira-token' ? [200, { displayName: 'Ada Lovelace', emailAddress: 'ada@example.com' }] : [401, {}];
    }
    return [404, { message: 'Not Found' }];
  }

  const server = https.createServer({ cert: fs.readFileSync(CA_FILE), key: fs.readFileSync(KEY_FILE) }, (req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://fake');
      fake.requests.push(`${req.method} ${url.pathname}`);
      void route(req.method ?? 'GET', url, req.headers as Record<string, string | undefined>, body).then(([status, json]) => {
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(json));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** The server's configuration for this fake. */
export function providerEnv(fake: FakeProvider): Record<string, string> {
  return {
    PROVIDER_CA_FILE: CA_FILE,
    GITHUB_URL: `${fake.url}/github`,
    GITHUB_API_URL: `${fake.url}/github-api`,
    GOOGLE_AUTH_URL: `${fake.url}/google/auth`,
    GOOGLE_TOKEN_URL: `${fake.url}/google/token`,
    GOOGLE_USERINFO_URL: `${fake.url}/google/userinfo`,
    GOOGLE_OAUTH_CLIENT_ID: 'client-id',
    GOOGLE_OAUTH_CLIENT_SECRET: 'client-secret',
    GITHUB_OAUTH_CLIENT_ID: 'client-id',
    GITHUB_OAUTH_CLIENT_SECRET: 'client-secret',
  };
}
