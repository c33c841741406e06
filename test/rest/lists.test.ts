import { beforeAll, describe, expect, test } from 'vitest';
import { V1, expectError, useApi } from '../support/api.ts';

/** List semantics over HTTP (rest-contract §6): paging, order, search, sparse fields, project filter — and hostile input. */

const api = useApi();
type Json = Record<string, unknown>;
interface List {
  kind: string;
  page: number;
  size: number;
  total: number;
  items: Json[];
}

let alpha: Json;
let beta: Json;
const q = (s: string) => encodeURIComponent(s);

beforeAll(async () => {
  const a = api();
  alpha = (await a.request<Json>('POST', `${V1}/projects`, { body: { name: 'alpha' } })).body;
  beta = (await a.request<Json>('POST', `${V1}/projects`, { body: { name: 'beta' } })).body;
  for (let i = 0; i < 12; i++) {
    await a.request('POST', `${V1}/sessions`, {
      headers: { 'X-Ambient-Project': i < 9 ? 'alpha' : 'beta' },
      body: {
        name: `s${String(i).padStart(2, '0')}`,
        timeout: 60 * (i + 1),
        llm_model: i % 3 === 0 ? 'claude-opus' : 'sonnet',
        interactive: i % 2 === 0,
        prompt: i === 4 ? "it's here" : null,
      },
    });
  }
});

describe('paging', () => {
  test('page, size (= items returned), total; SDK iteration stops at page*size >= total', async () => {
    const names: string[] = [];
    for (let page = 1; ; page++) {
      const res = await api().request<List>('GET', `${V1}/sessions?page=${page}&size=5`);
      expect(res.body).toMatchObject({ kind: 'SessionList', page, total: 12 });
      expect(res.body.size).toBe(res.body.items.length);
      names.push(...res.body.items.map((s) => s['name'] as string));
      if (page * 5 >= res.body.total) break;
    }
    expect(names).toEqual(Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}`));
  });

  test('past the end, size 0, and the size cap', async () => {
    expect((await api().request<List>('GET', `${V1}/sessions?page=99&size=5`)).body).toMatchObject({ page: 99, size: 0, total: 12, items: [] });
    expect((await api().request<List>('GET', `${V1}/sessions?size=0`)).body).toMatchObject({ size: 0, total: 12, items: [] });
    expect((await api().request<List>('GET', `${V1}/sessions?size=999999999`)).body.size).toBe(12);
  });

  test.each([
    ['page=0', 'page must be an integer >= 1'],
    ['page=-1', 'page must be an integer >= 1'],
    ['page=1.5', 'page must be an integer >= 1'],
    ['page=abc', 'page must be an integer >= 1'],
    ['size=-1', 'size must be an integer >= 0'],
    ['size=ten', 'size must be an integer >= 0'],
  ])('%s → 400 code 21', async (params, reason) => {
    expect(expectError(await api().request('GET', `${V1}/sessions?${params}`), 400, 21)).toBe(reason);
  });
});

describe('order', () => {
  test('orderBy with directions; id appended as tie-breaker', async () => {
    const res = await api().request<List>('GET', `${V1}/sessions?orderBy=${q('llm_model DESC, timeout asc')}&fields=llm_model,timeout`);
    const rows = res.body.items.map((s) => [s['llm_model'], s['timeout']]);
    expect(rows[0]).toEqual(['sonnet', 120]);
    expect(rows.at(-1)).toEqual(['claude-opus', 600]);
  });

  test.each(['repos', 'nope', 'name sideways', 'name; DROP TABLE sessions --', 'sessions.name', ''])('bad order value %j → 400 code 21', async (item) => {
    const res = await api().request('GET', `${V1}/sessions?orderBy=${q(`name,${item}`)}`);
    expect(expectError(res, 400, 21)).toBe(`bad order value '${item.trim()}'`);
  });
});

describe('search', () => {
  test.each([
    ["phase is null and llm_model ilike 'CLAUDE%'", 4],
    ['timeout between 120 and 300', 4],
    ['not (timeout between 120 and 300)', 8],
    ["name in ('s01', 's02', 'zz')", 2],
    ["name not in ('s01')", 11],
    ["timeout * 2 > 1000 or interactive = 'false'", 8],
    // Only the leftmost operand must be a field; * binds tighter than + (300 + 200 = 500).
    ['timeout + 100 * 2 = 500', 1],
    ['timeout + (2 * 30) = 120', 1],
    ['timeout - 2 * 30 = 0', 1],
    ["prompt = 'it''s here'", 1],
    ["sessions.name like 's1%'", 2],
    ['completion_time is null', 12],
    ["created_at >= '2000-01-01T00:00:00Z'", 12],
    ['   ', 12],
  ])('%s → %i', async (search, total) => {
    const res = await api().request<List>('GET', `${V1}/sessions?search=${q(search)}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(total);
  });

  test.each([
    'phase == Running',
    "repos = '[]'",
    "nope = 'x'",
    "timeout = 'abc'",
    "name ~= 'x'",
    'name in ()',
    "projects.name = 'x'",
    '"name" = \'x\'',
    "timeout like '1%'",
    "name = 'unterminated",
    "name = 'x'; DROP TABLE sessions; --",
    "name = 'x' OR 1=1",
    '1 = 1',
    '100 * 2 + timeout = 500',
    `name = '${'x'.repeat(9000)}'`,
  ])('refused: %s', async (search) => {
    const reason = expectError(await api().request('GET', `${V1}/sessions?search=${q(search)}`), 400, 21);
    expect(reason.startsWith(`Failed to parse search query: ${search}`)).toBe(true);
  });

  test('injection attempts never run: every literal is a bind parameter', async () => {
    const hostile = ["name = 'x'' OR ''1''=''1'", "name = 'a'';DELETE FROM sessions;--'", "name like '%'' OR 1=1 --'"];
    for (const search of hostile) {
      const res = await api().request<List>('GET', `${V1}/sessions?search=${q(search)}`);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    }
    expect((await api().request<List>('GET', `${V1}/sessions`)).body.total).toBe(12);
  });
});

describe('sparse fields', () => {
  test('id plus exactly the requested keys, null where absent, any readable field', async () => {
    const res = await api().request<List>('GET', `${V1}/sessions?search=${q("name = 's04'")}&fields=${q('name, phase,repos,created_at')}`);
    expect(res.body.items).toEqual([{ id: res.body.items[0]!['id'], name: 's04', phase: null, repos: null, created_at: expect.stringMatching(/\.\d{3}Z$/) }]);
    const empty = await api().request<List>('GET', `${V1}/sessions?fields=name&search=${q("name = 'none'")}`);
    expect(empty.body).toEqual({ kind: 'SessionList', page: 1, size: 0, total: 0, items: [] });
  });

  test('unknown fields: 400 code 8 naming them; write-only fields are not readable', async () => {
    expect(expectError(await api().request('GET', `${V1}/sessions?fields=name,bogus,secret`), 400, 8)).toBe(
      "The following field(s) doesn't exist in `Session`: bogus, secret",
    );
    expect(expectError(await api().request('GET', `${V1}/credentials?fields=token`), 400, 8)).toBe(
      "The following field(s) doesn't exist in `Credential`: token",
    );
    expect(expectError(await api().request('GET', `${V1}/sessions?fields=${q('name) FROM users --')}`), 400, 8)).toMatch(
      /^The following field\(s\) doesn't exist/,
    );
  });
});

describe('project filter', () => {
  test('?project_id (id or name) wins over the header; unknown → empty; malformed → 400 code 8', async () => {
    expect((await api().request<List>('GET', `${V1}/sessions?project_id=beta`)).body.total).toBe(3);
    expect((await api().request<List>('GET', `${V1}/sessions?project_id=${String(alpha['id'])}`)).body.total).toBe(9);
    expect((await api().request<List>('GET', `${V1}/sessions`, { headers: { 'X-Ambient-Project': 'beta' } })).body.total).toBe(3);
    expect((await api().request<List>('GET', `${V1}/sessions?project_id=alpha`, { headers: { 'X-Ambient-Project': 'beta' } })).body.total).toBe(9);
    expect((await api().request<List>('GET', `${V1}/sessions?project_id=gamma`)).body).toMatchObject({ total: 0, items: [] });
    for (const hostile of ["alpha' OR '1'='1", 'ALPHA', '../beta', 'a'.repeat(64)]) {
      expect(expectError(await api().request('GET', `${V1}/sessions?project_id=${q(hostile)}`), 400, 8)).toBe('invalid project_id format');
    }
    expect(expectError(await api().request('GET', `${V1}/sessions`, { headers: { 'X-Ambient-Project': 'bad name' } }), 400, 8)).toBe(
      'invalid project_id format',
    );
  });

  test('the filter ANDs with search; project scope is ignored for global Kinds', async () => {
    expect((await api().request<List>('GET', `${V1}/sessions?project_id=alpha&search=${q("llm_model = 'claude-opus'")}`)).body.total).toBe(3);
    expect((await api().request<List>('GET', `${V1}/projects`, { headers: { 'X-Ambient-Project': 'beta' } })).body.total).toBe(2);
    expect(beta['name']).toBe('beta');
  });
});
