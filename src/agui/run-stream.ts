import type pg from 'pg';
import type { Row } from '../domain/wire.ts';
import type { Logger } from '../log.ts';
import { connectWithRetry, sseBatches, type RetryPolicy } from '../runner/agui-stream.ts';
import type { RunnerClient } from '../runner/client.ts';
import type { ConnectLimiter } from '../runner/connect-limiter.ts';
import { eventFromData, RUN_ERROR, RUN_FINISHED, RUN_STARTED, runIdOf, withFilledIds, type AguiEvent } from './events.ts';
import { heartbeat } from './runs.ts';
import { EventWriter } from './writer.ts';

/**
 * The runner streams of the runs this server instance owns (runtime.md §a.5 step 5): `POST <runner>/`
 * with the completed RunAgentInput, retried on connection failures, then every event of the
 * answer persisted in order while the run's heartbeat is refreshed. A run that cannot start, or
 * whose stream ends without its own RUN_FINISHED/RUN_ERROR, gets a RUN_ERROR from the server.
 */

export const RUNNER_UNAVAILABLE = 'Runner is not available';
export const STREAM_ENDED = 'Runner stream ended unexpectedly';

/** Why a stream is aborted at shutdown (as opposed to an idle timeout). */
class ShuttingDown extends Error {
  constructor() {
    super('server shutting down');
  }
}

export interface RunStreamTimings {
  retry: RetryPolicy;
  heartbeatMs: number;
  idleMs: number;
}

export interface RunStreamsOptions {
  pool: pg.Pool;
  runner: RunnerClient;
  log: Logger;
  /** This instance, as written in `agui_runs.owner_instance`. */
  owner: string;
  timings: RunStreamTimings;
  /** Bounds the connection attempts of all runner streams of this instance (runs go first). */
  connects: ConnectLimiter;
}

export interface RunStart {
  session: Row;
  runId: string;
  threadId: string;
  /** The completed RunAgentInput sent to the runner. */
  input: Record<string, unknown>;
  /** The caller's headers for the runner (X-Current-User-ID, …). */
  headers: Record<string, string>;
}

export class RunStreams {
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();

  constructor(private readonly options: RunStreamsOptions) {}

  /** Starts the run's stream in the background. */
  start(run: RunStart): void {
    const key = `${run.session.id}/${run.runId}`;
    const controller = new AbortController();
    const done = this.stream(run, controller)
      .catch((error: unknown) => this.options.log.error({ err: error, session: run.session.id, run: run.runId }, 'agui: run stream failed'))
      .finally(() => this.active.delete(key));
    this.active.set(key, { controller, done });
  }

  /**
   * Ends every stream (shutdown). What was received is persisted; the runs stay `running`, and
   * the orphan sweep of a remaining replica closes them once their heartbeat is stale.
   */
  async stop(): Promise<void> {
    const streams = [...this.active.values()];
    for (const s of streams) s.controller.abort(new ShuttingDown());
    await Promise.all(streams.map((s) => s.done));
  }

  private async stream(run: RunStart, controller: AbortController): Promise<void> {
    const { pool, runner, log, owner, timings } = this.options;
    const sessionId = run.session.id;
    const context = { session: sessionId, run: run.runId };
    const writer = new EventWriter(pool, sessionId, { log, signal: controller.signal });
    const fail = async (message: string) => {
      await writer.push([{ type: RUN_ERROR, threadId: run.threadId, runId: run.runId, message }]);
      await writer.drain();
    };
    const beat = setInterval(
      () => void heartbeat(pool, sessionId, run.runId, owner).catch((error: unknown) => log.warn({ err: error, ...context }, 'agui: run heartbeat failed')),
      timings.heartbeatMs,
    );
    beat.unref();
    try {
      let response: Response;
      try {
        response = await connectWithRetry(
          timings.retry,
          () =>
            this.options.connects.connect(
              'run',
              () =>
                runner.openStream(
                  run.session,
                  { method: 'POST', path: '/', body: run.input, headers: { 'Content-Type': 'application/json', ...run.headers } },
                  controller.signal,
                ),
              controller.signal,
            ),
          controller.signal,
          (failure, attempt) => log.info({ ...context, attempt, problem: failure.message }, 'agui: runner not reachable yet; retrying'),
        );
      } catch (error) {
        if (controller.signal.aborted) return;
        log.warn({ ...context, problem: (error as Error).message }, 'agui: runner is not available');
        await fail(RUNNER_UNAVAILABLE);
        return;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        log.warn({ ...context, status: response.status }, 'agui: runner refused the run');
        await fail(`Runner error: HTTP ${response.status}`);
        return;
      }
      let ended = false;
      try {
        for await (const batch of sseBatches(response.body, { idleMs: timings.idleMs, controller })) {
          const events = batch.map((data) => this.toStored(run, data));
          ended ||= events.some((e) => (e.type === RUN_FINISHED || e.type === RUN_ERROR) && runIdOf(e) === run.runId);
          await writer.push(events);
        }
      } catch (error) {
        if (controller.signal.reason instanceof ShuttingDown) {
          // Keep what arrived; the sweep of a remaining replica closes the run.
          await writer.drain().catch(() => undefined);
          return;
        }
        log.warn({ ...context, problem: (error as Error).message }, 'agui: runner stream broke off');
      }
      if (!ended) await writer.push([{ type: RUN_ERROR, threadId: run.threadId, runId: run.runId, message: STREAM_ENDED }]);
      await writer.drain();
    } finally {
      clearInterval(beat);
    }
  }

  /** One runner event as stored: unparsable data kept as RAW, the runner's own RUN_STARTED as RAW, ids filled. */
  private toStored(run: RunStart, data: string): AguiEvent {
    const { event, malformed } = eventFromData(data);
    if (malformed)
      this.options.log.warn(
        { session: run.session.id, run: run.runId, data: data.slice(0, 200) },
        'agui: runner sent data that is not an event; stored as RAW',
      );
    // The run already has the server's RUN_STARTED: clients see exactly one per run.
    const own = event.type === RUN_STARTED && (runIdOf(event) ?? run.runId) === run.runId;
    return withFilledIds(own ? { type: 'RAW', event } : event, { threadId: run.threadId, runId: run.runId });
  }
}
