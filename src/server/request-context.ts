import type { IncomingMessage } from 'node:http';
import { ksuid } from '../domain/ksuid.ts';

/** `X-Operation-ID`: the caller's when it is 1–64 characters of [A-Za-z0-9._-], else a new KSUID. */
export function operationIdOf(req: IncomingMessage): string {
  const given = req.headers['x-operation-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : ksuid();
}
