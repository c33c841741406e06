/**
 * Live-update benchmark (issue "Live updates", item 7): BENCH_SUBSCRIBERS (1,000) REST watch
 * streams on one server while sessions are updated BENCH_UPDATES_PER_SECOND (100) times a second
 * through the REST API. Reports delivery latency (update request sent → frame received by a
 * subscriber) p50/p99/max, frames delivered against frames expected, and the server's memory
 * (RSS) before, during and after. The same run first measures the latency floor with a single
 * subscriber, as the baseline. Goal: p99 under 100 ms. Run with `node --import tsx bench/live.ts`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPool } from '../src/db/database.ts';
import { createLogger } from '../src/log.ts';
import { loadBenchConfig } from './config.ts';
import { cpuBetween, cpuSnapshot } from './proc.ts';
import { openBenchDatabase } from './database.ts';
import { REPO_ROOT, startServer, type RunningServer } from './servers.ts';

const SUBSCRIBERS = Number(process.env['BENCH_SUBSCRIBERS'] ?? 1000);
const RATE = Number(process.env['BENCH_UPDATES_PER_SECOND'] ?? 100);
const SECONDS = Number(process.env['BENCH_LIVE_SECONDS'] ?? 20);
const PROCESSES = Number(process.env['BENCH_SUBSCRIBER_PROCESSES'] ?? 4);
const SESSIONS = 50;
const log = createLogger(process.env['LOG_LEVEL'] ?? 'error');

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Result {
  subscribers: number;
  updates: number;
  frames: number;
  p50: number;
  p99: number;
  max: number;
  rssBefore: number;
  rssPeak: number;
  rssAfter: number;
  /** CPU (utime + stime) per delivered frame while updating, of the server and of the subscriber processes. */
  serverMicrosPerFrame: number;
  subscribersMicrosPerFrame: number;
}

async function measure(server: RunningServer, projectId: string, sessionIds: readonly string[], subscribers: number): Promise<Result> {
  const perProcess = Math.ceil(subscribers / Math.min(PROCESSES, subscribers));
  const children: ChildProcess[] = [];
  const watchUrl = `${server.url}/api/ambient/v1/sessions?watch=true&project_id=${projectId}`;
  const rssBefore = rssMiB(server.pid);
  let remaining = subscribers;
  const opened: Promise<void>[] = [];
  while (remaining > 0) {
    const count = Math.min(perProcess, remaining);
    remaining -= count;
    const child = fork(path.join(REPO_ROOT, 'bench/live-subscribers.ts'), [watchUrl, String(count)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    children.push(child);
    opened.push(new Promise((resolve) => child.once('message', () => resolve())));
  }
  await Promise.all(opened);
  await new Promise((r) => setTimeout(r, 1000)); // snapshots delivered

  let rssPeak = rssMiB(server.pid);
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssMiB(server.pid))), 250);
  const childPids = children.map((child) => child.pid!);
  const serverCpu = cpuSnapshot([server.pid]);
  const subscribersCpu = cpuSnapshot(childPids);
  const total = RATE * SECONDS;
  const started = Date.now();
  let sent = 0;
  const inFlight: Promise<unknown>[] = [];
  while (sent < total) {
    const due = started + (sent * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const id = sessionIds[sent % sessionIds.length]!;
    inFlight.push(
      fetch(`${server.url}/api/ambient/v1/sessions/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ prompt: `t=${Date.now()}` }),
      }).then((r) => r.arrayBuffer()),
    );
    sent++;
  }
  await Promise.all(inFlight);
  await new Promise((r) => setTimeout(r, 2000)); // let the last frames arrive
  clearInterval(sampler);
  const serverMicros = cpuBetween(serverCpu, cpuSnapshot([server.pid])).micros;
  const subscribersMicros = cpuBetween(subscribersCpu, cpuSnapshot(childPids)).micros;

  const reports = await Promise.all(
    children.map(
      (child) =>
        new Promise<{ frames: number; latencies: number[] }>((resolve) => {
          child.on('message', (message: { frames?: number; latencies?: number[] }) => {
            if (message.latencies) resolve(message as { frames: number; latencies: number[] });
          });
          child.send({ stop: true });
        }),
    ),
  );
  await new Promise((r) => setTimeout(r, 500));
  const latencies = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const frames = reports.reduce((n, r) => n + r.frames, 0);
  return {
    subscribers,
    updates: total,
    frames,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    rssBefore,
    rssPeak,
    rssAfter: rssMiB(server.pid),
    serverMicrosPerFrame: serverMicros / frames,
    subscribersMicrosPerFrame: subscribersMicros / frames,
  };
}

const config = loadBenchConfig();
const database = await openBenchDatabase({ ...config, databaseName: 'ambient_bench_live' }, log);
const pool = createPool(database.url, 2, log);
let server: RunningServer | undefined;
try {
  server = await startServer({
    name: 'ambient-api',
    entry: 'src/main.ts',
    env: { DATABASE_URL: database.url, LOG_LEVEL: 'warn', RECONCILER: 'off', DATABASE_POOL_MAX: '10' },
    applicationName: 'ambient-api',
    logFile: path.join(os.tmpdir(), 'ambient-bench-live.log'),
    cpuProfileDir: config.cpuProfileDir,
  });
  const project = (await (
    await fetch(`${server.url}/api/ambient/v1/projects`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'live' }),
    })
  ).json()) as { id: string };
  const sessionIds: string[] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const res = await fetch(`${server.url}/api/ambient/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ project_id: project.id, name: `s${i}`, prompt: 't=0' }),
    });
    sessionIds.push(((await res.json()) as { id: string }).id);
  }
  const baseline = await measure(server, project.id, sessionIds, 1);
  const loaded = await measure(server, project.id, sessionIds, SUBSCRIBERS);
  const row = (label: string, r: Result) =>
    `| ${label} | ${r.subscribers} | ${RATE}/s × ${SECONDS} s | ${r.frames} / ${r.updates * r.subscribers} | ${r.p50} | ${r.p99} | ${r.max} | ${r.rssBefore.toFixed(0)} → ${r.rssPeak.toFixed(0)} → ${r.rssAfter.toFixed(0)} | ${r.serverMicrosPerFrame.toFixed(1)} | ${r.subscribersMicrosPerFrame.toFixed(1)} |`;
  console.log(
    '| run | subscribers | updates | frames delivered / expected | p50 (ms) | p99 (ms) | max (ms) | server RSS MiB (before → peak → after) | server CPU µs/frame | subscribers CPU µs/frame |',
  );
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |');
  console.log(row('baseline (1 subscriber)', baseline));
  console.log(row('loaded', loaded));
  console.log(`goal p99 < 100 ms: ${loaded.p99 < 100 ? 'met' : 'missed'}`);
} finally {
  await server?.stop();
  await pool.end();
  await database.close();
}
