// Generated from the ScheduledSession Kind (src/kinds) by `npm run generate` (src/schema/emit.ts); do not edit.
// A test and `npm run generate -- --check` fail when it drifts from the declaration.
import { ScheduledSession as kind, Project, Agent } from '../kinds/index.ts';
import { builder } from './builder.ts';
import * as k from './kind-types.ts';
import { ProjectNode } from './project.ts';
import { AgentNode } from './agent.ts';
import { SessionConnection, SessionInputs } from './session.ts';

/** `where` and `orderBy` of ScheduledSession lists. */
export const ScheduledSessionInputs = k.queryInputs('ScheduledSession', kind);

export const ScheduledSessionNode = builder.prismaNode('ScheduledSession', {
  id: { field: 'id' },
  description: kind.description,
  nullable: true,
  // Node lookups by global id obey the same read rules as lists.
  findUnique: (id, ctx) => ({ id, AND: [ctx.access.where('ScheduledSession')] }),
  authScopes: (row) => ({ readable: { kind, row } }),
  fields: (t) => ({
    databaseId: t.exposeString('id', { description: k.DATABASE_ID }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    projectId: t.field({ type: 'ID', description: 'Global id of the Project in `project`.', resolve: (row) => k.globalId('Project', row.projectId) }),
    name: t.exposeString('name', { description: 'Name, unique in the project.' }),
    description: t.exposeString('description', { nullable: true, description: 'Free text.' }),
    agentId: t.field({
      type: 'ID',
      nullable: true,
      description: 'Global id of the Agent in `agent`.',
      resolve: (row) => k.globalIdOrNull('Agent', row.agentId),
    }),
    schedule: t.exposeString('schedule', {
      description: 'Cron expression: five fields (minute hour day month weekday), or six with seconds first; @hourly, @daily… accepted.',
    }),
    timezone: t.exposeString('timezone', { description: 'IANA time zone the schedule is read in.' }),
    enabled: t.exposeBoolean('enabled', { description: 'False while suspended: nothing fires and next_run_at is null.' }),
    sessionPrompt: t.exposeString('sessionPrompt', { nullable: true, description: 'Prompt of each run (an agent’s run: its task).' }),
    timeout: t.exposeInt('timeout', { nullable: true, description: 'Timeout of each run’s session in seconds; the session default when absent.' }),
    inactivityTimeout: t.exposeInt('inactivityTimeout', {
      nullable: true,
      description: 'Seconds without activity after which a run’s runner stops (INACTIVITY_TIMEOUT).',
    }),
    stopOnRunFinished: t.exposeBoolean('stopOnRunFinished', {
      nullable: true,
      description: 'Whether a run’s runner stops when its first run finishes (STOP_ON_RUN_FINISHED).',
    }),
    runnerType: t.exposeString('runnerType', { nullable: true, description: 'Runner type of each run’s session (RUNNER_TYPE).' }),
    lastRunAt: t.expose('lastRunAt', { type: 'DateTime', nullable: true, description: 'When the newest run fired (scheduled or triggered).' }),
    nextRunAt: t.expose('nextRunAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the next run is due, computed from schedule and timezone on every write and after every run; null while disabled.',
    }),
  }),
});

export const ScheduledSessionConnection = builder.connectionObject(
  { type: ScheduledSessionNode, name: 'ScheduledSessionConnection' },
  { name: 'ScheduledSessionEdge' },
);

// The fields that lead to other Kinds, apart from the type itself, so that the types of the node refs do not depend on each other.
builder.prismaObjectFields(ScheduledSessionNode, (t) => ({
  project: t.field({
    type: ProjectNode,
    description: 'The Project `projectId` refers to.',
    select: (_args, _ctx, nested) => ({ project: nested(true) }),
    resolve: (row, _args, ctx) => k.visibleOrFail(ctx, Project, row.project),
  }),
  agent: t.field({
    type: AgentNode,
    nullable: true,
    description: 'The Agent `agentId` refers to; null when there is none, or it was deleted or is not visible to the caller.',
    select: (_args, _ctx, nested) => ({ agent: nested(true) }),
    resolve: (row, _args, ctx) => k.visible(ctx, Agent, row.agent),
  }),
  runs: t.relatedConnection(
    'runs',
    {
      cursor: 'id',
      totalCount: true,
      description: 'The sessions whose scheduled_session_id is this ScheduledSession.',
      args: { where: t.arg({ type: SessionInputs.where }), orderBy: t.arg({ type: [SessionInputs.orderBy] }) },
      query: (args, ctx) => ({
        where: { AND: k.all(ctx.access.where('Session'), SessionInputs.toWhere(args.where)) },
        orderBy: SessionInputs.toOrderBy(args.orderBy),
      }),
    },
    SessionConnection,
  ),
}));

builder.queryField('scheduledSessions', (t) =>
  t.prismaConnection(
    {
      type: ScheduledSessionNode,
      cursor: 'id',
      description: 'ScheduledSession objects the caller can read.',
      args: { where: t.arg({ type: ScheduledSessionInputs.where }), orderBy: t.arg({ type: [ScheduledSessionInputs.orderBy] }) },
      resolve: (query, _root, args, ctx) =>
        ctx.services.prisma.scheduledSession.findMany({
          ...query,
          where: { AND: k.all(ctx.access.where('ScheduledSession'), ScheduledSessionInputs.toWhere(args.where)) },
          orderBy: ScheduledSessionInputs.toOrderBy(args.orderBy),
        }),
      totalCount: (_connection, args, ctx) =>
        ctx.services.prisma.scheduledSession.count({ where: { AND: k.all(ctx.access.where('ScheduledSession'), ScheduledSessionInputs.toWhere(args.where)) } }),
    },
    ScheduledSessionConnection,
  ),
);

builder.queryField('scheduledSession', (t) =>
  t.prismaField({
    type: ScheduledSessionNode,
    nullable: true,
    description: 'One ScheduledSession by its global id; null when it does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) => {
      const id = k.decodedId(String(args.id), kind);
      return id === undefined
        ? null
        : ctx.services.prisma.scheduledSession.findFirst({ ...query, where: { AND: k.all(ctx.access.where('ScheduledSession'), { id }) } });
    },
  }),
);

const ScheduledSessionCreate = k.createInput(kind);
const ScheduledSessionUpdate = k.updateInput(kind);

builder.mutationField('createScheduledSession', (t) =>
  t.prismaField({
    type: ScheduledSessionNode,
    description: 'Create a ScheduledSession.',
    args: { input: t.arg({ type: ScheduledSessionCreate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) =>
      k.reread(ctx, await ctx.services.domain.create(ctx.request, kind, ScheduledSessionCreate.toBody(args.input)), (id) =>
        ctx.services.prisma.scheduledSession.findUniqueOrThrow({ ...query, where: { id } }),
      ),
  }),
);

builder.mutationField('updateScheduledSession', (t) =>
  t.prismaField({
    type: ScheduledSessionNode,
    description: 'Change a ScheduledSession; a change that changes nothing writes nothing.',
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: ScheduledSessionUpdate.ref, required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const written = await ctx.services.domain.update(ctx.request, kind, k.targetId(String(args.id), kind), ScheduledSessionUpdate.toBody(args.input));
      return k.reread(ctx, written, (id) => ctx.services.prisma.scheduledSession.findUniqueOrThrow({ ...query, where: { id } }));
    },
  }),
);

builder.mutationField('deleteScheduledSession', (t) =>
  t.field({
    type: k.DeletePayload,
    description: 'Delete a ScheduledSession (and what the contract cascades to).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, ctx) => k.deleted(ctx, kind, String(args.id)),
  }),
);
