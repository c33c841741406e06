import { readFileSync } from 'node:fs';
import os from 'node:os';
import type pg from 'pg';
import type { BenchConfig } from './config.ts';
import { runLoad, type LoadRequest, type LoadResult } from './load.ts';
import { cpuBetween, cpuSnapshot, processCpuMicros } from './proc.ts';
import type { Scenario } from './scenarios.ts';
import type { RunningServer } from './servers.ts';

/**
 * One measurement: a warm-up (JIT, pool connections, caches), then the measured interval, with the
 * CPU time the server process — and its Postgres backends — used during that interval.
 */
export interface Measurement {
  scenario: Scenario['name'];
  server: string;
  round: number;
  /** The warm-up before the measured interval (not part of the results; counts for profiles). */
  warmup: LoadResult;
  load: LoadResult;
  /** CPU time of the server process over the measured interval. */
  serverCpuMicros: number;
  /** CPU time of the server's Postgres backends; undefined when they are not local processes. */
  dbCpuMicros: number | undefined;
  /** The machine's 1-minute load average at the end of the measured interval (it is shared). */
  loadAverage: number;
}

/**
 * The local pids of a server's Postgres backends, or undefined when they are not local processes.
 * A server's connections are named `<applicationName>` (its pool) or `<applicationName>-<role>`
 * (e.g. the real server's LISTEN connection, `ambient-api-listen`): all of them count.
 */
async function backendPids(admin: pg.Client, applicationName: string): Promise<number[] | undefined> {
  const { rows } = await admin.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND (application_name = $1 OR application_name LIKE $1 || '-%')`,
    [applicationName],
  );
  const pids = rows.map((r) => r.pid);
  // A remote server's pids mean nothing here; a local backend's /proc entry is named postgres.
  const local = pids.every((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
    } catch {
      return false;
    }
  });
  return local && pids.length > 0 ? pids : undefined;
}

export async function measure(
  server: RunningServer,
  scenario: Scenario,
  round: number,
  config: BenchConfig,
  admin: pg.Client,
  signal?: AbortSignal,
  /** What to send, when not the scenario's own request (the peer's, in its schema). */
  request: LoadRequest = scenario.request(server.url),
): Promise<Measurement> {
  const connections = scenario.connections ?? config.connections;
  const warmup = await runLoad(request, connections, config.warmupSeconds, signal);
  // The pool is full after the warm-up: these backends serve the whole measured interval.
  const backends = await backendPids(admin, server.applicationName);
  const serverBefore = processCpuMicros(server.pid);
  const dbBefore = backends && cpuSnapshot(backends);
  const load = await runLoad(request, connections, config.durationSeconds, signal);
  const serverAfter = processCpuMicros(server.pid);
  const dbAfter = backends && cpuSnapshot(backends);
  if (serverBefore === undefined || serverAfter === undefined) throw new Error(`${server.name} exited during the ${scenario.name} measurement`);
  return {
    scenario: scenario.name,
    server: server.name,
    round,
    warmup,
    load,
    serverCpuMicros: serverAfter - serverBefore,
    dbCpuMicros: dbBefore && dbAfter ? cpuBetween(dbBefore, dbAfter).micros : undefined,
    loadAverage: os.loadavg()[0]!,
  };
}
