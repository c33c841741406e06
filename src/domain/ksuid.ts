import { randomBytes } from 'node:crypto';

/**
 * KSUIDs: 27 characters of base62 encoding a 4-byte timestamp (seconds since 2014-05-13) and 16
 * random bytes. They sort by creation time, which keeps `ORDER BY created_at, id` stable and index
 * inserts local.
 */

const EPOCH = 1_400_000_000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KSUID_PATTERN = /^[0-9A-Za-z]{27}$/;

export function ksuid(now: number = Date.now()): string {
  const bytes = Buffer.alloc(20);
  bytes.writeUInt32BE(Math.floor(now / 1000) - EPOCH, 0);
  randomBytes(16).copy(bytes, 4);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 62n)]! + out;
    n /= 62n;
  }
  return out.padStart(27, '0');
}
