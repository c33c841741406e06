import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { GRAPHQL_PATH, graphqlRequest } from './baseline-graphql.ts';
import { BaselineError, createBaselinePool, createSession, getSession, HREF_BASE, listSessions } from './baseline-sessions.ts';

/**
 * The baseline the real server is measured against: `node:http` + `pg` + `JSON.stringify`, serving
 * only the benchmarked requests with the real server's SQL (bench/baseline-sessions.ts; for the two
 * GraphQL reads, bench/baseline-graphql.ts). No
 * authentication, no logging, no metrics, no validation framework: what is left is the floor that
 * any Node server issuing these statements pays.
 *
 * Environment: DATABASE_URL, PORT, DATABASE_POOL_MAX, BENCH_CREATOR_ID (the user id recorded as
 * `created_by_user_id`, which the real server takes from the authenticated caller).
 */

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const pool = createBaselinePool(required('DATABASE_URL'), Number(process.env['DATABASE_POOL_MAX'] ?? 10));
const creatorId = required('BENCH_CREATOR_ID');

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new BaselineError(400, 'body must be a JSON object');
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (path === '/healthz') return send(res, 200, { status: 'ok' });
  if (path === HREF_BASE && req.method === 'GET') {
    const project = url.searchParams.get('project_id') ?? header(req, 'x-ambient-project');
    if (project === undefined) throw new BaselineError(400, 'a project is required (X-Ambient-Project)');
    const page = Number(url.searchParams.get('page') ?? 1);
    const size = Number(url.searchParams.get('size') ?? 100);
    return send(res, 200, await listSessions(pool, project, page, size));
  }
  if (path === HREF_BASE && req.method === 'POST') {
    const body = await readJson(req);
    const project = typeof body['project_id'] === 'string' ? body['project_id'] : header(req, 'x-ambient-project');
    if (typeof body['name'] !== 'string' || project === undefined) throw new BaselineError(400, 'name and project_id are required');
    const session = await createSession(pool, body['name'], project, creatorId);
    return send(res, 201, session, { Location: session['href'] as string });
  }
  if (path === GRAPHQL_PATH && req.method === 'POST') {
    const result = await graphqlRequest(pool, await readJson(req));
    if (result === undefined) throw new BaselineError(400, 'not one of the benchmarked GraphQL documents');
    return send(res, 200, result, { 'Content-Type': 'application/json; charset=utf-8' });
  }
  if (path.startsWith(`${HREF_BASE}/`) && req.method === 'GET') {
    const session = await getSession(pool, decodeURIComponent(path.slice(HREF_BASE.length + 1)));
    if (!session) throw new BaselineError(404, 'not found');
    return send(res, 200, session);
  }
  throw new BaselineError(404, 'not found');
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    const status = error instanceof BaselineError ? error.status : 500;
    if (status === 500) process.stderr.write(`baseline: ${(error as Error).stack ?? String(error)}\n`);
    if (!res.headersSent) send(res, status, { kind: 'Error', reason: (error as Error).message });
    else res.destroy();
  });
});
// The real server keeps idle keep-alive connections as long (src/server/server.ts).
server.keepAliveTimeout = 65_000;

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ msg: 'baseline ready', url: `http://127.0.0.1:${address.port}` })}\n`);
});

// A clean exit on SIGTERM, so that `--cpu-prof` gets to write its profile.
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void pool.end().finally(() => process.exit(0)));
});
