import { describe, expect, it } from 'vitest';
import { contextSimilarity, contextSimilarityUnits } from '../../lib/match/context-similarity';
import { scoreMatch } from '../../lib/match/score-match';
import { unitsOf } from '../../lib/text/code-units';
import { picker, randomString, seededRandom } from '../helpers/random';

describe('scoreMatch', () => {
  it('rewards matching context', () => {
    const text = 'before text QUOTE after text';
    const m = { start: 12, end: 17, errors: 0 };
    expect(scoreMatch(text, m, 'QUOTE', 'before text', 'after text').score).toBe(1);
    expect(scoreMatch(text, m, 'QUOTE', 'zzzzzzzzzzzz', 'zzzzzzzzzzz').score).toBeCloseTo(0.7, 5);
  });
});

describe('contextSimilarityUnits', () => {
  it("agrees with contextSimilarity, which reads only the context's reach of a string (random contexts, junction spaces, both ends)", () => {
    const rand = seededRandom(2024);
    const alphabet = 'ab c漢字かな ';
    const pick = picker(alphabet, rand);
    const word = (n: number): string => randomString(n, pick);
    let identical = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const before = word(Math.floor(rand() * 20));
      const quote = word(1 + Math.floor(rand() * 10));
      const after = word(Math.floor(rand() * 20));
      const text = before + quote + after;
      const start = before.length;
      const end = start + quote.length;
      // Contexts: the page's own (sometimes with the junction space), edited, empty, or longer than the page.
      const pick = (own: string): string => {
        const r = rand();
        return r < 0.3 ? own : r < 0.5 ? own.trim() : r < 0.7 ? word(Math.floor(rand() * 25)) : r < 0.85 ? '' : own + word(3);
      };
      const prefix = pick(before.slice(Math.max(0, before.length - 1 - Math.floor(rand() * 12))));
      const suffix = pick(after.slice(0, 1 + Math.floor(rand() * 12)));
      const a = contextSimilarity(text, start, end, prefix, suffix);
      const b = contextSimilarityUnits(unitsOf(text), start, end, prefix, suffix);
      expect(b, `trial ${trial}`).toBe(a);
      if (a === 1) identical++;
    }
    expect(identical).toBeGreaterThan(100); // the in-place identity path is exercised too
  });
});

describe('contextSimilarity at the junction with the quote', () => {
  it('sets one blank aside on each side: a context agrees with or without the space next to the quote', () => {
    const text = 'we had nothing with us and then';
    const start = text.indexOf('with us');
    const end = start + 'with us'.length;
    for (const prefix of ['we had nothing', 'we had nothing ', 'we had nothing\n']) {
      for (const suffix of ['and then', ' and then', '\tand then']) expect(contextSimilarity(text, start, end, prefix, suffix), JSON.stringify([prefix, suffix])).toBe(1);
    }
    // The page's blank may be a block boundary's line break.
    const lines = 'we had nothing\nwith us\nand then';
    expect(contextSimilarity(lines, 15, 22, 'we had nothing', 'and then')).toBe(1);
    expect(contextSimilarity(lines, 15, 22, 'we had nothing ', ' and then')).toBe(1);
    // Only one: a second blank is a difference.
    expect(contextSimilarity(text, start, end, 'we had nothing  ', '')).toBeLessThan(1);
  });

  it('counts a context of blanks alone as no context', () => {
    expect(contextSimilarity('a with us b', 2, 9, ' ', ' ')).toBeNull();
  });
});
