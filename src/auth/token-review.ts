import { createHash } from 'node:crypto';
import { ApiException, AuthenticationV1Api, Observable, type KubeConfig, type V1TokenReview } from '@kubernetes/client-node';
import { LRUCache } from 'lru-cache';
import { DomainError, unavailable } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { pooledKubeConfig } from '../reconciler/kube.ts';

/**
 * Bearer tokens that are not ours, checked by Kubernetes (`AUTH_TOKEN_REVIEW=on`): a runner pod's
 * ServiceAccount token, or the opaque OpenShift token (`sha256~…`) an oauth-proxy forwards. Each is
 * sent to the TokenReview API (`POST /apis/authentication.k8s.io/v1/tokenreviews`) with the
 * server's own Kubernetes identity — the reconciler's configuration: KUBECONFIG, else the in-cluster
 * service account — which needs `create` on `tokenreviews` (deploy/rbac).
 *
 * - authenticated → the review's username and groups;
 * - not authenticated (invalid, expired, wrong audience) → 401 code 15;
 * - the API server failed, refused us or did not answer in time → 503 code 31: an outage must not
 *   look like a bad credential to clients (they would drop a good token).
 *
 * Answers, both kinds, are kept briefly in a bounded LRU keyed by the SHA-256 of the token — the
 * token itself is never stored, logged or used as a key — so a burst of calls with one token costs
 * one review; concurrent first calls share it. Outages are not cached.
 */

export interface ReviewedUser {
  username: string;
  uid: string | undefined;
  groups: readonly string[];
}

export interface TokenReviewOptions {
  kubeConfig: KubeConfig;
  log: Logger;
  /** Audiences the token must be issued for (`spec.audiences`); none: the API server's own. */
  audiences?: readonly string[];
  /** How long an answer is reused (default 10 s). */
  cacheTtlMs?: number;
  /** How many answers are kept at most (default 10 000). */
  cacheMax?: number;
  /** How long to wait for the API server (default 5 s). */
  timeoutMs?: number;
}

type Answer = { ok: true; user: ReviewedUser } | { ok: false; reason: string };

/** Longest token sent to the API server: ServiceAccount tokens are ~1 KB, OpenShift tokens 50 characters. */
export const MAX_REVIEWED_TOKEN_LENGTH = 16 * 1024;

export class TokenReviewer {
  private readonly api: AuthenticationV1Api;
  private readonly cache: LRUCache<string, Answer>;
  private readonly pending = new Map<string, Promise<Answer>>();
  private readonly timeoutMs: number;
  /** Reviews sent to the API server (tests and metrics: the cache's effect). */
  reviews = 0;

  constructor(private readonly options: TokenReviewOptions) {
    this.api = pooledKubeConfig(options.kubeConfig).makeApiClient(AuthenticationV1Api);
    this.cache = new LRUCache({ max: options.cacheMax ?? 10_000, ttl: options.cacheTtlMs ?? 10_000, ttlAutopurge: false });
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  /** The user Kubernetes says the token belongs to; throws 401 code 15 or 503 code 31. */
  async review(token: string): Promise<ReviewedUser> {
    if (token.length > MAX_REVIEWED_TOKEN_LENGTH) throw new DomainError(15, 'the bearer token is too long');
    const key = createHash('sha256').update(token).digest('hex');
    let answer = this.cache.get(key);
    if (!answer) {
      let inFlight = this.pending.get(key);
      if (!inFlight) {
        inFlight = this.ask(token).finally(() => this.pending.delete(key));
        this.pending.set(key, inFlight);
      }
      answer = await inFlight;
      this.cache.set(key, answer);
    }
    if (!answer.ok) throw new DomainError(15, answer.reason);
    return answer.user;
  }

  private async ask(token: string): Promise<Answer> {
    const body: V1TokenReview = {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenReview',
      spec: { token, ...(this.options.audiences?.length ? { audiences: [...this.options.audiences] } : {}) },
    };
    this.reviews++;
    let review: V1TokenReview;
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      review = await this.api.createTokenReview(
        { body },
        {
          middleware: [
            {
              pre: (context) => {
                context.setSignal(signal);
                return new Observable(Promise.resolve(context));
              },
              post: (context) => new Observable(Promise.resolve(context)),
            },
          ],
          middlewareMergeStrategy: 'append',
        },
      );
    } catch (error) {
      // Never log the request: its body holds the token.
      const detail =
        error instanceof ApiException
          ? `HTTP ${error.code}`
          : signal.aborted
            ? `no answer within ${this.timeoutMs} ms`
            : ((error as Error).message ?? String(error));
      this.options.log.warn({ detail }, 'TokenReview failed; answering 503');
      throw unavailable(`the Kubernetes API server could not review the token (${detail}); try again`);
    }
    const status = review.status;
    if (!status?.authenticated || !status.user?.username) {
      return { ok: false, reason: `the token was not accepted by Kubernetes${status?.error ? `: ${status.error}` : ''}` };
    }
    const wanted = this.options.audiences ?? [];
    if (wanted.length > 0 && !(status.audiences ?? []).some((audience) => wanted.includes(audience))) {
      return { ok: false, reason: 'the token was not issued for this server’s audiences' };
    }
    return { ok: true, user: { username: status.user.username, uid: status.user.uid, groups: status.user.groups ?? [] } };
  }
}
