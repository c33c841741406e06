import { describe, expect, it } from 'vitest';
import { applyPatch, createNamespace, failure, jsonPatch, mergePatch, session, SESSION_API, strategicPatch, unique, useFakeKube } from './helpers.ts';

const clients = useFakeKube();

type Session = Record<string, unknown> & {
  metadata: { name: string; namespace: string; resourceVersion: string; generation: number; uid: string; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
  status?: Record<string, unknown>;
};

async function createSession(spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Promise<Session> {
  const { core, custom } = clients();
  const namespace = await createNamespace(core);
  return (await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, unique('session'), spec, extra) })) as Session;
}

describe('fake-kube: AgenticSession custom resources under the project CRD', () => {
  it('prunes undeclared fields, applies defaults (also in array items and nested objects) and drops status on create', async () => {
    const created = await createSession(
      {
        repos: [{ url: 'https://example.com/r.git', unknownItemField: 1 }],
        llmSettings: { model: 'opus' },
        notInTheCrd: 'x',
        mcpServers: { custom: { s1: { anything: { goes: true } } } },
      },
      { status: { phase: 'Running' }, topLevelJunk: 1 },
    );
    expect(created.spec).toEqual({
      displayName: 'A session',
      initialPrompt: 'hello',
      repos: [{ url: 'https://example.com/r.git', branch: 'main', autoPush: false }],
      llmSettings: { model: 'opus', temperature: 0.7, maxTokens: 4000 },
      mcpServers: { custom: { s1: { anything: { goes: true } } } },
      interactive: true,
      timeout: 300,
    });
    expect(created).not.toHaveProperty('status');
    expect(created).not.toHaveProperty('topLevelJunk');
    expect(created.metadata.generation).toBe(1);
  });

  it('validates types, enums, required fields and minimums with 422 Invalid causes', async () => {
    const { custom } = clients();
    const created = await createSession();
    const { namespace, name } = created.metadata;
    const bad = await failure(
      custom.patchNamespacedCustomObject(
        { ...SESSION_API, namespace, name, body: { spec: { timeout: 0, interactive: 'yes', repos: [{ branch: 'x' }] } } },
        mergePatch,
      ),
    );
    expect(bad.code).toBe(422);
    expect(bad.status).toMatchObject({ reason: 'Invalid', details: { name, group: 'vteam.ambient-code', kind: 'AgenticSession' } });
    expect(bad.status.details!.causes).toHaveLength(3);
    expect(bad.status.details!.causes).toEqual(
      expect.arrayContaining([
        { reason: 'FieldValueInvalid', message: 'Invalid value: 0: spec.timeout in body should be greater than or equal to 1', field: 'spec.timeout' },
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: "string": spec.interactive in body must be of type boolean: "string"',
          field: 'spec.interactive',
        },
        { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.repos[0].url' },
      ]),
    );
    expect(bad.status.message).toMatch(/^AgenticSession\.vteam\.ambient-code ".*" is invalid: \[.*spec\.timeout: Invalid value: 0: /);

    const badStatus = await failure(
      custom.patchNamespacedCustomObjectStatus({ ...SESSION_API, namespace, name, body: { status: { phase: 'Exploded' } } }, mergePatch),
    );
    expect(badStatus.status.details!.causes).toEqual([
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "Exploded": supported values: "Pending", "Creating", "Running", "Stopping", "Stopped", "Completed", "Failed"',
        field: 'status.phase',
      },
    ]);
  });

  it('keeps status on main writes, changes only status through /status, and bumps generation only for spec', async () => {
    const { custom } = clients();
    const created = await createSession();
    const { namespace, name } = created.metadata;
    const withStatus = (await custom.patchNamespacedCustomObjectStatus(
      {
        ...SESSION_API,
        namespace,
        name,
        body: { metadata: { labels: { ignored: 'yes' } }, spec: { displayName: 'ignored' }, status: { startTime: '2024-05-01T10:00:00Z' } },
      },
      mergePatch,
    )) as Session;
    expect(withStatus.status).toEqual({ phase: 'Pending', startTime: '2024-05-01T10:00:00Z' }); // phase defaulted
    expect(withStatus.spec['displayName']).toBe('A session');
    expect(withStatus.metadata).not.toHaveProperty('labels.ignored');
    expect(withStatus.metadata.generation).toBe(1);

    const annotated = (await custom.patchNamespacedCustomObject(
      { ...SESSION_API, namespace, name, body: { metadata: { annotations: { 'ambient-code.io/desired-phase': 'Stopped' } }, status: { phase: 'Failed' } } },
      mergePatch,
    )) as Session;
    expect(annotated.status).toEqual(withStatus.status);
    expect(annotated.metadata.generation).toBe(1);

    const respecced = (await custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name, body: { spec: { timeout: 600 } } }, mergePatch)) as Session;
    expect(respecced.metadata.generation).toBe(2);

    const replaced = (await custom.replaceNamespacedCustomObject({
      ...SESSION_API,
      namespace,
      name,
      body: { ...respecced, status: { phase: 'Running' } },
    })) as Session;
    expect(replaced.status).toEqual(withStatus.status);
    expect(replaced.metadata.resourceVersion).toBe(respecced.metadata.resourceVersion); // nothing changed: no new version
  });

  it('enforces optimistic concurrency on PUT and patch', async () => {
    const { custom } = clients();
    const created = await createSession();
    const { namespace, name } = created.metadata;
    await custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name, body: { spec: { timeout: 10 } } }, mergePatch);

    const stale = await failure(custom.replaceNamespacedCustomObject({ ...SESSION_API, namespace, name, body: created }));
    expect(stale.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Operation cannot be fulfilled on agenticsessions.vteam.ambient-code "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      reason: 'Conflict',
      details: { name, group: 'vteam.ambient-code', kind: 'agenticsessions' },
      code: 409,
    });
    const stalePatch = await failure(
      custom.patchNamespacedCustomObject(
        { ...SESSION_API, namespace, name, body: { metadata: { resourceVersion: created.metadata.resourceVersion }, spec: { timeout: 5 } } },
        mergePatch,
      ),
    );
    expect(stalePatch.code).toBe(409);

    const unconditional = await failure(
      custom.replaceNamespacedCustomObject({
        ...SESSION_API,
        namespace,
        name,
        body: { ...created, metadata: { ...created.metadata, resourceVersion: undefined } },
      }),
    );
    expect(unconditional.status).toMatchObject({
      code: 422,
      message: `AgenticSession.vteam.ambient-code "${name}" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update`,
    });
  });

  it('applies JSON patches, with a failed test answered 422', async () => {
    const { custom } = clients();
    const created = await createSession();
    const { namespace, name } = created.metadata;
    const patched = (await custom.patchNamespacedCustomObject(
      {
        ...SESSION_API,
        namespace,
        name,
        body: [
          { op: 'test', path: '/spec/timeout', value: 300 },
          { op: 'replace', path: '/spec/timeout', value: 30 },
          { op: 'add', path: '/metadata/annotations', value: { 'a/b': 'c' } },
        ],
      },
      jsonPatch,
    )) as Session;
    expect(patched.spec['timeout']).toBe(30);
    expect(patched.metadata.annotations).toEqual({ 'a/b': 'c' });

    const failed = await failure(
      custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name, body: [{ op: 'test', path: '/spec/timeout', value: 300 }] }, jsonPatch),
    );
    expect(failed.status).toMatchObject({
      code: 422,
      reason: 'Invalid',
      details: { causes: [{ message: 'testing value /spec/timeout failed: test failed' }] },
    });

    // The client's default patch type is JSON Patch: an object body is a 400.
    const objectBody = await failure(custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name, body: { spec: { timeout: 1 } } }));
    expect(objectBody.status).toMatchObject({ code: 400, reason: 'BadRequest' });
  });

  it('refuses strategic merge patch on custom resources (415) but not on built-ins', async () => {
    const { core, custom } = clients();
    const created = await createSession();
    const { namespace, name } = created.metadata;
    const refused = await failure(custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name, body: { spec: {} } }, strategicPatch));
    expect(refused.status).toMatchObject({
      code: 415,
      reason: 'UnsupportedMediaType',
      message:
        'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml',
    });

    await core.patchNamespace({ name: namespace, body: { metadata: { finalizers: ['example.com/a'] } } }, strategicPatch);
    const merged = await core.patchNamespace({ name: namespace, body: { metadata: { finalizers: ['example.com/b'] } } }, strategicPatch);
    expect(merged.metadata!.finalizers).toEqual(['example.com/a', 'example.com/b']); // finalizers merge, as in the Go type
    const replaced = await core.patchNamespace({ name: namespace, body: { metadata: { finalizers: ['example.com/c'] } } }, mergePatch);
    expect(replaced.metadata!.finalizers).toEqual(['example.com/c']);
  });

  it('server-side apply needs a field manager, creates when missing, and fails on undeclared fields', async () => {
    const { core, custom } = clients();
    const namespace = await createNamespace(core);
    const body = session(namespace, 'applied', { timeout: 42 });
    const noManager = await failure(custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name: 'applied', body }, applyPatch));
    expect(noManager.status).toMatchObject({ code: 422, reason: 'Invalid', details: { causes: [{ field: 'fieldManager' }] } });

    const created = (await custom.patchNamespacedCustomObject(
      { ...SESSION_API, namespace, name: 'applied', body, fieldManager: 'tests' },
      applyPatch,
    )) as Session;
    expect(created.spec['timeout']).toBe(42);
    const updated = (await custom.patchNamespacedCustomObject(
      { ...SESSION_API, namespace, name: 'applied', body: session(namespace, 'applied', { timeout: 43 }), fieldManager: 'tests' },
      applyPatch,
    )) as Session;
    expect(updated.spec['timeout']).toBe(43);
    expect(updated.metadata.generation).toBe(2);

    const undeclared = await failure(
      custom.patchNamespacedCustomObject(
        { ...SESSION_API, namespace, name: 'applied', body: session(namespace, 'applied', { nope: 1 }), fieldManager: 'tests' },
        applyPatch,
      ),
    );
    expect(undeclared.status).toMatchObject({ code: 500, message: expect.stringContaining('.spec.nope: field not declared in schema') });
    expect(undeclared.status.reason).toBeUndefined();
  });

  it('lists across namespaces with a label selector and includes kind on custom items', async () => {
    const { core, custom } = clients();
    const namespace = await createNamespace(core);
    await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, 'managed') });
    const unmanaged = session(namespace, 'unmanaged');
    (unmanaged['metadata'] as Record<string, unknown>)['labels'] = {};
    await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: unmanaged });
    const list = (await custom.listClusterCustomObject({ ...SESSION_API, labelSelector: 'ambient-code.io/managed-by=ambient-api-server' })) as {
      kind: string;
      items: Session[];
    };
    expect(list.kind).toBe('AgenticSessionList');
    const mine = list.items.filter((s) => s.metadata.namespace === namespace);
    expect(mine.map((s) => [s['kind'], s.metadata.name])).toEqual([['AgenticSession', 'managed']]);
  });

  it('seeds objects with status, as an operator would have written them', async () => {
    const { fake, core, custom } = clients();
    const namespace = await createNamespace(core);
    fake.seed({ ...session(namespace, 'seeded'), status: { phase: 'Running' } } as never);
    const read = (await custom.getNamespacedCustomObject({ ...SESSION_API, namespace, name: 'seeded' })) as Session;
    expect(read.status).toEqual({ phase: 'Running' });
    expect(() => fake.seed({ ...session(namespace, 'seeded'), spec: { timeout: -1 } } as never)).toThrow(/spec.timeout/);
  });
});
