import {
  ApiException,
  KubeConfig,
  KubernetesObjectApi,
  PatchStrategy,
  makeInformer,
  type Informer,
  type KubernetesObject,
  type ObjectCache,
} from '@kubernetes/client-node';
import type { Logger } from '../log.ts';
import { CR_API_VERSION, CR_GROUP, CR_KIND, CR_PLURAL, CR_VERSION, MANAGED, MANAGED_BY, PERMISSION_APP, type StringMap } from './projections.ts';
import { RequeueAfter } from './queue.ts';

/**
 * The reconciler's view of Kubernetes: informers (list + watch, restarted when they fail, since the
 * client's informer stops for good on any error but 410) for the three kinds of objects it manages,
 * and writes — create, JSON merge patch (the client's default would be JSON Patch, which the API
 * server rejects for object bodies), delete — with the client's failures classified for retry.
 */

export interface KubeObject extends KubernetesObject {
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    labels?: StringMap;
    annotations?: StringMap;
    deletionTimestamp?: Date;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
  roleRef?: { apiGroup: string; kind: string; name: string };
  subjects?: { kind: string; apiGroup?: string; name: string }[];
}

export type ObjectKind = 'Namespace' | 'RoleBinding' | 'AgenticSession';

const API_VERSION: Record<ObjectKind, string> = { Namespace: 'v1', RoleBinding: 'rbac.authorization.k8s.io/v1', AgenticSession: CR_API_VERSION };

interface WatchedKind {
  kind: ObjectKind;
  path: string;
  labelSelector: string;
}

export const WATCHED: readonly WatchedKind[] = [
  { kind: 'Namespace', path: '/api/v1/namespaces', labelSelector: `${MANAGED}=true` },
  { kind: 'RoleBinding', path: '/apis/rbac.authorization.k8s.io/v1/rolebindings', labelSelector: `app=${PERMISSION_APP}` },
  { kind: 'AgenticSession', path: `/apis/${CR_GROUP}/${CR_VERSION}/${CR_PLURAL}`, labelSelector: `${MANAGED_BY}=ambient-api-server` },
];

export type ChangeListener = (kind: ObjectKind, object: KubeObject, type: 'add' | 'update' | 'delete') => void;

/** Where Kubernetes is: a kubeconfig file, the in-cluster service account, or nothing. */
export function loadKubeConfig(kubeconfigPath: string | undefined): KubeConfig | undefined {
  const config = new KubeConfig();
  if (kubeconfigPath) {
    config.loadFromFile(kubeconfigPath);
    return config;
  }
  if (process.env['KUBERNETES_SERVICE_HOST']) {
    config.loadFromCluster();
    return config;
  }
  return undefined;
}

type RequestContext = Parameters<KubeConfig['applySecurityAuthentication']>[0];
type Dispatcher = NonNullable<ReturnType<RequestContext['getDispatcher']>>;

/**
 * The configuration API calls go through: the same clusters, users and contexts, but one
 * connection pool per context. client-node 2.0.1 builds a new undici Agent in every
 * `applySecurityAuthentication`, so every call opened a connection of its own (and, on a real
 * cluster, a TLS handshake): 51 connections for 50 creates, measured against the fake. The first
 * agent of a context is kept and reused; the fresh one, which never connected, is dropped.
 * (A client certificate that an exec plugin rotates would keep the first one until restart;
 * tokens are headers, applied per call, and unaffected.)
 */
export class PooledKubeConfig extends KubeConfig {
  private readonly dispatchers = new Map<string, Dispatcher>();

  static from(config: KubeConfig): PooledKubeConfig {
    const pooled = new PooledKubeConfig();
    pooled.loadFromOptions({ clusters: config.clusters, users: config.users, contexts: config.contexts, currentContext: config.currentContext });
    return pooled;
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    const created = context.getDispatcher();
    if (!created) return;
    const shared = this.dispatchers.get(this.currentContext);
    if (shared) context.setDispatcher(shared);
    else this.dispatchers.set(this.currentContext, created);
  }
}

/** The configuration with one connection pool per context (see PooledKubeConfig): what every API client of the server is made from. */
export const pooledKubeConfig = (config: KubeConfig): KubeConfig => PooledKubeConfig.from(config);

/** A failed Kubernetes call, as the reconciler needs to react to it. */
export function classify(error: unknown): { code: number; reason: string; retryAfterMs?: number } {
  if (error instanceof ApiException) {
    const body = (typeof error.body === 'string' ? safeJson(error.body) : error.body) as { reason?: string; message?: string } | undefined;
    const retryAfter = Number(error.headers?.['retry-after']);
    return {
      code: error.code,
      reason: body?.reason ?? body?.message ?? `HTTP ${error.code}`,
      ...(error.code === 429 ? { retryAfterMs: (Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1) * 1000 } : {}),
    };
  }
  return { code: 0, reason: (error as Error).message ?? String(error) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** 429 waits for Retry-After; every other failure is requeued with backoff by the queue. */
export function rethrowForRetry(error: unknown): never {
  const failure = classify(error);
  if (failure.code === 429) throw new RequeueAfter(failure.retryAfterMs ?? 1000, 'throttled by the API server');
  throw error;
}

export const isNotFound = (error: unknown) => classify(error).code === 404;
export const isConflict = (error: unknown) => classify(error).code === 409;

export class Kube {
  private readonly api: KubernetesObjectApi;
  private readonly informers = new Map<ObjectKind, Informer<KubeObject> & ObjectCache<KubeObject>>();
  private readonly restarts = new Map<ObjectKind, NodeJS.Timeout>();
  private stopped = false;
  /** Kinds whose informer has completed its first list: a cache miss then means "absent". */
  private readonly synced = new Set<ObjectKind>();
  /**
   * Objects as our own writes returned them, until the informer catches up: the cache lags a
   * write by a watch event, and reading through it would recreate or re-patch what we just wrote.
   */
  private readonly written = new Map<string, { object: KubeObject | undefined; until: number }>();
  /**
   * Names that exist without our labels (a legacy binding, someone else's namespace): invisible to
   * the label-selected informers, so they are always read from the API server.
   */
  private readonly unlabelled = new Set<string>();
  /** API calls made, by verb (the benchmark's "calls per session"). */
  readonly calls = { create: 0, patch: 0, delete: 0, read: 0 };

  constructor(
    private readonly config: KubeConfig,
    private readonly log: Logger,
  ) {
    this.api = KubernetesObjectApi.makeApiClient(PooledKubeConfig.from(config));
  }

  /** Starts the informers; `onChange` hears every add, update and delete. Resolves after the initial lists. */
  async start(onChange: ChangeListener): Promise<void> {
    await Promise.all(WATCHED.map((watched) => this.startInformer(watched, onChange, 1000)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.restarts.values()) clearTimeout(timer);
    await Promise.all([...this.informers.values()].map((informer) => informer.stop().catch(() => undefined)));
  }

  /** The cached object, if the informer has seen it. */
  cached(kind: ObjectKind, name: string, namespace?: string): KubeObject | undefined {
    return this.informers.get(kind)?.get(name, namespace);
  }

  cachedList(kind: ObjectKind): readonly KubeObject[] {
    return this.informers.get(kind)?.list() ?? [];
  }

  /**
   * What Kubernetes holds: the newer of the informer's copy and our last write's result; when the
   * informer has not listed yet, a read from the API server.
   */
  async observe(kind: ObjectKind, name: string, namespace?: string): Promise<KubeObject | undefined> {
    const cached = this.cached(kind, name, namespace);
    const key = `${kind}/${namespace ?? ''}/${name}`;
    if (this.unlabelled.has(key)) return this.read(kind, name, namespace);
    const mine = this.written.get(key);
    if (mine && mine.until > Date.now() && newer(mine.object, cached)) return mine.object;
    if (mine) this.written.delete(key);
    if (cached || this.synced.has(kind)) return cached;
    return this.read(kind, name, namespace);
  }

  private remember(kind: ObjectKind, name: string, namespace: string | undefined, object: KubeObject | undefined): void {
    this.written.set(`${kind}/${namespace ?? ''}/${name}`, { object, until: Date.now() + 30_000 });
    if (this.written.size > 50_000) this.written.delete(this.written.keys().next().value!);
  }

  async read(kind: ObjectKind, name: string, namespace?: string): Promise<KubeObject | undefined> {
    this.calls.read++;
    try {
      return (await this.api.read({ apiVersion: API_VERSION[kind], kind, metadata: { name, ...(namespace ? { namespace } : {}) } })) as KubeObject;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      return rethrowForRetry(error);
    }
  }

  async create(object: KubeObject): Promise<KubeObject> {
    this.calls.create++;
    try {
      const created = (await this.api.create(object)) as KubeObject;
      this.remember(object.kind as ObjectKind, created.metadata.name, created.metadata.namespace, created);
      return created;
    } catch (error) {
      if (isConflict(error)) this.unlabelled.add(`${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`);
      return rethrowForRetry(error);
    }
  }

  /** JSON merge patch; `null` values remove keys. */
  async mergePatch(kind: ObjectKind, name: string, namespace: string | undefined, patch: Record<string, unknown>): Promise<KubeObject> {
    this.calls.patch++;
    const body = {
      apiVersion: API_VERSION[kind],
      kind,
      ...patch,
      metadata: { name, ...(namespace ? { namespace } : {}), ...(patch['metadata'] as object | undefined) },
    };
    try {
      const patched = (await this.api.patch(
        body as KubernetesObject,
        undefined,
        undefined,
        'ambient-reconciler',
        undefined,
        PatchStrategy.MergePatch,
      )) as KubeObject;
      this.remember(kind, name, namespace, patched);
      return patched;
    } catch (error) {
      return rethrowForRetry(error);
    }
  }

  /** Deletes with Background propagation; an object already gone counts as deleted. */
  async delete(kind: ObjectKind, name: string, namespace?: string): Promise<void> {
    this.calls.delete++;
    try {
      await this.api.delete(
        { apiVersion: API_VERSION[kind], kind, metadata: { name, ...(namespace ? { namespace } : {}) } },
        undefined,
        undefined,
        undefined,
        undefined,
        'Background',
      );
    } catch (error) {
      if (isNotFound(error)) return;
      rethrowForRetry(error);
    }
  }

  private async startInformer(watched: WatchedKind, onChange: ChangeListener, delayMs: number): Promise<void> {
    const informer = makeInformer<KubeObject>(
      this.config,
      watched.path,
      async () => {
        const list = await this.api.list(API_VERSION[watched.kind], watched.kind, undefined, undefined, undefined, undefined, undefined, watched.labelSelector);
        return list as never;
      },
      watched.labelSelector,
    );
    informer.on('add', (object) => onChange(watched.kind, object, 'add'));
    informer.on('update', (object) => onChange(watched.kind, object, 'update'));
    informer.on('delete', (object) => onChange(watched.kind, object, 'delete'));
    informer.on('error', (error) => {
      // The informer has stopped for good: start it again, with backoff (1 s doubling to 30 s).
      if (this.stopped) return;
      this.log.warn({ kind: watched.kind, err: error }, 'reconciler: watch failed; restarting it');
      const timer = setTimeout(() => {
        void informer.start().then(
          () => this.log.info({ kind: watched.kind }, 'reconciler: watch restarted'),
          () => undefined, // a failing start emits 'error' again, which schedules the next try
        );
      }, delayMs);
      timer.unref();
      this.restarts.set(watched.kind, timer);
      delayMs = Math.min(delayMs * 2, 30_000);
    });
    informer.on('connect', () => {
      delayMs = 1000;
    });
    this.informers.set(watched.kind, informer);
    await informer.start();
    this.synced.add(watched.kind);
  }
}

/** Whether `a` is a later version than `b` (resourceVersions compared as numbers when they are). */
function newer(a: KubeObject | undefined, b: KubeObject | undefined): boolean {
  if (!b) return true;
  if (!a) return false;
  const ra = a.metadata.resourceVersion ?? '';
  const rb = b.metadata.resourceVersion ?? '';
  return /^\d+$/.test(ra) && /^\d+$/.test(rb) ? BigInt(ra) > BigInt(rb) : ra !== rb;
}

export { CR_KIND };
