import { conditionSql } from '../conditions/sql.ts';
import { notFound } from '../domain/errors.ts';
import type { Kind, KindName } from '../kinds/define.ts';
import { Project, Session, kindNamed } from '../kinds/index.ts';
import { builder } from './builder.ts';
import { Change, KindEnum, SessionChange, SessionPhaseChange } from './change-types.ts';
import type { GraphqlContext } from './context.ts';
import { localId } from './filters.ts';
import { targetId } from './kind-types.ts';
import { SessionInputs } from './session.ts';
import { phaseChanges } from './live/phase-changes.ts';
import { kindChanges, resumePoint } from './live/streams.ts';
import { watchObjects } from './live/watch.ts';

/**
 * Live updates from the change log, over Server-Sent Events (yoga's, and the graphql-sse protocol
 * at /graphql/stream). Every event is authorized for the caller as it passes; a stream resumes
 * after the `cursor` of the last event it delivered (`after`), as long as the log retains it
 * (code 33 otherwise). A stream that falls too far behind is ended, and resumes the same way.
 *
 * A payload that is an error ends its stream with that error (the caller lost sight of it).
 */

const AFTER = { description: 'Resume after this cursor, from an earlier event of the same subscription.' };

/** Throws a DomainError payload, so it reaches the client as the stream's last event. */
function payload<T>(value: T): Exclude<T, Error> {
  if (value instanceof Error) throw value;
  return value as Exclude<T, Error>;
}

/** The local id of a project the caller can read `kind` in; NotFound otherwise. */
async function visibleProject(ctx: GraphqlContext, globalId: string, kind: Kind): Promise<string> {
  const id = localId(globalId, Project, 'project');
  const project = await ctx.services.prisma.project.findFirst({ where: { AND: [ctx.access.where('Project'), { id }] }, select: { id: true } });
  if (!project || !ctx.access.hasRole(id, kind.roles.read)) throw notFound(Project.name, globalId);
  return id;
}

builder.subscriptionField('sessionChanged', (t) =>
  t.field({
    type: SessionChange,
    description:
      'Every change of one session: first its current state (ADDED), then each change; the stream ends after DELETED. With `after`, only the changes after it. NotFound when the session does not exist or is not visible.',
    args: { id: t.arg.id({ required: true }), after: t.arg.string(AFTER) },
    subscribe: async (_root, args, ctx) => {
      const after = await resumePoint(ctx, args.after);
      const id = targetId(String(args.id), Session);
      const session = await ctx.services.prisma.session.findFirst({ where: { AND: [ctx.access.where('Session'), { id }] }, select: { projectId: true } });
      if (!session) throw notFound(Session.name, String(args.id));
      return watchObjects(ctx, {
        kind: Session,
        projectId: session.projectId,
        where: conditionSql(Session, { column: 'id', prismaName: 'id', operator: 'eq', value: id, caseInsensitive: false }),
        after,
        endAfterDelete: true,
      });
    },
    resolve: payload,
  }),
);

builder.subscriptionField('projectSessionsChanged', (t) =>
  t.field({
    type: SessionChange,
    description:
      'A live list of the sessions of a project matching `where`: first the current ones (ADDED), then every change. Sessions entering the filter are ADDED, leaving it or deleted DELETED, others MODIFIED. With `after`, only the changes after it.',
    args: {
      project: t.arg.id({ required: true, description: 'The project (its global id).' }),
      where: t.arg({
        type: SessionInputs.where,
        description: 'Only sessions matching this filter, as the `sessions` connection applies it.',
      }),
      after: t.arg.string(AFTER),
    },
    subscribe: async (_root, args, ctx) => {
      const after = await resumePoint(ctx, args.after);
      const projectId = await visibleProject(ctx, String(args.project), Session);
      return watchObjects(ctx, { kind: Session, projectId, where: SessionInputs.toSql(args.where), after });
    },
    resolve: payload,
  }),
);

builder.subscriptionField('sessionPhaseChanged', (t) =>
  t.field({
    type: SessionPhaseChange,
    description: 'Sessions moving from one phase to another, in the project given or in every project the caller can see: from now, or after `after`.',
    args: { project: t.arg.id({ description: 'Only this project (its global id).' }), after: t.arg.string(AFTER) },
    subscribe: async (_root, args, ctx) => {
      const after = await resumePoint(ctx, args.after);
      const projectId = args.project ? await visibleProject(ctx, String(args.project), Session) : undefined;
      return phaseChanges(ctx, { projectId, after });
    },
    resolve: payload,
  }),
);

builder.subscriptionField('changes', (t) =>
  t.field({
    type: Change,
    description:
      'Every change to objects of one Kind that the caller can see, in the project given or everywhere, as the change log records it: from now, or after `after`.',
    args: {
      kind: t.arg({ type: KindEnum, required: true }),
      project: t.arg.id({ description: 'Only this project (its global id).' }),
      after: t.arg.string(AFTER),
    },
    subscribe: async (_root, args, ctx) => {
      const after = await resumePoint(ctx, args.after);
      const kind = kindNamed(args.kind as KindName);
      const projectId = args.project ? await visibleProject(ctx, String(args.project), kind) : undefined;
      return kindChanges(ctx, { kind, projectId }, after);
    },
    resolve: payload,
  }),
);
