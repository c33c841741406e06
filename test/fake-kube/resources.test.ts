import type { V1RoleBinding } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { createNamespace, failure, mergePatch, session, SESSION_API, unique, useFakeKube } from './helpers.ts';

const clients = useFakeKube();

describe('fake-kube: the real client over HTTP', () => {
  it('serves discovery documents', async () => {
    const { fake } = clients();
    const get = async (path: string): Promise<Record<string, unknown>> =>
      (await fetch(`${fake.url}${path}`, { headers: { authorization: `Bearer ${fake.token}` } })).json() as Promise<Record<string, unknown>>;
    expect(await get('/api')).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const core = await get('/api/v1');
    expect(core['resources']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'namespaces', namespaced: false, kind: 'Namespace', shortNames: ['ns'] }),
        expect.objectContaining({ name: 'namespaces/status' }),
        expect.objectContaining({ name: 'secrets', namespaced: true }),
      ]),
    );
    const groups = (await get('/apis'))['groups'] as { name: string }[];
    expect(groups.map((g) => g.name)).toEqual(['rbac.authorization.k8s.io', 'vteam.ambient-code']);
    expect(await get('/apis/vteam.ambient-code/v1alpha1')).toMatchObject({
      groupVersion: 'vteam.ambient-code/v1alpha1',
      resources: [
        { name: 'agenticsessions', kind: 'AgenticSession', namespaced: true, shortNames: ['as'] },
        { name: 'agenticsessions/status', verbs: ['get', 'patch', 'update'] },
      ],
    });
  });

  it('answers unknown paths, wrong methods and a missing token with Status errors', async () => {
    const { fake } = clients();
    const call = async (path: string, init: RequestInit = {}, token = fake.token): Promise<[number, unknown]> => {
      const response = await fetch(`${fake.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}` } });
      return [response.status, await response.json()];
    };
    expect(await call('/apis/nope.example/v1/things')).toEqual([
      404,
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      },
    ]);
    expect((await call('/api/v1/namespaces/default', { method: 'POST' }))[1]).toMatchObject({ code: 405, reason: 'MethodNotAllowed' });
    expect((await call('/apis/rbac.authorization.k8s.io/v1/rolebindings', { method: 'POST' }))[1]).toMatchObject({ code: 405 });
    expect(await call('/api/v1/namespaces', {}, 'wrong')).toEqual([401, expect.objectContaining({ reason: 'Unauthorized', code: 401 })]);
  });

  it('creates, reads, updates and deletes namespaces with server-set fields', async () => {
    const { core } = clients();
    const name = unique('ns');
    const created = await core.createNamespace({ body: { metadata: { name, labels: { 'ambient-code.io/managed': 'true' }, annotations: { a: 'b' } } } });
    expect(created).toMatchObject({ kind: 'Namespace', apiVersion: 'v1', spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    expect(created.metadata!.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata!.resourceVersion).toMatch(/^\d+$/);
    expect(created.metadata!.generation).toBeUndefined();
    expect(created.metadata!.creationTimestamp!.toISOString()).toMatch(/\.000Z$/);

    const conflict = await failure(core.createNamespace({ body: { metadata: { name } } }));
    expect(conflict.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `namespaces "${name}" already exists`,
      reason: 'AlreadyExists',
      details: { name, kind: 'namespaces' },
      code: 409,
    });

    const patched = await core.patchNamespace({ name, body: { metadata: { labels: { extra: 'x' }, annotations: { a: null } } } }, mergePatch);
    expect(patched.metadata!.labels).toEqual({ 'ambient-code.io/managed': 'true', extra: 'x' });
    expect(patched.metadata!.annotations).toBeUndefined();
    expect(Number(patched.metadata!.resourceVersion)).toBeGreaterThan(Number(created.metadata!.resourceVersion));

    // A main-resource update cannot change status or spec.finalizers.
    const replaced = await core.replaceNamespace({ name, body: { ...patched, spec: { finalizers: [] }, status: { phase: 'Terminating' } } });
    expect(replaced.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(replaced.status).toEqual({ phase: 'Active' });
    expect(replaced.metadata!.resourceVersion).toBe(patched.metadata!.resourceVersion); // a no-op write

    const missing = await failure(core.readNamespace({ name: unique('missing') }));
    expect(missing.code).toBe(404);
    expect(missing.status).toMatchObject({ reason: 'NotFound', details: { kind: 'namespaces' } });
    const invalid = await failure(core.createNamespace({ body: { metadata: { name: 'Not_Valid' } } }));
    expect(invalid.status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      details: { name: 'Not_Valid', kind: 'Namespace', causes: [{ reason: 'FieldValueInvalid', field: 'metadata.name' }] },
    });
    expect(invalid.status.message).toMatch(/^Namespace "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": a lowercase RFC 1123 label/);
  });

  it('creates role bindings with RBAC defaults and no empty fields, and keeps roleRef immutable', async () => {
    const { core, rbac } = clients();
    const namespace = await createNamespace(core);
    const name = 'ambient-permission-edit-alice-example-com-user';
    const body: V1RoleBinding = {
      metadata: { name, labels: { app: 'ambient-permission' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ambient-project-edit' },
      subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice@example.com' }],
    };
    const created = await rbac.createNamespacedRoleBinding({ namespace, body });
    expect(created).toMatchObject({ kind: 'RoleBinding', metadata: { namespace, name }, subjects: body.subjects });

    const raw = await fetch(`${clients().fake.url}/apis/rbac.authorization.k8s.io/v1/namespaces/${namespace}/rolebindings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clients().fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ metadata: { name: 'no-subjects' }, roleRef: { kind: 'ClusterRole', name: 'view' }, subjects: [] }),
    });
    const noSubjects = (await raw.json()) as Record<string, unknown>;
    expect(noSubjects).not.toHaveProperty('subjects');
    expect(noSubjects['roleRef']).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' });

    const changed = await failure(rbac.patchNamespacedRoleBinding({ namespace, name, body: { roleRef: { name: 'ambient-project-admin' } } }, mergePatch));
    expect(changed.status).toMatchObject({ code: 422, details: { kind: 'RoleBinding', group: 'rbac.authorization.k8s.io', causes: [{ field: 'roleRef' }] } });

    const all = await rbac.listRoleBindingForAllNamespaces({ labelSelector: 'app=ambient-permission' });
    expect(all.items.map((b) => b.metadata!.name)).toEqual([name]);
    const deleted = await rbac.deleteNamespacedRoleBinding({ namespace, name });
    expect(deleted).toMatchObject({ status: 'Success', details: { name, group: 'rbac.authorization.k8s.io', kind: 'rolebindings' } });
    expect((await failure(rbac.readNamespacedRoleBinding({ namespace, name }))).code).toBe(404);
  });

  it('reads cluster roles seeded from the project manifest', async () => {
    const { fake, rbac } = clients();
    fake.seedManifest(new URL('../../deploy/rbac/project-roles.yaml', import.meta.url).pathname);
    const role = await rbac.readClusterRole({ name: 'ambient-project-edit' });
    expect(role.rules!.length).toBeGreaterThan(0);
  });

  it('stores secrets with stringData turned into base64 data', async () => {
    const { core } = clients();
    const namespace = await createNamespace(core);
    const created = await core.createNamespacedSecret({
      namespace,
      body: { metadata: { name: 'ambient-runner-token-s1' }, stringData: { 'k8s-token': 'abc' } },
    });
    expect(created).toMatchObject({ type: 'Opaque', data: { 'k8s-token': Buffer.from('abc').toString('base64') } });
    expect(created.stringData).toBeUndefined();
    const read = await core.readNamespacedSecret({ namespace, name: 'ambient-runner-token-s1' });
    expect(Buffer.from(read.data!['k8s-token']!, 'base64').toString()).toBe('abc');
  });

  it('requires an existing, non-terminating namespace for namespaced creates', async () => {
    const { core, custom } = clients();
    const ghost = unique('ghost');
    const missing = await failure(custom.createNamespacedCustomObject({ ...SESSION_API, namespace: ghost, body: session(ghost, 's1') }));
    expect(missing.status).toMatchObject({ code: 404, message: `namespaces "${ghost}" not found`, details: { name: ghost, kind: 'namespaces' } });

    const namespace = await createNamespace(core);
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'keep', finalizers: ['example.com/hold'] } } });
    await core.deleteNamespace({ name: namespace });
    const terminating = await failure(custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, 's1') }));
    expect(terminating.status).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: `agenticsessions.vteam.ambient-code "s1" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      details: { causes: [{ reason: 'NamespaceTerminating', field: 'metadata.namespace' }] },
    });
  });

  it('generates names, refuses a resourceVersion on create and checks the namespace in the body', async () => {
    const { core } = clients();
    const namespace = await createNamespace(core);
    const generated = await core.createNamespacedSecret({ namespace, body: { metadata: { generateName: 'runner-' } } });
    expect(generated.metadata!.name).toMatch(/^runner-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const withVersion = await failure(core.createNamespacedSecret({ namespace, body: { metadata: { name: 'x', resourceVersion: '5' } } }));
    expect(withVersion.status).toMatchObject({ code: 500, message: 'resourceVersion should not be set on objects to be created' });
    expect(withVersion.status.reason).toBeUndefined();
    const elsewhere = await failure(core.createNamespacedSecret({ namespace, body: { metadata: { name: 'x', namespace: 'default' } } }));
    expect(elsewhere.status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('filters lists by label and field selectors and pages with limit/continue', async () => {
    const { core, custom } = clients();
    const namespace = await createNamespace(core);
    const labelled: { name: string; labels: Record<string, string> }[] = [
      { name: 'a', labels: { tier: 'web', env: 'prod' } },
      { name: 'b', labels: { tier: 'db', env: 'prod' } },
      { name: 'c', labels: { tier: 'web' } },
      { name: 'd', labels: {} },
    ];
    for (const { name, labels } of labelled) await core.createNamespacedSecret({ namespace, body: { metadata: { name, labels } } });
    const names = async (labelSelector?: string, fieldSelector?: string): Promise<string[]> =>
      (await core.listNamespacedSecret({ namespace, ...(labelSelector ? { labelSelector } : {}), ...(fieldSelector ? { fieldSelector } : {}) })).items.map(
        (s) => s.metadata!.name!,
      );
    expect(await names('tier=web')).toEqual(['a', 'c']);
    expect(await names('tier==web,env=prod')).toEqual(['a']);
    expect(await names('tier!=web')).toEqual(['b', 'd']);
    expect(await names('tier in (web, db)')).toEqual(['a', 'b', 'c']);
    expect(await names('tier notin (web)')).toEqual(['b', 'd']);
    expect(await names('env')).toEqual(['a', 'b']);
    expect(await names('!env')).toEqual(['c', 'd']);
    expect(await names(undefined, 'metadata.name=b')).toEqual(['b']);
    expect(await names(undefined, 'metadata.name!=b,metadata.namespace=' + namespace)).toEqual(['a', 'c', 'd']);
    expect((await failure(core.listNamespacedSecret({ namespace, labelSelector: 'a b' }))).status).toMatchObject({ code: 400, reason: 'BadRequest' });
    expect((await failure(core.listNamespacedSecret({ namespace, fieldSelector: 'spec.x=1' }))).status.message).toBe('field label not supported: spec.x');
    expect((await failure(custom.listClusterCustomObject({ ...SESSION_API, fieldSelector: 'spec.x=1' }))).status.message).toBe(
      '"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"',
    );

    const list = await core.listNamespacedSecret({ namespace });
    expect(list.metadata!.resourceVersion).toBe(clients().fake.resourceVersion);
    expect(list.kind).toBe('SecretList');
    const first = await core.listNamespacedSecret({ namespace, limit: 3 });
    expect(first.items.map((s) => s.metadata!.name)).toEqual(['a', 'b', 'c']);
    expect(first.metadata!.remainingItemCount).toBe(1);
    const rest = await core.listNamespacedSecret({ namespace, limit: 3, _continue: first.metadata!._continue! });
    expect(rest.items.map((s) => s.metadata!.name)).toEqual(['d']);
    expect(rest.metadata!._continue).toBeUndefined();
  });

  it('records requests for tests to inspect', async () => {
    const { fake, core } = clients();
    fake.clearRequests();
    await core.patchNamespace({ name: 'default', body: { metadata: { labels: { seen: 'yes' } } } }, mergePatch);
    expect(fake.requests).toEqual([
      {
        method: 'PATCH',
        path: '/api/v1/namespaces/default',
        query: {},
        contentType: 'application/merge-patch+json',
        body: { metadata: { labels: { seen: 'yes' } } },
      },
    ]);
    expect(fake.get('ns', undefined, 'default')!.metadata.labels).toEqual({ seen: 'yes' });
  });
});
