/**
 * AG-UI benchmark (issue "AG-UI", item 7): a fake runner streams a run's events into the real
 * server (`src/main.ts`, its own process), which persists each one in Postgres and fans it out to
 * BENCH_AGUI_SUBSCRIBERS (100) REST SSE subscribers of the session, held by child processes.
 *
 * Two scenarios, each run once after a warm-up run:
 * - burst: BENCH_AGUI_EVENTS (20,000) events as fast as the runner can write them (TCP
 *   backpressure from the server paces it): the throughput of persisting and delivering.
 * - steady: BENCH_AGUI_RATE events/s (1,000) for BENCH_AGUI_SECONDS (10): latency under load.
 *
 * Reported: events persisted per second; frames delivered per second (all subscribers together)
 * and per subscriber; frames delivered against expected; end-to-end latency p50/p99/max from the
 * runner writing an event to a subscriber receiving it (persisting included), and from the
 * event's `created_at` (its transaction's start) to its receipt; server CPU per event.
 * Run with `node --import tsx bench/agui.ts`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPool } from '../src/db/database.ts';
import { createLogger } from '../src/log.ts';
import { FakeRunner, type RunInput, type Step } from '../test/support/fake-runner.ts';
import { loadBenchConfig } from './config.ts';
import { openBenchDatabase } from './database.ts';
import { processCpuMicros } from './proc.ts';
import { REPO_ROOT, startServer, type RunningServer } from './servers.ts';

const SUBSCRIBERS = Number(process.env['BENCH_AGUI_SUBSCRIBERS'] ?? 100);
const PROCESSES = Number(process.env['BENCH_SUBSCRIBER_PROCESSES'] ?? 2);
const BURST = Number(process.env['BENCH_AGUI_EVENTS'] ?? 20_000);
const RATE = Number(process.env['BENCH_AGUI_RATE'] ?? 1_000);
const SECONDS = Number(process.env['BENCH_AGUI_SECONDS'] ?? 10);
const log = createLogger(process.env['LOG_LEVEL'] ?? 'error');
const now = () => performance.timeOrigin + performance.now();

interface Report {
  frames: number[];
  seqs: Float64Array;
  arrivals: Float64Array;
  latencies: Float64Array;
}

interface Result {
  name: string;
  subscribers: number;
  events: number;
  persistedPerSecond: number;
  deliveredPerSecond: number;
  perSubscriberPerSecond: number;
  delivered: number;
  expected: number;
  e2e: { p50: number; p99: number; max: number };
  fromCreated: { p50: number; p99: number; max: number };
  cpuMicrosPerEvent: number;
  /** Events per transaction, approximately: events ÷ distinct `created_at` (a transaction's start, ms). */
  eventsPerTransaction: number;
}

/** Smallest and largest value (without spreading large arrays onto the stack). */
function range(values: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]!);
    max = Math.max(max, values[i]!);
  }
  return { min, max };
}

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = (values: Float64Array) => {
  const sorted = Float64Array.from(values.filter((v) => Number.isFinite(v))).sort();
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
};

/** Text deltas with the runner's send time, as a model streams tokens: as fast as possible, or `rate` per second on schedule. */
function tokens(input: RunInput, count: number, rate?: number): Step[] {
  const ids = { threadId: input.threadId, runId: input.runId };
  const messageId = `m-${input.runId}`;
  let start = 0;
  const steps: Step[] = [{ event: () => ((start = now()), { type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' }) }];
  for (let i = 0; i < count; i++) {
    // On schedule rather than after fixed pauses, so timer lag does not lower the rate (a timer waits at least 1 ms).
    if (rate !== undefined) steps.push({ until: () => waitUntil(start + (i * 1000) / rate) });
    steps.push({ event: () => ({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta: `token ${i} `, sentAt: now() }) });
  }
  steps.push({ event: { type: 'TEXT_MESSAGE_END', messageId } }, { event: { type: 'RUN_FINISHED', ...ids } });
  return steps;
}

function waitUntil(due: number): Promise<void> {
  const wait = due - now();
  return wait >= 1 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
}

async function json(url: string, method: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function scenario(
  name: string,
  subscribers: number,
  server: RunningServer,
  runner: FakeRunner,
  pool: ReturnType<typeof createPool>,
  sessionId: string,
  steps: (input: RunInput) => Step[],
): Promise<Result> {
  const base = `${server.url}/api/ambient/v1/sessions/${sessionId}/agui`;
  const head = Number(
    (await pool.query<{ head: number | null }>('SELECT max(seq) AS head FROM agui_events WHERE session_id = $1', [sessionId])).rows[0]!.head ?? 0,
  );
  const children: ChildProcess[] = [];
  const opened: Promise<void>[] = [];
  const perProcess = Math.ceil(subscribers / PROCESSES);
  for (let remaining = subscribers; remaining > 0; remaining -= perProcess) {
    const child = fork(path.join(REPO_ROOT, 'bench/agui-subscribers.ts'), [`${base}/events?lastEventId=${head}`, String(Math.min(perProcess, remaining))], {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
      serialization: 'advanced',
    });
    children.push(child);
    opened.push(new Promise((resolve) => child.once('message', () => resolve())));
  }
  await Promise.all(opened);

  runner.nextRun(steps);
  const cpuBefore = processCpuMicros(server.pid) ?? 0;
  const { runId } = (await json(`${base}/run`, 'POST', {})) as { runId: string };
  for (;;) {
    const { rows } = await pool.query<{ status: string }>('SELECT status FROM agui_runs WHERE session_id = $1 AND run_id = $2', [sessionId, runId]);
    if (rows[0]?.status !== 'running') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { rows } = await pool.query<{ seq: number; created_ms: number }>(
    'SELECT seq, extract(epoch FROM created_at) * 1000 AS created_ms FROM agui_events WHERE session_id = $1 AND seq > $2 ORDER BY seq',
    [sessionId, head],
  );
  const reports = await Promise.all(
    children.map(
      (child) =>
        new Promise<Report>((resolve) => {
          child.on('message', (message: Report | { opened: number }) => {
            if ('frames' in message) resolve(message);
          });
          child.send({ expect: rows.length, timeoutMs: 60_000 });
        }),
    ),
  );
  const cpuAfter = processCpuMicros(server.pid) ?? 0;

  const created = new Map(rows.map((r) => [Number(r.seq), Number(r.created_ms)]));
  const createdTimes = rows.map((r) => Number(r.created_ms));
  const persistSeconds = (range(createdTimes).max - range(createdTimes).min) / 1000;
  const arrivals = range(reports.flatMap((r) => [range(r.arrivals).min, range(r.arrivals).max]));
  const deliverSeconds = (arrivals.max - arrivals.min) / 1000;
  const delivered = reports.reduce((n, r) => n + r.frames.reduce((a, b) => a + b, 0), 0);
  const fromCreated = new Float64Array(delivered);
  let i = 0;
  for (const report of reports) for (let j = 0; j < report.seqs.length; j++) fromCreated[i++] = report.arrivals[j]! - (created.get(report.seqs[j]!) ?? NaN);
  const latencies = new Float64Array(reports.reduce((n, r) => n + r.latencies.length, 0));
  let k = 0;
  for (const report of reports) latencies.set(report.latencies, (k += report.latencies.length) - report.latencies.length);
  return {
    name,
    events: rows.length,
    persistedPerSecond: rows.length / persistSeconds,
    deliveredPerSecond: delivered / deliverSeconds,
    subscribers,
    perSubscriberPerSecond: delivered / subscribers / deliverSeconds,
    delivered,
    expected: rows.length * subscribers,
    e2e: stats(latencies),
    fromCreated: stats(fromCreated),
    cpuMicrosPerEvent: (cpuAfter - cpuBefore) / rows.length,
    eventsPerTransaction: rows.length / new Set(createdTimes).size,
  };
}

const config = loadBenchConfig();
const database = await openBenchDatabase({ ...config, databaseName: 'ambient_bench_agui' }, log);
const pool = createPool(database.url, 2, log);
const runner = await FakeRunner.start();
let server: RunningServer | undefined;
try {
  server = await startServer({
    name: 'ambient-api',
    entry: 'src/main.ts',
    env: {
      DATABASE_URL: database.url,
      LOG_LEVEL: 'warn',
      RECONCILER: 'off',
      DATABASE_POOL_MAX: String(config.poolMax),
      RUNNER_URL_TEMPLATE: runner.urlTemplate,
    },
    applicationName: 'ambient-api',
    logFile: path.join(os.tmpdir(), 'ambient-bench-agui.log'),
    cpuProfileDir: config.cpuProfileDir,
  });
  const api = `${server.url}/api/ambient/v1`;
  const project = await json(`${api}/projects`, 'POST', { name: 'agui-bench' });
  const session = await json(`${api}/sessions`, 'POST', { project_id: project['id'], name: 'bench' });
  const id = session['id'] as string;
  await json(`${api}/sessions/${id}/start`, 'POST');
  await json(`${api}/sessions/${id}/status`, 'PATCH', { phase: 'Running' });

  await scenario('warm-up', SUBSCRIBERS, server, runner, pool, id, (input) => tokens(input, 2_000));
  const steady = `steady (${RATE.toLocaleString('en')}/s × ${SECONDS} s)`;
  const results = [
    await scenario(`burst (${BURST.toLocaleString('en')} events)`, SUBSCRIBERS, server, runner, pool, id, (input) => tokens(input, BURST)),
    await scenario(steady, SUBSCRIBERS, server, runner, pool, id, (input) => tokens(input, RATE * SECONDS, RATE)),
    // The latency floor: the same load with one subscriber.
    await scenario(steady, 1, server, runner, pool, id, (input) => tokens(input, RATE * SECONDS, RATE)),
  ];
  const f = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(
    `node ${process.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; database ${database.mode}; subscribers in ${PROCESSES} processes`,
  );
  console.log(
    '| scenario | subscribers | events | persisted/s | events/commit | delivered/s (all subscribers) | per subscriber/s | frames delivered / expected | e2e p50 (ms) | e2e p99 (ms) | e2e max (ms) | created→received p99 (ms) | server CPU µs/event |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.subscribers} | ${f(r.events)} | ${f(r.persistedPerSecond)} | ${f(r.eventsPerTransaction, 1)} | ${f(r.deliveredPerSecond)} | ${f(r.perSubscriberPerSecond)} | ${f(r.delivered)} / ${f(r.expected)} | ${f(r.e2e.p50, 1)} | ${f(r.e2e.p99, 1)} | ${f(r.e2e.max, 1)} | ${f(r.fromCreated.p99, 1)} | ${f(r.cpuMicrosPerEvent, 0)} |`,
    );
  }
} finally {
  await server?.stop();
  await runner.close();
  await pool.end();
  await database.close();
}
