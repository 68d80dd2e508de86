import { describe, expect, it } from 'vitest';
import { editDistance, editDistanceTable, editSimilarity } from '../../lib/match/edit-distance';
import { picker, randomString, seededRandom } from '../helpers/random';

describe('editDistance (one-word bit-vector) agrees with the table', () => {
  it('on random strings of 0 to 40 characters', () => {
    const rand = seededRandom(4242);
    const alphabet = 'abcxyz 漢字かな';
    const pick = picker(alphabet, rand);
    const str = (): string => randomString(Math.floor(rand() * 41), pick);
    for (let trial = 0; trial < 2000; trial++) {
      const a = str();
      const b = rand() < 0.5 ? str() : a.slice(Math.floor(rand() * 3)) + str().slice(0, 3);
      expect(editDistance(a, b), `${a} / ${b}`).toBe(editDistanceTable(a, b));
    }
  });
});

describe('editSimilarity', () => {
  it('is 1 − distance / the longer length', () => {
    expect(editSimilarity('', '')).toBe(1);
    expect(editSimilarity('abcd', 'abcd')).toBe(1);
    expect(editSimilarity('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 10);
    expect(editSimilarity('abc', '')).toBe(0);
  });
});
