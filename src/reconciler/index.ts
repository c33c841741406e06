import type { KubeConfig } from '@kubernetes/client-node';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../log.ts';
import type { Services } from '../services.ts';
import { Controller } from './controller.ts';
import { Kube, loadKubeConfig } from './kube.ts';
import { LeaderElection } from './leader.ts';
import { ReconcilerMetrics } from './metrics.ts';

/**
 * The reconciler as one unit: leader election, and — while leader — the controller with its
 * informers, queue and change-log subscription. Runs inside the API process (RECONCILER=on) or
 * alone (`npm run reconciler`).
 */
export interface RunningReconciler {
  readonly controller: Controller | undefined;
  readonly kube: Kube | undefined;
  isLeader(): boolean;
  stop(): Promise<void>;
}

export interface ReconcilerOptions {
  config: Config;
  database: Pick<Database, 'pool' | 'connectionString'>;
  services: Pick<Services, 'feed' | 'sessions'>;
  log: Logger;
  registry: Registry;
  /** Overrides the kubeconfig from the environment (tests). */
  kubeConfig?: KubeConfig;
  leaderIntervalMs?: number;
}

export const RECONCILIATION_OFF = 'reconciliation is off: no Kubernetes is configured (set KUBECONFIG, or run in a cluster)';

/** Starts the reconciler, or returns undefined (and says why) when there is no Kubernetes. */
export function startReconciler(options: ReconcilerOptions): RunningReconciler | undefined {
  const { config, log } = options;
  const kubeConfig = options.kubeConfig ?? loadKubeConfig(config.reconciler.kubeconfig);
  if (!kubeConfig) {
    log.warn(RECONCILIATION_OFF);
    return undefined;
  }
  const metrics = new ReconcilerMetrics(options.registry);
  let kube: Kube | undefined;
  let controller: Controller | undefined;
  const election = new LeaderElection({
    connectionString: options.database.connectionString,
    log,
    ...(options.leaderIntervalMs ? { intervalMs: options.leaderIntervalMs } : {}),
    onElected: async () => {
      metrics.leader.set(1);
      kube = new Kube(kubeConfig, log);
      controller = new Controller({
        pool: options.database.pool,
        kube,
        feed: options.services.feed,
        sessions: options.services.sessions,
        log,
        metrics,
        prefixes: { user: config.reconciler.userPrefix, group: config.reconciler.groupPrefix },
        resyncMs: config.reconciler.resyncMs,
      });
      await controller.start();
    },
    onDeposed: async () => {
      metrics.leader.set(0);
      await controller?.stop();
      controller = undefined;
    },
  });
  election.start();
  return {
    get controller() {
      return controller;
    },
    get kube() {
      return kube;
    },
    isLeader: () => election.isLeader,
    stop: () => election.stop(),
  };
}
