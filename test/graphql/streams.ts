import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient } from 'graphql-sse';
import { expect } from 'vitest';
import type { GraphqlError, Harness } from './support.ts';

/**
 * GraphQL subscriptions over real HTTP, the way clients run them: yoga's Server-Sent Events
 * (fetch, reading the body as it streams) and the graphql-sse protocol through its own client, in
 * distinct and single connection modes. Each yields the same stream interface, once the server
 * has subscribed to the change feed for it (or answered it), so no later change can be missed.
 */

export interface StreamResult<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

export interface ResultStream<T> {
  /** The next event, failing the test after `timeoutMs` or when the stream ended. */
  next(timeoutMs?: number): Promise<StreamResult<T>>;
  /** Resolves when the server completed the stream (after every event was taken with next()). */
  ended(timeoutMs?: number): Promise<void>;
  /** Whether the server completed the stream. */
  readonly done: boolean;
  /** Events received and not yet taken. */
  readonly pending: number;
  /** Goes away, as a client closing the page. */
  close(): void;
}

export type Transport = 'yoga SSE' | 'graphql-sse distinct' | 'graphql-sse single';
export const TRANSPORTS: readonly Transport[] = ['yoga SSE', 'graphql-sse distinct', 'graphql-sse single'];

export interface Subscribe {
  <T, V>(document: TypedDocumentNode<T, V>, variables: V, options?: { as?: string }): Promise<ResultStream<T>>;
}

/** A queue of events the transport pushes and the test pulls. */
class Events<T> implements ResultStream<T> {
  private readonly results: StreamResult<T>[] = [];
  private waiters: (() => void)[] = [];
  done = false;

  constructor(readonly close: () => void) {}

  get pending(): number {
    return this.results.length;
  }

  push(result: StreamResult<T>): void {
    this.results.push(result);
    this.wake();
  }

  end(): void {
    this.done = true;
    this.wake();
  }

  async next(timeoutMs = 5000): Promise<StreamResult<T>> {
    await this.until(() => this.results.length > 0 || this.done, timeoutMs, 'event');
    const result = this.results.shift();
    if (!result) expect.fail('the stream ended');
    return result;
  }

  async ended(timeoutMs = 5000): Promise<void> {
    await this.until(() => this.done, timeoutMs, 'end of stream');
    if (this.results.length > 0) expect.fail(`the stream ended with events not taken: ${JSON.stringify(this.results)}`);
  }

  private wake(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }

  private async until(ready: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) expect.fail(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

const authorization = (as = 'admin') => ({ Authorization: `Bearer ${as}` });

/** Yoga's SSE: POST with `Accept: text/event-stream`; `event: next` frames, then `event: complete`. */
async function yogaSse<T, V>(url: string, document: TypedDocumentNode<T, V>, variables: V, as?: string): Promise<ResultStream<T>> {
  const controller = new AbortController();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...authorization(as) },
    body: JSON.stringify({ query: print(document), variables }),
    signal: controller.signal,
  });
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const events = new Events<T>(() => controller.abort());
  void (async () => {
    let buffer = '';
    try {
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const lines = buffer.slice(0, end).split('\n');
          buffer = buffer.slice(end + 2);
          const data = lines
            .find((line) => line.startsWith('data:'))
            ?.slice(5)
            .trim();
          if (lines.includes('event: next') && data) events.push(JSON.parse(data) as StreamResult<T>);
        }
      }
    } catch {
      // aborted by close()
    }
    events.end();
  })();
  return events;
}

/** The graphql-sse protocol through its client; a client per stream, so close() ends just that one. */
function graphqlSse<T, V>(url: string, singleConnection: boolean, document: TypedDocumentNode<T, V>, variables: V, as?: string): ResultStream<T> {
  const client = createClient({ url, singleConnection, headers: authorization(as), retryAttempts: 0 });
  const events = new Events<T>(() => {
    unsubscribe();
    client.dispose();
  });
  const unsubscribe = client.subscribe<T>(
    { query: print(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => events.push(result as StreamResult<T>),
      error: (error) => {
        events.push({ errors: [{ message: String(error), extensions: { code: 0, name: 'transport' } }] });
        events.end();
      },
      complete: () => events.end(),
    },
  );
  return events;
}

/** Polls `ready` until it holds, failing the test after `timeoutMs`. */
export async function eventually(ready: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) expect.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Subscribes over `transport` to the harness's server. */
export function subscriber(harness: () => Harness, transport: Transport): Subscribe {
  return async (document, variables, options = {}) => {
    const { url, feed } = harness();
    const before = feed.subscriberCount;
    const stream =
      transport === 'yoga SSE'
        ? await yogaSse(url, document, variables, options.as)
        : graphqlSse(`${url}/stream`, transport === 'graphql-sse single', document, variables, options.as);
    await eventually(() => feed.subscriberCount > before || stream.pending > 0 || stream.done, 'subscribed');
    return stream;
  };
}
