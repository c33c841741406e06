import { ApiException, makeInformer, type V1Namespace } from '@kubernetes/client-node';
import { describe, expect, it, vi } from 'vitest';
import { failure, useFakeKube } from './helpers.ts';

const clients = useFakeKube();

describe('fake-kube: injected faults (the client retries nothing)', () => {
  it('answers 429 with Retry-After, then serves normally', async () => {
    const { fake, core } = clients();
    fake.injectFault({ method: 'GET', pathPattern: '/api/v1/namespaces/default', status: 429, retryAfterSeconds: 2 });
    const throttled = await failure(core.readNamespace({ name: 'default' }));
    expect(throttled.code).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect(throttled.status).toMatchObject({
      reason: 'TooManyRequests',
      message: 'Too many requests, please try again later.',
      details: { retryAfterSeconds: 2 },
    });
    expect((await core.readNamespace({ name: 'default' })).metadata!.name).toBe('default');
  });

  it('answers 500 as many times as asked, only to matching requests', async () => {
    const { fake, core } = clients();
    fake.injectFault({ method: 'PATCH', pathPattern: /^\/api\/v1\/namespaces\/[^/]+$/, status: 500, times: 2 });
    expect((await core.readNamespace({ name: 'default' })).metadata!.name).toBe('default');
    for (let i = 0; i < 2; i++) {
      const failed = await failure(core.patchNamespace({ name: 'default', body: [] }));
      expect(failed.status).toMatchObject({ code: 500, reason: 'InternalError' });
    }
    await core.patchNamespace({ name: 'default', body: [] });
  });

  it('resets the connection, and delays', async () => {
    const { fake, core } = clients();
    fake.injectFault({ pathPattern: '/api/v1/namespaces/kube-system', reset: true });
    const reset = await core.readNamespace({ name: 'kube-system' }).catch((error: unknown) => error);
    expect(reset).toBeInstanceOf(Error);
    expect(reset).not.toBeInstanceOf(ApiException);

    fake.injectFault({ pathPattern: '/api/v1/namespaces/kube-system', delayMs: 300 });
    const started = Date.now();
    await core.readNamespace({ name: 'kube-system' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('refuses watches only, which stops an informer for good (the reconciler must restart it)', async () => {
    const { fake, config, core } = clients();
    fake.injectFault({ refuseWatch: true, pathPattern: '/api/v1/namespaces', status: 403, times: Infinity });
    const informer = makeInformer<V1Namespace>(config, '/api/v1/namespaces', () => core.listNamespace());
    const errors: { statusCode?: number }[] = [];
    informer.on('error', (error) => errors.push(error as { statusCode?: number }));
    await informer.start();
    try {
      await vi.waitFor(() => expect(errors).toHaveLength(1));
      expect(errors[0]!.statusCode).toBe(403);
      expect(informer.list().map((n) => n.metadata!.name)).toContain('default'); // the list went through
    } finally {
      fake.clearFaults();
      await informer.stop();
    }
  });
});
