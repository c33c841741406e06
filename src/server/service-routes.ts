import type { IncomingMessage, ServerResponse } from 'node:http';
import { labelRoute, type ApiServerOptions, type RouteHandler } from './server.ts';
import { sendBody, sendJson } from './respond.ts';

/**
 * Unauthenticated service endpoints (rest-contract §1): liveness, readiness, metrics and the API metadata.
 * Readiness means the database answers and every committed migration is applied.
 */
const SERVICE_PATHS = new Set(['/healthz', '/healthcheck', '/readyz', '/metrics', '/api/ambient', '/api/ambient-api-server']);

export function serviceRoutes(options: Pick<ApiServerOptions, 'database' | 'version' | 'buildTime' | 'metrics'>): RouteHandler {
  const metadata = { id: 'ambient-api-server', kind: 'API', href: '/api/ambient', version: options.version, build_time: options.buildTime };
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = (req.url ?? '/').split('?')[0]!.replace(/\/+$/, '') || '/';
    if (SERVICE_PATHS.has(path)) labelRoute(res, path);
    switch (path) {
      case '/healthz':
        sendJson(req, res, 200, { status: 'ok' });
        return true;
      case '/healthcheck':
        sendJson(req, res, 200, {});
        return true;
      case '/readyz': {
        const check = await options.database.check();
        if (check.ok) sendJson(req, res, 200, { status: 'ready' });
        else sendJson(req, res, 503, { status: 'not ready', checks: { database: check.problem } });
        return true;
      }
      case '/metrics': {
        if (!options.metrics) return false;
        const { contentType, body } = await options.metrics.render();
        sendBody(req, res, 200, body, { 'Content-Type': contentType });
        return true;
      }
      case '/api/ambient':
      case '/api/ambient-api-server':
        sendJson(req, res, 200, metadata);
        return true;
      default:
        return false;
    }
  };
}
