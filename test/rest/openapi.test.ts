import fs from 'node:fs/promises';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { KINDS } from '../../src/kinds/index.ts';
import { openApiDocument } from '../../src/rest/openapi.ts';
import { API_ROUTES } from '../../src/rest/routes.ts';
import { ALIAS, V1, checkAgainstOpenApi, useApi } from '../support/api.ts';

/** The OpenAPI document: generated from the routes and Kinds, committed, served, and complete. */

const api = useApi();
const generated = openApiDocument(API_ROUTES);

test('served at {base}/openapi on both base paths, equal to the committed file', async () => {
  const committed = parse(await fs.readFile(new URL('../../openapi/openapi.yaml', import.meta.url), 'utf8')) as unknown;
  for (const base of [V1, ALIAS]) {
    const res = await api().request('GET', `${base}/openapi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.body).toEqual(committed);
  }
  expect(committed).toEqual(JSON.parse(JSON.stringify(generated)));
});

test('every Kind has its five operations; every $ref resolves; the bearer scheme is declared', () => {
  expect(generated.openapi).toBe('3.1.0');
  expect(generated.components?.securitySchemes?.['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
  for (const kind of KINDS) {
    expect(Object.keys(generated.paths![`/${kind.plural}`]!).sort()).toEqual(['get', 'post']);
    expect(Object.keys(generated.paths![`/${kind.plural}/{id}`]!).sort()).toEqual(['delete', 'get', 'patch']);
  }
  const refs = [...JSON.stringify(generated).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  expect(refs.length).toBeGreaterThan(100);
  for (const ref of new Set(refs)) expect(generated.components?.schemas?.[ref], ref).toBeDefined();
  const operationIds = Object.values(generated.paths!).flatMap((item) => Object.values(item).map((op) => (op as { operationId: string }).operationId));
  expect(new Set(operationIds).size).toBe(operationIds.length);
});

test('every head-contract route (H1–H5, H7, H10) is in the document with its request and success response schemas', () => {
  type Operation = {
    requestBody?: { content: Record<string, { schema?: unknown }> };
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  };
  // [method, path, request body?, success status, success media type (absent: no body)]
  const routes: [string, string, boolean, string, string?][] = [
    ['get', '/projects/{id}/agents', false, '200', 'application/json'],
    ['post', '/projects/{id}/agents', true, '201', 'application/json'],
    ['get', '/projects/{id}/agents/{agent_id}', false, '200', 'application/json'],
    ['patch', '/projects/{id}/agents/{agent_id}', true, '200', 'application/json'],
    ['delete', '/projects/{id}/agents/{agent_id}', false, '204'],
    ['post', '/projects/{id}/agents/{agent_id}/start', true, '201', 'application/json'],
    ['get', '/projects/{id}/agents/{agent_id}/start', false, '200', 'application/json'],
    ['get', '/projects/{id}/agents/{agent_id}/ignition', false, '200', 'application/json'],
    ['get', '/projects/{id}/agents/{agent_id}/sessions', false, '200', 'application/json'],
    ['get', '/projects/{id}/agents/{agent_id}/inbox', false, '200', 'application/json'],
    ['post', '/projects/{id}/agents/{agent_id}/inbox', true, '201', 'application/json'],
    ['patch', '/projects/{id}/agents/{agent_id}/inbox/{msg_id}', true, '200', 'application/json'],
    ['delete', '/projects/{id}/agents/{agent_id}/inbox/{msg_id}', false, '204'],
    ['get', '/projects/{id}/home', false, '200', 'application/json'],
    ['post', '/sessions/{id}/messages', true, '201', 'application/json'],
    ['get', '/sessions/{id}/messages', false, '200', 'text/event-stream'],
    ['post', '/sessions/{id}/model', true, '200', 'application/json'],
    ['get', '/sessions/{id}/events', false, '200', 'text/event-stream'],
    ['get', '/projects/{id}/credentials', false, '200', 'application/json'],
    ['post', '/projects/{id}/credentials', true, '201', 'application/json'],
    ['get', '/credentials/{id}/token', false, '200', 'application/json'],
    ['get', '/projects/{id}/credentials/{cred_id}/token', false, '200', 'application/json'],
    ['get', '/version', false, '200', 'application/json'],
    ['delete', '/users/{id}', false, '204'],
  ];
  for (const [method, path, body, status, media] of routes) {
    const op = (generated.paths![path] as Record<string, Operation> | undefined)?.[method];
    expect(op, `${method} ${path}`).toBeDefined();
    if (body) expect(op!.requestBody?.content['application/json']?.schema, `${method} ${path} request`).toBeDefined();
    else expect(op!.requestBody, `${method} ${path} request`).toBeUndefined();
    const success = op!.responses[status];
    expect(success, `${method} ${path} ${status}`).toBeDefined();
    if (media) expect(success!.content?.[media]?.schema, `${method} ${path} ${status} ${media}`).toBeDefined();
    // Every route with input (a path id, a body) documents the contract Error for bad input; /version takes none.
    if (path !== '/version') expect(op!.responses['400']?.content?.['application/json']?.schema, `${method} ${path} 400`).toBeDefined();
  }
  const token = (generated.paths!['/credentials/{id}/token'] as Record<string, Operation>)['get']!.responses['200']!.content!['application/json']!.schema;
  expect(JSON.stringify(token)).toMatch(/CredentialToken|token/);
});

test('JSON-text fields carry their JSON shape as contentSchema', () => {
  const session = generated.components!.schemas!['Session'] as { properties: Record<string, Record<string, unknown>> };
  expect(session.properties['repos']).toMatchObject({
    type: 'string',
    contentMediaType: 'application/json',
    contentSchema: { type: 'array', items: { $ref: '#/components/schemas/SessionRepo' } },
  });
  expect(generated.components!.schemas!['SessionRepo']).toMatchObject({ required: ['url'], additionalProperties: false });
});

test('the response check rejects what the document does not allow (it can fail)', () => {
  expect(() => checkAgainstOpenApi('GET', `${V1}/projects/x`, 200, { id: 'x', kind: 'Project' })).toThrow();
  expect(() => checkAgainstOpenApi('GET', `${V1}/projects`, 418, {})).toThrow(/not documented/);
});
