import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './servers.ts';

/**
 * Where a server spent its CPU: a summary of a V8 `.cpuprofile` (as written by `node --cpu-prof`,
 * e.g. by `BENCH_CPU_PROF_DIR=… npm run bench`).
 *
 *   node --import tsx bench/profile-summary.ts <file.cpuprofile | directory> [top] [requests]
 *
 * With the number of requests the server served (the bench prints it), times are also given in
 * microseconds per request. Given a directory (`BENCH_CPU_PROF_DIR/<server>`), reads its largest profile: the main thread's.
 * Prints the busy time (idle and start-up excluded) by area — a file of ours, a package, a part of Node — by
 * self time, and the functions with the most inclusive time (self plus callees). Profile a single
 * scenario (BENCH_SCENARIOS) so that the numbers describe one kind of request.
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const NODE_MODULES = /node_modules\/((?:@[^/]+\/)?[^/]+)/;

/** The area a frame belongs to: `src/<dir>/<file>`, a package name, `node:<module>`, or V8's own. */
export function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = NODE_MODULES.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:'))
    return url
      .replace(/^node:(internal\/)?/, 'node:')
      .split('/')
      .slice(0, 2)
      .join('/');
  const file = url.startsWith('file://') ? new URL(url).pathname : url;
  return path.relative(REPO_ROOT, file);
}

function frameName(frame: CallFrame): string {
  // Files compiled by tsx report line 0 for every function: leave the line out then.
  const line = frame.lineNumber > 0 ? `:${frame.lineNumber + 1}` : '';
  return `${frame.functionName || '(anonymous)'} ${areaOf(frame)}${line}`;
}

export interface Summary {
  /** Busy time before the first HTTP request (module loading, migrations): left out of the rest. */
  startupMs: number;
  busyMs: number;
  idleMs: number;
  byArea: [string, number][];
  /** Self time by function: shows which native calls (JSON, buffers, sockets) the time goes to. */
  byFunction: [string, number][];
  inclusive: [string, number][];
}

export function summarize(profile: CpuProfile): Summary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let startup = 0;
  // Start-up ends with the first sample inside node:http's request handling.
  const inHttp = (id: number) => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) if (byId.get(at)!.callFrame.url === 'node:_http_server') return true;
    return false;
  };
  let serving = false;
  profile.samples.forEach((id, i) => {
    // timeDeltas[i] is the time before sample i; attribute it to that sample (µs).
    const delta = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id)!;
    if (node.callFrame.functionName === '(idle)') {
      idle += delta;
      return;
    }
    serving ||= inHttp(id);
    if (!serving) {
      startup += delta;
      return;
    }
    busy += delta;
    const area = areaOf(node.callFrame);
    self.set(area, (self.get(area) ?? 0) + delta);
    const name = frameName(node.callFrame);
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(byId.get(at)!.callFrame);
      if (seen.has(name)) continue; // recursion: count a function once per sample
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + delta);
    }
  });
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, v / 1000] as [string, number]);
  return {
    startupMs: startup / 1000,
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    byArea: sorted(self),
    byFunction: sorted(selfByFunction),
    inclusive: sorted(inclusive),
  };
}

function print(summary: Summary, top: number, requests: number | undefined): void {
  const perRequest = (ms: number) => (requests ? `${((ms * 1000) / requests).toFixed(1).padStart(7)} µs/req` : '');
  const pct = (ms: number) => `${((100 * ms) / summary.busyMs).toFixed(1).padStart(5)}%${perRequest(ms)}`;
  const lines = [
    `busy ${summary.busyMs.toFixed(0)} ms${perRequest(summary.busyMs)} (start-up before the first request, ${summary.startupMs.toFixed(0)} ms, left out), idle ${summary.idleMs.toFixed(0)} ms`,
    '',
    'self time by area:',
  ];
  for (const [area, ms] of summary.byArea.slice(0, top)) lines.push(`  ${pct(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${area}`);
  lines.push('', 'self time by function:');
  for (const [name, ms] of summary.byFunction.slice(0, top)) lines.push(`  ${pct(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  lines.push('', 'inclusive time by function (ours and packages; Node internals and V8 left out):');
  const interesting = summary.inclusive.filter(([name]) => !/ (node:|\(|native)/.test(name) && !name.startsWith('('));
  for (const [name, ms] of interesting.slice(0, top)) lines.push(`  ${pct(ms)}  ${ms.toFixed(0).padStart(7)} ms  ${name}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** The profile itself, or a directory's largest profile. */
function profileFile(given: string): string {
  if (!statSync(given).isDirectory()) return given;
  const files = readdirSync(given)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(given, f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  if (!files[0]) throw new Error(`no .cpuprofile in ${given}`);
  return files[0];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const given = process.argv[2];
  if (!given) {
    process.stderr.write('usage: node --import tsx bench/profile-summary.ts <file.cpuprofile | directory> [top] [requests]\n');
    process.exit(2);
  }
  const file = profileFile(given);
  process.stdout.write(`${file}\n`);
  const requests = process.argv[4] === undefined ? undefined : Number(process.argv[4]);
  print(summarize(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile), Number(process.argv[3] ?? 25), requests);
}
