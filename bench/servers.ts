import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The two servers under test, each a Node process of its own started the same way
 * (`node --import tsx <entry>`), so that loader, start-up and runtime flags are identical and
 * /proc can attribute CPU time to each.
 */

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ServerSpec {
  /** Short name used in the report and for log and profile files. */
  name: string;
  /** Entry point, relative to the repository root. */
  entry: string;
  env: Record<string, string>;
  /** The `application_name` of its Postgres connections (others may add `-<role>`), to find its backends. */
  applicationName: string;
  /** Where its stdout and stderr go. */
  logFile: string;
  /** When set, the process runs with `--cpu-prof` and writes its profiles to `<dir>/<name>/` on exit. */
  cpuProfileDir?: string | undefined;
}

export interface RunningServer {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly applicationName: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the servers log their address only at info level). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

async function waitUntilServing(child: ChildProcess, url: string, spec: ServerSpec, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited(child)) throw new Error(`${spec.name} exited during start-up (code ${child.exitCode}, signal ${child.signalCode}):\n${tail(spec.logFile)}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${spec.name} did not answer ${url}/healthz within ${timeoutMs} ms:\n${tail(spec.logFile)}`);
}

export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await freePort();
  const flags = ['--import', 'tsx'];
  // One directory per server: Node writes a profile per thread (the main one, and tsx's loader
  // thread), named after pid and thread id; the largest is the main thread's.
  if (spec.cpuProfileDir) flags.push('--cpu-prof', `--cpu-prof-dir=${path.join(spec.cpuProfileDir, spec.name)}`);
  const log = openSync(spec.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...flags, path.join(REPO_ROOT, spec.entry)], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...spec.env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log); // the child has its own copy
  }
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited(child)) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  };
  try {
    await waitUntilServing(child, url, spec);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name: spec.name, pid: child.pid!, url, applicationName: spec.applicationName, stop };
}
