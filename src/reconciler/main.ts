import http from 'node:http';
import { Registry } from 'prom-client';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { createLogger } from '../log.ts';
import { createServices } from '../services.ts';
import { startReconciler } from './index.ts';

/**
 * `npm run reconciler`: the reconciler on its own, with `/metrics` and `/healthz` on
 * RECONCILER_METRICS_PORT. Run several replicas; one is elected and reconciles.
 */
async function main(config: Config): Promise<void> {
  const log = createLogger(config.logLevel).child({ component: 'reconciler' });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.databasePoolMax, log });
  const services = createServices(database, config, log);
  await services.feed.start();
  const registry = new Registry();
  const reconciler = startReconciler({ config, database, services, log, registry });
  if (!reconciler) {
    await services.feed.stop();
    await database.close();
    process.exit(1);
  }
  const server = http.createServer((req, res) => {
    if (req.url === '/metrics') {
      void registry.metrics().then((body) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(body));
    } else if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'ok', leader: reconciler.isLeader() }));
    } else res.writeHead(404).end();
  });
  server.listen(config.reconciler.metricsPort, config.host, () => log.info({ port: config.reconciler.metricsPort }, 'reconciler: metrics listening'));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await reconciler.stop();
    await services.feed.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
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
  process.stderr.write(`reconciler failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
