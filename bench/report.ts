import type { ScenarioName } from './config.ts';
import type { Measurement } from './measure.ts';
import type { Scenario } from './scenarios.ts';

/**
 * Turns the measurements into the side-by-side table of docs/performance.md: per scenario, each
 * server's throughput, latency and CPU per request, and the real/baseline ratios against the goal
 * (a minimum req/s ratio for the REST scenarios, a maximum CPU-per-request ratio for GraphQL).
 */

export interface Aggregate {
  /** Successful responses per second over all rounds. */
  rps: number;
  /** Mean over rounds of each round's percentile (ms). */
  p50: number;
  p99: number;
  /** Server process CPU per completed request (µs). */
  cpuPerRequest: number;
  /** Its Postgres backends' CPU per completed request (µs); undefined when not measurable. */
  dbCpuPerRequest: number | undefined;
  requests: number;
  failures: number;
  /** Successful responses per second of each round, in round order. */
  roundRps: number[];
  /** Server CPU per completed request (µs) of each round, in round order. */
  roundCpu: number[];
}

export interface Comparison {
  scenario: Scenario;
  real: Aggregate;
  baseline: Aggregate;
  /** real/baseline requests per second. */
  ratio: number;
  /** real/baseline server CPU per request. */
  cpuRatio: number;
  /** Whether the scenario's goal (on `ratio` or `cpuRatio`, see Scenario['goal']) is met. */
  met: boolean;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const mean = (values: readonly number[]) => sum(values) / values.length;

export function aggregate(measurements: readonly Measurement[]): Aggregate {
  if (measurements.length === 0) throw new Error('nothing to aggregate');
  const requests = sum(measurements.map((m) => m.load.requests));
  const db = measurements.map((m) => m.dbCpuMicros);
  return {
    rps: sum(measurements.map((m) => m.load.ok)) / sum(measurements.map((m) => m.load.durationSeconds)),
    p50: mean(measurements.map((m) => m.load.latency.p50)),
    p99: mean(measurements.map((m) => m.load.latency.p99)),
    cpuPerRequest: sum(measurements.map((m) => m.serverCpuMicros)) / requests,
    dbCpuPerRequest: db.every((d) => d !== undefined) ? sum(db) / requests : undefined,
    requests,
    failures: sum(measurements.map((m) => m.load.failures)),
    roundRps: [...measurements].sort((a, b) => a.round - b.round).map((m) => m.load.ok / m.load.durationSeconds),
    roundCpu: [...measurements].sort((a, b) => a.round - b.round).map((m) => m.serverCpuMicros / m.load.requests),
  };
}

export function compare(scenario: Scenario, measurements: readonly Measurement[], realName: string, baselineName: string): Comparison {
  const of = (server: string) => aggregate(measurements.filter((m) => m.scenario === scenario.name && m.server === server));
  const real = of(realName);
  const baseline = of(baselineName);
  const ratio = real.rps / baseline.rps;
  const cpuRatio = real.cpuPerRequest / baseline.cpuPerRequest;
  const { goal } = scenario;
  return { scenario, real, baseline, ratio, cpuRatio, met: goal.metric === 'throughput' ? ratio >= goal.min : cpuRatio <= goal.max };
}

const fixed = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const times = (a: number, b: number) => (b === 0 ? '–' : `${(a / b).toFixed(2)}×`);

/** The side-by-side table (Markdown). */
export function renderTable(comparisons: readonly Comparison[], names: { real: string; baseline: string }): string {
  const lines = [
    '| Scenario | Server | req/s | p50 (ms) | p99 (ms) | server CPU (µs/req) | Postgres CPU (µs/req) | failed |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const row = (scenario: ScenarioName, server: string, a: Aggregate) =>
    `| ${scenario} | ${server} | ${fixed(a.rps)} | ${fixed(a.p50, 1)} | ${fixed(a.p99, 1)} | ${fixed(a.cpuPerRequest)} | ${a.dbCpuPerRequest === undefined ? 'n/a' : fixed(a.dbCpuPerRequest)} | ${a.failures} |`;
  for (const c of comparisons) {
    const name = c.scenario.name;
    lines.push(row(name, names.real, c.real), row(name, names.baseline, c.baseline));
    const db =
      c.real.dbCpuPerRequest !== undefined && c.baseline.dbCpuPerRequest !== undefined ? times(c.real.dbCpuPerRequest, c.baseline.dbCpuPerRequest) : 'n/a';
    // The goal's ratio is bold and followed by the verdict; the other ratios are plain.
    const verdict = `${c.met ? 'met' : '**missed**'}`;
    const { goal } = c.scenario;
    const rps = goal.metric === 'throughput' ? `**${c.ratio.toFixed(2)}** (goal ≥ ${goal.min.toFixed(1)}: ${verdict})` : c.ratio.toFixed(2);
    const cpu =
      goal.metric === 'cpu'
        ? `**${times(c.real.cpuPerRequest, c.baseline.cpuPerRequest)}** (goal ≤ ${goal.max.toFixed(1)}×: ${verdict})`
        : times(c.real.cpuPerRequest, c.baseline.cpuPerRequest);
    lines.push(`| ${name} | **ratio** | ${rps} | ${times(c.real.p50, c.baseline.p50)} | ${times(c.real.p99, c.baseline.p99)} | ${cpu} | ${db} | |`);
  }
  return lines.join('\n');
}

/**
 * One figure of every round, to show how noisy the machine was: requests per second, or (`cpu`)
 * server CPU per request in µs with the real/baseline ratio of the round.
 */
export function renderRounds(comparisons: readonly Comparison[], names: { real: string; baseline: string }, metric: 'rps' | 'cpu' = 'rps'): string {
  const rounds = Math.max(...comparisons.map((c) => c.real.roundRps.length));
  const header = Array.from({ length: rounds }, (_, i) => `round ${i + 1}`);
  const lines = [`| Scenario | Server | ${header.join(' | ')} |`, `| --- | --- | ${header.map(() => '---:').join(' | ')} |`];
  const of = (a: Aggregate) => (metric === 'rps' ? a.roundRps : a.roundCpu);
  for (const c of comparisons) {
    lines.push(
      `| ${c.scenario.name} | ${names.real} | ${of(c.real)
        .map((r) => fixed(r))
        .join(' | ')} |`,
    );
    lines.push(
      `| ${c.scenario.name} | ${names.baseline} | ${of(c.baseline)
        .map((r) => fixed(r))
        .join(' | ')} |`,
    );
    if (metric === 'cpu') lines.push(`| ${c.scenario.name} | ratio | ${c.real.roundCpu.map((r, i) => times(r, c.baseline.roundCpu[i] ?? 0)).join(' | ')} |`);
  }
  return lines.join('\n');
}

/**
 * The GraphQL scenarios with the peer: each server's req/s and CPU per request, and the ratios the
 * goals of issue 12 are stated in (ours to PostGraphile's requests per second: ≥ 1.5 for both reads).
 */
export function renderPeerTable(rows: readonly { real: Comparison; peer: Comparison }[]): string {
  const lines = [
    '| Scenario | req/s ours / PostGraphile / baseline | ours ÷ baseline | PostGraphile ÷ baseline | **ours ÷ PostGraphile** (goal ≥ 1.5) | server CPU µs/req ours / PostGraphile / baseline | Postgres CPU µs/req ours / PostGraphile / baseline |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const db = (a: Aggregate) => (a.dbCpuPerRequest === undefined ? 'n/a' : fixed(a.dbCpuPerRequest));
  for (const { real, peer } of rows) {
    const ours = real.real;
    const theirs = peer.real;
    const base = real.baseline;
    const vsPeer = ours.rps / theirs.rps;
    lines.push(
      `| ${real.scenario.name} | ${fixed(ours.rps)} / ${fixed(theirs.rps)} / ${fixed(base.rps)} | ${real.ratio.toFixed(2)} | ${peer.ratio.toFixed(2)} | **${vsPeer.toFixed(2)}** (${vsPeer >= 1.5 ? 'met' : 'missed'}) | ${fixed(ours.cpuPerRequest)} / ${fixed(theirs.cpuPerRequest)} / ${fixed(base.cpuPerRequest)} | ${db(ours)} / ${db(theirs)} / ${db(base)} |`,
    );
  }
  return lines.join('\n');
}
