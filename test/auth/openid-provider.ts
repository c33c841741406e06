import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider (the `oidc-provider` package, certified by the OpenID Foundation) as the
 * issuer of the tokens in the authentication tests, over real HTTP on a random port. It issues
 * JWT access tokens (RFC 9068) for one resource server — the API — through client credentials and
 * the authorization code flow with PKCE, whose login and consent steps a test drives through the
 * provider's own interaction pages. Key rotation replaces the provider behind the same address.
 */

export const RESOURCE = 'urn:ambient:api';
export const AUDIENCE = 'ambient-api';
export const CLIENT = { id: 'ambient-cli', secret: 'ambient-cli-secret-0123456789abcdef', redirectUri: 'http://127.0.0.1:1/callback' };

/** The users the provider knows, with the claims its access tokens carry about them. */
const ACCOUNTS: Record<string, { preferred_username: string; email: string; groups: string[] }> = {
  'user-ada': { preferred_username: 'ada', email: 'ada@example.com', groups: ['engines', 'ops'] },
};

export interface SigningJwk extends JWK {
  kid: string;
}

export async function providerKey(kid: string): Promise<SigningJwk> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
}

export interface Tokens {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
}

export interface OpenIdProvider {
  issuer: string;
  /** The `jwks_uri` of the provider's discovery document. */
  jwksUri: string;
  /** Signs with `keys[0]` from now on and publishes all of them. */
  rotate(keys: SigningJwk[]): void;
  clientCredentials(): Promise<Tokens>;
  /** Signs `accountId` in through the authorization code flow with PKCE: login and consent pages. */
  login(accountId: string): Promise<Tokens>;
  close(): Promise<void>;
}

function configuredProvider(issuer: string, keys: SigningJwk[]): Provider {
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT.id,
        client_secret: CLIENT.secret,
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        redirect_uris: [CLIENT.redirectUri],
        scope: 'openid offline_access api',
      },
    ],
    jwks: { keys },
    // Explicit lifetimes (seconds), which also keeps the provider from noting each default it used.
    ttl: { AccessToken: 600, ClientCredentials: 600, IdToken: 600, RefreshToken: 3600, Interaction: 600, Session: 3600, Grant: 3600, AuthorizationCode: 60 },
    cookies: { keys: ['cookie-signing-key-for-tests-only'] },
    scopes: ['openid', 'offline_access', 'api'],
    features: {
      clientCredentials: { enabled: true },
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: 'api', audience: AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: 600 }),
      },
    },
    async findAccount(_ctx, accountId) {
      const account = ACCOUNTS[accountId];
      if (!account) return undefined;
      return { accountId, claims: () => ({ sub: accountId, ...account }) };
    },
    // Identity providers map user attributes into access tokens (Keycloak's protocol mappers do).
    async extraTokenClaims(_ctx, token) {
      const accountId = 'accountId' in token ? token.accountId : undefined;
      const account = typeof accountId === 'string' ? ACCOUNTS[accountId] : undefined;
      return account ? { ...account } : undefined;
    },
  });
  provider.on('server_error', (_ctx, error) => console.error('oidc-provider', error));
  return provider;
}

/** A cookie jar just big enough for the provider's interaction cookies. */
class Cookies {
  private readonly jar = new Map<string, string>();
  take(res: Response) {
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const at = pair!.indexOf('=');
      this.jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  }
  header = () => [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

export async function startOpenIdProvider(keys: SigningJwk[]): Promise<OpenIdProvider> {
  let current: Provider | undefined;
  const server = http.createServer((req, res) => void current!.callback()(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  current = configuredProvider(issuer, keys);
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Record<string, string>;
  const basic = `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`;

  async function token(form: Record<string, string>): Promise<Tokens> {
    const res = await fetch(discovery['token_endpoint']!, {
      method: 'POST',
      headers: { Authorization: basic, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
    const body = (await res.json()) as Tokens;
    if (!res.ok) throw new Error(`token endpoint answered ${res.status}: ${JSON.stringify(body)}`);
    return body;
  }

  return {
    issuer,
    jwksUri: discovery['jwks_uri']!,
    rotate(next) {
      current = configuredProvider(issuer, next);
    },
    clientCredentials: () => token({ grant_type: 'client_credentials', scope: 'api', resource: RESOURCE }),
    async login(accountId) {
      const verifier = randomBytes(32).toString('base64url');
      const cookies = new Cookies();
      const get = async (url: string) => {
        const res = await fetch(new URL(url, issuer), { headers: { Cookie: cookies.header() }, redirect: 'manual' });
        cookies.take(res);
        return res;
      };
      const post = async (url: string, form: Record<string, string>) => {
        const res = await fetch(new URL(url, issuer), {
          method: 'POST',
          headers: { Cookie: cookies.header(), 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(form),
          redirect: 'manual',
        });
        cookies.take(res);
        return res;
      };
      const authorize = new URL(discovery['authorization_endpoint']!);
      authorize.search = new URLSearchParams({
        client_id: CLIENT.id,
        response_type: 'code',
        redirect_uri: CLIENT.redirectUri,
        scope: 'openid offline_access api',
        prompt: 'consent',
        resource: RESOURCE,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
        state: randomBytes(8).toString('hex'),
      }).toString();

      // Follow redirects, answering the login and the consent page as a user would, until the
      // provider sends the browser back to the client with a code.
      let res = await get(authorize.href);
      for (let step = 0; step < 10; step++) {
        const location = res.headers.get('location');
        if (!location) throw new Error(`the provider stopped at HTTP ${res.status}: ${await res.text()}`);
        if (location.startsWith(CLIENT.redirectUri)) {
          const code = new URL(location).searchParams.get('code');
          if (!code) throw new Error(`no code in ${location}`);
          return token({ grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUri, code_verifier: verifier, resource: RESOURCE });
        }
        res = await get(location);
        if (res.status === 200 && location.includes('/interaction/')) {
          const page = await res.text();
          const form: Record<string, string> = page.includes('name="login"') ? { prompt: 'login', login: accountId, password: 'any' } : { prompt: 'consent' };
          res = await post(location, form);
        }
      }
      throw new Error('the login flow did not end');
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
