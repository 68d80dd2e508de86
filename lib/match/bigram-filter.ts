/**
 * A lossless filter before the bit-vector search (approx-search.ts): a window that holds an
 * occurrence shares nearly all of the pattern's character bigrams.
 */

/**
 * Scratch tables, counts by bigram hash (reused; the entries touched are reset after each call).
 * 4,096 buckets, 16 KB each: small enough to allocate with the module on every page; a window and
 * a pattern touch a few hundred, and a collision only counts an unshared bigram as shared (the
 * filter stays a valid necessary condition, just a little weaker).
 */
const BIGRAM_BITS = 12;
const PAT = new Int32Array(1 << BIGRAM_BITS);
const WIN = new Int32Array(1 << BIGRAM_BITS);

/** Scratch: the window text's bigram keys, computed once per call (each is read 2–3 times). */
let KEYS = new Int32Array(512);

/** Bucket of the bigram s[i] s[i+1]: Fibonacci hashing of the two code units as one 32-bit value. */
function bigramKey(s: string, i: number): number {
  return Math.imul((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1), 0x9e3779b1) >>> (32 - BIGRAM_BITS);
}

/**
 * Cheap necessary condition for `approxSearch(text, pattern, maxErrors, from, to)` to succeed:
 * an edit destroys at most two of the pattern's bigrams, so some window of length m + maxErrors
 * must hold all but 2·maxErrors of them (hash collisions only weaken the bound; it stays valid).
 * O(window) array operations, ~20× cheaper than the cut-off dynamic programme, and it rejects
 * most unrelated windows (same entities, other sentences).
 *
 * Returns the first and last start of a window (m + maxErrors characters from `start`) that
 * passes, or null when none does. Every occurrence with ≤ maxErrors edits starts at a passing
 * window's start, so `approxSearch` over [lo, hi + m + maxErrors) finds what it finds over
 * [from, to), over a shorter stretch of text.
 */
export function bigramWindows(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): { lo: number; hi: number } | null {
  const m = pattern.length;
  const need = m - 1 - 2 * maxErrors; // bigrams the window must share
  if (m < 2 || need <= 0) return { lo: from, hi: to };
  for (let i = 0; i + 1 < m; i++) PAT[bigramKey(pattern, i)]!++;
  const n = to - from - 1; // bigrams in the text stretch
  if (KEYS.length < n) KEYS = new Int32Array(2 * n);
  const keys = KEYS;
  for (let i = 0; i < n; i++) keys[i] = bigramKey(text, from + i);
  const w = Math.min(to - from, m + maxErrors) - 1; // bigrams per window
  let shared = 0;
  let lo = -1;
  let hi = -1;
  // Fill the first window.
  for (let i = 0; i < w && i < n; i++) {
    const key = keys[i]!;
    if (WIN[key]! < PAT[key]!) shared++;
    WIN[key]!++;
  }
  if (shared >= need) lo = hi = from;
  for (let s = 1; s + w <= n; s++) {
    const out = keys[s - 1]!;
    WIN[out]!--;
    if (WIN[out]! < PAT[out]!) shared--;
    const inn = keys[s + w - 1]!;
    if (WIN[inn]! < PAT[inn]!) shared++;
    WIN[inn]!++;
    if (shared >= need) {
      if (lo < 0) lo = from + s;
      hi = from + s;
    }
  }
  // Reset the touched entries.
  for (let i = 0; i + 1 < m; i++) PAT[bigramKey(pattern, i)] = 0;
  for (let i = 0; i < n; i++) WIN[keys[i]!] = 0;
  return lo < 0 ? null : { lo, hi };
}
