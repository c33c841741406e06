import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * Measures the server's memory while it exports a session with a million stored events (runtime.md
 * §d row 14, issue 15 item 4): the real server (`src/main.ts`) in its own process on a scratch
 * database, the events inserted with one INSERT … SELECT, and the server's resident set (VmRSS of
 * /proc/<pid>/status) sampled every 10 ms during the download, which this process reads and counts
 * without keeping. A small export first warms the code path.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/export-memory.ts [events]
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const count = Number(process.argv[2] ?? 1_000_000);
const adminUrl = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `ambient_exportmem_${process.pid}`;

const rssKib = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: root,
  env: { PATH: process.env['PATH']!, PORT: '0', LOG_LEVEL: 'info', DATABASE_URL: url.toString() },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const db = new pg.Client({ connectionString: url.toString() });
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
  const project = await json('POST', '/projects', { name: `exportmem-${process.pid}` });
  const small = await json('POST', '/sessions', { name: 'small', project_id: project['id'] });
  const big = await json('POST', '/sessions', { name: 'big', project_id: project['id'] });
  await db.connect();
  const insert = (session: string, n: number) =>
    db.query(
      `INSERT INTO agui_events (session_id, thread_id, run_id, type, payload)
       SELECT $1, $1, 'run-' || (i / 1000), 'TEXT_MESSAGE_CONTENT',
              jsonb_build_object('type', 'TEXT_MESSAGE_CONTENT', 'threadId', $1::text, 'runId', 'run-' || (i / 1000), 'messageId', 'm' || (i / 50),
                                 'delta', repeat('x', 60) || i)
       FROM generate_series(1, $2::int) AS i`,
      [session, n],
    );
  const seeded = Date.now();
  await insert(small['id'] as string, 5_000);
  await insert(big['id'] as string, count);
  const seedMs = Date.now() - seeded;

  const download = async (id: string) => {
    const res = await fetch(`${base}/sessions/${id}/export`);
    const reader = res.body!.getReader();
    let bytes = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) bytes += next.value.length;
    return { status: res.status, bytes };
  };
  for (let i = 0; i < 3; i++) await download(small['id'] as string);

  const before = rssKib(child.pid!);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssKib(child.pid!))), 10);
  const started = Date.now();
  const result = await download(big['id'] as string);
  clearInterval(timer);
  peak = Math.max(peak, rssKib(child.pid!));
  const mb = (k: number) => (k / 1024).toFixed(1);
  console.log(
    JSON.stringify({
      events: count,
      seed_ms: seedMs,
      export: { status: result.status, bytes: result.bytes, ms: Date.now() - started },
      server_rss_mb: { before: mb(before), peak: mb(peak) },
      growth_mb: mb(peak - before),
    }),
  );
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  await db.end().catch(() => undefined);
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.end();
}
