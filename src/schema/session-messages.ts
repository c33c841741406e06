import { parseAfterSeq, type SessionMessage } from '../domain/session-messages.ts';
import { Session } from '../kinds/index.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import { targetId } from './kind-types.ts';

/**
 * Session messages (head-contract H5) in GraphQL: the log after a seq, push, and a subscription
 * that replays the stored messages and follows live ones, through the same SessionMessages
 * service and Postgres-backed feed as REST.
 */

const SessionMessageRef = builder.objectRef<SessionMessage>('SessionMessage').implement({
  description: 'One message of a session’s log.',
  fields: (t) => ({
    id: t.exposeString('id'),
    seq: t.field({ type: 'SafeInt', description: 'Increasing within the session; resume with `afterSeq` set to it.', resolve: (m) => m.seq }),
    eventType: t.exposeString('event_type', { description: 'user, assistant, tool_use, tool_result, system, error, or an AG-UI event name.' }),
    payload: t.exposeString('payload'),
    createdAt: t.exposeString('created_at', { description: 'RFC 3339.' }),
  }),
});

const SESSION_ARG = { required: true, description: 'The session (its global id).' } as const;
const localSession = (id: unknown) => targetId(String(id), Session);

builder.queryField('sessionMessages', (t) =>
  t.field({
    type: [SessionMessageRef],
    description: 'The session’s messages after `afterSeq` (default: from the first), oldest first, at most 1000.',
    args: { session: t.arg.id(SESSION_ARG), afterSeq: t.arg.string({ description: 'Only messages after this seq.' }) },
    resolve: (_root, args, ctx: GraphqlContext) =>
      ctx.services.messages.list(ctx.request, localSession(args.session), parseAfterSeq(args.afterSeq as string | null | undefined)),
  }),
);

builder.mutationField('pushSessionMessage', (t) =>
  t.field({
    type: SessionMessageRef,
    description: 'Append a message to the session’s log. Users push only `user` (the default); other types are the session runner’s.',
    args: {
      session: t.arg.id(SESSION_ARG),
      eventType: t.arg.string({ description: 'Default user.' }),
      payload: t.arg.string({ required: true }),
    },
    resolve: (_root, args, ctx: GraphqlContext) =>
      ctx.services.messages.push(ctx.request, localSession(args.session), {
        payload: args.payload,
        ...(args.eventType != null ? { event_type: args.eventType } : {}),
      }),
  }),
);

builder.subscriptionField('sessionMessages', (t) =>
  t.field({
    type: SessionMessageRef,
    description: 'The session’s stored messages after `afterSeq`, in order, then live ones as they are stored (on any replica).',
    args: { session: t.arg.id(SESSION_ARG), afterSeq: t.arg.string({ description: 'Only messages after this seq.' }) },
    subscribe: async (_root, args, ctx: GraphqlContext) => {
      const id = localSession(args.session);
      const after = parseAfterSeq(args.afterSeq as string | null | undefined);
      await ctx.services.messages.authorizeRead(ctx.request, id);
      return followMessages(ctx, id, after);
    },
    resolve: (message) => message,
  }),
);

/** One message at a time from the feed's batches; returning (the client left) ends the follow at once. */
function followMessages(ctx: GraphqlContext, sessionId: string, after: number): AsyncIterableIterator<SessionMessage> {
  let leave!: () => void;
  const left = new Promise<void>((resolve) => (leave = resolve));
  const messages = (async function* (): AsyncGenerator<SessionMessage, undefined> {
    for await (const batch of ctx.services.messageFeed.follow(sessionId, after, left)) yield* batch;
    return undefined;
  })();
  return {
    next: () => messages.next(),
    return: () => {
      leave();
      return messages.return(undefined);
    },
    throw: (error: unknown) => {
      leave();
      return messages.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
