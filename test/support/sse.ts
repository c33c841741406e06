import { expect } from 'vitest';

/** A Server-Sent Events client for tests: reads frames from a real HTTP stream. */

export interface Frame {
  id?: string;
  data?: unknown;
  comment?: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** The next frame (comments included), failing the test after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Frame>;
  /** The next data frame, skipping comments. */
  nextData(timeoutMs?: number): Promise<Frame>;
  /** Resolves when the server ends the stream. */
  ended(timeoutMs?: number): Promise<void>;
  close(): void;
}

/** Opens a stream with GET, or with `request`'s method and body (a GraphQL subscription over SSE is a POST). */
export async function openStream(url: string, headers: Record<string, string> = {}, request: { method?: string; body?: string } = {}): Promise<EventStream> {
  const controller = new AbortController();
  const res = await fetch(url, { ...request, headers: { Accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const frames: Frame[] = [];
  const waiters: (() => void)[] = [];
  let done = false;
  let buffer = '';
  void (async () => {
    try {
      const decoder = new TextDecoder();
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame: Frame = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) frame.comment = line.slice(1).trim();
            else if (line.startsWith('id: ')) frame.id = line.slice(4);
            else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
          }
          frames.push(frame);
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted by close()
    }
    done = true;
    waiters.splice(0).forEach((w) => w());
  })();

  const wait = async (timeoutMs: number, ready: () => boolean, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!ready()) {
      const left = deadline - Date.now();
      if (left <= 0) expect.fail(`no ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };

  const stream: EventStream = {
    status: res.status,
    headers: res.headers,
    async next(timeoutMs = 5000) {
      await wait(timeoutMs, () => frames.length > 0 || done, 'frame');
      const frame = frames.shift();
      if (!frame) expect.fail('the stream ended');
      return frame;
    },
    async nextData(timeoutMs = 5000) {
      for (;;) {
        const frame = await stream.next(timeoutMs);
        if (frame.data !== undefined) return frame;
      }
    },
    async ended(timeoutMs = 5000) {
      await wait(timeoutMs, () => done, 'end of stream');
    },
    close() {
      controller.abort();
    },
  };
  return stream;
}
