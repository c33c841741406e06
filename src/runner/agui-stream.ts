import { setTimeout as sleep } from 'node:timers/promises';
import { RunnerUnreachable } from './client.ts';

/**
 * Reading a runner's AG-UI event streams (runtime.md §a.5, §a.11): the retry policies, connecting
 * with retries, and Server-Sent Events parsing with an idle timeout.
 */

export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

/** §a.5: the run request. */
export const RUN_RETRY: Readonly<RetryPolicy> = { attempts: 15, firstDelayMs: 500, factor: 1.5, maxDelayMs: 5_000 };
/** §a.11: the between-run listener (consecutive failures; reset by every successful connect). */
export const LISTENER_RETRY: Readonly<RetryPolicy> = { attempts: 30, firstDelayMs: 1_000, factor: 1.5, maxDelayMs: 30_000 };
/** §a.5: a stream that sends nothing (not even a comment) for this long is given up. */
export const STREAM_IDLE_MS = 5 * 60_000;

/** The wait after the `failures`-th consecutive failure: the first delay, ×factor each time, capped. */
export function retryDelay(policy: Readonly<RetryPolicy>, failures: number): number {
  return Math.min(policy.firstDelayMs * policy.factor ** Math.max(0, failures - 1), policy.maxDelayMs);
}

/**
 * Calls `open` until it answers. Only connection-level failures are retried, up to the policy's
 * attempts; anything else, the last failure, or `signal` ending the wait rejects.
 */
export async function connectWithRetry(
  policy: Readonly<RetryPolicy>,
  open: () => Promise<Response>,
  signal: AbortSignal,
  onRetry?: (failure: Error, attempt: number) => void,
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await open();
    } catch (error) {
      if (signal.aborted || !(error instanceof RunnerUnreachable) || !error.connectionLevel || attempt >= policy.attempts) throw error;
      onRetry?.(error, attempt);
      await sleep(retryDelay(policy, attempt), undefined, { signal });
    }
  }
}

/**
 * Server-Sent Events framing: `data:` lines (one optional space after the colon) joined with `\n`,
 * dispatched at a blank line; comments and other fields ignored; LF, CRLF and CR line ends.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private lastWasCr = false;

  /** Feeds text; returns the data of every event completed by it. */
  push(text: string): string[] {
    let input = text;
    // A CRLF split across chunks: the LF belongs to the CR already handled.
    if (this.lastWasCr && input.startsWith('\n')) input = input.slice(1);
    this.lastWasCr = input.endsWith('\r');
    this.buffer += input;
    const out: string[] = [];
    const lines = this.buffer.split(/\r\n|\r|\n/);
    this.buffer = lines.pop()!;
    for (const line of lines) this.line(line, out);
    return out;
  }

  /** The end of the stream: a last event without its blank line is still delivered (nothing is lost). */
  end(): string[] {
    const out: string[] = [];
    if (this.buffer !== '') this.line(this.buffer, out);
    this.buffer = '';
    this.line('', out);
    return out;
  }

  private line(line: string, out: string[]): void {
    if (line === '') {
      if (this.data.length > 0) out.push(this.data.join('\n'));
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.data.push(value);
  }
}

/**
 * The events of an SSE response body, in batches (the events each chunk of bytes completed), so
 * that a caller can persist what arrived together in one transaction. A body that stays silent
 * for `idleMs` is aborted through `controller`, which makes the iteration throw.
 */
export async function* sseBatches(body: ReadableStream<Uint8Array>, options: { idleMs: number; controller: AbortController }): AsyncGenerator<string[]> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(() => options.controller.abort(new Error(`no data for ${options.idleMs / 1000} s`)), options.idleMs);
  };
  const reader = body.getReader();
  try {
    arm();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      const batch = parser.push(decoder.decode(value, { stream: true }));
      if (batch.length > 0) yield batch;
    }
    const last = [...parser.push(decoder.decode()), ...parser.end()];
    if (last.length > 0) yield last;
  } finally {
    clearTimeout(idle);
    // Ends the body if the caller stopped early (harmless when it is already done).
    await reader.cancel().catch(() => undefined);
  }
}
