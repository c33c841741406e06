import { DomainError } from '../domain/errors.ts';
import type { Row } from '../domain/wire.ts';
import type { Logger } from '../log.ts';

/**
 * How the server calls a session's runner over HTTP (runtime.md §a.12): the runner's address comes
 * from RUNNER_URL_TEMPLATE, every call carries the session token when one can be read, and every
 * call has its own timeout. The repository and workflow calls of rest-contract §10.5–§10.6 live
 * here; the AG-UI calls build on the same private `request()`.
 */

/** Per-call timeouts in milliseconds. */
export interface RunnerTimeouts {
  addRepo: number;
  removeRepo: number;
  reposStatus: number;
  selectWorkflow: number;
}

/** The contract's timeouts (rest-contract §10.5–§10.6). */
export const RUNNER_TIMEOUTS: Readonly<RunnerTimeouts> = { addRepo: 120_000, removeRepo: 30_000, reposStatus: 5_000, selectWorkflow: 120_000 };

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
  method: 'GET' | 'POST';
  /** Path below the runner's base URL, starting with `/`. */
  path: string;
  body?: unknown;
  timeoutMs: number;
  headers?: Readonly<Record<string, string>>;
}

/** The runner's complete answer (any status), or why there was none. */
type Outcome = { status: number; body: string } | { failure: string };

export class RunnerClient {
  private readonly timeouts: RunnerTimeouts;

  constructor(private readonly options: RunnerClientOptions) {
    this.timeouts = { ...RUNNER_TIMEOUTS, ...options.timeouts };
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
    const outcome = await this.exchange(session, { method: 'POST', path: '/repos/add', body: repo, timeoutMs: this.timeouts.addRepo, ...(headers ? { headers } : {}) });
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
        ...(call.body !== undefined ? { body: JSON.stringify(call.body) } : {}),
        signal,
      });
    } catch (error) {
      throw new RunnerUnreachable(describeFailure(error, call.timeoutMs));
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
class RunnerUnreachable extends Error {}

/** Why a call did not succeed; undefined for a 2xx answer. */
function problemOf(outcome: Outcome): string | undefined {
  if ('failure' in outcome) return outcome.failure;
  return outcome.status >= 200 && outcome.status < 300 ? undefined : `it answered HTTP ${outcome.status}`;
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
