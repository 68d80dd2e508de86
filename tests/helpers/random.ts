/**
 * A reproducible source of numbers in [0, 1) for randomised tests (a 32-bit linear congruential
 * generator): the same seed gives the same cases on every run, so a failure names its trial.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}
