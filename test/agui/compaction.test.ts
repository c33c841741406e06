import { describe, expect, test } from 'vitest';
import { AgentStatusScan, compact, compactOnRead } from '../../src/agui/compaction.ts';
import { normalizeTimestamp, withFilledIds, type AguiEvent, type StoredEvent } from '../../src/agui/events.ts';
import { LISTENER_RETRY, RUN_RETRY, retryDelay, SseParser } from '../../src/runner/agui-stream.ts';

/** The pure parts of runtime.md part a: compaction (§a.7), compact-on-read (§a.8), agent status (§a.9), SSE framing and retry delays. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const e = (type: string, fields: Record<string, unknown> = {}): AguiEvent => ({ type, ...fields });

describe('compaction (§a.7)', () => {
  test('text messages: user messages close at END, assistant messages stay open for their tool calls', () => {
    expect(
      compact([
        e('TEXT_MESSAGE_START', { messageId: 'u1', role: 'user', timestamp: 1 }),
        e('TEXT_MESSAGE_CONTENT', { messageId: 'u1', delta: 'Fix ' }),
        e('TEXT_MESSAGE_CONTENT', { messageId: 'u1', delta: 'it' }),
        e('TEXT_MESSAGE_END', { messageId: 'u1' }),
        e('TEXT_MESSAGE_START', { message_id: 'a1' }),
        e('TEXT_MESSAGE_CONTENT', { message_id: 'a1', delta: 'On it.' }),
        e('TEXT_MESSAGE_END', { message_id: 'a1' }),
        e('TOOL_CALL_START', { toolCallId: 't1', toolCallName: 'Bash', parentToolUseId: 'p0' }),
        e('TOOL_CALL_ARGS', { toolCallId: 't1', delta: '{"cmd":' }),
        e('TOOL_CALL_ARGS', { toolCallId: 't1', delta: '"ls"}' }),
        e('TOOL_CALL_END', { toolCallId: 't1', result: 'a.ts' }),
        e('TOOL_CALL_START', { tool_call_id: 't2', tool_call_name: 'Read', parent_tool_call_id: 'p1' }),
        e('TOOL_CALL_END', { tool_call_id: 't2', error: 'denied' }),
      ]),
    ).toEqual([
      { id: 'u1', role: 'user', content: 'Fix it', timestamp: 1 },
      {
        id: 'a1',
        role: 'assistant',
        content: 'On it.',
        toolCalls: [
          { id: 't1', name: 'Bash', args: '{"cmd":"ls"}', type: 'function', parentToolUseId: 'p0', result: 'a.ts', status: 'completed' },
          { id: 't2', name: 'Read', args: '', type: 'function', parentToolUseId: 'p1', status: 'error', error: 'denied' },
        ],
      },
    ]);
  });

  test('CONTENT without an open message starts an assistant one; a repeated id replaces in place', () => {
    expect(
      compact([
        e('TEXT_MESSAGE_CONTENT', { messageId: 'a1', delta: 'first' }),
        e('TEXT_MESSAGE_START', { messageId: 'u1', role: 'user' }),
        e('TEXT_MESSAGE_END', { messageId: 'u1' }),
        e('TEXT_MESSAGE_START', { messageId: 'a1' }),
        e('TEXT_MESSAGE_CONTENT', { messageId: 'a1', delta: 'second' }),
      ]),
    ).toEqual([
      { id: 'a1', role: 'assistant', content: 'second' },
      { id: 'u1', role: 'user', content: '' },
    ]);
  });

  test('a tool call without an open assistant message gets one of its own; TOOL_CALL_RESULT reaches built calls anywhere; open calls are dropped', () => {
    const messages = compact([
      e('TEXT_MESSAGE_START', { messageId: 'u1', role: 'user' }),
      e('TEXT_MESSAGE_END', { messageId: 'u1' }),
      e('TOOL_CALL_START', { toolCallId: 't1', toolCallName: 'Grep', parentToolUseID: 'P' }),
      e('TOOL_CALL_END', { toolCallId: 't1' }),
      e('TEXT_MESSAGE_START', { messageId: 'a2' }),
      e('TOOL_CALL_RESULT', { toolCallId: 't1', content: 'late result' }),
      e('TOOL_CALL_START', { toolCallId: 'open', toolCallName: 'Slow' }),
    ]);
    expect(messages).toEqual([
      { id: 'u1', role: 'user', content: '' },
      {
        id: expect.stringMatching(UUID),
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 't1', name: 'Grep', args: '', type: 'function', parentToolUseId: 'P', result: 'late result', status: 'completed' }],
      },
      { id: 'a2', role: 'assistant', content: '' },
    ]);
  });

  test('RAW: message metadata (sender merged, hidden removed) and role messages from event or data', () => {
    expect(
      compact([
        e('RAW', { event: { role: 'user', id: 'u1', content: [{ type: 'image' }], timestamp: '2026-01-01T00:00:00Z' } }),
        e('RAW', { event: { type: 'message_metadata', messageId: 'u1', senderId: 'alice' } }),
        e('RAW', { data: { type: 'message_metadata', message_id: 'u1', senderDisplayName: 'Alice' } }),
        e('RAW', { data: { role: 'user', content: 'no id', id: '' }, timestamp: 5 }),
        e('TEXT_MESSAGE_START', { messageId: 'u2', role: 'user' }),
        e('TEXT_MESSAGE_END', { messageId: 'u2' }),
        e('RAW', { event: { type: 'message_metadata', messageId: 'u2', hidden: true } }),
        e('RAW', { event: { type: 'RUN_STARTED', runId: 'x' } }),
        e('RAW', { event: { unparsed: 'junk' } }),
        e('RAW', { event: { role: 'user', id: 'u1', content: 'replaced' } }),
      ]),
    ).toEqual([
      { id: 'u1', role: 'user', content: 'replaced', metadata: { senderId: 'alice', senderDisplayName: 'Alice' } },
      { id: expect.stringMatching(UUID), role: 'user', content: 'no id', timestamp: 5 },
    ]);
  });

  test('MESSAGES_SNAPSHOT replaces everything, normalizes tool calls and clears the open message and calls', () => {
    expect(
      compact([
        e('TEXT_MESSAGE_START', { messageId: 'gone' }),
        e('TOOL_CALL_START', { toolCallId: 'dropped', toolCallName: 'X' }),
        e('MESSAGES_SNAPSHOT', {
          messages: [
            { id: 'm1', role: 'user', content: 'hello', name: 'kept' },
            { id: 'm2', role: 'assistant', content: '', toolCalls: [{ id: 'c1', type: 'function', function: { name: 'Bash', arguments: '{"a":1}' } }] },
            { id: 'm3', role: 'tool', content: 'out', toolCallId: 'c1' },
          ],
        }),
        e('TOOL_CALL_END', { toolCallId: 'dropped' }),
        e('TOOL_CALL_RESULT', { toolCallId: 'c1', content: 'done' }),
      ]),
    ).toEqual([
      { id: 'm1', role: 'user', content: 'hello', name: 'kept' },
      {
        id: 'm2',
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'c1', name: 'Bash', args: '{"a":1}', type: 'function', result: 'done', status: 'completed' }],
      },
      { id: 'm3', role: 'tool', content: 'out', toolCallId: 'c1' },
      {
        id: expect.stringMatching(UUID),
        role: 'assistant',
        content: '',
        toolCalls: [{ id: 'dropped', name: '', args: '', type: 'function', status: 'completed' }],
      },
    ]);
  });

  test('every other type is ignored', () => {
    const others = [
      'RUN_STARTED',
      'RUN_FINISHED',
      'RUN_ERROR',
      'STEP_STARTED',
      'STEP_FINISHED',
      'REASONING_START',
      'REASONING_END',
      'REASONING_MESSAGE_START',
      'REASONING_MESSAGE_CONTENT',
      'REASONING_MESSAGE_END',
      'STATE_SNAPSHOT',
      'STATE_DELTA',
      'ACTIVITY_SNAPSHOT',
      'ACTIVITY_DELTA',
      'CUSTOM',
      'META',
      'SOMETHING_NEW',
    ];
    expect(compact(others.map((type) => e(type, { messageId: 'm', delta: 'x', role: 'user', messages: [{ id: 'z' }] })))).toEqual([]);
  });
});

describe('ids and timestamps (§a.4)', () => {
  test('filled ids only when missing in both casings; the event is not changed', () => {
    const original = e('X', { thread_id: 't' });
    expect(withFilledIds(original, { threadId: 'T', runId: 'R' })).toEqual({ type: 'X', thread_id: 't', runId: 'R' });
    expect(original).toEqual({ type: 'X', thread_id: 't' });
    expect(withFilledIds(e('X'), { threadId: 'T' })).toEqual({ type: 'X', threadId: 'T' });
    const complete = e('X', { threadId: 'a', run_id: 'b' });
    expect(withFilledIds(complete, { threadId: 'T', runId: 'R' })).toBe(complete);
  });

  test('timestamps: ISO → ms, numbers kept, empty and unparsable removed', () => {
    expect(normalizeTimestamp(e('X', { timestamp: '1970-01-01T00:00:01Z' }))).toEqual({ type: 'X', timestamp: 1000 });
    expect(normalizeTimestamp(e('X', { timestamp: 7 }))).toEqual({ type: 'X', timestamp: 7 });
    for (const bad of ['', ' ', 'soon', null, {}]) expect(normalizeTimestamp(e('X', { timestamp: bad }))).toEqual({ type: 'X' });
  });
});

const stored = (seq: number, runId: string | null, payload: AguiEvent): StoredEvent => ({
  seq,
  runId,
  threadId: 'T',
  type: payload.type,
  payload,
  createdAt: 1000 + seq,
});

describe('compact-on-read (§a.8)', () => {
  test('completed runs and run-less events compact; latest completed state; META; active runs raw with a RUN_STARTED; id only on the last frame', () => {
    const events = [
      stored(1, 'r1', e('RUN_STARTED', { runId: 'r1' })),
      stored(2, 'r1', e('STATE_SNAPSHOT', { snapshot: 1 })),
      stored(3, 'r1', e('TEXT_MESSAGE_START', { messageId: 'a', timestamp: 50 })),
      stored(4, 'r2', e('TEXT_MESSAGE_START', { messageId: 'b' })),
      stored(5, 'r3', e('RUN_STARTED', { runId: 'r3' })),
      stored(6, null, e('META', { metaType: 'x' })),
      stored(7, 'r2', e('STATE_SNAPSHOT', { snapshot: 'active, not sent alone' })),
      stored(8, 'r1', e('STATE_SNAPSHOT', { snapshot: 2 })),
      stored(9, 'r1', e('RUN_FINISHED', { runId: 'r1' })),
      stored(10, 'r3', e('META', { metaType: 'in-run' })),
    ];
    const frames = compactOnRead(events, 'T', 10);
    expect(frames).toEqual([
      {
        event: {
          type: 'MESSAGES_SNAPSHOT',
          threadId: 'T',
          runId: 'thread-snapshot',
          timestamp: 1009,
          messages: [{ id: 'a', role: 'assistant', content: '', timestamp: 50 }],
        },
      },
      { event: events[7]!.payload },
      { event: events[5]!.payload },
      { event: { type: 'RUN_STARTED', threadId: 'T', runId: 'r2' } },
      { event: events[3]!.payload },
      { event: events[6]!.payload },
      { event: events[4]!.payload },
      { event: events[9]!.payload, id: 10 },
    ]);
  });

  test('nothing to replay: no frames; no messages: no snapshot', () => {
    expect(compactOnRead([], 'T', 0)).toEqual([]);
    expect(compactOnRead([stored(1, null, e('META'))], 'T', 1)).toEqual([{ event: { type: 'META' }, id: 1 }]);
  });
});

describe('agent status (§a.9)', () => {
  const status = (newestFirst: [string, string | null, Record<string, unknown>?][]) => {
    const scan = new AgentStatusScan();
    for (const [type, runId, payload] of newestFirst) {
      const s = scan.step({ type, runId, payload: { type, ...payload } });
      if (s !== undefined) return s;
    }
    return scan.end();
  };
  test('the rules', () => {
    expect(status([])).toBe('');
    expect(status([['TEXT_MESSAGE_CONTENT', 'r1']])).toBe('');
    expect(
      status([
        ['TEXT_MESSAGE_CONTENT', 'r1'],
        ['RUN_STARTED', 'r1'],
      ]),
    ).toBe('working');
    expect(
      status([
        ['RUN_FINISHED', 'r1'],
        ['RUN_STARTED', 'r1'],
      ]),
    ).toBe('idle');
    expect(status([['RUN_ERROR', 'r1']])).toBe('idle');
    expect(
      status([
        ['RUN_FINISHED', 'r1'],
        ['TOOL_CALL_START', 'r1', { toolCallName: 'AskUserQuestion' }],
        ['RUN_STARTED', 'r1'],
      ]),
    ).toBe('waiting_input');
    expect(
      status([
        ['RUN_FINISHED', 'r2'],
        ['TOOL_CALL_START', 'r1', { tool_call_name: 'ask_user_question' }],
      ]),
    ).toBe('idle');
    expect(
      status([
        ['RUN_FINISHED', 'r1'],
        ['TOOL_CALL_START', 'r1', { toolCallName: 'Bash' }],
        ['RUN_STARTED', 'r1'],
      ]),
    ).toBe('idle');
    // An AskUserQuestion in the running run does not decide: the run is working.
    expect(
      status([
        ['TOOL_CALL_START', 'r1', { toolCallName: 'ASK-USER-QUESTION' }],
        ['RUN_STARTED', 'r1'],
      ]),
    ).toBe('working');
  });
});

describe('SSE framing and retry policy', () => {
  test('data lines join with \\n; comments and other fields are ignored; CRLF split across chunks; a last event without its blank line', () => {
    const parser = new SseParser();
    const out = [
      ...parser.push('data: {"a":\r'),
      ...parser.push('\ndata:1}\r\n\r\n: hi\n\nevent: x\nid: 3\nretry: 1\ndata\n\ndata: two\rdata:  spaced\r\r'),
      ...parser.push('data: tail'),
    ];
    expect(out).toEqual(['{"a":\n1}', '', 'two\n spaced']);
    expect(parser.end()).toEqual(['tail']);
  });

  test('delays: 500 ms ×1.5 capped at 5 s for runs (15 attempts); 1 s ×1.5 capped at 30 s for the listener (30)', () => {
    expect(RUN_RETRY.attempts).toBe(15);
    expect(Array.from({ length: 14 }, (_, i) => Math.round(retryDelay(RUN_RETRY, i + 1)))).toEqual([
      500, 750, 1125, 1688, 2531, 3797, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000,
    ]);
    expect(LISTENER_RETRY.attempts).toBe(30);
    expect(Array.from({ length: 10 }, (_, i) => Math.round(retryDelay(LISTENER_RETRY, i + 1)))).toEqual([
      1000, 1500, 2250, 3375, 5063, 7594, 11391, 17086, 25629, 30000,
    ]);
  });
});
