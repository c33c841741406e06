import type pg from 'pg';
import type { SessionActions } from '../domain/session-actions.ts';
import type { ChangeEvent, ChangeFeed, Subscription } from '../live/change-feed.ts';
import type { Logger } from '../log.ts';
import type { ReconcileContext } from './context.ts';
import { classify, type Kube, type KubeObject, type ObjectKind } from './kube.ts';
import type { ReconcilerMetrics } from './metrics.ts';
import { PERMISSION_ID, PROJECT_ID, SESSION_ID, type SubjectPrefixes } from './projections.ts';
import { RequeueAfter, WorkQueue } from './queue.ts';
import { reconcilePermission } from './reconcile-permission.ts';
import { reconcileProject } from './reconcile-project.ts';
import { reconcileSession } from './reconcile-session.ts';
import { projectedKeys, sessionsReferencing } from './rows.ts';

/**
 * The controller: keys (`project:<id>`, `permission:<id>`, `session:<id>`) enter one work queue
 * from the change log (no polling loop), from the informers (what Kubernetes holds changed), and
 * from a full resync at start and every RECONCILER_RESYNC_SECONDS; each key is reconciled by one
 * idempotent pass at a time, comparing desired with observed state and writing only differences.
 */

export interface ControllerOptions {
  pool: pg.Pool;
  kube: Kube;
  feed: ChangeFeed;
  sessions: SessionActions;
  log: Logger;
  metrics: ReconcilerMetrics;
  prefixes: SubjectPrefixes;
  resyncMs: number;
  concurrency?: number;
}

const LABEL_KEY: Record<ObjectKind, [label: string, kind: string]> = {
  Namespace: [PROJECT_ID, 'project'],
  RoleBinding: [PERMISSION_ID, 'permission'],
  AgenticSession: [SESSION_ID, 'session'],
};

/** Conflicts are retried at once, this many times, before the key goes back to the queue. */
const CONFLICT_RETRIES = 5;

export class Controller {
  private readonly queue: WorkQueue;
  private readonly context: ReconcileContext;
  private subscription: Subscription | undefined;
  private resync: NodeJS.Timeout | undefined;
  private following: Promise<void> | undefined;

  constructor(private readonly options: ControllerOptions) {
    const { log, metrics } = options;
    this.context = {
      pool: options.pool,
      kube: options.kube,
      sessions: options.sessions,
      log,
      prefixes: options.prefixes,
      report: (kind, reason, detail) => {
        metrics.errors.inc({ kind, reason });
        log.warn({ kind, reason, ...detail }, 'reconciler: left alone');
      },
    };
    this.queue = new WorkQueue(
      (key) => this.reconcile(key),
      { concurrency: options.concurrency ?? 8 },
      (key, error, retryInMs) => {
        const kind = key.split(':')[0]!;
        const reason = error instanceof RequeueAfter ? 'Requeued' : classify(error).reason;
        metrics.errors.inc({ kind, reason });
        log.warn({ key, reason, err: error instanceof RequeueAfter ? undefined : error, retry_in_ms: retryInMs }, 'reconciler: pass failed; retrying');
      },
    );
  }

  get depth(): number {
    return this.queue.depth;
  }

  async start(): Promise<void> {
    // Listen to the change log before the resync lists rows, so no change falls in between.
    this.subscription = this.options.feed.subscribe();
    this.following = this.follow(this.subscription);
    await this.options.kube.start((kind, object) => this.enqueueObject(kind, object));
    this.queue.start();
    await this.resyncAll();
    this.resync = setInterval(
      () => void this.resyncAll().catch((error: unknown) => this.options.log.warn({ err: error }, 'reconciler: resync failed')),
      this.options.resyncMs,
    );
    this.resync.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.resync);
    this.subscription?.close();
    await this.following;
    await this.queue.stop();
    await this.options.kube.stop();
  }

  /** Resolves when the queue is empty (tests and the benchmark wait on this). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  /** Everything that should exist, plus everything Kubernetes holds that we made. */
  async resyncAll(): Promise<void> {
    for (const key of await projectedKeys(this.options.pool)) this.queue.add(key);
    for (const kind of ['Namespace', 'RoleBinding', 'AgenticSession'] as const) {
      for (const object of this.options.kube.cachedList(kind)) this.enqueueObject(kind, object);
    }
  }

  private enqueueObject(kind: ObjectKind, object: KubeObject): void {
    const [label, prefix] = LABEL_KEY[kind];
    const id = object.metadata.labels?.[label];
    if (id) this.queue.add(`${prefix}:${id}`);
  }

  private async follow(subscription: Subscription): Promise<void> {
    for await (const event of subscription) {
      try {
        await this.enqueueEvent(event);
      } catch (error) {
        this.options.log.warn({ err: error, seq: event.seq }, 'reconciler: could not route a change');
      }
    }
  }

  private async enqueueEvent(event: ChangeEvent): Promise<void> {
    switch (event.kind) {
      case 'Project':
        return this.queue.add(`project:${event.objectId}`);
      case 'Permission':
        return this.queue.add(`permission:${event.objectId}`);
      case 'Session':
        return this.queue.add(`session:${event.objectId}`);
      case 'Workflow':
      case 'User': {
        // Their data is embedded in the CRs of the sessions that use them.
        const column = event.kind === 'Workflow' ? 'workflow_id' : 'created_by_user_id';
        for (const id of await sessionsReferencing(this.options.pool, column, event.objectId)) this.queue.add(`session:${id}`);
        return;
      }
      default:
        return;
    }
  }

  private async reconcile(key: string): Promise<void> {
    const [kind, id] = key.split(':') as [string, string];
    const done = this.options.metrics.duration.startTimer({ kind });
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          if (kind === 'project') await reconcileProject(this.context, id);
          else if (kind === 'permission') await reconcilePermission(this.context, id);
          else if (kind === 'session') await reconcileSession(this.context, id);
          return;
        } catch (error) {
          // Someone wrote in between: re-read and try again at once, a few times.
          if (classify(error).code !== 409 || attempt >= CONFLICT_RETRIES) throw error;
        }
      }
    } finally {
      done();
      this.options.metrics.queueDepth.set(this.queue.depth);
    }
  }
}
