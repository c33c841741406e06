import { encodeGlobalID } from '@pothos/plugin-relay';
import type { WireObject } from '../domain/wire.ts';
import type { KindName } from '../kinds/define.ts';
import { KINDS, Session } from '../kinds/index.ts';
import type { ChangeEvent } from '../live/change-feed.ts';
import { builder } from './builder.ts';
import type { GraphqlContext } from './context.ts';
import type { Prisma, Session as SessionRow } from '../generated/prisma/client.ts';
import { enumType } from './enums.ts';
import { rowFromWire } from './live/event-rows.ts';
import { SessionNode } from './session.ts';
import type { PhaseChange } from './live/phase-changes.ts';
import type { ObjectChange } from './live/watch.ts';
import { constantCase } from './names.ts';

/**
 * The payload types of the subscriptions (subscriptions.ts). Every payload has a `cursor`: the
 * position in the change log to resume after. Objects show their state right after the change
 * (for DELETED, the last state); relations and computed fields are read as they are now.
 */

export const ChangeType = builder.enumType('ChangeType', {
  description: 'What a change did to an object, as seen by the stream.',
  values: {
    ADDED: { description: 'Created, or entered the stream’s filter.' },
    MODIFIED: { description: 'Changed, and still in the stream’s filter.' },
    DELETED: { description: 'Deleted, or left the stream’s filter.' },
  },
});

export const KindEnum = builder.enumType('KindName', {
  description: 'A Kind of object of the API.',
  values: Object.fromEntries(KINDS.map((kind) => [constantCase(kind.name), { value: kind.name }])),
});

type SessionQuery = { include?: Prisma.SessionInclude; select?: Prisma.SessionSelect };

/** Whether the Prisma query Pothos planned for a selection reads relations (or computed counts) besides the row's own columns. */
function selectsRelations(query: SessionQuery): boolean {
  // An include names relations only; a select also names columns (`true`), relations by a nested query.
  if (query.include) return Object.keys(query.include).length > 0;
  return Object.values(query.select ?? {}).some((value) => typeof value === 'object' && value !== null);
}

/**
 * The session of a change as the Session node type: its state from the change event, and, only
 * when the selection asks for relations, those as they are now (one read; a deleted row still has
 * them). The state holds every stored field of the Kind, as Prisma would return it (event-rows.ts).
 */
async function sessionAfter(ctx: GraphqlContext, object: WireObject, query: SessionQuery): Promise<SessionRow> {
  const state = rowFromWire(Session, object) as SessionRow;
  if (!selectsRelations(query)) return state;
  const current = await ctx.services.prisma.session.findFirst({ ...query, where: { id: object.id } });
  return { ...current, ...state };
}

export const SessionChange = builder.objectRef<ObjectChange>('SessionChange').implement({
  description: 'A change to a session, as a stream of sessions reports it.',
  fields: (t) => ({
    type: t.field({ type: ChangeType, resolve: (change) => change.type }),
    cursor: t.string({
      nullable: true,
      description: 'Resume after this change with `after`. Null on the opening snapshot’s objects except the last.',
      resolve: (change) => (change.cursor === null ? null : String(change.cursor)),
    }),
    session: t.prismaField({
      type: SessionNode,
      description: 'The session after the change (for DELETED: its last state).',
      resolve: (query, change, _args, ctx) => sessionAfter(ctx, change.object, query),
    }),
  }),
});

const SessionPhase = enumType(Session.name, 'phase', Session.field['phase']!.enum!);

export const SessionPhaseChange = builder.objectRef<PhaseChange>('SessionPhaseChange').implement({
  description: 'A session that moved to another phase.',
  fields: (t) => ({
    cursor: t.string({ description: 'Resume after this change with `after`.', resolve: (change) => String(change.cursor) }),
    previousPhase: t.field({
      type: SessionPhase,
      nullable: true,
      description: 'The phase before; null when the session had none (never started) or its earlier changes are no longer retained.',
      resolve: (change) => change.previousPhase,
    }),
    phase: t.field({ type: SessionPhase, nullable: true, resolve: (change) => change.phase }),
    session: t.prismaField({
      type: SessionNode,
      description: 'The session after the change.',
      resolve: (query, change, _args, ctx) => sessionAfter(ctx, change.object, query),
    }),
  }),
});

export const Change = builder.objectRef<ChangeEvent>('Change').implement({
  description: 'A change to an object of any Kind, as the change log records it.',
  fields: (t) => ({
    cursor: t.string({ description: 'Resume after this change with `after`.', resolve: (event) => String(event.seq) }),
    type: t.field({ type: ChangeType, resolve: (event) => event.type }),
    kind: t.field({ type: KindEnum, resolve: (event) => event.kind as KindName }),
    id: t.id({ description: 'The global id of the object.', resolve: (event) => encodeGlobalID(event.kind, event.objectId) }),
    // JSON text rather than a JSON scalar: the typed documents map every custom scalar (codegen.ts).
    object: t.string({
      description: 'The object after the change (for DELETED: its last state) in its REST wire form, as JSON text: what REST watches send.',
      resolve: (event) => JSON.stringify(event.object),
    }),
  }),
});
