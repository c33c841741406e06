import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { graphqlHandlerFor } from '../../src/graphql/handler.ts';
import { createOAuthCallbackHandler } from '../../src/integrations/oauth/callback-route.ts';
import { createRestHandler } from '../../src/rest/handler.ts';
import { API_ROUTES } from '../../src/rest/routes.ts';
import { createApiServer, type ApiServer } from '../../src/server/server.ts';
import { createServices, type Services } from '../../src/services.ts';
import { checkAgainstOpenApi } from '../support/api.ts';
import { createTestDatabase, testLog, type TestDatabase } from '../support/database.ts';
import { TEST_KEY } from '../support/domain.ts';

/**
 * The whole API as `npm start` wires it — REST, GraphQL and the OAuth callback — over real HTTP on
 * the test file's own database, with the configuration (authentication above all) from `env`.
 * REST responses are checked against the OpenAPI document, as in test/support/api.ts.
 */

export interface AuthServer {
  url: string;
  db: TestDatabase;
  services: Services;
  config: Config;
  /** A REST or root-path request; `token` becomes `Authorization: Bearer`. Event streams are closed once their headers arrive. */
  request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string | undefined; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: T; text: string }>;
  /** A GraphQL operation. */
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<{ status: number; data?: T | null; errors?: { message: string; extensions: { code: number } }[] }>;
}

export function useAuthServer(env: () => Record<string, string>): () => AuthServer {
  let server: AuthServer;
  let api: ApiServer;
  beforeAll(async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ CREDENTIALS_ENCRYPTION_KEY: TEST_KEY.toString('base64'), ...env() });
    const database: Database = { pool: db.pool, connectionString: db.url, mode: 'external', check: async () => ({ ok: true }), close: async () => undefined };
    const services = createServices(database, config, testLog);
    await services.feed.start();
    api = createApiServer({
      database,
      log: testLog,
      version: '0.0.0-test',
      buildTime: '2026-01-01T00:00:00.000Z',
      handlers: [
        createRestHandler({ routes: API_ROUTES, services, authenticator: services.authenticator, corsOrigins: [] }),
        createOAuthCallbackHandler({ flows: services.integrations.oauth, authenticator: services.authenticator }),
        graphqlHandlerFor(services, {
          graphiql: false,
          introspection: true,
          corsOrigins: [],
          log: testLog,
        }),
      ],
    });
    const { port } = (await api.listen(0, '127.0.0.1')) as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    server = {
      url,
      db,
      services,
      config,
      async request(method, path, options = {}) {
        const headers: Record<string, string> = { ...options.headers };
        if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`;
        let body: string | undefined;
        if (options.body !== undefined) {
          body = JSON.stringify(options.body);
          headers['Content-Type'] = 'application/json';
        }
        const controller = new AbortController();
        const res = await fetch(`${url}${path}`, { method, headers, body, redirect: 'manual', signal: controller.signal });
        // An event stream never ends by itself: its status and headers are the answer.
        if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
          controller.abort();
          return { status: res.status, headers: res.headers, body: '' as never, text: '' };
        }
        const text = await res.text();
        const parsed = (res.headers.get('content-type') ?? '').startsWith('application/json') && text ? (JSON.parse(text) as unknown) : text;
        checkAgainstOpenApi(method, path, res.status, parsed);
        return { status: res.status, headers: res.headers, body: parsed as never, text };
      },
      async graphql(query, variables, token) {
        const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
        if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
        const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
        return { status: res.status, ...((await res.json()) as object) };
      },
    };
  });
  afterAll(async () => {
    await server.services.feed.stop();
    await api.shutdown(1000);
    await server.db.drop();
  });
  return () => server;
}
