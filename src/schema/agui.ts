// The CommonJS build of graphql, as Pothos and yoga load it (bundlers may pick the ES build, a second copy).
import { valueFromASTUntyped } from 'graphql';
import type { Message, ToolCall } from '../agui/compaction.ts';
import type { AguiSubscription } from '../agui/feed.ts';
import { invalid } from '../domain/errors.ts';
import { Session } from '../kinds/index.ts';
import { builder } from './builder.ts';
import { targetId } from './kind-types.ts';
import { SessionNode } from './session.ts';

type Row = Record<string, unknown>;

/**
 * AG-UI in GraphQL (runtime.md part a), through the same AguiService as REST: a session's runs
 * and compacted conversation as fields of Session, and its stored events as a subscription that
 * replays from a sequence and continues live.
 */

builder.scalarType('JSON', {
  description: 'Any JSON value (AG-UI payloads are passed through as the runner sent them).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast) => valueFromASTUntyped(ast),
});

interface AguiEventShape {
  seq: number;
  type: string;
  event: Record<string, unknown>;
}

const AguiEvent = builder.objectRef<AguiEventShape>('AguiEvent').implement({
  description: 'One stored AG-UI event: its position in the log and the event itself (camelCase, as AG-UI clients read it; timestamps in epoch ms).',
  fields: (t) => ({
    seq: t.field({ type: 'SafeInt', description: 'Position in the event log; resume a subscription with `after` set to it.', resolve: (e) => e.seq }),
    type: t.exposeString('type', { description: 'The AG-UI event type (RUN_STARTED, TEXT_MESSAGE_CONTENT, …).' }),
    event: t.field({ type: 'JSON', description: 'The whole event.', resolve: (e) => e.event }),
  }),
});

const AguiToolCall = builder.objectRef<ToolCall>('AguiToolCall').implement({
  description: 'A tool call of an assistant message.',
  fields: (t) => ({
    id: t.exposeString('id'),
    name: t.exposeString('name'),
    args: t.exposeString('args', { description: 'The arguments as the model streamed them (JSON text).' }),
    type: t.exposeString('type'),
    parentToolUseId: t.string({ nullable: true, resolve: (c) => c.parentToolUseId ?? null }),
    status: t.exposeString('status', { description: 'running, completed or error.' }),
    result: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.result ?? null }),
    error: t.field({ type: 'JSON', nullable: true, resolve: (c) => c.error ?? null }),
  }),
});

const AguiMessage = builder.objectRef<Message>('AguiMessage').implement({
  description: 'One message of the compacted conversation (runtime.md §a.7).',
  fields: (t) => ({
    id: t.string({ resolve: (m) => m.id }),
    role: t.string({ resolve: (m) => m.role }),
    content: t.field({ type: 'JSON', nullable: true, description: 'Text, or the structured content a client sent.', resolve: (m) => m.content ?? null }),
    timestamp: t.field({ type: 'SafeInt', nullable: true, description: 'Epoch milliseconds.', resolve: (m) => m.timestamp ?? null }),
    metadata: t.field({ type: 'JSON', nullable: true, description: 'senderId, senderDisplayName, …', resolve: (m) => m.metadata ?? null }),
    toolCalls: t.field({ type: [AguiToolCall], resolve: (m) => m.toolCalls ?? [] }),
    raw: t.field({ type: 'JSON', description: 'The message as `GET …/agui/history` returns it (with any other keys).', resolve: (m) => m }),
  }),
});

const AguiRun = builder.objectRef<Row>('AguiRun').implement({
  description: 'One AG-UI run of a session.',
  fields: (t) => ({
    runId: t.string({ resolve: (r) => r['runId'] as string }),
    threadId: t.string({ nullable: true, resolve: (r) => (r['threadId'] as string | undefined) ?? null }),
    parentRunId: t.string({ nullable: true, resolve: (r) => (r['parentRunId'] as string | undefined) ?? null }),
    status: t.string({ description: 'running, finished or error.', resolve: (r) => r['status'] as string }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => at(r['startedAt']) }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (r) => at(r['finishedAt']) }),
    error: t.string({ nullable: true, resolve: (r) => (r['error'] as string | undefined) ?? null }),
  }),
});

const at = (ms: unknown) => (typeof ms === 'number' ? new Date(ms) : null);
builder.prismaObjectFields(SessionNode, (t) => ({
  runs: t.field({
    type: [AguiRun],
    description: 'The session’s AG-UI runs, oldest first.',
    resolve: async (session, _args, ctx) => (await ctx.services.agui.runs(ctx.request, session.id)).runs,
  }),
  agentStatus: t.string({
    description: 'working, idle or waiting_input, derived from the events while the session is Running; empty otherwise (runtime.md §a.9).',
    resolve: async (session, _args, ctx) => (await ctx.services.agui.runs(ctx.request, session.id)).agentStatus,
  }),
  messages: t.field({
    type: [AguiMessage],
    description: 'The conversation so far: every AG-UI event of the session compacted into messages (as `GET …/agui/history`).',
    resolve: async (session, _args, ctx) => (await ctx.services.agui.history(ctx.request, session.id)).messages,
  }),
}));

builder.subscriptionField('sessionAguiEvents', (t) =>
  t.field({
    type: AguiEvent,
    description:
      'The stored AG-UI events of a session after `after` (default: from the first), in order, then live as they are persisted. NotFound when the session does not exist or is not visible.',
    args: {
      session: t.arg.id({ required: true, description: 'The session (its global id).' }),
      after: t.arg.string({ description: 'Only events after this `seq`.' }),
    },
    subscribe: async (_root, args, ctx) => {
      const after = args.after ?? '0';
      if (!/^\d+$/.test(after) || !Number.isSafeInteger(Number(after))) throw invalid('after must be a non-negative integer (a seq)', 'after');
      const id = targetId(String(args.session), Session);
      const { live } = await ctx.services.agui.events(ctx.request, id, { lastEventId: Number(after) });
      return aguiEvents(live);
    },
    resolve: (event) => event,
  }),
);

/** The subscription's events as GraphQL payloads; returning (the client left) closes it at once. */
function aguiEvents(live: AguiSubscription): AsyncIterableIterator<AguiEventShape> {
  const events = (async function* (): AsyncGenerator<AguiEventShape, undefined> {
    for await (const e of live) yield { seq: e.seq, type: e.type, event: e.payload };
  })();
  return {
    next: () => events.next(),
    return: () => {
      live.close();
      return events.return(undefined);
    },
    throw: (error?: unknown) => {
      live.close();
      return events.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
