import { secretContext, type SecretBox } from '../auth/secret-box.ts';
import { run, sql } from '../db/sql.ts';
import { forbidden, unavailable } from '../domain/errors.ts';
import type { Domain, RequestContext } from '../domain/service.ts';
import { Credential } from '../kinds/index.ts';
import type { CredentialProvider } from '../kinds/credential.ts';
import type { Logger } from '../log.ts';
import type { IntegrationsConfig } from './config.ts';
import { CredentialChecker, type CheckResult } from './credential-check.ts';
import { GithubApp } from './github-app.ts';
import { ProviderHttp } from './http.ts';
import { OAuthFlows } from './oauth/flows.ts';
import { GithubOAuth, GoogleOAuth } from './oauth/providers.ts';
import { RuntimeCredentials } from './runtime-credentials.ts';
import { Catalog } from './providers/catalog.ts';
import { Repositories } from './providers/repositories.ts';
import { providerFetch } from './providers/transport.ts';

/**
 * Integration services beyond the credentials' CRUD (runtime.md §c.2, §c.4, §d rows 17–23): the
 * OAuth flows, the live credential test, repository browsing with the caller's credentials, and the
 * configured model and runner-type lists.
 */
export class Integrations {
  readonly oauth: OAuthFlows;
  /** What session runners fetch at run time (runtime.md §c.7, §d rows 24–25). */
  readonly runtime: RuntimeCredentials;
  /** Repository browsing, forks, access, integration status and built-in workflows (runtime.md §d rows 17–23). */
  readonly repositories: Repositories;
  /** Model and runner-type lists of the new-session form. */
  readonly catalog: Catalog;
  private readonly checker: CredentialChecker;

  constructor(
    private readonly domain: Domain,
    config: IntegrationsConfig,
    private readonly secrets: SecretBox | undefined,
    log: Logger,
  ) {
    const http = new ProviderHttp({ extraCa: config.providerCa });
    const { endpoints } = config;
    this.oauth = new OAuthFlows({
      domain,
      providers: {
        ...(config.google ? { google: new GoogleOAuth(config.google, endpoints, http) } : {}),
        ...(config.github ? { github: new GithubOAuth(config.github, endpoints, http) } : {}),
      },
      stateSecret: config.oauthStateSecret,
      publicBaseUrl: config.publicBaseUrl,
      returnOrigins: config.oauthReturnOrigins,
      secrets,
      log,
    });
    const app = config.githubApp && new GithubApp(config.githubApp.appId, config.githubApp.privateKey);
    this.checker = new CredentialChecker(http, endpoints, app);
    this.runtime = new RuntimeCredentials({ domain, secrets, http, endpoints, githubApp: app || undefined, google: config.google, log });
    this.repositories = new Repositories({
      domain,
      secrets,
      endpoints,
      githubApp: config.githubApp,
      ootb: config.ootb,
      fetch: providerFetch({ extraCa: config.providerCa }),
    });
    this.catalog = new Catalog(config.catalog);
  }

  /**
   * `POST /credentials/{id}/test`: the owner's own credential only — platform admins may read other
   * users' credential metadata, but never act with their secrets.
   */
  async testCredential(ctx: RequestContext, id: string): Promise<CheckResult> {
    const row = await this.domain.get(ctx, Credential, id);
    if (ctx.actor.type !== 'user' || row['user_id'] !== ctx.actor.userId) throw forbidden('only the owner of a credential can test it');
    const [stored] = await run<{ token_enc: string | null }>(this.domain.pool, sql`SELECT token_enc FROM credentials WHERE id = ${id}`);
    let token: string | undefined;
    if (stored?.token_enc) {
      if (!this.secrets) throw unavailable('credential encryption is not configured');
      try {
        token = this.secrets.decrypt(stored.token_enc, secretContext('credentials', id, 'token_enc'));
      } catch {
        return { valid: false, error: 'the stored secret cannot be decrypted with the configured keys' };
      }
    }
    return this.checker.check({
      provider: row['provider'] as CredentialProvider,
      url: (row['url'] as string | null) ?? null,
      email: (row['email'] as string | null) ?? null,
      installationId: (row['installation_id'] as number | null) ?? null,
      token,
    });
  }
}
