import { describe, expect, test } from 'vitest';
import { systemActor } from '../../src/auth/actor.ts';
import { Permission, Project, ProjectSettings, Session, User, Workflow } from '../../src/kinds/index.ts';
import type { RunningReconciler } from '../../src/reconciler/index.ts';
import type { KubeObject } from '../support/fake-kube/index.ts';
import { REAL_KUBE } from './cluster.ts';
import { failure } from '../support/domain.ts';
import { useReconcilerWorld } from './support.ts';

/**
 * The reconciler against the fake Kubernetes API server, through the real client: projections,
 * status back-flow, idempotency, deletion, drift, and the API server's failures.
 */

const world = useReconcilerWorld();
const admin = { actor: systemActor('test') };
let reconciler: RunningReconciler;
let n = 0;
const uniqueName = (base: string) => `${base}-${(n++).toString(36)}-${Date.now().toString(36)}`;

async function ready() {
  reconciler ??= await world().start();
  return world();
}

async function project(extra: Record<string, unknown> = {}) {
  const w = await ready();
  return w.services.domain.create(admin, Project, { name: uniqueName('p'), ...extra });
}

const namespaceOf = (name: string) => world().cluster.get('namespaces', undefined, name);
const crOf = (namespace: string, name: string) => world().cluster.get('agenticsessions', namespace, name);
const bindingOf = (namespace: string, name: string) => world().cluster.get('rolebindings', namespace, name);

/** Plays the operator: writes the CR's status (and annotations) as it would. */
async function operator(cr: KubeObject, status: Record<string, unknown>, annotations?: Record<string, string | undefined>): Promise<void> {
  const next = structuredClone(cr) as KubeObject & { status?: Record<string, unknown> };
  next.status = { ...(next.status ?? {}), ...status };
  if (annotations) {
    const merged = { ...(next.metadata.annotations ?? {}), ...annotations };
    next.metadata.annotations = Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
  }
  await world().cluster.seed(next);
}

describe('Project → Namespace', () => {
  test('created with labels and annotations, kept in line, the user’s removed keys removed; a second pass writes nothing', async () => {
    const w = await ready();
    const p = await project({ display_name: 'Demo', labels: '{"team":"a","tier":"x"}', annotations: '{"note":"n"}' });
    const ns = await w.eventually(() => namespaceOf(p['name'] as string));
    expect(ns.metadata.labels).toMatchObject({ team: 'a', tier: 'x', 'ambient-code.io/managed': 'true', 'ambient-code.io/project-id': p.id });
    expect(ns.metadata.annotations).toMatchObject({ 'openshift.io/display-name': 'Demo', note: 'n', 'ambient-code.io/user-label-keys': 'team,tier' });

    await w.services.domain.update(admin, Project, p.id, { labels: '{"team":"b"}', display_name: null, description: 'About' });
    await w.eventually(async () => (await namespaceOf(p['name'] as string))?.metadata.labels?.['team'] === 'b');
    const updated = (await namespaceOf(p['name'] as string))!;
    expect(updated.metadata.labels).not.toHaveProperty('tier');
    expect(updated.metadata.annotations).toMatchObject({ 'openshift.io/display-name': p['name'], 'openshift.io/description': 'About' });

    await reconciler.controller!.idle();
    const calls = { ...reconciler.kube!.calls };
    await reconciler.controller!.resyncAll();
    await reconciler.controller!.idle();
    expect(reconciler.kube!.calls).toEqual(calls);
  });

  test('an existing namespace that is not ours is left alone; a deleted project deletes its namespace', async () => {
    const w = await ready();
    await w.cluster.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'taken' } } as KubeObject);
    await w.services.domain.create(admin, Project, { name: 'taken' });
    const p = await project();
    await w.eventually(() => namespaceOf(p['name'] as string));
    await reconciler.controller!.idle();
    expect((await namespaceOf('taken'))!.metadata.labels ?? {}).not.toHaveProperty('ambient-code.io/project-id');

    await w.services.domain.delete(admin, Project, p.id);
    await w.eventually(async () => !(await namespaceOf(p['name'] as string)), 60_000);
  });
});

describe('Project names (head-contract H1)', () => {
  test('a deleted project’s name answers 409 while its namespace terminates, and is free again once the namespace is gone', async () => {
    const w = await ready();
    const name = uniqueName('reuse');
    const first = await w.services.domain.create(admin, Project, { name });
    expect(first.id).toBe(name);
    await w.eventually(() => namespaceOf(name));
    await w.eventually(async () => (await w.db.pool.query(`SELECT 1 FROM projects WHERE id = $1 AND namespace_seen_at IS NOT NULL`, [name])).rowCount === 1);
    const session = await w.services.domain.create(admin, Session, { project_id: name, name: 'kept' });

    await w.services.domain.delete(admin, Project, name);
    const refused = await failure(w.services.domain.create(admin, Project, { name }));
    expect([refused.code, refused.reason]).toEqual([6, `project '${name}' is still being deleted: its name can be used again once its namespace is gone`]);

    await w.eventually(async () => !(await namespaceOf(name)), 60_000);
    const second = await w.eventually(async () => {
      try {
        return await w.services.domain.create(admin, Project, { name });
      } catch {
        return undefined;
      }
    }, 30_000);
    expect(second.id).toBe(name);
    const ns = await w.eventually(() => namespaceOf(name), 30_000);
    expect(ns.metadata.labels?.['ambient-code.io/project-id']).toBe(name);
    // The old project keeps its history under a retired id; its session followed it, and its change
    // events no longer count as the new project's.
    const { rows } = await w.db.pool.query(
      `SELECT p.id, p.deleted_at IS NOT NULL AS deleted FROM projects p JOIN sessions s ON s.project_id = p.id WHERE s.id = $1`,
      [session.id],
    );
    expect(rows).toEqual([{ id: expect.stringMatching(/^[0-9A-Za-z]{27}$/), deleted: true }]);
    const { rows: events } = await w.db.pool.query(`SELECT kind, type FROM change_events WHERE project_id = $1 ORDER BY seq`, [name]);
    expect(events.every((e) => e.type === 'ADDED')).toBe(true);
  });

  test('a namespace labelled with a project’s former KSUID is adopted and relabelled with its name', async () => {
    const w = await ready();
    const name = uniqueName('migrated');
    const formerId = '2ZFxhKyNhBIdNIIGYyTUt6NHk7l';
    await w.cluster.seed({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'ambient-code.io/managed': 'true', 'ambient-code.io/project-id': formerId } },
    } as KubeObject);
    const p = await w.services.domain.create(admin, Project, { name });
    await w.db.pool.query(`UPDATE projects SET former_id = $1 WHERE id = $2`, [formerId, p.id]);
    await w.services.domain.update(admin, Project, p.id, { description: 'migrated' });
    const ns = await w.eventually(async () => {
      const observed = await namespaceOf(name);
      return observed?.metadata.annotations?.['openshift.io/description'] === 'migrated' ? observed : undefined;
    });
    expect(ns.metadata.labels).toMatchObject({ 'ambient-code.io/project-id': name, 'ambient-code.io/managed': 'true' });
  });
});

describe('Permission → RoleBinding', () => {
  test('created for users and groups (also through group_access); a role change replaces the binding; a delete removes it', async () => {
    const w = await ready();
    const p = await project();
    const ns = p['name'] as string;
    await w.eventually(() => namespaceOf(ns));
    const perm = await w.services.domain.create(admin, Permission, { project_id: p.id, subject_type: 'user', subject_name: 'alice@example.com', role: 'view' });
    const rb = await w.eventually(() => bindingOf(ns, 'ambient-permission-view-alice-example-com-user'));
    expect(rb).toMatchObject({
      metadata: {
        labels: { app: 'ambient-permission', 'ambient-code.io/permission-id': perm.id },
        annotations: { 'ambient-code.io/subject-name': 'alice@example.com' },
      },
      roleRef: { kind: 'ClusterRole', name: 'ambient-project-view' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice@example.com' }],
    });

    await w.services.domain.update(admin, Permission, perm.id, { role: 'admin' });
    await w.eventually(() => bindingOf(ns, 'ambient-permission-admin-alice-example-com-user'));
    await w.eventually(async () => !(await bindingOf(ns, 'ambient-permission-view-alice-example-com-user')));

    await w.services.domain.create(admin, ProjectSettings, { project_id: p.id, group_access: '[{"group_name":"Dev Team","role":"edit"}]' });
    await w.eventually(() => bindingOf(ns, 'ambient-permission-edit-dev-team-group'));

    await w.services.domain.delete(admin, Permission, perm.id);
    await w.eventually(async () => !(await bindingOf(ns, 'ambient-permission-admin-alice-example-com-user')));
  });

  test('a legacy binding of the same subject and role is adopted; unmanaged bindings are never touched', async () => {
    const w = await ready();
    const p = await project();
    const ns = p['name'] as string;
    await w.eventually(() => namespaceOf(ns));
    const subjects = [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'ops' }];
    const roleRef = { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ambient-project-edit' };
    await w.cluster.seed({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'ambient-permission-edit-ops-group', namespace: ns },
      roleRef,
      subjects,
    } as KubeObject);
    await w.cluster.seed({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'ambient-admin-bob', namespace: ns },
      roleRef,
      subjects,
    } as KubeObject);
    const perm = await w.services.domain.create(admin, Permission, { project_id: p.id, subject_type: 'group', subject_name: 'ops', role: 'edit' });
    await w.eventually(async () => (await bindingOf(ns, 'ambient-permission-edit-ops-group'))?.metadata.labels?.['ambient-code.io/permission-id'] === perm.id);
    await w.services.domain.delete(admin, Permission, perm.id);
    await w.eventually(async () => !(await bindingOf(ns, 'ambient-permission-edit-ops-group')));
    expect(await bindingOf(ns, 'ambient-admin-bob')).toBeDefined();
  });
});

describe('Session → AgenticSession', () => {
  async function startedSession(extra: Record<string, unknown> = {}) {
    const w = await ready();
    const p = await project();
    await w.eventually(() => namespaceOf(p['name'] as string));
    const creator = await w.services.domain.create(admin, User, { username: uniqueName('u'), name: 'Creator', groups: ['devs'] });
    const workflow = await w.services.domain.create(admin, Workflow, {
      project_id: p.id,
      name: 'wf',
      repo_url: 'https://github.com/wf/flows',
      path: 'flows/x',
    });
    const s = await w.services.domain.create(
      { actor: { type: 'user', userId: creator.id, username: creator['username'] as string, groups: [], platformAdmin: true } },
      Session,
      {
        project_id: p.id,
        name: 'work',
        prompt: 'Do it',
        repos: '[{"url":"https://github.com/a/b"}]',
        workflow_id: workflow.id,
        labels: '{"team":"x"}',
        ...extra,
      },
    );
    await w.services.sessions.start(admin, s.id);
    const cr = await w.eventually(() => crOf(p['name'] as string, s['kube_cr_name'] as string));
    return { w, p, s, cr, creator, workflow };
  }

  test('start creates the CR with the spec mapping; its uid flows back; no CR before the first start', async () => {
    const { w, p, s, cr, creator } = await startedSession();
    expect(cr.metadata.labels).toMatchObject({
      team: 'x',
      'ambient-code.io/session-id': s.id,
      'ambient-code.io/project-id': p.id,
      'ambient-code.io/managed-by': 'ambient-api-server',
    });
    expect((cr as unknown as { spec: unknown }).spec).toEqual({
      displayName: 'work',
      initialPrompt: 'Do it',
      project: p['name'],
      repos: [{ url: 'https://github.com/a/b', branch: 'main', autoPush: false }],
      interactive: true,
      timeout: 300,
      llmSettings: { model: 'sonnet', temperature: 0.7, maxTokens: 4000 },
      activeWorkflow: { gitUrl: 'https://github.com/wf/flows', branch: 'main', path: 'flows/x' },
      userContext: { userId: creator['username'], displayName: 'Creator', groups: ['devs'] },
    });
    await w.eventually(async () => (await w.services.domain.get(admin, Session, s.id))['kube_cr_uid'] === cr.metadata.uid);

    const unstarted = await w.services.domain.create(admin, Session, { project_id: p.id, name: 'idle' });
    await reconciler.controller!.idle();
    expect(await crOf(p['name'] as string, unstarted['kube_cr_name'] as string)).toBeUndefined();
  });

  test('data, workflow and creator changes are merge-patched into the CR; status flows back with the phase guard', async () => {
    const { w, p, s, workflow, creator } = await startedSession();
    const ns = p['name'] as string;
    const name = s['kube_cr_name'] as string;
    await w.services.domain.update(admin, Session, s.id, { prompt: null, timeout: 60 });
    await w.services.domain.update(admin, Workflow, workflow.id, { branch: 'dev' });
    await w.services.domain.update(admin, User, creator.id, { name: 'Renamed' });
    await w.eventually(async () => {
      const spec = ((await crOf(ns, name)) as unknown as { spec: Record<string, { branch?: string; displayName?: string }> }).spec;
      return (
        spec['timeout'] === (60 as never) &&
        !('initialPrompt' in spec) &&
        spec['activeWorkflow']?.branch === 'dev' &&
        spec['userContext']?.displayName === 'Renamed'
      );
    });

    await operator((await crOf(ns, name))!, {
      phase: 'Running',
      startTime: '2026-03-02T09:00:00Z',
      sdkSessionId: 'sdk-1',
      conditions: [{ type: 'Ready', status: 'True' }],
    });
    const running = await w.eventually(async () => {
      const row = await w.services.domain.get(admin, Session, s.id);
      return row['phase'] === 'Running' ? row : undefined;
    });
    expect(running).toMatchObject({ sdk_session_id: 'sdk-1', conditions: '[{"type":"Ready","status":"True"}]' });
    expect((running['start_time'] as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');

    // stop: the desired phase is written once; while the operator has not acted, the stale phase is not copied
    await w.services.sessions.stop(admin, s.id);
    await w.eventually(async () => (await crOf(ns, name))?.metadata.annotations?.['ambient-code.io/desired-phase'] === 'Stopped');
    const stopAt = (await crOf(ns, name))!.metadata.annotations!['ambient-code.io/stop-requested-at'];
    expect(stopAt).toBeDefined();
    await reconciler.controller!.resyncAll();
    await reconciler.controller!.idle();
    expect((await w.services.domain.get(admin, Session, s.id))['phase']).toBe('Stopping');
    expect((await crOf(ns, name))!.metadata.annotations!['ambient-code.io/stop-requested-at']).toBe(stopAt);

    await operator(
      (await crOf(ns, name))!,
      { phase: 'Stopped', completionTime: '2026-03-02T10:00:00Z' },
      { 'ambient-code.io/desired-phase': undefined, 'ambient-code.io/stop-requested-at': undefined },
    );
    await w.eventually(async () => (await w.services.domain.get(admin, Session, s.id))['phase'] === 'Stopped');

    // start again: desired phase Running once; the stale Stopped is not copied while start-requested-at stands
    await w.services.sessions.start(admin, s.id);
    await w.eventually(async () => (await crOf(ns, name))?.metadata.annotations?.['ambient-code.io/desired-phase'] === 'Running');
    await reconciler.controller!.idle();
    expect((await w.services.domain.get(admin, Session, s.id))['phase']).toBe('Pending');
  });

  test('a CR deleted outside the API: Running → Failed with a condition; a deleted session deletes its CR', async () => {
    const { w, p, s } = await startedSession();
    const ns = p['name'] as string;
    const name = s['kube_cr_name'] as string;
    await operator((await crOf(ns, name))!, { phase: 'Running' });
    await w.eventually(async () => (await w.services.domain.get(admin, Session, s.id))['phase'] === 'Running');
    await w.cluster.remove('agenticsessions', ns, name);
    const failed = await w.eventually(async () => {
      const row = await w.services.domain.get(admin, Session, s.id);
      return row['phase'] === 'Failed' ? row : undefined;
    });
    expect(JSON.parse(failed['conditions'] as string)).toEqual([
      { type: 'Ready', reason: 'ResourceDeleted', status: 'False', message: 'AgenticSession was deleted outside the API' },
    ]);

    const second = await startedSession();
    await second.w.services.domain.delete(admin, Session, second.s.id);
    await w.eventually(async () => !(await crOf(second.p['name'] as string, second.s['kube_cr_name'] as string)));
  });

  test('a CR with a finalizer stays until the finalizer is removed; the reconciler waits', async () => {
    const { w, p, s, cr } = await startedSession();
    const ns = p['name'] as string;
    await w.cluster.seed({ ...cr, metadata: { ...cr.metadata, finalizers: ['operator.ambient-code.io/cleanup'] } } as KubeObject);
    await w.services.domain.delete(admin, Session, s.id);
    await w.eventually(async () => (await crOf(ns, s['kube_cr_name'] as string))?.metadata.deletionTimestamp);
    const deleting = (await crOf(ns, s['kube_cr_name'] as string))!;
    await w.cluster.seed({ ...deleting, metadata: { ...deleting.metadata, finalizers: [] } } as KubeObject);
    await w.eventually(async () => !(await crOf(ns, s['kube_cr_name'] as string)));
  });
});

// Faults, dropped watches and compaction are controls of the fake only.
describe.skipIf(REAL_KUBE)('failures of the API server', () => {
  test('409, 429 with Retry-After and 500 are retried until the write lands', async () => {
    const w = await ready();
    const fake = w.cluster.fake!;
    fake.injectFault({ method: 'POST', pathPattern: /\/namespaces$/, times: 1, status: 500 });
    fake.injectFault({ method: 'POST', pathPattern: /\/namespaces$/, times: 1, status: 429, retryAfterSeconds: 1 });
    const p = await project();
    const started = Date.now();
    await w.eventually(() => namespaceOf(p['name'] as string), 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);

    fake.injectFault({ method: 'PATCH', pathPattern: /\/namespaces\//, times: 2, status: 409 });
    await w.services.domain.update(admin, Project, p.id, { display_name: 'After conflicts' });
    await w.eventually(async () => (await namespaceOf(p['name'] as string))?.metadata.annotations?.['openshift.io/display-name'] === 'After conflicts');
  });

  test('API calls share one connection instead of opening one each', async () => {
    const w = await ready();
    const fake = w.cluster.fake!;
    await fake.settle();
    const before = fake.connections;
    const projects = await Promise.all(Array.from({ length: 5 }, () => project()));
    for (const p of projects) await w.eventually(() => namespaceOf(p['name'] as string));
    const sequential = [];
    for (let i = 0; i < 10; i++) sequential.push(await project());
    for (const p of sequential) await w.eventually(() => namespaceOf(p['name'] as string));
    // 15 namespace creates (the test reads the fake in process): at most the few connections that
    // concurrent calls need, not one per call.
    expect(fake.connections - before).toBeLessThanOrEqual(6);
  });

  test('dropped and broken watches are reopened; a compacted history relists', async () => {
    const w = await ready();
    const fake = w.cluster.fake!;
    fake.dropWatches({ abrupt: true });
    const a = await project();
    await w.eventually(() => namespaceOf(a['name'] as string));
    await w.eventually(() => fake.openWatches >= 3, 15_000);
    fake.compact();
    fake.dropWatches();
    const b = await project();
    await w.eventually(() => namespaceOf(b['name'] as string));
  });
});
