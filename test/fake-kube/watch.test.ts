import { makeInformer, type KubernetesObject } from '@kubernetes/client-node';
import { describe, expect, it, vi } from 'vitest';
import { createNamespace, mergePatch, session, SESSION_API, unique, useFakeKube } from './helpers.ts';

const clients = useFakeKube();

interface Seen {
  type: string;
  object: { kind?: string; code?: number; reason?: string; metadata?: { name?: string; resourceVersion?: string; labels?: Record<string, string> } };
}

interface OpenedWatch {
  events: Seen[];
  /** Resolves with the error the watch ended with (null for a clean end). */
  ended: Promise<unknown>;
  abort(): void;
}

/** Opens a watch with the real client's `Watch` and collects what it delivers. */
async function openWatch(path: string, query: Record<string, string | number | boolean> = {}): Promise<OpenedWatch> {
  const events: Seen[] = [];
  let finish: (error: unknown) => void = () => undefined;
  const ended = new Promise<unknown>((resolve) => (finish = resolve));
  const controller = await clients().watch.watch(path, query, (type, object: Seen['object']) => events.push({ type, object }), finish);
  return { events, ended, abort: () => controller.abort() };
}

const names = (events: Seen[]): string[] => events.map((e) => `${e.type} ${e.object.metadata?.name ?? ''}`.trim());

describe('fake-kube: watches', () => {
  it('starts with ADDED for existing objects, then streams changes; DELETED carries the last state with a new resourceVersion', async () => {
    const { core } = clients();
    const namespace = await createNamespace(core);
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'before' } } });
    const watch = await openWatch(`/api/v1/namespaces/${namespace}/secrets`);
    await vi.waitFor(() => expect(names(watch.events)).toEqual(['ADDED before']));

    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'after' } } });
    const patched = await core.patchNamespacedSecret({ namespace, name: 'after', body: { metadata: { labels: { x: 'y' } } } }, mergePatch);
    const again = await core.patchNamespacedSecret({ namespace, name: 'after', body: { metadata: { labels: { x: 'y' } } } }, mergePatch);
    expect(again.metadata!.resourceVersion).toBe(patched.metadata!.resourceVersion); // a no-op: no new version, no event
    await core.deleteNamespacedSecret({ namespace, name: 'after' });
    await vi.waitFor(() => expect(names(watch.events)).toEqual(['ADDED before', 'ADDED after', 'MODIFIED after', 'DELETED after']));
    const deleted = watch.events[3]!.object;
    expect(deleted.kind).toBe('Secret');
    expect(deleted.metadata!.labels).toEqual({ x: 'y' });
    expect(Number(deleted.metadata!.resourceVersion)).toBeGreaterThan(Number(patched.metadata!.resourceVersion));
    watch.abort();
  });

  it('serves the legacy /watch/ paths, down to one object', async () => {
    const { core } = clients();
    const namespace = await createNamespace(core);
    const watch = await openWatch(`/api/v1/watch/namespaces/${namespace}/secrets/wanted`);
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'other' } } });
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'wanted' } } });
    await vi.waitFor(() => expect(names(watch.events)).toEqual(['ADDED wanted']));
    watch.abort();
  });

  it('replays the changes after a resourceVersion, and answers 410 Expired once history is compacted', async () => {
    const { fake, core } = clients();
    const namespace = await createNamespace(core);
    const from = (await core.listNamespacedSecret({ namespace })).metadata!.resourceVersion!;
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'missed' } } });
    await core.deleteNamespacedSecret({ namespace, name: 'missed' });
    const replay = await openWatch(`/api/v1/namespaces/${namespace}/secrets`, { resourceVersion: from });
    await vi.waitFor(() => expect(names(replay.events)).toEqual(['ADDED missed', 'DELETED missed']));
    replay.abort();

    fake.compact();
    const expired = await openWatch(`/api/v1/namespaces/${namespace}/secrets`, { resourceVersion: from });
    expect(await expired.ended).toBeNull(); // the stream ends cleanly after the ERROR event
    expect(expired.events).toEqual([
      {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: expect.stringMatching(/^too old resource version: \d+ \(\d+\)$/),
          reason: 'Expired',
          code: 410,
        },
      },
    ]);
  });

  it('turns objects entering and leaving the label selector into ADDED and DELETED', async () => {
    const { core } = clients();
    const namespace = await createNamespace(core);
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 's', labels: { app: 'other' } } } });
    const watch = await openWatch(`/api/v1/secrets`, { labelSelector: 'app=ambient-permission' });
    const label = (app: string) => core.patchNamespacedSecret({ namespace, name: 's', body: { metadata: { labels: { app } } } }, mergePatch);
    await label('ambient-permission');
    await core.patchNamespacedSecret({ namespace, name: 's', body: { metadata: { annotations: { a: 'b' } } } }, mergePatch);
    await label('other');
    await core.deleteNamespacedSecret({ namespace, name: 's' });
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'last', labels: { app: 'ambient-permission' } } } });
    await vi.waitFor(() => expect(names(watch.events)).toEqual(['ADDED s', 'MODIFIED s', 'DELETED s', 'ADDED last']));
    expect(watch.events[2]!.object.metadata!.labels).toEqual({ app: 'ambient-permission' }); // the state it last matched in
    watch.abort();
  });

  it('sends bookmarks to watches that allow them, and ends at timeoutSeconds', async () => {
    const { fake } = clients();
    const withBookmarks = await openWatch('/api/v1/namespaces', { allowWatchBookmarks: true, labelSelector: 'none=here', timeoutSeconds: 1 });
    const without = await openWatch('/api/v1/namespaces', { labelSelector: 'none=here' });
    fake.sendBookmarks();
    await vi.waitFor(() => expect(withBookmarks.events).toHaveLength(1));
    expect(withBookmarks.events[0]).toEqual({
      type: 'BOOKMARK',
      object: { kind: 'Namespace', apiVersion: 'v1', metadata: { resourceVersion: fake.resourceVersion } },
    });
    const started = Date.now();
    expect(await withBookmarks.ended).toBeNull();
    expect(Date.now() - started).toBeLessThan(1500);
    expect(withBookmarks.events.map((e) => e.type)).toEqual(['BOOKMARK', 'BOOKMARK']); // and one just before the timeout
    expect(without.events).toEqual([]);
    without.abort();
  });

  it('ends watches cleanly or abruptly on dropWatches: reconnecting is the caller’s job', async () => {
    const { fake, core } = clients();
    const namespace = await createNamespace(core);
    const clean = await openWatch(`/api/v1/namespaces/${namespace}/secrets`);
    await vi.waitFor(() => expect(fake.openWatches).toBeGreaterThan(0));
    fake.dropWatches();
    expect(await clean.ended).toBeNull();

    const abrupt = await openWatch(`/api/v1/namespaces/${namespace}/secrets`);
    fake.dropWatches({ abrupt: true });
    expect(await abrupt.ended).toBeInstanceOf(Error);

    const reopened = await openWatch(`/api/v1/namespaces/${namespace}/secrets`, { resourceVersion: fake.resourceVersion });
    await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'after-reconnect' } } });
    await vi.waitFor(() => expect(names(reopened.events)).toEqual(['ADDED after-reconnect']));
    reopened.abort();
  });

  it('feeds an informer, which relists after a 410 and keeps receiving events', async () => {
    const { fake, config, core, custom } = clients();
    const namespace = await createNamespace(core);
    const labelSelector = 'ambient-code.io/managed-by=ambient-api-server';
    const informer = makeInformer<KubernetesObject>(
      config,
      '/apis/vteam.ambient-code/v1alpha1/agenticsessions',
      async () => custom.listClusterCustomObject({ ...SESSION_API, labelSelector }),
      labelSelector,
    );
    const seen: string[] = [];
    for (const verb of ['add', 'update', 'delete'] as const) informer.on(verb, (o) => seen.push(`${verb} ${o.metadata!.name}`));
    const errors: unknown[] = [];
    informer.on('error', (e) => errors.push(e));
    await informer.start();
    try {
      await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, 'one') });
      await custom.patchNamespacedCustomObject({ ...SESSION_API, namespace, name: 'one', body: { spec: { timeout: 5 } } }, mergePatch);
      await vi.waitFor(() => expect(seen).toEqual(['add one', 'update one']));

      fake.clearRequests();
      await core.createNamespacedSecret({ namespace, body: { metadata: { name: 'unwatched-change' } } });
      fake.compact(); // the informer's resourceVersion is now older than the history
      fake.dropWatches(); // it reconnects from its resourceVersion, gets 410, relists
      await vi.waitFor(() => expect(fake.requests.some((r) => r.path.endsWith('/agenticsessions') && r.query['watch'] === undefined)).toBe(true));
      await custom.createNamespacedCustomObject({ ...SESSION_API, namespace, body: session(namespace, unique('two')) });
      await vi.waitFor(() => expect(seen.filter((s) => s.startsWith('add two'))).toHaveLength(1), { timeout: 5000 });
      expect(errors).toEqual([]);
    } finally {
      await informer.stop();
    }
  });
});
