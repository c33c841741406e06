import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bytes a stream may have waiting for a client that does not read, before `push` gives up on it (about 8 s of a busy watch). */
export const MAX_UNSENT_BYTES = 1 << 20;

/**
 * A Server-Sent Events response: headers flushed at once, `id:`/`data:` frames written with
 * backpressure (a write waits for the socket to drain), a `: keepalive` comment every 15 s, and a
 * promise that settles when the client goes away.
 */
export class SseStream {
  readonly closed: Promise<void>;
  private open = true;
  private keepalive: NodeJS.Timeout | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
    private readonly keepaliveMs = 15_000,
  ) {
    this.closed = new Promise((resolve) => {
      const done = () => {
        this.open = false;
        clearInterval(this.keepalive);
        resolve();
      };
      res.once('close', done);
      req.once('close', () => {
        if (!req.complete || res.writableEnded) done();
      });
    });
  }

  get isOpen(): boolean {
    return this.open && !this.res.destroyed;
  }

  /** Sends the status and headers now, before any event. */
  start(headers: Record<string, string> = {}): void {
    this.res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
      ...headers,
    });
    this.res.flushHeaders();
    this.res.socket?.setNoDelay(true);
    this.keepalive = setInterval(() => void this.write(': keepalive\n\n'), this.keepaliveMs);
    this.keepalive.unref();
  }

  /** One event: optional `id:` line and a single-line JSON `data:` line. */
  send(data: unknown, id?: number | string): Promise<void> {
    return this.write(SseStream.frame(JSON.stringify(data), id));
  }

  /** Frames already encoded with `SseStream.frame` (e.g. once for many streams), in one write. */
  sendEncoded(frames: string | Buffer): Promise<void> {
    return this.write(frames);
  }

  /**
   * Writes without waiting for the socket, for senders that must not wait on one client (a watch
   * group, src/live/watch-cache.ts). False once more than `limit` bytes wait to be sent: the
   * client is not keeping up, and the caller ends the stream (the client resumes from its last id).
   */
  push(frame: string | Buffer, limit = MAX_UNSENT_BYTES): boolean {
    if (!this.isOpen) return true;
    this.res.write(frame);
    return this.res.writableLength <= limit;
  }

  /** The text of one frame: optional `id:` line, a `data:` line of one-line JSON, a blank line. */
  static frame(json: string, id?: number | string): string {
    return `${id === undefined ? '' : `id: ${id}\n`}data: ${json}\n\n`;
  }

  private write(text: string | Buffer): Promise<void> {
    if (!this.isOpen) return Promise.resolve();
    if (this.res.write(text)) return Promise.resolve();
    return new Promise((resolve) => {
      const go = () => {
        this.res.off('drain', go);
        this.res.off('close', go);
        resolve();
      };
      this.res.once('drain', go);
      this.res.once('close', go);
    });
  }

  end(): void {
    clearInterval(this.keepalive);
    if (!this.res.writableEnded) this.res.end();
    this.open = false;
  }
}
