import http from 'node:http';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { PEER_GRAPHQL_PATH } from './peer-graphql.ts';

/**
 * The peer the GraphQL scenarios are also measured against: PostGraphile 5 (a pinned dev
 * dependency) with its default Amber preset over the bench database's `public` schema, served by
 * grafserv's node:http adapter, in production mode (no GraphiQL, no watch, no explain). It runs on
 * the same Node as the real server and the baseline, so that all three share one V8 and the ratios
 * compare servers, not runtimes.
 *
 * PostGraphile 5 declares Node ≥ 22. On Node 20 the one thing it uses that is missing is
 * `Promise.withResolvers` (ES2024; grafserv, grafast and @dataplan/pg call it, none falls back):
 * the first request fails with `TypeError: Promise.withResolvers is not a function`. The spec's
 * definition below is the whole of the difference; nothing else from Node 22 is reached on the
 * benchmarked paths (the response-parity check fails the run if that changes).
 *
 * Environment: DATABASE_URL, PORT, DATABASE_POOL_MAX.
 */

const withResolvers = <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};
const PromiseWithResolvers = Promise as unknown as { withResolvers?: typeof withResolvers };
PromiseWithResolvers.withResolvers ??= withResolvers;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const pgService = makePgService({
  connectionString: required('DATABASE_URL'),
  schemas: ['public'],
  poolConfig: { max: Number(process.env['DATABASE_POOL_MAX'] ?? 10), application_name: 'ambient-bench-postgraphile' },
});

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [pgService],
  grafserv: { graphqlPath: PEER_GRAPHQL_PATH, graphiql: false, watch: false },
  grafast: { explain: false },
});
const serv = pgl.createServ(grafserv);

// `createHandler` rather than `addTo`: the bench needs no websockets, and a handler with a `next`
// lets /healthz (what bench/servers.ts polls) be answered beside it.
const graphql = serv.createHandler();
const server = http.createServer((req, res) => {
  void graphql(req, res, () => {
    const healthz = req.url === '/healthz';
    res.writeHead(healthz ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(healthz ? '{"status":"ok"}' : '{"errors":[{"message":"not found"}]}');
  });
});
// The real server keeps idle keep-alive connections as long (src/server/server.ts).
server.keepAliveTimeout = 65_000;

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ msg: 'postgraphile ready', url: `http://127.0.0.1:${address.port}` })}\n`);
});

// A clean exit on SIGTERM, so that `--cpu-prof` gets to write its profile.
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void Promise.all([serv.release(), pgl.release()]).finally(() => process.exit(0)));
});
