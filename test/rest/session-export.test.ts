import { expect, test } from 'vitest';
import { appendEvents } from '../../src/agui/store.ts';
import { EXPORT_BATCH } from '../../src/domain/session-export.ts';
import { expectError, useApi, V1, type TestApi } from '../support/api.ts';
import { sessionIn, type Json } from '../agui/support.ts';

/**
 * GET /sessions/{id}/export (runtime.md §d row 14): the whole stored event log, in seq order, as an
 * attachment, read in keyset batches while it is sent (bench/export-memory.ts measures a million).
 */

const world = useApi();
const api = (): TestApi => world();

test('export: every stored event payload in seq order across batches, normalized, as an attachment', async () => {
  const s = await sessionIn(api());
  const other = await sessionIn(api());
  const total = EXPORT_BATCH * 2 + 17;
  const events = Array.from({ length: total }, (_, i) => ({ type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: `d${i}`, threadId: s.id }));
  events[5] = { ...events[5]!, timestamp: '2026-01-02T03:04:05.678Z' } as never;
  await appendEvents(api().db.pool, other.id, [{ type: 'RUN_STARTED', threadId: other.id, runId: 'x' }]);
  for (let i = 0; i < events.length; i += 1000) await appendEvents(api().db.pool, s.id, events.slice(i, i + 1000));

  const res = await api().request<Json>('GET', `${V1}/sessions/${s.id}/export`);
  expect(res.status, res.text.slice(0, 200)).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${s.kubeCrName}-export.json"`);
  expect(Object.keys(res.body)).toEqual(['session_id', 'project_name', 'export_date', 'agui_events']);
  expect(res.body['session_id']).toBe(s.id);
  expect(res.body['project_name']).toBe(s.projectId);
  expect(Math.abs(Date.parse(res.body['export_date'] as string) - Date.now())).toBeLessThan(60_000);
  const exported = res.body['agui_events'] as Json[];
  expect(exported).toHaveLength(total);
  expect(exported.map((e) => e['delta'])).toEqual(events.map((e) => e.delta));
  expect(exported[5]!['timestamp']).toBe(Date.parse('2026-01-02T03:04:05.678Z'));
  expect(exported.some((e) => e['runId'] === 'x')).toBe(false);
});

test('export of a session without events is an empty list; strangers get 404, viewers may export', async () => {
  const s = await sessionIn(api(), null);
  const res = await api().request<Json>('GET', `${V1}/sessions/${s.id}/export`);
  expect(res.status).toBe(200);
  expect(res.body['agui_events']).toEqual([]);
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+-export\.json"$/);

  expectError(await api().request('GET', `${V1}/sessions/nope/export`), 404, 7);
  const key = await api().request<Json>('POST', `${V1}/project_keys`, { body: { project_id: s.projectId, name: 'viewer', role: 'view' } });
  const viewer = { Authorization: `Bearer ${key.body['key'] as string}` };
  expect((await api().request('GET', `${V1}/sessions/${s.id}/export`, { headers: viewer })).status).toBe(200);
  const elsewhere = await sessionIn(api(), null);
  expectError(await api().request('GET', `${V1}/sessions/${elsewhere.id}/export`, { headers: viewer }), 404, 7);
});
