import { expect, test } from 'vitest';
import { V1, expectError, useApi } from '../support/api.ts';
import { eventsOf } from '../support/domain.ts';
import { openStream, type EventStream } from '../support/sse.ts';

/** REST watch (rest-contract §6.6): snapshot, live changes, filter transitions, resume, scoping. */

const api = useApi({ STREAM_KEEPALIVE_SECONDS: '1' });
type Json = Record<string, unknown>;
const q = encodeURIComponent;

let n = 0;
async function project(): Promise<Json> {
  return (await api().request<Json>('POST', `${V1}/projects`, { body: { name: `w-${Date.now().toString(36)}-${n++}` } })).body;
}
async function session(projectId: unknown, name: string, extra: Json = {}): Promise<Json> {
  return (await api().request<Json>('POST', `${V1}/sessions`, { body: { project_id: projectId, name, ...extra } })).body;
}
const watchUrl = (path: string) => `${api().url}${V1}${path}`;
const data = (frame: { data?: unknown }) => frame.data as { type: string; object: Json };

test('a snapshot of the current objects (only the last frame has an id), then every change, with increasing ids', async () => {
  const p = await project();
  const a = await session(p['id'], 'a');
  const b = await session(p['id'], 'b');
  const stream = await openStream(watchUrl(`/sessions?watch=true&project_id=${String(p['id'])}`));
  try {
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    expect(stream.headers.get('cache-control')).toBe('no-cache');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.headers.get('x-operation-id')).toBeTruthy();
    const first = await stream.nextData();
    const second = await stream.nextData();
    expect([data(first).type, data(first).object['id'], first.id]).toEqual(['ADDED', a['id'], undefined]);
    expect([data(second).type, data(second).object['id']]).toEqual(['ADDED', b['id']]);
    // The snapshot's position covers every change it reflects: resuming from it repeats neither.
    const [aAdded, bAdded] = [await eventsOf(api().db, String(a['id'])), await eventsOf(api().db, String(b['id']))];
    expect(Number(second.id)).toBeGreaterThanOrEqual(Math.max(aAdded[0]!.seq, bAdded[0]!.seq));

    const c = await session(p['id'], 'c');
    await api().request('PATCH', `${V1}/sessions/${String(a['id'])}`, { body: { prompt: 'changed' } });
    await api().request('DELETE', `${V1}/sessions/${String(b['id'])}`);
    const added = await stream.nextData();
    const modified = await stream.nextData();
    const deleted = await stream.nextData();
    expect([data(added).type, data(added).object['id']]).toEqual(['ADDED', c['id']]);
    expect([data(modified).type, data(modified).object['prompt']]).toEqual(['MODIFIED', 'changed']);
    expect([data(deleted).type, data(deleted).object['id']]).toEqual(['DELETED', b['id']]);
    expect(Number(added.id)).toBeGreaterThan(Number(second.id));
    expect(Number(modified.id)).toBeGreaterThan(Number(added.id));
    expect(Number(deleted.id)).toBeGreaterThan(Number(modified.id));
    expect(data(added).object).toEqual(c);
  } finally {
    stream.close();
  }
});

test('a snapshot taken while the log watermark lags: no change it reflects comes again, on the stream or resuming from its id, and none is missed', async () => {
  const p = await project();
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push(String((await session(p['id'], `lag-${i}`, { prompt: '0' }))['id']));
  const version = (frame: { data?: unknown }) => Number(data(frame).object['prompt']);
  let counter = 0;
  let writing = true;
  // Each object's prompt only grows: a frame with a version its client already had is a repeat.
  const writers = Promise.all(
    ids.map(async (id) => {
      while (writing) await api().request('PATCH', `${V1}/sessions/${id}`, { body: { prompt: String(++counter) } });
    }),
  );
  // A transaction with an id, open in the cluster, holds the feed's watermark below every write after it.
  const holder = await api().db.pool.connect();
  const held: EventStream[] = [];
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT pg_current_xact_id()');
    while (counter < 20) await new Promise((r) => setTimeout(r, 10));
    const opening = openStream(watchUrl(`/sessions?watch=true&project_id=${String(p['id'])}`));
    await new Promise((r) => setTimeout(r, 300)); // the snapshot is read while the watermark is held
    await holder.query('COMMIT');
    const stream = await opening;
    held.push(stream);
    const snapshot = new Map<string, number>();
    let snapshotId: string | undefined;
    while (snapshotId === undefined) {
      const frame = await stream.nextData();
      expect(data(frame).type).toBe('ADDED');
      snapshot.set(String(data(frame).object['id']), version(frame));
      snapshotId = frame.id;
    }
    expect([...snapshot.keys()].sort()).toEqual([...ids].sort());
    // The stream goes on from the snapshot: every frame newer than what its client holds.
    const state = new Map(snapshot);
    const follow = async (s: EventStream, until: () => boolean) => {
      while (!until()) {
        const frame = await s.nextData();
        const id = String(data(frame).object['id']);
        expect([data(frame).type, version(frame) > state.get(id)!]).toEqual(['MODIFIED', true]);
        state.set(id, version(frame));
      }
    };
    await new Promise((r) => setTimeout(r, 200));
    writing = false;
    await writers;
    const final = new Map<string, number>();
    for (const id of ids) final.set(id, Number((await api().request<Json>('GET', `${V1}/sessions/${id}`)).body['prompt']));
    await follow(stream, () => ids.every((id) => state.get(id) === final.get(id)));
    // Resuming from the snapshot's id: only changes after what the snapshot showed.
    const resumed = await openStream(watchUrl(`/sessions?watch=true&project_id=${String(p['id'])}`), { 'Last-Event-ID': snapshotId });
    held.push(resumed);
    state.clear();
    for (const [id, v] of snapshot) state.set(id, v);
    await follow(resumed, () => ids.every((id) => state.get(id) === final.get(id)));
  } finally {
    writing = false;
    await writers;
    await holder.query('ROLLBACK').catch(() => undefined);
    holder.release();
    for (const s of held) s.close();
  }
});

test('search: objects entering the filter are ADDED, leaving it DELETED; fields shape the objects', async () => {
  const p = await project();
  const s = await session(p['id'], 'filtered');
  const stream = await openStream(watchUrl(`/sessions?watch=1&project_id=${String(p['id'])}&search=${q("phase = 'Pending'")}&fields=name,phase`));
  try {
    await api().request('POST', `${V1}/sessions/${String(s['id'])}/start`);
    const entered = await stream.nextData();
    expect(data(entered)).toEqual({ type: 'ADDED', object: { id: s['id'], name: 'filtered', phase: 'Pending' } });
    await api().request('PATCH', `${V1}/sessions/${String(s['id'])}`, { body: { name: 'renamed' } });
    expect(data(await stream.nextData())).toEqual({ type: 'MODIFIED', object: { id: s['id'], name: 'renamed', phase: 'Pending' } });
    await api().request('POST', `${V1}/sessions/${String(s['id'])}/stop`);
    expect(data(await stream.nextData())).toEqual({ type: 'DELETED', object: { id: s['id'], name: 'renamed', phase: 'Stopping' } });
    // Changes to objects neither reported nor matching are not sent.
    await api().request('PATCH', `${V1}/sessions/${String(s['id'])}`, { body: { prompt: 'quiet' } });
    const other = await session(p['id'], 'unrelated');
    await api().request('POST', `${V1}/sessions/${String(other['id'])}/start`);
    expect(data(await stream.nextData()).object['id']).toBe(other['id']);
  } finally {
    stream.close();
  }
});

test('resume after Last-Event-ID: no snapshot, every later change once; the query parameter works too', async () => {
  const p = await project();
  const first = await openStream(watchUrl(`/sessions?watch=true&project_id=${String(p['id'])}`));
  const s1 = await session(p['id'], 'one');
  const frame = await first.nextData();
  first.close();
  const s2 = await session(p['id'], 'two');
  await api().request('PATCH', `${V1}/sessions/${String(s1['id'])}`, { body: { prompt: 'x' } });
  const created: unknown[] = [];
  for (const [path, headers] of [
    [`/sessions?watch=true&project_id=${String(p['id'])}`, { 'Last-Event-ID': frame.id! }],
    [`/sessions?watch=true&project_id=${String(p['id'])}&last_event_id=${frame.id!}`, {}],
  ] as const) {
    const resumed = await openStream(watchUrl(path), headers);
    try {
      const two = data(await resumed.nextData());
      expect([two.type, two.object['id']]).toEqual(['ADDED', s2['id']]);
      const one = data(await resumed.nextData());
      expect([one.type, one.object['id']]).toEqual(['MODIFIED', s1['id']]);
      for (const id of created) expect(data(await resumed.nextData()).object['id']).toBe(id);
      const later = await session(p['id'], `later-${created.length}`);
      created.push(later['id']);
      expect(data(await resumed.nextData()).object['id']).toBe(later['id']);
    } finally {
      resumed.close();
    }
  }
});

test('bad watch parameters are 400 code 21; a resume point older than the log is 410 code 33', async () => {
  expect(expectError(await api().request('GET', `${V1}/sessions?watch=yes`), 400, 21)).toBe('watch must be true or 1');
  expectError(await api().request('GET', `${V1}/sessions?watch=true`, { headers: { 'Last-Event-ID': '-1' } }), 400, 21);
  expectError(await api().request('GET', `${V1}/sessions?watch=true&last_event_id=abc`), 400, 21);
  const p = await project();
  await session(p['id'], 'old');
  const { rows } = await api().db.pool.query<{ max: number }>('SELECT max(seq) AS max FROM change_events');
  await api().db.pool.query('DELETE FROM change_events WHERE seq <= $1', [rows[0]!.max - 1]);
  expectError(await api().request('GET', `${V1}/sessions?watch=true`, { headers: { 'Last-Event-ID': '1' } }), 410, 33);
  const ok = await openStream(watchUrl('/sessions?watch=true'), { 'Last-Event-ID': String(rows[0]!.max) });
  expect(ok.status).toBe(200);
  ok.close();
});

test('keepalive comments; project scope from the header; a key sees only its project', async () => {
  const p = await project();
  const other = await project();
  const key = (await api().request<Json>('POST', `${V1}/project_keys`, { body: { project_id: p['id'], name: 'watcher', role: 'view' } })).body['key'] as string;
  const byKey: EventStream = await openStream(watchUrl(`/sessions?watch=true&token=${key}`));
  const scoped = await openStream(watchUrl('/sessions?watch=true'), { 'X-Ambient-Project': other['name'] as string });
  try {
    expect((await byKey.next(3000)).comment).toBe('keepalive');
    await session(other['id'], 'elsewhere');
    const mine = await session(p['id'], 'mine');
    expect(data(await byKey.nextData()).object['id']).toBe(mine['id']);
    expect(data(await scoped.nextData()).object['name']).toBe('elsewhere');
  } finally {
    byKey.close();
    scoped.close();
  }
  expectError(await api().request('GET', `${V1}/sessions?watch=true&token=apk_bad`), 401, 15);
});
