import fs from 'node:fs/promises';
import { importJWK, type JWK } from 'jose';
import type { Logger } from '../log.ts';
import { DEFAULT_JWT_ALGORITHMS, keySuits, type JwtAlgorithm } from './algorithms.ts';

/**
 * The signing keys JWTs are verified with (runtime.md §c.1), from a JWKS file or URL.
 *
 * The set is loaded on first use and then refreshed when it is older than five minutes or a token
 * names a key it does not hold (rotation: the identity provider publishes a new key before signing
 * with it). Loads happen at most once per 30 seconds, so tokens with made-up key ids cannot make the
 * server hammer the identity provider, and one load serves every request waiting for it. A failed
 * load keeps the keys already held: an identity provider outage does not log everybody out.
 *
 * Only public signing keys with a `kid` that one of the accepted algorithms (AUTH_JWT_ALGORITHMS)
 * can use are kept (the header's `kid` must name the key); other entries are skipped. Keys are held
 * as JWKs: jose imports each once per algorithm and caches the result.
 */

/** Returns the JWKS document (parsed JSON). */
export type JwksSource = () => Promise<unknown>;

export const REFRESH_MS = 5 * 60_000;
export const MIN_RELOAD_INTERVAL_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

export function jwksFromFile(file: string): JwksSource {
  return async () => JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
}

export function jwksFromUrl(url: string): JwksSource {
  return async () => {
    const res = await fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    if (!res.ok) throw new Error(`JWKS endpoint answered HTTP ${res.status}`);
    return (await res.json()) as unknown;
  };
}

export interface KeyStoreOptions {
  source: JwksSource;
  /** Where the keys come from, for log messages. */
  origin: string;
  log: Logger;
  /** The accepted algorithms (RS256 when not given): keys none of them can use are skipped. */
  algorithms?: readonly JwtAlgorithm[];
  /** Milliseconds since the epoch (tests move time). */
  now?: () => number;
}

export class KeyStore {
  private keys = new Map<string, JWK>();
  private loadedAt = Number.NEGATIVE_INFINITY;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: KeyStoreOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** The key named `kid`, or undefined when the (refreshed, where allowed) set has none. */
  async key(kid: string): Promise<JWK | undefined> {
    // A load in flight may bring the key: wait for it rather than judge the old set.
    if (this.loading) await this.loading;
    const stale = this.now() - this.loadedAt >= REFRESH_MS;
    if ((stale || !this.keys.has(kid)) && this.now() - this.attemptedAt >= MIN_RELOAD_INTERVAL_MS) await this.reload();
    return this.keys.get(kid);
  }

  private reload(): Promise<void> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<void> {
    this.attemptedAt = this.now();
    try {
      this.keys = await signingKeys(await this.options.source(), this.options);
      this.loadedAt = this.now();
      this.options.log.info({ jwks: this.options.origin, kids: [...this.keys.keys()] }, 'JWT signing keys loaded');
    } catch (error) {
      this.options.log.error({ jwks: this.options.origin, err: error }, 'could not load the JWT signing keys; keeping the previous ones');
    }
  }
}

/** The usable keys of a JWKS document, by `kid`; an unreadable entry does not cost the others. */
async function signingKeys(
  document: unknown,
  { origin, log, algorithms = DEFAULT_JWT_ALGORITHMS }: Pick<KeyStoreOptions, 'origin' | 'log' | 'algorithms'>,
): Promise<Map<string, JWK>> {
  const entries = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(entries)) throw new Error('a JWKS document needs a "keys" array');
  const keys = new Map<string, JWK>();
  for (const entry of entries as JWK[]) {
    if (!entry || typeof entry !== 'object' || typeof entry.kid !== 'string' || (entry.use ?? 'sig') !== 'sig' || entry.d !== undefined) continue;
    const alg = algorithms.find((a) => keySuits(entry, a));
    if (!alg) continue;
    try {
      // Imported once here so a malformed key is reported at load, not on every token naming it.
      await importJWK(entry, alg);
      keys.set(entry.kid, Object.freeze({ ...entry }));
    } catch (error) {
      log.warn({ jwks: origin, kid: entry.kid, err: error }, 'skipping a JWKS entry that is not a valid key');
    }
  }
  return keys;
}
