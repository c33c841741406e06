import type { IncomingMessage } from 'node:http';
import { DomainError, malformed } from '../domain/errors.ts';

/**
 * Reading request bodies (rest-contract §7.1): bounded size, JSON media types only, valid UTF-8,
 * one JSON object. Every failure is a client error with the contract's code, never a 500.
 */

/** 1 MiB for REST bodies; AG-UI run and feedback allow 10 MiB. */
export const REST_BODY_LIMIT = 1024 * 1024;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

export function checkContentType(req: IncomingMessage): void {
  const header = req.headers['content-type'];
  if (header === undefined) return;
  const mediaType = header.split(';')[0]!.trim();
  if (!JSON_MEDIA_TYPE.test(mediaType)) throw malformed(`Unsupported Content-Type`);
}

/** The raw body bytes, refusing more than `limit` (413 code 32) before reading it all when possible. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain, so the connection can answer
    throw new DomainError(32, `Request body too large: more than ${limit} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new DomainError(32, `Request body too large: more than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A JSON object body. `optional` bodies may be empty (the result is then `{}`). */
export async function readJsonObject(req: IncomingMessage, options: { limit?: number; optional?: boolean } = {}): Promise<Record<string, unknown>> {
  checkContentType(req);
  const bytes = await readBody(req, options.limit ?? REST_BODY_LIMIT);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw malformed('body is not valid UTF-8');
  }
  if (text.trim() === '') {
    if (options.optional) return {};
    throw malformed('request body is empty');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Deeply nested input overflows the parser's stack: still the client's mistake.
    throw malformed(error instanceof RangeError ? 'JSON nested too deeply' : `body is not valid JSON (${(error as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw malformed('body must be a JSON object');
  return value as Record<string, unknown>;
}
