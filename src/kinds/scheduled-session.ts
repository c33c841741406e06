import { z } from 'zod';
import { cronProblem, isTimeZone } from '../scheduler/cron.ts';
import { defineKind } from './define.ts';
import { uniqueNameInProject } from './prompt-template.ts';
import { intRange, line, text, type Rule } from './rules.ts';
import { projectReference } from './shared.ts';

/** A cron expression croner accepts (5 fields, or 6 with seconds first); croner's reason otherwise. */
const cron = (): Rule<string> => (name) =>
  line(255)(name).check((ctx) => {
    const problem = cronProblem(ctx.value);
    if (problem !== undefined) ctx.issues.push({ code: 'custom', input: ctx.value, message: `${name} is not a valid cron expression: ${problem}` });
  });

/** An IANA time zone name. */
const timeZone = (): Rule<string> => (name) =>
  z.string().refine((value) => isTimeZone(value), `${name} must be an IANA time zone name such as UTC or Europe/Berlin`);

export const ScheduledSession = defineKind({
  name: 'ScheduledSession',
  plural: 'scheduled_sessions',
  scope: 'project',
  description:
    'A session started on a cron schedule in a time zone (head-contract H8), through its agent when agent_id is set. The scheduler in every API replica fires each due run exactly once.',
  fields: {
    project_id: projectReference('scheduledSessions'),
    name: { wire: 'string', required: true, rule: line(255), description: 'Name, unique in the project.' },
    description: { wire: 'string', rule: text(4096), description: 'Free text.' },
    agent_id: {
      wire: 'string',
      references: { kind: 'Agent', sameProject: true, relation: 'agent', inverse: 'scheduledSessions' },
      description: 'Agent of the same project each run starts (its start prompt, inbox and settings); without one, a plain session.',
    },
    schedule: {
      wire: 'string',
      required: true,
      rule: cron(),
      description: 'Cron expression: five fields (minute hour day month weekday), or six with seconds first; @hourly, @daily… accepted.',
      example: '0 9 * * 1-5',
    },
    timezone: { wire: 'string', default: 'UTC', rule: timeZone(), description: 'IANA time zone the schedule is read in.', example: 'Europe/Berlin' },
    enabled: { wire: 'boolean', default: true, description: 'False while suspended: nothing fires and next_run_at is null.' },
    session_prompt: { wire: 'string', rule: text(64 * 1024), description: 'Prompt of each run (an agent’s run: its task).' },
    timeout: { wire: 'integer', rule: intRange(1), description: 'Timeout of each run’s session in seconds; the session default when absent.' },
    inactivity_timeout: { wire: 'integer', rule: intRange(1), description: 'Seconds without activity after which a run’s runner stops (INACTIVITY_TIMEOUT).' },
    stop_on_run_finished: { wire: 'boolean', description: 'Whether a run’s runner stops when its first run finishes (STOP_ON_RUN_FINISHED).' },
    runner_type: { wire: 'string', rule: line(63), description: 'Runner type of each run’s session (RUNNER_TYPE).' },
    last_run_at: { wire: 'timestamp', access: 'read-only', description: 'When the newest run fired (scheduled or triggered).' },
    next_run_at: {
      wire: 'timestamp',
      access: 'read-only',
      description: 'When the next run is due, computed from schedule and timezone on every write and after every run; null while disabled.',
    },
  },
  unique: uniqueNameInProject,
  indexes: [['next_run_at']],
});
