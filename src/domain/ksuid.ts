import { randomBytes } from 'node:crypto';

/**
 * KSUIDs: 27 characters of base62 encoding a 4-byte timestamp (seconds since 2014-05-13) and 16
 * random bytes. They sort by creation time, which keeps `ORDER BY created_at, id` stable and index
 * inserts local. Every request gets one (its operation id), so the encoding avoids BigInt: the
 * 160-bit number is divided by 62 as five 32-bit words.
 */

const EPOCH = 1_400_000_000;
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KSUID_PATTERN = /^[0-9A-Za-z]{27}$/;

/** Random bytes are drawn in blocks: one syscall per 256 ids instead of one per id. */
const POOL_SIZE = 16 * 256;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

function random16(): Buffer {
  if (offset + 16 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  offset += 16;
  return pool.subarray(offset - 16, offset);
}

export function ksuid(now: number = Date.now()): string {
  const random = random16();
  const words = new Uint32Array(5);
  words[0] = Math.floor(now / 1000) - EPOCH;
  for (let i = 0; i < 4; i++) words[i + 1] = random.readUInt32BE(i * 4);
  const out = new Array<string>(27);
  for (let position = 26; position >= 0; position--) {
    // words ÷ 62, most significant word first; the remainder is the next digit.
    let remainder = 0;
    for (let i = 0; i < 5; i++) {
      const value = remainder * 0x1_0000_0000 + words[i]!;
      words[i] = Math.floor(value / 62);
      remainder = value % 62;
    }
    out[position] = ALPHABET[remainder]!;
  }
  return out.join('');
}
