import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_JWT_ALGORITHMS, isJwtAlgorithm, JWT_ALGORITHMS, type JwtAlgorithm } from './algorithms.ts';
import { isLoopback } from './development-mode.ts';
import { parseProxyRule, type ProxyRule } from './trusted-proxies.ts';

/**
 * The authentication part of the configuration (runtime.md §c.1, §c.5, §c.6; configuration.md),
 * validated together with everything else by src/config.ts.
 */

export interface AuthConfig {
  /** Where JWT signing keys come from; undefined is development mode (no verification). */
  jwks: { url: string } | { file: string } | undefined;
  /** Required `iss`, when set. */
  issuer: string | undefined;
  /** Required member of `aud`, when set. */
  audience: string | undefined;
  /** The JWS algorithms tokens may be signed with. */
  jwtAlgorithms: readonly JwtAlgorithm[];
  /** Usernames and `group:<name>` entries with admin rights everywhere. */
  platformAdmins: string[];
  /** Bearers that are neither project keys nor our JWTs are checked with Kubernetes TokenReview (src/auth/token-review.ts). */
  tokenReview: { audiences: string[]; cacheTtlMs: number; timeoutMs: number } | undefined;
  /** Peers whose X-Forwarded-User/-Email/-Preferred-Username/-Groups are believed (src/auth/trusted-proxies.ts). */
  trustedProxies: ProxyRule[];
}

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

const onOff = (name: string) => z.enum(['on', 'off', 'true', 'false'], { error: `${name} must be on or off` }).transform((v) => v === 'on' || v === 'true');
const seconds = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be an integer`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be between ${min} and ${max}`).max(max, `${name} must be between ${min} and ${max}`));

export const authEnvironment = z.object({
  AUTH_JWKS_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^/]/.test(v) && URL.canParse(v), 'AUTH_JWKS_URL must be an http(s) URL')
    .optional(),
  AUTH_JWKS_FILE: z
    .string()
    .refine((v) => fs.existsSync(v), 'AUTH_JWKS_FILE must name an existing file')
    .optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
  AUTH_JWT_ALGORITHMS: list
    .transform((names, ctx) => {
      const accepted = `use ${JWT_ALGORITHMS.join(', ')}`;
      for (const name of names) {
        if (isJwtAlgorithm(name)) continue;
        const message = /^(none|HS\d+)$/i.test(name)
          ? `AUTH_JWT_ALGORITHMS: ${name} is never accepted (no signature, or a shared secret where the JWKS publishes keys); ${accepted}`
          : `AUTH_JWT_ALGORITHMS: unknown algorithm ${name}; ${accepted}`;
        ctx.addIssue({ code: 'custom', message });
      }
      if (names.length === 0) ctx.addIssue({ code: 'custom', message: `AUTH_JWT_ALGORITHMS must name at least one algorithm; ${accepted}` });
      return names as JwtAlgorithm[];
    })
    .optional(),
  AUTH_PLATFORM_ADMINS: list
    .pipe(
      z.array(z.string().refine((e) => e !== 'group:' && !/\s/.test(e), 'AUTH_PLATFORM_ADMINS entries must be usernames or group:<name>, without whitespace')),
    )
    .default([]),
  AUTH_TOKEN_REVIEW: onOff('AUTH_TOKEN_REVIEW').default(false),
  AUTH_TOKEN_REVIEW_AUDIENCES: list.optional(),
  AUTH_TOKEN_REVIEW_CACHE_SECONDS: seconds('AUTH_TOKEN_REVIEW_CACHE_SECONDS', 0, 300).default(10),
  AUTH_TOKEN_REVIEW_TIMEOUT_SECONDS: seconds('AUTH_TOKEN_REVIEW_TIMEOUT_SECONDS', 1, 60).default(5),
  AUTH_TRUSTED_PROXIES: list
    .transform((entries, ctx) => {
      const rules: ProxyRule[] = [];
      for (const entry of entries) {
        const rule = parseProxyRule(entry);
        if (typeof rule === 'string') ctx.addIssue({ code: 'custom', message: rule });
        else rules.push(rule);
      }
      return rules;
    })
    .default([]),
});

type AuthEnvironment = z.infer<typeof authEnvironment>;

export function authConfig(e: AuthEnvironment): AuthConfig {
  return {
    jwks: e.AUTH_JWKS_URL ? { url: e.AUTH_JWKS_URL } : e.AUTH_JWKS_FILE ? { file: e.AUTH_JWKS_FILE } : undefined,
    issuer: e.AUTH_ISSUER,
    audience: e.AUTH_AUDIENCE,
    jwtAlgorithms: e.AUTH_JWT_ALGORITHMS ?? DEFAULT_JWT_ALGORITHMS,
    platformAdmins: e.AUTH_PLATFORM_ADMINS,
    tokenReview: e.AUTH_TOKEN_REVIEW
      ? {
          audiences: e.AUTH_TOKEN_REVIEW_AUDIENCES ?? [],
          cacheTtlMs: e.AUTH_TOKEN_REVIEW_CACHE_SECONDS * 1000,
          timeoutMs: e.AUTH_TOKEN_REVIEW_TIMEOUT_SECONDS * 1000,
        }
      : undefined,
    trustedProxies: e.AUTH_TRUSTED_PROXIES,
  };
}

/** Rules that involve several variables. */
export function authProblems(e: AuthEnvironment & { HOST: string; CORS_ORIGINS: string[] }): string[] {
  const problems: string[] = [];
  const authenticated = Boolean(e.AUTH_JWKS_URL || e.AUTH_JWKS_FILE);
  if (e.AUTH_JWKS_URL && e.AUTH_JWKS_FILE) problems.push('set only one of AUTH_JWKS_URL and AUTH_JWKS_FILE');
  // Any web page could then call the API with its visitors' credentials (rest-contract §4.3).
  if (authenticated && e.CORS_ORIGINS.includes('*')) problems.push('CORS_ORIGINS=* is allowed only in development mode: list the origins');
  if (!authenticated && !isLoopback(e.HOST)) {
    problems.push(
      `HOST=${e.HOST} needs authentication: without AUTH_JWKS_URL or AUTH_JWKS_FILE the server runs in development mode (every caller is a platform admin) and binds to 127.0.0.1 only`,
    );
  }
  return problems;
}
