import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { startReconciler, type RunningReconciler } from '../../src/reconciler/index.ts';
import { createServices, type Services } from '../../src/services.ts';
import { createTestDatabase, testLog, type TestDatabase } from '../support/database.ts';
import { openCluster, type Cluster } from './cluster.ts';

/**
 * A reconciler against a Kubernetes API server — the project's fake, or a real one (see
 * cluster.ts) — through the real client, on the test file's own database, with the domain services
 * the API uses to write rows.
 */
export interface ReconcilerWorld {
  db: TestDatabase;
  services: Services;
  cluster: Cluster;
  registry: Registry;
  /** Starts a reconciler (several may run: leader election picks one). */
  start(options?: { resyncMs?: number }): Promise<RunningReconciler>;
  /** Polls `check` until it holds (reconciling and cascades are asynchronous). */
  eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs?: number): Promise<T>;
}

export function useReconcilerWorld(): () => ReconcilerWorld {
  let world: ReconcilerWorld;
  const running: RunningReconciler[] = [];
  beforeAll(async () => {
    const db = await createTestDatabase();
    const cluster = await openCluster();
    const services = createServices({ pool: db.pool, connectionString: db.url }, loadConfig({}), testLog);
    await services.feed.start();
    const registry = new Registry();
    world = {
      db,
      services,
      cluster,
      registry,
      async start(options = {}) {
        const config = loadConfig({ RECONCILER_RESYNC_SECONDS: String(Math.max(5, Math.round((options.resyncMs ?? 60_000) / 1000))) });
        const reconciler = startReconciler({
          config,
          database: { pool: db.pool, connectionString: db.url },
          services,
          log: testLog,
          registry: new Registry(),
          kubeConfig: cluster.kubeConfig,
          leaderIntervalMs: 200,
        })!;
        running.push(reconciler);
        await world.eventually(() => reconciler.controller !== undefined || running.some((r) => r !== reconciler && r.isLeader()));
        return reconciler;
      },
      async eventually(check, timeoutMs = 10_000) {
        const deadline = Date.now() + timeoutMs;
        let last: unknown;
        for (;;) {
          try {
            const value = await check();
            if (value !== undefined && value !== false) return value as never;
          } catch (error) {
            last = error;
          }
          if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      },
    };
  });
  afterEach(() => world.cluster.fake?.clearFaults());
  afterAll(async () => {
    for (const reconciler of running) await reconciler.stop();
    await world.services.feed.stop();
    await world.cluster.close();
    await world.db.drop();
  });
  return () => world;
}
