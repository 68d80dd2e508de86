import { describe, expect, it } from 'vitest';
import { approxSearch, editDistance, scoreMatch } from '../../lib/match/match-quote';
import { seededRandom } from '../helpers/random';

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
});

describe('scoreMatch', () => {
  it('rewards matching context', () => {
    const text = 'before text QUOTE after text';
    const m = { start: 12, end: 17, errors: 0 };
    expect(scoreMatch(text, m, 'QUOTE', 'before text', 'after text').score).toBe(1);
    expect(scoreMatch(text, m, 'QUOTE', 'zzzzzzzzzzzz', 'zzzzzzzzzzz').score).toBeCloseTo(0.7, 5);
  });
});

describe('bigramFilter', () => {
  it('never rejects what approxSearch would find (random edits)', async () => {
    const { bigramFilter } = await import('../../lib/match/match-quote');
    const rand = seededRandom(7);
    const alphabet = 'abcdefghij 漢字かなカナ';
    for (let trial = 0; trial < 300; trial++) {
      const pattern = Array.from({ length: 10 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      let edited = pattern.split('');
      const edits = Math.floor(rand() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * edited.length);
        const r = rand();
        if (r < 0.33) edited.splice(at, 1);
        else if (r < 0.66) edited[at] = alphabet[Math.floor(rand() * alphabet.length)]!;
        else edited.splice(at, 0, alphabet[Math.floor(rand() * alphabet.length)]!);
      }
      const text = 'xyz'.repeat(5) + edited.join('') + 'zyx'.repeat(5);
      const k = Math.floor(pattern.length * 0.2);
      if (approxSearch(text, pattern, k)) expect(bigramFilter(text, pattern, k)).toBe(true);
    }
  });

  it('narrows the search to the passing windows without changing what approxSearch finds', async () => {
    const { bigramWindows } = await import('../../lib/match/match-quote');
    const rand = seededRandom(99);
    const alphabet = 'abcdefghijklmnop 漢字かなカナ';
    const pick = (): string => alphabet[Math.floor(rand() * alphabet.length)]!;
    let narrowed = 0;
    for (let trial = 0; trial < 600; trial++) {
      const m = 20 + Math.floor(rand() * 150);
      const pattern = Array.from({ length: m }, pick).join('');
      const edited = pattern.split('');
      for (let e = Math.floor(rand() * (m / 5)); e > 0; e--) {
        const at = Math.floor(rand() * edited.length);
        const r = rand();
        if (r < 0.33) edited.splice(at, 1);
        else if (r < 0.66) edited[at] = pick();
        else edited.splice(at, 0, pick());
      }
      const margin = (): string => Array.from({ length: Math.floor(rand() * 120) }, pick).join('');
      const text = margin() + edited.join('') + margin();
      const k = Math.floor(m * 0.2);
      const full = approxSearch(text, pattern, k);
      const win = bigramWindows(text, pattern, k);
      if (!win) {
        expect(full, `trial ${trial}`).toBeNull();
        continue;
      }
      const to = Math.min(text.length, win.hi + m + k);
      if (win.lo > 0 || to < text.length) narrowed++;
      expect(approxSearch(text, pattern, k, win.lo, to), `trial ${trial}`).toEqual(full);
    }
    expect(narrowed).toBeGreaterThan(300); // the windows do narrow most searches
  });

  it('rejects unrelated text', async () => {
    const { bigramFilter } = await import('../../lib/match/match-quote');
    const p = 'xai is kind of a failure, frankly, because the founding team has';
    expect(bigramFilter('heavy rain is expected across the region through the weekend with floods', p, 12)).toBe(false);
  });
});

describe('approxSearch tie-breaking', () => {
  it('covers a reworded tail instead of stopping before it', () => {
    const text = 'xx連続して2人の共同創設者を失うのはシリコンバレーでは稀だ。さらに重要なのは';
    const pattern = '連続して2人の共同創設者を失うのはシリコンバレーでは珍しい';
    const m = approxSearch(text, pattern, 6)!;
    expect(text.slice(m.start, m.end)).toContain('稀だ');
  });
});

describe('approxSearch (bit-vector) agrees with the dynamic programme', () => {
  it('on random patterns of 1 to 140 characters with random edits', async () => {
    const { approxSearchReference } = await import('../../lib/match/match-quote');
    const rand = seededRandom(12345);
    const alphabet = 'abcde fg漢字かな';
    const pick = (): string => alphabet[Math.floor(rand() * alphabet.length)]!;
    for (let trial = 0; trial < 400; trial++) {
      const m = 1 + Math.floor(rand() * 140);
      const pattern = Array.from({ length: m }, pick).join('');
      const edited = pattern.split('');
      for (let e = Math.floor(rand() * (m / 4 + 1)); e > 0; e--) {
        const at = Math.floor(rand() * edited.length);
        const r = rand();
        if (r < 0.33) edited.splice(at, 1);
        else if (r < 0.66) edited[at] = pick();
        else edited.splice(at, 0, pick());
      }
      const text = Array.from({ length: Math.floor(rand() * 30) }, pick).join('') + edited.join('') + Array.from({ length: Math.floor(rand() * 30) }, pick).join('');
      const k = Math.floor(rand() * (m / 3 + 2));
      const from = Math.floor(rand() * 5);
      expect(approxSearch(text, pattern, k, from), `trial ${trial}`).toEqual(approxSearchReference(text, pattern, k, from));
    }
  });

  // A large alphabet makes unrelated text exceed k a few rows down, so the block cut-off drops and
  // re-activates blocks (the small alphabet above keeps them all active); long patterns span up
  // to 7 blocks and long random margins put the match far from the window's start.
  it('with the block cut-off at work (large alphabet, long patterns, long margins)', async () => {
    const { approxSearchReference } = await import('../../lib/match/match-quote');
    const rand = seededRandom(Number(process.env.MATCH_SEED ?? 987));
    const alphabet = 'abcdefghijklmnopqrstuvwxyz 0123456789漢字かなカナ、。';
    const pick = (): string => alphabet[Math.floor(rand() * alphabet.length)]!;
    const trials = Number(process.env.MATCH_TRIALS ?? 300);
    for (let trial = 0; trial < trials; trial++) {
      const m = 1 + Math.floor(rand() * 220);
      const pattern = Array.from({ length: m }, pick).join('');
      const edited = pattern.split('');
      for (let e = Math.floor(rand() * (m / 3 + 1)); e > 0; e--) {
        const at = Math.floor(rand() * edited.length);
        const r = rand();
        if (r < 0.33) edited.splice(at, 1);
        else if (r < 0.66) edited[at] = pick();
        else edited.splice(at, 0, pick());
      }
      const margin = (): string => Array.from({ length: Math.floor(rand() * 300) }, pick).join('');
      const text = margin() + (rand() < 0.8 ? edited.join('') : '') + margin() + (rand() < 0.3 ? pattern : '');
      const k = Math.floor(rand() * (m / 2.5 + 2));
      const from = Math.floor(rand() * 40);
      const to = text.length - Math.floor(rand() * 20);
      expect(approxSearch(text, pattern, k, from, to), `trial ${trial}`).toEqual(approxSearchReference(text, pattern, k, from, to));
    }
  });
});

describe('editDistance (one-word bit-vector) agrees with the table', () => {
  it('on random strings of 0 to 40 characters', async () => {
    const { editDistanceTable } = await import('../../lib/match/match-quote');
    const rand = seededRandom(4242);
    const alphabet = 'abcxyz 漢字かな';
    const str = (): string => Array.from({ length: Math.floor(rand() * 41) }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join('');
    for (let trial = 0; trial < 2000; trial++) {
      const a = str();
      const b = rand() < 0.5 ? str() : a.slice(Math.floor(rand() * 3)) + str().slice(0, 3);
      expect(editDistance(a, b), `${a} / ${b}`).toBe(editDistanceTable(a, b));
    }
  });
});

describe('blocksFilter', () => {
  it('never rejects what approxSearch would find, and rejects most near misses (random edits, random windows)', async () => {
    const { blocksFilter } = await import('../../lib/match/match-quote');
    const rand = seededRandom(4242);
    const alphabets = ['abcdefgh ', 'abcdefghijklmnopqrstuvwxyz   ', '漢字かなカナのはをにがでとし'];
    let found = 0;
    let rejected = 0;
    for (let trial = 0; trial < 1500; trial++) {
      const alphabet = alphabets[trial % alphabets.length]!;
      const pick = (): string => alphabet[Math.floor(rand() * alphabet.length)]!;
      const m = 33 + Math.floor(rand() * 170);
      const pattern = Array.from({ length: m }, pick).join('');
      const edited = pattern.split('');
      // Up to 35% of characters edited: many copies end up just inside the budget, many just outside.
      for (let e = Math.floor(rand() * m * 0.35); e > 0; e--) {
        const at = Math.floor(rand() * edited.length);
        const r = rand();
        if (r < 0.33) edited.splice(at, 1);
        else if (r < 0.66) edited[at] = pick();
        else edited.splice(at, 0, pick());
      }
      const margin = (): string => Array.from({ length: Math.floor(rand() * 80) }, pick).join('');
      const text = margin() + edited.join('') + margin();
      const k = Math.floor(m * 0.2);
      const from = Math.floor(rand() * 30);
      const to = text.length - Math.floor(rand() * 30);
      const hit = approxSearch(text, pattern, k, from, to);
      const pass = blocksFilter(text, pattern, k, from, to);
      if (hit) {
        found++;
        expect(pass, `trial ${trial}`).toBe(true);
      } else if (!pass) rejected++;
    }
    expect(found).toBeGreaterThan(600);
    // It does reject: ~95% of the copies edited past the budget (584 of 614 when written).
    expect(rejected).toBeGreaterThan(0.8 * (1500 - found));
  });

  it('rejects a sentence built from the anchor\'s own phrases in another order, which the bigram condition lets through', async () => {
    const { blocksFilter, bigramFilter } = await import('../../lib/match/match-quote');
    const anchor = 'lecun"s comments on infrastructure refer to xai"s colossus 1 and colossus 2 data centers in memphis, tennessee.';
    const page = 'eta"s former chief ai scientist, praised elon musk"s xai on tuesday for the scale of its colossus data centers in memphis, tennessee. "the infrastructure xai has built is i';
    const k = Math.floor(anchor.length * 0.2);
    expect(bigramFilter(page, anchor, k)).toBe(true);
    expect(approxSearch(page, anchor, k)).toBeNull();
    expect(blocksFilter(page, anchor, k)).toBe(false);
    // …and keeps the anchor itself, lightly edited.
    const edited = 'lecun\'s comment on infrastructure refers to xai"s colossus 1 & colossus 2 data-centres in memphis tennessee.';
    expect(blocksFilter(`before ${edited} after`, anchor, k)).toBe(true);
  });
});

describe('contextSimilarityUnits', () => {
  it("agrees with contextSimilarity, which reads only the context's reach of a string (random contexts, junction spaces, both ends)", async () => {
    const { contextSimilarity, contextSimilarityUnits } = await import('../../lib/match/match-quote');
    const { unitsOf } = await import('../../lib/text/normalize');
    const rand = seededRandom(2024);
    const alphabet = 'ab c漢字かな ';
    const word = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
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
