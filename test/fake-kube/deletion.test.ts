import { CoreV1Api, CustomObjectsApi, type V1Secret } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { FakeKube, kubeConfigFor } from '../support/fake-kube/index.ts';
import { createNamespace, failure, mergePatch, session, SESSION_API, useFakeKube } from './helpers.ts';

const clients = useFakeKube();

type Session = {
  metadata: {
    name: string;
    uid: string;
    resourceVersion: string;
    generation: number;
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
    finalizers?: string[];
  };
};

/** A session owning a secret (the way the operator's per-session objects are owned). */
async function sessionWithDependent(namespace: string, blockOwnerDeletion = false): Promise<{ owner: Session; dependent: V1Secret }> {
  const { core, custom } = clients();
  const owner = (await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, 'owner') })) as Session;
  const ownerReferences = [{ apiVersion: 'vteam.ambient-code/v1alpha1', kind: 'AgenticSession', name: 'owner', uid: owner.metadata.uid, blockOwnerDeletion }];
  const dependent = await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'dependent', ownerReferences } } });
  return { owner, dependent };
}

describe('fake-kube: deletion', () => {
  it('deletes an object without finalizers at once, answering a Success Status', async () => {
    const { core, custom } = clients();
    const namespace = await createNamespace(core);
    const created = (await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, 's1') })) as Session;
    const answer = await custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 's1' });
    expect(answer).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Success',
      details: { name: 's1', group: 'vteam.ambient-code', kind: 'agenticsessions', uid: created.metadata.uid },
    });
    expect((await failure(custom.getNamespacedCustomObject({ ...SESSION_API, namespace, name: 's1' }))).code).toBe(404);
  });

  it('checks uid and resourceVersion preconditions', async () => {
    const { core, custom } = clients();
    const namespace = await createNamespace(core);
    const created = (await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, 's1') })) as Session;
    const wrongUid = await failure(custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 's1', body: { preconditions: { uid: 'other' } } }));
    expect(wrongUid.status).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: expect.stringContaining(`Precondition failed: UID in precondition: other, UID in object meta: ${created.metadata.uid}`),
    });
    const wrongVersion = await failure(
      custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 's1', body: { preconditions: { resourceVersion: '1' } } }),
    );
    expect(wrongVersion.code).toBe(409);
    await custom.deleteNamespacedCustomObject({
      ...SESSION_API,
      namespace,
      name: 's1',
      body: { preconditions: { uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion } },
    });
  });

  it('holds an object with finalizers until the last one is removed, refusing new ones meanwhile', async () => {
    const { fake, core, custom } = clients();
    const namespace = await createNamespace(core);
    const body = session(namespace, 's1');
    (body['metadata'] as Record<string, unknown>)['finalizers'] = ['vteam.ambient-code/cleanup'];
    await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body });
    const pending = (await custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 's1' })) as Session;
    expect(pending.metadata).toMatchObject({ deletionGracePeriodSeconds: 0, generation: 2, finalizers: ['vteam.ambient-code/cleanup'] });
    expect(pending.metadata.deletionTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const added = await failure(
      custom.patchNamespacedCustomObject(
        { ...SESSION_API, namespace, name: 's1', body: { metadata: { finalizers: ['vteam.ambient-code/cleanup', 'example.com/more'] } } },
        mergePatch,
      ),
    );
    expect(added.status).toMatchObject({ code: 422, details: { causes: [{ reason: 'FieldValueForbidden', field: 'metadata.finalizers' }] } });

    await custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name: 's1', body: { metadata: { finalizers: null } } }, mergePatch);
    expect(fake.get('AgenticSession', namespace, 's1')).toBeUndefined();
  });

  it('terminates a namespace: Terminating at once, contents deleted asynchronously, then the namespace', async () => {
    const fake = await FakeKube.start({ cascadeDelayMs: 300 });
    try {
      const config = kubeConfigFor(fake);
      const core = config.makeApiClient(CoreV1Api);
      const custom = config.makeApiClient(CustomObjectsApi);
      const namespace = await createNamespace(core);
      const held = session(namespace, 'held');
      (held['metadata'] as Record<string, unknown>)['finalizers'] = ['vteam.ambient-code/cleanup'];
      await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: held });
      await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'plain' } } });

      await core.deleteNamespace({ name: namespace, propagationPolicy: 'Background' });
      expect(fake.get('namespaces', undefined, namespace)).toMatchObject({ status: { phase: 'Terminating' }, spec: { finalizers: ['kubernetes'] } });
      expect(fake.get('secrets', namespace, 'plain')).toBeDefined(); // nothing deleted yet

      await fake.settle();
      expect(fake.get('secrets', namespace, 'plain')).toBeUndefined();
      expect(fake.get('AgenticSession', namespace, 'held')!.metadata.deletionTimestamp).toBeDefined();
      expect((await core.readNamespace({ name: namespace })).status!.phase).toBe('Terminating'); // held by the session's finalizer

      await custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name: 'held', body: { metadata: { finalizers: null } } }, mergePatch);
      await fake.settle();
      expect((await failure(core.readNamespace({ name: namespace }))).code).toBe(404);
    } finally {
      await fake.close();
    }
  });

  it('removes a Terminating namespace as soon as /finalize empties its finalizers', async () => {
    const { fake, core } = clients();
    const namespace = await createNamespace(core);
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'held', finalizers: ['example.com/hold'] } } });
    await core.deleteNamespace({ name: namespace });
    const current = await core.readNamespace({ name: namespace });
    await core.replaceNamespaceFinalize({ name: namespace, body: { ...current, spec: { finalizers: [] } } });
    expect(fake.get('namespaces', undefined, namespace)).toBeUndefined();
  });

  it('collects dependents of a deleted owner in the background', async () => {
    const { fake, core, custom } = clients();
    const namespace = await createNamespace(core);
    await sessionWithDependent(namespace);
    await custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 'owner', propagationPolicy: 'Background' });
    await fake.settle();
    expect(fake.get('secrets', namespace, 'dependent')).toBeUndefined();
  });

  it('orphans dependents: the owner waits on the orphan finalizer, the references are stripped', async () => {
    const { fake, core, custom } = clients();
    const namespace = await createNamespace(core);
    await sessionWithDependent(namespace);
    const owner = (await custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 'owner', propagationPolicy: 'Orphan' })) as Session;
    expect(owner.metadata.finalizers).toEqual(['orphan']);
    await fake.settle();
    expect(fake.get('AgenticSession', namespace, 'owner')).toBeUndefined();
    const dependent = await core.readNamespacedSecret({ namespace, name: 'dependent' });
    expect(dependent.metadata!.ownerReferences).toBeUndefined();
  });

  it('deletes in the foreground: dependents first, then the owner', async () => {
    const { fake, core, custom } = clients();
    const namespace = await createNamespace(core);
    await sessionWithDependent(namespace, true);
    const owner = (await custom.deleteNamespacedCustomObject({ ...SESSION_API, namespace, name: 'owner', propagationPolicy: 'Foreground' })) as Session;
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    await fake.settle();
    expect(fake.get('secrets', namespace, 'dependent')).toBeUndefined();
    expect(fake.get('AgenticSession', namespace, 'owner')).toBeUndefined();
  });

  it('collects an object whose owner does not exist, and leaves owners of unserved kinds alone', async () => {
    const { fake, core } = clients();
    const namespace = await createNamespace(core);
    const ref = (kind: string, apiVersion: string) => [{ apiVersion, kind, name: 'gone', uid: '00000000-0000-0000-0000-000000000000' }];
    await core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: 'orphaned', ownerReferences: ref('AgenticSession', 'vteam.ambient-code/v1alpha1') } },
    });
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'deployment-owned', ownerReferences: ref('Deployment', 'apps/v1') } } });
    await fake.settle();
    expect(fake.get('secrets', namespace, 'orphaned')).toBeUndefined();
    expect(fake.get('secrets', namespace, 'deployment-owned')).toBeDefined();
  });
});
