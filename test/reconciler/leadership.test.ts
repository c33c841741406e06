import { expect, test } from 'vitest';
import { systemActor } from '../../src/auth/actor.ts';
import { Project } from '../../src/kinds/index.ts';
import { useServerProcesses } from '../support/process.ts';
import { useReconcilerWorld } from './support.ts';

/** Exactly one reconciler reconciles; when it goes away another takes over. Without Kubernetes the API still serves. */

const world = useReconcilerWorld();
const admin = { actor: systemActor('test') };

test('two reconcilers: one leads, the other takes over when it stops', async () => {
  const w = world();
  const first = await w.start();
  const second = await w.start();
  await w.eventually(() => first.isLeader() !== second.isLeader());
  const [leader, follower] = first.isLeader() ? [first, second] : [second, first];
  expect(follower.controller).toBeUndefined();

  const before = await w.services.domain.create(admin, Project, { name: 'led-by-one' });
  await w.eventually(() => w.cluster.get('namespaces', undefined, before['name'] as string));

  await leader.stop();
  await w.eventually(() => follower.isLeader() && follower.controller !== undefined);
  const after = await w.services.domain.create(admin, Project, { name: 'led-by-other' });
  await w.eventually(() => w.cluster.get('namespaces', undefined, after['name'] as string));
});

const start = useServerProcesses();

test('RECONCILER=on without Kubernetes: the API serves and says reconciliation is off', async () => {
  const server = await start({ DATABASE_URL: world().db.url, RECONCILER: 'on' });
  expect(server.output()).toMatch(/reconciliation is off: no Kubernetes is configured/);
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  expect(await server.stop()).toBe(0);
});
