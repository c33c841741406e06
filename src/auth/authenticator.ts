import type { IncomingMessage } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { decodeProtectedHeader } from 'jose';
import type pg from 'pg';
import type { Logger } from '../log.ts';
import type { Actor, ServiceAccountActor } from './actor.ts';
import {
  headerToken,
  identityFromClaims,
  projectKeyActor,
  queryToken,
  unauthenticated,
  unverifiedClaims,
  userActorFor,
  type AuthenticateOptions,
  type Authenticator,
} from './authenticate.ts';
import type { AuthConfig } from './config.ts';
import { jwksFromFile, jwksFromUrl, KeyStore } from './jwks.ts';
import { verifyJwt, type JwtRules } from './jwt.ts';
import { PlatformAdmins } from './platform-admins.ts';
import { looksLikeProjectKey } from './project-keys.ts';
import type { Identity, UserProvisioning } from './provisioning.ts';
import { TokenReviewer } from './token-review.ts';
import { TrustedProxies } from './trusted-proxies.ts';

/**
 * The one authentication path of every protocol — REST (and its watches and event streams),
 * GraphQL, the OAuth poll — runtime.md §c.1, §c.6, §c.7:
 *
 * 1. the token: `Authorization: Bearer`, else `X-Forwarded-Access-Token`;
 * 2. without one, from a trusted proxy (AUTH_TRUSTED_PROXIES) only: its identity headers;
 * 3. else, on streaming endpoints, `?token=`;
 * 4. `apk_…` → the project key;
 * 5. with AUTH_TOKEN_REVIEW=on (on runner-facing endpoints: whenever there is Kubernetes), a token that is not one of our JWTs (not a JWT, or one whose `kid`
 *    no key of AUTH_JWKS_* has; in development mode: not a JWT, or a Kubernetes ServiceAccount
 *    JWT) → Kubernetes TokenReview;
 * 6. else a JWT, verified (development mode: its claims read unverified; no token: `developer`).
 *
 * An identity named `system:serviceaccount:<namespace>:<name>` becomes a ServiceAccountActor, not a
 * user (no users row, no Permissions); reviewed by TokenReview and being a live session's runner
 * account, it is that session's runner (`runnerOf`).
 */

export interface AuthenticatorDeps {
  pool: pg.Pool;
  users: UserProvisioning;
  log: Logger;
  /** Kubernetes for TokenReview (the reconciler's configuration); required when AUTH_TOKEN_REVIEW=on. */
  kubeConfig?: KubeConfig | undefined;
}

export function createAuthenticator(config: AuthConfig, deps: AuthenticatorDeps): Authenticator {
  let jwt: JwtRules | undefined;
  if (config.jwks) {
    const origin = 'url' in config.jwks ? config.jwks.url : config.jwks.file;
    const source = 'url' in config.jwks ? jwksFromUrl(config.jwks.url) : jwksFromFile(config.jwks.file);
    jwt = {
      keys: new KeyStore({ source, origin, log: deps.log, algorithms: config.jwtAlgorithms }),
      algorithms: config.jwtAlgorithms,
      issuer: config.issuer,
      audience: config.audience,
    };
  }
  if (config.tokenReview && !deps.kubeConfig) throw new Error('AUTH_TOKEN_REVIEW=on needs Kubernetes: set KUBECONFIG, or run in a pod with a service account');
  // With Kubernetes, runner-facing endpoints always review runner tokens (runtime.md §c.7); other
  // endpoints only when AUTH_TOKEN_REVIEW=on.
  const reviewer = deps.kubeConfig ? new TokenReviewer({ kubeConfig: deps.kubeConfig, log: deps.log, ...config.tokenReview }) : undefined;
  return new RequestAuthenticator({
    pool: deps.pool,
    users: deps.users,
    jwt,
    reviewer,
    reviewEverywhere: config.tokenReview !== undefined,
    proxies: config.trustedProxies.length > 0 ? new TrustedProxies(config.trustedProxies) : undefined,
    platformAdmins: new PlatformAdmins(config.platformAdmins),
  });
}

const SERVICE_ACCOUNT = /^system:serviceaccount:([^:]+):([^:]+)$/;
/** The prefix of the runner ServiceAccount the operator creates per session (runtime.md §c.7). */
export const RUNNER_ACCOUNT_PREFIX = 'ambient-session-';

type Source = 'jwt' | 'development' | 'proxy' | 'token-review';

interface RequestAuthenticatorOptions {
  pool: pg.Pool;
  users: UserProvisioning;
  /** JWT verification; undefined is development mode. */
  jwt: JwtRules | undefined;
  reviewer: TokenReviewer | undefined;
  /** AUTH_TOKEN_REVIEW=on: every endpoint reviews; else only runner-facing ones. */
  reviewEverywhere: boolean;
  proxies: TrustedProxies | undefined;
  platformAdmins: PlatformAdmins;
}

export class RequestAuthenticator implements Authenticator {
  constructor(private readonly options: RequestAuthenticatorOptions) {}

  /** The TokenReview client, when enabled (tests look at its counters). */
  get reviewer(): TokenReviewer | undefined {
    return this.options.reviewer;
  }

  async authenticate(req: IncomingMessage, options: AuthenticateOptions = {}): Promise<Actor> {
    let token = headerToken(req);
    if (token === undefined) {
      const asserted = this.options.proxies?.identity(req);
      if (asserted) return this.actorFor(asserted, 'proxy');
      if (options.allowQueryToken) token = queryToken(req);
    }
    const { jwt } = this.options;
    const reviewer = this.options.reviewEverywhere || options.runnerFacing ? this.options.reviewer : undefined;
    if (token === undefined) {
      if (jwt) throw unauthenticated('no credentials: send Authorization: Bearer <token>');
      return this.actorFor({ username: 'developer', name: 'Developer', groups: [] }, 'development');
    }
    if (looksLikeProjectKey(token)) return projectKeyActor(this.options.pool, token);
    if (reviewer && !(await this.isOurJwt(token))) {
      const user = await reviewer.review(token);
      return this.actorFor({ username: user.username, name: user.username, groups: user.groups }, 'token-review');
    }
    if (!jwt) {
      const claims = unverifiedClaims(token);
      return this.actorFor((claims && identityFromClaims(claims)) ?? { username: 'developer', name: 'Developer', groups: [] }, 'development');
    }
    const identity = identityFromClaims(await verifyJwt(token, jwt));
    if (!identity) throw unauthenticated('the JWT names no user (username, preferred_username, email or sub)');
    return this.actorFor(identity, 'jwt');
  }

  /** Whether the token is for JWT verification rather than TokenReview (see step 5 above). */
  private async isOurJwt(token: string): Promise<boolean> {
    const { jwt } = this.options;
    if (!jwt) {
      const claims = unverifiedClaims(token);
      return claims !== undefined && claims['iss'] !== 'kubernetes/serviceaccount' && !('kubernetes.io' in claims);
    }
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(token).kid;
    } catch {
      return false;
    }
    return typeof kid === 'string' && kid !== '' && (await jwt.keys.key(kid)) !== undefined;
  }

  private async actorFor(identity: Identity, source: Source): Promise<Actor> {
    const account = SERVICE_ACCOUNT.exec(identity.username);
    if (account) {
      const actor: ServiceAccountActor = {
        type: 'service-account',
        username: identity.username,
        namespace: account[1]!,
        name: account[2]!,
        groups: identity.groups,
      };
      // Only Kubernetes itself vouches for a runner account: not a proxy header, not a claim.
      const runnerOf = source === 'token-review' ? await this.sessionOfRunner(actor.namespace, actor.name) : undefined;
      return runnerOf ? { ...actor, runnerOf } : actor;
    }
    const user = await this.options.users.ensure(identity);
    const admin =
      source === 'development' ? () => true : (username: string, groups: readonly string[]) => this.options.platformAdmins.includes(username, groups);
    return userActorFor(identity, user, admin);
  }

  /** The live session whose runner account this is: `ambient-session-<kube_cr_name>` in the session's namespace. */
  private async sessionOfRunner(namespace: string, name: string): Promise<{ sessionId: string; projectId: string } | undefined> {
    if (!name.startsWith(RUNNER_ACCOUNT_PREFIX)) return undefined;
    const { rows } = await this.options.pool.query<{ id: string; project_id: string }>(
      `SELECT s.id, s.project_id FROM sessions s JOIN projects p ON p.id = s.project_id AND p.deleted_at IS NULL
        WHERE s.kube_cr_name = $1 AND s.deleted_at IS NULL AND COALESCE(s.kube_namespace, p.name) = $2`,
      [name.slice(RUNNER_ACCOUNT_PREFIX.length), namespace],
    );
    const row = rows[0];
    return row && { sessionId: row.id, projectId: row.project_id };
  }
}
