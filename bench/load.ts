import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * Load generation: autocannon in a process of its own (never in the bench's or a server's
 * process, whose CPU time it would pollute), driven through its CLI with `--json`.
 */

const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

export interface LoadRequest {
  method: 'GET' | 'POST';
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
}

export interface LoadResult {
  /** Seconds autocannon ran. */
  durationSeconds: number;
  /** Completed responses, any status. */
  requests: number;
  /** Completed responses with a 2xx status. */
  ok: number;
  /** Responses that were not 2xx, plus connection errors and timeouts. */
  failures: number;
  /** Milliseconds (autocannon records whole milliseconds). */
  latency: { p50: number; p99: number; mean: number };
}

/** The fields of autocannon's `--json` result that we use. */
interface AutocannonJson {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  latency: { p50: number; p99: number; mean: number };
  requests: { total: number };
}

/** Runs autocannon to completion; `signal` kills it early (the bench being interrupted). */
export async function runLoad(request: LoadRequest, connections: number, seconds: number, signal?: AbortSignal): Promise<LoadResult> {
  const args = [AUTOCANNON, '--json', '-c', String(connections), '-d', String(seconds), '-m', request.method];
  for (const [name, value] of Object.entries(request.headers)) args.push('-H', `${name}=${value}`);
  if (request.body !== undefined) args.push('-b', request.body);
  args.push(request.url);

  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], signal });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !line.startsWith('{')) throw new Error(`autocannon failed (exit ${code}): ${stderr.trim() || stdout.trim()}`);
  const result = JSON.parse(line) as AutocannonJson;
  return {
    durationSeconds: result.duration,
    requests: result.requests.total,
    ok: result['2xx'],
    failures: result.non2xx + result.errors + result.timeouts,
    latency: { p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.mean },
  };
}
