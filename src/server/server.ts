import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../db/database.ts';
import { isDatabaseUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from '../db/unavailable.ts';
import { DomainError } from '../domain/errors.ts';
import type { Logger } from '../log.ts';
import { operationIdOf } from './request-context.ts';
import { sendError } from './respond.ts';
import { serviceRoutes } from './service-routes.ts';
import type { HttpMetrics } from '../rest/metrics.ts';

/**
 * The one HTTP listener (node:http): operation ids, access logs, routing, and graceful shutdown.
 * Protocol handlers (service endpoints, REST, GraphQL) are functions that either answer a request
 * or return false to let the next one try.
 */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, operationId: string) => Promise<boolean> | boolean;

export interface ApiServerOptions {
  database: Database;
  log: Logger;
  version: string;
  buildTime: string;
  handlers?: readonly RouteHandler[];
  metrics?: HttpMetrics;
}

const UNAVAILABLE_LOG_INTERVAL_MS = 5000;

/** The answer to a request that failed because the database cannot be reached. */
export const databaseUnavailable = () => new DomainError(31, 'database unavailable; retry later');

const routeLabels = new WeakMap<ServerResponse, string>();

/** Names the route a request matched, for metrics (path parameters replaced by `-`). */
export function labelRoute(res: ServerResponse, label: string): void {
  routeLabels.set(res, label);
}

export interface ApiServer {
  readonly server: http.Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops accepting, waits for in-flight requests up to `timeoutMs`, then cuts what is left. */
  shutdown(timeoutMs: number): Promise<void>;
}

/** Redacts credentials from logged URLs: `token=` (SSE) and the OAuth callback's `code=` and `state=`. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:token|code|state)=)[^&]*/gi, '$1[redacted]');
}

export function createApiServer(options: ApiServerOptions): ApiServer {
  const { log } = options;
  const handlers: RouteHandler[] = [serviceRoutes(options), ...(options.handlers ?? [])];
  let inFlight = 0;
  const accessLog = log.isLevelEnabled('info');
  let drained: (() => void) | undefined;
  // While the database is unreachable every request fails alike: one warning per interval, not one each.
  let unavailableSince = 0;
  let unavailableCount = 0;
  const noteUnavailable = (error: unknown) => {
    unavailableCount++;
    const now = Date.now();
    if (now - unavailableSince < UNAVAILABLE_LOG_INTERVAL_MS) return;
    log.warn({ err: error, requests: unavailableCount }, 'database unavailable: answering 503');
    unavailableSince = now;
    unavailableCount = 0;
  };

  const server = http.createServer(async (req, res) => {
    const started = process.hrtime.bigint();
    const operationId = operationIdOf(req);
    res.setHeader('X-Operation-ID', operationId);
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      options.metrics?.observe(req.method ?? '', routeLabels.get(res) ?? 'unmatched', res.statusCode, ms / 1000);
      if (accessLog)
        log.info(
          { method: req.method, url: redactUrl(req.url ?? ''), status: res.statusCode, ms: Math.round(ms * 10) / 10, operation_id: operationId },
          'request',
        );
    });
    try {
      for (const handle of handlers) if (await handle(req, res, operationId)) return;
      sendError(req, res, new DomainError(7, `${req.method} ${(req.url ?? '').split('?')[0]} not found`), operationId);
    } catch (error) {
      if (error instanceof DomainError) {
        if (!res.headersSent) sendError(req, res, error, operationId);
        else res.destroy();
        return;
      }
      if (isDatabaseUnavailable(error)) {
        // Not the client's fault and not a bug: the database is down or restarting (rest-contract §3.3, code 31).
        noteUnavailable(error);
        if (!res.headersSent) sendError(req, res, databaseUnavailable(), operationId, { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) });
        else res.destroy();
        return;
      }
      log.error({ err: error, operation_id: operationId }, 'request failed');
      if (!res.headersSent) sendError(req, res, new DomainError(9), operationId);
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 0; // streams (watch, AG-UI events) stay open; idle sockets are bounded by keepAliveTimeout

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async shutdown(timeoutMs) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const idle = new Promise<void>((resolve) => (drained = resolve));
        const timer = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
        await Promise.race([idle, timer]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
