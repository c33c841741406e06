import { expect, test } from 'vitest';
import { expectError } from '../support/api.ts';
import { realisticRun, textMessage, toolCall } from '../support/fake-runner.ts';
import { openStream } from '../support/sse.ts';
import { agui, eventually, runEnded, sessionIn, storedEvents, useAguiWorld, type Json } from './support.ts';

/** POST …/agui/run (runtime.md §a.5) over HTTP, with a fake runner answering in AG-UI. */

const world = useAguiWorld();

test('a run: 200 at once, user input persisted after the run marker, the runner’s stream persisted with filled ids', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const res = await api.request<Json>('POST', agui(s.id, 'run'), {
    body: {
      messages: [
        { id: 'm1', role: 'user', content: 'Fix the failing test' },
        { role: 'user', content: [{ type: 'text', text: 'multi-part' }] },
      ],
      tools: [],
      context: {},
      custom: 'kept',
    },
    headers: { Authorization: `Bearer ${jwt({ preferred_username: 'alice', name: 'Alice Liddell' })}` },
  });
  expect(res.status, res.text).toBe(200);
  const { runId, threadId } = res.body as { runId: string; threadId: string };
  expect(threadId).toBe(s.id);
  expect(runId).toMatch(/^[0-9a-f-]{36}$/);
  const row = await runEnded(api, s.id, runId);
  expect(row['status']).toBe('finished');
  expect(row['user_id']).toEqual(expect.any(String));

  // What the runner received.
  const [call] = runner.to('/').filter((r) => (r.body as Json)['runId'] === runId);
  expect(call!.headers['accept']).toBe('text/event-stream');
  expect(call!.headers['content-type']).toBe('application/json');
  expect(call!.headers['x-current-user-id']).toBe('alice');
  expect(call!.headers['x-current-user-name']).toBe('Alice Liddell');
  expect(call!.headers['x-caller-token']).toMatch(/^Bearer ey/);
  expect(call!.headers['x-ambient-session-token']).toBeUndefined(); // no Kubernetes, no token
  const input = call!.body as Json;
  expect(input).toMatchObject({ threadId: s.id, runId, tools: [], context: {}, custom: 'kept' });
  const messages = input['messages'] as Json[];
  expect(messages[0]).toEqual({ id: 'm1', role: 'user', content: 'Fix the failing test', metadata: { senderId: 'alice', senderDisplayName: 'Alice Liddell' } });
  expect(messages[1]!['id']).toMatch(/^[0-9a-f-]{36}$/);

  const events = await storedEvents(api, s.id);
  const generated = messages[1]!['id'] as string;
  const meta = (id: string) => ({
    type: 'RAW',
    threadId,
    runId,
    event: { type: 'message_metadata', messageId: id, senderId: 'alice', senderDisplayName: 'Alice Liddell' },
  });
  expect(events.slice(0, 7).map((e) => e.payload)).toEqual([
    { type: 'RUN_STARTED', threadId, runId },
    { type: 'TEXT_MESSAGE_START', messageId: 'm1', role: 'user', threadId, runId },
    { type: 'TEXT_MESSAGE_CONTENT', messageId: 'm1', delta: 'Fix the failing test', threadId, runId },
    { type: 'TEXT_MESSAGE_END', messageId: 'm1', threadId, runId },
    meta('m1'),
    { type: 'RAW', threadId, runId, event: { role: 'user', id: generated, content: [{ type: 'text', text: 'multi-part' }] } },
    meta(generated),
  ]);
  // The runner's own RUN_STARTED is kept as RAW: exactly one RUN_STARTED per run.
  expect(events.filter((e) => e.type === 'RUN_STARTED')).toHaveLength(1);
  expect(events[7]!.payload).toEqual({ type: 'RAW', threadId, runId, event: { type: 'RUN_STARTED', threadId, runId } });
  // Every event of the run carries the run's ids, in the payload and in the columns.
  for (const e of events) {
    expect(e.runId).toBe(runId);
    expect(e.threadId).toBe(threadId);
    expect(e.payload['threadId'] ?? e.payload['thread_id']).toBe(threadId);
  }
  expect(events.at(-1)!.type).toBe('RUN_FINISHED');

  const history = await api.request<Json>('GET', agui(s.id, 'history'));
  expect(history.status).toBe(200);
  expect(history.body['lastSeq']).toBe(events.at(-1)!.seq);
  const compacted = history.body['messages'] as Json[];
  expect(compacted.map((m) => m['role'])).toEqual(['user', 'user', 'assistant']);
  expect(compacted[0]).toEqual({
    id: 'm1',
    role: 'user',
    content: 'Fix the failing test',
    metadata: { senderId: 'alice', senderDisplayName: 'Alice Liddell' },
  });
  expect(compacted[2]).toMatchObject({
    role: 'assistant',
    content: 'Let me look at the test output first.',
    toolCalls: [{ name: 'Bash', args: '{"command":"npm test"}', status: 'completed', result: '1 failing' }],
  });
  expect(typeof compacted[2]!['timestamp']).toBe('number'); // the runner's ISO timestamp, as epoch ms

  // Sending the same conversation again does not persist the known user message twice.
  const again = await api.request<Json>('POST', agui(s.id, 'run'), { body: { messages: [...messages, { role: 'user', content: 'and now?' }] } });
  await runEnded(api, s.id, again.body['runId'] as string);
  const userStarts = (await storedEvents(api, s.id)).filter((e) => e.type === 'TEXT_MESSAGE_START' && e.payload['role'] === 'user');
  expect(userStarts.map((e) => e.payload['messageId'])).toEqual(['m1', expect.any(String)]);
});

test('validation: 400 code 8 for bad shapes, 409 when not running or for a used runId, 404 for unknown sessions, 413 above 10 MiB', async () => {
  const { api } = world();
  const s = await sessionIn(api);
  for (const body of [{ messages: {} }, { tools: 'x' }, { context: 'x' }, { messages: ['hi'] }, { runId: 7 }]) {
    expectError(await api.request('POST', agui(s.id, 'run'), { body }), 400, 8);
  }
  const first = await api.request<Json>('POST', agui(s.id, 'run'), { body: { runId: 'r-fixed', threadId: 'thread-x' } });
  expect(first.body).toEqual({ runId: 'r-fixed', threadId: 'thread-x' });
  expectError(await api.request('POST', agui(s.id, 'run'), { body: { runId: 'r-fixed' } }), 409, 6);
  await runEnded(api, s.id, 'r-fixed');

  const stopped = await sessionIn(api, 'Stopped');
  expect(expectError(await api.request('POST', agui(stopped.id, 'run'), { body: {} }), 409, 6)).toBe(
    'session is not running (phase "Stopped"); start it first',
  );
  const fresh = await sessionIn(api, null);
  expect(expectError(await api.request('POST', agui(fresh.id, 'run'), { body: {} }), 409, 6)).toBe('session is not running (phase ""); start it first');
  // Pending and Creating may run already (the runner may be coming up).
  const pending = await sessionIn(api, 'Pending');
  const accepted = await api.request<Json>('POST', agui(pending.id, 'run'), { body: {} });
  expect(accepted.status).toBe(200);
  await runEnded(api, pending.id, accepted.body['runId'] as string);

  for (const path of ['run', 'interrupt', 'feedback'])
    expectError(await api.request('POST', agui('2ZtTa0Q9b8Yx4cPqk1m3RvW5sLh', path), { body: { type: 'META' } }), 404, 7);
  for (const path of ['events', 'history', 'runs']) expectError(await api.request('GET', agui('2ZtTa0Q9b8Yx4cPqk1m3RvW5sLh', path)), 404, 7);

  const big = JSON.stringify({ messages: [{ role: 'user', content: 'x'.repeat(10 * 1024 * 1024) }] });
  expectError(await api.request('POST', agui(s.id, 'run'), { raw: big, headers: { 'Content-Type': 'application/json' } }), 413, 32);
  // Just under the limit is fine.
  const nine = await api.request<Json>('POST', agui(s.id, 'run'), { body: { messages: [{ role: 'user', content: 'y'.repeat(9 * 1024 * 1024) }] } });
  expect(nine.status).toBe(200);
  await runEnded(api, s.id, nine.body['runId'] as string);
});

test('interleaved runs in one session keep their own events; runs lists them oldest first with statuses', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  let releaseA!: () => void;
  const gateA = new Promise<void>((resolve) => (releaseA = resolve));
  runner.nextRun((input) => [
    { event: { type: 'RUN_STARTED', threadId: input.threadId, runId: input.runId } },
    ...textMessage('a-1', 'first run, part one'),
    { until: gateA },
    ...textMessage('a-2', 'first run, part two'),
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  runner.nextRun((input) => [
    ...toolCall('tc-b', 'Read', { path: 'x' }, { error: 'no such file' }, { snake: true }),
    { event: { type: 'RUN_ERROR', threadId: input.threadId, runId: input.runId, message: 'model overloaded', code: 'overloaded' } },
  ]);
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'run-a' } });
  await eventually(async () => (await storedEvents(api, s.id)).some((e) => e.payload['messageId'] === 'a-1' && e.type === 'TEXT_MESSAGE_END'));
  await api.request('POST', agui(s.id, 'run'), { body: { runId: 'run-b' } });
  expect((await runEnded(api, s.id, 'run-b'))['error']).toBe('model overloaded');
  const runsWhileA = await api.request<Json>('GET', agui(s.id, 'runs'));
  expect(runsWhileA.body['agentStatus']).toBe('idle'); // the newest lifecycle event is run-b's RUN_ERROR
  expect((runsWhileA.body['runs'] as Json[]).map((r) => [r['runId'], r['status']])).toEqual([
    ['run-a', 'running'],
    ['run-b', 'error'],
  ]);
  releaseA();
  await runEnded(api, s.id, 'run-a');
  const events = await storedEvents(api, s.id);
  expect(events.filter((e) => e.runId === 'run-a').map((e) => e.payload['messageId'] ?? e.type)).toEqual([
    'RUN_STARTED',
    'RAW',
    'a-1',
    'a-1',
    'a-1',
    'a-1',
    'a-1',
    'a-2',
    'a-2',
    'a-2',
    'a-2',
    'a-2',
    'RUN_FINISHED',
  ]);
  expect(events.filter((e) => e.runId === 'run-b').map((e) => e.type)).toEqual([
    'RUN_STARTED',
    'TOOL_CALL_START',
    'TOOL_CALL_ARGS',
    'TOOL_CALL_ARGS',
    'TOOL_CALL_END',
    'RUN_ERROR',
  ]);
  const runs = (await api.request<Json>('GET', agui(s.id, 'runs'))).body;
  expect(runs['runs']).toEqual([
    { runId: 'run-a', threadId: s.id, status: 'finished', startedAt: expect.any(Number), finishedAt: expect.any(Number) },
    { runId: 'run-b', threadId: s.id, status: 'error', startedAt: expect.any(Number), finishedAt: expect.any(Number), error: 'model overloaded' },
  ]);
  expect(runs['agentStatus']).toBe('idle');
  // history of one run
  const history = (await api.request<Json>('GET', `${agui(s.id, 'history')}?runId=run-b`)).body;
  expect(history['messages']).toEqual([
    {
      id: expect.any(String),
      role: 'assistant',
      content: '',
      toolCalls: [{ id: 'tc-b', name: 'Read', args: '{"path":"x"}', type: 'function', status: 'error', error: 'no such file' }],
    },
  ]);
  expect(history['lastSeq']).toBe(events.filter((e) => e.runId === 'run-b').at(-1)!.seq);
});

test('malformed runner data is stored as RAW and logged; the stream goes on', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  runner.nextRun((input) => [
    { data: '{"type":"TEXT_MESSAGE_START","messageId":"ok-1"' }, // truncated JSON
    { data: 'not json at all' },
    { data: '42' },
    { data: '{"no":"type"}' },
    { bytes: 'data: {"type":"CUSTOM",\r\ndata: "name":"multi-line"}\r\n\r\n' },
    { bytes: ': comment only\n\nevent: ignored\nid: 9\nretry: 5\n\n' },
    ...textMessage('ok-2', 'still streaming'),
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  const { runId } = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body as { runId: string };
  await runEnded(api, s.id, runId);
  const events = (await storedEvents(api, s.id)).slice(1);
  expect(events.slice(0, 5).map((e) => e.payload)).toEqual([
    { type: 'RAW', event: { unparsed: '{"type":"TEXT_MESSAGE_START","messageId":"ok-1"' }, threadId: s.id, runId },
    { type: 'RAW', event: { unparsed: 'not json at all' }, threadId: s.id, runId },
    { type: 'RAW', event: { unparsed: '42' }, threadId: s.id, runId },
    { type: 'RAW', event: { unparsed: '{"no":"type"}' }, threadId: s.id, runId },
    { type: 'CUSTOM', name: 'multi-line', threadId: s.id, runId },
  ]);
  expect(events.slice(5).map((e) => e.type)).toEqual([
    'TEXT_MESSAGE_START',
    'TEXT_MESSAGE_CONTENT',
    'TEXT_MESSAGE_CONTENT',
    'TEXT_MESSAGE_CONTENT',
    'TEXT_MESSAGE_END',
    'RUN_FINISHED',
  ]);
});

test('runner failures: non-2xx, a stream that ends early or is cut, a runner that is down for good or comes up during the retries', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const lastError = async (runId: string) => {
    const row = await runEnded(api, s.id, runId);
    const events = (await storedEvents(api, s.id)).filter((e) => e.runId === runId);
    expect(events.filter((e) => e.type === 'RUN_ERROR')).toHaveLength(1);
    expect(row['status']).toBe('error');
    return events.at(-1)!.payload;
  };
  runner.nextRun({ status: 503, body: { error: 'busy' } });
  let run = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect(await lastError(run)).toEqual({ type: 'RUN_ERROR', threadId: s.id, runId: run, message: 'Runner error: HTTP 503' });

  runner.nextRun((input) => textMessage(`m-${input.runId}`, 'and then silence'));
  run = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect(await lastError(run)).toEqual({ type: 'RUN_ERROR', threadId: s.id, runId: run, message: 'Runner stream ended unexpectedly' });

  runner.nextRun((input) => [...textMessage(`m-${input.runId}`, 'crash ahead'), 'drop']);
  run = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect(await lastError(run)).toMatchObject({ message: 'Runner stream ended unexpectedly' });
  expect((await storedEvents(api, s.id)).filter((e) => e.runId === run && e.type === 'TEXT_MESSAGE_END')).toHaveLength(1); // nothing received was lost

  // Connection-level failures are retried: 15 attempts in all, then "Runner is not available".
  for (let i = 0; i < 15; i++) runner.nextRun('reset');
  const before = runner.to('/').length;
  run = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect(await lastError(run)).toEqual({ type: 'RUN_ERROR', threadId: s.id, runId: run, message: 'Runner is not available' });
  expect(runner.to('/').length - before).toBe(15);

  // A runner that comes up during the retries gets the run.
  for (let i = 0; i < 6; i++) runner.nextRun('reset');
  run = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect((await runEnded(api, s.id, run))['status']).toBe('finished');
  expect(runner.to('/').filter((r) => (r.body as Json)['runId'] === run)).toHaveLength(7);

  // Connection refused (nothing listens): retried as well, then the error.
  const port = runner.port;
  await runner.close();
  run = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect(await lastError(run)).toMatchObject({ message: 'Runner is not available' });
  await runner.reopen(port);
});

test('feedback and new runs while a run streams into the same session: no lock waits turn into deadlocks', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const deadlocks = async () => {
    await api.db.pool.query('SELECT pg_stat_clear_snapshot()');
    return Number((await api.db.pool.query<{ n: string }>('SELECT deadlocks AS n FROM pg_stat_database WHERE datname = current_database()')).rows[0]!.n);
  };
  const before = await deadlocks();
  runner.nextRun((input) => [
    ...Array.from({ length: 400 }, (_, i) => ({ event: { type: 'CUSTOM', name: 'tick', value: i } })),
    { event: { type: 'RUN_FINISHED', threadId: input.threadId, runId: input.runId } },
  ]);
  const busy = (await api.request<Json>('POST', agui(s.id, 'run'), { body: { runId: 'busy' } })).body['runId'] as string;
  const writes = await Promise.all([
    ...Array.from({ length: 20 }, (_, i) => api.request('POST', agui(s.id, 'feedback'), { body: { type: 'META', metaType: 'thumbs_up', payload: { i } } })),
    ...Array.from({ length: 5 }, () => api.request('POST', agui(s.id, 'run'), { body: {} })),
  ]);
  expect(writes.map((w) => w.status).every((status) => status === 200)).toBe(true);
  await runEnded(api, s.id, busy);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // statistics are flushed lazily
  expect(await deadlocks()).toBe(before);
  const ticks = (await storedEvents(api, s.id)).filter((e) => e.runId === 'busy' && e.type === 'CUSTOM').map((e) => e.payload['value']);
  expect(ticks).toEqual(Array.from({ length: 400 }, (_, i) => i));
});

test('interrupt: 409 unless Running, 200 when the runner takes it, 502 code 30 otherwise', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  const ok = await api.request<Json>('POST', agui(s.id, 'interrupt'), { body: { runId: 'whatever' } });
  expect(ok.status).toBe(200);
  expect(ok.body).toEqual({ message: 'Interrupt signal sent' });
  expect(runner.to('/interrupt').at(-1)!.body).toEqual({});
  runner.answer('POST /interrupt', { status: 500, body: { error: 'no run' } });
  expect(expectError(await api.request('POST', agui(s.id, 'interrupt')), 502, 30)).toBe('runner interrupt failed: HTTP 500');
  runner.answer('POST /interrupt', { status: 200, body: {} });
  const pending = await sessionIn(api, 'Pending');
  expect(expectError(await api.request('POST', agui(pending.id, 'interrupt')), 409, 6)).toBe('session is not running');
});

test('feedback: stored and published first; 200 when the runner takes it (its reply stored too), 202 otherwise; 400 code 8 unless META', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  expect(expectError(await api.request('POST', agui(s.id, 'feedback'), { body: { type: 'CUSTOM' } }), 400, 8)).toBe('Expected META event type');
  const watcher = await openStream(`${api.url}${agui(s.id, 'events')}?lastEventId=0`);
  runner.answer('POST /feedback', { status: 200, body: { type: 'RAW', event: { ack: 'thumbs_up' } } });
  const feedback = { type: 'META', metaType: 'thumbs_up', payload: { messageId: 'a-1', comment: 'nice' }, ts: 1767000000000 };
  const sent = await api.request<Json>('POST', agui(s.id, 'feedback'), { body: feedback });
  expect(sent.status).toBe(200);
  expect(sent.body).toEqual({ status: 'sent', message: 'Feedback submitted' });
  expect(runner.to('/feedback').at(-1)!.body).toEqual({ ...feedback, threadId: s.id });
  expect((await watcher.nextData()).data).toEqual({ ...feedback, threadId: s.id });
  expect((await watcher.nextData()).data).toEqual({ type: 'RAW', event: { ack: 'thumbs_up' }, threadId: s.id });
  watcher.close();

  runner.answer('POST /feedback', { status: 500 });
  const recorded = await api.request<Json>('POST', agui(s.id, 'feedback'), { body: { ...feedback, runId: 'r-9' } });
  expect(recorded.status).toBe(202);
  expect(recorded.body).toEqual({ status: 'recorded', message: 'Feedback recorded; runner unavailable' });
  const stopped = await sessionIn(api, 'Stopped');
  expect((await api.request('POST', agui(stopped.id, 'feedback'), { body: feedback })).status).toBe(202);
  const stored = await storedEvents(api, s.id);
  expect(stored.filter((e) => e.type === 'META').map((e) => e.runId)).toEqual([null, 'r-9']);
  expect((await storedEvents(api, stopped.id)).map((e) => e.type)).toEqual(['META']);
});

test('a realistic run in snake_case folds into the same history', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api);
  runner.nextRun((input) => realisticRun(input, { snake: true }));
  const { runId } = (await api.request<Json>('POST', agui(s.id, 'run'), { body: { messages: [{ id: 'u1', role: 'user', content: 'hi' }] } })).body as {
    runId: string;
  };
  await runEnded(api, s.id, runId);
  const messages = (await api.request<Json>('GET', agui(s.id, 'history'))).body['messages'] as Json[];
  expect(messages).toEqual([
    { id: 'u1', role: 'user', content: 'hi', metadata: { senderId: 'developer', senderDisplayName: 'Developer' } },
    {
      id: `a-${runId.slice(0, 8)}`,
      role: 'assistant',
      content: 'Let me look at the test output first.',
      timestamp: expect.any(Number),
      toolCalls: [{ id: `t-${runId.slice(0, 8)}`, name: 'Bash', args: '{"command":"npm test"}', type: 'function', result: '1 failing', status: 'completed' }],
    },
  ]);
});

/** An unsigned JWT (development mode reads its claims without verifying). */
function jwt(claims: Json): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })}.sig`;
}
