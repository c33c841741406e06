import { expect, test } from 'vitest';
import { RequeueAfter, WorkQueue } from '../../src/reconciler/queue.ts';

/** The work queue: dedupe, one pass per key at a time, no lost change, backoff. */

test('a key added while waiting runs once; added while running, runs once more afterwards — never concurrently', async () => {
  const runs: string[] = [];
  let concurrent = 0;
  let max = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const queue = new WorkQueue(
    async (key) => {
      concurrent++;
      max = Math.max(max, concurrent);
      runs.push(key);
      if (runs.length === 1) await gate;
      concurrent--;
    },
    { concurrency: 1 },
    () => undefined,
  );
  queue.start();
  queue.add('a');
  queue.add('a'); // running: marks it dirty
  queue.add('a'); // still just one more pass
  queue.add('b');
  queue.add('b');
  await new Promise((r) => setTimeout(r, 20));
  release();
  await queue.idle();
  expect(runs).toEqual(['a', 'b', 'a']); // b waited once; a's second pass came after its first
  expect(max).toBe(1);
  await queue.stop();
});

test('failures come back with exponential backoff, or after the delay asked for; success resets', async () => {
  const attempts: number[] = [];
  const errors: number[] = [];
  const queue = new WorkQueue(
    async () => {
      attempts.push(Date.now());
      if (attempts.length === 1) throw new Error('first');
      if (attempts.length === 2) throw new Error('second');
      if (attempts.length === 3) throw new RequeueAfter(10, 'throttled');
    },
    { concurrency: 1, baseDelayMs: 20, maxDelayMs: 1000 },
    (_key, _error, retryInMs) => errors.push(retryInMs),
  );
  queue.start();
  queue.add('k');
  await new Promise((r) => setTimeout(r, 300));
  expect(errors).toEqual([20, 40, 10]);
  expect(attempts).toHaveLength(4);
  await queue.stop();
});

test('stop drops waiting keys and waits for the passes in progress', async () => {
  let finished = false;
  const queue = new WorkQueue(
    async () => {
      await new Promise((r) => setTimeout(r, 50));
      finished = true;
    },
    { concurrency: 1 },
    () => undefined,
  );
  queue.start();
  queue.add('running');
  queue.add('waiting');
  await new Promise((r) => setTimeout(r, 10));
  await queue.stop();
  expect(finished).toBe(true);
  expect(queue.depth).toBe(0);
});
