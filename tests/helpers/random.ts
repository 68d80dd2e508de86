/**
 * A reproducible source of numbers in [0, 1) for randomised tests (a 32-bit linear congruential
 * generator): the same seed gives the same cases on every run, so a failure names its trial.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** A draw of one character of `alphabet` (a code unit: keep alphabets to the BMP). */
export function picker(alphabet: string, rand: () => number): () => string {
  return () => alphabet[Math.floor(rand() * alphabet.length)]!;
}

/** `n` characters drawn by `pick`. */
export function randomString(n: number, pick: () => string): string {
  return Array.from({ length: n }, pick).join('');
}

/**
 * `s` with `edits` random one-character edits, each a deletion, a substitution or an insertion
 * (a third each; the new characters drawn by `pick`).
 */
export function withRandomEdits(s: string, edits: number, rand: () => number, pick: () => string): string {
  const chars = s.split('');
  for (let e = edits; e > 0; e--) {
    const at = Math.floor(rand() * chars.length);
    const r = rand();
    if (r < 0.33) chars.splice(at, 1);
    else if (r < 0.66) chars[at] = pick();
    else chars.splice(at, 0, pick());
  }
  return chars.join('');
}
