import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../lib/overlay/slices';

describe('runInSlices', () => {
  it('runs steps in slices bounded by the budget, yielding between them, and returns the result', async () => {
    let clock = 0;
    function* work(): Generator<void, string, undefined> {
      for (let i = 0; i < 10; i++) {
        clock += 3; // each step costs 3 ms
        yield;
      }
      return 'done';
    }
    const slices: [number, number][] = [];
    let yields = 0;
    const result = await runInSlices(work(), {
      budgetMs: 8,
      now: () => clock,
      yieldToMain: async () => {
        yields++;
      },
      onSlice: (s, e) => slices.push([s, e]),
    });
    expect(result).toBe('done');
    expect(yields).toBeGreaterThanOrEqual(3);
    // No slice is longer than the budget plus one step.
    for (const [s, e] of slices) expect(e - s).toBeLessThanOrEqual(8 + 3);
    expect(slices.reduce((n, [s, e]) => n + (e - s), 0)).toBe(30);
  });

  it('stops when cancelled', async () => {
    let clock = 0;
    let finished = false;
    function* work(): Generator<void, number, undefined> {
      try {
        for (;;) {
          clock += 5;
          yield;
        }
      } finally {
        finished = true;
      }
    }
    let n = 0;
    const result = await runInSlices(work(), { budgetMs: 8, now: () => clock, yieldToMain: async () => void n++, cancelled: () => n >= 2 });
    expect(result).toBeUndefined();
    expect(finished).toBe(true);
  });

  it('waits for a promise a step yields (a reply from the background) and ends the slice there, without the yield to the page', async () => {
    let clock = 0;
    const order: string[] = [];
    let reply = '';
    function* work(): Generator<unknown, string, undefined> {
      clock += 1;
      order.push('before');
      yield new Promise<string>((r) => setTimeout(() => r('answer'), 5)).then((v) => void (reply = v));
      order.push(`after:${reply}`);
      clock += 1;
      return reply;
    }
    const slices: [number, number][] = [];
    let yields = 0;
    const result = await runInSlices(work(), { budgetMs: 8, now: () => clock, yieldToMain: async () => void yields++, onSlice: (s, e) => slices.push([s, e]) });
    expect(result).toBe('answer');
    expect(order).toEqual(['before', 'after:answer']);
    expect(slices).toHaveLength(2); // the wait ends one slice; the next step starts another
    expect(yields).toBe(0);
  });

  it('a rejected promise ends the work (its finally runs) and rejects the run', async () => {
    let finished = false;
    function* work(): Generator<unknown, string, undefined> {
      try {
        yield Promise.reject(new Error('no background'));
        return 'unreachable';
      } finally {
        finished = true;
      }
    }
    await expect(runInSlices(work(), { budgetMs: 8, yieldToMain: async () => undefined })).rejects.toThrow('no background');
    expect(finished).toBe(true);
  });

  it('checks for cancellation after a wait too', async () => {
    let cancelled = false;
    function* work(): Generator<unknown, string, undefined> {
      yield Promise.resolve().then(() => void (cancelled = true));
      return 'too late';
    }
    expect(await runInSlices(work(), { budgetMs: 8, yieldToMain: async () => undefined, cancelled: () => cancelled })).toBeUndefined();
  });
});
