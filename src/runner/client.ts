import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../domain/errors.ts';
import type { Row } from '../domain/wire.ts';
import type { Logger } from '../log.ts';

/**
 * How the server calls a session's runner over HTTP (runtime.md §a.12): the runner's address comes
 * from RUNNER_URL_TEMPLATE, every call carries the session token when one can be read, and every
 * call has its own timeout. The repository and workflow calls of rest-contract §10.5–§10.6 and the
 * AG-UI calls (interrupt, feedback, and the event streams of runtime.md §a.5 and §a.11, which
 * src/runner/agui-stream.ts reads) live here.
 */

/** Per-call timeouts in milliseconds. */
export interface RunnerTimeouts {
  addRepo: number;
  removeRepo: number;
  reposStatus: number;
  selectWorkflow: number;
  setModel: number;
}

/** Per-call timeouts of the AG-UI calls in milliseconds (runtime.md §a.5, §a.10). */
export interface AguiRunnerTimeouts {
  interrupt: number;
  feedback: number;
  /** Event streams: until the response head arrives (the body then has no overall timeout). */
  streamHeaders: number;
}

/** The contract's timeouts (rest-contract §10.5–§10.6). */
export const RUNNER_TIMEOUTS: Readonly<RunnerTimeouts> = {
  addRepo: 120_000,
  removeRepo: 30_000,
  reposStatus: 5_000,
  selectWorkflow: 120_000,
  setModel: 30_000,
};

export const AGUI_RUNNER_TIMEOUTS: Readonly<AguiRunnerTimeouts> = { interrupt: 10_000, feedback: 10_000, streamHeaders: 30_000 };

export interface RunnerClientOptions {
  /** `{session}` → the session's `kube_cr_name`, `{namespace}` → its `kube_namespace`. */
  urlTemplate: string;
  log: Logger;
  /**
   * The session's runner token, sent as `X-Ambient-Session-Token` when it yields one. `refresh`
   * asks for a fresh read past any cache: the runner refused the token (the operator rotates it).
   */
  sessionToken?: (session: Row, options?: { refresh: boolean }) => Promise<string | undefined>;
  /** Overrides of the contract's timeouts (tests use short ones). */
  timeouts?: Partial<RunnerTimeouts>;
  aguiTimeouts?: Partial<AguiRunnerTimeouts>;
}

export interface RunnerRepo {
  url: string;
  branch: string;
  /** The repository name (directory) in the runner's workspace. */
  name: string;
}

export interface RunnerWorkflow {
  gitUrl: string;
  branch: string;
  path: string;
}

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path below the runner's base URL, starting with `/` (with its query, if any). */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is instead (`Content-Type` from `headers`); a stream is sent as it is read. */
  rawBody?: string | ReadableStream<Uint8Array>;
  timeoutMs: number;
  headers?: Readonly<Record<string, string>>;
}

/** A call whose answer the caller reads (see `forward`). */
export type ForwardCall = Omit<Call, 'timeoutMs'> & {
  /** Until the response head arrives. */
  headersTimeoutMs: number;
  /** Ends the call, body included (the client went away). */
  signal?: AbortSignal;
};

/** An event-stream request (the body, when there is one, is sent as JSON). */
export interface StreamCall {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** A call whose bodies are Node streams (see `pipe`). */
export interface PipeCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: Readable;
  headers?: Readonly<Record<string, string>>;
  /** After the whole body was sent, until the response head arrives. */
  headersTimeoutMs: number;
  /** Ends the call (the client went away). */
  signal?: AbortSignal;
}

/** The runner's complete answer (any status), or why there was none. */
export type Outcome = { status: number; body: string } | { failure: string };

export class RunnerClient {
  private readonly timeouts: RunnerTimeouts & AguiRunnerTimeouts;

  constructor(private readonly options: RunnerClientOptions) {
    this.timeouts = { ...RUNNER_TIMEOUTS, ...options.timeouts, ...AGUI_RUNNER_TIMEOUTS, ...options.aguiTimeouts };
  }

  /** The session runner's base URL, without a trailing slash. */
  baseUrl(session: Row): string {
    // Encoded so that a stored name can never change which host or path is called.
    const fill = (value: unknown) => encodeURIComponent(typeof value === 'string' ? value : '');
    return this.options.urlTemplate
      .replaceAll('{session}', fill(session['kube_cr_name']))
      .replaceAll('{namespace}', fill(session['kube_namespace']))
      .replace(/\/+$/, '');
  }

  /** Has the runner clone a repository; 502 (code 30) when it cannot be reached or refuses. */
  async addRepo(session: Row, repo: RunnerRepo, headers?: Readonly<Record<string, string>>): Promise<void> {
    const outcome = await this.exchange(session, {
      method: 'POST',
      path: '/repos/add',
      body: repo,
      timeoutMs: this.timeouts.addRepo,
      ...(headers ? { headers } : {}),
    });
    this.requireSuccess(session, outcome, `add repository '${repo.name}'`);
  }

  /** Has the runner drop a repository; 502 (code 30) when it cannot be reached or refuses. */
  async removeRepo(session: Row, repo: { name: string }): Promise<void> {
    const outcome = await this.exchange(session, { method: 'POST', path: '/repos/remove', body: { name: repo.name }, timeoutMs: this.timeouts.removeRepo });
    this.requireSuccess(session, outcome, `remove repository '${repo.name}'`);
  }

  /** The runner's own view of its repositories (a JSON object), or undefined when it has none to give. */
  async reposStatus(session: Row): Promise<Record<string, unknown> | undefined> {
    const outcome = await this.exchange(session, { method: 'GET', path: '/repos/status', timeoutMs: this.timeouts.reposStatus });
    const body = 'failure' in outcome || outcome.status !== 200 ? undefined : parseJson(outcome.body);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      const problem = 'failure' in outcome ? outcome.failure : `it answered HTTP ${outcome.status} without a JSON object`;
      this.options.log.debug({ session: session.id, problem }, 'runner repos status unavailable');
      return undefined;
    }
    return body as Record<string, unknown>;
  }

  /**
   * Tells the runner to load a workflow. Failures are logged and reported as `false`, never thrown:
   * the contract records the selection whether or not the runner takes it.
   */
  async selectWorkflow(session: Row, workflow: RunnerWorkflow): Promise<boolean> {
    const outcome = await this.exchange(session, { method: 'POST', path: '/workflow', body: workflow, timeoutMs: this.timeouts.selectWorkflow });
    const problem = problemOf(outcome);
    if (problem !== undefined) this.options.log.warn({ session: session.id, problem }, 'session runner did not take the workflow');
    return problem === undefined;
  }

  /** Switches a running session's model (runtime.md §d row 10); 502 (code 30) when it cannot be reached or refuses. */
  async setModel(session: Row, model: string, headers?: Readonly<Record<string, string>>): Promise<void> {
    const outcome = await this.exchange(session, {
      method: 'POST',
      path: '/model',
      body: { model },
      timeoutMs: this.timeouts.setModel,
      ...(headers ? { headers } : {}),
    });
    this.requireSuccess(session, outcome, `switch the model to '${model}'`);
  }

  /** `POST /interrupt` with `{}` (runtime.md §a.10): the runner's answer, or why there was none. */
  async interrupt(session: Row): Promise<Outcome> {
    return this.exchange(session, { method: 'POST', path: '/interrupt', body: {}, timeoutMs: this.timeouts.interrupt });
  }

  /** `POST /feedback` with a META event (runtime.md §a.10): the runner's answer, or why there was none. */
  async feedback(session: Row, event: Readonly<Record<string, unknown>>): Promise<Outcome> {
    return this.exchange(session, { method: 'POST', path: '/feedback', body: event, timeoutMs: this.timeouts.feedback });
  }

  /**
   * One call whose answer the caller reads as it comes (runtime.md §d): only the wait for the
   * response head is bounded, so large files and streams are piped, never buffered. Rejects with a
   * RunnerUnreachable when there is no answer. A 401/403 is retried once with a freshly read token,
   * except when the body was a stream (it cannot be sent twice); the token is re-read then all the
   * same, so the caller's next attempt carries the rotated one.
   */
  async forward(session: Row, call: ForwardCall): Promise<Response> {
    const { headersTimeoutMs, signal, ...rest } = call;
    const controller = new AbortController();
    const abort = () => controller.abort(signal?.reason);
    if (signal?.aborted) abort();
    else signal?.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(() => controller.abort(new HeadersTimeout()), headersTimeoutMs);
    const request: Call = { ...rest, timeoutMs: headersTimeoutMs };
    try {
      const first = await this.send(session, request, controller.signal, false);
      if ((first.status !== 401 && first.status !== 403) || !this.options.sessionToken) return first;
      await first.body?.cancel();
      if (typeof call.rawBody === 'object') {
        await this.options.sessionToken(session, { refresh: true }).catch(() => undefined);
        return first;
      }
      return await this.send(session, request, controller.signal, true);
    } catch (error) {
      signal?.removeEventListener('abort', abort);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * A call over node:http whose bodies are piped both ways (runtime.md §d rows 2–3): `body`, when
   * given, goes from its stream into the socket with the socket's backpressure, and the answer is
   * the raw IncomingMessage, read by the caller as it comes, so nothing is held ahead of either
   * side (fetch's web streams were measured to keep tens of MB in flight). Only the wait for the
   * response head is bounded (`headersTimeoutMs`, counted from the end of the body). Rejects with a
   * RunnerUnreachable when there is no answer, or with the body's own error when producing it
   * failed (the runner then sees an unfinished request). A 401/403 is retried once with a freshly
   * read token when there is no body; with one (it cannot be sent twice) the token is re-read for
   * the caller's next attempt.
   */
  async pipe(session: Row, call: PipeCall): Promise<IncomingMessage> {
    const first = await this.pipeOnce(session, call, false);
    if ((first.statusCode !== 401 && first.statusCode !== 403) || !this.options.sessionToken) return first;
    if (call.body) {
      await this.options.sessionToken(session, { refresh: true }).catch(() => undefined);
      return first;
    }
    first.resume();
    return this.pipeOnce(session, call, true);
  }

  private async pipeOnce(session: Row, call: PipeCall, refreshToken: boolean): Promise<IncomingMessage> {
    let token: string | undefined;
    try {
      token = await this.options.sessionToken?.(session, { refresh: refreshToken });
    } catch (error) {
      call.body?.destroy();
      throw new RunnerUnreachable(`its session token could not be read (${(error as Error).message})`);
    }
    const url = new URL(`${this.baseUrl(session)}${call.path}`);
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (token) headers['X-Ambient-Session-Token'] = token;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method: call.method, headers, ...(call.signal ? { signal: call.signal } : {}) });
    let early: IncomingMessage | undefined;
    const answered = new Promise<IncomingMessage>((resolve, reject) => {
      request.once('response', (response: IncomingMessage) => resolve((early = response)));
      request.once('error', reject);
    });
    answered.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    try {
      if (call.body) await pipeline(call.body, request);
      else request.end();
      timer = setTimeout(() => request.destroy(new HeadersTimeout()), call.headersTimeoutMs);
      return await answered;
    } catch (error) {
      if (call.body?.errored && call.body.errored === error) {
        request.destroy();
        throw error;
      }
      if (early) return early; // the runner answered (a refusal) before taking the whole body
      request.destroy();
      throw new RunnerUnreachable(describeFailure(error, call.headersTimeoutMs), isConnectionFailure(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Opens an event stream (`Accept: text/event-stream`). Only the wait for the response head is
   * bounded; the body is read by the caller for as long as it lasts, and `signal` ends it. Rejects
   * with a RunnerUnreachable when there is no answer; a 401/403 is retried once with a freshly
   * read token.
   */
  async openStream(session: Row, call: StreamCall, signal: AbortSignal): Promise<Response> {
    const first = await this.sendStream(session, call, signal, false);
    if ((first.status !== 401 && first.status !== 403) || !this.options.sessionToken) return first;
    await first.body?.cancel();
    return this.sendStream(session, call, signal, true);
  }

  private async sendStream(session: Row, call: StreamCall, signal: AbortSignal, refreshToken: boolean): Promise<Response> {
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    const timer = setTimeout(() => controller.abort(new HeadersTimeout()), this.timeouts.streamHeaders);
    try {
      // The abort listener stays for as long as the body is read.
      return await this.send(
        session,
        { ...call, headers: { Accept: 'text/event-stream', ...call.headers }, timeoutMs: this.timeouts.streamHeaders },
        controller.signal,
        refreshToken,
      );
    } catch (error) {
      signal.removeEventListener('abort', abort);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One HTTP call to the runner. Rejects with a RunnerUnreachable when it cannot be addressed or
   * does not answer in time; the caller reads the body (a streaming caller as it comes, still
   * under the call's timeout). A 401/403 answer is retried once with a freshly read token
   * (runtime.md §a.12), within the same timeout.
   */
  private async request(session: Row, call: Call): Promise<Response> {
    // One deadline for connecting, the answer, reading its body and the retry.
    const signal = AbortSignal.timeout(call.timeoutMs);
    const first = await this.send(session, call, signal, false);
    if ((first.status !== 401 && first.status !== 403) || !this.options.sessionToken) return first;
    await first.body?.cancel();
    return this.send(session, call, signal, true);
  }

  private async send(session: Row, call: Call, signal: AbortSignal, refreshToken: boolean): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const body = call.rawBody ?? (call.body !== undefined ? JSON.stringify(call.body) : undefined);
    let token: string | undefined;
    try {
      token = await this.options.sessionToken?.(session, { refresh: refreshToken });
    } catch (error) {
      throw new RunnerUnreachable(`its session token could not be read (${(error as Error).message})`);
    }
    if (token) headers['X-Ambient-Session-Token'] = token;
    try {
      return await fetch(`${this.baseUrl(session)}${call.path}`, {
        method: call.method,
        headers,
        ...(body !== undefined ? { body, duplex: 'half' as const } : {}),
        signal,
      });
    } catch (error) {
      throw new RunnerUnreachable(describeFailure(error, call.timeoutMs), isConnectionFailure(error));
    }
  }

  /** A call whose whole answer is read: the outcome, never a rejection. */
  private async exchange(session: Row, call: Call): Promise<Outcome> {
    try {
      const response = await this.request(session, call);
      return { status: response.status, body: await response.text() };
    } catch (error) {
      return { failure: error instanceof RunnerUnreachable ? error.message : describeFailure(error, call.timeoutMs) };
    }
  }

  private requireSuccess(session: Row, outcome: Outcome, action: string): void {
    const problem = problemOf(outcome);
    if (problem === undefined) return;
    this.options.log.warn({ session: session.id, problem }, `session runner could not ${action}`);
    throw new DomainError(30, `session runner could not ${action}: ${problem}`);
  }
}

/** No answer from the runner: no token, connection refused or reset, DNS failure, timeout. */
export class RunnerUnreachable extends Error {
  constructor(
    message: string,
    /** A connection-level failure (refused, DNS, connect timeout, reset before a response): worth retrying. */
    readonly connectionLevel = false,
  ) {
    super(message);
  }
}

/** The response head of an event stream did not arrive in time. */
class HeadersTimeout extends Error {
  override name = 'TimeoutError';
}

/** Error codes of failures to connect, or of a connection lost before any response (Node and undici). */
const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function isConnectionFailure(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string; errors?: { code?: string }[] } }).cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  return code !== undefined && CONNECTION_FAILURES.has(code);
}

/** Why a call did not succeed; undefined for a 2xx answer. */
function problemOf(outcome: Outcome): string | undefined {
  if ('failure' in outcome) return outcome.failure;
  return outcome.status >= 200 && outcome.status < 300 ? undefined : `it answered HTTP ${outcome.status}`;
}

/** A node:http answer as a fetch Response, its body still streaming. */
export function toResponse(response: IncomingMessage): Response {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  const status = response.statusCode ?? 502;
  const empty = status === 204 || status === 304;
  if (empty) response.resume();
  return new Response(empty ? null : (Readable.toWeb(response) as unknown as ReadableStream<Uint8Array>), { status, headers });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return `it did not answer within ${timeoutMs / 1000} s`;
  return `it could not be reached (${e.cause?.code ?? e.cause?.message ?? e.message ?? String(error)})`;
}
