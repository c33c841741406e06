import { createHash, randomBytes } from 'node:crypto';
import { systemActor, type Actor } from '../../auth/actor.ts';
import { secretContext, type SecretBox } from '../../auth/secret-box.ts';
import { run, sql } from '../../db/sql.ts';
import { transaction } from '../../db/transaction.ts';
import type { WriteContext } from '../../domain/behaviour.ts';
import { DomainError, forbidden, invalid, unavailable } from '../../domain/errors.ts';
import { ksuid } from '../../domain/ksuid.ts';
import type { Domain, RequestContext } from '../../domain/service.ts';
import { Credential, Session, User } from '../../kinds/index.ts';
import type { Logger } from '../../log.ts';
import { ProviderUnreachable } from '../http.ts';
import { OAuthFailure, type OAuthGrant, type OAuthIdentity, type OAuthProvider } from './providers.ts';
import { isFresh, newNonce, OAUTH_PROVIDERS, readState, signState, STATE_LIFETIME_SECONDS, type OAuthProviderName, type StatePayload } from './state.ts';

/**
 * The OAuth flows that create Google and GitHub credentials (runtime.md §c.4).
 *
 * start    — an authenticated user asks for the provider's authorize URL; the server signs a state
 *            and records the flow in `oauth_states` (with the PKCE verifier, encrypted, for Google).
 * callback — the browser comes back from the provider with `code` and `state` and no credentials:
 *            the state's signature, freshness and unconsumed row prove whose flow it is; the row is
 *            consumed atomically (single use) before anything else happens. The code is exchanged,
 *            and the user's credential for the provider is created or replaced.
 * status   — the UI polls how the flow ended.
 */

export interface StartResult {
  url: string;
  state: string;
  expires_at: string;
}

/** What the callback shows the browser. */
export type CallbackOutcome =
  | { kind: 'invalid' }
  | { kind: 'missing-code'; provider: OAuthProviderName }
  | { kind: 'finished'; provider: OAuthProviderName; success: boolean }
  | { kind: 'redirect'; location: string };

export interface FlowStatus {
  provider: string;
  user_id: string;
  received_at?: string;
  consumed: boolean;
  has_token: boolean;
  error?: string;
  error_description?: string;
}

export interface OAuthFlowsOptions {
  domain: Domain;
  providers: Partial<Record<OAuthProviderName, OAuthProvider>>;
  stateSecret: Buffer | undefined;
  /** The server's external URL; the providers redirect to `<publicBaseUrl>/oauth2callback`. */
  publicBaseUrl: string | undefined;
  /** Origins an absolute `return_to` may name (normalized `scheme://host[:port]`). */
  returnOrigins: readonly string[];
  secrets: SecretBox | undefined;
  log: Logger;
}

/** Rows of finished and abandoned flows are kept this long, for the poll endpoint and for audit. */
const RETENTION = '24 hours';
/** Provider error texts are stored, not trusted: bounded. */
const MAX_ERROR_LENGTH = 1024;
const DEFAULT_URL: Partial<Record<OAuthProviderName, string>> = { github: 'https://github.com' };

const pkceChallenge = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const bounded = (value: string | null) => (value === null ? null : value.slice(0, MAX_ERROR_LENGTH));

/**
 * Where the callback may send the browser (no open redirect): a path on this site — `/…`, never
 * `//host` or `/\host`, which browsers read as another host — or an absolute URL written exactly as
 * its parsed origin followed by a path, query or fragment, on one of the allowed origins. Comparing
 * the text with the parsed origin refuses userinfo (`https://ui@evil`), backslashes, default ports
 * written out and other spellings that browsers and parsers might read differently.
 */
export function isSafeReturnTo(value: string, allowedOrigins: readonly string[]): boolean {
  if (value.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  if (!URL.canParse(value)) return false;
  const { origin, protocol } = new URL(value);
  if (protocol !== 'https:' && protocol !== 'http:') return false;
  if (!allowedOrigins.includes(origin)) return false;
  return value === origin || (['/', '?', '#'].includes(value.charAt(origin.length)) && value.startsWith(origin));
}

/** `return_to` with the flow's outcome added to its query (before any fragment). */
function withOutcome(returnTo: string, outcome: string): string {
  const hash = returnTo.indexOf('#');
  const base = hash < 0 ? returnTo : returnTo.slice(0, hash);
  const fragment = hash < 0 ? '' : returnTo.slice(hash);
  return `${base}${base.includes('?') ? '&' : '?'}${outcome}${fragment}`;
}

export class OAuthFlows {
  constructor(private readonly options: OAuthFlowsOptions) {}

  private get pool() {
    return this.options.domain.pool;
  }

  private get redirectUri(): string {
    return `${this.options.publicBaseUrl}/oauth2callback`;
  }

  /** `POST {base}/oauth/{provider}/authorize`. */
  async start(ctx: RequestContext, providerName: string, body: Record<string, unknown>): Promise<StartResult> {
    if (!OAUTH_PROVIDERS.includes(providerName as OAuthProviderName)) throw new DomainError(7, `OAuth provider '${providerName}' not found`);
    const actor = ctx.actor;
    if (actor.type !== 'user' || actor.userId === null) throw forbidden('OAuth flows are started by users, not project keys');
    const provider = this.usable(providerName as OAuthProviderName);
    const request = await this.startRequest(ctx, provider.name, body);

    const nonce = newNonce();
    const iat = Math.floor(Date.now() / 1000);
    const payload: StatePayload = { v: 1, provider: provider.name, user_id: actor.userId, nonce, iat, exp: iat + STATE_LIFETIME_SECONDS, ...request };
    const state = signState(payload, this.options.stateSecret!);
    const verifier = provider.pkce ? randomBytes(32).toString('base64url') : undefined;
    const verifierEnc = verifier && this.options.secrets!.encrypt(verifier, secretContext('oauth_states', nonce, 'pkce_verifier_enc'));
    const expiresAt = new Date(payload.exp * 1000);
    await transaction(this.pool, async (tx) => {
      await run(tx, sql`DELETE FROM oauth_states WHERE created_at < now() - ${RETENTION}::interval`);
      await run(
        tx,
        sql`INSERT INTO oauth_states (nonce, user_id, provider, expires_at, pkce_verifier_enc, session_id, return_to)
            VALUES (${nonce}, ${actor.userId}, ${provider.name}, ${expiresAt}, ${verifierEnc ?? null}, ${request.session_id ?? null}, ${request.return_to ?? null})`,
      );
    });
    const url = provider.authorizeUrl({ state, redirectUri: this.redirectUri, codeChallenge: verifier && pkceChallenge(verifier) });
    return { url, state, expires_at: expiresAt.toISOString() };
  }

  /** The provider, when everything a flow needs is configured; 503 code 31 otherwise. */
  private usable(name: OAuthProviderName): OAuthProvider {
    const missing = [
      this.options.providers[name] ? undefined : `${name.toUpperCase()}_OAUTH_CLIENT_ID and _SECRET`,
      this.options.stateSecret ? undefined : 'OAUTH_STATE_SECRET',
      this.options.publicBaseUrl ? undefined : 'PUBLIC_BASE_URL',
      this.options.secrets ? undefined : 'CREDENTIALS_ENCRYPTION_KEY',
    ].filter(Boolean);
    if (missing.length > 0) throw unavailable(`${name} OAuth is not configured (${missing.join(', ')})`);
    return this.options.providers[name]!;
  }

  private async startRequest(
    ctx: RequestContext,
    provider: OAuthProviderName,
    body: Record<string, unknown>,
  ): Promise<Pick<StatePayload, 'return_to' | 'session_id' | 'installation_id'>> {
    const { return_to: returnTo, session_id: sessionId, installation_id: installationId } = body;
    const request: Pick<StatePayload, 'return_to' | 'session_id' | 'installation_id'> = {};
    if (returnTo !== undefined && returnTo !== null) {
      if (typeof returnTo !== 'string' || !isSafeReturnTo(returnTo, this.options.returnOrigins)) {
        throw invalid('return_to must be a path starting with / (not //) or a URL on an allowed origin (OAUTH_RETURN_ORIGINS)', 'return_to');
      }
      request.return_to = returnTo;
    }
    if (sessionId !== undefined && sessionId !== null) {
      // Only a session the caller can see; the legacy UI returns to it when the flow ends.
      const visible =
        typeof sessionId === 'string' &&
        (await this.options.domain.get(ctx, Session, sessionId).then(
          () => true,
          (error: unknown) => {
            if (error instanceof DomainError) return false;
            throw error;
          },
        ));
      if (!visible) throw invalid(`session_id '${String(sessionId)}' not found`, 'session_id');
      request.session_id = sessionId;
    }
    if (installationId !== undefined && installationId !== null) {
      if (provider !== 'github') throw invalid('installation_id applies to github only', 'installation_id');
      if (!Number.isSafeInteger(installationId) || (installationId as number) < 1) throw invalid('installation_id must be an integer ≥ 1', 'installation_id');
      request.installation_id = installationId as number;
    }
    return request;
  }

  /** `GET /oauth2callback`. Never throws for a bad request: the browser gets a page. */
  async callback(query: URLSearchParams): Promise<CallbackOutcome> {
    const secret = this.options.stateSecret;
    const payload = secret ? readState(query.get('state') ?? '', secret) : undefined;
    if (!payload || !isFresh(payload, Math.floor(Date.now() / 1000))) return { kind: 'invalid' };
    // Single use: of two callbacks with one state, exactly one gets the row.
    const [flow] = await run<{ pkce_verifier_enc: string | null }>(
      this.pool,
      sql`UPDATE oauth_states SET consumed_at = now(), received_at = now()
          WHERE nonce = ${payload.nonce} AND user_id = ${payload.user_id} AND provider = ${payload.provider} AND consumed_at IS NULL AND expires_at >= now()
          RETURNING pkce_verifier_enc`,
    );
    if (!flow) return { kind: 'invalid' };

    // Checked again: the allowed origins may have changed since the flow started.
    const returnTo = payload.return_to !== undefined && isSafeReturnTo(payload.return_to, this.options.returnOrigins) ? payload.return_to : undefined;
    const finish = (success: boolean): CallbackOutcome =>
      returnTo
        ? { kind: 'redirect', location: withOutcome(returnTo, `oauth=${success ? 'success' : 'error'}&provider=${payload.provider}`) }
        : { kind: 'finished', provider: payload.provider, success };

    const providerError = query.get('error');
    if (providerError !== null) {
      await this.recordError(payload.nonce, providerError, query.get('error_description'));
      return finish(false);
    }
    const code = query.get('code');
    if (!code) {
      await this.recordError(payload.nonce, 'invalid_request', 'the provider sent no code');
      return { kind: 'missing-code', provider: payload.provider };
    }
    try {
      await this.complete(payload, code, flow.pkce_verifier_enc);
      return finish(true);
    } catch (error) {
      if (!(error instanceof OAuthFailure)) throw error;
      this.options.log.warn({ provider: payload.provider, user_id: payload.user_id, error: error.error }, 'OAuth flow failed');
      await this.recordError(payload.nonce, error.error, error.description);
      return finish(false);
    }
  }

  /** Exchanges the code and stores the credential; provider failures are OAuthFailures. */
  private async complete(payload: StatePayload, code: string, verifierEnc: string | null): Promise<void> {
    const provider = this.options.providers[payload.provider];
    const secrets = this.options.secrets;
    if (!provider || !secrets) throw new OAuthFailure('server_error', `${payload.provider} OAuth is no longer configured`);
    const codeVerifier = verifierEnc === null ? undefined : secrets.decrypt(verifierEnc, secretContext('oauth_states', payload.nonce, 'pkce_verifier_enc'));
    const grant = await provider.exchange({ code, redirectUri: this.redirectUri, codeVerifier }).catch(unreachableAsFailure);
    const identity = await provider.identity(grant).catch(unreachableAsFailure);
    if (payload.installation_id !== undefined && !(await provider.canAccessInstallation!(grant, payload.installation_id).catch(unreachableAsFailure))) {
      throw new OAuthFailure('installation not owned', `the GitHub user cannot access installation ${payload.installation_id}`);
    }
    try {
      // The user row is locked, so two flows of one user cannot create two credentials.
      await this.options.domain.withLocked({ actor: systemActor('oauth') }, User, payload.user_id, 'view', async (c) => {
        const credentialId = await upsertCredential(c, payload, grant, identity);
        await run(c.tx, sql`UPDATE oauth_states SET result = 'success', credential_id = ${credentialId} WHERE nonce = ${payload.nonce}`);
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === 7) throw new OAuthFailure('user_not_found', 'the user who started the flow no longer exists');
      throw error;
    }
  }

  private async recordError(nonce: string, error: string, description: string | null): Promise<void> {
    await run(
      this.pool,
      sql`UPDATE oauth_states SET result = 'error', error = ${bounded(error)}, error_description = ${bounded(description)} WHERE nonce = ${nonce}`,
    );
  }

  /** `GET /oauth2callback/status`: the caller's own flow, signature checked, expiry not. */
  async status(actor: Actor, state: string | null): Promise<FlowStatus> {
    if (!state) throw invalid('state is required', 'state');
    const secret = this.options.stateSecret;
    const payload = secret ? readState(state, secret) : undefined;
    const mine = payload !== undefined && actor.type === 'user' && actor.userId === payload.user_id;
    const [flow] = mine
      ? await run<{
          provider: string;
          user_id: string;
          received_at: Date | null;
          consumed_at: Date | null;
          error: string | null;
          error_description: string | null;
          has_token: boolean;
        }>(
          this.pool,
          sql`SELECT s.provider, s.user_id, s.received_at, s.consumed_at, s.error, s.error_description,
                     EXISTS (SELECT 1 FROM credentials c WHERE c.id = s.credential_id AND c.deleted_at IS NULL AND c.token_enc IS NOT NULL) AS has_token
                FROM oauth_states s WHERE s.nonce = ${payload.nonce} AND s.user_id = ${payload.user_id}`,
        )
      : [];
    if (!flow) throw new DomainError(7, 'OAuth flow not found');
    return {
      provider: flow.provider,
      user_id: flow.user_id,
      ...(flow.received_at ? { received_at: flow.received_at.toISOString() } : {}),
      consumed: flow.consumed_at !== null,
      has_token: flow.has_token,
      ...(flow.error !== null ? { error: flow.error } : {}),
      ...(flow.error_description !== null ? { error_description: flow.error_description } : {}),
    };
  }
}

function unreachableAsFailure(error: unknown): never {
  if (error instanceof ProviderUnreachable) throw new OAuthFailure('provider_unreachable', error.message);
  throw error;
}

/** A provider-sent value that a Credential field's rule accepts, else null. */
function acceptable(field: 'username' | 'email', value: string | undefined): string | null {
  return value !== undefined && Credential.field[field]!.rule!(field).safeParse(value).success ? value : null;
}

/** Creates or replaces the user's credential for the provider (`auth_type: oauth`); returns its id. */
async function upsertCredential(c: WriteContext, payload: StatePayload, grant: OAuthGrant, identity: OAuthIdentity): Promise<string> {
  const [existing] = await run<{ id: string }>(
    c.tx,
    sql`SELECT id FROM credentials WHERE user_id = ${payload.user_id} AND provider = ${payload.provider} AND deleted_at IS NULL FOR UPDATE`,
  );
  const id = existing?.id ?? ksuid();
  const seal = (value: string, column: string) => c.secrets!.encrypt(value, secretContext('credentials', id, column));
  const values: Record<string, unknown> = {
    auth_type: 'oauth',
    token_enc: seal(grant.accessToken, 'token_enc'),
    refresh_token_enc: grant.refreshToken === undefined ? null : seal(grant.refreshToken, 'refresh_token_enc'),
    expires_at: grant.expiresAt ?? null,
    scopes: grant.scopes ?? null,
    email: acceptable('email', identity.email),
  };
  if (payload.provider === 'github') values['username'] = acceptable('username', identity.username);
  if (payload.installation_id !== undefined) values['installation_id'] = payload.installation_id;
  if (existing) await c.update(Credential, id, values);
  else
    await c.insert(Credential, id, {
      user_id: payload.user_id,
      provider: payload.provider,
      name: payload.provider,
      url: DEFAULT_URL[payload.provider] ?? null,
      ...values,
    });
  return id;
}
