import type { IncomingMessage, ServerResponse } from 'node:http';

/** CORS (rest-contract §4.3): configured origins, fixed methods and headers, 10-minute preflight cache. */

const METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
// The contract's list, plus graphql-sse's single-connection token header.
const HEADERS = 'Authorization, Content-Type, X-Ambient-Project, X-Forwarded-Access-Token, X-Operation-ID, Last-Event-ID, X-GraphQL-Event-Stream-Token';

export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin || allowed.length === 0) return;
  if (allowed.includes('*')) res.setHeader('Access-Control-Allow-Origin', '*');
  else if (allowed.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.appendHeader('Vary', 'Origin');
  } else return;
  res.setHeader('Access-Control-Expose-Headers', 'X-Operation-ID');
}

/** Answers a preflight: 204, no body, no authentication. */
export function answerPreflight(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): void {
  applyCors(req, res, allowed);
  if (res.hasHeader('Access-Control-Allow-Origin')) {
    res.setHeader('Access-Control-Allow-Methods', METHODS);
    res.setHeader('Access-Control-Allow-Headers', HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
  }
  res.writeHead(204);
  res.end();
}
