import * as crypto from 'node:crypto';
import { beforeEach, expect, test, vi } from 'vitest';
import { constantTimeEqual } from '../../src/auth/constant-time.ts';
import { verifyProjectKey } from '../../src/auth/project-keys.ts';
import { readState, signState, type StatePayload } from '../../src/integrations/oauth/state.ts';
import { ProjectKey } from '../../src/kinds/index.ts';
import { useDomain } from '../support/domain.ts';
import { as, platformAdmin, seedProject } from '../support/fixtures.ts';

/**
 * Secrets are compared in constant time (project keys, OAuth state signatures): the comparison
 * goes through `crypto.timingSafeEqual`, even when the presented value has another length or
 * names nothing, and never throws on a length mismatch.
 */

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
const { domain } = useDomain();
const KEY = Buffer.from('state-secret-for-the-constant-time-test');

// A block body: a function returned from beforeEach would be called as its teardown.
beforeEach(() => {
  timingSafeEqual.mockClear();
});

test('constantTimeEqual: equal-length digests go to timingSafeEqual, whatever the input lengths', () => {
  expect(constantTimeEqual('abc', 'abc')).toBe(true);
  expect(constantTimeEqual('abc', 'abd')).toBe(false);
  expect(constantTimeEqual('a', 'a much longer value')).toBe(false);
  expect(constantTimeEqual('', 'x')).toBe(false);
  expect(constantTimeEqual(Buffer.from([1, 2]), Buffer.from([1, 2]))).toBe(true);
  expect(timingSafeEqual).toHaveBeenCalledTimes(5);
  for (const [a, b] of timingSafeEqual.mock.calls) expect((a as Buffer).length).toBe((b as Buffer).length);
});

test('project keys: compared in constant time, also for unknown ids and malformed stored hashes', async () => {
  const d = domain();
  const project = await seedProject(d);
  const key = (await d.create(as(platformAdmin), ProjectKey, { project_id: project.id, name: 'k' }))['key'] as string;

  expect(await verifyProjectKey(d.pool, key)).toMatchObject({ type: 'key', projectId: project.id });
  expect(await verifyProjectKey(d.pool, `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
  // An id that names no key still costs one comparison, so response times do not reveal which ids exist.
  expect(await verifyProjectKey(d.pool, `apk_${'0'.repeat(27)}_${key.slice(-43)}`)).toBeUndefined();
  expect(timingSafeEqual).toHaveBeenCalledTimes(3);

  // A damaged stored hash (wrong length) is a mismatch, not an exception.
  await d.pool.query(`UPDATE project_keys SET secret_hash = 'abc' WHERE id = $1`, [key.slice(4, 31)]);
  expect(await verifyProjectKey(d.pool, key)).toBeUndefined();
  // Malformed presented keys never reach the database or the comparison.
  timingSafeEqual.mockClear();
  expect(await verifyProjectKey(d.pool, 'apk_short')).toBeUndefined();
  expect(timingSafeEqual).not.toHaveBeenCalled();
});

test('OAuth state signatures: compared in constant time; a signature of another length is just invalid', () => {
  const now = Math.floor(Date.now() / 1000);
  const payload: StatePayload = { v: 1, provider: 'google', user_id: 'u1', nonce: 'n', iat: now, exp: now + 300 };
  const state = signState(payload, KEY);
  expect(readState(state, KEY)).toEqual(payload);
  expect(timingSafeEqual).toHaveBeenCalledTimes(1);
  for (const bad of [`${state}A`, state.slice(0, -5), `${state.split('.')[0]}.`, `${state.split('.')[0]}.${'A'.repeat(500)}`]) {
    expect(readState(bad, KEY)).toBeUndefined();
  }
  expect(timingSafeEqual).toHaveBeenCalledTimes(5);
});
