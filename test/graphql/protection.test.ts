import fs from 'node:fs';
import http from 'node:http';
import { describe, expect, test } from 'vitest';
import { ProjectsDocument, SessionsDocument, ViewerDocument } from '../../src/generated/graphql/graphql.ts';
import { LIMITS, MAX_PAGE_SIZE } from '../../src/schema/builder.ts';
import { trustedDocumentsManifest } from '../../src/graphql/handler.ts';
import { useGraphqlServer } from './support.ts';

/** Limits, per-environment switches, the offline GraphiQL page, and trusted documents. */

const open = useGraphqlServer();
const locked = useGraphqlServer({ graphiql: false, introspection: false });
const manifest = trustedDocumentsManifest(
  JSON.parse(fs.readFileSync(new URL('../../src/generated/graphql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>,
);
const trustedOnly = useGraphqlServer({ trustedDocuments: { documents: manifest, allowArbitraryOperations: false } });

async function post(
  url: string,
  body: unknown,
): Promise<{ status: number; errors?: { message: string; extensions: { code: number; field?: string } }[]; data?: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer admin' }, body: JSON.stringify(body) });
  return { status: res.status, ...((await res.json()) as object) };
}

describe('query limits', () => {
  test(`depth over ${LIMITS.depth} is refused before anything runs`, async () => {
    const nested = 'parent { '.repeat(LIMITS.depth) + 'id' + ' }'.repeat(LIMITS.depth);
    const result = await post(open().url, { query: `{ sessions(first: 1) { nodes { ${nested} } } }` });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 21 } });
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^query depth \\d+ exceeds the maximum of ${LIMITS.depth}$`));
  });

  test(`cost over ${LIMITS.complexity} is refused; pages multiply what they contain`, async () => {
    const result = await post(open().url, { query: '{ projects(first: 100) { nodes { sessions(first: 100) { nodes { id name phase } } } } }' });
    expect(result.errors?.[0]?.message).toMatch(new RegExp(`^query complexity \\d+ exceeds the maximum of ${LIMITS.complexity}$`));
    expect(result.errors?.[0]?.extensions.code).toBe(21);
    expect((await post(open().url, { query: '{ projects(first: 20) { nodes { sessions(first: 10) { nodes { id name phase } } } } }' })).errors).toBeUndefined();
  });

  test('a full page of sessions with every field passes; an alias bomb does not', async () => {
    // The frontend's own selection of a session (graphql/sessions.graphql), lists of objects included.
    const documents = fs.readFileSync(new URL('../../graphql/sessions.graphql', import.meta.url), 'utf8');
    const fragment = /^fragment SessionFields on Session \{$[\s\S]*?^\}$/m.exec(documents)![0];
    const page = await post(open().url, {
      query: `{ sessions(first: ${MAX_PAGE_SIZE}) { totalCount nodes { ...SessionFields project { id name } } } } ${fragment}`,
    });
    expect(page.errors).toBeUndefined();

    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: sessions(first: ${MAX_PAGE_SIZE}) { nodes { id } }`).join(' ');
    const bomb = await post(open().url, { query: `{ ${aliases} }` });
    expect(bomb.errors?.[0]?.message).toMatch(new RegExp(`^query complexity \\d+ exceeds the maximum of ${LIMITS.complexity}$`));
  });

  test(`pages hold at most ${MAX_PAGE_SIZE} items`, async () => {
    const [error] = await open().errors(SessionsDocument, { first: MAX_PAGE_SIZE + 1 });
    expect(error).toMatchObject({ message: `first must be between 0 and ${MAX_PAGE_SIZE}`, extensions: { code: 8, field: 'first' } });
    const [negative] = await open().errors(SessionsDocument, { last: -1 });
    expect(negative?.extensions.field).toBe('last');
    const [filter] = await open().errors(SessionsDocument, { where: { name: { in: Array.from({ length: 101 }, (_, i) => `s${i}`) } } });
    expect(filter).toMatchObject({ extensions: { code: 8, field: 'in' } });
  });
});

describe('per environment', () => {
  test('introspection answers where it is on, and is refused where it is off', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect((await post(open().url, { query })).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const refused = await post(locked().url, { query });
    expect(refused.errors?.[0]?.extensions.code).toBe(21);
    expect((await locked().data(ViewerDocument)).viewer).toBeNull();
  });

  test('GraphiQL is served completely offline, with the example operations preloaded', async () => {
    const res = await fetch(open().url, { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    // Nothing the page loads may come from elsewhere: no external src/href, no CSS url() or @import.
    const loads = [
      ...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/gi),
      ...html.matchAll(/url\(\s*["']?([^"')]*)/gi),
      ...html.matchAll(/@import\s+["']([^"']*)["']/gi),
    ].map((m) => m[1]!);
    expect(loads.filter((target) => /^(https?:)?\/\//i.test(target))).toEqual([]);
    expect(html).toContain('ProjectsWithLatestSessions');
    expect(html).toContain('mutation StartSession');

    const disabled = await fetch(locked().url, { headers: { Accept: 'text/html' } });
    expect(disabled.headers.get('content-type') ?? '').not.toMatch(/^text\/html/);
  });
});

describe('trusted documents', () => {
  test('a known document runs by its hash, with arbitrary operations still allowed by default', async () => {
    const result = await open().execute(ProjectsDocument, { first: 1 }, { persisted: true });
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 21 } }); // no manifest configured here
    const trusted = await trustedOnly().execute(ProjectsDocument, { first: 1 }, { persisted: true });
    expect(trusted.errors).toBeUndefined();
    expect(trusted.data?.projects.totalCount).toBe(0);
  });

  test('where only trusted documents are accepted, anything else is refused', async () => {
    const arbitrary = await trustedOnly().execute(ProjectsDocument, { first: 1 });
    expect(arbitrary.errors?.[0]).toMatchObject({ message: 'only persisted documents are accepted', extensions: { code: 21 } });
    const unknown = await post(trustedOnly().url, { documentId: 'sha256:0000', variables: {} });
    expect(unknown.errors?.[0]).toMatchObject({ message: 'unknown persisted document', extensions: { code: 21 } });
    const apqStyle = await post(trustedOnly().url, { extensions: { persistedQuery: { version: 1, sha256Hash: [...manifest.keys()][0] } } });
    expect(apqStyle.errors).toBeUndefined();
  });
});

describe('request bodies', () => {
  /** Sends raw bytes, so the test controls Content-Length and Transfer-Encoding itself. */
  function send(url: string, headers: http.OutgoingHttpHeaders, chunks: string[]): Promise<{ status: number; body: { code?: string; reason?: string } }> {
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer admin', ...headers } }, (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (chunk: string) => (text += chunk))
          .on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { code?: string; reason?: string } }));
      });
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  test('a body over 1 MiB is refused as too large', async () => {
    const query = `{ viewer { username } }${' '.repeat(1024 * 1024)}`;
    const body = JSON.stringify({ query });
    const result = await send(open().url, { 'Content-Length': Buffer.byteLength(body) }, [body]);
    expect(result.status).toBe(413);
    expect(result.body.code).toBe('ambient-api-server-32');
  });

  test('a body without a declared length is refused; the same body with one runs', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const chunked = await send(open().url, { 'Transfer-Encoding': 'chunked' }, [body.slice(0, 5), body.slice(5)]);
    expect(chunked.status).toBe(400);
    expect(chunked.body).toMatchObject({ code: 'ambient-api-server-17', reason: 'Invalid request format: Content-Length is required' });
    const declared = await send(open().url, { 'Content-Length': Buffer.byteLength(body) }, [body]);
    expect(declared).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });
});
