import { expect, test } from 'vitest';
import { expectError, V1 } from '../support/api.ts';
import { textMessage } from '../support/fake-runner.ts';
import { openStream, type EventStream, type Frame } from '../support/sse.ts';
import { agui, eventually, runEnded, sessionIn, storedEvents, useAguiWorld, type Json } from './support.ts';

/** GET …/agui/events (runtime.md §a.6, §a.8): compact-on-read, Last-Event-ID, runId, live delivery. */

const world = useAguiWorld({ env: () => ({ STREAM_KEEPALIVE_SECONDS: '1' }) });

/** A gate a scripted run waits at. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function frames(stream: EventStream, count: number): Promise<Frame[]> {
  const out: Frame[] = [];
  while (out.length < count) out.push(await stream.nextData());
  return out;
}

test('compact-on-read: finished runs as one MESSAGES_SNAPSHOT, the latest state, META, active runs raw; only the last replay frame has an id; then live', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  // Run 1 finishes, with state snapshots; feedback (META) between the runs.
  runner.nextRun((input) => [
    { event: { type: 'STATE_SNAPSHOT', snapshot: { n: 1 } } },
    ...textMessage('a-1', 'Hello there', { chunks: 2 }),
    { event: { type: 'STATE_SNAPSHOT', snapshot: { n: 2 } } },
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'r1', messages: [{ id: 'u-1', role: 'user', content: 'hi' }] } });
  await runEnded(api, s.id, 'r1');
  await api.request('POST', agui(s.id, 'feedback'), { body: { type: 'META', metaType: 'thumbs_up', payload: { messageId: 'a-1' } } });
  // Run 2 stays active at the gate.
  const g = gate();
  runner.nextRun((input) => [
    ...textMessage('a-2', 'Working on it'),
    { until: g.wait },
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  await api.request('POST', agui(s.id, 'run'), {
    body: { runId: 'r2', messages: [{ id: 'u-2', role: 'user', content: 'go on', metadata: { hidden: true } }] },
  });
  await eventually(async () => (await storedEvents(api, s.id)).some((e) => e.payload['messageId'] === 'a-2' && e.type === 'TEXT_MESSAGE_END'));
  const stored = await storedEvents(api, s.id);
  const head = stored.at(-1)!.seq;

  const stream = await openStream(`${api.url}${agui(s.id, 'events')}`);
  expect(stream.status).toBe(200);
  expect(stream.headers.get('content-type')).toBe('text/event-stream');
  expect(stream.headers.get('cache-control')).toBe('no-cache');
  expect(stream.headers.get('x-accel-buffering')).toBe('no');
  expect(stream.headers.get('x-operation-id')).toBeTruthy();
  const r2 = stored.filter((e) => e.runId === 'r2');
  const replay = await frames(stream, 3 + r2.length);
  expect(replay[0]!.data).toEqual({
    type: 'MESSAGES_SNAPSHOT',
    threadId: s.id,
    runId: 'thread-snapshot',
    timestamp: expect.any(Number),
    messages: [
      { id: 'u-1', role: 'user', content: 'hi', metadata: { senderId: 'developer', senderDisplayName: 'Developer' } },
      { id: 'a-1', role: 'assistant', content: 'Hello there', timestamp: expect.any(Number) },
    ],
  });
  expect(replay[1]!.data).toEqual({ type: 'STATE_SNAPSHOT', snapshot: { n: 2 }, threadId: s.id, runId: 'r1' });
  expect(replay[2]!.data).toMatchObject({ type: 'META', metaType: 'thumbs_up', threadId: s.id });
  expect(replay.slice(3).map((f) => f.data)).toEqual(r2.map((e) => normalized(e.payload)));
  expect(replay.slice(0, -1).every((f) => f.id === undefined)).toBe(true);
  expect(replay.at(-1)!.id).toBe(String(head));

  // Live: what the runner sends next arrives with its seq.
  g.open();
  const live = await stream.nextData();
  expect(live.data).toMatchObject({ type: 'RUN_FINISHED', runId: 'r2' });
  expect(Number(live.id)).toBeGreaterThan(head);
  // A comment every second here (STREAM_KEEPALIVE_SECONDS=1).
  expect((await stream.next(3000)).comment).toBe('keepalive');
  stream.close();

  // Once r2 finished, it is compacted too; its hidden user message is not shown.
  const after = await openStream(`${api.url}${agui(s.id, 'events')}`);
  const snapshot = (await after.nextData()).data as Json;
  expect((snapshot['messages'] as Json[]).map((m) => m['id'])).toEqual(['u-1', 'a-1', 'a-2']);
  after.close();
});

test('an active run whose first stored event is not RUN_STARTED gets a synthesized one; an empty session replays nothing', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const empty = await openStream(`${api.url}${agui(s.id, 'events')}`);
  // Events of a run the server did not start, from the between-run stream.
  await eventually(() => runner.openEventStreams(s.kubeCrName) === 1);
  runner.emitBetweenRuns(s.kubeCrName, { event: { type: 'TEXT_MESSAGE_START', messageId: 'x-1', runId: 'external', role: 'assistant' } });
  const first = await empty.nextData();
  expect(first.data).toEqual({ type: 'TEXT_MESSAGE_START', messageId: 'x-1', runId: 'external', role: 'assistant', threadId: s.id });
  expect(first.id).toBeDefined();
  empty.close();
  const stream = await openStream(`${api.url}${agui(s.id, 'events')}`);
  const replay = await frames(stream, 2);
  expect(replay.map((f) => f.data)).toEqual([{ type: 'RUN_STARTED', threadId: s.id, runId: 'external' }, first.data]);
  expect(replay.map((f) => f.id)).toEqual([undefined, first.id]);
  stream.close();
});

test('Last-Event-ID (header or query) replays raw from there; runId follows one run; a bad id is 400 code 21', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  for (const runId of ['r1', 'r2']) {
    runner.nextRun((input) => [
      ...textMessage(`m-${runId}`, `text of ${runId}`),
      { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
    ]);
    await api.request('POST', agui(s.id, 'run'), { body: { runId } });
    await runEnded(api, s.id, runId);
  }
  const stored = await storedEvents(api, s.id);
  const from = stored[3]!.seq;
  const expected = stored.filter((e) => e.seq > from);
  const variants: Record<string, string>[] = [{ 'Last-Event-ID': String(from) }, {}];
  for (const headers of variants) {
    const url = `${api.url}${agui(s.id, 'events')}${Object.keys(headers).length ? '' : `?lastEventId=${from}`}`;
    const stream = await openStream(url, headers);
    const got = await frames(stream, expected.length);
    expect(got.map((f) => Number(f.id))).toEqual(expected.map((e) => e.seq));
    expect(got.map((f) => f.data)).toEqual(expected.map((e) => normalized(e.payload)));
    stream.close();
  }

  // runId: that run's events only, then its live events only.
  const g = gate();
  runner.nextRun((input) => [
    { until: g.wait },
    ...textMessage('m-r3', 'third'),
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'r3' } });
  const byRun = await openStream(`${api.url}${agui(s.id, 'events')}?runId=r3`);
  const r3Start = await byRun.nextData();
  expect(r3Start.data).toMatchObject({ type: 'RUN_STARTED', runId: 'r3' });
  await api.request('POST', agui(s.id, 'feedback'), { body: { type: 'META', metaType: 'x' } }); // not r3's
  g.open();
  await runEnded(api, s.id, 'r3');
  const r3 = (await storedEvents(api, s.id)).filter((e) => e.runId === 'r3');
  const rest = await frames(byRun, r3.length - 1);
  expect([r3Start, ...rest].map((f) => Number(f.id))).toEqual(r3.map((e) => e.seq));
  byRun.close();
  // runId and Last-Event-ID combined.
  const combined = await openStream(`${api.url}${agui(s.id, 'events')}?runId=r1&lastEventId=${stored[2]!.seq}`);
  const r1 = stored.filter((e) => e.runId === 'r1' && e.seq > stored[2]!.seq);
  expect((await frames(combined, r1.length)).map((f) => Number(f.id))).toEqual(r1.map((e) => e.seq));
  combined.close();

  for (const bad of ['abc', '-1', '1.5', '']) {
    expectError(await api.request('GET', agui(s.id, 'events'), { headers: { 'Last-Event-ID': bad }, unchecked: bad === '' }), 400, 21);
  }
  expectError(await api.request('GET', `${agui(s.id, 'events')}?lastEventId=x`), 400, 21);
});

test('reconnecting mid-run with Last-Event-ID loses and repeats nothing', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const steps = Array.from({ length: 60 }, (_, i) => ({ event: { type: 'CUSTOM', name: 'tick', value: i } }));
  runner.nextRun((input) => [
    ...steps.slice(0, 30).flatMap((step) => [step, { wait: 2 }]),
    ...steps.slice(30).flatMap((step) => [step, { wait: 2 }]),
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  const first = await openStream(`${api.url}${agui(s.id, 'events')}?lastEventId=0`);
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'long' } });
  const seen: Frame[] = await frames(first, 20);
  first.close();
  const resumed = await openStream(`${api.url}${agui(s.id, 'events')}`, { 'Last-Event-ID': seen.at(-1)!.id! });
  await runEnded(api, s.id, 'long');
  const stored = await storedEvents(api, s.id);
  seen.push(...(await frames(resumed, stored.length - seen.length)));
  expect(seen.map((f) => Number(f.id))).toEqual(stored.map((e) => e.seq));
  expect(seen.filter((f) => (f.data as Json)['type'] === 'CUSTOM').map((f) => (f.data as Json)['value'])).toEqual(steps.map((_, i) => i));
  resumed.close();
});

test('every event type is stored and relayed unchanged (ids filled), and compacts as specified', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const sent: Json[] = [
    { type: 'STEP_STARTED', stepName: 'one' },
    { type: 'REASONING_START', messageId: 'r' },
    { type: 'REASONING_MESSAGE_START', messageId: 'r', role: 'assistant' },
    { type: 'REASONING_MESSAGE_CONTENT', messageId: 'r', delta: 'hmm' },
    { type: 'REASONING_MESSAGE_END', messageId: 'r' },
    { type: 'REASONING_END', messageId: 'r' },
    { type: 'TEXT_MESSAGE_START', messageId: 'a', role: 'assistant' },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: 'a', delta: 'before snapshot' },
    { type: 'TEXT_MESSAGE_END', messageId: 'a' },
    {
      type: 'MESSAGES_SNAPSHOT',
      messages: [
        { id: 's1', role: 'assistant', content: 'from snapshot', toolCalls: [{ id: 'c', type: 'function', function: { name: 'Bash', arguments: '{}' } }] },
      ],
    },
    { type: 'TOOL_CALL_RESULT', toolCallId: 'c', messageId: 'm', role: 'tool', content: 'ok' },
    { type: 'STATE_SNAPSHOT', snapshot: { a: 1 } },
    { type: 'STATE_DELTA', delta: [{ op: 'add', path: '/b', value: 2 }] },
    { type: 'ACTIVITY_SNAPSHOT', messageId: 'act', activityType: 'plan', content: { steps: [] } },
    { type: 'ACTIVITY_DELTA', messageId: 'act', activityType: 'plan', patch: [] },
    { type: 'RAW', event: { vendor: 'x' }, source: 'claude' },
    { type: 'CUSTOM', name: 'usage', value: { tokens: 5 } },
    { type: 'META', metaType: 'note', payload: {} },
    { type: 'SOMETHING_NEW', threadId: 'other-thread', run_id: 'own-run-id' },
    { type: 'STEP_FINISHED', stepName: 'one' },
  ];
  runner.nextRun((input) => [...sent.map((event) => ({ event })), { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } }]);
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'all' } });
  await runEnded(api, s.id, 'all');
  const stored = (await storedEvents(api, s.id)).slice(1, -1);
  const filled = sent.map((e) => (e['type'] === 'SOMETHING_NEW' ? e : { ...e, threadId: s.id, runId: 'all' }));
  expect(stored.map((e) => e.payload)).toEqual(filled);
  expect(stored.at(-2)!).toMatchObject({ threadId: 'other-thread', runId: 'own-run-id' }); // columns follow the payload
  const stream = await openStream(`${api.url}${agui(s.id, 'events')}?runId=all`);
  const relayed = await frames(stream, sent.length + 1);
  expect(relayed.slice(1, -1).map((f) => f.data)).toEqual(filled.filter((e) => e['runId'] === 'all'));
  stream.close();
  const messages = (await api.request<Json>('GET', agui(s.id, 'history'))).body['messages'] as Json[];
  expect(messages).toEqual([
    {
      id: 's1',
      role: 'assistant',
      content: 'from snapshot',
      toolCalls: [{ id: 'c', name: 'Bash', args: '{}', type: 'function', result: 'ok', status: 'completed' }],
    },
  ]);
});

test('timestamps are sent as epoch ms; empty or unparsable ones are dropped', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  runner.nextRun((input) => [
    { event: { type: 'CUSTOM', name: 'iso', timestamp: '2026-01-02T03:04:05.678Z' } },
    { event: { type: 'CUSTOM', name: 'empty', timestamp: '' } },
    { event: { type: 'CUSTOM', name: 'junk', timestamp: 'yesterday-ish' } },
    { event: { type: 'CUSTOM', name: 'ms', timestamp: 1767000000000 } },
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'ts' } });
  await runEnded(api, s.id, 'ts');
  const stream = await openStream(`${api.url}${agui(s.id, 'events')}?runId=ts`);
  const got = (await frames(stream, 6)).map((f) => f.data as Json).filter((e) => e['type'] === 'CUSTOM');
  expect(got.map((e) => [e['name'], e['timestamp']])).toEqual([
    ['iso', Date.parse('2026-01-02T03:04:05.678Z')],
    ['empty', undefined],
    ['junk', undefined],
    ['ms', 1767000000000],
  ]);
  expect(got.every((e) => 'timestamp' in e === (e['name'] === 'iso' || e['name'] === 'ms'))).toBe(true);
  stream.close();
  // Stored as received.
  expect((await storedEvents(api, s.id)).find((e) => e.payload['name'] === 'iso')!.payload['timestamp']).toBe('2026-01-02T03:04:05.678Z');
});

test('EventSource credentials: ?token= is read on the events stream only', async () => {
  const { api } = world();
  const s = await sessionIn(api);
  const key = (await api.request<Json>('POST', `${V1}/project_keys`, { body: { project_id: s.projectId, name: 'browser', role: 'view' } })).body[
    'key'
  ] as string;
  const ok = await openStream(`${api.url}${agui(s.id, 'events')}?token=${key}`);
  expect(ok.status).toBe(200);
  ok.close();
  const refused = await fetch(`${api.url}${agui(s.id, 'events')}?token=apk_nope_nope`);
  expect(refused.status).toBe(401);
  // Elsewhere the parameter is ignored (the development identity is used).
  expect((await api.request('GET', `${agui(s.id, 'history')}?token=apk_nope_nope`)).status).toBe(200);
});

/** The §a.4 rule 6 output form of a stored payload. */
function normalized(payload: Json): Json {
  if (!('timestamp' in payload)) return payload;
  const { timestamp, ...rest } = payload;
  if (typeof timestamp === 'number') return payload;
  const ms = typeof timestamp === 'string' && timestamp.trim() !== '' ? Date.parse(timestamp) : NaN;
  return Number.isFinite(ms) ? { ...rest, timestamp: ms } : rest;
}
