import type { JWK } from 'jose';

/**
 * The JWS algorithms a deployment may accept (AUTH_JWT_ALGORITHMS, runtime.md §c.1), and which
 * keys each can use. Only asymmetric signatures are possible: `none` carries no signature and an
 * HMAC algorithm would turn a published verification key into the signing secret.
 */
export const JWT_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

export const DEFAULT_JWT_ALGORITHMS: readonly JwtAlgorithm[] = ['RS256'];

export const isJwtAlgorithm = (value: unknown): value is JwtAlgorithm => JWT_ALGORITHMS.includes(value as JwtAlgorithm);

/** Whether `jwk` can verify `alg` signatures: the key type (and curve) fit, and a declared `alg` agrees. */
export function keySuits(jwk: JWK, alg: JwtAlgorithm): boolean {
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  switch (alg) {
    case 'RS256':
    case 'PS256':
      return jwk.kty === 'RSA';
    case 'ES256':
      return jwk.kty === 'EC' && jwk.crv === 'P-256';
    case 'EdDSA':
      return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  }
}
