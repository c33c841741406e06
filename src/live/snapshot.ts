import type { WireObject } from '../domain/wire.ts';
import { readEvents, type ChangeEvent, type ChangeFeed } from './change-feed.ts';

/**
 * The opening snapshot of a watch (REST `?watch=true`, GraphQL live lists), at one log position
 * that covers everything it shows.
 *
 * A snapshot read at watermark `head` reflects every change up to `head` and, since writers commit
 * out of `seq` order, possibly some above it, up to `through` (DomainService.snapshot). Sent with
 * `head` as its position, a client resuming from there would be sent those changes again: older
 * states of objects it already holds. So the snapshot is brought forward instead: once the feed's
 * watermark P reaches `through`, the changes in (`head`, P] are applied to it in `seq` order. Per
 * object, `seq` order is commit order (a writer draws its `seq`s at its end, holding its row
 * locks), so an object's last change up to P decides its state at P whether or not the snapshot
 * had already reflected it; objects with no change in that range were already as at P. The result
 * is the watch's state at P: every change up to P in it, none after.
 *
 * The wait is the feed's own lag (a transaction open anywhere in the cluster holds both back); the
 * watch delivers nothing before that anyway.
 */
export async function settleSnapshot(
  feed: ChangeFeed,
  kind: string,
  snapshot: { head: number; through: number; objects: readonly WireObject[] },
  /** Whether an event's object belongs in the watch: visible to the caller, in scope, matching, not deleted. */
  belongs: (events: readonly ChangeEvent[]) => Promise<ReadonlySet<ChangeEvent>>,
): Promise<{ position: number; objects: WireObject[] }> {
  const { head, through } = snapshot;
  if (through <= head) return { position: head, objects: [...snapshot.objects] };
  const position = await feed.reached(through);
  const byId = new Map(snapshot.objects.map((object) => [object.id, object]));
  for (let after = head; ;) {
    const page = await readEvents(feed.pool, after, position);
    const events = page.filter((event) => event.kind === kind);
    const kept = await belongs(events);
    for (const event of events) {
      if (kept.has(event)) byId.set(event.objectId, event.object);
      else byId.delete(event.objectId);
    }
    if (page.length === 0) break;
    after = page.at(-1)!.seq;
  }
  return { position, objects: [...byId.values()] };
}
