import type { Queryable } from '../../db/sql.ts';
import { DomainError } from '../../domain/errors.ts';
import type { WireObject } from '../../domain/wire.ts';
import { Session } from '../../kinds/index.ts';
import type { ChangeEvent, Subscription } from '../../live/change-feed.ts';
import { valueBefore } from '../../live/history.ts';
import type { GraphqlContext } from '../context.ts';
import { liveStream, streamVisibility, visibleEvents } from './streams.ts';

/**
 * Session phase transitions: the changes of sessions whose phase differs from the one before.
 * The previous phase is the one this stream last saw for the session, or, for a session it has not
 * seen yet, the one in the latest earlier change of the log (null for a new session, or when its
 * earlier changes are no longer retained).
 */

export interface PhaseChange {
  cursor: number;
  /** The session after the change, in the REST wire form. */
  object: WireObject;
  previousPhase: string | null;
  phase: string | null;
}

export function phaseChanges(ctx: GraphqlContext, options: { projectId?: string; after?: number }): AsyncIterableIterator<PhaseChange | DomainError> {
  const subscription = ctx.services.feed.subscribe(options.after);
  return liveStream(subscription, transitions(ctx, subscription, options.projectId));
}

async function* transitions(ctx: GraphqlContext, subscription: Subscription, projectId: string | undefined): AsyncGenerator<PhaseChange | DomainError> {
  const phases = new Map<string, string | null>();
  for await (const event of visibleEvents(subscription, streamVisibility(ctx), { kind: Session, projectId })) {
    if (event instanceof DomainError) {
      yield event;
      return;
    }
    const phase = phaseOf(event.object);
    const previousPhase = phases.has(event.objectId) ? phases.get(event.objectId)! : await phaseBefore(ctx.services.domain.pool, event);
    if (event.type === 'DELETED') phases.delete(event.objectId);
    else phases.set(event.objectId, phase);
    if (phase !== previousPhase) yield { cursor: event.seq, object: event.object, previousPhase, phase };
  }
}

const phaseOf = (object: WireObject): string | null => (object['phase'] as string | undefined) ?? null;

async function phaseBefore(db: Queryable, event: ChangeEvent): Promise<string | null> {
  return event.type === 'ADDED' ? null : valueBefore(db, Session, event, 'phase');
}
