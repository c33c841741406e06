import { expect, test } from 'vitest';
import { nextRun } from '../../src/scheduler/cron.ts';
import { Scheduler, type FireEvent } from '../../src/scheduler/scheduler.ts';
import { V1, expectError, useApi } from '../support/api.ts';
import { testLog } from '../support/database.ts';

/** Scheduled sessions (head-contract H8) over HTTP, fired by a scheduler on a controllable clock. */

const api = useApi();
type Json = Record<string, unknown>;
type List = { items: Json[]; total: number };
let counter = 0;
const uniq = (s: string) => `${s}-${Date.now().toString(36)}${(counter++).toString(36)}`;

async function project(): Promise<string> {
  const res = await api().request<Json>('POST', `${V1}/projects`, { body: { name: uniq('sched') } });
  expect(res.status).toBe(201);
  return String(res.body['name']);
}

async function schedule(p: string, body: Json): Promise<Json> {
  const res = await api().request<Json>('POST', `${V1}/projects/${p}/scheduled-sessions`, { body: { name: uniq('s'), ...body } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** A scheduler of this test's own, on a clock the test sets; its loop is never started. */
function schedulerAt(): { scheduler: Scheduler; fired: FireEvent[] } {
  const fired: FireEvent[] = [];
  const { services, db } = api();
  const scheduler = new Scheduler({
    pool: db.pool,
    connectionString: db.url,
    sessions: services.scheduledSessions,
    log: testLog,
    onFire: (e) => e.outcome.fired && fired.push(e),
  });
  return { scheduler, fired };
}

/** What a tick did to the schedule `s` (other tests' schedules share the database). */
const of = (s: Json, events: { id: string; outcome: unknown }[]) => events.filter((e) => e.id === s['id']).map((e) => e.outcome);

const runsOf = async (p: string, id: unknown) => (await api().request<List>('GET', `${V1}/projects/${p}/scheduled-sessions/${String(id)}/runs`)).body;

test('CRUD under the project: HEAD fields, timezone default UTC, next_run_at computed; suspend nulls it, resume recomputes it', async () => {
  const a = api();
  const p = await project();
  const base = `${V1}/projects/${p}/scheduled-sessions`;
  const before = new Date();
  const created = await schedule(p, { name: 'nightly', schedule: '0 3 * * *', session_prompt: 'Triage the issues', timeout: 900, runner_type: 'claude' });
  expect(created).toMatchObject({ kind: 'ScheduledSession', name: 'nightly', timezone: 'UTC', enabled: true, schedule: '0 3 * * *', timeout: 900 });
  expect(created['last_run_at']).toBeUndefined();
  expect(created['next_run_at']).toBe(nextRun('0 3 * * *', 'UTC', before)!.toISOString());
  const id = String(created['id']);
  expect((await a.request<Json>('GET', `${base}/${id}`)).body['id']).toBe(id);
  expect((await a.request<Json>('GET', `${V1}/scheduled_sessions/${id}`)).body['id']).toBe(id);
  expect((await a.request<List>('GET', base)).body.items.map((x) => x['id'])).toEqual([id]);

  const berlin = (await a.request<Json>('PATCH', `${base}/${id}`, { body: { timezone: 'Europe/Berlin', schedule: '30 9 * * 1-5' } })).body;
  expect(berlin['next_run_at']).toBe(nextRun('30 9 * * 1-5', 'Europe/Berlin', new Date(Date.now() - 5000))!.toISOString());

  const suspended = (await a.request<Json>('POST', `${base}/${id}/suspend`)).body;
  expect(suspended).toMatchObject({ enabled: false });
  expect(suspended['next_run_at']).toBeUndefined();
  const resumed = (await a.request<Json>('POST', `${base}/${id}/resume`)).body;
  expect(resumed).toMatchObject({ enabled: true, next_run_at: berlin['next_run_at'] });

  const other = await project();
  expectError(await a.request('GET', `${V1}/projects/${other}/scheduled-sessions/${id}`), 404, 7);
  expectError(await a.request('POST', `${V1}/projects/${other}/scheduled-sessions/${id}/trigger`), 404, 7);
  expectError(await a.request('POST', base, { body: { name: 'nightly', schedule: '0 3 * * *' } }), 409, 6);
  expect((await a.request('DELETE', `${base}/${id}`)).status).toBe(204);
  expectError(await a.request('GET', `${base}/${id}`), 404, 7);
});

test('a bad cron expression or time zone is 400 code 8 naming the field, and nothing is written', async () => {
  const a = api();
  const p = await project();
  const base = `${V1}/projects/${p}/scheduled-sessions`;
  for (const schedule of ['61 * * * *', 'every day', '* * * * * * *', '0 0 30 2 *']) {
    const res = await a.request<Json>('POST', base, { body: { name: 'x', schedule } });
    expectError(res, 400, 8);
    expect(res.body['field'] ?? res.body['reason'], res.text).toMatch(/schedule/);
  }
  const zone = await a.request<Json>('POST', base, { body: { name: 'x', schedule: '0 3 * * *', timezone: 'Mars/Olympus_Mons' } });
  expect(expectError(zone, 400, 8)).toMatch(/^timezone /);
  expect((await a.request<List>('GET', base)).body.total).toBe(0);
  const ok = await schedule(p, { schedule: '@hourly' });
  expectError(await a.request('PATCH', `${base}/${String(ok['id'])}`, { body: { timezone: 'Nowhere/Town' } }), 400, 8);
  expect((await a.request<Json>('GET', `${base}/${String(ok['id'])}`)).body['timezone']).toBe('UTC');
});

test('a due run fires once on the controllable clock: a plain session with the prompt, timeout and runner settings, listed by …/runs', async () => {
  const p = await project();
  const s = await schedule(p, { schedule: '*/5 * * * *', session_prompt: 'Check the build', timeout: 600, runner_type: 'gemini', inactivity_timeout: 120 });
  const due = new Date(String(s['next_run_at']));
  const { scheduler, fired } = schedulerAt();

  expect(of(s, await scheduler.tick(new Date(due.getTime() - 1)))).toEqual([]);
  const [outcome] = of(s, await scheduler.tick(new Date(due.getTime() + 250)));
  expect(outcome).toMatchObject({ fired: true });
  expect(fired.filter((f) => f.id === s['id']).map((f) => f.firedAt.getTime() - f.due.getTime())).toEqual([250]);
  // The same instant again: already claimed, nothing more.
  expect(of(s, await scheduler.tick(new Date(due.getTime() + 250)))).toEqual([]);

  const runs = await runsOf(p, s['id']);
  expect(runs.total).toBe(1);
  expect(runs.items[0]).toMatchObject({
    kind: 'Session',
    scheduled_session_id: s['id'],
    name: `${String(s['name'])}-${due.getTime() / 1000}`,
    prompt: 'Check the build',
    timeout: 600,
    phase: 'Pending',
  });
  expect(JSON.parse(String(runs.items[0]!['environment_variables']))).toEqual({ RUNNER_TYPE: 'gemini', INACTIVITY_TIMEOUT: '120' });
  const after = (await api().request<Json>('GET', `${V1}/projects/${p}/scheduled-sessions/${String(s['id'])}`)).body;
  expect(after['last_run_at']).toBe(new Date(due.getTime() + 250).toISOString());
  expect(after['next_run_at']).toBe(new Date(due.getTime() + 5 * 60_000).toISOString());
});

test('missed runs while no replica was up: one run on the next look, then the schedule resumes from now', async () => {
  const p = await project();
  const s = await schedule(p, { schedule: '* * * * *' });
  const due = new Date(String(s['next_run_at']));
  const { scheduler } = schedulerAt();
  // Ten due times pass unseen.
  const later = new Date(due.getTime() + 10 * 60_000 + 30_000);
  expect(of(s, await scheduler.tick(later))).toMatchObject([{ fired: true }]);
  expect(of(s, await scheduler.tick(later))).toEqual([]);
  expect((await runsOf(p, s['id'])).total).toBe(1);
  const after = (await api().request<Json>('GET', `${V1}/scheduled_sessions/${String(s['id'])}`)).body;
  expect(after['next_run_at']).toBe(nextRun('* * * * *', 'UTC', later)!.toISOString());
});

test('suspended schedules do not fire; trigger fires now as the caller, also while suspended, and leaves next_run_at', async () => {
  const a = api();
  const p = await project();
  const s = await schedule(p, { schedule: '0 * * * *', session_prompt: 'Now' });
  const base = `${V1}/projects/${p}/scheduled-sessions/${String(s['id'])}`;
  const due = new Date(String(s['next_run_at']));
  await a.request('POST', `${base}/suspend`);
  const { scheduler } = schedulerAt();
  expect(of(s, await scheduler.tick(new Date(due.getTime() + 1000)))).toEqual([]);
  const trigger = await a.request<Json>('POST', `${base}/trigger`);
  expect(trigger.status, trigger.text).toBe(201);
  expect(trigger.body).toMatchObject({ status: 'triggered', session: { kind: 'Session', scheduled_session_id: s['id'], prompt: 'Now' } });
  const after = (await a.request<Json>('GET', base)).body;
  expect(after['last_run_at']).toBeDefined();
  expect(after['next_run_at']).toBeUndefined();
  expect((await runsOf(p, s['id'])).items.map((r) => r['id'])).toEqual([(trigger.body['session'] as Json)['id']]);
});

test('with agent_id a run starts through the agent: its start prompt with the session_prompt as task; a busy agent is not started twice', async () => {
  const a = api();
  const p = await project();
  const agent = (
    await a.request<Json>('POST', `${V1}/projects/${p}/agents`, { body: { name: 'nightly-bot', prompt: 'Be brief.', environment_variables: '{"A":"1"}' } })
  ).body;
  const s = await schedule(p, { schedule: '0 * * * *', agent_id: agent['id'], session_prompt: 'Summarise the day', runner_type: 'claude' });
  const due = new Date(String(s['next_run_at']));
  const { scheduler } = schedulerAt();
  expect(of(s, await scheduler.tick(new Date(due.getTime() + 10)))).toMatchObject([{ fired: true }]);
  const [run] = (await runsOf(p, s['id'])).items;
  expect(run).toMatchObject({ agent_id: agent['id'], scheduled_session_id: s['id'] });
  expect(String(run!['prompt'])).toContain('Be brief.');
  expect(String(run!['prompt'])).toContain('## Task for this Run\n\nSummarise the day');
  expect(JSON.parse(String(run!['environment_variables']))).toEqual({ A: '1', RUNNER_TYPE: 'claude' });
  // The agent's session is still Pending: the next run does not start another one, and the schedule moves on.
  const next = new Date(due.getTime() + 3600_000 + 10);
  expect(of(s, await scheduler.tick(next))).toMatchObject([{ fired: false, reason: 'agent-busy' }]);
  expect((await runsOf(p, s['id'])).total).toBe(1);
  expectError(await a.request('POST', `${V1}/projects/${p}/scheduled-sessions/${String(s['id'])}/trigger`), 409, 6);
});

test('wake on change: a running scheduler fires a schedule created a moment before its due time, without waiting for its poll', async () => {
  const p = await project();
  const { services, db } = api();
  const fired: number[] = [];
  let id = '';
  const scheduler = new Scheduler({
    pool: db.pool,
    connectionString: db.url,
    sessions: services.scheduledSessions,
    log: testLog,
    maxSleepMs: 3600_000,
    onFire: (e) => e.outcome.fired && e.id === id && fired.push(e.firedAt.getTime() - e.due.getTime()),
  });
  await scheduler.start();
  try {
    // Every second: the scheduler slept an hour before this existed; the NOTIFY wakes it.
    const s = await schedule(p, { schedule: '* * * * * *' });
    id = String(s['id']);
    const deadline = Date.now() + 5000;
    while (fired.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fired.length).toBeGreaterThanOrEqual(2);
    await api().request('POST', `${V1}/projects/${p}/scheduled-sessions/${String(s['id'])}/suspend`);
  } finally {
    await scheduler.stop();
  }
});
