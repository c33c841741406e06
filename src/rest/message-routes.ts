import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_PAYLOAD, parseAfterSeq, SESSION_MESSAGE_TYPES, type SessionMessage } from '../domain/session-messages.ts';
import type { SessionMessageFeed } from '../live/session-message-feed.ts';
import { SseStream } from '../server/sse.ts';
import { readJsonObject } from './body.ts';
import type { ParameterObject } from 'openapi3-ts/oas31';
import type { Route } from './router.ts';
import type { JsonSchema } from './schemas.ts';
import { resumePoint } from './watch.ts';

/**
 * Session messages (head-contract H5): `POST /sessions/{id}/messages` and `GET` of the messages
 * after a sequence, as a JSON array (no list envelope, as upstream) or, with
 * `Accept: text/event-stream`, as a stream that resumes from `Last-Event-ID` or `after_seq`.
 */

const messageSchema: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { const: 'SessionMessage' },
    session_id: { type: 'string' },
    seq: { type: 'integer', format: 'int64', description: 'Increasing within the session; the stream’s event id.' },
    event_type: { type: 'string' },
    payload: { type: 'string' },
    created_at: { type: 'string', format: 'date-time' },
  },
  required: ['id', 'kind', 'session_id', 'seq', 'event_type', 'payload', 'created_at'],
  additionalProperties: false,
};

const pushSchema: JsonSchema = {
  type: 'object',
  properties: {
    event_type: {
      type: 'string',
      default: 'user',
      description: `${SESSION_MESSAGE_TYPES.join(', ')}, or an AG-UI event name. Users push only user; other types are the session runner's.`,
    },
    payload: { type: 'string', maxLength: MAX_PAYLOAD, description: 'Message body (text, or a JSON-encoded event).' },
  },
  required: ['payload'],
  additionalProperties: false,
};

const LIST_PARAMETERS: ParameterObject[] = [
  {
    name: 'after_seq',
    in: 'query',
    description: 'Only messages with a larger seq (default 0: from the start). At most 1000 per JSON answer; page on with the last seq.',
    schema: { type: 'integer', minimum: 0 },
  },
  { name: 'Last-Event-ID', in: 'header', description: 'Resume a stream after this seq (wins over after_seq).', schema: { type: 'integer', minimum: 0 } },
];

const FRAMES = 'Server-Sent Events: `id: <seq>` and `data: <SessionMessage as JSON>`, stored messages first, then live ones; `: keepalive` every 15 s.';

/** The stream was asked for: `Accept` names `text/event-stream` (upstream needs it exactly; we accept it in a list). */
function wantsStream(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return accept.split(',').some((part) => part.split(';')[0]!.trim().toLowerCase() === 'text/event-stream');
}

export function messageRoutes(): Route[] {
  const tag = 'SessionMessage';
  return [
    {
      method: 'POST',
      path: '/sessions/{id}/messages',
      operationId: 'pushSessionMessage',
      doc: {
        summary: 'Append a message to the session’s log',
        tag,
        body: { schema: pushSchema },
        responses: { 201: { description: 'The stored message.', schema: messageSchema } },
      },
      async handle({ req, ctx, params }, { messages, validator }) {
        const body = await readJsonObject(req);
        validator.validate(pushSchema, body);
        return { status: 201, body: await messages.push(ctx, params['id']!, body) };
      },
    },
    {
      method: 'GET',
      path: '/sessions/{id}/messages',
      operationId: 'listSessionMessages',
      doc: {
        summary: 'The session’s messages after a seq: a JSON array, or a stream (Accept: text/event-stream)',
        tag,
        parameters: LIST_PARAMETERS,
        eventStream: FRAMES,
        responses: { 200: { description: 'The messages, oldest first.', schema: { type: 'array', items: messageSchema } } },
      },
      async handle({ req, ctx, params, query }, { messages, messageFeed, streamKeepaliveMs }) {
        const sessionId = params['id']!;
        const afterSeq = parseAfterSeq(query.get('after_seq'));
        if (!wantsStream(req)) return { status: 200, body: await messages.list(ctx, sessionId, afterSeq) };
        const after = resumePoint(req, query, 'last_event_id') ?? afterSeq;
        // Authorization happens before the first byte, so a refusal is a plain error.
        await messages.authorizeRead(ctx, sessionId);
        return { status: 200, stream: (res) => streamMessages(req, res, messageFeed, sessionId, after, streamKeepaliveMs) };
      },
    },
  ];
}

async function streamMessages(req: IncomingMessage, res: ServerResponse, feed: SessionMessageFeed, sessionId: string, after: number, keepaliveMs: number) {
  const stream = new SseStream(req, res, keepaliveMs);
  stream.start();
  for await (const batch of feed.follow(sessionId, after, stream.closed)) {
    if (!stream.isOpen) break;
    await stream.sendEncoded(batch.map((m: SessionMessage) => SseStream.frame(JSON.stringify(m), m.seq)).join(''));
  }
  stream.end();
}
