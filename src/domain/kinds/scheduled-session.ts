import type { Tx } from '../../db/transaction.ts';
import { nextRun } from '../../scheduler/cron.ts';
import type { Behaviour } from '../behaviour.ts';
import { invalid } from '../errors.ts';
import type { Values } from '../input.ts';
import type { Row } from '../wire.ts';

/** The channel every replica's scheduler LISTENs on: a schedule changed, plan again (src/scheduler/scheduler.ts). */
export const SCHEDULE_CHANNEL = 'ambient_scheduled_sessions';

/**
 * When the schedule fires next after `now`: null while disabled. A schedule that can never fire
 * again (`0 0 30 2 *`) is refused, so an enabled schedule always has a next run.
 */
export function nextRunAt(values: { schedule: string; timezone: string; enabled: boolean }, now: Date): Date | null {
  if (!values.enabled) return null;
  const next = nextRun(values.schedule, values.timezone, now);
  if (next === undefined) throw invalid('schedule never fires', 'schedule');
  return next;
}

/** Wakes every replica's scheduler once the write commits, so a new due time is honoured without waiting for a poll. */
export function wakeSchedulers(tx: Tx, id: string): void {
  tx.notifyAfterCommit(SCHEDULE_CHANNEL, id);
}

const scheduleOf = (row: Row | Values) => ({
  schedule: String(row['schedule']),
  timezone: String(row['timezone'] ?? 'UTC'),
  enabled: row['enabled'] !== false,
});

/** Scheduled sessions: next_run_at recomputed from the wall clock whenever schedule, timezone or enabled change. */
export const scheduledSessionBehaviour: Behaviour = {
  async prepareCreate(c, values, id) {
    values['next_run_at'] = nextRunAt(scheduleOf(values), new Date());
    wakeSchedulers(c.tx, id);
  },

  async prepareUpdate(c, current, changes) {
    if (!('schedule' in changes || 'timezone' in changes || 'enabled' in changes)) return;
    // Keys set to null restore their defaults, which the parsed changes already hold.
    changes['next_run_at'] = nextRunAt(scheduleOf({ ...current, ...changes }), new Date());
    wakeSchedulers(c.tx, current.id);
  },
};
