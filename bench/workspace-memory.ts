import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { FakeRunner } from '../test/support/fake-runner.ts';

/**
 * Measures how much a 100 MB workspace file read and write grow the server's memory (runtime.md §d
 * rows 2–3, issue 15 item 1): the real server (`src/main.ts`) in its own process on a scratch
 * database, the fake runner in this one, and the server's peak resident set (`VmHWM` of
 * /proc/<pid>/status) just before each transfer and its highest value sampled every 10 ms during it
 * (the peak `VmHWM` is useless here: start-up, with tsx compiling, already peaks higher).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/workspace-memory.ts [megabytes]
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const megabytes = Number(process.argv[2] ?? 100);
const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ambient_wsmem_${process.pid}`;

function kib(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`))!;
  return Number(/(\d+)/.exec(line)![1]);
}

/** Samples the child's resident set while `work` runs: [before, highest during] in KiB. */
async function sampled<T>(pid: number, work: () => Promise<T>): Promise<[number, number, T]> {
  const before = kib(pid, 'VmRSS');
  let highest = before;
  const timer = setInterval(() => (highest = Math.max(highest, kib(pid, 'VmRSS'))), 10);
  try {
    const result = await work();
    highest = Math.max(highest, kib(pid, 'VmRSS'));
    return [before, highest, result];
  } finally {
    clearInterval(timer);
  }
}

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const runner = await FakeRunner.start();
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: root,
  env: { PATH: process.env['PATH']!, PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: url.toString(), RUNNER_URL_TEMPLATE: runner.urlTemplate },
  stdio: ['ignore', 'pipe', 'pipe'],
});
try {
  const base = await new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /"url":"(http:\/\/[^"]+)".*"msg":"ambient-api ready"/.exec(output);
      if (ready) resolve(`${ready[1]!}/api/ambient/v1`);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
  const json = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return (await res.json()) as Record<string, unknown>;
  };
  const project = await json('POST', '/projects', { name: `wsmem-${process.pid}` });
  const session = await json('POST', '/sessions', { name: 's', project_id: project['id'] });
  const id = session['id'] as string;
  await json('POST', `/sessions/${id}/start`);
  await json('PATCH', `/sessions/${id}/status`, { phase: 'Running' });
  const files = runner.session(session['kube_cr_name'] as string).files;

  // Warm-up: small transfers, so the baseline includes the code paths' own allocations.
  files.set('small.bin', Buffer.alloc(64 * 1024, 1));
  for (let i = 0; i < 5; i++) {
    await (await fetch(`${base}/sessions/${id}/workspace/small.bin`)).arrayBuffer();
    await fetch(`${base}/sessions/${id}/workspace/small-up.bin`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: Buffer.alloc(64 * 1024, 2),
    });
  }

  const size = megabytes * 1024 * 1024;
  const readBig = () =>
    sampled(child.pid!, async () => {
      files.set('big.bin', Buffer.alloc(size, 7));
      let received = 0;
      const res = await fetch(`${base}/sessions/${id}/workspace/big.bin`);
      const reader = res.body!.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) received += next.value.length;
      files.delete('big.bin');
      return { status: res.status, received };
    });
  // The upload is generated as it is sent, so this process does not hold it either.
  const writeBig = () => {
    const chunk = Buffer.alloc(1024 * 1024, 9);
    let sent = 0;
    const upload = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    return sampled(child.pid!, () =>
      fetch(`${base}/sessions/${id}/workspace/big-up.bin`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream' },
        body: upload,
        duplex: 'half',
      } as RequestInit),
    );
  };
  // WRITE_FIRST=1 swaps the order: the first large transfer also grows V8's young generation.
  const writeFirst = process.env['WRITE_FIRST'] === '1';
  const [writeBefore0, writePeak0, write0] = writeFirst ? await writeBig() : [0, 0, undefined];
  const [readBefore, readPeak, readResult] = await readBig();
  const [writeBefore, writePeak, write] = writeFirst ? [writeBefore0, writePeak0, write0!] : await writeBig();
  const read = { status: readResult.status };
  const received = readResult.received;
  const written = files.get('big-up.bin')?.length ?? 0;
  const mb = (k: number) => (k / 1024).toFixed(1);
  console.log(
    JSON.stringify({
      file_mb: megabytes,
      read: { status: read.status, bytes: received },
      write: { status: write.status, stored_bytes: written },
      server_rss_mb: { before_read: mb(readBefore), peak_read: mb(readPeak), before_write: mb(writeBefore), peak_write: mb(writePeak) },
      growth_mb: { read: mb(readPeak - readBefore), write: mb(writePeak - writeBefore) },
    }),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await runner.close();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.end();
}
