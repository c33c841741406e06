import { ApiError, badRequest } from './errors.ts';
import { isMap } from './meta.ts';

/**
 * `POST /apis/authentication.k8s.io/v1/tokenreviews`, as kube-apiserver 1.20 answers it
 * (pkg/registry/authentication/tokenreview/storage.go): 201 with the review echoed back and its
 * `status` filled in; 400 for a missing token or a namespaced path; authenticated tokens get
 * `status.authenticated`, `status.user.{username,uid,groups,extra}` and `status.audiences`;
 * unknown ones `status: {user: {}, error}` (`authenticated` is omitted when false, Go `omitempty`).
 * Without `spec.audiences` the server's own audiences are checked (`--api-audiences`, by default
 * the service-account issuer).
 */

export interface ReviewedUser {
  username: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export interface FakeToken {
  user: ReviewedUser;
  /** What the token was issued for; default: the API server's audiences. */
  audiences?: string[];
}

export const TOKEN_REVIEW_PATH = '/apis/authentication.k8s.io/v1/tokenreviews';
/** The default `--api-audiences` (the issuer `scripts/real-kube-tests.sh` configures). */
export const API_AUDIENCES = ['https://kubernetes.default.svc'];

export class TokenReviews {
  readonly tokens = new Map<string, FakeToken>();

  /** Answers a review request body; throws the ApiError the real server would. */
  review(body: unknown): { status: number; body: unknown } {
    if (!isMap(body) || !isMap(body['spec'])) throw badRequest('token is required for TokenReview in authentication.k8s.io');
    const spec = body['spec'];
    const token = spec['token'];
    if (typeof token !== 'string' || token === '') throw badRequest('token is required for TokenReview in authentication.k8s.io');
    const requested = Array.isArray(spec['audiences']) ? spec['audiences'].filter((a): a is string => typeof a === 'string') : [];
    const wanted = requested.length > 0 ? requested : API_AUDIENCES;
    const known = this.tokens.get(token);
    const echo = {
      kind: 'TokenReview',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { token, ...(requested.length > 0 ? { audiences: requested } : {}) },
    };
    if (!known)
      return {
        status: 201,
        body: { ...echo, status: { user: {}, error: '[invalid bearer token, square/go-jose: compact JWS format must have three parts]' } },
      };
    const issuedFor = known.audiences ?? API_AUDIENCES;
    const audiences = issuedFor.filter((a) => wanted.includes(a));
    if (audiences.length === 0) {
      return {
        status: 201,
        body: {
          ...echo,
          status: {
            user: {},
            error: `[invalid bearer token, token audiences ${JSON.stringify(issuedFor)} is invalid for the target audiences ${JSON.stringify(wanted)}]`,
          },
        },
      };
    }
    const { username, uid, groups, extra } = known.user;
    return {
      status: 201,
      body: {
        ...echo,
        status: {
          authenticated: true,
          user: { username, ...(uid ? { uid } : {}), ...(groups?.length ? { groups } : {}), ...(extra ? { extra } : {}) },
          audiences,
        },
      },
    };
  }
}

/** A TokenReview sent to a namespaced path: the real server refuses it. */
export const namespacedReview = (namespace: string) => new ApiError(400, 'BadRequest', `namespace is not allowed on this type: ${namespace}`);
