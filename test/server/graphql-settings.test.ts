import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { useServerProcesses } from '../support/process.ts';

/**
 * GraphQL settings as an operator sets them: the real entry point started with
 * GRAPHQL_TRUSTED_DOCUMENTS naming the codegen client's persisted-documents manifest.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = path.join(root, 'src/generated/graphql/persisted-documents.json');
const start = useServerProcesses();
const admin = new pg.Client(inject('postgres').serverUrl);
let databaseUrl: string;
let name: string;

beforeAll(async () => {
  const { serverUrl, prefix } = inject('postgres');
  name = `${prefix}${randomBytes(6).toString('hex')}`;
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  databaseUrl = u.toString();
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

async function knownDocument(): Promise<[hash: string, text: string]> {
  const manifest = JSON.parse(await fs.readFile(MANIFEST, 'utf8')) as Record<string, string>;
  return Object.entries(manifest).find(([, text]) => text.startsWith('query ServerVersion'))!;
}

async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; encoding: string | null; result: { data?: unknown; errors?: { message: string }[] } }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' },
    body: JSON.stringify(body),
  });
  return { status: res.status, encoding: res.headers.get('content-encoding'), result: (await res.json()) as never };
}

test('GRAPHQL_TRUSTED_DOCUMENTS enforced: a known hash runs, an unknown hash and free-form text are refused', { timeout: 60_000 }, async () => {
  const [hash, text] = await knownDocument();
  const server = await start({ DATABASE_URL: databaseUrl, GRAPHQL_TRUSTED_DOCUMENTS: MANIFEST, GRAPHQL_ARBITRARY_OPERATIONS: 'off' });
  const known = await post(server.url, { documentId: hash });
  expect(known.result.errors).toBeUndefined();
  expect(known.result.data).toMatchObject({ serverVersion: { version: expect.any(String) as string } });
  expect(known.encoding).toBe('gzip'); // compressed like every non-stream response (rest-contract §2)
  const unknown = await post(server.url, { documentId: `sha256:${'0'.repeat(64)}` });
  expect(unknown.result.errors?.[0]?.message).toBe('unknown persisted document');
  // Even the text of a trusted document is refused as free-form text at /graphql: only its hash runs.
  for (const query of ['{ serverVersion { version } }', text]) {
    const freeForm = await post(server.url, { query });
    expect(freeForm.result.data).toBeUndefined();
    expect(freeForm.result.errors?.[0]?.message).toBe('only persisted documents are accepted');
  }
  expect(await server.stop()).toBe(0);
});

test('GRAPHQL_TRUSTED_DOCUMENTS with arbitrary operations allowed (the development default): hashes and text both run', { timeout: 60_000 }, async () => {
  const [hash] = await knownDocument();
  const server = await start({ DATABASE_URL: databaseUrl, GRAPHQL_TRUSTED_DOCUMENTS: MANIFEST });
  expect((await post(server.url, { documentId: hash })).result.data).toMatchObject({ serverVersion: {} });
  expect((await post(server.url, { query: '{ serverVersion { version } }' })).result.data).toMatchObject({ serverVersion: {} });
  expect((await post(server.url, { documentId: `sha256:${'0'.repeat(64)}` })).result.errors?.[0]?.message).toBe('unknown persisted document');
  expect(await server.stop()).toBe(0);
});
