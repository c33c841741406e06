import { afterAll, expect, test } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createServices, type Services } from '../../src/services.ts';
import { V1 } from '../support/api.ts';
import { testLog } from '../support/database.ts';
import { openStream } from '../support/sse.ts';
import { agui, eventually, FAST_TIMINGS, runEnded, sessionIn, storedEvents, useAguiWorld, type Json } from './support.ts';

/**
 * The between-run listener (runtime.md §a.11): one instance per Running session keeps the runner's
 * event stream open (elected with a Postgres advisory lock), persists what arrives, retries with
 * the contract's policy and stops when the session stops running.
 */

const world = useAguiWorld();
const extra: Services[] = [];
afterAll(async () => {
  for (const services of extra) {
    await services.agui.stop();
    await services.feed.stop();
  }
});

/** A second server instance on the same database (its own feeds, election connection and listeners). */
async function secondInstance(): Promise<Services> {
  const { api, runner } = world();
  const services = createServices({ pool: api.db.pool, connectionString: api.db.url }, loadConfig({ RUNNER_URL_TEMPLATE: runner.urlTemplate }), testLog, {
    kubeConfig: null,
    aguiTimings: FAST_TIMINGS,
  });
  await services.feed.start();
  await services.agui.start();
  extra.push(services);
  return services;
}

test('a Running session gets one listener; what the runner sends between runs is persisted with the thread id and streamed', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  await eventually(() => runner.openEventStreams(s.kubeCrName) === 1);
  const request = runner.to(`/events/${s.kubeCrName}`).at(-1)!;
  expect(request.headers['accept']).toBe('text/event-stream');
  const stream = await openStream(`${api.url}${agui(s.id, 'events')}`);
  runner.emitBetweenRuns(s.kubeCrName, { event: { type: 'CUSTOM', name: 'background_task', value: { done: 1 } } });
  runner.emitBetweenRuns(s.kubeCrName, { data: 'garbage' });
  expect((await stream.nextData()).data).toEqual({ type: 'CUSTOM', name: 'background_task', value: { done: 1 }, threadId: s.id });
  expect((await stream.nextData()).data).toEqual({ type: 'RAW', event: { unparsed: 'garbage' }, threadId: s.id });
  stream.close();
  const stored = await storedEvents(api, s.id);
  expect(stored.map((e) => [e.runId, e.threadId])).toEqual([
    [null, s.id],
    [null, s.id],
  ]);

  // The runner restarts its stream: the listener reconnects.
  runner.endEventStreams(s.kubeCrName);
  await eventually(() => runner.to(`/events/${s.kubeCrName}`).length >= 2 && runner.openEventStreams(s.kubeCrName) === 1);

  // Leaving Running closes it.
  await api.request('POST', `${V1}/sessions/${s.id}/stop`);
  await eventually(() => runner.openEventStreams(s.kubeCrName) === 0);
  expect(api.services.agui.listenedSessions).not.toContain(s.id);
});

test('across instances exactly one listens; when it stops, another takes over', async () => {
  const { api, runner } = world();
  const second = await secondInstance();
  const third = await secondInstance();
  const sessions = await Promise.all([sessionIn(api), sessionIn(api), sessionIn(api)]);
  for (const s of sessions) await eventually(() => runner.openEventStreams(s.kubeCrName) === 1);
  // Give the others time to try: still one stream per session.
  await new Promise((resolve) => setTimeout(resolve, 3 * FAST_TIMINGS.listener.scanIntervalMs));
  const instances = [api.services, second, third];
  for (const s of sessions) {
    expect(runner.openEventStreams(s.kubeCrName)).toBe(1);
    expect(instances.filter((i) => i.agui.listenedSessions.includes(s.id))).toHaveLength(1);
  }
  // Stop whichever instance (other than the test server) holds the first session.
  const holder = [second, third].find((i) => i.agui.listenedSessions.includes(sessions[0]!.id));
  if (holder) {
    await holder.agui.stop();
    await eventually(
      () =>
        runner.openEventStreams(sessions[0]!.kubeCrName) === 1 &&
        instances.filter((i) => i !== holder && i.agui.listenedSessions.includes(sessions[0]!.id)).length === 1,
    );
  }
  for (const s of sessions) await api.request('POST', `${V1}/sessions/${s.id}/stop`);
  for (const s of sessions) await eventually(() => runner.openEventStreams(s.kubeCrName) === 0);
});

test('30 failed connects in a row: the listener gives up until the session’s next run', async () => {
  const { api, runner } = world();
  runner.refuseEventStreams = 503;
  const s = await sessionIn(api);
  const attempts = () => runner.to(`/events/${s.kubeCrName}`).length;
  await eventually(() => attempts() >= 30);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(attempts()).toBe(30);
  // Still elected (by one of the instances), so nobody else starts over.
  expect([api.services, ...extra].filter((i) => i.agui.listenedSessions.includes(s.id))).toHaveLength(1);

  runner.refuseEventStreams = undefined;
  const { runId } = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body as { runId: string };
  await runEnded(api, s.id, runId);
  await eventually(() => runner.openEventStreams(s.kubeCrName) === 1);
  await api.request('POST', `${V1}/sessions/${s.id}/stop`);
});
