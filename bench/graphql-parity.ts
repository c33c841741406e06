import type { Logger } from '../src/log.ts';
import { createBaselinePool } from './baseline-sessions.ts';
import { graphqlRequest, LATEST_VARIABLES } from './baseline-graphql.ts';
import type { ScenarioName } from './config.ts';
import { graphqlBody } from './scenarios.ts';
import { capture, compareStatements, ParityError, type OperationStatements, type Statement } from './sql-parity.ts';

/**
 * SQL parity for the GraphQL scenarios (see bench/sql-parity.ts for the REST ones). The real
 * GraphQL server's reads go through Prisma, which writes its own SQL, so the statements are taken
 * from the real thing: this process starts the real GraphQL handler wired as src/main.ts wires it
 * (the same configuration, services, development-mode authenticator, HTTP server and a pool like
 * the server's), sends it each scenario's request over HTTP, and records every statement its pool
 * sends while the request is served (`pg.Client#query`, which the Prisma adapter goes through too).
 * The baseline must then send the same texts, in the same order, with the same parameters, and
 * answer with the same body, byte for byte.
 *
 * Each request is sent twice and the second is what counts: the first request after start-up
 * also reads the caller's user row, which the server then caches for 30 s. Both are reported.
 */

export interface GraphqlParityInput {
  databaseUrl: string;
  poolMax: number;
  /** The local id of the session graphql-get reads. */
  sessionId: string;
  scenarios: readonly ScenarioName[];
  log: Logger;
}

export interface GraphqlStatements {
  /** Per request, once the server is warm (identical on both servers, checked). */
  operations: OperationStatements[];
  /** Statements the real server sent only for its first request (then cached), by their text. */
  firstRequestOnly: Statement[];
}

const GRAPHQL_SCENARIOS = ['graphql-get', 'graphql-latest'] as const satisfies readonly ScenarioName[];

export async function checkGraphqlSqlParity(input: GraphqlParityInput): Promise<GraphqlStatements> {
  const selected = GRAPHQL_SCENARIOS.filter((name) => input.scenarios.includes(name));
  if (selected.length === 0) return { operations: [], firstRequestOnly: [] };
  // Loaded only when needed: importing the handler builds the whole GraphQL schema (seconds of CPU).
  const [{ loadConfig }, { createPool }, { graphqlHandlerFor }, { createApiServer }, { createServices }] = await Promise.all([
    import('../src/config.ts'),
    import('../src/db/database.ts'),
    import('../src/graphql/handler.ts'),
    import('../src/server/server.ts'),
    import('../src/services.ts'),
  ]);
  const { log } = input;
  // The environment bench/run.ts starts the real server with.
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: input.databaseUrl,
    DATABASE_POOL_MAX: String(input.poolMax),
    LOG_LEVEL: 'warn',
    RECONCILER: 'off',
  });
  const pool = createPool(input.databaseUrl, 2, log);
  const baseline = createBaselinePool(input.databaseUrl, 2);
  const services = createServices({ pool, connectionString: input.databaseUrl }, config, log);
  const api = createApiServer({
    database: { pool, connectionString: input.databaseUrl, mode: 'external', check: () => Promise.resolve({ ok: true }), close: () => Promise.resolve() },
    log,
    version: 'bench',
    buildTime: new Date(0).toISOString(),
    metrics: services.metrics,
    handlers: [
      graphqlHandlerFor(services, {
        graphiql: config.graphiql,
        introspection: config.graphqlIntrospection,
        corsOrigins: config.corsOrigins,
        log,
      }),
    ],
  });
  try {
    const { port } = await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}/graphql`;
    const post = async (body: string) => {
      const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'identity' }, body });
      const text = await response.text();
      if (response.status !== 200) throw new ParityError(`GraphQL parity: the real server answered ${response.status}: ${text.slice(0, 500)}`);
      return text;
    };
    const operations: OperationStatements[] = [];
    let firstRequestOnly: Statement[] = [];
    for (const [index, name] of selected.entries()) {
      const body = graphqlBody(name, input.sessionId);
      const first = await capture(() => post(body));
      const real = await capture(() => post(body));
      if (index === 0) firstRequestOnly = first.statements.filter((s) => !real.statements.some((r) => r.text === s.text));
      const base = await capture(async () => JSON.stringify(await graphqlRequest(baseline, JSON.parse(body) as Record<string, unknown>)));
      compareStatements(name, real.statements, base.statements, []);
      const a = real.result as string;
      const b = base.result as string;
      if (a !== b) throw new ParityError(`response parity (${name}): the bodies differ\n  real:     ${a.slice(0, 2000)}\n  baseline: ${b.slice(0, 2000)}`);
      // Two servers that agree on an error or an empty answer would compare nothing.
      const answer = JSON.parse(a) as { data?: { session?: unknown; sessions?: { nodes: unknown[] } }; errors?: unknown };
      const empty = name === 'graphql-get' ? !answer.data?.session : answer.data?.sessions?.nodes.length !== LATEST_VARIABLES.first;
      if (answer.errors !== undefined || empty) throw new ParityError(`${name}: the real server's answer is not the expected data: ${a.slice(0, 500)}`);
      operations.push({ operation: name, statements: real.statements });
    }
    return { operations, firstRequestOnly };
  } finally {
    await api.shutdown(1000);
    await Promise.all([pool.end(), baseline.end()]);
  }
}
