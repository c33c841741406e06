import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Actor } from '../auth/actor.ts';
import type { Authenticator } from '../auth/authenticate.ts';
import { DomainError } from '../domain/errors.ts';
import { CANONICAL_BASE } from '../domain/wire.ts';
import { sendError, sendJson } from '../server/respond.ts';
import { labelRoute, type RouteHandler } from '../server/server.ts';
import { answerPreflight, applyCors } from '../server/cors.ts';
import { Router, routeLabel, type Route } from './router.ts';
import type { RouteServices } from './routes.ts';

/**
 * The REST API under `/api/ambient/v1` and its alias `/api/ambient-api-server/v1` (rest-contract
 * §1–§7): CORS, authentication before routing, 404/405 in the Error shape, handlers that call the
 * domain services, and JSON responses.
 */

/** Public routes never touch the domain; should one ever do, this caller may see nothing. */
const ANONYMOUS: Actor = { type: 'user', userId: null, username: '', groups: [], platformAdmin: false };

export const BASE_PATHS = [CANONICAL_BASE, '/api/ambient-api-server/v1'] as const;

export interface RestOptions {
  routes: readonly Route[];
  services: RouteServices;
  authenticator: Authenticator;
  corsOrigins: readonly string[];
}

/** The path under a base path (without a trailing slash), or undefined when the request is not for the API. */
function underBase(path: string): string | undefined {
  for (const base of BASE_PATHS) {
    if (path === base) return '';
    if (path.startsWith(`${base}/`)) return path.slice(base.length).replace(/\/+$/, '');
  }
  return undefined;
}

export function createRestHandler(options: RestOptions): RouteHandler {
  const router = new Router(options.routes);
  return async (req: IncomingMessage, res: ServerResponse, operationId: string) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'OPTIONS') {
      answerPreflight(req, res, options.corsOrigins);
      return true;
    }
    const path = underBase(url.pathname);
    if (path === undefined) return false;
    applyCors(req, res, options.corsOrigins);

    const match = router.match(req.method ?? 'GET', path);
    const route = match && 'route' in match ? match.route : undefined;
    if (route) labelRoute(res, routeLabel(CANONICAL_BASE, route));
    // Authentication runs before routing, so unknown paths are 401 for anonymous callers too.
    // Browsers' EventSource cannot send headers: streams accept `?token=` too.
    const streaming = req.method === 'GET' && (['true', '1'].includes(url.searchParams.get('watch') ?? '') || path.endsWith('/events'));
    const actor = route?.public
      ? undefined
      : await options.authenticator.authenticate(req, { allowQueryToken: streaming, runnerFacing: route?.runnerFacing === true });
    if (!match) throw new DomainError(7, `${req.method} ${url.pathname} not found`);
    if ('allow' in match) {
      sendError(req, res, new DomainError(10), operationId, { Allow: match.allow.join(', ') });
      return true;
    }
    const scope = req.headers['x-ambient-project'];
    const response = await match.route.handle(
      {
        req,
        res,
        params: match.params,
        query: url.searchParams,
        ctx: { actor: actor ?? ANONYMOUS, projectScope: typeof scope === 'string' && scope !== '' ? scope : undefined },
        operationId,
      },
      options.services,
    );
    if (response.stream) await response.stream(res);
    else if (response.body === undefined) {
      res.writeHead(response.status, response.headers);
      res.end();
    } else sendJson(req, res, response.status, response.body, response.headers);
    return true;
  };
}
