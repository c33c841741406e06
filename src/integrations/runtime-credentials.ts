import { secretContext, type SecretBox } from '../auth/secret-box.ts';
import { systemActor, type Actor } from '../auth/actor.ts';
import { run, sql } from '../db/sql.ts';
import { DomainError, forbidden, unavailable } from '../domain/errors.ts';
import type { Domain } from '../domain/service.ts';
import { Credential } from '../kinds/index.ts';
import { CREDENTIAL_PROVIDERS, type CredentialProvider } from '../kinds/credential.ts';
import type { Logger } from '../log.ts';
import type { OAuthClient, ProviderEndpoints } from './config.ts';
import { githubApiBase } from './credential-check.ts';
import type { GithubApp } from './github-app.ts';
import { ProviderUnreachable, type ProviderHttp } from './http.ts';

/**
 * What a session's runner fetches at run time (runtime.md §c.7, §d rows 24–25): the credentials of
 * the session's user, in the legacy shapes the runner parses.
 *
 * - **Who:** only the session's runner — a ServiceAccountActor that a TokenReview authenticated as
 *   `ambient-session-<kube_cr_name>` in the session's namespace (`runnerOf`, src/auth/authenticator.ts)
 *   — and only for that session. Any other caller, users and platform admins included, is 403 code 11.
 * - **For whom:** `X-Runner-Current-User` (a username) when sent, else the session's creator; only
 *   the creator or the user of the session's latest AG-UI run; anyone else → 403 code 11.
 * - **GitHub:** the user's PAT / OAuth token, else an installation token minted for the credential's
 *   `installation_id` with the GitHub App (`POST /app/installations/{id}/access_tokens`), else none.
 * - **Google:** refreshed with the refresh token first when it expires in less than 5 minutes; the new
 *   token and expiry are stored (encrypted) before they are handed out.
 * - Every release updates `last_used_at` and is logged (session, provider, user, credential; never
 *   the secret).
 */

export interface RuntimeCredentialsOptions {
  domain: Domain;
  secrets: SecretBox | undefined;
  http: ProviderHttp;
  endpoints: ProviderEndpoints;
  githubApp: GithubApp | undefined;
  google: OAuthClient | undefined;
  log: Logger;
}

/** Google access tokens closer than this to expiry are refreshed before release. */
export const GOOGLE_REFRESH_MARGIN_MS = 5 * 60_000;

interface StoredCredential {
  id: string;
  auth_type: string;
  token_enc: string | null;
  refresh_token_enc: string | null;
  username: string | null;
  url: string | null;
  email: string | null;
  installation_id: string | null;
  scopes: string[] | null;
  expires_at: Date | null;
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : undefined);

export class RuntimeCredentials {
  constructor(private readonly options: RuntimeCredentialsOptions) {}

  /** `GET /sessions/{id}/credentials/{provider}`. */
  async credential(actor: Actor, sessionId: string, provider: string, currentUser: string | undefined): Promise<Record<string, unknown>> {
    const userId = await this.effectiveUser(actor, sessionId, currentUser);
    if (!(CREDENTIAL_PROVIDERS as readonly string[]).includes(provider)) throw new DomainError(7, `no credential provider '${provider}'`);
    const stored = await this.stored(userId, provider as CredentialProvider);
    let body: Record<string, unknown>;
    switch (provider as CredentialProvider) {
      case 'github': {
        const { token, expiresAt } = await this.githubToken(stored);
        body = { token, userName: stored.username ?? '', email: stored.email ?? '', provider: 'github', ...(expiresAt ? { expiresAt } : {}) };
        break;
      }
      case 'gitlab':
        body = {
          token: this.open(stored, 'token_enc'),
          instanceUrl: stored.url ?? 'https://gitlab.com',
          userName: stored.username ?? '',
          email: stored.email ?? '',
          provider: 'gitlab',
        };
        break;
      case 'google': {
        const fresh = await this.freshGoogle(stored);
        body = {
          accessToken: this.open(fresh, 'token_enc'),
          refreshToken: fresh.refresh_token_enc ? this.open(fresh, 'refresh_token_enc') : '',
          email: fresh.email ?? '',
          scopes: fresh.scopes ?? [],
          expiresAt: iso(fresh.expires_at) ?? null,
        };
        break;
      }
      case 'jira':
        body = { url: stored.url ?? '', email: stored.email ?? '', apiToken: this.open(stored, 'token_enc') };
        break;
      case 'vertex':
      case 'kubeconfig':
        // head-contract H7: the service-account JSON key or the kubeconfig, as stored.
        body = { token: this.open(stored, 'token_enc'), provider };
        break;
    }
    await this.released(sessionId, provider, userId, stored.id);
    return body;
  }

  /** `POST /sessions/{id}/github/token`: a GitHub token for the session's user (precedence of runtime.md §c.2). */
  async mintGithubToken(actor: Actor, sessionId: string, currentUser: string | undefined): Promise<{ token: string }> {
    const userId = await this.effectiveUser(actor, sessionId, currentUser);
    const stored = await this.stored(userId, 'github');
    const { token } = await this.githubToken(stored);
    await this.released(sessionId, 'github', userId, stored.id);
    return { token };
  }

  /** The runner of this session, or 403. */
  static assertRunner(actor: Actor, sessionId: string): void {
    if (actor.type !== 'service-account' || actor.runnerOf?.sessionId !== sessionId) {
      throw forbidden(`only the runner of session ${sessionId} (its ServiceAccount token) may use this endpoint`);
    }
  }

  /** The user whose credentials the runner gets (runtime.md §c.7). */
  private async effectiveUser(actor: Actor, sessionId: string, currentUser: string | undefined): Promise<string> {
    RuntimeCredentials.assertRunner(actor, sessionId);
    if (!this.options.secrets) throw unavailable('credential encryption is not configured');
    const [session] = await run<{ creator: string | null; last_run_user: string | null }>(
      this.options.domain.pool,
      sql`SELECT s.created_by_user_id AS creator,
                 (SELECT r.user_id FROM agui_runs r WHERE r.session_id = s.id ORDER BY r.started_at DESC NULLS LAST, r.run_id DESC LIMIT 1) AS last_run_user
            FROM sessions s WHERE s.id = ${sessionId} AND s.deleted_at IS NULL`,
    );
    if (!session) throw new DomainError(7, `Session with id='${sessionId}' not found`);
    const allowed = [session.creator, session.last_run_user].filter((id): id is string => id !== null);
    if (currentUser === undefined) {
      if (!session.creator) throw new DomainError(7, 'the session has no creator whose credentials could be used');
      return session.creator;
    }
    const [user] = await run<{ id: string }>(this.options.domain.pool, sql`SELECT id FROM users WHERE username = ${currentUser} AND deleted_at IS NULL`);
    if (!user || !allowed.includes(user.id)) {
      throw forbidden('X-Runner-Current-User must be the session’s creator or the user who started its latest run');
    }
    return user.id;
  }

  private async stored(userId: string, provider: CredentialProvider): Promise<StoredCredential> {
    const [row] = await run<StoredCredential>(
      this.options.domain.pool,
      sql`SELECT id, auth_type, token_enc, refresh_token_enc, username, url, email, installation_id::text AS installation_id, scopes, expires_at
            FROM credentials WHERE user_id = ${userId} AND provider = ${provider} AND deleted_at IS NULL`,
    );
    if (!row) throw new DomainError(7, `the user has no ${provider} credential`);
    return row;
  }

  private open(row: Pick<StoredCredential, 'id' | 'token_enc' | 'refresh_token_enc'>, column: 'token_enc' | 'refresh_token_enc'): string {
    const sealed = row[column];
    if (!sealed) throw new DomainError(7, 'the credential holds no secret');
    try {
      return this.options.secrets!.decrypt(sealed, secretContext('credentials', row.id, column));
    } catch {
      throw unavailable('the stored secret cannot be decrypted with the configured keys');
    }
  }

  /** The user's own token first, else an installation token from the GitHub App. */
  private async githubToken(stored: StoredCredential): Promise<{ token: string; expiresAt?: string }> {
    if (stored.token_enc) return { token: this.open(stored, 'token_enc') };
    if (stored.installation_id === null) throw new DomainError(7, 'the github credential has neither a token nor an App installation');
    const app = this.options.githubApp;
    if (!app) throw unavailable('the GitHub App is not configured on this server (GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY_FILE)');
    const api = githubApiBase(this.options.endpoints, stored.url);
    const res = await this.call(`${api}/app/installations/${stored.installation_id}/access_tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await app.jwt()}`, Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
    });
    const json = res.json as { token?: unknown; expires_at?: unknown } | undefined;
    if (res.status !== 201 || typeof json?.token !== 'string') {
      throw new DomainError(30, `GitHub refused an installation token for installation ${stored.installation_id} (HTTP ${res.status})`);
    }
    return { token: json.token, ...(typeof json.expires_at === 'string' ? { expiresAt: json.expires_at } : {}) };
  }

  /** The Google credential, refreshed first when its token expires within GOOGLE_REFRESH_MARGIN_MS. */
  private async freshGoogle(stored: StoredCredential): Promise<StoredCredential> {
    const due = (row: StoredCredential) => row.expires_at !== null && row.expires_at.getTime() - Date.now() < GOOGLE_REFRESH_MARGIN_MS;
    if (!due(stored) || !stored.refresh_token_enc) return stored;
    const client = this.options.google;
    if (!client) throw unavailable('Google OAuth is not configured on this server: the token cannot be refreshed');
    // One refresh at a time per credential: the row is locked, and a refresh done meanwhile is reused.
    return this.options.domain.withLocked({ actor: systemActor('runtime-credentials') }, Credential, stored.id, 'view', async (c) => {
      const [current] = await run<StoredCredential>(
        c.tx,
        sql`SELECT id, auth_type, token_enc, refresh_token_enc, username, url, email, installation_id::text AS installation_id, scopes, expires_at
              FROM credentials WHERE id = ${stored.id}`,
      );
      if (!current || !due(current) || !current.refresh_token_enc) return current ?? stored;
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: this.open(current, 'refresh_token_enc'),
        client_id: client.clientId,
        client_secret: client.clientSecret,
      });
      const res = await this.call(this.options.endpoints.googleTokenUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
      });
      const json = res.json as { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown; scope?: unknown } | undefined;
      if (res.status !== 200 || typeof json?.access_token !== 'string') {
        throw new DomainError(
          30,
          `Google refused to refresh the token (HTTP ${res.status}${typeof (json as { error?: unknown })?.['error'] === 'string' ? `, ${String((json as { error: string }).error)}` : ''})`,
        );
      }
      const expiresAt = typeof json.expires_in === 'number' ? new Date(Date.now() + json.expires_in * 1000) : null;
      const seal = (value: string, column: string) => this.options.secrets!.encrypt(value, secretContext('credentials', current.id, column));
      const values: Record<string, unknown> = { token_enc: seal(json.access_token, 'token_enc'), expires_at: expiresAt };
      if (typeof json.refresh_token === 'string' && json.refresh_token !== '') values['refresh_token_enc'] = seal(json.refresh_token, 'refresh_token_enc');
      if (typeof json.scope === 'string') values['scopes'] = json.scope.split(/[\s,]+/).filter(Boolean);
      await c.update(Credential, current.id, values);
      this.options.log.info({ credential: current.id }, 'runtime credentials: google token refreshed');
      return {
        ...current,
        token_enc: values['token_enc'] as string,
        refresh_token_enc: (values['refresh_token_enc'] as string | undefined) ?? current.refresh_token_enc,
        expires_at: expiresAt,
        scopes: (values['scopes'] as string[] | undefined) ?? current.scopes,
      };
    });
  }

  private async call(url: string, init: Parameters<ProviderHttp['request']>[1]) {
    try {
      return await this.options.http.request(url, init);
    } catch (error) {
      if (error instanceof ProviderUnreachable) throw new DomainError(30, error.message);
      throw error;
    }
  }

  /** Every release is recorded: `last_used_at`, and a log line without the secret. */
  private async released(sessionId: string, provider: string, userId: string, credentialId: string): Promise<void> {
    // Not a change clients watch: written directly, without a change event (as project keys' last_used_at).
    await this.options.domain.pool.query('UPDATE credentials SET last_used_at = now() WHERE id = $1', [credentialId]);
    this.options.log.info({ session: sessionId, provider, user: userId, credential: credentialId }, 'runtime credential released to the session runner');
  }
}
