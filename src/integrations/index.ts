import { secretContext, type SecretBox } from '../auth/secret-box.ts';
import { run, sql, type Queryable } from '../db/sql.ts';
import { badRequest, forbidden, unavailable } from '../domain/errors.ts';
import { transaction } from '../db/transaction.ts';
import { mayReadCredentialToken, type RunnerSessionFacts } from '../auth/policy.ts';
import { systemActor } from '../auth/actor.ts';
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

  /**
   * `GET /credentials/{id}/token` (head-contract H7): the secret itself, for callers the policy lets
   * read it (mayReadCredentialToken). Invisible credentials are 404, visible ones the caller may not
   * read 403. The release and its audit row commit together: no token leaves without its record.
   * The token goes only into this response: never into a log line, an error, or the change log.
   */
  async readToken(
    ctx: RequestContext,
    id: string,
    audit: { projectId?: string | undefined; operationId?: string | undefined } = {},
  ): Promise<{ credential_id: string; provider: string; token: string }> {
    // A runner reads no rows (policy.readCondition): its credential is looked up by the server, and
    // the token rule alone decides, so another session's runner is 403, not a 404 it cannot tell apart.
    const runner = ctx.actor.type === 'service-account' ? ctx.actor.runnerOf : undefined;
    const row = await this.domain.get(runner ? { actor: systemActor('credential-token') } : ctx, Credential, id);
    const secrets = this.secrets;
    const actor = ctx.actor;
    return transaction(this.domain.pool, async (tx) => {
      // The runner's session is read (and held) in the releasing transaction: a session that ends
      // concurrently ends either before this read (403) or after the release.
      const session = runner && (await this.runnerSession(tx, runner.sessionId));
      if (!mayReadCredentialToken(actor, { user_id: row['user_id'] }, session)) {
        throw forbidden('only callers allowed to read this credential’s token may read it');
      }
      if (!secrets) throw unavailable('credential encryption is not configured');
      const [stored] = await run<{ token_enc: string | null }>(
        tx,
        sql`UPDATE credentials SET last_used_at = now() WHERE id = ${id} AND deleted_at IS NULL RETURNING token_enc`,
      );
      if (!stored?.token_enc) throw badRequest(`credential '${id}' has no stored token`);
      let token: string;
      try {
        token = secrets.decrypt(stored.token_enc, secretContext('credentials', id, 'token_enc'));
      } catch {
        throw unavailable('the stored secret cannot be decrypted with the configured keys');
      }
      const who = actor.type === 'key' ? actor.keyId : actor.type === 'system' ? actor.name : actor.username;
      await run(
        tx,
        sql`INSERT INTO credential_token_reads (credential_id, actor_type, actor, user_id, project_id, operation_id)
            VALUES (${id}, ${actor.type}, ${who}, ${actor.type === 'user' ? actor.userId : null}, ${audit.projectId ?? runner?.projectId ?? null}, ${audit.operationId ?? null})`,
      );
      return { credential_id: id, provider: String(row['provider']), token };
    });
  }

  /** The facts the token rule needs about a runner's session (policy.RunnerSessionFacts). */
  private async runnerSession(tx: Queryable, sessionId: string): Promise<RunnerSessionFacts | undefined> {
    const [session] = await run<{ id: string; deleted: boolean; phase: string | null; creator: string | null; last_run_user: string | null }>(
      tx,
      sql`SELECT s.id, s.deleted_at IS NOT NULL AS deleted, s.phase, s.created_by_user_id AS creator,
                 (SELECT r.user_id FROM agui_runs r WHERE r.session_id = s.id ORDER BY r.started_at DESC NULLS LAST, r.run_id DESC LIMIT 1) AS last_run_user
            FROM sessions s WHERE s.id = ${sessionId} FOR SHARE OF s`,
    );
    if (!session) return undefined;
    const userIds = [session.creator, session.last_run_user].filter((u): u is string => u !== null);
    return { id: session.id, deleted: session.deleted, phase: session.phase, userIds };
  }
}
