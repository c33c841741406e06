import fs from 'node:fs';
import { z } from 'zod';
import { DEFAULT_JWT_ALGORITHMS, isJwtAlgorithm, JWT_ALGORITHMS, type JwtAlgorithm } from './algorithms.ts';
import { isLoopback } from './development-mode.ts';

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
}

const list = z.string().transform((v) =>
  v
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean),
);

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
});

type AuthEnvironment = z.infer<typeof authEnvironment>;

export function authConfig(e: AuthEnvironment): AuthConfig {
  return {
    jwks: e.AUTH_JWKS_URL ? { url: e.AUTH_JWKS_URL } : e.AUTH_JWKS_FILE ? { file: e.AUTH_JWKS_FILE } : undefined,
    issuer: e.AUTH_ISSUER,
    audience: e.AUTH_AUDIENCE,
    jwtAlgorithms: e.AUTH_JWT_ALGORITHMS ?? DEFAULT_JWT_ALGORITHMS,
    platformAdmins: e.AUTH_PLATFORM_ADMINS,
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
