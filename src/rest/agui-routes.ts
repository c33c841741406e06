import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ParameterObject } from 'openapi3-ts/oas31';
import { serialized, type StoredEvent } from '../agui/events.ts';
import type { EventStreamSource } from '../agui/service.ts';
import { SseStream } from '../server/sse.ts';
import { readJsonObject } from './body.ts';
import type { Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';
import { resumePoint } from './watch.ts';

/**
 * The AG-UI endpoints under `{base}/sessions/{id}/agui/` (runtime.md §a.1). Bodies and answers use
 * the AG-UI protocol's camelCase. Handlers translate HTTP to the AG-UI service and nothing else.
 */

/** run and feedback accept bodies up to 10 MiB (§a.5); larger ones are 413 code 32. */
export const AGUI_BODY_LIMIT = 10 * 1024 * 1024;

const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: true,
});
const text = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const epochMs: JsonSchema = { type: 'integer', description: 'Epoch milliseconds.' };

const RUN_INPUT = object({
  threadId: text('Default: the session id.'),
  runId: text('Default: a new UUID.'),
  parentRunId: text(),
  messages: { type: 'array', items: { type: 'object' }, description: 'AG-UI messages; user messages are persisted (an id is assigned when missing).' },
  state: {},
  tools: { type: 'array' },
  context: { type: ['array', 'object'] },
  forwardedProps: {},
});

const TOOL_CALL = object(
  {
    id: text(),
    name: text(),
    args: text(),
    type: { type: 'string', enum: ['function'] },
    parentToolUseId: text(),
    result: {},
    status: text('running, completed or error.'),
    error: {},
  },
  ['id', 'name', 'args', 'type', 'status'],
);

const MESSAGE = object(
  {
    id: text(),
    role: text(),
    content: {},
    timestamp: epochMs,
    metadata: { type: 'object', properties: { senderId: text(), senderDisplayName: text() }, additionalProperties: true },
    toolCalls: { type: 'array', items: TOOL_CALL },
  },
  ['id', 'role'],
);

const RUN = object(
  {
    runId: text(),
    threadId: text(),
    parentRunId: text(),
    status: { type: 'string', enum: ['running', 'finished', 'error'] },
    startedAt: epochMs,
    finishedAt: epochMs,
    error: text(),
  },
  ['runId', 'status'],
);

const FEEDBACK = object({ status: { type: 'string', enum: ['sent', 'recorded'] }, message: text() }, ['status', 'message']);

const RUN_ID_PARAMETER = (description: string): ParameterObject => ({ name: 'runId', in: 'query', description, schema: { type: 'string' } });

const EVENT_PARAMETERS: ParameterObject[] = [
  {
    name: 'Last-Event-ID',
    in: 'header',
    description: 'Replay every stored event after this seq, raw, instead of the compacted replay.',
    schema: { type: 'integer', minimum: 0 },
  },
  {
    name: 'lastEventId',
    in: 'query',
    description: 'As the Last-Event-ID header (for EventSource reconnects from a saved position).',
    schema: { type: 'integer', minimum: 0 },
  },
  RUN_ID_PARAMETER('Only this run: its stored events, raw, then its live events.'),
  { name: 'token', in: 'query', description: 'Bearer token for browsers (EventSource cannot set headers).', schema: { type: 'string' } },
];

const EVENT_FRAMES =
  'Server-Sent Events: `id: <seq>` and `data: <one AG-UI event as JSON>`; `: keepalive` every 15 s. Without Last-Event-ID or runId the stream opens with the compacted replay (MESSAGES_SNAPSHOT of finished runs, the latest STATE_SNAPSHOT, META events, active runs raw; only its last frame carries an id), then live events.';

export function aguiRoutes(): Route[] {
  const tag = 'Session';
  const base = '/sessions/{id}/agui';
  return [
    {
      method: 'POST',
      path: `${base}/run`,
      operationId: 'startAguiRun',
      doc: {
        summary: 'Start an AG-UI run (output arrives through events)',
        tag,
        body: { schema: RUN_INPUT },
        responses: {
          200: {
            description: 'The run’s ids; the runner is called in the background.',
            schema: object({ runId: text(), threadId: text() }, ['runId', 'threadId']),
          },
        },
        errors: [409],
      },
      async handle({ req, ctx, params }, { agui }) {
        const body = await readJsonObject(req, { limit: AGUI_BODY_LIMIT });
        return { status: 200, body: await agui.run(ctx, params['id']!, body, { authorization: req.headers.authorization }) };
      },
    },
    {
      method: 'POST',
      path: `${base}/interrupt`,
      operationId: 'interruptAguiRun',
      doc: {
        summary: 'Ask the runner to interrupt the current run',
        tag,
        body: { schema: object({ runId: text() }), optional: true },
        responses: { 200: { description: 'The runner took the interrupt.', schema: object({ message: text() }, ['message']) } },
        errors: [409, 502],
      },
      async handle({ req, ctx, params }, { agui }) {
        req.resume(); // the body is ignored
        return { status: 200, body: await agui.interrupt(ctx, params['id']!) };
      },
    },
    {
      method: 'POST',
      path: `${base}/feedback`,
      operationId: 'sendAguiFeedback',
      doc: {
        summary: 'Record a META feedback event and forward it to the runner',
        tag,
        body: { schema: object({ type: { type: 'string', enum: ['META'] }, metaType: text(), payload: {}, threadId: text(), runId: text() }, ['type']) },
        responses: {
          200: { description: 'Stored and taken by the runner.', schema: FEEDBACK },
          202: { description: 'Stored; the runner is not running or did not take it.', schema: FEEDBACK },
        },
      },
      async handle({ req, ctx, params }, { agui }) {
        const body = await readJsonObject(req, { limit: AGUI_BODY_LIMIT });
        const result = await agui.feedback(ctx, params['id']!, body);
        return { status: result.status, body: result.body };
      },
    },
    {
      method: 'GET',
      path: `${base}/events`,
      operationId: 'streamAguiEvents',
      doc: {
        summary: 'AG-UI events: replay, then live (SSE)',
        tag,
        parameters: EVENT_PARAMETERS,
        eventStream: EVENT_FRAMES,
        responses: { 200: { description: 'An event stream.' } },
      },
      async handle({ req, ctx, params, query }, { agui, streamKeepaliveMs }) {
        const lastEventId = resumePoint(req, query, 'lastEventId');
        const runId = query.get('runId') || undefined;
        // Authorization and the replay happen before the first byte, so failures are plain errors.
        const source = await agui.events(ctx, params['id']!, { lastEventId, runId });
        return { status: 200, stream: (res) => streamEvents(req, res, source, streamKeepaliveMs) };
      },
    },
    {
      method: 'GET',
      path: `${base}/history`,
      operationId: 'getAguiHistory',
      doc: {
        summary: 'The conversation so far, compacted into messages',
        tag,
        parameters: [RUN_ID_PARAMETER('Compact only this run.')],
        responses: {
          200: {
            description: 'The compacted messages and the highest seq included.',
            schema: object({ threadId: text(), messages: { type: 'array', items: MESSAGE }, lastSeq: { type: 'integer' } }, [
              'threadId',
              'messages',
              'lastSeq',
            ]),
          },
        },
      },
      async handle({ ctx, params, query }, { agui }) {
        return { status: 200, body: await agui.history(ctx, params['id']!, query.get('runId') || undefined) };
      },
    },
    {
      method: 'GET',
      path: `${base}/runs`,
      operationId: 'listAguiRuns',
      doc: {
        summary: 'The session’s runs and the agent status',
        tag,
        responses: {
          200: {
            description: 'Runs, oldest first; agentStatus is derived only while the session is Running ("" otherwise).',
            schema: object({ agentStatus: { type: 'string', enum: ['working', 'idle', 'waiting_input', ''] }, runs: { type: 'array', items: RUN } }, [
              'agentStatus',
              'runs',
            ]),
          },
        },
      },
      async handle({ ctx, params }, { agui }) {
        return { status: 200, body: await agui.runs(ctx, params['id']!) };
      },
    },
  ];
}

/** Encoded live batches: every stream that receives the same batch of the feed writes the same bytes. */
const encodedBatches = new WeakMap<readonly StoredEvent[], Buffer>();

function encoded(batch: readonly StoredEvent[]): Buffer {
  let bytes = encodedBatches.get(batch);
  if (!bytes) {
    bytes = Buffer.from(batch.map((e) => SseStream.frame(serialized(e.payload), e.seq)).join(''));
    encodedBatches.set(batch, bytes);
  }
  return bytes;
}

/** Writes the replay, then live events until the client leaves or the server stops (§a.6). */
async function streamEvents(req: IncomingMessage, res: ServerResponse, source: EventStreamSource, keepaliveMs: number): Promise<void> {
  const stream = new SseStream(req, res, keepaliveMs);
  void stream.closed.then(() => source.live.close());
  stream.start();
  if (source.replay.length > 0) await stream.sendEncoded(source.replay.map((f) => SseStream.frame(serialized(f.event), f.id)).join(''));
  for await (const batch of source.live.batches()) {
    if (!stream.isOpen) break;
    await stream.sendEncoded(encoded(batch));
  }
  stream.end();
}
