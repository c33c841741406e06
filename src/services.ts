import type { KubeConfig } from '@kubernetes/client-node';
import { AguiService, type AguiTimings } from './agui/service.ts';
import type { Authenticator } from './auth/authenticate.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { UserProvisioning } from './auth/provisioning.ts';
import { SecretBox } from './auth/secret-box.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { ChangeFeed } from './live/change-feed.ts';
import { WatchCache } from './live/watch-cache.ts';
import { SessionActions } from './domain/session-actions.ts';
import { SessionMessages } from './domain/session-messages.ts';
import { Agents } from './domain/agents.ts';
import { SessionMessageFeed } from './live/session-message-feed.ts';
import { SessionRuntime } from './domain/session-runtime.ts';
import { PostgresFileUploads, S3FileUploads, SessionFileUploads, type FileUploadStore } from './domain/file-uploads.ts';
import { Domain } from './domain/service.ts';
import type { Logger } from './log.ts';
import { BodyValidator } from './rest/body-validation.ts';
import { Integrations } from './integrations/index.ts';
import { HttpMetrics } from './rest/metrics.ts';
import { componentSchemas } from './rest/schemas.ts';
import { loadKubeConfig } from './reconciler/kube.ts';
import { RunnerClient } from './runner/client.ts';
import { kubeSessionTokens } from './runner/session-token.ts';
import { ScheduledSessions } from './scheduler/scheduled-sessions.ts';
import { Scheduler } from './scheduler/scheduler.ts';

/**
 * The server's services, built once at start and shared by every protocol (REST, GraphQL): the
 * domain layer, session actions, authentication and the HTTP metrics.
 */
export interface Services {
  domain: Domain;
  sessions: SessionActions;
  authenticator: Authenticator;
  validator: BodyValidator;
  metrics: HttpMetrics;
  /** Committed changes, live; `start()` it before serving streams. */
  feed: ChangeFeed;
  /** REST watches' shared judgement and frames, over the feed. */
  watches: WatchCache;
  /** AG-UI runs and event streams; `start()` it after the change feed. */
  agui: AguiService;
  streamKeepaliveMs: number;
  /** OAuth flows and credential tests. */
  integrations: Integrations;
  /** Session message logs (head-contract H5) and their live streams. */
  messages: SessionMessages;
  messageFeed: SessionMessageFeed;
  /** The running session's workspace, git, tasks and other runner views (runtime.md §d). */
  runtime: SessionRuntime;
  /** File pre-uploads of sessions before their pods run (runtime.md §d row 5). */
  fileUploads: SessionFileUploads;
  /** Agents' start, ignition, sessions and project home (head-contract H3). */
  agents: Agents;
  /** Scheduled sessions' suspend, resume, trigger, runs and firing (head-contract H8). */
  scheduledSessions: ScheduledSessions;
  /** The scheduler loop; `start()` it in a serving replica (every replica may run one). */
  scheduler: Scheduler;
}

/** Replacements of what the environment decides (tests). */
export interface ServiceOverrides {
  /** Kubernetes for reading session tokens; null: none. Default: from the environment. */
  kubeConfig?: KubeConfig | null;
  aguiTimings?: Partial<AguiTimings>;
}

export function createServices(database: Pick<Database, 'pool' | 'connectionString'>, config: Config, log: Logger, overrides: ServiceOverrides = {}): Services {
  const { pool } = database;
  const secrets = config.credentialsEncryptionKeys.length > 0 ? new SecretBox(config.credentialsEncryptionKeys) : undefined;
  const domain = new Domain(pool, { secrets });
  // Session tokens come from Kubernetes when there is one (runtime.md §a.12); without, no token is sent.
  const kube = overrides.kubeConfig !== undefined ? overrides.kubeConfig : loadKubeConfig(config.reconciler.kubeconfig);
  const runner = new RunnerClient({ urlTemplate: config.runnerUrlTemplate, log, ...(kube ? { sessionToken: kubeSessionTokens(kube, log) } : {}) });
  const feed = new ChangeFeed(pool, { connectionString: database.connectionString, log });
  const metrics = new HttpMetrics();
  const agents = new Agents(domain);
  const scheduledSessions = new ScheduledSessions(domain, agents, log);
  return {
    domain,
    sessions: new SessionActions(domain, runner),
    authenticator: createAuthenticator(config.auth, { pool, users: new UserProvisioning(pool, domain), log, kubeConfig: kube ?? undefined }),
    validator: new BodyValidator(componentSchemas()),
    metrics,
    feed,
    watches: new WatchCache(feed),
    agui: new AguiService({
      domain,
      runner,
      changes: feed,
      connectionString: database.connectionString,
      log,
      timings: overrides.aguiTimings,
      registry: metrics.registry,
    }),
    streamKeepaliveMs: config.streamKeepaliveMs,
    integrations: new Integrations(domain, config.integrations, secrets, log),
    messages: new SessionMessages(domain),
    agents,
    scheduledSessions,
    scheduler: new Scheduler({
      pool,
      connectionString: database.connectionString,
      sessions: scheduledSessions,
      log,
      maxSleepMs: config.scheduler.pollMs,
    }),
    messageFeed: new SessionMessageFeed(pool, { connectionString: database.connectionString, log }),
    runtime: new SessionRuntime(domain, runner, log, kube ?? undefined),
    fileUploads: new SessionFileUploads(domain, fileUploadStore(config.fileUploads, pool), log),
  };
}

function fileUploadStore(config: Config['fileUploads'], pool: Database['pool']): FileUploadStore | undefined {
  if (config.store === 'off') return undefined;
  return config.store === 's3' ? new S3FileUploads(config) : new PostgresFileUploads(pool);
}
