import type { IncomingMessage, ServerResponse } from 'node:http';
import { TOKEN_HEADER_KEY } from 'graphql-sse';
import type { Logger } from '../log.ts';

/**
 * Yoga's streaming responses (subscriptions over SSE, incremental delivery over multipart) written
 * to Node as their chunks come: headers first, each chunk only once the socket took the one before
 * (awaiting 'drain'), and the body cancelled as soon as the client goes away, which ends the
 * operation's event stream.
 *
 * Yoga's own SSE pulls the next event only when the writer asks for one, so a slow client holds
 * back its feed subscription, which the feed closes once it falls too far behind. The graphql-sse
 * handler instead pushes every event into a queue of its own; `room()` lets it wait until the
 * stream its operation writes to has room, so its queue stays short in the same way.
 */

export const isStreaming = (response: Response): boolean => /^(text\/event-stream|multipart\/mixed)/.test(response.headers.get('content-type') ?? '');

/** The graphql-sse "single connection" token: its stream and its operations' requests carry it. */
function streamToken(req: IncomingMessage): string | undefined {
  const token = req.headers[TOKEN_HEADER_KEY];
  return typeof token === 'string' ? token : undefined;
}

class ResponseStream {
  constructor(
    private readonly res: ServerResponse,
    private readonly log: Logger,
  ) {}

  /** Resolves once the socket can take more: at once, on 'drain', or when the client is gone. */
  room(): Promise<void> {
    if (!this.res.writableNeedDrain || this.res.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }

  async pipe(response: Response): Promise<void> {
    const { res } = this;
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    res.writeHead(response.status, headers);
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    const body = response.body!;
    const reader = body.getReader();
    // Cancelling the reader is what the standard asks for. @whatwg-node's ponyfill (yoga's Fetch API
    // on Node) reacts at once only to the stream's own cancel(), which standard streams refuse while
    // read: both, so the operation ends as the client leaves, not at its next event.
    const cancel = () => {
      reader.cancel().catch(() => undefined);
      body.cancel().catch(() => undefined);
    };
    res.once('close', cancel);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || res.destroyed) break;
        if (!res.write(value)) await this.room();
      }
      res.end();
    } catch (error) {
      if (res.destroyed) return; // cancelled: the client went away
      // The operation's stream failed: cut the connection, so the client does not take it for a clean end.
      this.log.error({ err: error }, 'graphql: a response stream failed');
      res.destroy();
    } finally {
      res.off('close', cancel);
    }
  }
}

/** The streaming responses being written, found by response or by graphql-sse token. */
export class ResponseStreams {
  private readonly byResponse = new WeakMap<ServerResponse, ResponseStream>();
  private readonly byToken = new Map<string, ResponseStream>();

  constructor(private readonly log: Logger) {}

  /** Writes a streaming response; resolves when it has ended. */
  async send(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
    const stream = new ResponseStream(res, this.log);
    const token = streamToken(req);
    this.byResponse.set(res, stream);
    if (token) this.byToken.set(token, stream);
    try {
      await stream.pipe(response);
    } finally {
      if (token && this.byToken.get(token) === stream) this.byToken.delete(token);
    }
  }

  /**
   * Resolves once the stream that the operation of this request writes to has room: the request's
   * own response, or, in graphql-sse's single connection mode, the stream its token names.
   */
  room(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const token = streamToken(req);
    const stream = token ? this.byToken.get(token) : this.byResponse.get(res);
    return stream?.room() ?? Promise.resolve();
  }
}
