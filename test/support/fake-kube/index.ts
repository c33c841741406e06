import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { KubeConfig } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';
import { Controllers } from './controllers.ts';
import { isMap, type KubeObject } from './meta.ts';
import { Registry } from './registry.ts';
import { BUILTIN_TYPES, loadCrdTypes, type ResourceType } from './resources.ts';
import { ApiServer, type Fault, type RecordedRequest } from './server.ts';
import type { ReviewedUser } from './token-review.ts';
import { Store } from './store.ts';
import { Watches } from './watch.ts';

/**
 * A Kubernetes API server for tests, faithful to what a real kube-apiserver 1.20 does for the
 * types the reconciler uses (shared/notes/kubernetes.md): the real `@kubernetes/client-node`
 * talks to it over HTTP on 127.0.0.1 (see `kubeConfigFor`). Tests drive and inspect it through
 * this class, not through HTTP.
 */

export type { Fault, RecordedRequest } from './server.ts';
export type { FakeToken, ReviewedUser } from './token-review.ts';
export { API_AUDIENCES, TOKEN_REVIEW_PATH } from './token-review.ts';
export type { KubeObject, ObjectMeta, OwnerReference } from './meta.ts';

/** The project's own CRD manifest: the fake applies its schema, so tests fail when a write uses an undeclared field. */
export const PROJECT_CRD = fileURLToPath(new URL('../../../deploy/crds/agenticsessions.vteam.ambient-code.yaml', import.meta.url));

export interface FakeKubeOptions {
  /** CRD manifests to serve (default: the project's AgenticSession CRD). */
  crds?: string[];
  /** The bearer token every request must carry (else 401). */
  token?: string;
  /** How long after a change the namespace controller and garbage collector act (default 10 ms). */
  cascadeDelayMs?: number;
  /** How many changes watches can replay; older resourceVersions get 410 Expired (default 1000). */
  historyLimit?: number;
  /** How often a watch that allowed bookmarks gets one (default 60 s, as the real server). */
  bookmarkIntervalMs?: number;
}

/** The namespaces every cluster starts with. */
const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export class FakeKube {
  private constructor(
    readonly url: string,
    readonly token: string,
    private readonly registry: Registry,
    private readonly watches: Watches,
    private readonly controllers: Controllers,
    private readonly server: ApiServer,
  ) {}

  static async start(options: FakeKubeOptions = {}): Promise<FakeKube> {
    const types = [...BUILTIN_TYPES, ...(options.crds ?? [PROJECT_CRD]).flatMap(loadCrdTypes)];
    const store = new Store(options.historyLimit ?? 1000);
    const registry = new Registry(store, types);
    const watches = new Watches(store, options.bookmarkIntervalMs ?? 60_000);
    const controllers = new Controllers(registry, options.cascadeDelayMs ?? 10);
    const token = options.token ?? 'fake-kube-token';
    const server = new ApiServer(registry, watches, token);
    for (const name of SYSTEM_NAMESPACES) registry.create(registry.namespaces, undefined, { metadata: { name } });
    // The server's own caller authenticates, as the real server's token file admin does.
    server.tokenReviews.tokens.set(token, { user: { username: 'fake-kube-admin', groups: ['system:masters', 'system:authenticated'] } });
    const url = await server.listen();
    return new FakeKube(url, token, registry, watches, controllers, server);
  }

  /** Every request received, in order: method, path, query, content type and parsed body. */
  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  /** TCP connections accepted so far. */
  get connections(): number {
    return this.server.connections;
  }

  clearRequests(): void {
    this.server.requests.length = 0;
  }

  /** The current (latest) resourceVersion. */
  get resourceVersion(): string {
    return String(this.registry.store.resourceVersion);
  }

  /** How many watch streams are open now. */
  get openWatches(): number {
    return this.watches.count;
  }

  /**
   * Creates an object, or replaces it if it exists, with the same rules as the API (schema,
   * validation, events) but keeping its `status` (as a controller would have written it). Throws
   * the ApiError the API would answer.
   */
  seed(object: KubeObject): KubeObject {
    const resource = this.registry.typeOf(object.apiVersion, object.kind);
    if (!resource) throw new Error(`fake-kube serves no ${object.kind} in ${object.apiVersion}`);
    const { namespace, name } = object.metadata;
    const body = { ...object, metadata: { ...object.metadata, resourceVersion: undefined } };
    if (name && this.registry.store.get(resource, namespace, name)) return this.registry.update(resource, namespace, name, body, 'seed').object;
    return this.registry.create(resource, namespace, body, 'seed');
  }

  /** Seeds every document of a YAML manifest whose kind is served here (e.g. the project's ClusterRoles); skips the others. */
  seedManifest(file: string): KubeObject[] {
    return parseAllDocuments(readFileSync(file, 'utf8'))
      .map((document) => document.toJS() as unknown)
      .filter((object): object is KubeObject => isMap(object) && this.registry.typeOf(String(object['apiVersion']), String(object['kind'])) !== undefined)
      .map((object) => this.seed(object));
  }

  /** The stored object, by kind (`AgenticSession`), plural (`agenticsessions`) or short name; undefined if absent. */
  get(kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.registry.store.get(this.type(kind), namespace, name);
  }

  /** The stored objects of a kind, in one namespace or all. */
  list(kind: string, namespace?: string): KubeObject[] {
    return this.registry.store.list(this.type(kind), namespace);
  }

  /** Resolves when every pending namespace deletion and garbage collection step has run. */
  settle(): Promise<void> {
    return this.controllers.settle();
  }

  /** Ends every open watch: cleanly (the stream ends) or abruptly (the connection is reset). */
  dropWatches(options: { abrupt?: boolean } = {}): void {
    this.watches.drop(options.abrupt ?? false);
  }

  /** Forgets the change history: a watch from any earlier resourceVersion then gets 410 Expired. */
  compact(): void {
    this.registry.store.compact();
  }

  /** Sends a BOOKMARK now on every watch that asked for bookmarks. */
  sendBookmarks(): void {
    this.watches.bookmark();
  }

  /**
   * Makes the TokenReview API authenticate `token` as `user` (issued for `audiences`, default the
   * server's own). A ServiceAccount's user: `serviceAccountUser(namespace, name)`.
   */
  addToken(token: string, user: ReviewedUser, options: { audiences?: string[] } = {}): void {
    this.server.tokenReviews.tokens.set(token, { user, ...(options.audiences ? { audiences: options.audiences } : {}) });
  }

  /** Revokes a token added with `addToken`. */
  removeToken(token: string): void {
    this.server.tokenReviews.tokens.delete(token);
  }

  /** Answers the next matching request(s) with a fault; see `Fault`. */
  injectFault(fault: Fault): void {
    this.server.injectFault(fault);
  }

  clearFaults(): void {
    this.server.clearFaults();
  }

  async close(): Promise<void> {
    this.controllers.stop();
    await this.server.close();
  }

  private type(kind: string): ResourceType {
    const wanted = kind.toLowerCase();
    const resource = this.registry.types.find((t) => [t.kind.toLowerCase(), t.plural, t.singular, ...t.shortNames].includes(wanted));
    if (!resource) throw new Error(`fake-kube serves no resource named ${kind}`);
    return resource;
  }
}

/** The user Kubernetes reports for a ServiceAccount's token (username, uid and the groups every ServiceAccount has). */
export function serviceAccountUser(namespace: string, name: string, uid = `sa-${namespace}-${name}`): ReviewedUser {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

/** A KubeConfig for the real client, pointed at the fake (plain HTTP needs `skipTLSVerify`) with its token. */
export function kubeConfigFor(fake: FakeKube): KubeConfig {
  const config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'fake-kube', server: fake.url, skipTLSVerify: true }],
    users: [{ name: 'fake-kube', token: fake.token }],
    contexts: [{ name: 'fake-kube', cluster: 'fake-kube', user: 'fake-kube' }],
    currentContext: 'fake-kube',
  });
  return config;
}
