import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A session runner double that speaks AG-UI over real HTTP on 127.0.0.1: `POST /` answers a run
 * with a Server-Sent Events stream played from a script, `GET /events/<name>` is the between-run
 * stream, and `POST /interrupt` and `POST /feedback` answer as told. Scripts can send events in
 * either casing, malformed `data:` lines, comments, pauses, and can cut the connection mid-run.
 * No test framework is imported: the benchmark uses it too.
 *
 * Point the server at `urlTemplate`; the namespace and the session's `kube_cr_name` arrive as the
 * first two path segments.
 */

type Json = Record<string, unknown>;

/** One step of a scripted stream. */
export type Step =
  /** One event: `data: <JSON>` and a blank line (a function is called when the event is sent). */
  | { event: Json | (() => Json) }
  /** A `data:` payload sent as is (multi-line text becomes several `data:` lines). */
  | { data: string }
  /** Bytes sent exactly as given (partial frames, odd line ends). */
  | { bytes: string }
  | { comment: string }
  /** A pause. */
  | { wait: number }
  /** Waits until the promise settles (a test controls the pace); a function is called when the step is reached. */
  | { until: Promise<unknown> | (() => Promise<unknown>) }
  /** Resets the connection (a runner crash mid-run). */
  | 'drop'
  /** Keeps the connection open without sending anything more. */
  | 'hang';

/** How to answer a run: a script of steps (200, text/event-stream), a plain status, or a reset before any response. */
export type RunReply = Step[] | { status: number; body?: unknown } | 'reset';

export interface RecordedRequest {
  method: string;
  namespace: string;
  /** The session's `kube_cr_name`. */
  session: string;
  route: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface RunInput {
  threadId: string;
  runId: string;
  messages?: Json[];
  [key: string]: unknown;
}

export interface FakeAguiRunnerOptions {
  /** Require this `X-Ambient-Session-Token` (401 otherwise). */
  token?: string;
  port?: number;
}

export class FakeAguiRunner {
  readonly requests: RecordedRequest[] = [];
  /** The token the runner requires now (the operator rotates it); undefined accepts any. */
  token: string | undefined;
  /** When set, between-run streams are refused with this status. */
  refuseEventStreams: number | undefined;
  private readonly runReplies: ((input: RunInput) => RunReply)[] = [];
  private defaultRun: (input: RunInput) => RunReply = (input) => realisticRun(input);
  private readonly replies = new Map<string, { status: number; body?: unknown }>();
  private readonly eventStreams = new Map<string, Set<ServerResponse>>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  private constructor(options: FakeAguiRunnerOptions) {
    this.token = options.token;
  }

  static async start(options: FakeAguiRunnerOptions = {}): Promise<FakeAguiRunner> {
    const runner = new FakeAguiRunner(options);
    await new Promise<void>((resolve) => runner.server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return runner;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get urlTemplate(): string {
    return `http://127.0.0.1:${this.port}/{namespace}/{session}`;
  }

  /** The next run is answered so (queued; later runs use the default). */
  nextRun(reply: RunReply | ((input: RunInput) => RunReply)): void {
    this.runReplies.push(typeof reply === 'function' ? reply : () => reply);
  }

  /** How runs are answered when nothing is queued (default: `realisticRun`). */
  everyRun(reply: (input: RunInput) => RunReply): void {
    this.defaultRun = reply;
  }

  /** How to answer `<METHOD> <route>`, e.g. `POST /interrupt` (default 200 `{}`). */
  answer(call: string, reply: { status: number; body?: unknown }): void {
    this.replies.set(call, reply);
  }

  /** Recorded requests to one route (`/` for runs). */
  to(route: string): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  /** How many between-run streams are open for a session (by `kube_cr_name`). */
  openEventStreams(session: string): number {
    return this.eventStreams.get(session)?.size ?? 0;
  }

  /** Sends an event on every open between-run stream of the session; answers how many got it. */
  emitBetweenRuns(session: string, step: Frame): number {
    const streams = [...(this.eventStreams.get(session) ?? [])];
    for (const res of streams) void write(res, step);
    return streams.length;
  }

  /** Ends the session's between-run streams (a runner restart). */
  endEventStreams(session: string): void {
    for (const res of this.eventStreams.get(session) ?? []) res.end();
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** Listens again on the same port after `close()` (the runner pod came back). */
  async reopen(port: number): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const [, namespace = '', session = '', ...rest] = new URL(req.url ?? '/', 'http://runner').pathname.split('/');
    const route = `/${rest.join('/')}`;
    const body = text === '' ? undefined : (JSON.parse(text) as unknown);
    this.requests.push({ method: req.method ?? '', namespace, session, route, headers: req.headers, body });
    if (this.token !== undefined && req.headers['x-ambient-session-token'] !== this.token) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"error":"bad session token"}');
      return;
    }
    if (req.method === 'POST' && route === '/') {
      const input = body as RunInput;
      await this.play(res, (this.runReplies.shift() ?? this.defaultRun)(input));
      return;
    }
    if (req.method === 'GET' && route.startsWith('/events/') && this.refuseEventStreams !== undefined) {
      res.writeHead(this.refuseEventStreams, { 'Content-Type': 'application/json' }).end('{}');
      return;
    }
    if (req.method === 'GET' && route.startsWith('/events/')) {
      const name = decodeURIComponent(route.slice('/events/'.length));
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.flushHeaders();
      let set = this.eventStreams.get(name);
      if (!set) this.eventStreams.set(name, (set = new Set()));
      set.add(res);
      res.once('close', () => set.delete(res));
      return;
    }
    const reply = this.replies.get(`${req.method ?? ''} ${route}`) ?? { status: 200, body: {} };
    res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body ?? {}));
  }

  private async play(res: ServerResponse, reply: RunReply): Promise<void> {
    if (reply === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (!Array.isArray(reply)) {
      res.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(JSON.stringify(reply.body ?? {}));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    for (const step of reply) {
      if (res.destroyed) return;
      if (step === 'hang') return;
      if (step === 'drop') {
        // What was written reaches the server first; then the connection dies.
        await new Promise((resolve) => res.write('', resolve));
        res.socket?.destroy();
        return;
      }
      if ('wait' in step) await sleep(step.wait);
      else if ('until' in step) await (typeof step.until === 'function' ? step.until() : step.until).catch(() => undefined);
      else await write(res, step);
    }
    res.end();
  }
}

/** The steps that write bytes. */
export type Frame = Extract<Step, { event: unknown } | { data: string } | { bytes: string } | { comment: string }>;

/** Writes one step, waiting for the socket to drain (a slow reader slows the runner, as with TCP). */
function write(res: ServerResponse, step: Frame): Promise<void> {
  let text: string;
  if ('event' in step) text = `data: ${JSON.stringify(typeof step.event === 'function' ? step.event() : step.event)}\n\n`;
  else if ('data' in step)
    text = `${step.data
      .split('\n')
      .map((line) => `data: ${line}`)
      .join('\n')}\n\n`;
  else if ('comment' in step) text = `: ${step.comment}\n\n`;
  else text = step.bytes;
  if (res.write(text)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.once('drain', done);
    res.once('close', done);
  });
}

// --- realistic streams ------------------------------------------------------------------------

const iso = () => new Date().toISOString();

/** An assistant text message streamed in chunks. */
export function textMessage(messageId: string, text: string, options: { chunks?: number; snake?: boolean } = {}): Step[] {
  const id = options.snake ? { message_id: messageId } : { messageId };
  const size = Math.max(1, Math.ceil(text.length / (options.chunks ?? 3)));
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return [
    { event: { type: 'TEXT_MESSAGE_START', ...id, role: 'assistant', timestamp: iso() } },
    ...parts.map((delta): Step => ({ event: { type: 'TEXT_MESSAGE_CONTENT', ...id, delta } })),
    { event: { type: 'TEXT_MESSAGE_END', ...id } },
  ];
}

/** A tool call: start, arguments in two pieces, end with its result (or error), optionally a RESULT event. */
export function toolCall(
  toolCallId: string,
  name: string,
  args: Json,
  outcome: { result?: string; error?: string; resultEvent?: string; parentToolUseId?: string },
  options: { snake?: boolean } = {},
): Step[] {
  const json = JSON.stringify(args);
  const half = Math.ceil(json.length / 2);
  const id = options.snake ? { tool_call_id: toolCallId } : { toolCallId };
  const start = options.snake
    ? { tool_call_name: name, ...(outcome.parentToolUseId ? { parent_tool_call_id: outcome.parentToolUseId } : {}) }
    : { toolCallName: name, ...(outcome.parentToolUseId ? { parentToolUseId: outcome.parentToolUseId } : {}) };
  return [
    { event: { type: 'TOOL_CALL_START', ...id, ...start } },
    { event: { type: 'TOOL_CALL_ARGS', ...id, delta: json.slice(0, half) } },
    { event: { type: 'TOOL_CALL_ARGS', ...id, delta: json.slice(half) } },
    {
      event: {
        type: 'TOOL_CALL_END',
        ...id,
        ...(outcome.error !== undefined ? { error: outcome.error } : outcome.result !== undefined ? { result: outcome.result } : {}),
      },
    },
    ...(outcome.resultEvent !== undefined
      ? [{ event: { type: 'TOOL_CALL_RESULT', ...id, messageId: `result-${toolCallId}`, role: 'tool', content: outcome.resultEvent } } satisfies Step]
      : []),
  ];
}

/** A reasoning block. */
export function reasoning(messageId: string, text: string): Step[] {
  return [
    { event: { type: 'REASONING_START', messageId } },
    { event: { type: 'REASONING_MESSAGE_START', messageId, role: 'assistant' } },
    { event: { type: 'REASONING_MESSAGE_CONTENT', messageId, delta: text } },
    { event: { type: 'REASONING_MESSAGE_END', messageId } },
    { event: { type: 'REASONING_END', messageId } },
  ];
}

/** A complete, realistic run: the runner's own RUN_STARTED, reasoning, text, a tool call, state, RUN_FINISHED. */
export function realisticRun(input: RunInput, options: { snake?: boolean } = {}): Step[] {
  const ids = { threadId: input.threadId, runId: input.runId };
  const tag = input.runId.slice(0, 8);
  return [
    { event: { type: 'RUN_STARTED', ...ids } },
    { event: { type: 'STEP_STARTED', stepName: 'think' } },
    ...reasoning(`r-${tag}`, 'The user wants the failing test fixed.'),
    { event: { type: 'STEP_FINISHED', stepName: 'think' } },
    ...textMessage(`a-${tag}`, 'Let me look at the test output first.', options),
    ...toolCall(`t-${tag}`, 'Bash', { command: 'npm test' }, { result: '1 failing', resultEvent: '1 failing' }, options),
    { event: { type: 'STATE_SNAPSHOT', snapshot: { files: ['src/a.ts'], step: 1 } } },
    { event: { type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/step', value: 2 }] } },
    { comment: 'keepalive' },
    { event: { type: 'RUN_FINISHED', ...ids } },
  ];
}

/** A run that streams `count` small text deltas as fast as possible (load). */
export function burstRun(input: RunInput, count: number): Step[] {
  const ids = { threadId: input.threadId, runId: input.runId };
  const messageId = `burst-${input.runId}`;
  const steps: Step[] = [{ event: { type: 'RUN_STARTED', ...ids } }, { event: { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' } }];
  // The timestamp is taken when the event is sent, so a subscriber can measure the way through the server.
  for (let i = 0; i < count; i++) steps.push({ event: () => ({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: `token ${i} `, timestamp: Date.now() }) });
  steps.push({ event: { type: 'TEXT_MESSAGE_END', messageId } }, { event: { type: 'RUN_FINISHED', ...ids } });
  return steps;
}
