import { Cron } from 'croner';

/**
 * Cron expressions and time zones, through croner (a well-kept, dependency-free implementation
 * that understands IANA zones and DST), so no cron arithmetic is hand-written here.
 *
 * Expressions have five fields (minute hour day month weekday) or six with a leading seconds
 * field; the usual nicknames (`@hourly`, `@daily`…) are accepted. Day-of-month and day-of-week
 * combine with OR, as in Vixie cron and upstream's Go scheduler.
 *
 * DST, as croner resolves local times (tested in test/scheduler/cron.test.ts):
 * - spring forward: a local time that does not exist that day (02:30 in Europe/Berlin on the last
 *   Sunday of March) fires once, at the first instant after the gap (03:00 local); the run is not skipped;
 * - fall back: a local time that occurs twice (02:30 on the last Sunday of October) fires once,
 *   at its first occurrence (the summer-time one).
 */

/** Five or six fields (no year field); day-of-month OR day-of-week (croner's default, said here because it matters). */
const OPTIONS = { mode: '5-or-6-parts', domAndDow: false } as const;

/** The reason an expression is not a cron schedule, or undefined when it is one. */
export function cronProblem(schedule: string): string | undefined {
  try {
    new Cron(schedule, { ...OPTIONS, paused: true }).stop();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Whether `zone` is an IANA time zone name the runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The first time the schedule fires strictly after `after`, in `zone`; undefined when it never does again. */
export function nextRun(schedule: string, zone: string, after: Date): Date | undefined {
  const cron = new Cron(schedule, { ...OPTIONS, paused: true, timezone: zone });
  try {
    return cron.nextRun(after) ?? undefined;
  } finally {
    cron.stop();
  }
}
