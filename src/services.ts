import { DevelopmentAuthenticator, type Authenticator } from './auth/authenticate.ts';
import { UserProvisioning } from './auth/provisioning.ts';
import { SecretBox } from './auth/secret-box.ts';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { ChangeFeed } from './live/change-feed.ts';
import { SessionActions } from './domain/session-actions.ts';
import { Domain } from './domain/service.ts';
import type { Logger } from './log.ts';
import { BodyValidator } from './rest/body-validation.ts';
import { HttpMetrics } from './rest/metrics.ts';
import { componentSchemas } from './rest/schemas.ts';
import { RunnerClient } from './runner/client.ts';

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
  streamKeepaliveMs: number;
}

export function createServices(database: Pick<Database, 'pool' | 'connectionString'>, config: Config, log: Logger): Services {
  const { pool } = database;
  const secrets = config.credentialsEncryptionKeys.length > 0 ? new SecretBox(config.credentialsEncryptionKeys) : undefined;
  const domain = new Domain(pool, { secrets });
  const runner = new RunnerClient({ urlTemplate: config.runnerUrlTemplate, log });
  return {
    domain,
    sessions: new SessionActions(domain, runner),
    authenticator: new DevelopmentAuthenticator(pool, new UserProvisioning(pool, domain)),
    validator: new BodyValidator(componentSchemas()),
    metrics: new HttpMetrics(),
    feed: new ChangeFeed(pool, { connectionString: database.connectionString, log }),
    streamKeepaliveMs: config.streamKeepaliveMs,
  };
}
