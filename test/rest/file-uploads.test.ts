import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectError, useApi, V1, type TestApi } from '../support/api.ts';
import { sessionIn, type Json } from '../agui/support.ts';

/**
 * File pre-uploads (runtime.md §d row 5) over real HTTP: the embedded Postgres store, and the S3
 * store against a real S3-compatible server run here (s3rver, which accepts only SigV4-signed requests from keys it knows; it does not verify the secret), with
 * the legacy key layout, the 10 MB limit (413 code 32, nothing stored), hostile paths, roles, and
 * a server with pre-uploads switched off (503 code 31).
 */

const MB = 1024 * 1024;
const at = (id: string, rest = '') => `${V1}/sessions/${id}/file-uploads${rest}`;

async function key(api: TestApi, projectId: string, role: string): Promise<Record<string, string>> {
  const res = await api.request<Json>('POST', `${V1}/project_keys`, { body: { project_id: projectId, name: `${role}-key`, role } });
  expect(res.status, res.text).toBe(201);
  return { Authorization: `Bearer ${res.body['key'] as string}` };
}

/** The same behaviour from either store. */
function behaves(api: () => TestApi, stored: (key: string) => Promise<Buffer | undefined>) {
  test('upload before the pod runs, list, replace, delete; the key is <namespace>/<kube_cr_name>/file-uploads/<path>', async () => {
    const s = await sessionIn(api(), null);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    const put = await api().request<Json>('PUT', at(s.id, '/img/logo.png'), { raw: png, headers: { 'Content-Type': 'image/png' } });
    expect([put.status, put.body]).toEqual([200, { success: true, filename: 'img/logo.png', size: 8 }]);
    await api().request('PUT', at(s.id, '/notes.md'), { raw: 'first', headers: { 'Content-Type': 'text/markdown' } });
    await api().request('PUT', at(s.id, '/notes.md'), { raw: 'second version', headers: { 'Content-Type': 'text/markdown' } });
    const prefix = `${s.projectId}/${s.kubeCrName}/file-uploads/`;
    const list = await api().request<{ files: Json[] }>('GET', at(s.id));
    expect(list.status).toBe(200);
    expect(list.body.files.map((f) => [f['key'], f['size']])).toEqual([
      [`${prefix}img/logo.png`, 8],
      [`${prefix}notes.md`, 14],
    ]);
    expect(list.body.files[0]).toMatchObject({ last_modified: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), content_type: expect.any(String) });
    expect(await stored(`${prefix}img/logo.png`)).toEqual(png);
    expect((await stored(`${prefix}notes.md`))?.toString()).toBe('second version');

    expect((await api().request<Json>('DELETE', at(s.id, '/notes.md'))).body).toEqual({ success: true });
    expect((await api().request<{ files: Json[] }>('GET', at(s.id))).body.files.map((f) => f['key'])).toEqual([`${prefix}img/logo.png`]);
    expect(await stored(`${prefix}notes.md`)).toBeUndefined();
    // Another session's listing is its own.
    const other = await sessionIn(api(), null);
    expect((await api().request<{ files: Json[] }>('GET', at(other.id))).body.files).toEqual([]);
  });

  test('10 MB is the limit: one byte more is 413 code 32 (declared or streamed) and nothing is stored; empty is 400', async () => {
    const s = await sessionIn(api(), null);
    const exact = await api().request<Json>('PUT', at(s.id, '/exact.bin'), { raw: Buffer.alloc(10 * MB, 7) });
    expect([exact.status, exact.body['size']]).toEqual([200, 10 * MB]);
    expectError(await api().request('PUT', at(s.id, '/big.bin'), { raw: Buffer.alloc(10 * MB + 1, 7) }), 413, 32);
    // Without a Content-Length (chunked), refused while it streams.
    const chunked = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 11; i++) c.enqueue(new Uint8Array(MB));
        c.close();
      },
    });
    const res = await fetch(`${api().url}${at(s.id, '/chunked.bin')}`, { method: 'PUT', body: chunked, duplex: 'half' } as RequestInit);
    expect([res.status, ((await res.json()) as Json)['code']]).toEqual([413, 'ambient-api-server-32']);
    expectError(await api().request('PUT', at(s.id, '/empty.txt'), { raw: '' }), 400, 8);
    const files = (await api().request<{ files: Json[] }>('GET', at(s.id))).body.files;
    expect(files.map((f) => String(f['key']).split('/').at(-1))).toEqual(['exact.bin']);
  });

  test('hostile paths are 400 code 8; a viewer lists but may not upload or delete; no role is 404', async () => {
    const s = await sessionIn(api(), null);
    for (const p of ['/..%2f..%2fx', '/a/%252e%252e/x', '/%00x', '/a%5cb']) expectError(await api().request('PUT', at(s.id, p), { raw: 'x' }), 400, 8);
    const viewer = await key(api(), s.projectId, 'view');
    expect((await api().request('GET', at(s.id), { headers: viewer })).status).toBe(200);
    expectError(await api().request('PUT', at(s.id, '/x.txt'), { raw: 'x', headers: viewer }), 403, 11);
    expectError(await api().request('DELETE', at(s.id, '/x.txt'), { headers: viewer }), 403, 11);
    const stranger = await key(api(), (await sessionIn(api(), null)).projectId, 'admin');
    expectError(await api().request('GET', at(s.id), { headers: stranger }), 404, 7);
    expect((await api().request<{ files: Json[] }>('GET', at(s.id))).body.files).toEqual([]);
  });
}

describe('Postgres store (the default)', () => {
  const api = useApi();
  behaves(api, async (k) => {
    const { rows } = await api().db.pool.query<{ data: Buffer }>('SELECT data FROM session_file_upload_chunks WHERE key = $1 ORDER BY n', [k]);
    return rows.length === 0 ? undefined : Buffer.concat(rows.map((r) => r.data));
  });
});

describe('S3 store against an S3-compatible server', () => {
  let s3rver: S3rver;
  let endpoint: string;
  let directory: string;
  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'ambient-s3-'));
    s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'uploads', configs: [] }] });
    const { port } = await s3rver.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await s3rver.close();
    await fs.rm(directory, { recursive: true, force: true });
  });
  // s3rver accepts only SigV4-signed requests from access keys it knows (it does not check the secret).
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const api = useApi(() => ({
    FILE_UPLOADS_STORE: 's3',
    S3_BUCKET: 'uploads',
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  }));
  behaves(api, async (k) => {
    const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials });
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: 'uploads', Key: k }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    } finally {
      client.destroy();
    }
  });
  const forged = useApi(() => ({
    FILE_UPLOADS_STORE: 's3',
    S3_BUCKET: 'uploads',
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: 'UNKNOWNKEY',
    S3_SECRET_ACCESS_KEY: 'not-the-secret',
  }));
  test('an access key the server does not know: it refuses the request, the caller gets 503 code 31 and nothing is stored', async () => {
    const s = await sessionIn(forged(), null);
    expectError(await forged().request('PUT', at(s.id, '/a.txt'), { raw: 'x' }), 503, 31);
    expectError(await forged().request('GET', at(s.id)), 503, 31);
  });
});

describe('S3 unreachable, and pre-uploads switched off', () => {
  const wrong = useApi(() => ({
    FILE_UPLOADS_STORE: 's3',
    S3_BUCKET: 'uploads',
    S3_ENDPOINT: 'http://127.0.0.1:9',
    S3_ACCESS_KEY_ID: 'x',
    S3_SECRET_ACCESS_KEY: 'y',
  }));
  const off = useApi({ FILE_UPLOADS_STORE: 'off' });
  test('an unreachable store is 503 code 31; off is 503 code 31 for every method', async () => {
    const s = await sessionIn(wrong(), null);
    const failed = await wrong().request<Json>('PUT', at(s.id, '/a.txt'), { raw: 'x' });
    expectError(failed, 503, 31);
    expect(failed.text).not.toContain('127.0.0.1:9');
    const o = await sessionIn(off(), null);
    expectError(await off().request('GET', at(o.id)), 503, 31);
    expectError(await off().request('PUT', at(o.id, '/a.txt'), { raw: 'x' }), 503, 31);
    expectError(await off().request('DELETE', at(o.id, '/a.txt')), 503, 31);
  });
});
