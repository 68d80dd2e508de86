import { describe, expect, it } from 'vitest';
import { approxSearch } from '../../lib/match/approx-search';
import { editDistance } from '../../lib/match/edit-distance';
import { approxSearchReference } from '../helpers/approx-search-reference';
import { picker, randomString, seededRandom, withRandomEdits } from '../helpers/random';

describe('approxSearch', () => {
  it('finds exact and edited occurrences with their bounds', () => {
    const text = 'xx the quick brown fox jumps yy';
    expect(approxSearch(text, 'quick brown', 0)).toEqual({ start: 7, end: 18, errors: 0 });
    const m = approxSearch('xx the quikc brown fox yy', 'quick brown', 3)!;
    expect(m.errors).toBe(2);
    expect('xx the quikc brown fox yy'.slice(m.start, m.end)).toBe('quikc brown');
  });

  it('respects the error budget and the window', () => {
    expect(approxSearch('completely different words', 'quick brown', 2)).toBeNull();
    expect(approxSearch('quick brown ... quick brown', 'quick brown', 0, 5)!.start).toBe(16);
  });

  it('handles Japanese edits (a reworded word)', () => {
    const text = '設立からわずか2年余りのAI企業が、連続して2人の共同創設者を失うのはシリコンバレーでは稀だ。さらに';
    const pat = '設立からわずか2年余りのai企業が、連続して2人の共同創設者を失うのはシリコンバレーでは珍しい。';
    const m = approxSearch(text.toLowerCase(), pat, 8)!;
    expect(m).not.toBeNull();
    expect(m.start).toBe(0);
    expect(m.errors).toBeLessThanOrEqual(3);
  });

  it('agrees with plain edit distance', () => {
    const pairs: [string, string][] = [['kitten', 'sitting'], ['失敗だ', '失敗である'], ['abc', 'abc']];
    for (const [a, b] of pairs) {
      const m = approxSearch(b, a, a.length)!;
      expect(m.errors).toBeLessThanOrEqual(editDistance(a, b));
    }
  });

  it('covers a reworded tail instead of stopping before it (tie-breaking)', () => {
    const text = 'xx連続して2人の共同創設者を失うのはシリコンバレーでは稀だ。さらに重要なのは';
    const pattern = '連続して2人の共同創設者を失うのはシリコンバレーでは珍しい';
    const m = approxSearch(text, pattern, 6)!;
    expect(text.slice(m.start, m.end)).toContain('稀だ');
  });
});

describe('approxSearch (bit-vector) agrees with the dynamic programme', () => {
  it('on random patterns of 1 to 140 characters with random edits', () => {
    const rand = seededRandom(12345);
    const alphabet = 'abcde fg漢字かな';
    const pick = picker(alphabet, rand);
    for (let trial = 0; trial < 400; trial++) {
      const m = 1 + Math.floor(rand() * 140);
      const pattern = randomString(m, pick);
      const edited = withRandomEdits(pattern, Math.floor(rand() * (m / 4 + 1)), rand, pick);
      const text = randomString(Math.floor(rand() * 30), pick) + edited + randomString(Math.floor(rand() * 30), pick);
      const k = Math.floor(rand() * (m / 3 + 2));
      const from = Math.floor(rand() * 5);
      expect(approxSearch(text, pattern, k, from), `trial ${trial}`).toEqual(approxSearchReference(text, pattern, k, from));
    }
  });

  // A large alphabet makes unrelated text exceed k a few rows down, so the block cut-off drops and
  // re-activates blocks (the small alphabet above keeps them all active); long patterns span up
  // to 7 blocks and long random margins put the match far from the window's start.
  it('with the block cut-off at work (large alphabet, long patterns, long margins)', () => {
    const rand = seededRandom(Number(process.env.MATCH_SEED ?? 987));
    const alphabet = 'abcdefghijklmnopqrstuvwxyz 0123456789漢字かなカナ、。';
    const pick = picker(alphabet, rand);
    const trials = Number(process.env.MATCH_TRIALS ?? 300);
    for (let trial = 0; trial < trials; trial++) {
      const m = 1 + Math.floor(rand() * 220);
      const pattern = randomString(m, pick);
      const edited = withRandomEdits(pattern, Math.floor(rand() * (m / 3 + 1)), rand, pick);
      const margin = (): string => randomString(Math.floor(rand() * 300), pick);
      const text = margin() + (rand() < 0.8 ? edited : '') + margin() + (rand() < 0.3 ? pattern : '');
      const k = Math.floor(rand() * (m / 2.5 + 2));
      const from = Math.floor(rand() * 40);
      const to = text.length - Math.floor(rand() * 20);
      expect(approxSearch(text, pattern, k, from, to), `trial ${trial}`).toEqual(approxSearchReference(text, pattern, k, from, to));
    }
  });
});
