import { expect, test } from 'vitest';
import { V1, useApi } from '../support/api.ts';
import { openStream, type EventStream } from '../support/sse.ts';

/**
 * Watches that judge alike share one group (src/live/watch-cache.ts): each event judged once for
 * them, each frame encoded once. What must still hold: every watcher gets exactly its own events —
 * a group is also keyed by its callers' read condition — in order, once each, including one that
 * joins behind the group and catches up from the log.
 */

const api = useApi();
type Json = Record<string, unknown>;
const watchUrl = (path: string) => `${api().url}${V1}${path}`;
const data = (frame: { data?: unknown }) => frame.data as { type: string; object: Json };

let n = 0;
async function project(): Promise<Json> {
  return (await api().request<Json>('POST', `${V1}/projects`, { body: { name: `wc-${Date.now().toString(36)}-${n++}` } })).body;
}
async function key(projectId: unknown): Promise<string> {
  return (await api().request<Json>('POST', `${V1}/project_keys`, { body: { project_id: projectId, name: 'watcher', role: 'view' } })).body['key'] as string;
}

/** The next `count` data frames as [type, object name, id]. */
async function frames(stream: EventStream, count: number): Promise<[string, unknown, string | undefined][]> {
  const out: [string, unknown, string | undefined][] = [];
  while (out.length < count) {
    const frame = await stream.nextData();
    out.push([data(frame).type, data(frame).object['name'], frame.id]);
  }
  return out;
}

test('watchers with the same filter but different callers get their own events; equal ones share a group', async () => {
  const [p1, p2] = [await project(), await project()];
  const [k1, k2] = [await key(p1['id']), await key(p2['id'])];
  const search = encodeURIComponent("name like 'x%'");
  const open = (token?: string) => openStream(watchUrl(`/sessions?watch=true&search=${search}${token ? `&token=${token}` : ''}`), {}, {});
  const groupsBefore = api().services.watches.groupCount;
  const streams = { admin: [await open(), await open()], one: [await open(k1), await open(k1), await open(k1)], two: [await open(k2), await open(k2)] };
  try {
    expect(api().services.watches.groupCount - groupsBefore).toBe(3);
    for (const [p, name] of [
      [p1, 'x-1a'],
      [p2, 'x-2a'],
      [p1, 'y-1'],
      [p2, 'x-2b'],
      [p1, 'x-1b'],
    ] as const) {
      await api().request('POST', `${V1}/sessions`, { body: { project_id: p['id'], name } });
    }
    const names = (got: [string, unknown, string | undefined][]) => got.map(([type, name]) => `${type} ${String(name)}`);
    for (const s of streams.admin) expect(names(await frames(s, 4))).toEqual(['ADDED x-1a', 'ADDED x-2a', 'ADDED x-2b', 'ADDED x-1b']);
    for (const s of streams.one) expect(names(await frames(s, 2))).toEqual(['ADDED x-1a', 'ADDED x-1b']);
    for (const s of streams.two) expect(names(await frames(s, 2))).toEqual(['ADDED x-2a', 'ADDED x-2b']);
    // Nothing more for anyone: a marker only the admin's watchers can see comes next for them, and the keys' see theirs.
    await api().request('POST', `${V1}/sessions`, { body: { project_id: p2['id'], name: 'x-2c' } });
    await api().request('POST', `${V1}/sessions`, { body: { project_id: p1['id'], name: 'x-1c' } });
    for (const s of streams.one) expect(names(await frames(s, 1))).toEqual(['ADDED x-1c']);
    for (const s of streams.two) expect(names(await frames(s, 1))).toEqual(['ADDED x-2c']);
  } finally {
    for (const s of Object.values(streams).flat()) s.close();
  }
  await expect.poll(() => api().services.watches.groupCount).toBe(groupsBefore); // the last to leave closes the group
});

test('a watcher resuming behind its group catches up from the log, then goes on with the group: each change once, in order', async () => {
  const p = await project();
  const url = watchUrl(`/sessions?watch=true&project_id=${String(p['id'])}`);
  const leader = await openStream(url);
  try {
    const first = (await api().request<Json>('POST', `${V1}/sessions`, { body: { project_id: p['id'], name: 'first' } })).body;
    const resumeFrom = (await frames(leader, 1))[0]![2];
    for (const name of ['second', 'third']) await api().request('POST', `${V1}/sessions`, { body: { project_id: p['id'], name } });
    expect((await frames(leader, 2)).map(([, name]) => name)).toEqual(['second', 'third']); // the group is past `resumeFrom`
    const late = await openStream(url, { 'Last-Event-ID': resumeFrom! });
    try {
      await api().request('PATCH', `${V1}/sessions/${String(first['id'])}`, { body: { name: 'fourth' } });
      const got = await frames(late, 3);
      expect(got.map(([type, name]) => `${type} ${String(name)}`)).toEqual(['ADDED second', 'ADDED third', 'MODIFIED fourth']);
      const ids = got.map(([, , id]) => Number(id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(ids[0]).toBeGreaterThan(Number(resumeFrom));
      expect((await frames(leader, 1))[0]![1]).toBe('fourth');
      await api().request('POST', `${V1}/sessions`, { body: { project_id: p['id'], name: 'fifth' } });
      expect((await frames(late, 1))[0]![1]).toBe('fifth'); // no repeat of anything before it
    } finally {
      late.close();
    }
  } finally {
    leader.close();
  }
});
