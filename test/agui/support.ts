import { afterAll, beforeAll, expect } from 'vitest';
import type { AguiTimings } from '../../src/agui/service.ts';
import type { ServiceOverrides } from '../../src/services.ts';
import { useApi, V1, type TestApi } from '../support/api.ts';
import { FakeRunner } from '../support/fake-runner.ts';

/**
 * The AG-UI tests' world: the API over real HTTP on the file's own database, a fake AG-UI runner
 * every session's runner URL points at, and the contract's timings shortened so that retries,
 * heartbeats and sweeps happen within a test.
 */

export type Json = Record<string, unknown>;

/** The contract's policies (attempt counts, factors), with milliseconds scaled down. */
export const FAST_TIMINGS: AguiTimings = {
  run: { retry: { attempts: 15, firstDelayMs: 5, factor: 1.5, maxDelayMs: 50 }, heartbeatMs: 100, idleMs: 10_000 },
  listener: { retry: { attempts: 30, firstDelayMs: 5, factor: 1.5, maxDelayMs: 20 }, scanIntervalMs: 200, idleMs: 10_000 },
  orphanAfterMs: 60_000,
  sweepIntervalMs: 60_000,
  feedPollMs: 500,
  connectConcurrency: 16,
};

export interface AguiWorld {
  api: TestApi;
  runner: FakeRunner;
}

export function useAguiWorld(
  options: { timings?: Partial<AguiTimings>; overrides?: () => ServiceOverrides; env?: () => Record<string, string> } = {},
): () => AguiWorld {
  let runner: FakeRunner;
  beforeAll(async () => {
    runner = await FakeRunner.start();
  });
  afterAll(() => runner.close());
  const api = useApi(
    () => ({ RUNNER_URL_TEMPLATE: runner.urlTemplate, ...options.env?.() }),
    () => ({ kubeConfig: null, ...options.overrides?.(), aguiTimings: { ...FAST_TIMINGS, ...options.timings } }),
  );
  return () => ({ api: api(), runner });
}

let projects = 0;

/** A new project and a session in it, brought to `phase` through the REST actions (Running by default). */
export async function sessionIn(api: TestApi, phase: string | null = 'Running'): Promise<{ id: string; kubeCrName: string; projectId: string }> {
  const project = await api.request<Json>('POST', `${V1}/projects`, {
    body: { name: `agui-${process.pid}-${++projects}-${Math.random().toString(36).slice(2, 6)}` },
  });
  expect(project.status, project.text).toBe(201);
  const session = await api.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: project.body['id'] } });
  const id = session.body['id'] as string;
  if (phase !== null) {
    await api.request('POST', `${V1}/sessions/${id}/start`);
    if (phase !== 'Pending') expect((await api.request('PATCH', `${V1}/sessions/${id}/status`, { body: { phase } })).status).toBe(200);
  }
  return { id, kubeCrName: session.body['kube_cr_name'] as string, projectId: project.body['id'] as string };
}

/** The session's stored events, oldest first. */
export async function storedEvents(
  api: TestApi,
  sessionId: string,
): Promise<{ seq: number; runId: string | null; threadId: string | null; type: string; payload: Json }[]> {
  const { rows } = await api.db.pool.query<{ seq: number; run_id: string | null; thread_id: string | null; type: string; payload: string }>(
    'SELECT seq, run_id, thread_id, type, payload::text AS payload FROM agui_events WHERE session_id = $1 ORDER BY seq',
    [sessionId],
  );
  return rows.map((r) => ({ seq: Number(r.seq), runId: r.run_id, threadId: r.thread_id, type: r.type, payload: JSON.parse(r.payload) as Json }));
}

/** Polls until `check` returns a value (not undefined/false). */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the run has ended in `agui_runs` and returns its row. */
export async function runEnded(api: TestApi, sessionId: string, runId: string): Promise<Json> {
  return eventually(async () => {
    const { rows } = await api.db.pool.query<Json>(`SELECT * FROM agui_runs WHERE session_id = $1 AND run_id = $2 AND status <> 'running'`, [sessionId, runId]);
    return rows[0];
  });
}

export const agui = (sessionId: string, path: string) => `${V1}/sessions/${sessionId}/agui/${path}`;
