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
