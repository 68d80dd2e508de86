import { describe, expect, it } from 'vitest';
import { approxSearch } from '../../lib/match/approx-search';
import { bigramWindows } from '../../lib/match/bigram-filter';
import { blocksFilter } from '../../lib/match/block-filter';
import { picker, randomString, seededRandom, withRandomEdits } from '../helpers/random';

/** The bigram condition passes somewhere in text[from, to). */
const bigramsPass = (text: string, pattern: string, k: number): boolean => bigramWindows(text, pattern, k) !== null;

describe('bigramWindows', () => {
  it('never rejects what approxSearch would find (random edits)', () => {
    const rand = seededRandom(7);
    const alphabet = 'abcdefghij 漢字かなカナ';
    const pick = picker(alphabet, rand);
    for (let trial = 0; trial < 300; trial++) {
      const pattern = randomString(10 + Math.floor(rand() * 40), pick);
      const edited = withRandomEdits(pattern, Math.floor(rand() * 6), rand, pick);
      const text = 'xyz'.repeat(5) + edited + 'zyx'.repeat(5);
      const k = Math.floor(pattern.length * 0.2);
      if (approxSearch(text, pattern, k)) expect(bigramsPass(text, pattern, k)).toBe(true);
    }
  });

  it('narrows the search to the passing windows without changing what approxSearch finds', () => {
    const rand = seededRandom(99);
    const alphabet = 'abcdefghijklmnop 漢字かなカナ';
    const pick = picker(alphabet, rand);
    let narrowed = 0;
    for (let trial = 0; trial < 600; trial++) {
      const m = 20 + Math.floor(rand() * 150);
      const pattern = randomString(m, pick);
      const edited = withRandomEdits(pattern, Math.floor(rand() * (m / 5)), rand, pick);
      const margin = (): string => randomString(Math.floor(rand() * 120), pick);
      const text = margin() + edited + margin();
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

  it('rejects unrelated text', () => {
    const p = 'xai is kind of a failure, frankly, because the founding team has';
    expect(bigramsPass('heavy rain is expected across the region through the weekend with floods', p, 12)).toBe(false);
  });
});

describe('blocksFilter', () => {
  it('never rejects what approxSearch would find, and rejects most near misses (random edits, random windows)', () => {
    const rand = seededRandom(4242);
    const alphabets = ['abcdefgh ', 'abcdefghijklmnopqrstuvwxyz   ', '漢字かなカナのはをにがでとし'];
    let found = 0;
    let rejected = 0;
    for (let trial = 0; trial < 1500; trial++) {
      const alphabet = alphabets[trial % alphabets.length]!;
      const pick = picker(alphabet, rand);
      const m = 33 + Math.floor(rand() * 170);
      const pattern = randomString(m, pick);
      // Up to 35% of characters edited: many copies end up just inside the budget, many just outside.
      const edited = withRandomEdits(pattern, Math.floor(rand() * m * 0.35), rand, pick);
      const margin = (): string => randomString(Math.floor(rand() * 80), pick);
      const text = margin() + edited + margin();
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

  it("rejects a sentence built from the anchor's own phrases in another order, which the bigram condition lets through", () => {
    const anchor = 'lecun"s comments on infrastructure refer to xai"s colossus 1 and colossus 2 data centers in memphis, tennessee.';
    const page = 'eta"s former chief ai scientist, praised elon musk"s xai on tuesday for the scale of its colossus data centers in memphis, tennessee. "the infrastructure xai has built is i';
    const k = Math.floor(anchor.length * 0.2);
    expect(bigramsPass(page, anchor, k)).toBe(true);
    expect(approxSearch(page, anchor, k)).toBeNull();
    expect(blocksFilter(page, anchor, k)).toBe(false);
    // …and keeps the anchor itself, lightly edited.
    const edited = 'lecun\'s comment on infrastructure refers to xai"s colossus 1 & colossus 2 data-centres in memphis tennessee.';
    expect(blocksFilter(`before ${edited} after`, anchor, k)).toBe(true);
  });
});
