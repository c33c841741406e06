import { createPrivateKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { modelManifest, readJsonFile, runnerRegistry, type CatalogConfig } from './providers/catalog.ts';

/**
 * The integrations part of the configuration (runtime.md §c.2–§c.4): OAuth clients, the state
 * signing key, the public URL providers redirect back to, the GitHub App, and the providers'
 * endpoints — configurable for GitHub Enterprise, and so tests can use a local fake provider.
 */

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface ProviderEndpoints {
  /** GitHub web base: `/login/oauth/authorize`, `/login/oauth/access_token`. */
  githubUrl: string;
  /** GitHub REST API base for github.com credentials: `/user`, `/user/installations`, `/app/installations/{id}`. */
  githubApiUrl: string;
  googleAuthUrl: string;
  googleTokenUrl: string;
  googleUserinfoUrl: string;
}

export interface IntegrationsConfig {
  /** The server's external URL; OAuth `redirect_uri` = `<publicBaseUrl>/oauth2callback`. */
  publicBaseUrl: string | undefined;
  /** HMAC-SHA256 key of OAuth state parameters (≥ 32 bytes). */
  oauthStateSecret: Buffer | undefined;
  /**
   * Origins (`scheme://host[:port]`, normalized) an OAuth flow may send the browser back to with an
   * absolute `return_to`: a UI served from another origin than the API. Paths on the API host are
   * always allowed.
   */
  oauthReturnOrigins: string[];
  google: OAuthClient | undefined;
  github: OAuthClient | undefined;
  githubApp: { appId: string; privateKey: KeyObject } | undefined;
  endpoints: ProviderEndpoints;
  /** Extra PEM certificates trusted for calls to providers (self-hosted GitLab, Jira, GitHub Enterprise). */
  providerCa: string | undefined;
  /** Where the built-in (out-of-the-box) workflows live (runtime.md §d row 22). */
  ootb: { repo: string; branch: string; path: string; cacheSeconds: number };
  /** Model and runner-type lists of the new-session form. */
  catalog: CatalogConfig;
}

const httpUrl = (name: string) =>
  z
    .string()
    .refine((v) => /^https?:\/\/[^/]/.test(v) && URL.canParse(v), `${name} must be an http(s) URL`)
    .transform((v) => v.replace(/\/+$/, ''));

/** A file's contents; a missing or unreadable file is a configuration problem. */
const fileContents = (name: string) =>
  z.string().transform((path, ctx) => {
    try {
      return fs.readFileSync(path, 'utf8');
    } catch {
      ctx.addIssue({ code: 'custom', message: `${name} must name a readable file` });
      return z.NEVER;
    }
  });

/** A path to a JSON file in a known format, checked at start (the file is re-read later as it changes). */
function jsonFile(name: string, schema: z.ZodType) {
  return z.string().superRefine((path, ctx) => {
    const read = readJsonFile(path, schema);
    if ('problem' in read) ctx.addIssue({ code: 'custom', message: `${name} ${read.problem}` });
  });
}

export const integrationsEnvironment = z.object({
  PUBLIC_BASE_URL: httpUrl('PUBLIC_BASE_URL').optional(),
  OAUTH_RETURN_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine((o) => /^https?:\/\/[^/]+$/.test(o) && URL.canParse(o), 'OAUTH_RETURN_ORIGINS entries must be scheme://host[:port]')))
    .optional(),
  OAUTH_STATE_SECRET: z
    .string()
    .refine((v) => Buffer.byteLength(v) >= 32, 'OAUTH_STATE_SECRET must be at least 32 bytes')
    .transform((v) => Buffer.from(v))
    .optional(),
  GOOGLE_OAUTH_CLIENT_ID: z.string().optional(),
  GOOGLE_OAUTH_CLIENT_SECRET: z.string().optional(),
  GITHUB_OAUTH_CLIENT_ID: z.string().optional(),
  GITHUB_OAUTH_CLIENT_SECRET: z.string().optional(),
  GITHUB_APP_ID: z.string().regex(/^\d+$/, 'GITHUB_APP_ID must be a number').optional(),
  GITHUB_APP_PRIVATE_KEY_FILE: fileContents('GITHUB_APP_PRIVATE_KEY_FILE')
    .transform((pem, ctx) => {
      try {
        return createPrivateKey(pem);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'GITHUB_APP_PRIVATE_KEY_FILE must hold a PEM private key' });
        return z.NEVER;
      }
    })
    .optional(),
  GITHUB_URL: httpUrl('GITHUB_URL').default('https://github.com'),
  GITHUB_API_URL: httpUrl('GITHUB_API_URL').default('https://api.github.com'),
  GOOGLE_AUTH_URL: httpUrl('GOOGLE_AUTH_URL').default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: httpUrl('GOOGLE_TOKEN_URL').default('https://oauth2.googleapis.com/token'),
  GOOGLE_USERINFO_URL: httpUrl('GOOGLE_USERINFO_URL').default('https://www.googleapis.com/oauth2/v2/userinfo'),
  PROVIDER_CA_FILE: fileContents('PROVIDER_CA_FILE').optional(),
  OOTB_WORKFLOWS_REPO: z.string().trim().min(1).default('https://github.com/ambient-code/workflows.git'),
  OOTB_WORKFLOWS_BRANCH: z.string().trim().min(1).default('main'),
  OOTB_WORKFLOWS_PATH: z
    .string()
    .trim()
    .default('workflows')
    .transform((v) => v.replace(/^\/+|\/+$/g, ''))
    .refine((v) => !v.split('/').some((s) => s === '..' || s === '.'), 'OOTB_WORKFLOWS_PATH must not contain . or .. segments'),
  OOTB_WORKFLOWS_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  MODELS_FILE: jsonFile('MODELS_FILE', modelManifest).optional(),
  RUNNER_TYPES_FILE: jsonFile('RUNNER_TYPES_FILE', runnerRegistry).optional(),
  ENABLED_FEATURE_GATES: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean),
    )
    .optional(),
});

type IntegrationsEnvironment = z.infer<typeof integrationsEnvironment>;

const client = (id: string | undefined, secret: string | undefined): OAuthClient | undefined =>
  id && secret ? { clientId: id, clientSecret: secret } : undefined;

export function integrationsConfig(e: IntegrationsEnvironment & { CORS_ORIGINS: string[] }): IntegrationsConfig {
  return {
    publicBaseUrl: e.PUBLIC_BASE_URL,
    oauthStateSecret: e.OAUTH_STATE_SECRET,
    // The UI origins CORS admits are where a browser comes from, so by default where it may return to
    // (`*` admits any caller, never any redirect target).
    oauthReturnOrigins: [...new Set((e.OAUTH_RETURN_ORIGINS ?? e.CORS_ORIGINS.filter((o) => o !== '*')).map((o) => new URL(o).origin))],
    google: client(e.GOOGLE_OAUTH_CLIENT_ID, e.GOOGLE_OAUTH_CLIENT_SECRET),
    github: client(e.GITHUB_OAUTH_CLIENT_ID, e.GITHUB_OAUTH_CLIENT_SECRET),
    githubApp: e.GITHUB_APP_ID && e.GITHUB_APP_PRIVATE_KEY_FILE ? { appId: e.GITHUB_APP_ID, privateKey: e.GITHUB_APP_PRIVATE_KEY_FILE } : undefined,
    endpoints: {
      githubUrl: e.GITHUB_URL,
      githubApiUrl: e.GITHUB_API_URL,
      googleAuthUrl: e.GOOGLE_AUTH_URL,
      googleTokenUrl: e.GOOGLE_TOKEN_URL,
      googleUserinfoUrl: e.GOOGLE_USERINFO_URL,
    },
    providerCa: e.PROVIDER_CA_FILE,
    ootb: { repo: e.OOTB_WORKFLOWS_REPO, branch: e.OOTB_WORKFLOWS_BRANCH, path: e.OOTB_WORKFLOWS_PATH, cacheSeconds: e.OOTB_WORKFLOWS_CACHE_SECONDS },
    catalog: { modelsFile: e.MODELS_FILE, runnerTypesFile: e.RUNNER_TYPES_FILE, enabledGates: e.ENABLED_FEATURE_GATES ?? [] },
  };
}

/** Rules that involve several variables. */
export function integrationsProblems(e: IntegrationsEnvironment & { CREDENTIALS_ENCRYPTION_KEY?: Buffer[] | undefined }): string[] {
  const problems: string[] = [];
  const pairs: [string, unknown, string, unknown][] = [
    ['GOOGLE_OAUTH_CLIENT_ID', e.GOOGLE_OAUTH_CLIENT_ID, 'GOOGLE_OAUTH_CLIENT_SECRET', e.GOOGLE_OAUTH_CLIENT_SECRET],
    ['GITHUB_OAUTH_CLIENT_ID', e.GITHUB_OAUTH_CLIENT_ID, 'GITHUB_OAUTH_CLIENT_SECRET', e.GITHUB_OAUTH_CLIENT_SECRET],
    ['GITHUB_APP_ID', e.GITHUB_APP_ID, 'GITHUB_APP_PRIVATE_KEY_FILE', e.GITHUB_APP_PRIVATE_KEY_FILE],
  ];
  for (const [a, va, b, vb] of pairs) if ((va === undefined) !== (vb === undefined)) problems.push(`set both ${a} and ${b}, or neither`);
  // One secret for two jobs would let a weakness in either use expose the other.
  const secret = e.OAUTH_STATE_SECRET;
  if (secret && (e.CREDENTIALS_ENCRYPTION_KEY ?? []).some((key) => key.equals(secret) || key.toString('base64') === secret.toString())) {
    problems.push('OAUTH_STATE_SECRET must differ from every CREDENTIALS_ENCRYPTION_KEY');
  }
  return problems;
}
