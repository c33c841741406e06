import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parse as parseYaml } from 'yaml';
import { ApiError, badRequest, methodNotAllowed, pathNotFound, statusFor, unsupportedMediaType } from './errors.ts';
import { isMap, type KubeObject } from './meta.ts';
import type { DeleteOptions, PropagationPolicy, Registry } from './registry.ts';
import type { ResourceType } from './resources.ts';
import { parseFieldSelector, parseLabelSelector } from './selectors.ts';
import { namespacedReview, TokenReviews } from './token-review.ts';
import type { Watches } from './watch.ts';

/** HTTP: authentication, recorded requests, injected faults, discovery, and the REST routes of every served type. */

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType?: string;
  /** The parsed JSON (or YAML) body; the raw text when it does not parse; undefined when empty. */
  body?: unknown;
}

/** How to answer the next `times` requests that match (all of `method`, `pathPattern`, `refuseWatch`). */
export interface Fault {
  method?: string;
  /** A substring of, or a pattern for, the request path (without the query). */
  pathPattern?: string | RegExp;
  /** How many matching requests the fault answers (default 1; `Infinity` until cleared). */
  times?: number;
  /** Answer with this code and its real Status reason; without it (and without `reset`) the request proceeds after `delayMs`. */
  status?: number;
  /** Sent as the `Retry-After` header and `details.retryAfterSeconds`. */
  retryAfterSeconds?: number;
  delayMs?: number;
  /** Reset the connection instead of answering. */
  reset?: boolean;
  /** Only watch requests match: refuse the watch while lists and writes go through. */
  refuseWatch?: boolean;
}

interface Route {
  resource: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: 'status' | 'finalize';
  watch: boolean;
}

const ALL_VERBS = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'];
const BODY_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

export class ApiServer {
  readonly requests: RecordedRequest[] = [];
  /** Tokens the TokenReview API authenticates. */
  readonly tokenReviews = new TokenReviews();
  private readonly faults: (Fault & { remaining: number })[] = [];
  private readonly server: Server = createServer((req, res) => void this.handle(req, res));
  /** TCP connections accepted so far (clients should reuse theirs). */
  connections = 0;

  constructor(
    private readonly registry: Registry,
    private readonly watches: Watches,
    private readonly token: string,
  ) {
    this.server.on('connection', () => this.connections++);
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.watches.drop(true);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  injectFault(fault: Fault): void {
    this.faults.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  private takeFault(method: string, path: string, watch: boolean): Fault | undefined {
    const fault = this.faults.find(
      (f) =>
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.pathPattern || (typeof f.pathPattern === 'string' ? path.includes(f.pathPattern) : f.pathPattern.test(path))) &&
        (!f.refuseWatch || watch),
    );
    if (fault && --fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-kube');
    const method = req.method ?? 'GET';
    const query = Object.fromEntries(url.searchParams);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const contentType = req.headers['content-type']?.split(';')[0]!.trim().toLowerCase();
    const body = text ? parseLeniently(text) : undefined;
    this.requests.push({ method, path: url.pathname, query, ...(contentType ? { contentType } : {}), ...(body === undefined ? {} : { body }) });
    try {
      if (req.headers.authorization !== `Bearer ${this.token}`) throw new ApiError(401, 'Unauthorized', 'Unauthorized');
      const watch = query['watch'] === 'true' || query['watch'] === '1' || /^\/apis?\/(?:[^/]+\/)?[^/]+\/watch\//.test(url.pathname);
      const fault = this.takeFault(method, url.pathname, watch);
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault?.reset) {
        req.socket.destroy();
        return;
      }
      if (fault?.status) throw statusFor(fault.status, fault.retryAfterSeconds);
      const review = /^\/apis\/authentication\.k8s\.io\/v1\/(?:namespaces\/([^/]+)\/)?tokenreviews\/?$/.exec(url.pathname);
      if (review) {
        if (method !== 'POST') throw methodNotAllowed();
        if (review[1] !== undefined) throw namespacedReview(review[1]);
        const answer = this.tokenReviews.review(decodeBody(text, contentType));
        return send(res, answer.status, answer.body);
      }
      const answer = this.discovery(url.pathname, req.headers.host ?? '');
      if (answer) return send(res, 200, answer);
      await this.serveResource(this.route(url.pathname, watch), method, query, text, contentType, res);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      const retryAfter = apiError.details?.retryAfterSeconds;
      if (!res.headersSent) send(res, apiError.code, apiError.toStatus(), retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) });
    }
  }

  private groupVersions(): { group: string; version: string; types: ResourceType[] }[] {
    const byVersion = new Map<string, { group: string; version: string; types: ResourceType[] }>();
    for (const t of this.registry.types) {
      const entry = byVersion.get(t.apiVersion) ?? { group: t.group, version: t.version, types: [] };
      entry.types.push(t);
      byVersion.set(t.apiVersion, entry);
    }
    return [...byVersion.values()];
  }

  /** The discovery documents (`/api`, `/api/v1`, `/apis`, `/apis/{g}`, `/apis/{g}/{v}`) and `/version`. */
  private discovery(path: string, host: string): unknown {
    const trimmed = path.replace(/\/+$/, '');
    if (trimmed === '/version') return { major: '1', minor: '20', gitVersion: 'v1.20.2-fake-kube', platform: 'linux/amd64' };
    if (trimmed === '/api') return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: host }] };
    const groups = this.groupVersions().filter((gv) => gv.group !== '');
    const groupDoc = (name: string): unknown => {
      const versions = groups.filter((gv) => gv.group === name).map((gv) => ({ groupVersion: `${name}/${gv.version}`, version: gv.version }));
      return versions.length ? { name, versions, preferredVersion: versions[0] } : undefined;
    };
    if (trimmed === '/apis') return { kind: 'APIGroupList', apiVersion: 'v1', groups: [...new Set(groups.map((gv) => gv.group))].map(groupDoc) };
    const apiGroup = /^\/apis\/([^/]+)$/.exec(trimmed);
    if (apiGroup) {
      const doc = groupDoc(apiGroup[1]!);
      return doc && { kind: 'APIGroup', apiVersion: 'v1', ...doc };
    }
    const gv = this.groupVersions().find((g) => trimmed === (g.group ? `/apis/${g.group}/${g.version}` : `/api/${g.version}`));
    if (!gv) return undefined;
    const resources = gv.types.flatMap((t) => [
      {
        name: t.plural,
        singularName: t.singular,
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: ALL_VERBS,
        ...(t.shortNames.length ? { shortNames: t.shortNames } : {}),
      },
      ...t.subresources.map((sub) => ({
        name: `${t.plural}/${sub}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: t.kind,
        verbs: sub === 'status' ? ['get', 'patch', 'update'] : ['update'],
      })),
    ]);
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv.types[0]!.apiVersion, resources };
  }

  /** `/api/v1[/watch]/…` or `/apis/{g}/{v}[/watch]/…` → [namespaces/{ns}/]{plural}[/{name}[/{subresource}]]. */
  private route(path: string, watch: boolean): Route {
    const segments = path.split('/').filter(Boolean);
    const [group, version, rest] =
      segments[0] === 'api' ? ['', segments[1], segments.slice(2)] : segments[0] === 'apis' ? [segments[1], segments[2], segments.slice(3)] : [];
    const types = this.registry.types.filter((t) => t.group === group && t.version === version);
    if (!rest || types.length === 0) throw pathNotFound();
    const watchPath = rest[0] === 'watch';
    if (watchPath) rest.shift();
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3 && types.some((t) => t.namespaced && t.plural === rest[2])) {
      namespace = rest[1];
      rest.splice(0, 2);
    }
    const [plural, name, subresource, ...extra] = rest;
    const resource = types.find((t) => t.plural === plural);
    if (!resource || extra.length > 0) throw pathNotFound();
    if ((namespace !== undefined && !resource.namespaced) || (namespace === undefined && resource.namespaced && name !== undefined)) throw pathNotFound();
    if (subresource !== undefined && !(resource.subresources as string[]).includes(subresource)) throw pathNotFound();
    return {
      resource,
      watch: watch || watchPath,
      ...(namespace === undefined ? {} : { namespace }),
      ...(name === undefined ? {} : { name }),
      ...(subresource ? { subresource: subresource as Route['subresource'] } : {}),
    };
  }

  private async serveResource(
    route: Route,
    method: string,
    query: Record<string, string>,
    text: string,
    contentType: string | undefined,
    res: ServerResponse,
  ): Promise<void> {
    const { resource, namespace, name, subresource } = route;
    if (name === undefined) {
      if (method === 'GET') return route.watch ? this.watch(route, query, res) : send(res, 200, this.list(route, query));
      if (method === 'POST' && (namespace !== undefined || !resource.namespaced))
        return send(res, 201, this.registry.create(resource, namespace, decodeBody(text, contentType)));
      throw methodNotAllowed();
    }
    if (route.watch && method === 'GET' && !subresource)
      return this.watch({ ...route, name: undefined }, { ...query, fieldSelector: `metadata.name=${name}` }, res);
    const scope = subresource ?? 'main';
    const allowed = subresource === 'finalize' ? ['PUT'] : subresource === 'status' ? ['GET', 'PUT', 'PATCH'] : ['GET', 'PUT', 'PATCH', 'DELETE'];
    if (!allowed.includes(method)) throw methodNotAllowed();
    switch (method) {
      case 'GET':
        return send(res, 200, this.registry.read(resource, namespace, name));
      case 'PUT': {
        const { object, created } = this.registry.update(resource, namespace, name, decodeBody(text, contentType), scope);
        return send(res, created ? 201 : 200, object);
      }
      case 'PATCH': {
        const fieldManager = query['fieldManager'];
        const patchScope = subresource === 'status' ? 'status' : 'main';
        const { object, created } = this.registry.patch(resource, namespace, name, contentType ?? '', text, {
          scope: patchScope,
          ...(fieldManager ? { fieldManager } : {}),
        });
        return send(res, created ? 201 : 200, object);
      }
      default: {
        const { object, deleted } = this.registry.delete(resource, namespace, name, deleteOptions(text, query));
        if (!deleted || resource.subresources.includes('finalize')) return send(res, 200, object);
        const details = { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.plural, uid: object.metadata.uid };
        return send(res, 200, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details });
      }
    }
  }

  private selector(route: Route, query: Record<string, string>): (object: KubeObject) => boolean {
    const { resource } = route;
    const labels = parseLabelSelector(query['labelSelector']);
    const unsupported = (field: string): string =>
      resource.custom ? `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"` : `field label not supported: ${field}`;
    const fields = parseFieldSelector(query['fieldSelector'], resource.fieldLabels, unsupported);
    return (object) =>
      labels(object.metadata.labels ?? {}) &&
      fields((field) => {
        if (field === 'metadata.name') return object.metadata.name ?? '';
        if (field === 'metadata.namespace') return object.metadata.namespace ?? '';
        const [top, sub] = field.split('.') as [string, string | undefined];
        const value = sub === undefined ? object[top] : isMap(object[top]) ? object[top][sub] : undefined;
        return typeof value === 'string' ? value : '';
      });
  }

  /**
   * Lists in key order with the current resourceVersion. `limit`/`continue` page through the
   * current state (the real server pages through a snapshot at the first page's resourceVersion).
   */
  private list(route: Route, query: Record<string, string>): unknown {
    const { resource, namespace } = route;
    const matches = this.selector(route, query);
    const keyOf = (o: KubeObject): string => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    let items = this.registry.store.list(resource, namespace).filter(matches);
    let resourceVersion = String(this.registry.store.resourceVersion);
    if (query['continue']) {
      let token: { rv?: number; start?: string };
      try {
        token = JSON.parse(Buffer.from(query['continue'], 'base64').toString('utf8')) as typeof token;
      } catch {
        throw badRequest('continue key is not valid: illegal base64 data');
      }
      if (typeof token.start !== 'string' || typeof token.rv !== 'number')
        throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
      items = items.filter((o) => keyOf(o) > token.start!);
      resourceVersion = String(token.rv);
    }
    const metadata: Record<string, unknown> = { resourceVersion };
    const limit = Number(query['limit'] ?? 0);
    if (limit > 0 && items.length > limit) {
      metadata['continue'] = Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: Number(resourceVersion), start: keyOf(items[limit - 1]!) })).toString(
        'base64',
      );
      metadata['remainingItemCount'] = items.length - limit;
      items = items.slice(0, limit);
    }
    // Items of a typed list carry no kind or apiVersion; those of a custom resource list do.
    const shown = resource.custom ? items : items.map(({ apiVersion: _apiVersion, kind: _kind, ...rest }) => rest);
    return { kind: resource.listKind, apiVersion: resource.apiVersion, metadata, items: shown };
  }

  private watch(route: Route, query: Record<string, string>, res: ServerResponse): void {
    const matches = this.selector(route, query);
    const rv = query['resourceVersion'];
    if (rv && !/^\d+$/.test(rv)) throw badRequest(`invalid resource version: ${JSON.stringify(rv)}`);
    const timeout = query['timeoutSeconds'];
    this.watches.serve(res, {
      resource: route.resource,
      ...(route.namespace === undefined ? {} : { namespace: route.namespace }),
      matches,
      ...(rv && rv !== '0' ? { resourceVersion: Number(rv) } : {}),
      ...(timeout ? { timeoutSeconds: Number(timeout) } : {}),
      allowBookmarks: query['allowWatchBookmarks'] === 'true',
    });
  }
}

function send(res: ServerResponse, code: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(code, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', ...headers });
  res.end(JSON.stringify(body));
}

function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return parseYaml(text) as unknown;
    } catch {
      return text;
    }
  }
}

/** A create or update body: JSON or YAML, as the real server accepts (protobuf aside). */
function decodeBody(text: string, contentType: string | undefined): unknown {
  if (contentType && !BODY_TYPES.slice(0, 2).includes(contentType)) throw unsupportedMediaType(BODY_TYPES);
  try {
    return contentType === 'application/yaml' ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
  }
}

/** DeleteOptions from the body, overridden by the query parameters the client may send instead. */
function deleteOptions(text: string, query: Record<string, string>): DeleteOptions {
  const body = text ? decodeBody(text, 'application/json') : {};
  const options: DeleteOptions = isMap(body) ? (body as DeleteOptions) : {};
  if (query['propagationPolicy']) options.propagationPolicy = query['propagationPolicy'] as PropagationPolicy;
  if (query['orphanDependents']) options.orphanDependents = query['orphanDependents'] === 'true';
  return options;
}
