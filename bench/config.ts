/**
 * The benchmark's settings, read once from the environment (`npm run bench`). Every knob has a
 * default that keeps a whole run within a few minutes on a small machine; the names are listed in
 * docs/performance.md.
 */

export type ScenarioName = 'list' | 'get' | 'create' | 'create-64' | 'graphql-get' | 'graphql-latest';

export const SCENARIO_NAMES: readonly ScenarioName[] = ['list', 'get', 'create', 'create-64', 'graphql-get', 'graphql-latest'];

/** Not a load against both servers but a run of its own (bench/live.ts), after the others. */
const LIVE = 'live';

export interface BenchConfig {
  /**
   * Maintenance URL of the Postgres server the bench database is created on. Undefined: try
   * `defaultServerUrl`, and start an embedded Postgres when it does not answer.
   */
  serverUrl: string | undefined;
  defaultServerUrl: string;
  /** Dropped and recreated at the start, dropped at the end. */
  databaseName: string;
  projects: number;
  sessions: number;
  /** autocannon connections, the same for both servers. */
  connections: number;
  /** Seconds of warm-up load before each measured interval (not measured). */
  warmupSeconds: number;
  /** Seconds of each measured interval. */
  durationSeconds: number;
  /** Each round measures every scenario on both servers, in alternating order. */
  rounds: number;
  /** Postgres pool size of both servers (the real server's DATABASE_POOL_MAX). */
  poolMax: number;
  scenarios: readonly ScenarioName[];
  /** Run the live-update benchmark (bench/live.ts) after the scenarios. */
  live: boolean;
  /** When set, both servers run with `--cpu-prof` and write their profiles here. */
  cpuProfileDir: string | undefined;
  /** When set, the results are also written there as JSON. */
  outputFile: string | undefined;
}

export class BenchConfigError extends Error {}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new BenchConfigError(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return Number(text);
}

function selection(text: string | undefined): { scenarios: ScenarioName[]; live: boolean } {
  if (text === undefined || text.trim() === '') return { scenarios: [...SCENARIO_NAMES], live: true };
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = [...SCENARIO_NAMES, LIVE];
  for (const name of names) {
    if (!known.includes(name)) throw new BenchConfigError(`BENCH_SCENARIOS: unknown scenario ${JSON.stringify(name)} (known: ${known.join(', ')})`);
  }
  return { scenarios: names.filter((name) => name !== LIVE) as ScenarioName[], live: names.includes(LIVE) };
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const databaseName = env['BENCH_DATABASE_NAME'] ?? 'ambient_bench';
  // The name is interpolated into CREATE/DROP DATABASE: allow plain identifiers only.
  if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new BenchConfigError('BENCH_DATABASE_NAME must be a plain lower-case identifier');
  const sessions = positiveInteger(env, 'BENCH_SESSIONS', 10_000);
  const projects = positiveInteger(env, 'BENCH_PROJECTS', 100);
  // The scenarios need three distinct projects (list, create, get) with sessions in each.
  if (projects < 3 || sessions < projects) throw new BenchConfigError('BENCH_PROJECTS must be at least 3 and BENCH_SESSIONS at least BENCH_PROJECTS');
  return {
    serverUrl: nonEmpty(env['BENCH_DATABASE_URL']),
    defaultServerUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
    databaseName,
    projects,
    sessions,
    connections: positiveInteger(env, 'BENCH_CONNECTIONS', 16),
    warmupSeconds: positiveInteger(env, 'BENCH_WARMUP', 3),
    durationSeconds: positiveInteger(env, 'BENCH_DURATION', 10),
    rounds: positiveInteger(env, 'BENCH_ROUNDS', 3),
    poolMax: positiveInteger(env, 'BENCH_POOL_MAX', 10),
    ...selection(env['BENCH_SCENARIOS']),
    cpuProfileDir: nonEmpty(env['BENCH_CPU_PROF_DIR']),
    outputFile: nonEmpty(env['BENCH_OUTPUT']),
  };
}
