import { systemActor } from '../auth/actor.ts';
import { allOf, fieldEquals, type Condition } from '../conditions/condition.ts';
import type { Agents } from '../domain/agents.ts';
import type { WriteContext } from '../domain/behaviour.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { nextRunAt } from '../domain/kinds/scheduled-session.ts';
import type { Domain, ListOptions, RequestContext } from '../domain/service.ts';
import { findLive } from '../domain/store.ts';
import type { Row } from '../domain/wire.ts';
import { Agent, ScheduledSession, Session } from '../kinds/index.ts';
import type { Logger } from '../log.ts';

/**
 * Scheduled sessions' own operations (head-contract H8): suspend, resume, trigger, runs, and the
 * firing of a due run, which the scheduler (scheduler.ts) calls in every replica.
 *
 * Exactly one replica fires each run: the run is claimed and its session started in one
 * transaction on the locked schedule row, and only while the row's `next_run_at` still is the
 * due time that replica saw. A replica that loses the race waits for the winner's commit, then
 * finds `next_run_at` moved on and does nothing.
 */

/** Longest schedule name kept in a run's session name (`<name>-<unix seconds>` within Line(255)). */
const SESSION_NAME_BASE_MAX = 240;

/** What a firing did. */
export type FireOutcome =
  | { fired: true; session: Row }
  /** The agent already had an active session: the run is that session's, nothing new was started. */
  | { fired: false; reason: 'agent-busy' | 'claimed-elsewhere' | 'failed' };

/** Runner settings of a schedule, as the environment variables the runner reads them from. */
function runnerEnvironment(schedule: Row, base: unknown): string | undefined {
  const env: Record<string, string> = typeof base === 'string' ? (JSON.parse(base) as Record<string, string>) : {};
  const before = Object.keys(env).length;
  if (schedule['runner_type'] != null) env['RUNNER_TYPE'] = String(schedule['runner_type']);
  if (schedule['inactivity_timeout'] != null) env['INACTIVITY_TIMEOUT'] = String(schedule['inactivity_timeout']);
  if (schedule['stop_on_run_finished'] != null) env['STOP_ON_RUN_FINISHED'] = String(schedule['stop_on_run_finished']);
  return Object.keys(env).length === 0 && before === 0 ? undefined : JSON.stringify(env);
}

export class ScheduledSessions {
  private readonly scheduler: RequestContext = { actor: systemActor('scheduler') };

  constructor(
    private readonly domain: Domain,
    private readonly agents: Agents,
    private readonly log: Logger,
  ) {}

  /** A scheduled session of the project, readable by the caller; 404 when it belongs elsewhere. */
  async get(ctx: RequestContext, projectRef: string, id: string): Promise<Row> {
    const projectId = await this.agents.projectId(ctx, projectRef);
    const row = await this.domain.get(ctx, ScheduledSession, id);
    if (row['project_id'] !== projectId) throw notFound('ScheduledSession', id);
    return row;
  }

  /** `POST …/suspend` and `…/resume`: enabled false or true (next_run_at null, or recomputed from now). */
  async setEnabled(ctx: RequestContext, projectRef: string, id: string, enabled: boolean): Promise<Row> {
    const row = await this.get(ctx, projectRef, id);
    return this.domain.update(ctx, ScheduledSession, row.id, { enabled });
  }

  /** `POST …/trigger`: one run now, as the caller, whatever the schedule; next_run_at stays. */
  async trigger(ctx: RequestContext, projectRef: string, id: string, now = new Date()): Promise<FireOutcome> {
    const projectId = await this.agents.projectId(ctx, projectRef);
    return this.domain.withLocked(ctx, ScheduledSession, id, 'edit', async (c, row) => {
      if (row['project_id'] !== projectId) throw notFound('ScheduledSession', id);
      const outcome = await this.startRun(c, ctx, row, now);
      await c.update(ScheduledSession, row.id, { last_run_at: now });
      return outcome;
    });
  }

  /** `GET …/runs`: the sessions its runs started, newest first unless the caller orders otherwise. */
  async runs(ctx: RequestContext, projectRef: string, id: string, options: Omit<ListOptions, 'where'> & { where?: Condition | undefined }) {
    const row = await this.get(ctx, projectRef, id);
    return this.domain.list(ctx, Session, {
      ...options,
      projectRef: row['project_id'] as string,
      where: allOf(options.where, fieldEquals('scheduled_session_id', row.id)),
      orderBy: options.orderBy?.length ? options.orderBy : [{ field: 'created_at', direction: 'desc' }],
    });
  }

  /**
   * Fires the run of `id` due at `due`, at `now`, unless another replica has (see the class
   * comment). Missed-run policy: however many due times passed while no replica was up, this is
   * one run, and the schedule continues with its first due time after `now`.
   */
  async fire(id: string, due: Date, now: Date): Promise<FireOutcome> {
    try {
      return await this.domain.withLocked(this.scheduler, ScheduledSession, id, 'edit', async (c, row) => {
        const claimed = row['next_run_at'] instanceof Date && row['next_run_at'].getTime() === due.getTime() && row['enabled'] === true;
        if (!claimed) return { fired: false, reason: 'claimed-elsewhere' } as const;
        const outcome = await this.startRun(c, this.scheduler, row, now, due);
        await c.update(ScheduledSession, row.id, { last_run_at: now, next_run_at: this.nextAfter(row, now) });
        return outcome;
      });
    } catch (error) {
      // A run that cannot start (its agent deleted, a setting the session refuses) is skipped, not
      // retried on every tick: the schedule moves on and the reason is logged.
      this.log.warn({ err: error, scheduled_session_id: id, due }, 'scheduler: run could not start; skipped');
      await this.domain
        .withLocked(this.scheduler, ScheduledSession, id, 'edit', async (c, row) => {
          if (row['next_run_at'] instanceof Date && row['next_run_at'].getTime() === due.getTime()) {
            await c.update(ScheduledSession, row.id, { next_run_at: this.nextAfter(row, now) });
          }
        })
        .catch((again: unknown) => {
          if (!(again instanceof DomainError && again.code === 7)) throw again;
        });
      return { fired: false, reason: 'failed' };
    }
  }

  private nextAfter(row: Row, now: Date): Date | null {
    return nextRunAt({ schedule: String(row['schedule']), timezone: String(row['timezone']), enabled: row['enabled'] === true }, now);
  }

  /** Starts the run's session in `c`'s transaction: through the agent when the schedule has one, else a plain session. */
  private async startRun(c: WriteContext, ctx: RequestContext, row: Row, now: Date, due: Date = now): Promise<FireOutcome> {
    const name = `${String(row['name']).slice(0, SESSION_NAME_BASE_MAX)}-${Math.floor(due.getTime() / 1000)}`;
    const prompt = typeof row['session_prompt'] === 'string' && row['session_prompt'] !== '' ? row['session_prompt'] : undefined;
    const given: Record<string, unknown> = { name };
    if (row['timeout'] != null) given['timeout'] = row['timeout'];
    let session: Row;
    if (typeof row['agent_id'] === 'string') {
      const agent = await findLive(c.tx, Agent, row['agent_id'], { lock: true });
      if (!agent) throw notFound('Agent', row['agent_id']);
      const env = runnerEnvironment(row, agent['environment_variables']);
      if (env !== undefined) given['environment_variables'] = env;
      const started = await this.agents.startLocked(c, ctx, agent, prompt, given);
      if (!started.created) return { fired: false, reason: 'agent-busy' };
      session = started.session;
    } else {
      const env = runnerEnvironment(row, undefined);
      const created = await this.domain.createIn(c.tx, ctx, Session, {
        ...given,
        project_id: row['project_id'],
        ...(prompt !== undefined ? { prompt } : {}),
        ...(env !== undefined ? { environment_variables: env } : {}),
      });
      session = created;
    }
    const linked = await c.update(Session, session.id, { scheduled_session_id: row.id, phase: 'Pending' });
    return { fired: true, session: linked ?? session };
  }
}
