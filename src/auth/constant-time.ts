import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Comparison of secrets (key hashes, OAuth state signatures) in constant time.
 *
 * `timingSafeEqual` alone throws on inputs of different lengths and so tells an attacker the
 * expected length. Both sides are first reduced to an HMAC under a per-process random key: equal
 * length always, and equal exactly when the inputs are.
 */
const KEY = randomBytes(32);

const digest = (value: string | Buffer) => createHmac('sha256', KEY).update(value).digest();

export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(digest(a), digest(b));
}
