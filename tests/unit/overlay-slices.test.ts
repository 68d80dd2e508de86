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
});
