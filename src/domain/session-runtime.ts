import type { IncomingMessage } from 'node:http';
import type { KubeConfig } from '@kubernetes/client-node';
import { Readable } from 'node:stream';
import { Session } from '../kinds/index.ts';
import type { Logger } from '../log.ts';
import { forwardableCredential } from '../runner/caller-credential.ts';
import { RunnerUnreachable, toResponse, type ForwardCall, type PipeCall, type RunnerClient } from '../runner/client.ts';
import { conflict, DomainError, invalid, type ErrorCode } from './errors.ts';
import { workspacePath } from './runner-paths.ts';
import { SessionKubeViews, type PodEvent, type SessionResource } from './session-kube.ts';
import { SessionExports, type SessionExportDocument } from './session-export.ts';
import type { Domain, RequestContext } from './service.ts';
import type { Row } from './wire.ts';

/**
 * What a running session's runner offers (runtime.md §d rows 1–4, 6–13; head-contract H2
 * `/events`): its workspace, git, workflow metadata, MCP status, capabilities and background
 * tasks (the model switch of row 10 is SessionActions.setModel). Every operation authorizes through the domain (view to read, edit to change), checks paths
 * before anything reaches the runner, and calls the runner through the one RunnerClient (session
 * token, timeouts). Files and streams are piped, never held whole; JSON answers are bounded.
 *
 * The runner's own refusals (`{"detail": …}`) become the contract's Error shape with a matching
 * status; a runner that cannot be reached, refuses our token, fails (5xx) or answers what is not
 * JSON is 502 code 30, or 503 code 31 where the spec says so — unless the row has a fallback answer.
 */

/** Per-call timeouts in milliseconds (§d gives 4 s for listing, files and workflow metadata). */
export const RUNTIME_TIMEOUTS = {
  list: 4_000,
  file: 4_000,
  workflowMetadata: 4_000,
  /** Writes, deletes and git commands: the runner touches the disk or the network. */
  change: 30_000,
  /** A streamed upload: the runner answers only after the whole body arrived, so this bounds the upload too. */
  upload: 600_000,
  /** Status reads (git status, tasks, MCP, capabilities). */
  read: 10_000,
} as const;

/** Bounds on runner answers that are read whole (§d row 13; 1 MiB elsewhere). */
const JSON_LIMIT = 1024 * 1024;
const TASK_OUTPUT_LIMIT = 10 * 1024 * 1024;

/** Workspace writes larger than this are refused (413 code 32) while they stream. */
export const WORKSPACE_WRITE_LIMIT = 256 * 1024 * 1024;
/** Text bodies up to this size are checked for UTF-8 and sent as text; larger ones are streamed as base64. */
const TEXT_CHECK_LIMIT = 1024 * 1024;

/** A JSON answer with its status. */
export interface Relayed {
  status: number;
  body: unknown;
}

/** An answer to pipe to the caller as it comes. */
export interface Piped {
  status: number;
  contentType: string;
  contentLength?: string;
  /** A Node stream (piped straight from the runner's socket) or a web stream. */
  body: Readable | ReadableStream<Uint8Array>;
}

/** How the caller's request arrived: its credential (forwarded, §d conventions) and when it goes away. */
export interface CallerRequest {
  authorization?: string | undefined;
  signal?: AbortSignal;
}

const NOT_RUNNING_UPLOAD = 'Session is not running. Start the session to upload files.';

export class SessionRuntime {
  private readonly exports: SessionExports;
  private readonly kube: SessionKubeViews;

  constructor(
    private readonly domain: Domain,
    private readonly runner: RunnerClient,
    private readonly log: Logger,
    /** The cluster the server reads with its own identity (rows 15–16); undefined: none configured. */
    kubeConfig?: KubeConfig,
  ) {
    this.exports = new SessionExports(domain);
    this.kube = new SessionKubeViews(domain, kubeConfig, log);
  }

  /** Row 15: the session's Kubernetes objects; no cluster → 503 code 31. */
  async kubeResources(ctx: RequestContext, id: string): Promise<{ resources: SessionResource[] }> {
    return this.kube.resources(ctx, id);
  }

  /** Row 16: the runner pod's Events, oldest first; no cluster → 503 code 31, a failed read → none. */
  async podEvents(ctx: RequestContext, id: string): Promise<{ events: PodEvent[] }> {
    return this.kube.podEvents(ctx, id);
  }

  /** Row 14: the session's full event log, produced while it is sent (constant memory). */
  async exportEvents(ctx: RequestContext, id: string): Promise<SessionExportDocument> {
    return this.exports.open(ctx, id);
  }

  /** Row 1: a directory of the workspace; `{"items":[]}` when not running or the runner fails. */
  async listWorkspace(ctx: RequestContext, id: string, rawPath: string, caller: CallerRequest = {}): Promise<Relayed> {
    const path = workspacePath(rawPath, { allowRoot: true });
    const session = await this.session(ctx, id, 'view');
    const empty = { status: 200, body: { items: [] } };
    if (!isRunning(session)) return empty;
    return this.relay(session, caller, { method: 'GET', path: `/content/list${query({ path })}` }, RUNTIME_TIMEOUTS.list, { fallback: empty });
  }

  /** Row 2: a workspace file, piped (status and content type as the runner gives them). */
  async readFile(ctx: RequestContext, id: string, rawPath: string, caller: CallerRequest = {}): Promise<Piped> {
    const path = workspacePath(rawPath);
    const session = await this.session(ctx, id, 'view');
    if (!isRunning(session)) throw new DomainError(31, 'session is not running; its workspace is not available');
    const response = await this.pipeCall(session, caller, { method: 'GET', path: `/content/file${query({ path })}` }, RUNTIME_TIMEOUTS.file, 31);
    const status = response.statusCode ?? 502;
    if (status < 200 || status >= 300) throw await this.refusal(session, toResponse(response), 31);
    const length = response.headers['content-length'];
    return {
      status,
      contentType: response.headers['content-type'] ?? 'application/octet-stream',
      ...(length !== undefined ? { contentLength: length } : {}),
      body: response,
    };
  }

  /**
   * Row 3: writes a workspace file from the raw body, streamed: text up to 1 MiB that is valid
   * UTF-8 goes as `utf8`, anything else as `base64`, encoded while it is read. More than
   * WORKSPACE_WRITE_LIMIT bytes is 413 and the runner gets an unfinished body (so writes nothing).
   */
  async writeFile(
    ctx: RequestContext,
    id: string,
    rawPath: string,
    content: AsyncIterable<Uint8Array>,
    contentType: string | undefined,
    caller: CallerRequest = {},
  ): Promise<Relayed> {
    const path = workspacePath(rawPath);
    const session = await this.session(ctx, id, 'edit');
    if (!isRunning(session)) throw conflict(NOT_RUNNING_UPLOAD);
    const source = content[Symbol.asyncIterator]();
    const head = await readUpTo(source, TEXT_CHECK_LIMIT + 1);
    const text = !isBinaryType(contentType) && head.length <= TEXT_CHECK_LIMIT ? utf8OrUndefined(head) : undefined;
    if (text !== undefined)
      return this.relay(session, caller, { method: 'POST', path: '/content/write', body: { path, content: text, encoding: 'utf8' } }, RUNTIME_TIMEOUTS.change);
    const size = { exceeded: false };
    const body = Readable.from(base64JsonBody(path, head, source, size), { objectMode: false });
    try {
      const call = { method: 'POST', path: '/content/write', body, headers: { 'Content-Type': 'application/json' } } as const;
      const response = await this.pipeCall(session, caller, call, RUNTIME_TIMEOUTS.upload, 30);
      return await this.answerOf(session, toResponse(response));
    } catch (error) {
      if (size.exceeded) throw new DomainError(32, `Request body too large: more than ${WORKSPACE_WRITE_LIMIT} bytes`);
      throw error;
    }
  }

  /** Row 4: deletes a workspace file. */
  async deleteFile(ctx: RequestContext, id: string, rawPath: string, caller: CallerRequest = {}): Promise<Relayed> {
    const path = workspacePath(rawPath);
    const session = await this.session(ctx, id, 'edit');
    if (!isRunning(session)) throw conflict(NOT_RUNNING_UPLOAD);
    await this.relay(session, caller, { method: 'DELETE', path: '/content/delete', body: { path } }, RUNTIME_TIMEOUTS.change);
    return { status: 200, body: { message: 'File deleted successfully' } };
  }

  /** Row 6: git status of a workspace repository; `path` is required; no runner → 503 code 31. */
  async gitStatus(ctx: RequestContext, id: string, rawPath: string | null, caller: CallerRequest = {}): Promise<Relayed> {
    if (rawPath === null || rawPath === '') throw invalid('path is required', 'path');
    const path = workspacePath(rawPath);
    const session = await this.running(ctx, id, 'view', 31);
    return this.relay(session, caller, { method: 'GET', path: `/content/git-status${query({ path })}` }, RUNTIME_TIMEOUTS.read, { unreachable: 31 });
  }

  /** Row 7: points a workspace repository at a remote. */
  async configureRemote(ctx: RequestContext, id: string, body: Record<string, unknown>, caller: CallerRequest = {}): Promise<Relayed> {
    const path = workspacePath(requiredText(body, 'path'));
    const remoteUrl = requiredText(body, 'remote_url');
    if (!/^(https?:\/\/|ssh:\/\/|git@)[^\s]+$/.test(remoteUrl) || remoteUrl.length > 2048)
      throw invalid('remote_url must be an http(s), ssh or git@ URL', 'remote_url');
    const branch = body['branch'] === undefined || body['branch'] === null || body['branch'] === '' ? 'main' : requiredText(body, 'branch');
    if (!/^[A-Za-z0-9._/-]{1,255}$/.test(branch) || branch.includes('..') || branch.startsWith('-'))
      throw invalid(`branch '${branch}' is not a valid branch name`, 'branch');
    const session = await this.running(ctx, id, 'edit', 6);
    return this.relay(session, caller, { method: 'POST', path: '/content/git-configure-remote', body: { path, remoteUrl, branch } }, RUNTIME_TIMEOUTS.change);
  }

  /** Row 8: remote branches of a workspace repository (`path` default `artifacts`). */
  async gitBranches(ctx: RequestContext, id: string, rawPath: string | null, caller: CallerRequest = {}): Promise<Relayed> {
    const path = workspacePath(rawPath === null || rawPath === '' ? 'artifacts' : rawPath);
    const session = await this.running(ctx, id, 'view', 30);
    return this.relay(session, caller, { method: 'GET', path: `/content/git-list-branches${query({ path })}` }, RUNTIME_TIMEOUTS.change);
  }

  /** Row 9: commands and agents of the active workflow; `{"commands":[],"agents":[]}` on any failure. */
  async workflowMetadata(ctx: RequestContext, id: string, caller: CallerRequest = {}): Promise<Relayed> {
    const session = await this.session(ctx, id, 'view');
    const empty = { status: 200, body: { commands: [], agents: [] } };
    if (!isRunning(session)) return empty;
    const path = `/content/workflow-metadata${query({ session: text(session['kube_cr_name']) })}`;
    return this.relay(session, caller, { method: 'GET', path }, RUNTIME_TIMEOUTS.workflowMetadata, { fallback: empty });
  }

  /** Row 11: the runner's MCP servers; `{"servers":[],"totalCount":0}` when it has none to give. */
  async mcpStatus(ctx: RequestContext, id: string, caller: CallerRequest = {}): Promise<Relayed> {
    return this.withFallback(ctx, id, caller, '/mcp/status', { servers: [], totalCount: 0 });
  }

  /** Row 12: the runner's capabilities; `{"framework":"unknown"}` when it has none to give. */
  async capabilities(ctx: RequestContext, id: string, caller: CallerRequest = {}): Promise<Relayed> {
    return this.withFallback(ctx, id, caller, '/capabilities', { framework: 'unknown' });
  }

  /** Row 13: background tasks (answer ≤ 1 MiB); `[]` when there is no runner. */
  async tasks(ctx: RequestContext, id: string, caller: CallerRequest = {}): Promise<Relayed> {
    const session = await this.session(ctx, id, 'view');
    if (!isRunning(session)) return { status: 200, body: [] };
    return this.relay(session, caller, { method: 'GET', path: '/tasks' }, RUNTIME_TIMEOUTS.read, {
      fallback: { status: 200, body: [] },
      onlyUnreachable: true,
    });
  }

  /** Row 13: one task's output (answer ≤ 10 MiB). */
  async taskOutput(ctx: RequestContext, id: string, taskId: string, caller: CallerRequest = {}): Promise<Relayed> {
    const task = taskIdOf(taskId);
    const session = await this.running(ctx, id, 'view', 30);
    return this.relay(session, caller, { method: 'GET', path: `/tasks/${task}/output` }, RUNTIME_TIMEOUTS.read, { limit: TASK_OUTPUT_LIMIT });
  }

  /** Row 13: stops a background task. */
  async stopTask(ctx: RequestContext, id: string, taskId: string, caller: CallerRequest = {}): Promise<Relayed> {
    const task = taskIdOf(taskId);
    const session = await this.running(ctx, id, 'edit', 30);
    return this.relay(session, caller, { method: 'POST', path: `/tasks/${task}/stop`, body: {} }, RUNTIME_TIMEOUTS.change);
  }

  /** H2: the runner's between-run stream `/events/<kube_cr_name>`, raw; 502 code 30 when no runner answers. */
  async events(ctx: RequestContext, id: string, caller: CallerRequest & { signal: AbortSignal }): Promise<Piped> {
    const session = await this.session(ctx, id, 'view');
    if (!isRunning(session)) throw new DomainError(30, 'session is not running; no runner answers');
    let response: Response;
    try {
      response = await this.runner.openStream(
        session,
        { method: 'GET', path: `/events/${encodeURIComponent(text(session['kube_cr_name']))}`, ...authorizationHeader(caller) },
        caller.signal,
      );
    } catch (error) {
      throw new DomainError(30, `session runner event stream failed: ${describe(error)}`);
    }
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      throw new DomainError(30, `session runner event stream failed: it answered HTTP ${response.status}`);
    }
    return piped(response, 'text/event-stream');
  }

  // --- internals ------------------------------------------------------------------------------

  private async session(ctx: RequestContext, id: string, role: 'view' | 'edit'): Promise<Row> {
    if (role === 'view') return this.domain.get(ctx, Session, id);
    return this.domain.withLocked(ctx, Session, id, role, async (_c, row) => row);
  }

  /** The session when it is running; otherwise the error `code` (409 code 6, 502 code 30 or 503 code 31). */
  private async running(ctx: RequestContext, id: string, role: 'view' | 'edit', code: ErrorCode): Promise<Row> {
    const session = await this.session(ctx, id, role);
    if (!isRunning(session)) throw new DomainError(code, code === 6 ? 'Session is not running' : 'session is not running; no runner answers');
    return session;
  }

  private async withFallback(ctx: RequestContext, id: string, caller: CallerRequest, path: string, fallback: unknown): Promise<Relayed> {
    const session = await this.session(ctx, id, 'view');
    const answer = { status: 200, body: fallback };
    if (!isRunning(session)) return answer;
    return this.relay(session, caller, { method: 'GET', path }, RUNTIME_TIMEOUTS.read, { fallback: answer });
  }

  /** One call; a RunnerUnreachable becomes the error `code`. */
  private async forward(
    session: Row,
    caller: CallerRequest,
    call: Omit<ForwardCall, 'headersTimeoutMs'>,
    timeoutMs: number,
    code: ErrorCode,
  ): Promise<Response> {
    try {
      return await this.runner.forward(session, {
        ...call,
        ...authorizationHeader(caller, call.headers),
        headersTimeoutMs: timeoutMs,
        ...(caller.signal ? { signal: caller.signal } : {}),
      });
    } catch (error) {
      if (error instanceof RunnerUnreachable) throw new DomainError(code, `session runner did not answer: ${error.message}`);
      throw error;
    }
  }

  /** One call with Node-stream bodies both ways (RunnerClient.pipe); no answer becomes the error `code`. */
  private async pipeCall(
    session: Row,
    caller: CallerRequest,
    call: Omit<PipeCall, 'headersTimeoutMs' | 'signal'>,
    timeoutMs: number,
    code: ErrorCode,
  ): Promise<IncomingMessage> {
    try {
      return await this.runner.pipe(session, {
        ...call,
        ...authorizationHeader(caller, call.headers),
        headersTimeoutMs: timeoutMs,
        ...(caller.signal ? { signal: caller.signal } : {}),
      });
    } catch (error) {
      if (error instanceof RunnerUnreachable) throw new DomainError(code, `session runner did not answer: ${error.message}`);
      throw error;
    }
  }

  /**
   * A call whose JSON answer is read whole, within `timeoutMs` and the size limit. With a
   * `fallback`, every failure (or, with `onlyUnreachable`, only no answer at all) gives it instead.
   */
  private async relay(
    session: Row,
    caller: CallerRequest,
    call: Omit<ForwardCall, 'headersTimeoutMs'>,
    timeoutMs: number,
    options: { fallback?: Relayed; onlyUnreachable?: boolean; unreachable?: ErrorCode; limit?: number } = {},
  ): Promise<Relayed> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = caller.signal ? AbortSignal.any([caller.signal, deadline]) : deadline;
    const fallback = (problem: unknown): Relayed => {
      if (!options.fallback) throw problem;
      this.log.debug({ session: session.id, route: call.path, problem: describe(problem) }, 'session runner gave no answer; using the fallback');
      return options.fallback;
    };
    let response: Response;
    try {
      response = await this.forward(session, { ...caller, signal }, call, timeoutMs, options.unreachable ?? 30);
    } catch (error) {
      return fallback(error);
    }
    const useFallback = options.fallback && !options.onlyUnreachable;
    try {
      const body = await readJson(response, options.limit ?? JSON_LIMIT);
      if (response.ok) return { status: response.status, body };
      if (useFallback) return fallback(new Error(`HTTP ${response.status}`));
      throw this.refusalOf(session, response.status, body);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (useFallback || (options.fallback && signal.aborted)) return fallback(error);
      const problem = deadline.aborted ? `it did not answer within ${timeoutMs / 1000} s` : describe(error);
      this.log.warn({ session: session.id, route: call.path, problem }, 'session runner answer unusable');
      throw new DomainError(30, `session runner answer unusable: ${problem}`);
    }
  }

  /** An answer already received: its JSON on success, else the runner's refusal; unreadable → 502 code 30. */
  private async answerOf(session: Row, response: Response): Promise<Relayed> {
    let body: unknown;
    try {
      body = await readJson(response, JSON_LIMIT);
    } catch (error) {
      throw new DomainError(30, `session runner answer unusable: ${describe(error)}`);
    }
    if (response.ok) return { status: response.status, body };
    throw this.refusalOf(session, response.status, body);
  }

  /** A non-2xx answer as the Error for the caller (its body read, bounded). */
  private async refusal(session: Row, response: Response, unreachable: ErrorCode): Promise<DomainError> {
    let body: unknown;
    try {
      body = await readJson(response, JSON_LIMIT);
    } catch {
      body = undefined;
    }
    const error = this.refusalOf(session, response.status, body);
    return error.code === 30 && unreachable === 31 && response.status >= 500 ? new DomainError(31, error.reason) : error;
  }

  /**
   * The runner's refusal: its client errors keep their meaning (400 → code 8, 404 → 7, 409 and 422
   * → 6, 413 → 32), with its `detail` as the reason; a refused token (401/403) and its failures are
   * ours to report as 502 code 30.
   */
  private refusalOf(session: Row, status: number, body: unknown): DomainError {
    const detail = detailOf(body);
    const reason = `session runner refused: ${detail ?? `HTTP ${status}`}`;
    const code: ErrorCode | undefined = ({ 400: 8, 404: 7, 409: 6, 422: 6, 413: 32 } as Record<number, ErrorCode>)[status];
    if (code === undefined || code === 30) this.log.warn({ session: session.id, status, detail }, 'session runner refused a call');
    return new DomainError(code ?? 30, reason);
  }
}

// --- helpers ------------------------------------------------------------------------------------

class TooLarge extends Error {}

const isRunning = (session: Row) => session['phase'] === 'Running';
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const query = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

/** The call's headers with the caller's credential when it may travel on (a JWT, never a project key). */
function authorizationHeader(caller: CallerRequest, headers?: Readonly<Record<string, string>>): { headers?: Record<string, string> } {
  const credential = forwardableCredential(caller.authorization);
  if (!credential && !headers) return {};
  return { headers: { ...headers, ...(credential ? { Authorization: credential } : {}) } };
}

function requiredText(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw invalid(`${field} is required`, field);
  return value;
}

function taskIdOf(taskId: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(taskId)) throw invalid('task id must be 1–128 of [A-Za-z0-9_-]', 'task_id');
  return taskId;
}

function detailOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const detail = (body as Record<string, unknown>)['detail'] ?? (body as Record<string, unknown>)['error'];
  if (typeof detail === 'string') return detail.slice(0, 500);
  return detail === undefined ? undefined : JSON.stringify(detail).slice(0, 500);
}

function describe(error: unknown): string {
  if (error instanceof DomainError) return error.reason;
  return error instanceof Error ? error.message : String(error);
}

function piped(response: Response, defaultType: string): Piped {
  const length = response.headers.get('content-length');
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? defaultType,
    ...(length !== null ? { contentLength: length } : {}),
    body: response.body ?? new ReadableStream({ start: (c) => c.close() }),
  };
}

/** The whole body as JSON, refusing more than `limit` bytes while it is read. */
async function readJson(response: Response, limit: number): Promise<unknown> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel();
    throw new TooLarge(`the runner's answer is larger than ${limit} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader!.read()) {
    size += next.value.length;
    if (size > limit) {
      await reader!.cancel();
      throw new TooLarge(`the runner's answer is larger than ${limit} bytes`);
    }
    chunks.push(next.value);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  if (raw.trim() === '') return response.ok ? {} : undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    if (!response.ok) return undefined;
    throw new Error('it answered something that is not JSON');
  }
}

/** Reads from `source` until at least `bytes` bytes (or its end); what was read, in one buffer. */
async function readUpTo(source: AsyncIterator<Uint8Array>, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  while (size < bytes) {
    const next = await source.next();
    if (next.done) break;
    const chunk = Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function utf8OrUndefined(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Binary content types (§d row 3): their bodies always go as base64. */
function isBinaryType(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^(image|audio|video|font)\//.test(type)) return true;
  return [
    'application/octet-stream',
    'application/pdf',
    'application/zip',
    'application/gzip',
    'application/x-gzip',
    'application/x-tar',
    'application/x-7z-compressed',
    'application/x-bzip2',
    'application/vnd.rar',
    'application/wasm',
  ].includes(type);
}

/**
 * `{"path":…,"encoding":"base64","content":"…"}` as it is read: the content is base64-encoded chunk
 * by chunk (the 0–2 bytes that do not fill a group of three wait for the next chunk), as strings
 * the socket copies once, so the body never exists whole and each chunk is copied as little as
 * possible. Past WORKSPACE_WRITE_LIMIT it throws and the upload is cut.
 */
async function* base64JsonBody(path: string, head: Buffer, rest: AsyncIterator<Uint8Array>, size: { exceeded: boolean }): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let total = 0;
  const encode = (chunk: Buffer): string => {
    total += chunk.length;
    if (total > WORKSPACE_WRITE_LIMIT) {
      size.exceeded = true;
      throw new TooLarge(`more than ${WORKSPACE_WRITE_LIMIT} bytes`);
    }
    let out = '';
    let start = 0;
    if (carry.length > 0) {
      start = Math.min(3 - carry.length, chunk.length);
      const joined = Buffer.concat([carry, chunk.subarray(0, start)]);
      if (joined.length < 3) {
        carry = joined;
        return '';
      }
      out = joined.toString('base64');
    }
    const end = chunk.length - ((chunk.length - start) % 3);
    out += chunk.toString('base64', start, end);
    carry = Buffer.from(chunk.subarray(end));
    return out;
  };
  try {
    yield `{"path":${JSON.stringify(path)},"encoding":"base64","content":"`;
    if (head.length > 0) yield encode(head);
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const value = next.value;
      const encoded = encode(Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.length));
      if (encoded !== '') yield encoded;
    }
    yield `${carry.toString('base64')}"}`;
  } finally {
    await rest.return?.();
  }
}
