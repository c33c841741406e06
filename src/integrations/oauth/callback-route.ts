import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../../auth/authenticate.ts';
import { DomainError } from '../../domain/errors.ts';
import { sendBody, sendError, sendJson } from '../../server/respond.ts';
import { labelRoute, type RouteHandler } from '../../server/server.ts';
import type { OAuthFlows } from './flows.ts';
import { finishedPage, invalidRequestPage, missingCodePage, PAGE_HEADERS } from './pages.ts';

/**
 * The root-path OAuth endpoints (rest-contract §1, runtime.md §c.4): `GET /oauth2callback`, where
 * providers send the browser back (no authentication: the signed state stands in for it), and
 * `GET /oauth2callback/status`, which the UI polls (authenticated).
 */

const CALLBACK = '/oauth2callback';
const STATUS = '/oauth2callback/status';

export function createOAuthCallbackHandler(options: { flows: OAuthFlows; authenticator: Authenticator }): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, operationId: string) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/\/+$/, '');
    if (path !== CALLBACK && path !== STATUS) return false;
    labelRoute(res, path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(req, res, new DomainError(10), operationId, { Allow: 'GET' });
      return true;
    }
    if (path === STATUS) {
      const actor = await options.authenticator.authenticate(req);
      sendJson(req, res, 200, await options.flows.status(actor, url.searchParams.get('state')));
      return true;
    }
    const outcome = await options.flows.callback(url.searchParams);
    switch (outcome.kind) {
      case 'invalid':
        return html(req, res, 403, invalidRequestPage());
      case 'missing-code':
        return html(req, res, 400, missingCodePage(outcome.provider));
      case 'finished':
        return html(req, res, 200, finishedPage(outcome.provider, outcome.success));
      case 'redirect':
        res.writeHead(302, { Location: outcome.location, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
        res.end();
        return true;
    }
  };
}

function html(req: IncomingMessage, res: ServerResponse, status: number, body: string): true {
  sendBody(req, res, status, body, PAGE_HEADERS);
  return true;
}
