import { KubernetesObjectApi, type KubeConfig, type KubernetesObject } from '@kubernetes/client-node';
import { Session } from '../kinds/index.ts';
import type { Logger } from '../log.ts';
import { CR_API_VERSION, CR_KIND } from '../reconciler/projections.ts';
import { classify, PooledKubeConfig } from '../reconciler/kube.ts';
import { DomainError } from './errors.ts';
import type { Domain, RequestContext } from './service.ts';
import type { Row } from './wire.ts';

/**
 * The Kubernetes side of a session (runtime.md §d rows 15–16): the objects the operator made for it
 * and its runner pod's Events, read with the server's own identity through the reconciler's client
 * configuration (one connection pool). The caller is authorized by the domain first (view), so the
 * server's wider Kubernetes rights never show more than the session the caller may see; only
 * metadata leaves the server (never a Secret's data). Without a cluster both are 503 code 31.
 */

/** One object of the session, as row 15 shows it. */
export interface SessionResource {
  kind: string;
  name: string;
  namespace: string;
  uid: string;
  phase?: string;
  created_at: string;
}

export interface PodEvent {
  type: string;
  reason: string;
  message: string;
  timestamp: string;
  count: number;
}

/** How long one Kubernetes read may take. */
const KUBE_TIMEOUT_MS = 10_000;
/** At most this many events or objects per list (a runaway label must not cost unbounded memory). */
const LIST_LIMIT = 500;

interface Target {
  apiVersion: string;
  kind: string;
  /** Read by this name, when given. */
  name?: string;
  /** Also listed by the session's label `agentic-session=<kube_cr_name>`. */
  byLabel?: boolean;
}

/** The objects the operator creates for session `cr` (its naming, `operator/internal/handlers/sessions.go`). */
function targetsOf(cr: string): Target[] {
  return [
    { apiVersion: CR_API_VERSION, kind: CR_KIND, name: cr },
    { apiVersion: 'v1', kind: 'Pod', name: `${cr}-runner`, byLabel: true },
    { apiVersion: 'v1', kind: 'Service', name: `session-${cr}`, byLabel: true },
    { apiVersion: 'v1', kind: 'ServiceAccount', name: `ambient-session-${cr}` },
    { apiVersion: 'v1', kind: 'Secret', name: `ambient-runner-token-${cr}`, byLabel: true },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', name: `ambient-session-${cr}-role` },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', name: `ambient-session-${cr}-rb` },
  ];
}

type Loose = KubernetesObject & { status?: { phase?: unknown }; [key: string]: unknown };

export class SessionKubeViews {
  private readonly api: KubernetesObjectApi | undefined;

  constructor(
    private readonly domain: Domain,
    kubeConfig: KubeConfig | undefined,
    private readonly log: Logger,
  ) {
    this.api = kubeConfig ? KubernetesObjectApi.makeApiClient(PooledKubeConfig.from(kubeConfig)) : undefined;
  }

  /** Row 15: the session's Kubernetes objects, oldest first; a failed read is 502 code 30. */
  async resources(ctx: RequestContext, id: string): Promise<{ resources: SessionResource[] }> {
    const { api, namespace, cr } = await this.target(ctx, id);
    const found = new Map<string, SessionResource>();
    // List items carry no kind (as from a real API server): it comes from what was asked for.
    const add = (kind: string) => (object: Loose) => {
      const resource = toResource(object, namespace, kind);
      found.set(`${resource.kind}/${resource.name}`, resource);
    };
    try {
      await Promise.all(
        targetsOf(cr).flatMap((target) => [
          ...(target.name ? [this.read(api, target, namespace).then((object) => object && add(target.kind)(object))] : []),
          ...(target.byLabel
            ? [this.list(api, target, namespace, { labelSelector: `agentic-session=${cr}` }).then((items) => items.forEach(add(target.kind)))]
            : []),
        ]),
      );
    } catch (error) {
      const failure = classify(error);
      this.log.warn({ session: id, code: failure.code, reason: failure.reason }, 'reading the session’s Kubernetes objects failed');
      throw new DomainError(30, `Kubernetes could not be read: ${failure.reason}`);
    }
    const resources = [...found.values()].sort(
      (a, b) => a.created_at.localeCompare(b.created_at) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
    );
    return { resources };
  }

  /** Row 16: Events of the runner pod `<kube_cr_name>-runner`, oldest first; a failed read gives none. */
  async podEvents(ctx: RequestContext, id: string): Promise<{ events: PodEvent[] }> {
    const { api, namespace, cr } = await this.target(ctx, id);
    let items: Loose[];
    try {
      items = await this.list(api, { apiVersion: 'v1', kind: 'Event' }, namespace, { fieldSelector: `involvedObject.name=${cr}-runner` });
    } catch (error) {
      const failure = classify(error);
      this.log.warn({ session: id, code: failure.code, reason: failure.reason }, 'reading the runner pod’s events failed; answering none');
      return { events: [] };
    }
    const events = items.map(toEvent).sort((a, b) => a.timestamp.localeCompare(b.timestamp));
    return { events };
  }

  private async target(ctx: RequestContext, id: string): Promise<{ api: KubernetesObjectApi; namespace: string; cr: string }> {
    const session: Row = await this.domain.get(ctx, Session, id);
    if (!this.api) throw new DomainError(31, 'no Kubernetes cluster is configured (set KUBECONFIG or run in a cluster)');
    const namespace = text(session['kube_namespace']);
    const cr = text(session['kube_cr_name']);
    if (namespace === '' || cr === '') throw new DomainError(31, 'the session has no Kubernetes objects yet');
    return { api: this.api, namespace, cr };
  }

  private async read(api: KubernetesObjectApi, target: Target, namespace: string): Promise<Loose | undefined> {
    try {
      return (await withTimeout(api.read({ apiVersion: target.apiVersion, kind: target.kind, metadata: { name: target.name!, namespace } }))) as Loose;
    } catch (error) {
      if (classify(error).code === 404) return undefined;
      throw error;
    }
  }

  private async list(
    api: KubernetesObjectApi,
    target: Target,
    namespace: string,
    selector: { labelSelector?: string; fieldSelector?: string },
  ): Promise<Loose[]> {
    try {
      const list = await withTimeout(
        api.list(target.apiVersion, target.kind, namespace, undefined, undefined, undefined, selector.fieldSelector, selector.labelSelector, LIST_LIMIT),
      );
      return (list.items ?? []) as Loose[];
    } catch (error) {
      // A kind the cluster does not serve (no CRD yet) lists nothing.
      if (classify(error).code === 404) return [];
      throw error;
    }
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function withTimeout<T>(call: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${KUBE_TIMEOUT_MS / 1000} s`)), KUBE_TIMEOUT_MS);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}

/** An RFC 3339 time from what the client gives (a Date for typed objects, a string for custom ones). */
function time(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return typeof value === 'string' ? value : '';
}

function toResource(object: Loose, namespace: string, kind: string): SessionResource {
  const meta = object.metadata ?? {};
  const phase = object.status?.phase;
  return {
    kind: object.kind || kind,
    name: meta.name ?? '',
    namespace: meta.namespace ?? namespace,
    uid: meta.uid ?? '',
    ...(typeof phase === 'string' && phase !== '' ? { phase } : {}),
    created_at: time(meta.creationTimestamp),
  };
}

function toEvent(event: Loose): PodEvent {
  const when = time(event['lastTimestamp']) || time(event['eventTime']) || time(event.metadata?.creationTimestamp);
  const count = Number(event['count']);
  return {
    type: text(event['type']),
    reason: text(event['reason']),
    message: text(event['message']),
    timestamp: when,
    count: Number.isFinite(count) ? count : 0,
  };
}
