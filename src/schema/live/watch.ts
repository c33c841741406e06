import type { ChangeType } from '../../domain/change-log.ts';
import { DomainError } from '../../domain/errors.ts';
import { toWire, type WireObject } from '../../domain/wire.ts';
import type { Sql } from '../../db/sql.ts';
import type { Kind } from '../../kinds/define.ts';
import type { ChangeEvent, Subscription } from '../../live/change-feed.ts';
import { matchingIds } from '../../live/filter.ts';
import { settleSnapshot } from '../../live/snapshot.ts';
import type { GraphqlContext } from '../context.ts';
import { liveStream, streamVisibility, visibleEvents } from './streams.ts';

/**
 * A live list: the objects of one Kind in one project that match a filter, kept current, with the
 * semantics of the REST watch (src/rest/watch.ts).
 *
 * Without a resume point it opens with the current objects (ADDED, only the last carrying the
 * cursor of the log position they reflect), then every later change. With one, changes after it
 * only. Changes follow the filter: an object entering it is ADDED, leaving it (or being deleted)
 * DELETED, otherwise MODIFIED.
 */

export interface ObjectChange {
  type: ChangeType;
  /** The object after the change (for DELETED, its last state), in the REST wire form. */
  object: WireObject;
  /** Where to resume after this change; null inside the opening snapshot. */
  cursor: number | null;
}

export interface WatchOptions {
  kind: Kind;
  projectId: string;
  /** Over the row alias `t`, from the Kind's queryable fields. */
  where?: Sql;
  after?: number;
  /** End after the deletion of an object (a watch of one object: nothing can follow). */
  endAfterDelete?: boolean;
}

export async function watchObjects(ctx: GraphqlContext, options: WatchOptions): Promise<AsyncIterableIterator<ObjectChange | DomainError>> {
  const { kind, projectId, where, after } = options;
  let opening: ObjectChange[] | undefined;
  let from = after;
  if (after === undefined) {
    const position = ctx.services.feed.position;
    const { head, through, rows } = await ctx.services.domain.snapshot(ctx.request, kind, { where, projectRef: projectId }, position);
    const visibility = streamVisibility(ctx);
    const settled = await settleSnapshot(ctx.services.feed, kind.name, { head, through, objects: rows.map((row) => toWire(kind, row)) }, async (events) => {
      const candidates: ChangeEvent[] = [];
      for (const event of events) if (event.projectId === projectId && event.type !== 'DELETED' && (await visibility.canSee(event))) candidates.push(event);
      const ids = where
        ? await matchingIds(
            ctx.services.domain.pool,
            kind,
            where,
            candidates.map((event) => event.object),
          )
        : undefined;
      return new Set(ids ? candidates.filter((event) => ids.has(event.objectId)) : candidates);
    });
    from = settled.position;
    opening = settled.objects.map((object, i, objects): ObjectChange => ({
      type: 'ADDED',
      object,
      cursor: i === objects.length - 1 ? settled.position : null,
    }));
  }
  // Subscribing from the snapshot's position loses nothing between the snapshot and the first change.
  const subscription = ctx.services.feed.subscribe(from);
  return liveStream(subscription, changes(ctx, subscription, options, opening));
}

async function* changes(
  ctx: GraphqlContext,
  subscription: Subscription,
  options: WatchOptions,
  opening: ObjectChange[] | undefined,
): AsyncGenerator<ObjectChange | DomainError> {
  const { kind, projectId, where } = options;
  /**
   * What this stream told the client about each object: present (true) or absent (false). After a
   * snapshot, an object not in the map is absent; when resuming, unknown (undefined).
   */
  const told = new Map<string, boolean>();
  for (const change of opening ?? []) {
    told.set(change.object.id, true);
    yield change;
  }
  const matches = async (event: ChangeEvent) =>
    event.type !== 'DELETED' && (!where || (await matchingIds(ctx.services.domain.pool, kind, where, [event.object])).has(event.objectId));
  for await (const event of visibleEvents(subscription, streamVisibility(ctx), { kind, projectId })) {
    if (event instanceof DomainError) {
      yield event;
      return;
    }
    const type = transition(told.get(event.objectId) ?? (opening ? false : undefined), event, await matches(event));
    if (!type) continue;
    told.set(event.objectId, type !== 'DELETED');
    yield { type, object: event.object, cursor: event.seq };
    if (options.endAfterDelete && event.type === 'DELETED') return;
  }
}

/**
 * The change to report, given what the client was told of the object. A resuming client may hold
 * anything: a non-matching change is reported once as DELETED, in case it held the object.
 */
function transition(told: boolean | undefined, event: ChangeEvent, matching: boolean): ChangeType | undefined {
  if (matching) return told === true ? 'MODIFIED' : told === false || event.type === 'ADDED' ? 'ADDED' : 'MODIFIED';
  return told === false ? undefined : 'DELETED';
}
