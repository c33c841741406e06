import { systemActor } from '../auth/actor.ts';
import type { ReconcileContext } from './context.ts';
import { CR_KIND, type KubeObject } from './kube.ts';
import {
  CR_API_VERSION,
  DESIRED_PHASE,
  deepEqual,
  desiredSessionMetadata,
  desiredSessionSpec,
  metadataPatch,
  sessionOwnedAnnotations,
  SESSION_ID,
  specPatch,
  START_REQUESTED_AT,
  statusFromCr,
  type StatusWriteBack,
  STOP_REQUESTED_AT,
  type CrStatus,
} from './projections.ts';
import { RequeueAfter } from './queue.ts';
import { loadSession, type LoadedSession } from './rows.ts';

/**
 * Session → AgenticSession (runtime.md §b.3): the CR exists from the first start on; data changes
 * are merge-patched into it; start and stop become desired-phase annotations, each written once;
 * the CR's status flows back into the session through the domain's status path; a deleted session
 * deletes its CR, and a CR that vanished under a live session is recreated or failed.
 */

const reconciler = { actor: systemActor('reconciler') };
const TERMINAL = ['Stopped', 'Completed', 'Failed'];
const ACTIVE = ['Pending', 'Creating', 'Running'];

export async function reconcileSession(c: ReconcileContext, id: string): Promise<void> {
  const session = await loadSession(c.pool, id);
  if (!session) return;
  const namespace = session.kube_namespace ?? session.project_name;
  const observed = await c.kube.observe('AgenticSession', session.kube_cr_name, namespace);

  if (session.deleted_at || session.project_deleted_at) {
    if (observed && observed.metadata.labels?.[SESSION_ID] === id && !observed.metadata.deletionTimestamp) {
      await c.kube.delete('AgenticSession', session.kube_cr_name, namespace);
    }
    return;
  }
  if (session.phase === null) return; // never started: no CR
  if (!observed) return resolveMissing(c, session, namespace);
  if (observed.metadata.deletionTimestamp) return; // finalizers pending; the informer reports when it is gone

  const current = (await applyDesired(c, session, observed)) ?? observed;
  await writeBackStatus(c, session, current);
}

async function resolveMissing(c: ReconcileContext, session: LoadedSession, namespace: string): Promise<void> {
  const now = new Date().toISOString();
  switch (session.phase) {
    case 'Pending': {
      if (!(await c.kube.observe('Namespace', namespace))) throw new RequeueAfter(1000, `namespace ${namespace} does not exist yet`);
      const metadata = desiredSessionMetadata(session);
      const created = await c.kube.create({ apiVersion: CR_API_VERSION, kind: CR_KIND, metadata, spec: desiredSessionSpec(session) });
      await c.sessions.updateStatus(reconciler, session.id, { kube_cr_uid: created.metadata.uid ?? null });
      return;
    }
    case 'Stopping':
      await c.sessions.updateStatus(reconciler, session.id, { phase: 'Stopped', completion_time: now });
      return;
    case 'Creating':
    case 'Running':
      await c.sessions.updateStatus(reconciler, session.id, {
        phase: 'Failed',
        completion_time: now,
        conditions: JSON.stringify([{ type: 'Ready', status: 'False', reason: 'ResourceDeleted', message: 'AgenticSession was deleted outside the API' }]),
      });
      return;
    default:
      return; // terminal: nothing to do
  }
}

/** Patches spec, metadata and desired-phase annotations where they differ; returns the patched CR. */
async function applyDesired(c: ReconcileContext, session: LoadedSession, observed: KubeObject): Promise<KubeObject | undefined> {
  const metadata = desiredSessionMetadata(session);
  const annotations = { ...observed.metadata.annotations };
  const crPhase = (observed.status as CrStatus | undefined)?.phase ?? '';
  const now = new Date().toISOString();
  if (session.phase === 'Pending' && TERMINAL.includes(crPhase) && !annotations[START_REQUESTED_AT]) {
    metadata.annotations[DESIRED_PHASE] = 'Running';
    metadata.annotations[START_REQUESTED_AT] = now;
  }
  if (session.phase === 'Stopping' && ACTIVE.includes(crPhase) && !annotations[STOP_REQUESTED_AT]) {
    metadata.annotations[DESIRED_PHASE] = 'Stopped';
    metadata.annotations[STOP_REQUESTED_AT] = now;
  }
  // Desired-phase annotations already there are not in `metadata`, so the patch leaves them to the
  // operator, which removes them once it has acted.
  const metaPatch = metadataPatch(metadata, observed.metadata, sessionOwnedAnnotations);
  const spec = specPatch(desiredSessionSpec(session), observed.spec);
  if (!metaPatch && !spec) return undefined;
  return c.kube.mergePatch('AgenticSession', session.kube_cr_name, observed.metadata.namespace, {
    ...(metaPatch ? { metadata: metaPatch } : {}),
    ...(spec ? { spec } : {}),
  });
}

/** Copies the CR's status into the session when it differs from what the session holds. */
async function writeBackStatus(c: ReconcileContext, session: LoadedSession, cr: KubeObject): Promise<void> {
  const body = statusFromCr(cr as never);
  // Every field the write-back may carry, as the session holds it (the compiler checks none is left out).
  const held: Record<keyof StatusWriteBack, unknown> = {
    phase: session.phase,
    start_time: session.start_time?.toISOString() ?? null,
    completion_time: session.completion_time?.toISOString() ?? null,
    sdk_session_id: session.sdk_session_id,
    sdk_restart_count: session.sdk_restart_count,
    conditions: session.conditions,
    reconciled_repos: session.reconciled_repos,
    reconciled_workflow: session.reconciled_workflow,
    kube_cr_uid: session.kube_cr_uid,
  };
  const differs = Object.entries(body).some(([key, value]) => !sameStatusValue(key, value, held[key as keyof StatusWriteBack]));
  if (differs) await c.sessions.updateStatus(reconciler, session.id, body);
}

function sameStatusValue(key: string, want: unknown, have: unknown): boolean {
  if (key === 'sdk_restart_count') return (want ?? 0) === (have ?? 0);
  if (key.endsWith('_time')) return (want === null ? null : new Date(want as string).getTime()) === (have === null ? null : new Date(have as string).getTime());
  if (typeof want === 'string' && typeof have === 'string' && (want.startsWith('[') || want.startsWith('{')))
    return deepEqual(JSON.parse(want), JSON.parse(have));
  return want === have;
}
