import { afterAll, expect, test } from 'vitest';
import { OrphanSweeper } from '../../src/agui/runs.ts';
import { testLog } from '../support/database.ts';
import { agui, eventually, runEnded, sessionIn, storedEvents, useAguiWorld, type Json } from './support.ts';

/** The owner's heartbeat and the orphan sweep (runtime.md §a.5): a run whose owner is gone is closed with "Run stream lost". */

const world = useAguiWorld();
const hold: (() => void)[] = [];
afterAll(() => hold.forEach((release) => release()));

async function hangingRun(): Promise<{ sessionId: string; runId: string }> {
  const { api, runner } = world();
  const s = await sessionIn(api);
  let release!: () => void;
  hold.push(() => release());
  runner.nextRun((input) => [
    { event: { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId } },
    { until: new Promise<void>((resolve) => (release = resolve)) },
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  const { runId } = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body as { runId: string };
  await eventually(async () => (await storedEvents(api, s.id)).some((e) => e.type === 'RAW'));
  return { sessionId: s.id, runId };
}

test('the owner refreshes the heartbeat while it streams', async () => {
  const { api } = world();
  const { sessionId, runId } = await hangingRun();
  const beat = async () =>
    (
      await api.db.pool.query<{ at: Date; owner: string }>(
        'SELECT heartbeat_at AS at, owner_instance AS owner FROM agui_runs WHERE session_id = $1 AND run_id = $2',
        [sessionId, runId],
      )
    ).rows[0]!;
  const first = await beat();
  expect(first.owner).toBe(api.services.agui.instance);
  await eventually(async () => (await beat()).at.getTime() > first.at.getTime());
  // A live owner's run is not an orphan.
  expect(await api.services.agui.sweepOrphans()).toBe(0);
});

test('a running run without a heartbeat for 60 s is closed once, even with several sweepers', async () => {
  const { api } = world();
  const { sessionId, runId } = await hangingRun();
  // The owner vanished (another instance that died): its heartbeat stopped 61 s ago.
  await api.db.pool.query(`UPDATE agui_runs SET owner_instance = 'gone', heartbeat_at = now() - interval '61 seconds' WHERE session_id = $1 AND run_id = $2`, [
    sessionId,
    runId,
  ]);
  const sweepers = Array.from({ length: 4 }, () => new OrphanSweeper(api.db.pool, { log: testLog, staleAfterMs: 60_000, intervalMs: 60_000 }));
  const closed = await Promise.all([...sweepers.map((s) => s.sweep()), api.services.agui.sweepOrphans()]);
  expect(closed.reduce((a, b) => a + b, 0)).toBe(1);
  const row = await runEnded(api, sessionId, runId);
  expect(row).toMatchObject({ status: 'error', error: 'Run stream lost' });
  const errors = (await storedEvents(api, sessionId)).filter((e) => e.type === 'RUN_ERROR');
  expect(errors.map((e) => e.payload)).toEqual([{ type: 'RUN_ERROR', threadId: sessionId, runId, message: 'Run stream lost' }]);
  // Not yet stale (59 s): left alone.
  const other = await hangingRun();
  await api.db.pool.query(`UPDATE agui_runs SET owner_instance = 'gone', heartbeat_at = now() - interval '59 seconds' WHERE session_id = $1`, [
    other.sessionId,
  ]);
  expect(await api.services.agui.sweepOrphans()).toBe(0);
});
