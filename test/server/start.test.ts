import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect, inject, test } from 'vitest';
import { useServerProcesses } from '../support/process.ts';

/**
 * `npm start` as an operator runs it: the real entry point in its own process, on a Postgres given
 * by DATABASE_URL and on the embedded default, with restarts, a crash and bad configuration.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const start = useServerProcesses();

async function ready(url: string): Promise<unknown> {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: await res.json() };
}

test('with DATABASE_URL: migrates an empty database and serves /readyz', async () => {
  const { serverUrl, prefix } = inject('postgres');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    const server = await start({ DATABASE_URL: u.toString() });
    expect(await ready(server.url)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(server.output()).toMatch(/"database":"external"/);
    expect(await server.stop()).toBe(0);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
});

test('without DATABASE_URL: embedded Postgres under DATA_DIR, restarts, and recovers from a crash', async () => {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-start-'));
  await fs.chmod(dataDir, 0o755); // reachable by the postgres OS user when tests run as root
  try {
    const first = await start({ DATA_DIR: dataDir });
    expect(await ready(first.url)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(first.output()).toMatch(/"database":"embedded"/);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toMatch(/"msg":"stopped"/);

    const second = await start({ DATA_DIR: dataDir });
    expect(second.output()).not.toMatch(/cluster initialised/);
    expect(await ready(second.url)).toEqual({ status: 200, body: { status: 'ready' } });
    await second.stop('SIGKILL'); // leaves its Postgres running, as a crash would

    const third = await start({ DATA_DIR: dataDir });
    expect(third.output()).toMatch(/stopping a cluster left running by a previous process/);
    expect(await ready(third.url)).toEqual({ status: 200, body: { status: 'ready' } });
    expect(await third.stop('SIGINT')).toBe(0);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
});

test('bad configuration: one message listing every problem, exit code 1', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env['PATH']!, PORT: 'x', LOG_LEVEL: 'chatty' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
  expect(stderr).toBe('invalid configuration:\n  - PORT must be an integer\n  - LOG_LEVEL must be one of debug, info, warn, error\n');
});
