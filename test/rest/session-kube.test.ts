import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectError, useApi, V1, type TestApi } from '../support/api.ts';
import { FakeKube, kubeConfigFor } from '../support/fake-kube/index.ts';
import { sessionIn, type Json } from '../agui/support.ts';

/**
 * GET /sessions/{id}/k8s-resources and /pod-events (runtime.md §d rows 15–16) through the real
 * Kubernetes client against the fake apiserver: the operator's objects by name and by label, only
 * metadata out, the runner pod's events oldest first, and a cluster that fails.
 */

let fake: FakeKube;
beforeAll(async () => {
  fake = await FakeKube.start();
});
afterAll(() => fake.close());
const world = useApi({}, () => ({ kubeConfig: kubeConfigFor(fake) }));
const api = (): TestApi => world();
const noCluster = useApi();

async function seeded(): Promise<{ id: string; cr: string; ns: string; projectId: string }> {
  const s = await sessionIn(api());
  const row = (await api().request<Json>('GET', `${V1}/sessions/${s.id}`)).body;
  const ns = row['kube_namespace'] as string;
  const cr = s.kubeCrName;
  fake.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const label = { 'agentic-session': cr };
  fake.seed({
    apiVersion: 'vteam.ambient-code/v1alpha1',
    kind: 'AgenticSession',
    metadata: { name: cr, namespace: ns },
    spec: {},
    status: { phase: 'Running' },
  } as never);
  fake.seed({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${cr}-runner`, namespace: ns, labels: label },
    spec: { containers: [{ name: 'r', image: 'x' }] },
    status: { phase: 'Running' },
  } as never);
  fake.seed({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${cr}-helper`, namespace: ns, labels: label },
    spec: {},
    status: { phase: 'Succeeded' },
  } as never);
  fake.seed({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'unrelated', namespace: ns, labels: { 'agentic-session': 'other' } }, spec: {} } as never);
  fake.seed({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `session-${cr}`, namespace: ns, labels: label },
    spec: { ports: [{ port: 8001 }] },
  } as never);
  fake.seed({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `ambient-session-${cr}`, namespace: ns } });
  fake.seed({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `ambient-runner-token-${cr}`, namespace: ns },
    data: { 'agui-token': Buffer.from('s3cret').toString('base64') },
  } as never);
  fake.seed({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: `ambient-session-${cr}-role`, namespace: ns },
    rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }],
  } as never);
  fake.seed({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: `ambient-session-${cr}-rb`, namespace: ns },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `ambient-session-${cr}-role` },
    subjects: [{ kind: 'ServiceAccount', name: `ambient-session-${cr}`, namespace: ns }],
  } as never);
  const event = (name: string, pod: string, reason: string, last: string, extra: Json = {}) =>
    fake.seed({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: { kind: 'Pod', name: pod, namespace: ns },
      reason,
      message: `${reason} happened`,
      type: 'Normal',
      count: 2,
      lastTimestamp: last,
      ...extra,
    } as never);
  event('e2', `${cr}-runner`, 'Started', '2026-01-01T00:00:30Z');
  event('e1', `${cr}-runner`, 'Pulled', '2026-01-01T00:00:10Z', { type: 'Warning' });
  event('e3', 'unrelated', 'Killing', '2026-01-01T00:00:20Z');
  return { id: s.id, cr, ns, projectId: s.projectId };
}

test('k8s-resources: the operator’s objects by name and label, metadata only, phases where they exist', async () => {
  const s = await seeded();
  const res = await api().request<Json>('GET', `${V1}/sessions/${s.id}/k8s-resources`);
  expect(res.status, res.text).toBe(200);
  const resources = res.body['resources'] as Json[];
  const names = resources.map((r) => `${r['kind']}/${r['name']}`).sort();
  expect(names).toEqual(
    [
      `AgenticSession/${s.cr}`,
      `Pod/${s.cr}-helper`,
      `Pod/${s.cr}-runner`,
      `Role/ambient-session-${s.cr}-role`,
      `RoleBinding/ambient-session-${s.cr}-rb`,
      `Secret/ambient-runner-token-${s.cr}`,
      `Service/session-${s.cr}`,
      `ServiceAccount/ambient-session-${s.cr}`,
    ].sort(),
  );
  const runner = resources.find((r) => r['name'] === `${s.cr}-runner`)!;
  expect(runner).toEqual({
    kind: 'Pod',
    name: `${s.cr}-runner`,
    namespace: s.ns,
    uid: expect.any(String),
    phase: 'Running',
    created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  });
  expect(resources.find((r) => r['kind'] === 'AgenticSession')!['phase']).toBe('Running');
  expect(resources.find((r) => r['kind'] === 'ServiceAccount')).not.toHaveProperty('phase');
  expect(res.text).not.toContain('s3cret');
  expect(res.text).not.toContain(Buffer.from('s3cret').toString('base64'));
  // Label reads were scoped to the session.
  expect(fake.requests.some((r) => r.path.endsWith('/pods') && JSON.stringify(r.query).includes(`agentic-session=${s.cr}`))).toBe(true);
});

test('pod-events: the runner pod’s events oldest first; a failing cluster gives none; k8s-resources then 502', async () => {
  const s = await seeded();
  const res = await api().request<Json>('GET', `${V1}/sessions/${s.id}/pod-events`);
  expect(res.status, res.text).toBe(200);
  expect(res.body['events']).toEqual([
    { type: 'Warning', reason: 'Pulled', message: 'Pulled happened', timestamp: '2026-01-01T00:00:10Z', count: 2 },
    { type: 'Normal', reason: 'Started', message: 'Started happened', timestamp: '2026-01-01T00:00:30Z', count: 2 },
  ]);

  fake.injectFault({ method: 'GET', pathPattern: /\/(events|pods)/, status: 500, times: 10 });
  expect((await api().request<Json>('GET', `${V1}/sessions/${s.id}/pod-events`)).body).toEqual({ events: [] });
  expectError(await api().request('GET', `${V1}/sessions/${s.id}/k8s-resources`), 502, 30);
  fake.clearFaults();
});

test('a session without objects has none; strangers get 404; no cluster configured → 503 code 31', async () => {
  const s = await sessionIn(api());
  expect((await api().request<Json>('GET', `${V1}/sessions/${s.id}/k8s-resources`)).body).toEqual({ resources: [] });
  expect((await api().request<Json>('GET', `${V1}/sessions/${s.id}/pod-events`)).body).toEqual({ events: [] });
  expectError(await api().request('GET', `${V1}/sessions/missing/k8s-resources`), 404, 7);

  const other = await sessionIn(noCluster());
  expect(expectError(await noCluster().request('GET', `${V1}/sessions/${other.id}/k8s-resources`), 503, 31)).toMatch(/no Kubernetes cluster is configured/);
  expectError(await noCluster().request('GET', `${V1}/sessions/${other.id}/pod-events`), 503, 31);
});
