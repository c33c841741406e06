import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { posix } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The one session runner double: a real HTTP server on 127.0.0.1 speaking every runner route the
 * server calls, with the shapes of the real runner (`ambient_runner/endpoints/*.py`): AG-UI run,
 * between-run events, interrupt, feedback, `/content/*` (list, file, write, delete, git status,
 * configure remote, list branches, workflow metadata), repos add/remove/status, tasks, capabilities,
 * MCP status, model and workflow. Its errors are FastAPI's `{"detail": …}`; with a `token` it
 * refuses every call but `/health` without that `X-Ambient-Session-Token` (401
 * `{"detail":"Unauthorized"}`), as the runner does when `AGUI_TOKEN` is set.
 *
 * Each session (by `kube_cr_name`) has its own workspace, git repositories, repos, tasks and model,
 * which tests can seed and inspect. Any route can be told to answer otherwise (`answer`,
 * `answerOnce`): a status and body, a raw text, a hang, or a reset. Runs answer with a script of
 * Server-Sent Events steps (`nextRun`, `everyRun`). No test framework is imported: the benchmark and
 * the measurement scripts use it too.
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

/** How to answer any other call instead of the runner's own behaviour. */
export type Reply =
  /** A JSON body (`text` sends a raw body instead, with `contentType`, default application/json). */
  | { status: number; body?: unknown; text?: string | Buffer; contentType?: string }
  /** Never answers (until the runner is closed). */
  | 'hang'
  /** Resets the connection before any response. */
  | 'drop';

export interface RecordedRequest {
  method: string;
  namespace: string;
  /** The session's `kube_cr_name`. */
  session: string;
  /** The path below the session's base URL, without the query, e.g. `/content/list`. */
  route: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; undefined when there was none (or it was not JSON). */
  body: unknown;
  /** Size of the raw body in bytes. */
  bodyBytes: number;
}

export interface RunInput {
  threadId: string;
  runId: string;
  messages?: Json[];
  [key: string]: unknown;
}

export interface FakeRunnerOptions {
  /** Require this `X-Ambient-Session-Token` (401 otherwise). */
  token?: string;
  port?: number;
}

/** A git repository in a session's workspace (at its directory path). */
export interface FakeGitRepo {
  branch: string;
  remoteUrl: string;
  /** Remote branches, without `origin/`. */
  branches: string[];
  /** Uncommitted files (the runner counts them as added). */
  uncommitted: number;
}

/** What one session's runner holds. */
export interface FakeSessionState {
  /** Workspace files by path relative to the workspace root (directories are implied). */
  files: Map<string, Buffer>;
  git: Map<string, FakeGitRepo>;
  repos: { name: string; url: string; branch: string }[];
  tasks: Map<string, Json & { output?: Json[] }>;
  model: string;
  workflow: { gitUrl: string; branch: string; path: string } | undefined;
  commands: Json[];
  agents: Json[];
  mcpServers: Json[];
}

const WORKSPACE = '/workspace';
const MODIFIED_AT = '2026-03-02T09:00:00Z';

export class FakeRunner {
  /** Every recorded call except the between-run event streams (those are in `streamRequests`). */
  readonly requests: RecordedRequest[] = [];
  readonly streamRequests: RecordedRequest[] = [];
  /** The token the runner requires now (the operator rotates it); undefined accepts any. */
  token: string | undefined;
  /** When set, between-run streams are refused with this status. */
  refuseEventStreams: number | undefined;
  private readonly runReplies: ((input: RunInput) => RunReply)[] = [];
  private defaultRun: (input: RunInput) => RunReply = (input) => realisticRun(input);
  private readonly replies = new Map<string, Reply>();
  private readonly once = new Map<string, Reply[]>();
  private readonly eventStreams = new Map<string, Set<ServerResponse>>();
  private readonly sessions = new Map<string, FakeSessionState>();
  private readonly server = createServer((req, res) => void this.handle(req, res));

  private constructor(options: FakeRunnerOptions) {
    this.token = options.token;
  }

  static async start(options: FakeRunnerOptions = {}): Promise<FakeRunner> {
    const runner = new FakeRunner(options);
    await new Promise<void>((resolve) => runner.server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return runner;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get urlTemplate(): string {
    return `http://127.0.0.1:${this.port}/{namespace}/{session}`;
  }

  /** The state of one session's runner (by `kube_cr_name`), created empty on first use. */
  session(name: string): FakeSessionState {
    let state = this.sessions.get(name);
    if (!state) {
      state = { files: new Map(), git: new Map(), repos: [], tasks: new Map(), model: '', workflow: undefined, commands: [], agents: [], mcpServers: [] };
      this.sessions.set(name, state);
    }
    return state;
  }

  /** The next run is answered so (queued; later runs use the default). */
  nextRun(reply: RunReply | ((input: RunInput) => RunReply)): void {
    this.runReplies.push(typeof reply === 'function' ? reply : () => reply);
  }

  /** How runs are answered when nothing is queued (default: `realisticRun`). */
  everyRun(reply: (input: RunInput) => RunReply): void {
    this.defaultRun = reply;
  }

  /** How to answer `<METHOD> <route>` (e.g. `POST /repos/add`) from now on, instead of the runner's behaviour. */
  answer(call: string, reply: Reply): void {
    this.replies.set(call, reply);
  }

  /** How to answer the next `<METHOD> <route>` only. */
  answerOnce(call: string, reply: Reply): void {
    this.once.set(call, [...(this.once.get(call) ?? []), reply]);
  }

  /** Recorded requests to one route (`/` for runs, `/events/<name>` for between-run streams). */
  to(route: string): RecordedRequest[] {
    return [...this.requests, ...this.streamRequests].filter((r) => r.route === route);
  }

  /** Forgets recorded requests, configured answers and session state. */
  reset(): void {
    this.requests.length = 0;
    this.streamRequests.length = 0;
    this.replies.clear();
    this.once.clear();
    this.sessions.clear();
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
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://runner');
    const [, namespace = '', session = '', ...rest] = url.pathname.split('/');
    const route = `/${rest.join('/')}`;
    const method = req.method ?? '';
    const body = parseJson(raw);
    const recorded: RecordedRequest = {
      method,
      namespace,
      session: decodeURIComponent(session),
      route,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      bodyBytes: raw.length,
    };
    const isEventStream = method === 'GET' && route.startsWith('/events/');
    (isEventStream ? this.streamRequests : this.requests).push(recorded);
    if (this.token !== undefined && route !== '/health' && !sameToken(req.headers['x-ambient-session-token'], this.token)) {
      sendJson(res, 401, { detail: 'Unauthorized' });
      return;
    }
    const call = `${method} ${route}`;
    const reply = this.once.get(call)?.shift() ?? this.replies.get(call);
    if (reply === 'hang') return;
    if (reply === 'drop') {
      req.socket.destroy();
      return;
    }
    if (reply) {
      res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json' });
      res.end(reply.text ?? JSON.stringify(reply.body ?? {}));
      return;
    }
    if (method === 'POST' && route === '/') {
      await this.play(res, (this.runReplies.shift() ?? this.defaultRun)(body as RunInput));
      return;
    }
    if (isEventStream) {
      if (this.refuseEventStreams !== undefined) {
        sendJson(res, this.refuseEventStreams, { detail: 'Bridge does not support active streams' });
        return;
      }
      const name = decodeURIComponent(route.slice('/events/'.length));
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      res.flushHeaders();
      let set = this.eventStreams.get(name);
      if (!set) this.eventStreams.set(name, (set = new Set()));
      set.add(res);
      res.once('close', () => set.delete(res));
      return;
    }
    const state = this.session(recorded.session);
    const answer = this.behave(method, route, url.searchParams, body, req.headers, raw.length > 0, state, recorded.session);
    if ('bytes' in answer) {
      res.writeHead(answer.status, { 'Content-Type': 'application/octet-stream', 'Content-Length': answer.bytes.length });
      res.end(answer.bytes);
    } else sendJson(res, answer.status, answer.body);
  }

  /** The real runner's behaviour for one call. */
  private behave(
    method: string,
    route: string,
    query: URLSearchParams,
    body: unknown,
    headers: IncomingHttpHeaders,
    hasBody: boolean,
    state: FakeSessionState,
    sessionName: string,
  ): { status: number; body: unknown } | { status: number; bytes: Buffer } {
    const input = (typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}) as Json;
    const str = (value: unknown) => (typeof value === 'string' ? value : '');
    // FastAPI answers a JSON route whose body does not parse with 422.
    if (hasBody && body === undefined) return detail(422, 'JSON decode error');
    const call = `${method} ${route}`;
    switch (call) {
      case 'POST /interrupt':
        return { status: 200, body: { message: 'Interrupt signal sent' } };
      case 'POST /feedback': {
        if (input['type'] !== 'META') return detail(400, 'Expected META event type');
        if (input['metaType'] !== 'thumbs_up' && input['metaType'] !== 'thumbs_down') return detail(400, "metaType must be 'thumbs_up' or 'thumbs_down'");
        return {
          status: 200,
          body: { type: 'RAW', event: { name: 'ambient:feedback', metaType: input['metaType'], payload: input['payload'] ?? {}, recorded: false } },
        };
      }
      case 'GET /content/list': {
        const target = resolve(query.get('path') ?? '');
        if (target === undefined) return detail(400, 'invalid path');
        const file = state.files.get(target);
        if (file) return { status: 200, body: { items: [entry(target, false, file.length)] } };
        const children = listDirectory(state, target);
        if (children === undefined) return detail(404, 'not found');
        return { status: 200, body: { items: children } };
      }
      case 'GET /content/file': {
        const target = resolve(query.get('path') ?? '');
        if (target === undefined) return detail(400, 'invalid path');
        const file = state.files.get(target);
        if (!file) return detail(404, 'not found');
        return { status: 200, bytes: file };
      }
      case 'POST /content/write': {
        const target = resolve(str(input['path']));
        if (target === undefined || target === '') return detail(400, 'invalid path');
        const content = str(input['content']);
        if (str(input['encoding']).toLowerCase() === 'base64') {
          if (!/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) return detail(400, 'invalid base64 content');
          state.files.set(target, Buffer.from(content, 'base64'));
        } else state.files.set(target, Buffer.from(content, 'utf8'));
        return { status: 200, body: { message: 'ok' } };
      }
      case 'DELETE /content/delete': {
        const target = resolve(str(input['path']));
        if (target === undefined) return detail(400, 'invalid path');
        if (!state.files.delete(target)) return detail(404, 'file not found');
        return { status: 200, body: { message: 'file deleted successfully' } };
      }
      case 'GET /content/git-status': {
        const target = resolve(query.get('path') ?? '');
        if (target === undefined) return detail(400, 'invalid path');
        const repo = state.git.get(target);
        if (!repo) return { status: 200, body: { initialized: false, hasChanges: false } };
        return {
          status: 200,
          body: {
            initialized: true,
            hasChanges: repo.uncommitted > 0,
            branch: repo.branch,
            remoteUrl: repo.remoteUrl,
            hasRemote: repo.remoteUrl !== '',
            filesAdded: repo.uncommitted,
            filesRemoved: 0,
            uncommittedFiles: repo.uncommitted,
            totalAdded: 0,
            totalRemoved: 0,
          },
        };
      }
      case 'POST /content/git-configure-remote': {
        const target = resolve(str(input['path']));
        if (target === undefined) return detail(400, 'invalid path');
        if (target !== '' && listDirectory(state, target) === undefined) return detail(400, 'directory not found');
        const remote = str(input['remoteUrl']);
        const branch = str(input['branch']) || 'main';
        const repo = state.git.get(target) ?? { branch, remoteUrl: '', branches: [], uncommitted: 0 };
        state.git.set(target, { ...repo, remoteUrl: remote, branches: repo.branches.includes(branch) ? repo.branches : [...repo.branches, branch] });
        return { status: 200, body: { message: 'remote configured', remote, branch } };
      }
      case 'GET /content/git-list-branches': {
        const target = resolve(query.get('path') ?? '');
        if (target === undefined) return detail(400, 'invalid path');
        const repo = state.git.get(target);
        if (!repo) return detail(500, 'Internal server error');
        return { status: 200, body: { branches: repo.branches } };
      }
      case 'GET /content/workflow-metadata': {
        if (!query.get('session')) return detail(400, 'missing session parameter');
        if (!state.workflow) return { status: 200, body: { commands: [], agents: [], config: { artifactsDir: 'artifacts' } } };
        return {
          status: 200,
          body: { commands: state.commands, agents: state.agents, config: { name: '', description: '', systemPrompt: '', artifactsDir: '' } },
        };
      }
      case 'POST /repos/add': {
        const url = str(input['url']);
        if (!url) return detail(400, 'Repository URL is required');
        const name = str(input['name']) || (url.split('/').at(-1) ?? '').replace(/\.git$/, '');
        const known = state.repos.some((r) => r.name === name);
        if (!known) state.repos.push({ name, url, branch: str(input['branch']) || 'main' });
        return { status: 200, body: { message: 'Repository added', name, path: `${WORKSPACE}/repos/${name}`, newly_cloned: !known } };
      }
      case 'POST /repos/remove': {
        const name = str(input['name']);
        state.repos = state.repos.filter((r) => r.name !== name);
        return { status: 200, body: { message: 'Repository removed' } };
      }
      case 'GET /repos/status':
        return {
          status: 200,
          body: {
            repos: state.repos.map((r) => ({
              name: r.name,
              url: r.url,
              branch: r.branch,
              currentActiveBranch: r.branch,
              branches: [r.branch],
              hasChanges: false,
            })),
          },
        };
      case 'POST /workflow': {
        const workflow = { gitUrl: str(input['gitUrl']), branch: str(input['branch']) || 'main', path: str(input['path']) };
        const same = state.workflow && JSON.stringify(state.workflow) === JSON.stringify(workflow);
        state.workflow = workflow;
        return { status: 200, body: { message: same ? 'Workflow already active' : 'Workflow updated', ...workflow } };
      }
      case 'GET /tasks':
        return { status: 200, body: { tasks: [...state.tasks.values()].map(({ output: _output, ...task }) => task) } };
      case 'GET /capabilities':
        return {
          status: 200,
          body: {
            framework: 'claude-agent-sdk',
            agent_features: ['agentic_chat', 'backend_tool_rendering', 'thinking'],
            platform_features: ['feedback', 'mcp_diagnostics', 'repos', 'workflows'],
            file_system: true,
            mcp: true,
            tracing: null,
            session_persistence: true,
            model: state.model || null,
            session_id: sessionName,
          },
        };
      case 'GET /mcp/status':
        return { status: 200, body: { servers: state.mcpServers, totalCount: state.mcpServers.length } };
      case 'POST /model': {
        const model = str(input['model']).trim();
        if (!model) return detail(400, 'model is required');
        if (model === state.model) return { status: 200, body: { message: 'Model unchanged', model } };
        const previousModel = state.model;
        state.model = model;
        return { status: 200, body: { message: 'Model switched', model, previousModel } };
      }
      case 'GET /health':
        return { status: 200, body: { status: 'healthy' } };
    }
    const task = /^\/tasks\/([^/]+)\/(output|stop)$/.exec(route);
    if (task) {
      const id = decodeURIComponent(task[1]!);
      if (method === 'GET' && task[2] === 'output') {
        if (!/^[a-zA-Z0-9_-]+$/.test(id)) return detail(400, 'Invalid task ID');
        const found = state.tasks.get(id);
        if (!found) return detail(404, `No output found for task ${id}`);
        return { status: 200, body: { task_id: id, output: found.output ?? [] } };
      }
      if (method === 'POST' && task[2] === 'stop') {
        const found = state.tasks.get(id);
        const status = typeof found?.['status'] === 'string' ? found['status'] : '';
        if (status && status !== 'running') return { status: 200, body: { message: `Task already ${status}` } };
        if (found) found['status'] = 'stopped';
        return { status: 200, body: { message: 'stop signal sent' } };
      }
    }
    return detail(404, 'Not Found');
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

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

const detail = (status: number, message: string) => ({ status, body: { detail: message } });

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A path under the workspace, relative to it ('' is the root), as the runner resolves it; undefined when it escapes. */
function resolve(relative: string): string | undefined {
  const target = posix.resolve(WORKSPACE, relative.replace(/^\/+/, ''));
  if (target === WORKSPACE) return '';
  return target.startsWith(`${WORKSPACE}/`) ? target.slice(WORKSPACE.length + 1) : undefined;
}

function entry(path: string, isDir: boolean, size: number): Json {
  return { name: posix.basename(path), path: `/${path}`, isDir, size, modifiedAt: MODIFIED_AT };
}

/** The entries of a directory, sorted by name; undefined when nothing lies below it (no such directory). */
function listDirectory(state: FakeSessionState, dir: string): Json[] | undefined {
  const prefix = dir === '' ? '' : `${dir}/`;
  const entries = new Map<string, Json>();
  for (const [path, content] of state.files) {
    if (!path.startsWith(prefix)) continue;
    const [name, ...deeper] = path.slice(prefix.length).split('/');
    const child = `${prefix}${name!}`;
    if (deeper.length > 0) entries.set(name!, entry(child, true, 4096));
    else entries.set(name!, entry(child, false, content.length));
  }
  for (const path of state.git.keys()) {
    if (path === dir || !path.startsWith(prefix)) continue;
    const name = path.slice(prefix.length).split('/')[0]!;
    if (!entries.has(name)) entries.set(name, entry(`${prefix}${name}`, true, 4096));
  }
  if (entries.size === 0 && dir !== '' && !state.git.has(dir)) return undefined;
  return [...entries.keys()].sort().map((name) => entries.get(name)!);
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
