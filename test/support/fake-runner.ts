import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for session runners: a real HTTP server on 127.0.0.1 that records every request and
 * answers as a test tells it to — with a status and body, by hanging, or by dropping the connection.
 * Point a RunnerClient at `urlTemplate`; the namespace and session then arrive as the first two
 * path segments. Like an idle real runner, it keeps the between-run event stream
 * (`GET /events/<name>`, which the server opens for Running sessions) open without sending
 * anything; those streams are counted in `eventStreams`, not recorded in `requests`.
 */

export interface RunnerRequest {
  method: string;
  namespace: string;
  session: string;
  /** The path below the session's base URL, e.g. `/repos/add`. */
  route: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none. */
  body: unknown;
}

export type RunnerReply =
  /** A JSON answer (`text` sends a raw body instead). */
  | { status: number; body?: unknown; text?: string }
  /** Never answers (until the runner is closed). */
  | 'hang'
  /** Resets the connection. */
  | 'drop';

const DEFAULT_REPLY: RunnerReply = { status: 200, body: {} };

export class FakeRunner {
  readonly requests: RunnerRequest[] = [];
  /** Open between-run event streams. */
  readonly eventStreams = new Set<ServerResponse>();
  private readonly replies = new Map<string, RunnerReply>();
  private readonly once = new Map<string, RunnerReply[]>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  static async start(): Promise<FakeRunner> {
    const runner = new FakeRunner();
    await new Promise<void>((resolve) => runner.server.listen(0, '127.0.0.1', resolve));
    return runner;
  }

  get urlTemplate(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/{namespace}/{session}`;
  }

  /** How to answer `<METHOD> <route>` (e.g. `POST /repos/add`) from now on; the default is 200 `{}`. */
  answer(call: string, reply: RunnerReply): void {
    this.replies.set(call, reply);
  }

  /** How to answer the next `<METHOD> <route>` only, before the standing answer applies again. */
  answerOnce(call: string, reply: RunnerReply): void {
    this.once.set(call, [...(this.once.get(call) ?? []), reply]);
  }

  /** The recorded requests to one route. */
  to(route: string): RunnerRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  /** Forgets recorded requests and configured answers. */
  reset(): void {
    this.requests.length = 0;
    this.replies.clear();
    this.once.clear();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const [, namespace = '', session = '', ...rest] = new URL(req.url ?? '/', 'http://runner').pathname.split('/');
    const route = `/${rest.join('/')}`;
    if (req.method === 'GET' && route.startsWith('/events/')) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      res.flushHeaders();
      this.eventStreams.add(res);
      res.once('close', () => this.eventStreams.delete(res));
      return;
    }
    this.requests.push({
      method: req.method ?? '',
      namespace,
      session,
      route,
      headers: req.headers,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    });

    const call = `${req.method ?? ''} ${route}`;
    const reply = this.once.get(call)?.shift() ?? this.replies.get(call) ?? DEFAULT_REPLY;
    if (reply === 'hang') return;
    if (reply === 'drop') {
      req.socket.destroy();
      return;
    }
    res.writeHead(reply.status, { 'Content-Type': 'application/json' });
    res.end(reply.text ?? JSON.stringify(reply.body ?? {}));
  }
}
