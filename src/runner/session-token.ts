import { ApiException, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { Row } from '../domain/wire.ts';
import type { Logger } from '../log.ts';

/**
 * The session token of runtime.md §a.12: key `agui-token` of the Secret
 * `ambient-runner-token-<kube_cr_name>` in the session's namespace, which the operator creates and
 * rotates. Read with the server's own identity and cached for at most `ttlMs`; `refresh` (the
 * runner refused the token) reads it again at once. A missing Secret or key means no token; so does
 * a failed read (logged): the runner then refuses the call, which is reported as its refusal.
 */

export const SESSION_TOKEN_KEY = 'agui-token';
export const sessionTokenSecretName = (kubeCrName: string) => `ambient-runner-token-${kubeCrName}`;

export type SessionTokenProvider = (session: Row, options?: { refresh: boolean }) => Promise<string | undefined>;

export function kubeSessionTokens(kubeConfig: KubeConfig, log: Logger, ttlMs = 60_000): SessionTokenProvider {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const cache = new Map<string, { token: string | undefined; readAt: number }>();
  return async (session, options) => {
    const namespace = typeof session['kube_namespace'] === 'string' ? session['kube_namespace'] : '';
    const crName = typeof session['kube_cr_name'] === 'string' ? session['kube_cr_name'] : '';
    if (namespace === '' || crName === '') return undefined;
    const name = sessionTokenSecretName(crName);
    const key = `${namespace}/${name}`;
    const cached = cache.get(key);
    if (cached && !options?.refresh && Date.now() - cached.readAt < ttlMs) return cached.token;
    let token: string | undefined;
    try {
      const secret = await core.readNamespacedSecret({ name, namespace });
      const encoded = secret.data?.[SESSION_TOKEN_KEY];
      token = encoded === undefined ? undefined : Buffer.from(encoded, 'base64').toString('utf8');
    } catch (error) {
      if (!(error instanceof ApiException && error.code === 404)) {
        // Not cached: the next call tries again.
        log.warn({ err: error, session: session.id, secret: key }, 'reading the session token failed; calling the runner without a token');
        return undefined;
      }
      log.debug({ session: session.id, secret: key }, 'session token secret not found; calling the runner without a token');
    }
    cache.set(key, { token, readAt: Date.now() });
    // Bounded: forget entries that expired (sessions come and go).
    if (cache.size > 10_000) for (const [k, v] of cache) if (Date.now() - v.readAt >= ttlMs) cache.delete(k);
    return token;
  };
}
