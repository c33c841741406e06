import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * HTTP calls to integration providers (GitHub, GitLab, Google, Jira): bounded in time and size, JSON
 * bodies parsed, and TLS trusting the system roots plus the operator's extra certificates — self-
 * hosted GitLab, Jira and GitHub Enterprise often sit behind a private CA. (Node's fetch cannot take
 * extra CAs per call, hence node:https.)
 */

export interface ProviderRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Form or JSON text; its Content-Type goes in `headers`. */
  body?: string;
}

export interface ProviderResponse {
  status: number;
  /** The parsed JSON body; undefined when the body is not JSON. */
  json: unknown;
}

/** The provider could not be reached, timed out, or sent more than we read. */
export class ProviderUnreachable extends Error {
  override name = 'ProviderUnreachable';
}

const TIMEOUT_MS = 10_000;
const MAX_BODY_BYTES = 1024 * 1024;

export class ProviderHttp {
  private readonly agent: https.Agent;

  constructor(options: { extraCa?: string | undefined } = {}) {
    this.agent = new https.Agent({ ...(options.extraCa ? { ca: [...rootCertificates, options.extraCa] } : {}) });
  }

  request(url: string, init: ProviderRequest = {}): Promise<ProviderResponse> {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const headers = { 'User-Agent': 'ambient-api', Accept: 'application/json', ...init.headers };
    return new Promise((resolve, reject) => {
      const req = client.request(
        target,
        { method: init.method ?? 'GET', headers, timeout: TIMEOUT_MS, ...(target.protocol === 'https:' ? { agent: this.agent } : {}) },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) req.destroy(new ProviderUnreachable(`${target.host} sent more than ${MAX_BODY_BYTES} bytes`));
            else chunks.push(chunk);
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, json: parseJson(Buffer.concat(chunks).toString('utf8')) }));
          res.on('error', (error) => reject(unreachable(target, error)));
        },
      );
      req.on('timeout', () => req.destroy(new ProviderUnreachable(`${target.host} did not answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', (error) => reject(unreachable(target, error)));
      req.end(init.body);
    });
  }
}

function unreachable(target: URL, error: Error): ProviderUnreachable {
  return error instanceof ProviderUnreachable ? error : new ProviderUnreachable(`${target.host} could not be reached: ${error.message}`);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
