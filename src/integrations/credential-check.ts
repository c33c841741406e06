import type { CredentialProvider } from '../kinds/credential.ts';
import type { ProviderEndpoints } from './config.ts';
import type { GithubApp } from './github-app.ts';
import { ProviderUnreachable, type ProviderHttp, type ProviderResponse } from './http.ts';

/**
 * `POST /credentials/{id}/test` (rest-contract §9.14, runtime.md §c.2): one live call to the
 * provider with the stored secret. The answer is always a verdict — a refused credential and an
 * unreachable provider are both `valid: false` with the reason — never an HTTP error.
 */

export type CheckResult = { valid: true; message: string } | { valid: false; error: string };

export interface CredentialToCheck {
  provider: CredentialProvider;
  url: string | null;
  email: string | null;
  installationId: number | null;
  /** The decrypted token, when one is stored. */
  token: string | undefined;
}

const NAMES: Record<CredentialProvider, string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  google: 'Google',
  jira: 'Jira',
  vertex: 'Vertex AI',
  kubeconfig: 'kubeconfig',
};
const GITHUB_COM = 'https://github.com';

/** `path` under `base`, keeping any path `base` has (instances served under a prefix). */
const under = (base: string, path: string) => `${base.replace(/\/+$/, '')}${path}`;

/** The REST API of a GitHub credential's instance: api.github.com (configurable) or an Enterprise server's /api/v3. */
export function githubApiBase(endpoints: ProviderEndpoints, url: string | null): string {
  return url === null || url.replace(/\/+$/, '') === GITHUB_COM ? endpoints.githubApiUrl : under(url, '/api/v3');
}

export class CredentialChecker {
  constructor(
    private readonly http: ProviderHttp,
    private readonly endpoints: ProviderEndpoints,
    private readonly githubApp: GithubApp | undefined,
  ) {}

  async check(credential: CredentialToCheck): Promise<CheckResult> {
    try {
      switch (credential.provider) {
        case 'github':
          return await this.github(credential);
        case 'gitlab':
          return await this.gitlab(credential);
        case 'jira':
          return await this.jira(credential);
        case 'google':
          return await this.google(credential);
        case 'vertex':
        case 'kubeconfig':
          // Their shape is checked on write; a live call would need their cloud or cluster.
          return { valid: false, error: `no live check exists for ${NAMES[credential.provider]} credentials` };
      }
    } catch (error) {
      if (error instanceof ProviderUnreachable) return { valid: false, error: error.message };
      throw error;
    }
  }

  /** The REST API of the credential's GitHub: api.github.com (configurable) or an Enterprise server's /api/v3. */
  private githubApi(url: string | null): string {
    return githubApiBase(this.endpoints, url);
  }

  private async github(c: CredentialToCheck): Promise<CheckResult> {
    const api = this.githubApi(c.url);
    // A token, when there is one, is what the runner would use first (runtime.md §c.2).
    if (c.token !== undefined) {
      const res = await this.http.request(`${api}/user`, { headers: { Authorization: `Bearer ${c.token}`, Accept: 'application/vnd.github+json' } });
      return verdict('github', res, () => `authenticated as ${field(res, 'login')}`);
    }
    if (c.installationId === null) return { valid: false, error: 'the credential has neither a token nor an installation' };
    if (!this.githubApp) return { valid: false, error: 'the GitHub App is not configured on this server' };
    const res = await this.http.request(`${api}/app/installations/${c.installationId}`, {
      headers: { Authorization: `Bearer ${await this.githubApp.jwt()}`, Accept: 'application/vnd.github+json' },
    });
    if (res.status === 404) return { valid: false, error: `GitHub App installation ${c.installationId} not found` };
    return verdict('github', res, () => `GitHub App installation ${c.installationId} on ${field(res, 'account', 'login')}`);
  }

  private async gitlab(c: CredentialToCheck): Promise<CheckResult> {
    const res = await this.http.request(under(c.url ?? 'https://gitlab.com', '/api/v4/user'), { headers: { 'PRIVATE-TOKEN': c.token ?? '' } });
    return verdict('gitlab', res, () => `authenticated as ${field(res, 'username')}`);
  }

  /** Jira Cloud answers on API v3; Jira Server and Data Center only on v2. */
  private async jira(c: CredentialToCheck): Promise<CheckResult> {
    const headers = { Authorization: `Basic ${Buffer.from(`${c.email ?? ''}:${c.token ?? ''}`).toString('base64')}` };
    let res = await this.http.request(under(c.url!, '/rest/api/3/myself'), { headers });
    if (res.status === 404) res = await this.http.request(under(c.url!, '/rest/api/2/myself'), { headers });
    return verdict('jira', res, () => `authenticated as ${field(res, 'displayName') ?? field(res, 'emailAddress')}`);
  }

  private async google(c: CredentialToCheck): Promise<CheckResult> {
    const res = await this.http.request(this.endpoints.googleUserinfoUrl, { headers: { Authorization: `Bearer ${c.token ?? ''}` } });
    return verdict('google', res, () => `authenticated as ${field(res, 'email')}`);
  }
}

function verdict(provider: CredentialProvider, res: ProviderResponse, success: () => string): CheckResult {
  if (res.status === 200) return { valid: true, message: success() };
  if (res.status === 401 || res.status === 403) return { valid: false, error: `${NAMES[provider]} rejected the credential (HTTP ${res.status})` };
  return { valid: false, error: `${NAMES[provider]} answered HTTP ${res.status}` };
}

/** A string at `path` in a JSON body, if there is one. */
function field(res: ProviderResponse, ...path: string[]): string | undefined {
  let value: unknown = res.json;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}
