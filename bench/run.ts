import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createLogger } from '../src/log.ts';
import { BenchConfigError, loadBenchConfig, type BenchConfig } from './config.ts';
import { openBenchDatabase } from './database.ts';
import { measure, type Measurement } from './measure.ts';
import { clockTicksPerSecond } from './proc.ts';
import { compare, renderPeerTable, renderRounds, renderTable, type Comparison } from './report.ts';
import { checkGraphqlSqlParity, type GraphqlStatements } from './graphql-parity.ts';
import { checkPeerParity, checkResponseParity } from './response-parity.ts';
import { readSessionId, scenarios as defineScenarios } from './scenarios.ts';
import { seed as seedDatabase } from './seed.ts';
import { REPO_ROOT, startServer, type RunningServer } from './servers.ts';
import { checkSqlParity, type OperationStatements, type Statement } from './sql-parity.ts';

/**
 * `npm run bench`: the real server against a minimal node:http + pg baseline running the same SQL,
 * on a fresh seeded database, in one run.
 *
 *   1. create, migrate and seed the bench database;
 *   2. check that the baseline runs the real server's statements and builds the same objects (for
 *      GraphQL: the statements the real GraphQL handler sends, captured from it in this process);
 *   3. start both servers (separate processes) and check they answer each scenario identically;
 *   4. for each round and scenario, load one server then the other (never both at once; the order
 *      alternates), each with a warm-up, the same connections and the same duration;
 *   5. print the side-by-side table; drop the database and stop everything, also on failure;
 *   6. with the `live` scenario (selected by default), run the live-update benchmark, bench/live.ts.
 *
 * The GraphQL scenarios also load a peer, PostGraphile 5 (bench/postgraphile-server.ts), on the
 * same database, checked to answer with the same rows (bench/peer-graphql.ts); the three servers
 * take turns in a rotating order, and the report gives each one's ratios to the others.
 */

const REAL = 'ambient-api';
const BASELINE = 'baseline';
const PEER = 'postgraphile';

const progress = (message: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

/** Cleanups run newest first, once, on success, failure or Ctrl-C. */
class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];
  private running: Promise<void> | undefined;

  add(step: () => Promise<void>): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        await step().catch((error: unknown) => progress(`cleanup failed: ${(error as Error).message}`));
      }
    })();
    return this.running;
  }
}

async function environment(databaseUrl: string, mode: string): Promise<string[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const version = (await client.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v.split(' on ')[0]!;
    // current_setting() gives units (128MB), pg_settings.setting raw pages.
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest(ARRAY['fsync', 'synchronous_commit', 'shared_buffers']) AS name`,
    );
    const cpus = os.cpus();
    return [
      `machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()} (shared, noisy)`,
      `node ${process.version}; ${version} (${mode}; ${settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ')}); CLK_TCK=${clockTicksPerSecond()}`,
    ];
  } finally {
    await client.end();
  }
}

const opening = (s: Statement) => s.text.split(/\s+/).slice(0, 3).join(' ');

function renderStatements(operations: readonly OperationStatements[], graphql: GraphqlStatements): string {
  const lines = operations.map((op) => `${op.operation}: ${op.statements.map(opening).join(' → ')} (${op.statements.length} statements)`);
  // Prisma's statements all begin alike: show what they read instead.
  const table = (s: Statement) => /FROM ("public"\."\w+")/.exec(s.text)?.[1] ?? opening(s);
  for (const op of graphql.operations)
    lines.push(`${op.operation}: ${op.statements.map((s) => `SELECT … FROM ${table(s)}`).join(' → ')} (${op.statements.length} statements)`);
  if (graphql.firstRequestOnly.length > 0) {
    lines.push(
      `(real GraphQL server, first request only, then cached for 30 s by src/auth/provisioning.ts: ${graphql.firstRequestOnly.map(opening).join(' → ')})`,
    );
  }
  return lines.join('\n');
}

async function bench(config: BenchConfig, cleanup: Cleanup, signal: AbortSignal): Promise<void> {
  const log = createLogger('warn');
  const logDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-bench-logs-'));
  progress(`server logs in ${logDir}`);
  if (config.cpuProfileDir) await fs.mkdir(config.cpuProfileDir, { recursive: true });

  progress(`creating database ${config.databaseName}`);
  const database = await openBenchDatabase(config, log);
  cleanup.add(() => database.close());

  progress(`seeding ${config.projects} projects and ${config.sessions} sessions`);
  const seedPool = new pg.Pool({ connectionString: database.url, max: 1 });
  const seed = await seedDatabase(seedPool, { projects: config.projects, sessions: config.sessions }).finally(() => seedPool.end());
  const scenarios = defineScenarios(seed);

  progress('checking that the baseline runs the same SQL and builds the same objects');
  const statements = await checkSqlParity({
    databaseUrl: database.url,
    userId: seed.userId,
    listProject: seed.projects[0]!.name,
    createProject: seed.projects[1]!.name,
    sessionId: seed.sessionIds[0]!,
    log,
  });
  const graphqlStatements = await checkGraphqlSqlParity({
    databaseUrl: database.url,
    poolMax: config.poolMax,
    sessionId: readSessionId(seed),
    scenarios: config.scenarios,
    log,
  });

  progress('starting both servers');
  const env = { DATABASE_URL: database.url, DATABASE_POOL_MAX: String(config.poolMax) };
  const start = async (server: Promise<RunningServer>) => {
    const running = await server;
    cleanup.add(() => running.stop());
    return running;
  };
  const real = await start(
    startServer({
      name: REAL,
      entry: 'src/main.ts',
      // Access logs are info-level: at warn, neither server writes a line per request. The
      // in-process Kubernetes reconciler is not part of serving REST (and off by default).
      env: { ...env, LOG_LEVEL: 'warn', RECONCILER: 'off' },
      applicationName: 'ambient-api',
      logFile: path.join(logDir, `${REAL}.log`),
      cpuProfileDir: config.cpuProfileDir,
    }),
  );
  const baseline = await start(
    startServer({
      name: BASELINE,
      entry: 'bench/baseline-server.ts',
      env: { ...env, BENCH_CREATOR_ID: seed.userId },
      applicationName: 'ambient-bench-baseline',
      logFile: path.join(logDir, `${BASELINE}.log`),
      cpuProfileDir: config.cpuProfileDir,
    }),
  );

  const peered = config.scenarios.filter((name) => scenarios[name].peerRequest !== undefined);
  const peer =
    peered.length > 0
      ? await start(
          startServer({
            name: PEER,
            entry: 'bench/postgraphile-server.ts',
            env: { ...env, GRAPHILE_ENV: 'production' },
            applicationName: 'ambient-bench-postgraphile',
            logFile: path.join(logDir, `${PEER}.log`),
            cpuProfileDir: config.cpuProfileDir,
          }),
        )
      : undefined;

  for (const name of config.scenarios) await checkResponseParity(scenarios[name], real.url, baseline.url);
  if (peer) for (const name of peered) await checkPeerParity(scenarios[name], real.url, peer.url);

  const admin = new pg.Client(database.url);
  await admin.connect();
  cleanup.add(() => admin.end());

  const measurements: Measurement[] = [];
  for (let round = 1; round <= config.rounds; round++) {
    for (const [index, name] of config.scenarios.entries()) {
      // Rotate who goes first, so that drift on the machine does not always favour one side.
      const scenario = scenarios[name];
      const servers = peer && scenario.peerRequest ? [real, baseline, peer] : [real, baseline];
      const shift = (round + index) % servers.length;
      const order = [...servers.slice(shift), ...servers.slice(0, shift)];
      for (const server of order) {
        progress(`round ${round}/${config.rounds}: ${name} on ${server.name}`);
        const request = server === peer ? scenario.peerRequest!(server.url) : scenario.request(server.url);
        const m = await measure(server, scenario, round, config, admin, signal, request);
        measurements.push(m);
        progress(
          `  ${(m.load.ok / m.load.durationSeconds).toFixed(0)} req/s, p50 ${m.load.latency.p50} ms, p99 ${m.load.latency.p99} ms, ${(m.serverCpuMicros / m.load.requests).toFixed(0)} µs CPU/req, ${m.load.failures} failed, load average ${m.loadAverage.toFixed(2)}`,
        );
      }
    }
  }

  const comparisons: Comparison[] = config.scenarios.map((name) => compare(scenarios[name], measurements, REAL, BASELINE));
  const names = { real: REAL, baseline: BASELINE };
  const about = await environment(database.url, database.mode);
  const method = `${config.connections} connections, ${config.warmupSeconds} s warm-up + ${config.durationSeconds} s measured per scenario and server, ${config.rounds} round(s), servers loaded alternately; pool max ${config.poolMax}; ${config.projects} projects, ${config.sessions} sessions`;
  const output = [
    '',
    '## ambient-api vs node:http + pg baseline',
    '',
    ...about.map((line) => `- ${line}`),
    `- ${method}`,
    '',
    renderTable(comparisons, names),
    '',
    ...writeScaling(comparisons, config.connections),
    'Requests per second by round:',
    '',
    renderRounds(comparisons, names),
    '',
    'Server CPU per request by round (µs):',
    '',
    renderRounds(comparisons, names, 'cpu'),
    '',
    ...(peer
      ? [
          '## GraphQL: ambient-api, PostGraphile 5 and the baseline',
          '',
          'Same database, same runs; the peer has its own schema (bench/peer-graphql.ts) and was checked to return the same rows.',
          '',
          renderPeerTable(
            peered.map((name) => ({
              real: comparisons.find((c) => c.scenario.name === name)!,
              peer: compare(scenarios[name], measurements, PEER, BASELINE),
            })),
          ),
          '',
        ]
      : []),
    `Load average (1 min) at the end of each measured interval: ${measurements.map((m) => m.loadAverage.toFixed(1)).join(', ')}.`,
    '',
    'Statements per request (identical on both servers, checked):',
    '',
    '```',
    renderStatements(statements, graphqlStatements),
    '```',
    '',
    comparisons.every((c) => c.met)
      ? 'All goals met.'
      : `Goals missed: ${comparisons
          .filter((c) => !c.met)
          .map((c) => c.scenario.name)
          .join(', ')}.`,
  ];
  if (config.outputFile) {
    await fs.writeFile(config.outputFile, JSON.stringify({ environment: about, method, measurements, comparisons, statements, graphqlStatements }, null, 2));
    progress(`results written to ${config.outputFile}`);
  }
  process.stdout.write(`${output.join('\n')}\n`);
  if (config.cpuProfileDir) {
    // Profiles cover the servers' whole lives: warm-ups included. Per-request figures need these counts.
    for (const name of peer ? [REAL, BASELINE, PEER] : [REAL, BASELINE]) {
      const served = measurements.filter((m) => m.server === name).reduce((n, m) => n + m.warmup.requests + m.load.requests, 0);
      progress(
        `${name} served ${served} benchmark requests (warm-ups included): node --import tsx bench/profile-summary.ts ${path.join(config.cpuProfileDir, name)} 30 ${served}`,
      );
    }
  }
  cleanup.add(() => fs.rm(logDir, { recursive: true, force: true }));
}

/**
 * Whether writes scale with writers (issue 16 item 2): `create` at 64 connections against the
 * same scenario at BENCH_CONNECTIONS, for both servers. Goal: more at 64.
 */
function writeScaling(comparisons: readonly Comparison[], connections: number): string[] {
  const at = (name: string) => comparisons.find((c) => c.scenario.name === name);
  const [few, many] = [at('create'), at('create-64')];
  if (!few || !many) return [];
  const line = (label: string, a: number, b: number) => `- ${label}: ${a.toFixed(0)} → ${b.toFixed(0)} req/s (${(b / a).toFixed(2)}×)`;
  const scales = many.real.rps > few.real.rps;
  return [
    `Writes at ${connections} → 64 connections (create):`,
    '',
    line(REAL, few.real.rps, many.real.rps) + ` (goal > 1×: ${scales ? 'met' : '**missed**'})`,
    line(BASELINE, few.baseline.rps, many.baseline.rps),
    `- ratio to the baseline: ${few.ratio.toFixed(2)} at ${connections}, ${many.ratio.toFixed(2)} at 64`,
    '',
  ];
}

async function main(): Promise<void> {
  let config: BenchConfig;
  try {
    config = loadBenchConfig();
  } catch (error) {
    if (!(error instanceof BenchConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const cleanup = new Cleanup();
  // Stops a running autocannon at once (it is a process of its own and would run on).
  const loads = new AbortController();
  const interrupt = (signal: string) => {
    progress(`${signal}: cleaning up`);
    loads.abort();
    void cleanup.run().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => interrupt('SIGINT'));
  process.once('SIGTERM', () => interrupt('SIGTERM'));
  try {
    if (config.scenarios.length > 0) await bench(config, cleanup, loads.signal);
  } catch (error) {
    process.exitCode = 1;
    if (loads.signal.aborted) progress('interrupted');
    else progress(`failed: ${(error as Error).stack ?? String(error)}`);
  } finally {
    progress('cleaning up');
    await cleanup.run();
  }
  if (config.live && process.exitCode === undefined && !loads.signal.aborted) process.exitCode = await runLiveBench();
}

/** bench/live.ts in a process of its own: it starts its own server, database and subscribers. */
function runLiveBench(): Promise<number> {
  progress('live updates: node --import tsx bench/live.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/live.ts')], { stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

await main();
