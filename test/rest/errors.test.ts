import { describe, expect, test } from 'vitest';
import { ERROR_CODES } from '../../src/domain/errors.ts';
import { ALIAS, V1, expectError, useApi } from '../support/api.ts';

/** Every status and error code the REST contract defines, and hostile input (rest-contract §3.3, §4, §7). */

const api = useApi({ CORS_ORIGINS: 'https://ui.example.com' });
/** A server started without CREDENTIALS_ENCRYPTION_KEY. */
const withoutKey = useApi({ CREDENTIALS_ENCRYPTION_KEY: '' });
type Json = Record<string, unknown>;

async function project(name = `p-${Math.random().toString(36).slice(2, 10)}`) {
  return (await api().request<Json>('POST', `${V1}/projects`, { body: { name } })).body;
}

describe('routing', () => {
  test('unknown routes: 404 code 7 in the Error shape, on both base paths; GET {base} itself too', async () => {
    for (const path of [`${V1}/nothing`, `${ALIAS}/nothing/here`, V1, `${V1}/sessions/x/unknown-action`]) {
      expectError(await api().request('GET', path), 404, 7);
    }
  });

  test('known path, wrong method: 405 code 10 with Allow', async () => {
    const res = await api().request('PUT', `${V1}/sessions`);
    expectError(res, 405, 10);
    expect(res.headers.get('allow')).toBe('GET, POST');
    const item = await api().request('POST', `${V1}/projects/abc`);
    expect(item.headers.get('allow')).toBe('GET, PATCH, DELETE');
  });

  test('the error catalogue', async () => {
    const list = await api().request<{ items: Json[]; total: number }>('GET', `${V1}/errors`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((e) => e['id'])).toEqual(Object.keys(ERROR_CODES));
    expect(list.body.items[0]).toEqual({ kind: 'Error', id: '6', href: `${V1}/errors/6`, code: 'ambient-api-server-6', reason: ERROR_CODES[6].reason });
    expect((await api().request('GET', `${ALIAS}/errors/21`)).body).toMatchObject({ id: '21', reason: 'Bad request', href: `${V1}/errors/21` });
    expect(expectError(await api().request('GET', `${V1}/errors/99`), 404, 7)).toBe("error code '99' not found");
  });
});

describe('bodies', () => {
  test('malformed JSON, non-objects and empty bodies: 400 code 17', async () => {
    const a = api();
    const cases: [string | Buffer, RegExp][] = [
      ['{"name":', /^Invalid request format: body is not valid JSON/],
      ['[1,2]', /^Invalid request format: body must be a JSON object$/],
      ['"text"', /must be a JSON object/],
      ['', /request body is empty/],
      [Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), /not valid UTF-8/],
      ['['.repeat(100_000), /(nested too deeply|not valid JSON)/],
    ];
    for (const [raw, reason] of cases) {
      expect(expectError(await a.request('POST', `${V1}/projects`, { raw, headers: { 'Content-Type': 'application/json' } }), 400, 17)).toMatch(reason);
    }
  });

  test('unknown keys, missing required keys and wrong JSON types: 400 code 17; value rules: 400 code 8', async () => {
    const a = api();
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: 'ok-name', nope: 1 } }), 400, 17)).toBe(
      'Invalid request format: unknown field "nope"',
    );
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: {} }), 400, 17)).toBe(
      'Invalid request format: no value given for required property name',
    );
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: 42 } }), 400, 17)).toBe('Invalid request format: name must be a string');
    // Null and absent alike (rest-contract §7.2 rule 2), for the Kind schemas and the action bodies.
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: null } }), 400, 17)).toBe(
      'Invalid request format: no value given for required property name',
    );
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: 'Bad_Name' } }), 400, 8)).toBe(
      'project name must match DNS-1123 label format: ^[a-z][a-z0-9-]*[a-z0-9]$',
    );
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: 'kube-system' } }), 400, 8)).toBe("project name 'kube-system' is reserved");
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: 'x-y', id: 'mine' } }), 400, 8)).toBe('id must be empty');
    const p = await project();
    expect(expectError(await a.request('POST', `${V1}/sessions`, { body: { name: 's', project_id: p['id'], repos: [{ url: 'x' }] } }), 400, 17)).toBe(
      'Invalid request format: repos must be a string',
    );
    expect(expectError(await a.request('POST', `${V1}/sessions`, { body: { name: 's', project_id: p['id'], llm_temperature: 3 } }), 400, 8)).toBe(
      'llm_temperature must be between 0 and 2',
    );
    expect(expectError(await a.request('POST', `${V1}/sessions`, { body: { name: null, project_id: p['id'] } }), 400, 17)).toBe(
      'Invalid request format: no value given for required property name',
    );
    const s = await a.request('POST', `${V1}/sessions`, { body: { name: 's', project_id: p['id'], llm_model: null } });
    expect(s.status).toBe(201);
    expect(expectError(await a.request('POST', `${V1}/sessions/${String(s.body['id'])}/model`, { body: { model: null } }), 400, 17)).toBe(
      'Invalid request format: no value given for required property model',
    );
  });

  test('PATCH parses the body before looking the object up', async () => {
    expectError(await api().request('PATCH', `${V1}/sessions/unknown`, { raw: 'not json', headers: { 'Content-Type': 'application/json' } }), 400, 17);
    expectError(await api().request('PATCH', `${V1}/sessions/unknown`, { body: {} }), 404, 7);
  });

  test('content types: JSON and +json accepted, anything else 400 code 17', async () => {
    const a = api();
    for (const type of ['application/json; charset=utf-8', 'application/merge-patch+json']) {
      const res = await a.request('POST', `${V1}/projects`, {
        raw: JSON.stringify({ name: `ct-${Math.random().toString(36).slice(2, 8)}` }),
        headers: { 'Content-Type': type },
      });
      expect(res.status, res.text).toBe(201);
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      expect(expectError(await a.request('POST', `${V1}/projects`, { raw: '{"name":"x-y"}', headers: { 'Content-Type': type } }), 400, 17)).toBe(
        'Invalid request format: Unsupported Content-Type',
      );
    }
    const noType = await a.request('POST', `${V1}/projects`, { raw: Buffer.from(JSON.stringify({ name: 'no-content-type' })) });
    expect(noType.status, noType.text).toBe(201);
  });

  test('bodies over 1 MiB: 413 code 32, whether declared or streamed', async () => {
    const a = api();
    const big = JSON.stringify({ name: 'big', description: 'x'.repeat(1024 * 1024) });
    expectError(await a.request('POST', `${V1}/projects`, { raw: big, headers: { 'Content-Type': 'application/json' } }), 413, 32);
    const streamed = await fetch(`${a.url}${V1}/projects`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(100_000)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // The server stays healthy afterwards.
    expect((await a.request('GET', `${V1}/projects`)).status).toBe(200);
  });
});

describe('lifecycle conflicts and gateway errors', () => {
  test('409 code 6 with the contract reasons', async () => {
    const a = api();
    const p = await project();
    expect(expectError(await a.request('POST', `${V1}/projects`, { body: { name: p['name'] } }), 409, 6)).toBe(
      `Project with name='${String(p['name'])}' already exists`,
    );
    const s = (await a.request<Json>('POST', `${V1}/sessions`, { body: { name: 's', project_id: p['id'] } })).body;
    expect(expectError(await a.request('POST', `${V1}/sessions/${String(s['id'])}/stop`), 409, 6)).toBe(
      'cannot stop session in phase ""; must be Running, Creating, or Pending',
    );
    await a.request('POST', `${V1}/sessions/${String(s['id'])}/start`);
    expect(expectError(await a.request('POST', `${V1}/sessions/${String(s['id'])}/start`), 409, 6)).toBe(
      'cannot start session in phase "Pending"; must be empty, Stopped, Failed, or Completed',
    );
  });

  test('a dependency that is not configured: 503 code 31', async () => {
    expect(
      expectError(await withoutKey().request('POST', `${V1}/credentials`, { body: { provider: 'gitlab', token: 'glpat-abcdefghijklmnopqrst' } }), 503, 31),
    ).toBe('credential encryption is not configured');
  });
});

describe('authentication failures', () => {
  test('a malformed Authorization header or a bad project key: 401 code 15 with WWW-Authenticate, also on unknown paths', async () => {
    const a = api();
    for (const [path, authorization] of [
      [`${V1}/sessions`, 'Basic dXNlcjpwYXNz'],
      [`${V1}/sessions`, `Bearer apk_${'0'.repeat(27)}_${'a'.repeat(43)}`],
      [`${V1}/no-such-route`, 'Bearer apk_garbage'],
    ] as const) {
      const res = await a.request('GET', path, { headers: { Authorization: authorization } });
      expectError(res, 401, 15);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="ambient-api-server/v1"');
    }
  });

  test('a project key acts in its project with its role: 403 code 11 beyond it', async () => {
    const a = api();
    const p = await project();
    const key = (await a.request<Json>('POST', `${V1}/project_keys`, { body: { project_id: p['id'], name: 'reader', role: 'view' } })).body['key'] as string;
    const auth = { Authorization: `Bearer ${key}` };
    expect((await a.request('GET', `${V1}/sessions`, { headers: auth })).status).toBe(200);
    expectError(await a.request('POST', `${V1}/sessions`, { headers: auth, body: { name: 's', project_id: p['id'] } }), 403, 11);
    expectError(await a.request('POST', `${V1}/projects`, { headers: auth, body: { name: 'by-key' } }), 403, 11);
    const other = await project();
    expectError(await a.request('GET', `${V1}/projects/${String(other['id'])}`, { headers: auth }), 404, 7);
    const forwarded = await a.request('GET', `${V1}/projects/${String(p['id'])}`, { headers: { 'X-Forwarded-Access-Token': key } });
    expect(forwarded.status).toBe(200);
  });
});

describe('headers', () => {
  test('CORS: preflight 204 without authentication; allowed origins echoed; others not', async () => {
    const a = api();
    const preflight = await fetch(`${a.url}${V1}/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://ui.example.com', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://ui.example.com');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('X-Ambient-Project');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(await preflight.text()).toBe('');
    const get = await a.request('GET', `${V1}/projects`, { headers: { Origin: 'https://ui.example.com' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('https://ui.example.com');
    expect(get.headers.get('access-control-expose-headers')).toBe('X-Operation-ID');
    const evil = await a.request('GET', `${V1}/projects`, { headers: { Origin: 'https://evil.example.com' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('gzip when asked, Vary: Authorization, X-Operation-ID echoed on errors too', async () => {
    const a = api();
    for (let i = 0; i < 15; i++) await project();
    const res = await fetch(`${a.url}${V1}/projects`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip'); // fetch decompresses transparently
    expect(((await res.json()) as Json)['kind']).toBe('ProjectList');
    expect(res.headers.get('vary')).toContain('Authorization');
    const err = await a.request('GET', `${V1}/nothing`, { headers: { 'X-Operation-ID': 'op-1' } });
    expect(err.headers.get('x-operation-id')).toBe('op-1');
    expect((err.body as Json)['operation_id']).toBe('op-1');
  });

  test('gzip for every non-stream response however small, when Accept-Encoding admits it; never for SSE', async () => {
    const a = api();
    const p = await project();
    await a.request('POST', `${V1}/sessions`, { body: { name: 'tiny', project_id: p['id'] } });
    const get = (path: string, headers: Record<string, string>) => fetch(`${a.url}${path}`, { headers });
    for (const path of [`${V1}/sessions?size=1`, `${V1}/nothing`, '/healthz', '/metrics']) {
      const res = await get(path, { 'Accept-Encoding': 'gzip', Origin: 'https://ui.example.com' });
      expect([path, res.headers.get('content-encoding')]).toEqual([path, 'gzip']);
      expect(res.headers.get('vary')).toContain('Accept-Encoding');
      if (path.startsWith(V1)) expect(res.headers.get('vary')).toContain('Origin'); // CORS's Vary survives
      expect((await res.text()).length).toBeGreaterThan(0);
    }
    const small = await get(`${V1}/sessions?size=1`, { 'Accept-Encoding': 'br, gzip;q=0.5' });
    expect(small.headers.get('content-encoding')).toBe('gzip');
    expect(((await small.json()) as Json)['size']).toBe(1);
    for (const encoding of ['gzip;q=0', 'identity', 'br', '*;q=0', '']) {
      const res = await get(`${V1}/sessions?size=1`, { 'Accept-Encoding': encoding });
      expect([encoding, res.headers.get('content-encoding')]).toEqual([encoding, null]);
      await res.text();
    }
    expect((await get('/healthz', { 'Accept-Encoding': '*' })).headers.get('content-encoding')).toBe('gzip');
    const abort = new AbortController();
    const stream = await fetch(`${a.url}${V1}/sessions?watch=true`, { headers: { 'Accept-Encoding': 'gzip' }, signal: abort.signal });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('content-encoding')).toBeNull();
    abort.abort();
  });
});
