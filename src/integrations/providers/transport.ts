import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

/**
 * The one way repository providers (GitHub, GitLab — public or self-hosted) are reached: a fetch
 * over an undici connection pool that trusts the system roots plus the operator's private CA
 * (`PROVIDER_CA_FILE`), bounded in time (connect, headers, body, and the whole call) and in size
 * (a body larger than the limit is an error, never held whole). Octokit takes it as its `fetch`;
 * the GitLab client calls it directly.
 */

export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** The provider could not be reached in time, broke off, or sent more than we read. */
export class ProviderUnreachable extends Error {
  override name = 'ProviderUnreachable';
}

export interface TransportOptions {
  /** Extra PEM certificates to trust. */
  extraCa?: string | undefined;
  /** The whole call, connect to last byte (ms). */
  timeoutMs?: number;
  /** Largest body read (bytes). */
  maxBodyBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
/** A GitHub contents answer for a 1 MB file is ~1.4 MB of base64 in JSON; 8 MB leaves room for big listings. */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

export function providerFetch(options: TransportOptions = {}): Fetch {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const dispatcher = new Agent({
    connect: { timeout: timeoutMs, ...(options.extraCa ? { ca: [...rootCertificates, options.extraCa] } : {}) },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
    connections: 32,
  });
  return async (input, init = {}) => {
    const url = new URL(String(input));
    const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    let response;
    try {
      response = await undiciFetch(url, { ...(init as object), signal, dispatcher, redirect: 'follow' });
    } catch (error) {
      throw unreachable(url, error);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBodyBytes) {
      await response.body?.cancel();
      throw new ProviderUnreachable(`${url.host} sent more than ${maxBodyBytes} bytes`);
    }
    // Read up to the limit here, so an oversized or broken body fails the call instead of being
    // silently dropped by a client that swallows body errors.
    const chunks: Uint8Array[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body ?? []) {
        size += chunk.length;
        if (size > maxBodyBytes) throw new ProviderUnreachable(`${url.host} sent more than ${maxBodyBytes} bytes`);
        chunks.push(chunk);
      }
    } catch (error) {
      await response.body?.cancel().catch(() => undefined);
      throw unreachable(url, error);
    }
    const body = response.status === 204 || response.status === 205 || response.status === 304 ? null : Buffer.concat(chunks);
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers as unknown as Headers });
  };
}

function unreachable(url: URL, error: unknown): ProviderUnreachable {
  if (error instanceof ProviderUnreachable) return error;
  const err = error as Error & { cause?: Error & { code?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return new ProviderUnreachable(`${url.host} did not answer in time`);
  const detail = err.cause?.code ?? err.cause?.message ?? err.message;
  return new ProviderUnreachable(`${url.host} could not be reached: ${detail}`);
}
