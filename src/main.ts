import { performance } from 'node:perf_hooks';
import { warnDevelopmentMode } from './auth/development-mode.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { graphqlHandlerFor, trustedDocumentsManifest } from './graphql/handler.ts';
import { createOAuthCallbackHandler } from './integrations/oauth/callback-route.ts';
import { scheduleChangeLogRetention } from './live/retention.ts';
import { createLogger } from './log.ts';
import { startReconciler } from './reconciler/index.ts';
import { createRestHandler } from './rest/handler.ts';
import { API_ROUTES } from './rest/routes.ts';
import { createApiServer } from './server/server.ts';
import { createServices } from './services.ts';
import { BUILD_TIME, VERSION } from './version.ts';

/**
 * `npm start`: configuration → database (embedded unless DATABASE_URL) → migrations → HTTP server.
 * SIGINT/SIGTERM stop accepting, drain in-flight requests, then close the database.
 */
async function main(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  // Without a key source nothing is verified (config.ts has already refused a non-loopback HOST).
  const stopDevelopmentWarning = config.auth.jwks ? undefined : warnDevelopmentMode(log);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax, log });
  const services = createServices(database, config, log);
  await services.feed.start();
  await services.agui.start();
  if (config.scheduler.enabled) await services.scheduler.start();
  const stopRetention = scheduleChangeLogRetention(database.pool, config.changeLogRetentionMs, log);
  const reconciler = config.reconciler.inProcess ? startReconciler({ config, database, services, log, registry: services.metrics.registry }) : undefined;
  const rest = createRestHandler({ routes: API_ROUTES, services, authenticator: services.authenticator, corsOrigins: config.corsOrigins });
  const api = createApiServer({
    database,
    log,
    version: VERSION,
    buildTime: BUILD_TIME,
    metrics: services.metrics,
    handlers: [
      rest,
      createOAuthCallbackHandler({ flows: services.integrations.oauth, authenticator: services.authenticator }),
      graphqlHandlerFor(services, {
        graphiql: config.graphiql,
        introspection: config.graphqlIntrospection,
        corsOrigins: config.corsOrigins,
        log,
        trustedDocuments: config.graphqlTrustedDocuments && {
          documents: trustedDocumentsManifest(config.graphqlTrustedDocuments.manifest),
          allowArbitraryOperations: config.graphqlTrustedDocuments.allowArbitraryOperations,
        },
      }),
    ],
  });
  let address;
  try {
    address = await api.listen(config.port, config.host);
  } catch (error) {
    await database.close();
    throw error;
  }
  log.info(
    { url: `http://${address.address}:${address.port}`, database: database.mode, version: VERSION, startup_ms: Math.round(performance.now()) },
    'ambient-api ready',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    stopRetention();
    stopDevelopmentWarning?.();
    await reconciler?.stop();
    await services.scheduler.stop();
    await services.agui.stop();
    await services.feed.stop(); // ends open streams, so draining does not wait for them
    services.messageFeed.close();
    await api.shutdown(config.shutdownTimeoutMs);
    await database.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
main(config).catch((error: unknown) => {
  process.stderr.write(`ambient-api failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
