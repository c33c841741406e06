import type { ServerResponse } from 'node:http';
import { expired } from './errors.ts';
import type { KubeObject } from './meta.ts';
import type { ResourceType } from './resources.ts';
import type { Store, StoreEvent } from './store.ts';

/**
 * Watch streams: newline-delimited `{type, object}` JSON on a chunked 200 response whose headers
 * are sent at once. Events are filtered the way the apiserver's watch cache filters them: an
 * object entering the selector is ADDED, one leaving it is DELETED (with its previous content and
 * the new resourceVersion).
 */

export interface WatchRequest {
  resource: ResourceType;
  /** Only this namespace; all when undefined. */
  namespace?: string;
  /** The label and field selectors. */
  matches: (object: KubeObject) => boolean;
  /** Replay the changes after this resourceVersion; undefined (or "0") starts with ADDED for every current object. */
  resourceVersion?: number;
  timeoutSeconds?: number;
  allowBookmarks: boolean;
}

interface OpenWatch {
  response: ServerResponse;
  bookmark(): void;
}

export class Watches {
  private readonly open = new Set<OpenWatch>();

  constructor(
    private readonly store: Store,
    private readonly bookmarkIntervalMs: number,
  ) {}

  get count(): number {
    return this.open.size;
  }

  serve(response: ServerResponse, request: WatchRequest): void {
    const { resource, namespace, matches } = request;
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    response.flushHeaders();
    const send = (type: string, object: unknown): void => {
      if (!response.writableEnded && !response.destroyed) response.write(`${JSON.stringify({ type, object })}\n`);
    };
    const deliver = (event: StoreEvent): void => {
      if (event.resource !== resource || (namespace !== undefined && event.object.metadata.namespace !== namespace)) return;
      const matchesNow = event.type !== 'DELETED' && matches(event.object);
      const matchedBefore = event.previous !== undefined && matches(event.previous);
      if (matchesNow) send(matchedBefore ? 'MODIFIED' : 'ADDED', event.object);
      else if (matchedBefore) {
        const last = event.previous!;
        send('DELETED', { ...last, metadata: { ...last.metadata, resourceVersion: String(event.resourceVersion) } });
      }
    };

    if (request.resourceVersion === undefined) {
      for (const object of this.store.list(resource, namespace)) if (matches(object)) send('ADDED', object);
    } else {
      const missed = this.store.eventsSince(request.resourceVersion);
      if (!missed) {
        send('ERROR', expired(`too old resource version: ${request.resourceVersion} (${this.store.oldestResourceVersion})`).toStatus());
        response.end();
        return;
      }
      missed.forEach(deliver);
    }

    const bookmark = (): void => {
      if (request.allowBookmarks)
        send('BOOKMARK', { kind: resource.kind, apiVersion: resource.apiVersion, metadata: { resourceVersion: String(this.store.resourceVersion) } });
    };
    const watch: OpenWatch = { response, bookmark };
    const unsubscribe = this.store.subscribe(deliver);
    const heartbeat = request.allowBookmarks ? setInterval(bookmark, this.bookmarkIntervalMs) : undefined;
    // The real server sends a last bookmark shortly before the timeout ends the stream cleanly.
    const deadline =
      request.timeoutSeconds === undefined
        ? undefined
        : setTimeout(() => {
            bookmark();
            response.end();
          }, request.timeoutSeconds * 1000);
    this.open.add(watch);
    response.on('close', () => {
      this.open.delete(watch);
      unsubscribe();
      clearInterval(heartbeat);
      clearTimeout(deadline);
    });
  }

  /** Sends a BOOKMARK now on every watch that allowed them. */
  bookmark(): void {
    for (const watch of this.open) watch.bookmark();
  }

  /** Ends every watch: cleanly (the stream ends), or abruptly (the connection is reset). */
  drop(abrupt: boolean): void {
    for (const { response } of [...this.open]) {
      if (abrupt) response.socket?.destroy();
      else response.end();
    }
  }
}
