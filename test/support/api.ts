import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/database.ts';
import { createRestHandler } from '../../src/rest/handler.ts';
import { openApiDocument } from '../../src/rest/openapi.ts';
import { documentedPath, Router } from '../../src/rest/router.ts';
import { API_ROUTES } from '../../src/rest/routes.ts';
import { createApiServer, type ApiServer } from '../../src/server/server.ts';
import { createServices, type ServiceOverrides, type Services } from '../../src/services.ts';
import { createTestDatabase, testLog, type TestDatabase } from './database.ts';
import { TEST_KEY } from './domain.ts';

/**
 * The API over real HTTP for black-box tests: a server on an ephemeral port on the test file's own
 * database. Every response is checked against the OpenAPI document (status documented, body
 * matching its schema), so the document and the server cannot disagree unnoticed.
 */

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Raw body text or bytes, sent as given. */
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Skip the OpenAPI response check (for responses outside the API, e.g. /metrics). */
  unchecked?: boolean;
}

export interface TestApi {
  url: string;
  db: TestDatabase;
  services: Services;
  request<T = Record<string, unknown>>(method: string, path: string, options?: RequestOptions): Promise<ApiResponse<T>>;
}

export const V1 = '/api/ambient/v1';
export const ALIAS = '/api/ambient-api-server/v1';

const document = openApiDocument(API_ROUTES);
const router = new Router(API_ROUTES);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
ajv.addFormat('int32', true);
ajv.addFormat('int64', true);
ajv.addFormat('double', true);
ajv.addSchema({ $id: 'api', components: document.components });
const validators = new Map<string, ValidateFunction>();

function responseValidator(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(JSON.parse(key.replaceAll('"#/components/', '"api#/components/')) as object);
    validators.set(key, validate);
  }
  return validate;
}

/** Fails the test when a response is not what the OpenAPI document says. */
export function checkAgainstOpenApi(method: string, path: string, status: number, body: unknown): void {
  const base = [V1, ALIAS].find((b) => path.startsWith(b));
  if (!base) return;
  const match = router.match(method, path.slice(base.length).split('?')[0]!.replace(/\/+$/, ''));
  if (!match || !('route' in match)) {
    expect(body, `${method} ${path}`).toMatchObject({ kind: 'Error' });
    return;
  }
  const operation = document.paths![documentedPath(match.route.path)]![method.toLowerCase() as 'get']!;
  const response = operation.responses?.[String(status)] as { content?: Record<string, { schema: object }> } | undefined;
  expect(response, `${method} ${path}: status ${status} is not documented`).toBeDefined();
  const schema = response!.content?.['application/json']?.schema;
  if (!schema) return;
  const validate = responseValidator(schema);
  expect(validate(body), `${method} ${path} → ${status}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

/** `env` and `overrides` may be functions, evaluated when the server starts (after earlier `beforeAll`s ran). */
export function useApi(
  env: Record<string, string> | (() => Record<string, string>) = {},
  overrides: ServiceOverrides | (() => ServiceOverrides) = {},
): () => TestApi {
  let api: TestApi;
  let server: ApiServer;
  beforeAll(async () => {
    const db = await createTestDatabase();
    const config = loadConfig({ CREDENTIALS_ENCRYPTION_KEY: TEST_KEY.toString('base64'), ...(typeof env === 'function' ? env() : env) });
    const database: Database = { pool: db.pool, connectionString: db.url, mode: 'external', check: async () => ({ ok: true }), close: async () => undefined };
    // Hermetic: no Kubernetes from the environment unless a test brings its own.
    const services = createServices(database, config, testLog, { kubeConfig: null, ...(typeof overrides === 'function' ? overrides() : overrides) });
    await services.feed.start();
    await services.agui.start();
    const rest = createRestHandler({ routes: API_ROUTES, services, authenticator: services.authenticator, corsOrigins: config.corsOrigins });
    server = createApiServer({
      database,
      log: testLog,
      version: '0.0.0-test',
      buildTime: '2026-01-01T00:00:00.000Z',
      metrics: services.metrics,
      handlers: [rest],
    });
    const { port } = (await server.listen(0, '127.0.0.1')) as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    api = {
      url,
      db,
      services,
      async request(method, path, options = {}) {
        const headers: Record<string, string> = { ...options.headers };
        let body: string | Buffer | undefined = options.raw;
        if (options.body !== undefined) {
          body = JSON.stringify(options.body);
          headers['Content-Type'] ??= 'application/json';
        }
        const res = await fetch(`${url}${path}`, { method, headers, body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body) });
        const text = await res.text();
        const contentType = res.headers.get('content-type') ?? '';
        const parsed = contentType.startsWith('application/json') && text ? (JSON.parse(text) as unknown) : text;
        if (!options.unchecked) checkAgainstOpenApi(method, path, res.status, parsed);
        return { status: res.status, headers: res.headers, body: parsed as never, text };
      },
    };
  });
  afterAll(async () => {
    await api.services.agui.stop();
    await api.services.feed.stop();
    await server.shutdown(1000);
    await api.db.drop();
  });
  return () => api;
}

/** Asserts the contract's Error body and returns its reason. */
export function expectError(response: ApiResponse, status: number, code: number): string {
  expect(response.status, response.text).toBe(status);
  const body = response.body as Record<string, unknown>;
  expect(body).toMatchObject({ kind: 'Error', id: String(code), code: `ambient-api-server-${code}`, href: `${V1}/errors/${code}` });
  expect(body['operation_id']).toBe(response.headers.get('x-operation-id'));
  return body['reason'] as string;
}
