import type { IncomingMessage, ServerResponse } from 'node:http';
import { DomainError, badRequest } from '../domain/errors.ts';
import { findProjectId } from '../domain/projects.ts';
import type { RequestContext } from '../domain/service.ts';
import { toWire, type WireObject } from '../domain/wire.ts';
import type { Kind } from '../kinds/define.ts';
import { isRetained, type ChangeEvent } from '../live/change-feed.ts';
import { matchingIds } from '../live/filter.ts';
import { settleSnapshot } from '../live/snapshot.ts';
import { refreshingGrants, Visibility } from '../live/visibility.ts';
import type { WatchMember } from '../live/watch-cache.ts';
import { readCondition } from '../auth/policy.ts';
import { isAlways } from '../conditions/condition.ts';
import { SseStream } from '../server/sse.ts';
import type { ListParams } from './list-params.ts';
import { sparse } from './list-params.ts';
import type { RouteServices } from './routes.ts';

/**
 * `GET {base}/<plural>?watch=true` (rest-contract §6.6): a Server-Sent Events stream of changes to
 * the objects a list with the same `search`, `fields` and project filter would show.
 *
 * Without `Last-Event-ID` the stream opens with the current objects (ADDED frames, only the last
 * carrying `id:` — the log position they reflect), then every later change. With it, changes
 * after that position only. Frames follow the filter: an object entering it is ADDED, leaving it
 * (or becoming invisible to the caller) DELETED, otherwise MODIFIED.
 */

/** `watch=true|1` turns a list into a watch; any other value is 400 code 21. */
export function wantsWatch(query: URLSearchParams): boolean {
  const value = query.get('watch');
  if (value === null) return false;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0' || value === '') return false;
  throw badRequest('watch must be true or 1');
}

/** The resume point from `Last-Event-ID` (or `last_event_id`), validated. */
export function resumePoint(req: IncomingMessage, query: URLSearchParams, parameter = 'last_event_id'): number | undefined {
  const header = req.headers['last-event-id'];
  const value = typeof header === 'string' ? header : (query.get(parameter) ?? undefined);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value))) throw badRequest('Last-Event-ID must be a non-negative integer');
  return Number(value);
}

interface WatchRequest {
  req: IncomingMessage;
  res: ServerResponse;
  kind: Kind;
  params: ListParams;
  ctx: RequestContext;
  resumeAfter: number | undefined;
}

type FrameType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A watch group's judgement of one event, with the frames its members send, each encoded once. */
interface Verdict {
  /** In the watch's project and visible to its callers. */
  inScope: boolean;
  /** In scope, not deleted, and matching the filter. */
  matches: boolean;
  frames: Partial<Record<FrameType, Buffer>>;
}

/**
 * The bytes of a full-object frame, encoded once per event and type and shared by every watch
 * that sends it: with many watchers, per-subscriber encoding (and its garbage) was the largest
 * cost of a delivery after the write itself.
 */
const encodedFrames = new WeakMap<ChangeEvent, Partial<Record<FrameType, Buffer>>>();

function encodedFrame(event: ChangeEvent, type: FrameType): Buffer {
  let frames = encodedFrames.get(event);
  if (!frames) encodedFrames.set(event, (frames = {}));
  return (frames[type] ??= Buffer.from(SseStream.frame(`{"type":"${type}","object":${event.objectJson}}`, event.seq)));
}

export async function watch(
  { req, res, kind, params, ctx, resumeAfter }: WatchRequest,
  { domain, feed, watches, streamKeepaliveMs }: RouteServices,
): Promise<void> {
  if (resumeAfter !== undefined && !(await isRetained(domain.pool, resumeAfter))) {
    throw new DomainError(33, `Resume point ${resumeAfter} is no longer available; list again and watch without Last-Event-ID`);
  }
  const scoped = kind.scope === 'project' || kind.scope === 'workflow';
  const projectRef = scoped ? (params.projectRef ?? ctx.projectScope) : undefined;
  // A reference that resolves to nothing watches nothing (as its list is empty); malformed is 400.
  const projectId = projectRef === undefined ? undefined : ((await findProjectId(domain.pool, projectRef)) ?? null);

  const visibility = new Visibility(ctx.actor, refreshingGrants(domain.pool, ctx.actor));
  const inScope = async (event: ChangeEvent) => (projectId === undefined || event.projectId === projectId) && (await visibility.canSee(event));
  const matching = async (events: readonly ChangeEvent[]): Promise<Set<ChangeEvent>> => {
    const candidates: ChangeEvent[] = [];
    for (const event of events) if (event.type !== 'DELETED' && (await inScope(event))) candidates.push(event);
    if (!params.where) return new Set(candidates);
    const ids = await matchingIds(
      domain.pool,
      kind,
      params.where,
      candidates.map((event) => event.object),
    );
    return new Set(candidates.filter((event) => ids.has(event.objectId)));
  };

  let snapshot: { position: number; objects: WireObject[] } | undefined;
  if (resumeAfter === undefined) {
    const position = feed.position;
    const { head, through, rows } =
      projectId === null
        ? { head: position, through: position, rows: [] }
        : await domain.snapshot(ctx, kind, { where: params.where, projectRef: projectId }, position);
    snapshot = await settleSnapshot(feed, kind.name, { head, through, objects: rows.map((row) => toWire(kind, row)) }, matching);
  }
  const stream = new SseStream(req, res, streamKeepaliveMs);
  const shape = (object: WireObject) => (params.fields ? sparse(object, params.fields) : object);
  /**
   * What this connection has told the client about each object: present (true) or absent (false).
   * After a snapshot, an object not in the map is absent. When resuming, the client's state is
   * unknown: a matching change is passed on as the log has it, and a non-matching one (of an object
   * the caller may see) becomes one DELETED, in case the client held it.
   */
  const told = new Map<string, boolean>();

  stream.start();
  if (snapshot) {
    const { objects, position } = snapshot;
    for (const [i, object] of objects.entries()) {
      told.set(object.id, true);
      await stream.send({ type: 'ADDED', object: shape(object) }, i === objects.length - 1 ? position : undefined);
    }
  }

  /**
   * The live part is shared (src/live/watch-cache.ts) with every watch that judges events alike:
   * same Kind, project, filter and fields, and the same read condition (naming the caller when it
   * depends on the caller's grants). The group judges each event once and encodes each frame once;
   * this watch turns the verdict into its own transition and writes.
   */
  const condition = readCondition(ctx.actor, kind);
  const key = JSON.stringify([kind.name, projectId ?? null, params.where ?? null, params.fields ?? null, isAlways(condition) ? null : [condition, ctx.actor]]);
  const judge = async (event: ChangeEvent): Promise<Verdict> => {
    const visible = await inScope(event);
    const matches =
      visible && event.type !== 'DELETED' && (!params.where || (await matchingIds(domain.pool, kind, params.where, [event.object])).has(event.objectId));
    return { inScope: visible, matches, frames: {} };
  };
  let ended!: () => void;
  const done = new Promise<void>((resolve) => (ended = resolve));
  let leave = () => {};
  const member: WatchMember<Verdict> = {
    deliver(event, verdict) {
      const state = told.get(event.objectId) ?? (snapshot ? false : undefined);
      let type: FrameType | undefined;
      if (verdict.matches) type = state === true ? 'MODIFIED' : state === false || event.type === 'ADDED' ? 'ADDED' : 'MODIFIED';
      else if (state === true || (state === undefined && verdict.inScope)) type = 'DELETED';
      if (!type) return;
      told.set(event.objectId, type !== 'DELETED');
      const frame = params.fields
        ? (verdict.frames[type] ??= Buffer.from(SseStream.frame(JSON.stringify({ type, object: sparse(event.object, params.fields) }), event.seq)))
        : encodedFrame(event, type);
      if (!stream.push(frame)) {
        leave();
        ended();
      }
    },
    close: () => ended(),
  };
  leave = watches.join(key, () => ({ kind: kind.name, judge }), member, snapshot?.position ?? resumeAfter ?? feed.position);
  await Promise.race([stream.closed, done]);
  leave();
  // Ended by the group (too far behind, or shutting down) or too slow a client: the client resumes from its last id.
  stream.end();
}
