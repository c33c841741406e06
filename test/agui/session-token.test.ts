import { afterAll, beforeAll, expect, test } from 'vitest';
import { V1 } from '../support/api.ts';
import { FakeKube, kubeConfigFor } from '../support/fake-kube/index.ts';
import { agui, runEnded, sessionIn, useAguiWorld, type Json } from './support.ts';

/**
 * The session token (runtime.md §a.12): read from the Secret `ambient-runner-token-<kube_cr_name>`
 * (key `agui-token`) with the server's identity, sent as X-Ambient-Session-Token on every runner
 * call, cached, and read again once when the runner answers 401 (the operator rotated it).
 */

let kube: FakeKube;
beforeAll(async () => {
  kube = await FakeKube.start();
});
afterAll(() => kube.close());
const world = useAguiWorld({ overrides: () => ({ kubeConfig: kubeConfigFor(kube) }) });

function secret(namespace: string, kubeCrName: string, token: string) {
  kube.seed({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `ambient-runner-token-${kubeCrName}`, namespace },
    data: { 'agui-token': Buffer.from(token).toString('base64'), 'k8s-token': 'eA==' },
  } as never);
}

test('the token is sent, cached, and re-read once after a 401', async () => {
  const { api, runner } = world();
  const s = await sessionIn(api, 'Pending'); // no between-run listener: only the calls below reach the runner
  const namespace = (await api.request<Json>('GET', `${V1}/sessions/${s.id}`)).body['kube_namespace'] as string;
  kube.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } } as never);
  secret(namespace, s.kubeCrName, 'token-1');
  runner.token = 'token-1';
  const reads = () => kube.requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/secrets/ambient-runner-token-${s.kubeCrName}`)).length;

  const first = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect((await runEnded(api, s.id, first))['status']).toBe('finished');
  const second = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect((await runEnded(api, s.id, second))['status']).toBe('finished');
  expect(
    runner
      .to('/')
      .filter((r) => r.session === s.kubeCrName)
      .map((r) => r.headers['x-ambient-session-token']),
  ).toEqual(['token-1', 'token-1']);
  expect(reads()).toBe(1); // cached

  // Rotation: the runner wants the new token; the cached one is refused once, then re-read.
  secret(namespace, s.kubeCrName, 'token-2');
  runner.token = 'token-2';
  const third = (await api.request<Json>('POST', agui(s.id, 'run'), { body: {} })).body['runId'] as string;
  expect((await runEnded(api, s.id, third))['status']).toBe('finished');
  expect(
    runner
      .to('/')
      .filter((r) => r.session === s.kubeCrName)
      .map((r) => r.headers['x-ambient-session-token']),
  ).toEqual(['token-1', 'token-1', 'token-1', 'token-2']);
  expect(reads()).toBe(2);

  // No Secret: no token header at all.
  const other = await sessionIn(api, 'Pending');
  runner.token = undefined;
  const run = (await api.request<Json>('POST', agui(other.id, 'run'), { body: {} })).body['runId'] as string;
  await runEnded(api, other.id, run);
  expect(runner.to('/').find((r) => r.session === other.kubeCrName)!.headers['x-ambient-session-token']).toBeUndefined();
});
