import { DomainError, tooManyRequests } from '../../domain/errors.ts';
import type { ProviderUnreachable } from './transport.ts';

/**
 * A provider's refusal, translated to the contract (rest-contract §3.3) so a client can tell "not
 * there" from "not allowed" from "wait" from "their side broke":
 *
 * | provider answer | ours |
 * |---|---|
 * | 401 (the stored token is bad) | 403 code 11 — our caller is authenticated; their credential is not |
 * | 403/429 with a spent rate limit | 429 code 34 with `Retry-After` (from `Retry-After`, else the reset time) |
 * | 403 otherwise | 403 code 11 |
 * | 404 | 404 code 7 |
 * | 409 (e.g. an empty repository) | 409 code 6 |
 * | 400, 422 | 400 code 8 with the provider's message |
 * | 5xx, anything else, unreachable, oversized | 502 code 30 |
 */

export type ProviderName = 'GitHub' | 'GitLab';

const MESSAGE_MAX = 300;

export function providerError(
  provider: ProviderName,
  status: number,
  headers: Headers | Record<string, string | undefined>,
  body: unknown,
  what: string,
): DomainError {
  const header = (name: string): string | undefined => (headers instanceof Headers ? (headers.get(name) ?? undefined) : headers[name]);
  const wait = retryAfter(header);
  if (status === 429 || (status === 403 && wait !== undefined)) return tooManyRequests(`${provider} rate limit exceeded; retry in ${wait ?? 60} s`, wait ?? 60);
  const message = providerMessage(body);
  switch (status) {
    case 401:
      return new DomainError(11, `${provider} rejected your credential (HTTP 401); update it under integrations`);
    case 403:
      return new DomainError(11, `${provider} denied access to ${what}${message ? `: ${message}` : ''}`);
    case 404:
      return new DomainError(7, `${what} not found on ${provider}, or not visible with your credential`);
    case 409:
      return new DomainError(6, `${provider}: ${message ?? `conflict on ${what}`}`);
    case 400:
    case 422:
      return new DomainError(8, `${provider} refused the request for ${what}${message ? `: ${message}` : ''}`);
    default:
      return new DomainError(30, `${provider} failed (HTTP ${status}) for ${what}`);
  }
}

export function unreachableError(provider: ProviderName, error: ProviderUnreachable): DomainError {
  return new DomainError(30, `${provider} request failed: ${error.message}`);
}

/** The provider answered 2xx with something that is not what its API documents. */
export function malformedAnswer(provider: ProviderName, what: string): DomainError {
  return new DomainError(30, `${provider} sent an unexpected answer for ${what}`);
}

/**
 * Seconds to wait, when the answer says the rate limit is spent: `Retry-After` (GitHub's secondary
 * limits, GitLab), else the reset time of a spent primary limit (`x-ratelimit-reset` on GitHub,
 * `ratelimit-reset` on GitLab, both epoch seconds).
 */
function retryAfter(header: (name: string) => string | undefined): number | undefined {
  const after = Number(header('retry-after'));
  if (header('retry-after') !== undefined && Number.isFinite(after) && after >= 0) return Math.max(1, Math.ceil(after));
  const remaining = header('x-ratelimit-remaining') ?? header('ratelimit-remaining');
  if (remaining !== '0') return undefined;
  const reset = Number(header('x-ratelimit-reset') ?? header('ratelimit-reset'));
  if (!Number.isFinite(reset)) return 60;
  return Math.max(1, Math.ceil(reset - Date.now() / 1000));
}

/** The provider's own explanation (GitHub `message`, GitLab `message`/`error`), one line, bounded. */
function providerMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const raw = typeof b['message'] === 'string' ? b['message'] : typeof b['error'] === 'string' ? b['error'] : undefined;
  if (raw === undefined) return undefined;
  const line = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return line.length > MESSAGE_MAX ? `${line.slice(0, MESSAGE_MAX)}…` : line || undefined;
}
