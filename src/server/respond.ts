import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ERROR_CODES, type DomainError, type ErrorCode } from '../domain/errors.ts';
import { CANONICAL_BASE } from '../domain/wire.ts';

/** JSON responses and the contract's Error body (rest-contract §3.3). */

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendBody(req, res, status, Buffer.from(JSON.stringify(body)), { 'Content-Type': 'application/json', Vary: 'Authorization, Accept-Encoding', ...headers });
}

/**
 * Writes a complete response body, gzip-compressed whenever the request accepts gzip, however small
 * (rest-contract §2). Event streams do not come through here: they are never compressed.
 */
export function sendBody(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer | string, headers: Record<string, string>): void {
  let payload = typeof body === 'string' ? Buffer.from(body) : body;
  const out: Record<string, string | number> = {};
  // Vary is appended, not set: CORS may already have added Origin.
  const vary = new Set(['Accept-Encoding']);
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'vary') for (const item of value.split(',')) vary.add(item.trim());
    else out[name] = value;
  }
  res.appendHeader('Vary', [...vary].join(', '));
  const encoded = Object.keys(out).some((name) => name.toLowerCase() === 'content-encoding');
  if (!encoded && payload.length > 0 && acceptsGzip(req.headers['accept-encoding'])) {
    payload = gzipSync(payload);
    out['Content-Encoding'] = 'gzip';
  }
  out['Content-Length'] = payload.length;
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** Whether an Accept-Encoding header admits gzip: named or `*`, with a non-zero quality (RFC 9110 §12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | undefined;
  let wildcard: number | undefined;
  for (const entry of header.split(',')) {
    const [coding = '', ...params] = entry.split(';').map((part) => part.trim());
    const q = params.find((param) => /^q=/i.test(param));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    const name = coding.toLowerCase();
    if (name === 'gzip' || name === 'x-gzip') gzip = Number.isNaN(quality) ? 0 : quality;
    else if (name === '*') wildcard = Number.isNaN(quality) ? 0 : quality;
  }
  return (gzip ?? wildcard ?? 0) > 0;
}

export interface ErrorBody {
  kind: 'Error';
  id: string;
  href: string;
  code: string;
  reason: string;
  operation_id?: string;
}

export function errorBody(code: ErrorCode, reason: string, operationId?: string): ErrorBody {
  return {
    kind: 'Error',
    id: String(code),
    href: `${CANONICAL_BASE}/errors/${code}`,
    code: `ambient-api-server-${code}`,
    reason,
    ...(operationId !== undefined ? { operation_id: operationId } : {}),
  };
}

export function sendError(req: IncomingMessage, res: ServerResponse, error: DomainError, operationId: string, headers: Record<string, string> = {}): void {
  if (error.code === 15) headers = { 'WWW-Authenticate': 'Bearer realm="ambient-api-server/v1"', ...headers };
  // The rest of an oversized body is never read: the connection cannot carry another request.
  if (error.code === 32) headers = { Connection: 'close', ...headers };
  if (error.retryAfterSeconds !== undefined) headers = { 'Retry-After': String(error.retryAfterSeconds), ...headers };
  sendJson(req, res, ERROR_CODES[error.code].status, errorBody(error.code, error.reason, operationId), headers);
}
