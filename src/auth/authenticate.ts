import type { IncomingMessage } from 'node:http';
import type pg from 'pg';
import { DomainError } from '../domain/errors.ts';
import type { Actor, UserActor } from './actor.ts';
import { verifyProjectKey } from './project-keys.ts';
import type { Identity, ProvisionedUser } from './provisioning.ts';

/**
 * Establishes who is calling (runtime.md §c.1, §c.6). Credentials, in order: `Authorization:
 * Bearer`, else `X-Forwarded-Access-Token`, else — on streaming endpoints only — `?token=`.
 * Anything that fails answers 401 code 15.
 */
export interface Authenticator {
  authenticate(req: IncomingMessage, options?: AuthenticateOptions): Promise<Actor>;
}

export interface AuthenticateOptions {
  /** Streaming endpoints: `?token=` is a credential too. */
  allowQueryToken?: boolean;
  /** A runner-facing endpoint (runtime.md §c.7): Kubernetes tokens are reviewed even with AUTH_TOKEN_REVIEW off. */
  runnerFacing?: boolean;
}

export const unauthenticated = (reason?: string) => new DomainError(15, reason);

/** The token in `Authorization: Bearer`, else `X-Forwarded-Access-Token`, or undefined. */
export function headerToken(req: IncomingMessage): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated('Authorization header must be "Bearer <token>"');
    return match[1];
  }
  const forwarded = req.headers['x-forwarded-access-token'];
  if (typeof forwarded === 'string' && forwarded !== '') return forwarded;
  return undefined;
}

/** The `?token=` of a streaming request, or undefined. */
export function queryToken(req: IncomingMessage): string | undefined {
  return new URL(req.url ?? '/', 'http://x').searchParams.get('token') || undefined;
}

/** The presented bearer token, or undefined. */
export function bearerToken(req: IncomingMessage, allowQueryToken = false): string | undefined {
  return headerToken(req) ?? (allowQueryToken ? queryToken(req) : undefined);
}

/** Reads a JWT's claims without verifying it: development mode only. */
export function unverifiedClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** The identity in a token's claims (runtime.md §c.1), or undefined without a usable username. */
export function identityFromClaims(claims: Record<string, unknown>): Identity | undefined {
  const username = text(claims['username']) ?? text(claims['preferred_username']) ?? text(claims['email']) ?? text(claims['sub']);
  if (!username) return undefined;
  const joined = (a: unknown, b: unknown) => (text(a) && text(b) ? `${String(a)} ${String(b)}` : undefined);
  const name = text(claims['name']) ?? joined(claims['given_name'], claims['family_name']) ?? joined(claims['first_name'], claims['last_name']) ?? username;
  const groups = Array.isArray(claims['groups']) && claims['groups'].every((g) => typeof g === 'string') ? (claims['groups'] as string[]) : [];
  return { username, name, email: text(claims['email']), groups };
}

/**
 * The actor of an authenticated user. Effective groups are the token's groups and the users row's
 * groups (an admin can grant groups the identity provider does not know about); platform admin
 * rights are decided on those effective groups.
 */
export function userActorFor(identity: Identity, user: ProvisionedUser, isPlatformAdmin: (username: string, groups: readonly string[]) => boolean): UserActor {
  const groups = [...new Set([...identity.groups, ...user.groups])];
  return { type: 'user', userId: user.id, username: identity.username, groups, platformAdmin: isPlatformAdmin(identity.username, groups) };
}

/** A project key, verified (401 when it does not authenticate). */
export async function projectKeyActor(pool: pg.Pool, token: string): Promise<Actor> {
  const key = await verifyProjectKey(pool, token);
  if (!key) throw unauthenticated('invalid, revoked or expired project key');
  return key;
}
