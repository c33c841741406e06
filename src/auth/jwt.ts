import { decodeProtectedHeader, errors, jwtVerify, type JWTPayload } from 'jose';
import { DEFAULT_JWT_ALGORITHMS, isJwtAlgorithm, keySuits, type JwtAlgorithm } from './algorithms.ts';
import { unauthenticated } from './authenticate.ts';
import type { KeyStore } from './jwks.ts';

/**
 * JWT authentication (runtime.md §c.1).
 *
 * The header's `alg` must be one of the configured algorithms (RS256 unless AUTH_JWT_ALGORITHMS
 * says otherwise; never `none` or HMAC) — checked before any key is looked at, so a public key can
 * never be used as an HMAC secret — and the header must name its key with `kid`. The header's `typ`
 * says what kind of JOSE object this is: absent, `JWT` (RFC 7519) or `at+jwt` (RFC 9068, an OAuth
 * access token), in any case and with or without the `application/` prefix RFC 7515 §4.1.9 allows.
 * The *claim* `typ` is Keycloak's token kind: when present it must be `Bearer`, which refuses its
 * `ID` and `Refresh` tokens. `exp` and `iat` are required, `nbf` is honoured, all with 60 s of
 * clock skew; issuer and audience are checked when configured. Every failure is 401 code 15.
 */

export const CLOCK_SKEW_SECONDS = 60;

const HEADER_TYPES = new Set(['jwt', 'at+jwt']);

/** Whether a JOSE header `typ` names a JWT or a JWT access token. */
function isJwtType(typ: unknown): boolean {
  if (typ === undefined) return true;
  if (typeof typ !== 'string') return false;
  const type = typ.toLowerCase();
  return HEADER_TYPES.has(type.startsWith('application/') ? type.slice('application/'.length) : type);
}

export interface JwtRules {
  keys: KeyStore;
  /** The accepted `alg` values; RS256 when not given. */
  algorithms?: readonly JwtAlgorithm[] | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Milliseconds since the epoch (tests move time). */
  now?: () => number;
}

/** The verified claims of a token; throws 401 code 15. */
export async function verifyJwt(token: string, rules: JwtRules): Promise<JWTPayload> {
  let header;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw unauthenticated('the bearer token is not a JWT');
  }
  const alg = header.alg;
  const algorithms = rules.algorithms ?? DEFAULT_JWT_ALGORITHMS;
  if (!isJwtAlgorithm(alg) || !algorithms.includes(alg)) throw unauthenticated(`JWT algorithm must be one of ${algorithms.join(', ')}`);
  if (typeof header.kid !== 'string' || header.kid === '') throw unauthenticated('JWT header has no kid');
  if (!isJwtType(header.typ)) throw unauthenticated('JWT header typ must be absent, JWT or at+jwt');
  const key = await rules.keys.key(header.kid);
  if (!key) throw unauthenticated('JWT signed by an unknown key');
  if (!keySuits(key, alg)) throw unauthenticated(`JWT key ${header.kid} is not a ${alg} key`);

  const nowMs = rules.now?.() ?? Date.now();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [alg],
      requiredClaims: ['exp', 'iat'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(nowMs),
      ...(rules.issuer !== undefined ? { issuer: rules.issuer } : {}),
      ...(rules.audience !== undefined ? { audience: rules.audience } : {}),
    }));
  } catch (error) {
    // jose reports keys it will not use (an RSA modulus under 2048 bits) as TypeErrors.
    if (error instanceof errors.JOSEError || error instanceof TypeError) throw unauthenticated(`invalid JWT: ${error.message}`);
    throw error;
  }
  // Keycloak marks its token kinds; only access tokens authenticate API calls.
  if (payload['typ'] !== undefined && (typeof payload['typ'] !== 'string' || payload['typ'].toLowerCase() !== 'bearer')) {
    throw unauthenticated('JWT claim typ must be Bearer (an access token, not an ID or refresh token)');
  }
  // jose checks iat's type but not that it is in the past.
  if (payload.iat! > nowMs / 1000 + CLOCK_SKEW_SECONDS) throw unauthenticated('invalid JWT: "iat" is in the future');
  return payload;
}
