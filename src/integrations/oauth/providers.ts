import type { OAuthClient, ProviderEndpoints } from '../config.ts';
import type { ProviderHttp, ProviderResponse } from '../http.ts';
import type { OAuthProviderName } from './state.ts';

/**
 * What differs between the OAuth providers (runtime.md §c.4): the authorize URL, the code
 * exchange, who the token belongs to, and — GitHub — which App installations the user can access.
 */

export interface OAuthGrant {
  accessToken: string;
  refreshToken?: string | undefined;
  expiresAt?: Date | undefined;
  scopes?: string[] | undefined;
}

export interface OAuthIdentity {
  /** The provider login (GitHub). */
  username?: string | undefined;
  email?: string | undefined;
}

/** The provider refused or failed; recorded on the flow and reported to the user as its error. */
export class OAuthFailure extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthFailure';
  }
}

export interface OAuthProvider {
  readonly name: OAuthProviderName;
  /** Whether the flow uses PKCE (S256). */
  readonly pkce: boolean;
  authorizeUrl(request: { state: string; redirectUri: string; codeChallenge?: string | undefined }): string;
  exchange(request: { code: string; redirectUri: string; codeVerifier?: string | undefined }): Promise<OAuthGrant>;
  identity(grant: OAuthGrant): Promise<OAuthIdentity>;
  /** GitHub only: whether the token's user can access the App installation. */
  canAccessInstallation?(grant: OAuthGrant, installationId: number): Promise<boolean>;
}

const GOOGLE_SCOPES = [
  'openid',
  ...[
    'userinfo.email',
    'userinfo.profile',
    'drive',
    'drive.readonly',
    'drive.file',
    'gmail.readonly',
    'gmail.labels',
    'gmail.modify',
    'gmail.compose',
    'gmail.send',
  ].map((scope) => `https://www.googleapis.com/auth/${scope}`),
];

const form = (values: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) params.set(key, value);
  return { body: params.toString(), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
};

const text = (json: unknown, key: string): string | undefined => {
  const value = json && typeof json === 'object' ? (json as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The grant in a token endpoint's answer (both providers use the RFC 6749 names). */
function grantFrom(res: ProviderResponse, provider: string): OAuthGrant {
  const accessToken = text(res.json, 'access_token');
  if (res.status !== 200 || !accessToken) {
    throw new OAuthFailure(
      text(res.json, 'error') ?? 'token_exchange_failed',
      text(res.json, 'error_description') ?? `${provider} answered HTTP ${res.status} without an access token`,
    );
  }
  const expiresIn = (res.json as { expires_in?: unknown }).expires_in;
  const scope = text(res.json, 'scope');
  return {
    accessToken,
    refreshToken: text(res.json, 'refresh_token'),
    expiresAt: typeof expiresIn === 'number' ? new Date(Date.now() + expiresIn * 1000) : undefined,
    scopes: scope?.split(/[\s,]+/).filter(Boolean),
  };
}

function identityFailure(provider: string, res: ProviderResponse): OAuthFailure {
  return new OAuthFailure('identity_unavailable', `${provider} answered HTTP ${res.status} when asked who the token belongs to`);
}

export class GoogleOAuth implements OAuthProvider {
  readonly name = 'google';
  readonly pkce = true;

  constructor(
    private readonly client: OAuthClient,
    private readonly endpoints: ProviderEndpoints,
    private readonly http: ProviderHttp,
  ) {}

  authorizeUrl({ state, redirectUri, codeChallenge }: { state: string; redirectUri: string; codeChallenge?: string | undefined }): string {
    const url = new URL(this.endpoints.googleAuthUrl);
    url.search = new URLSearchParams({
      client_id: this.client.clientId,
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: GOOGLE_SCOPES.join(' '),
      access_type: 'offline',
      prompt: 'consent',
      state,
      code_challenge: codeChallenge!,
      code_challenge_method: 'S256',
    }).toString();
    return url.toString();
  }

  async exchange({ code, redirectUri, codeVerifier }: { code: string; redirectUri: string; codeVerifier?: string | undefined }): Promise<OAuthGrant> {
    const request = form({
      code,
      client_id: this.client.clientId,
      client_secret: this.client.clientSecret,
      redirect_uri: redirectUri,
      grant_type: 'authorization_code',
      code_verifier: codeVerifier,
    });
    return grantFrom(await this.http.request(this.endpoints.googleTokenUrl, { method: 'POST', ...request }), 'Google');
  }

  async identity(grant: OAuthGrant): Promise<OAuthIdentity> {
    const res = await this.http.request(this.endpoints.googleUserinfoUrl, { headers: { Authorization: `Bearer ${grant.accessToken}` } });
    if (res.status !== 200) throw identityFailure('Google', res);
    return { email: text(res.json, 'email') };
  }
}

export class GithubOAuth implements OAuthProvider {
  readonly name = 'github';
  readonly pkce = false;

  constructor(
    private readonly client: OAuthClient,
    private readonly endpoints: ProviderEndpoints,
    private readonly http: ProviderHttp,
  ) {}

  authorizeUrl({ state, redirectUri }: { state: string; redirectUri: string }): string {
    const url = new URL(`${this.endpoints.githubUrl}/login/oauth/authorize`);
    url.search = new URLSearchParams({ client_id: this.client.clientId, redirect_uri: redirectUri, state, scope: 'repo user' }).toString();
    return url.toString();
  }

  async exchange({ code, redirectUri }: { code: string; redirectUri: string }): Promise<OAuthGrant> {
    const request = form({ client_id: this.client.clientId, client_secret: this.client.clientSecret, code, redirect_uri: redirectUri });
    return grantFrom(await this.http.request(`${this.endpoints.githubUrl}/login/oauth/access_token`, { method: 'POST', ...request }), 'GitHub');
  }

  async identity(grant: OAuthGrant): Promise<OAuthIdentity> {
    const res = await this.http.request(`${this.endpoints.githubApiUrl}/user`, { headers: this.auth(grant) });
    if (res.status !== 200) throw identityFailure('GitHub', res);
    return { username: text(res.json, 'login'), email: text(res.json, 'email') };
  }

  /** Pages through `GET /user/installations` (100 per page, at most 10 pages). */
  async canAccessInstallation(grant: OAuthGrant, installationId: number): Promise<boolean> {
    for (let page = 1; page <= 10; page++) {
      const res = await this.http.request(`${this.endpoints.githubApiUrl}/user/installations?per_page=100&page=${page}`, { headers: this.auth(grant) });
      if (res.status !== 200) throw new OAuthFailure('installation_check_failed', `GitHub answered HTTP ${res.status} when listing the user's installations`);
      const installations = (res.json as { installations?: { id?: unknown }[] } | undefined)?.installations ?? [];
      if (installations.some((i) => i.id === installationId)) return true;
      if (installations.length < 100) return false;
    }
    return false;
  }

  private auth(grant: OAuthGrant): Record<string, string> {
    return { Authorization: `Bearer ${grant.accessToken}`, Accept: 'application/vnd.github+json' };
  }
}
