import type { HomeAgent } from '../domain/agents.ts';
import { Agent, InboxMessage, Project } from '../kinds/index.ts';
import { builder } from './builder.ts';
import { Change } from './change-types.ts';
import type { GraphqlContext } from './context.ts';
import { localId } from './filters.ts';
import { reread, targetId } from './kind-types.ts';
import { SessionNode } from './session.ts';
import { kindChanges, resumePoint } from './live/streams.ts';

/**
 * Agents' operations (head-contract H3, H4) in GraphQL, through the same Agents service as REST:
 * start (the session it answers; its `prompt` is the composed start prompt), the ignition dry
 * run, the project home, and the changes of one agent's inbox.
 */

const AgentIgnition = builder.objectRef<{ startPrompt: string; inboxUnread: number }>('AgentIgnition').implement({
  description: 'The start prompt a start would use now (nothing written).',
  fields: (t) => ({
    startPrompt: t.exposeString('startPrompt'),
    inboxUnreadCount: t.exposeInt('inboxUnread', { description: 'Unread inbox messages; a start uses the oldest that fit.' }),
  }),
});

const ProjectHomeAgent = builder.objectRef<HomeAgent>('ProjectHomeAgent').implement({
  description: 'One agent of a project at a glance.',
  fields: (t) => ({
    agentId: t.exposeString('agent_id', { description: 'The agent’s database id.' }),
    agentName: t.exposeString('agent_name'),
    sessionPhase: t.exposeString('session_phase', { description: 'Phase of its newest session; empty when none or never started.' }),
    inboxUnreadCount: t.exposeInt('inbox_unread_count'),
    summary: t.exposeString('summary', { description: 'Start of the newest session’s latest assistant message.' }),
  }),
});

/** The agent's project id, after checking the caller can see the agent (404 otherwise). */
async function projectOfAgent(ctx: GraphqlContext, agentId: string): Promise<string> {
  return (await ctx.services.domain.get(ctx.request, Agent, agentId))['project_id'] as string;
}

builder.mutationField('startAgent', (t) =>
  t.prismaField({
    type: SessionNode,
    description:
      'Start the agent: its running session when it has one, else a new started session whose prompt is the composed start prompt (the unread inbox it used is marked read). Racing starts make one session.',
    args: { agent: t.arg.id({ required: true, description: 'The agent (its global id).' }), prompt: t.arg.string({ description: 'This run’s task.' }) },
    resolve: async (query, _root, args, ctx: GraphqlContext) => {
      const agentId = targetId(String(args.agent), Agent);
      const result = await ctx.services.agents.start(
        ctx.request,
        await projectOfAgent(ctx, agentId),
        agentId,
        args.prompt != null ? { prompt: args.prompt } : {},
      );
      return reread(ctx, result.session, (id) => ctx.services.prisma.session.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.queryField('agentIgnition', (t) =>
  t.field({
    type: AgentIgnition,
    description: 'The start prompt the agent’s next start would use, as a dry run.',
    args: { agent: t.arg.id({ required: true, description: 'The agent (its global id).' }) },
    resolve: async (_root, args, ctx: GraphqlContext) => {
      const agentId = targetId(String(args.agent), Agent);
      return ctx.services.agents.ignition(ctx.request, await projectOfAgent(ctx, agentId), agentId);
    },
  }),
);

builder.queryField('projectHome', (t) =>
  t.field({
    type: [ProjectHomeAgent],
    description: 'Per agent of the project the caller can see: the newest session’s phase, the unread inbox and the latest reply.',
    args: { project: t.arg.id({ required: true, description: 'The project (its global id).' }) },
    resolve: async (_root, args, ctx: GraphqlContext) =>
      (await ctx.services.agents.home(ctx.request, localId(String(args.project), Project, 'project'))).agents,
  }),
);

builder.subscriptionField('agentInboxChanged', (t) =>
  t.field({
    type: Change,
    description: 'Every change to the agent’s inbox messages (sent, read, deleted), from now or after `after`.',
    args: {
      agent: t.arg.id({ required: true, description: 'The agent (its global id).' }),
      after: t.arg.string({ description: 'Resume after this cursor, from an earlier event of the same subscription.' }),
    },
    subscribe: async (_root, args, ctx: GraphqlContext) => {
      const after = await resumePoint(ctx, args.after);
      const agentId = targetId(String(args.agent), Agent);
      const projectId = await projectOfAgent(ctx, agentId);
      return kindChanges(ctx, { kind: InboxMessage, projectId, matches: (object) => object['agent_id'] === agentId }, after);
    },
    resolve: (event) => {
      if (event instanceof Error) throw event;
      return event;
    },
  }),
);
