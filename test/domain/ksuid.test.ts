import { expect, test } from 'vitest';
import { KSUID_PATTERN, ksuid } from '../../src/domain/ksuid.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const decode = (id: string) => [...id].reduce((n, c) => n * 62n + BigInt(ALPHABET.indexOf(c)), 0n);

test('27 base62 characters encoding a 4-byte timestamp and 16 random bytes', () => {
  const now = Date.UTC(2026, 2, 2, 9, 14, 7);
  const id = ksuid(now);
  expect(id).toMatch(KSUID_PATTERN);
  expect(Number(decode(id) >> 128n)).toBe(Math.floor(now / 1000) - 1_400_000_000);
  expect(decode(id) < 1n << 160n).toBe(true);
});

test('ids sort by time (bytewise) and do not repeat', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => ksuid(Date.UTC(2026, 0, 1) + i * 1000));
  expect([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(ids);
  expect(new Set(Array.from({ length: 10_000 }, () => ksuid())).size).toBe(10_000);
});
