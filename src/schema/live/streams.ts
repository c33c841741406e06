import { DomainError, invalid } from '../../domain/errors.ts';
import type { Kind } from '../../kinds/define.ts';
import { isRetained, type ChangeEvent, type Subscription } from '../../live/change-feed.ts';
import { GRANTS_REFRESH_MS, Visibility } from '../../live/visibility.ts';
import type { GraphqlContext } from '../context.ts';

/**
 * What every subscription shares: resume points, the events its caller may see, and an end as
 * soon as the client goes away.
 *
 * A cursor is the `seq` of a change in the change log. A stream ends (and its client resumes from
 * the last cursor it received) when the feed drops it for falling too far behind or at shutdown.
 * A payload that is a DomainError is reported as the stream's last event (see subscriptions.ts).
 */

const CURSOR = /^\d+$/;

/** The position `after` names (a cursor this API sent); code 33 (Gone) once the change log no longer holds what follows it. */
export async function resumePoint(ctx: GraphqlContext, after: string | null | undefined): Promise<number | undefined> {
  if (after === null || after === undefined) return undefined;
  if (!CURSOR.test(after) || !Number.isSafeInteger(Number(after))) throw invalid('after must be a cursor this API sent', 'after');
  const position = Number(after);
  if (!(await isRetained(ctx.services.domain.pool, position))) {
    throw new DomainError(33, `Resume point ${after} is no longer available; subscribe again without after`);
  }
  return position;
}

/**
 * The payloads of a stream as the GraphQL executor consumes them. Returning (the client went away)
 * closes the feed subscription at once: a generator waiting for the next event would only notice
 * when one arrives.
 */
export function liveStream<T>(subscription: Subscription, payloads: AsyncGenerator<T>): AsyncIterableIterator<T> {
  return {
    next: () => payloads.next(),
    return: (value?: unknown) => {
      subscription.close();
      return payloads.return(value as T);
    },
    throw: (error?: unknown) => {
      subscription.close();
      return payloads.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * The read policy for one stream's events. Its grants are the request's ReadAccess, re-read as
 * often as REST watches re-read theirs: the node types of a payload authorize with the same
 * grants, so a payload that passed here always resolves.
 */
export function streamVisibility(ctx: GraphqlContext): Visibility {
  let readAt = Date.now();
  return new Visibility(ctx.request.actor, async () => {
    if (Date.now() - readAt > GRANTS_REFRESH_MS) {
      await ctx.access.refresh();
      readAt = Date.now();
    }
    return ctx.access.grants;
  });
}

export interface EventScope {
  kind: Kind;
  /** Only this project's events; the stream ends with NotFound when the caller loses sight of it. */
  projectId?: string;
  /** Only events whose object matches (e.g. one agent's inbox messages). */
  matches?: (object: ChangeEvent['object']) => boolean;
}

/**
 * The events of `scope` the caller may see, in log order. Invisible events are skipped, except in
 * a stream of one project: there one means the caller lost its role (or the project is gone), and
 * since it cannot be told which of the objects it holds it may no longer see, the stream ends with
 * NotFound, as subscribing again would.
 */
export async function* visibleEvents(subscription: Subscription, visibility: Visibility, scope: EventScope): AsyncGenerator<ChangeEvent | DomainError> {
  for await (const event of subscription) {
    if (event.kind !== scope.kind.name) continue;
    if (scope.projectId !== undefined && event.projectId !== scope.projectId) continue;
    if (scope.matches && !scope.matches(event.object)) continue;
    if (await visibility.canSee(event)) yield event;
    else if (scope.projectId !== undefined) {
      yield new DomainError(7, `Project with id='${scope.projectId}' is no longer visible`);
      return;
    }
  }
}

/** The changes of one Kind (in one project, when given) the caller may see, after `after` or from now. */
export function kindChanges(ctx: GraphqlContext, scope: EventScope, after: number | undefined): AsyncIterableIterator<ChangeEvent | DomainError> {
  const subscription = ctx.services.feed.subscribe(after);
  return liveStream(subscription, visibleEvents(subscription, streamVisibility(ctx), scope));
}
