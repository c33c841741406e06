import { forwardableCredential } from '../runner/caller-credential.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type pg from 'pg';
import type { Registry } from 'prom-client';
import { ownerId, type Actor } from '../auth/actor.ts';
import type { Tx } from '../db/transaction.ts';
import { conflict, DomainError, invalid } from '../domain/errors.ts';
import type { Domain, RequestContext } from '../domain/service.ts';
import type { Row } from '../domain/wire.ts';
import { Session } from '../kinds/index.ts';
import type { ChangeFeed } from '../live/change-feed.ts';
import type { Logger } from '../log.ts';
import { LISTENER_RETRY, RUN_RETRY, STREAM_IDLE_MS } from '../runner/agui-stream.ts';
import type { RunnerClient } from '../runner/client.ts';
import { ConnectLimiter, RunnerMetrics } from '../runner/connect-limiter.ts';
import { AGENT_STATUS_TYPES, AgentStatusScan, compact, compactOnRead, type AgentStatus, type Frame, type Message } from './compaction.ts';
import { isEvent, isRecord, RUN_STARTED, withFilledIds, type AguiEvent } from './events.ts';
import { AguiFeed, type AguiSubscription } from './feed.ts';
import { BetweenRunListeners, type ListenerTimings } from './listener.ts';
import { RunStreams, type RunStreamTimings } from './run-stream.ts';
import { insertRun, listRuns, OrphanSweeper, recordEvents, type Run } from './runs.ts';
import { appendEvents, readAll, readBackwards, storedMessageIds } from './store.ts';

/**
 * The AG-UI operations of runtime.md part a, shared by REST and GraphQL: start a run, interrupt,
 * feedback, the event streams, history and runs. Authorization is the domain's (§c.5: view for
 * reading, edit for run, interrupt and feedback; 404 for sessions outside the caller's view), and
 * every write is one transaction. `start()` runs the background parts: the live feed, the orphan
 * sweep and the between-run listeners.
 */

export interface AguiTimings {
  run: RunStreamTimings;
  listener: ListenerTimings;
  /** §a.5: a running run without a heartbeat for this long is closed. */
  orphanAfterMs: number;
  sweepIntervalMs: number;
  /** Safety-net check of the live feed for missed notifications. */
  feedPollMs: number;
  /** Runner stream connections being opened at once, at most (runs and between-run listeners together). */
  connectConcurrency: number;
}

/** The contract's values (runtime.md §a.5, §a.11). */
export const AGUI_TIMINGS: AguiTimings = {
  run: { retry: RUN_RETRY, heartbeatMs: 15_000, idleMs: STREAM_IDLE_MS },
  listener: { retry: LISTENER_RETRY, scanIntervalMs: 10_000, idleMs: STREAM_IDLE_MS },
  orphanAfterMs: 60_000,
  sweepIntervalMs: 15_000,
  feedPollMs: 2_000,
  connectConcurrency: 16,
};

export interface AguiServiceOptions {
  domain: Domain;
  runner: RunnerClient;
  /** The change feed (session phase changes drive the between-run listeners). */
  changes: ChangeFeed;
  /** For the dedicated LISTEN and election connections. */
  connectionString: string;
  log: Logger;
  timings?: Partial<AguiTimings>;
  /** Where the runner connection metrics are registered (the server's /metrics). */
  registry?: Registry;
}

/** The request details a run forwards to the runner (§a.5 runner request headers). */
export interface RunCaller {
  /** The raw `Authorization` header, if any. */
  authorization?: string | undefined;
}

export interface RunStarted {
  runId: string;
  threadId: string;
}

export interface FeedbackResult {
  status: 200 | 202;
  body: { status: 'sent' | 'recorded'; message: string };
}

export interface History {
  threadId: string;
  messages: Message[];
  lastSeq: number;
}

export interface RunsView {
  agentStatus: AgentStatus;
  runs: Record<string, unknown>[];
}

/** An event stream (§a.6): the replay frames, then the live events. */
export interface EventStreamSource {
  replay: Frame[];
  live: AguiSubscription;
}

export interface EventsRequest {
  /** Resume after this `seq` (Last-Event-ID). */
  lastEventId?: number | undefined;
  /** Only this run's events. */
  runId?: string | undefined;
}

/** Phases in which a run may start (§a.5). */
const RUNNABLE: ReadonlySet<string> = new Set(['Pending', 'Creating', 'Running']);
const STATUS_PAGE = 500;

export class AguiService {
  /** This server instance, as written in `agui_runs.owner_instance`. */
  readonly instance = `${hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly feed: AguiFeed;
  private readonly pool: pg.Pool;
  private readonly streams: RunStreams;
  private readonly listeners: BetweenRunListeners;
  private readonly sweeper: OrphanSweeper;

  constructor(private readonly options: AguiServiceOptions) {
    const timings = { ...AGUI_TIMINGS, ...options.timings };
    const { domain, runner, log, connectionString } = options;
    this.pool = domain.pool;
    this.feed = new AguiFeed(this.pool, { connectionString, log, pollIntervalMs: timings.feedPollMs });
    const metrics = new RunnerMetrics(options.registry);
    const connects = new ConnectLimiter(timings.connectConcurrency, metrics);
    this.streams = new RunStreams({ pool: this.pool, runner, log, owner: this.instance, timings: timings.run, connects });
    this.listeners = new BetweenRunListeners({
      pool: this.pool,
      connectionString,
      runner,
      changes: options.changes,
      events: this.feed,
      log,
      timings: timings.listener,
      connects,
    });
    metrics.observeListeners(() => this.listeners.states());
    this.sweeper = new OrphanSweeper(this.pool, { log, staleAfterMs: timings.orphanAfterMs, intervalMs: timings.sweepIntervalMs });
  }

  /** Starts the live feed, the orphan sweep and the between-run listeners (the change feed must be started). */
  async start(): Promise<void> {
    await this.feed.start();
    this.sweeper.start();
    await this.listeners.start();
  }

  /** Stops listening to runners and ends every open event stream. */
  async stop(): Promise<void> {
    await this.listeners.stop();
    await this.streams.stop();
    await this.sweeper.stop();
    await this.feed.stop();
  }

  /** Sessions whose between-run listener this instance holds. */
  get listenedSessions(): string[] {
    return this.listeners.sessions;
  }

  /** Closes orphaned runs now (the sweep also runs on its own). */
  sweepOrphans(): Promise<number> {
    return this.sweeper.sweep();
  }

  /**
   * `POST …/agui/run` (§a.5): persists the run's start and the caller's new messages in one
   * transaction, answers at once, and streams the runner's answer into the log in the background.
   */
  async run(ctx: RequestContext, sessionId: string, body: Record<string, unknown>, caller: RunCaller = {}): Promise<RunStarted> {
    const request = parseRunInput(body);
    const { session, input, runId, threadId, sender } = await this.options.domain.withLocked(ctx, Session, sessionId, 'edit', async (c, row) => {
      const phase = phaseOf(row);
      if (!RUNNABLE.has(phase)) throw conflict(`session is not running (phase "${phase}"); start it first`);
      const threadId = request.threadId ?? row.id;
      const runId = request.runId ?? randomUUID();
      const sender = await senderOf(c.tx, ctx.actor);
      await insertRun(c.tx, { sessionId: row.id, runId, threadId, parentRunId: request.parentRunId, owner: this.instance, userId: ownerId(ctx.actor) });
      const messages = request.messages?.map((m) => completedMessage(m, sender));
      const events: AguiEvent[] = [{ type: RUN_STARTED, threadId, runId, ...(request.parentRunId !== undefined ? { parentRunId: request.parentRunId } : {}) }];
      events.push(...(await this.newUserMessageEvents(c.tx, row.id, messages ?? [])).map((e) => withFilledIds(e, { threadId, runId })));
      await appendEvents(c.tx, row.id, events);
      const input: Record<string, unknown> = { ...body, threadId, runId, ...(messages ? { messages } : {}) };
      return { session: row, input, runId, threadId, sender };
    });
    this.streams.start({ session, runId, threadId, input, headers: runnerHeaders(sender, caller) });
    return { runId, threadId };
  }

  /** `POST …/agui/interrupt` (§a.10). */
  async interrupt(ctx: RequestContext, sessionId: string): Promise<{ message: string }> {
    const session = await this.session(ctx, sessionId, 'edit');
    if (phaseOf(session) !== 'Running') throw conflict('session is not running');
    const outcome = await this.options.runner.interrupt(session);
    if ('failure' in outcome) throw new DomainError(30, `runner interrupt failed: ${outcome.failure}`);
    if (outcome.status < 200 || outcome.status >= 300) throw new DomainError(30, `runner interrupt failed: HTTP ${outcome.status}`);
    return { message: 'Interrupt signal sent' };
  }

  /** `POST …/agui/feedback` (§a.10): stored and published first, then forwarded when the session runs. */
  async feedback(ctx: RequestContext, sessionId: string, body: Record<string, unknown>): Promise<FeedbackResult> {
    if (body['type'] !== 'META') throw invalid('Expected META event type', 'type');
    const event = withFilledIds(body as AguiEvent, { threadId: sessionId });
    const session = await this.options.domain.withLocked(ctx, Session, sessionId, 'edit', async (c, row) => {
      await appendEvents(c.tx, row.id, [event]);
      return row;
    });
    const recorded: FeedbackResult = { status: 202, body: { status: 'recorded', message: 'Feedback recorded; runner unavailable' } };
    if (phaseOf(session) !== 'Running') return recorded;
    const outcome = await this.options.runner.feedback(session, event);
    if ('failure' in outcome || outcome.status < 200 || outcome.status >= 300) {
      this.options.log.info(
        { session: session.id, problem: 'failure' in outcome ? outcome.failure : `HTTP ${outcome.status}` },
        'agui: runner did not take the feedback',
      );
      return recorded;
    }
    await this.recordFeedbackReply(session, outcome.body);
    return { status: 200, body: { status: 'sent', message: 'Feedback submitted' } };
  }

  /** `GET …/agui/events` (§a.6): what to replay, and the live subscription after it. */
  async events(ctx: RequestContext, sessionId: string, request: EventsRequest = {}): Promise<EventStreamSource> {
    const session = await this.session(ctx, sessionId, 'view');
    if (request.lastEventId === undefined && request.runId === undefined) {
      const { head, events } = await readAll(this.pool, session.id);
      const replay = compactOnRead(events, session.id, head);
      return { replay, live: await this.feed.subscribe(session.id, { after: head }) };
    }
    return { replay: [], live: await this.feed.subscribe(session.id, { after: request.lastEventId ?? 0, runId: request.runId }) };
  }

  /** `GET …/agui/history` (§a.9): the compacted conversation (of one run with `runId`). */
  async history(ctx: RequestContext, sessionId: string, runId?: string): Promise<History> {
    const session = await this.session(ctx, sessionId, 'view');
    const { head, events } = await readAll(this.pool, session.id, runId);
    return { threadId: session.id, messages: compact(events.map((e) => e.payload)), lastSeq: head };
  }

  /** `GET …/agui/runs` (§a.9): the runs, oldest first, and the derived agent status. */
  async runs(ctx: RequestContext, sessionId: string): Promise<RunsView> {
    const session = await this.session(ctx, sessionId, 'view');
    const runs = await listRuns(this.pool, session.id);
    const agentStatus = phaseOf(session) === 'Running' ? await this.agentStatus(session.id) : '';
    return { agentStatus, runs: runs.map(runWire) };
  }

  /** The session, authorized: view (404 invisible, 403 below) or edit. */
  private async session(ctx: RequestContext, id: string, role: 'view' | 'edit'): Promise<Row> {
    if (role === 'view') return this.options.domain.get(ctx, Session, id);
    return this.options.domain.withLocked(ctx, Session, id, role, async (_c, row) => row);
  }

  /**
   * The events that persist the user's new messages (§a.5 step 3): text events for string
   * content, RAW for any other, then the sender/hidden metadata. Messages whose id is already in
   * the session's log (an earlier run sent them) are left out.
   */
  private async newUserMessageEvents(tx: Tx, sessionId: string, messages: readonly Record<string, unknown>[]): Promise<AguiEvent[]> {
    const users = messages.filter((m) => m['role'] === 'user');
    const stored = await storedMessageIds(
      tx,
      sessionId,
      users.map((m) => m['id'] as string),
    );
    const events: AguiEvent[] = [];
    for (const message of users) {
      const messageId = message['id'] as string;
      if (stored.has(messageId)) continue;
      stored.add(messageId);
      const content = message['content'];
      if (typeof content === 'string') {
        events.push(
          { type: 'TEXT_MESSAGE_START', messageId, role: 'user' },
          { type: 'TEXT_MESSAGE_CONTENT', messageId, delta: content },
          { type: 'TEXT_MESSAGE_END', messageId },
        );
      } else events.push({ type: 'RAW', event: { role: 'user', id: messageId, content } });
      const metadata = isRecord(message['metadata']) ? message['metadata'] : {};
      const sender: Record<string, unknown> = {};
      for (const key of ['senderId', 'senderDisplayName'] as const) if (metadata[key] !== undefined && metadata[key] !== null) sender[key] = metadata[key];
      const hidden = metadata['hidden'] === true;
      if (Object.keys(sender).length > 0 || hidden)
        events.push({ type: 'RAW', event: { type: 'message_metadata', messageId, ...sender, ...(hidden ? { hidden: true } : {}) } });
    }
    return events;
  }

  /** The runner's JSON reply to feedback (a RAW event) is kept too; a reply that is not an event is wrapped in RAW. */
  private async recordFeedbackReply(session: Row, text: string): Promise<void> {
    let reply: unknown;
    try {
      reply = JSON.parse(text);
    } catch {
      return; // empty or not JSON: nothing to keep
    }
    const event: AguiEvent = isEvent(reply) ? reply : { type: 'RAW', event: reply };
    try {
      await recordEvents(this.pool, session.id, [withFilledIds(event, { threadId: session.id })]);
    } catch (error) {
      this.options.log.warn({ err: error, session: session.id }, 'agui: storing the runner’s feedback reply failed');
    }
  }

  private async agentStatus(sessionId: string): Promise<AgentStatus> {
    const scan = new AgentStatusScan();
    for (let before = Number.MAX_SAFE_INTEGER; ;) {
      const page = await readBackwards(this.pool, sessionId, AGENT_STATUS_TYPES, before, STATUS_PAGE);
      for (const event of page) {
        const status = scan.step(event);
        if (status !== undefined) return status;
      }
      if (page.length < STATUS_PAGE) return scan.end();
      before = page.at(-1)!.seq;
    }
  }
}

interface RunInput {
  threadId?: string;
  runId?: string;
  parentRunId?: string;
  messages?: Record<string, unknown>[];
}

/** The parts of a RunAgentInput the server reads (§a.5); everything else goes to the runner as sent. */
function parseRunInput(body: Record<string, unknown>): RunInput {
  const out: RunInput = {};
  for (const key of ['threadId', 'runId', 'parentRunId'] as const) {
    const value = body[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value === '') throw invalid(`${key} must be a non-empty string`, key);
    out[key] = value;
  }
  for (const key of ['messages', 'tools'] as const) if (body[key] !== undefined && !Array.isArray(body[key])) throw invalid(`${key} must be an array`, key);
  const context = body['context'];
  if (context !== undefined && (typeof context !== 'object' || context === null)) throw invalid('context must be an array or an object', 'context');
  if (Array.isArray(body['messages'])) {
    out.messages = body['messages'].map((m, i) => {
      if (!isRecord(m)) throw invalid(`messages[${i}] must be an object`, 'messages');
      return m;
    });
  }
  return out;
}

interface Sender {
  username: string;
  name: string;
}

/** The caller as a known user (username, display name), or undefined (a project key, the server). */
async function senderOf(tx: Tx, actor: Actor): Promise<Sender | undefined> {
  if (actor.type !== 'user' || actor.userId === null) return undefined;
  const { rows } = await tx.query<Sender>('SELECT username, name FROM users WHERE id = $1', [actor.userId]);
  return rows[0];
}

/** A message as forwarded to the runner: a user message gets an id and, from a known caller, its sender. */
function completedMessage(message: Record<string, unknown>, sender: Sender | undefined): Record<string, unknown> {
  if (message['role'] !== 'user') return message;
  const id = typeof message['id'] === 'string' && message['id'] !== '' ? message['id'] : randomUUID();
  if (!sender) return { ...message, id };
  const metadata = { ...(isRecord(message['metadata']) ? message['metadata'] : {}), senderId: sender.username, senderDisplayName: sender.name };
  return { ...message, id, metadata };
}

/** §a.5 runner request headers that depend on the caller. */
function runnerHeaders(sender: Sender | undefined, caller: RunCaller): Record<string, string> {
  const headers: Record<string, string> = {};
  if (sender) {
    headers['X-Current-User-ID'] = sender.username;
    headers['X-Current-User-Name'] = sender.name;
  }
  const authorization = forwardableCredential(caller.authorization);
  if (authorization !== undefined) headers['X-Caller-Token'] = authorization;
  return headers;
}

function phaseOf(row: Row): string {
  const phase = row['phase'];
  return typeof phase === 'string' ? phase : '';
}

/** A run on the wire (§a.9): camelCase, epoch ms, absent values omitted. */
function runWire(run: Run): Record<string, unknown> {
  const wire: Record<string, unknown> = { runId: run.runId };
  if (run.threadId !== null) wire['threadId'] = run.threadId;
  if (run.parentRunId !== null) wire['parentRunId'] = run.parentRunId;
  wire['status'] = run.status;
  if (run.startedAt !== null) wire['startedAt'] = run.startedAt;
  if (run.finishedAt !== null) wire['finishedAt'] = run.finishedAt;
  if (run.error !== null) wire['error'] = run.error;
  return wire;
}
