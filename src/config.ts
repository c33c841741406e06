import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { authConfig, authEnvironment, authProblems, type AuthConfig } from './auth/config.ts';
import type { S3StoreConfig } from './domain/file-uploads.ts';
import { integrationsConfig, integrationsEnvironment, integrationsProblems, type IntegrationsConfig } from './integrations/config.ts';

/**
 * Server configuration, read once from the environment at start.
 *
 * Every variable is validated together so an operator sees every mistake in one message instead of
 * fixing them one restart at a time. Names and defaults follow shared/spec/configuration.md; the
 * README's configuration table documents each one.
 */
export interface Config {
  /** Postgres connection string; undefined selects the embedded Postgres under `dataDir`. */
  databaseUrl: string | undefined;
  /** Where the embedded Postgres keeps its cluster (and nothing else). */
  dataDir: string;
  databasePoolMax: number;
  host: string;
  port: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  nodeEnv: 'development' | 'production' | 'test';
  /** How long a graceful shutdown waits for in-flight requests before closing them. */
  shutdownTimeoutMs: number;
  /** Base64 AES-256 keys for secrets at rest: the first encrypts, all decrypt. Empty when unset. */
  credentialsEncryptionKeys: Buffer[];
  /** How to reach a session's runner: `{session}` → kube_cr_name, `{namespace}` → kube_namespace. */
  runnerUrlTemplate: string;
  /** Serve GraphiQL at GET /graphql. */
  graphiql: boolean;
  /** Answer GraphQL introspection queries. */
  graphqlIntrospection: boolean;
  /**
   * Trusted GraphQL documents from the codegen client's persisted-documents manifest (hash → text);
   * undefined when none is configured. Unless arbitrary operations stay allowed, only these run.
   */
  graphqlTrustedDocuments: { manifest: Record<string, string>; allowArbitraryOperations: boolean } | undefined;
  /** Origins allowed by CORS; `*` allows any. Empty: no cross-origin access. */
  corsOrigins: string[];
  /** Where file pre-uploads go (runtime.md §d row 5): Postgres (default), S3, or nowhere (503). */
  fileUploads: { store: 'postgres' } | { store: 'off' } | ({ store: 's3' } & S3StoreConfig);
  /** Interval of `: keepalive` comments on event streams. */
  streamKeepaliveMs: number;
  /** How long the change log keeps events (the oldest resumable point of a watch). */
  changeLogRetentionMs: number;
  /** JWT verification, platform admins; development mode when no key source is set. */
  auth: AuthConfig;
  /** OAuth, provider endpoints, the GitHub App. */
  integrations: IntegrationsConfig;
  scheduler: {
    /** Run the scheduler loop in this replica (every replica may; each run still fires once). */
    enabled: boolean;
    /** Longest sleep between two looks at the schedules, should a wake-up be lost (ms). */
    pollMs: number;
  };
  reconciler: {
    /** Run the reconciler inside the API process. */
    inProcess: boolean;
    /** kubeconfig file; unset: the in-cluster service account when in a pod, else no Kubernetes. */
    kubeconfig: string | undefined;
    resyncMs: number;
    /** Prefixes for RoleBinding subjects, for clusters whose OIDC authenticator prefixes names. */
    userPrefix: string;
    groupPrefix: string;
    /** Port of the standalone reconciler's /metrics and /healthz. */
    metricsPort: number;
  };
}

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be an integer`)
    .transform(Number)
    .pipe(z.number().min(min, `${name} must be between ${min} and ${max}`).max(max, `${name} must be between ${min} and ${max}`));

const onOff = (name: string) => z.enum(['on', 'off', 'true', 'false'], { error: `${name} must be on or off` }).transform((v) => v === 'on' || v === 'true');

/** A persisted-documents manifest file: a JSON object of document hash → document text. */
const documentsManifest = z.string().transform((file, ctx) => {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ? 'must name a readable file' : 'must be a JSON file';
    ctx.addIssue({ code: 'custom', message: `GRAPHQL_TRUSTED_DOCUMENTS ${reason}` });
    return z.NEVER;
  }
  const entries = manifest !== null && typeof manifest === 'object' && !Array.isArray(manifest) ? Object.entries(manifest) : undefined;
  if (!entries || entries.length === 0 || entries.some(([, document]) => typeof document !== 'string')) {
    ctx.addIssue({ code: 'custom', message: 'GRAPHQL_TRUSTED_DOCUMENTS must hold a non-empty JSON object of document hash → document text' });
    return z.NEVER;
  }
  return Object.fromEntries(entries) as Record<string, string>;
});

const encryptionKeys = z.string().transform((value, ctx) => {
  const keys: Buffer[] = [];
  for (const [i, part] of value.split(',').entries()) {
    const key = Buffer.from(part.trim(), 'base64');
    if (key.length !== 32) {
      ctx.addIssue({ code: 'custom', message: `CREDENTIALS_ENCRYPTION_KEY entry ${i + 1} must be 32 bytes of base64` });
      return z.NEVER;
    }
    keys.push(key);
  }
  return keys;
});

const environment = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_POOL_MAX: integer('DATABASE_POOL_MAX', 1, 1000).default(10),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: integer('PORT', 0, 65535).default(8000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'LOG_LEVEL must be one of debug, info, warn, error' }).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test'], { error: 'NODE_ENV must be one of development, production, test' }).default('development'),
  SHUTDOWN_TIMEOUT_SECONDS: integer('SHUTDOWN_TIMEOUT_SECONDS', 0, 3600).default(10),
  CREDENTIALS_ENCRYPTION_KEY: encryptionKeys.optional(),
  RUNNER_URL_TEMPLATE: z
    .string()
    .refine((v) => URL.canParse(v.replaceAll('{session}', 's').replaceAll('{namespace}', 'n')), 'RUNNER_URL_TEMPLATE must be an http(s) URL template')
    .default('http://session-{session}.{namespace}.svc.cluster.local:8001'),
  GRAPHIQL: onOff('GRAPHIQL').optional(),
  GRAPHQL_INTROSPECTION: onOff('GRAPHQL_INTROSPECTION').optional(),
  GRAPHQL_TRUSTED_DOCUMENTS: documentsManifest.optional(),
  GRAPHQL_ARBITRARY_OPERATIONS: onOff('GRAPHQL_ARBITRARY_OPERATIONS').optional(),
  FILE_UPLOADS_STORE: z.enum(['postgres', 's3', 'off'], { error: 'FILE_UPLOADS_STORE must be one of postgres, s3, off' }).default('postgres'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url({ error: 'S3_ENDPOINT must be an http(s) URL' }).optional(),
  S3_FORCE_PATH_STYLE: onOff('S3_FORCE_PATH_STYLE').optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  STREAM_KEEPALIVE_SECONDS: integer('STREAM_KEEPALIVE_SECONDS', 1, 3600).default(15),
  CHANGE_LOG_RETENTION_HOURS: integer('CHANGE_LOG_RETENTION_HOURS', 1, 24 * 365).default(24),
  SCHEDULER: onOff('SCHEDULER').default(true),
  SCHEDULER_POLL_SECONDS: integer('SCHEDULER_POLL_SECONDS', 1, 3600).default(30),
  RECONCILER: onOff('RECONCILER').default(false),
  KUBECONFIG: z.string().min(1).optional(),
  RECONCILER_RESYNC_SECONDS: integer('RECONCILER_RESYNC_SECONDS', 5, 86_400).default(300),
  RECONCILER_USER_PREFIX: z.string().default(''),
  RECONCILER_GROUP_PREFIX: z.string().default(''),
  RECONCILER_METRICS_PORT: integer('RECONCILER_METRICS_PORT', 0, 65535).default(9090),
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine((o) => o === '*' || /^https?:\/\/[^/]+$/.test(o), 'CORS_ORIGINS entries must be * or scheme://host[:port]')))
    .default([]),
  // Authentication and integrations declare their own variables (src/auth/config.ts, src/integrations/config.ts).
  ...authEnvironment.shape,
  ...integrationsEnvironment.shape,
});

/** The single start-up failure an operator sees when the environment is wrong. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "unset": shells and manifests often export NAME= to clear a value.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems = [...authProblems(e), ...integrationsProblems(e), ...fileUploadProblems(e)];
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    databasePoolMax: e.DATABASE_POOL_MAX,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    nodeEnv: e.NODE_ENV,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    credentialsEncryptionKeys: e.CREDENTIALS_ENCRYPTION_KEY ?? [],
    runnerUrlTemplate: e.RUNNER_URL_TEMPLATE,
    graphiql: e.GRAPHIQL ?? e.NODE_ENV !== 'production',
    graphqlIntrospection: e.GRAPHQL_INTROSPECTION ?? e.NODE_ENV !== 'production',
    graphqlTrustedDocuments: e.GRAPHQL_TRUSTED_DOCUMENTS
      ? { manifest: e.GRAPHQL_TRUSTED_DOCUMENTS, allowArbitraryOperations: e.GRAPHQL_ARBITRARY_OPERATIONS ?? e.NODE_ENV !== 'production' }
      : undefined,
    corsOrigins: e.CORS_ORIGINS,
    fileUploads:
      e.FILE_UPLOADS_STORE === 's3'
        ? {
            store: 's3',
            bucket: e.S3_BUCKET!,
            region: e.S3_REGION,
            endpoint: e.S3_ENDPOINT,
            // S3-compatible servers mostly serve buckets as paths, AWS as host names.
            forcePathStyle: e.S3_FORCE_PATH_STYLE ?? e.S3_ENDPOINT !== undefined,
            credentials: e.S3_ACCESS_KEY_ID ? { accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY! } : undefined,
          }
        : { store: e.FILE_UPLOADS_STORE },
    streamKeepaliveMs: e.STREAM_KEEPALIVE_SECONDS * 1000,
    changeLogRetentionMs: e.CHANGE_LOG_RETENTION_HOURS * 3600_000,
    auth: authConfig(e),
    integrations: integrationsConfig(e),
    scheduler: { enabled: e.SCHEDULER, pollMs: e.SCHEDULER_POLL_SECONDS * 1000 },
    reconciler: {
      inProcess: e.RECONCILER,
      kubeconfig: e.KUBECONFIG,
      resyncMs: e.RECONCILER_RESYNC_SECONDS * 1000,
      userPrefix: e.RECONCILER_USER_PREFIX,
      groupPrefix: e.RECONCILER_GROUP_PREFIX,
      metricsPort: e.RECONCILER_METRICS_PORT,
    },
  };
}

/** The S3 settings that only make sense together. */
function fileUploadProblems(e: z.infer<typeof environment>): string[] {
  const problems: string[] = [];
  if (e.FILE_UPLOADS_STORE === 's3' && !e.S3_BUCKET) problems.push('S3_BUCKET is required when FILE_UPLOADS_STORE=s3');
  if (!!e.S3_ACCESS_KEY_ID !== !!e.S3_SECRET_ACCESS_KEY) problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together or not at all');
  return problems;
}
