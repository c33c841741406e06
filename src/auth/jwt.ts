import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { decodeProtectedHeader, errors, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import type { Actor } from './actor.ts';
import { bearerToken, identityFromClaims, projectKeyActor, unauthenticated, userActorFor, type Authenticator } from './authenticate.ts';
import type { KeyStore } from './jwks.ts';
import type { PlatformAdmins } from './platform-admins.ts';
import { looksLikeProjectKey } from './project-keys.ts';
import type { UserProvisioning } from './provisioning.ts';

/**
 * JWT authentication (runtime.md §c.1).
 *
 * Tokens are RS256 only — `alg: none` and HMAC algorithms are refused before any key is looked
 * at, so a public key can never be used as an HMAC secret — and must name their key with `kid`.
 * `exp` and `iat` are required, `nbf` is honoured, all with 60 s of clock skew; `typ` may be
 * absent but, when present, must be `Bearer`; issuer and audience are checked when configured.
 * Every failure is 401 code 15.
 */

export const CLOCK_SKEW_SECONDS = 60;

export interface JwtRules {
  keys: KeyStore;
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
  if (header.alg !== 'RS256') throw unauthenticated('JWT algorithm must be RS256');
  if (typeof header.kid !== 'string' || header.kid === '') throw unauthenticated('JWT header has no kid');
  if (header.typ !== undefined && (typeof header.typ !== 'string' || header.typ.toLowerCase() !== 'bearer')) throw unauthenticated('JWT typ must be Bearer');
  const key: CryptoKey | undefined = await rules.keys.key(header.kid);
  if (!key) throw unauthenticated('JWT signed by an unknown key');

  const nowMs = rules.now?.() ?? Date.now();
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat'],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: new Date(nowMs),
      ...(rules.issuer !== undefined ? { issuer: rules.issuer } : {}),
      ...(rules.audience !== undefined ? { audience: rules.audience } : {}),
    }));
  } catch (error) {
    if (error instanceof errors.JOSEError) throw unauthenticated(`invalid JWT: ${error.message}`);
    throw error;
  }
  // jose checks iat's type but not that it is in the past.
  if (payload.iat! > nowMs / 1000 + CLOCK_SKEW_SECONDS) throw unauthenticated('invalid JWT: "iat" is in the future');
  return payload;
}

export interface JwtAuthenticatorOptions extends JwtRules {
  pool: pg.Pool;
  users: UserProvisioning;
  platformAdmins: PlatformAdmins;
}

/**
 * The authenticator when a key source is configured: a project key (`apk_…`) or a verified JWT,
 * from `Authorization`, else `X-Forwarded-Access-Token` (an OAuth proxy in front), else `?token=`
 * where streams allow it. The JWT's identity is provisioned as a user on first sight.
 */
export class JwtAuthenticator implements Authenticator {
  constructor(private readonly options: JwtAuthenticatorOptions) {}

  async authenticate(req: IncomingMessage, options: { allowQueryToken?: boolean } = {}): Promise<Actor> {
    const token = bearerToken(req, options.allowQueryToken);
    if (token === undefined) throw unauthenticated('no credentials: send Authorization: Bearer <token>');
    if (looksLikeProjectKey(token)) return projectKeyActor(this.options.pool, token);
    const claims = await verifyJwt(token, this.options);
    const identity = identityFromClaims(claims);
    if (!identity) throw unauthenticated('the JWT names no user (username, preferred_username, email or sub)');
    const user = await this.options.users.ensure(identity);
    return userActorFor(identity, user, (username, groups) => this.options.platformAdmins.includes(username, groups));
  }
}
