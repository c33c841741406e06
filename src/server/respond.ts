import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { ERROR_CODES, type DomainError, type ErrorCode } from '../domain/errors.ts';
import { CANONICAL_BASE } from '../domain/wire.ts';

/** JSON responses and the contract's Error body (rest-contract §3.3). */

/** Bodies smaller than this are not worth compressing. */
const GZIP_THRESHOLD = 1024;

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  let payload: Buffer = Buffer.from(JSON.stringify(body));
  const out: Record<string, string | number> = { 'Content-Type': 'application/json', Vary: 'Authorization, Accept-Encoding', ...headers };
  if (payload.length >= GZIP_THRESHOLD && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    payload = gzipSync(payload);
    out['Content-Encoding'] = 'gzip';
  }
  out['Content-Length'] = payload.length;
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : payload);
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
  sendJson(req, res, ERROR_CODES[error.code].status, errorBody(error.code, error.reason, operationId), headers);
}
