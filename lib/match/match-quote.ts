/**
 * Bounded approximate search of a quote in text, and context scoring.
 *
 * `approxSearch` is Sellers' semi-global edit distance (the pattern must match whole, it may start
 * anywhere in the text window), computed with Myers' bit-vector algorithm in 32-row blocks: one
 * column of the DP matrix costs ⌈m/32⌉ word operations, so a 150-character anchor over a
 * 250-character window is ~1,300 word steps instead of ~20,000 cells. The start of the best match
 * is recovered by an anchored search backwards from its end. `approxSearchReference` is the plain
 * dynamic programme (with Ukkonen's cut-off), kept as the tests' oracle.
 *
 * `scoreMatch` weighs the quote against its prefix/suffix context, like the Hypothesis client's
 * TextQuoteSelector anchoring, but — unlike it — the caller rejects anything under a minimum score
 * (see `thresholds.ts`).
 */

import { unitsOf } from '../text/normalize';

export interface ApproxMatch {
  /** Start (inclusive) and end (exclusive) in the searched text. */
  start: number;
  end: number;
  /** Edit distance between the pattern and text[start, end). */
  errors: number;
}

/**
 * Best (fewest errors, then leftmost) occurrence of `pattern` within text[from, to) with at most
 * `maxErrors` edits, or null.
 */
export function approxSearch(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): ApproxMatch | null {
  return search(text, pattern, maxErrors, from, to, bestEndBits);
}

/** `approxSearch` by the plain dynamic programme (the tests' oracle). */
export function approxSearchReference(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): ApproxMatch | null {
  return search(text, pattern, maxErrors, from, to, bestEnd);
}

type EndFinder = typeof bestEnd;

function search(text: string, pattern: string, maxErrors: number, from: number, to: number, bestEnd: EndFinder): ApproxMatch | null {
  const m = pattern.length;
  if (m === 0) return null;
  const end = bestEnd(text, pattern, maxErrors, from, to, false);
  if (!end) return null;
  // Ends tied on errors (a reworded tail: "では珍しい" vs "では稀だ"): try the leftmost and the
  // rightmost, keep the one whose length is closest to the pattern's (then the longer), so the
  // quote covers the reworded words instead of stopping before them.
  let result: ApproxMatch | null = null;
  for (const e of end.last === end.pos ? [end.pos] : [end.pos, end.last]) {
    // Backwards: reversed pattern against the text read right-to-left from the end.
    const lo = Math.max(from, e - m - end.errors);
    const start = bestEnd(text, pattern, end.errors, lo, e, true);
    if (!start) continue;
    const cand = { start: start.pos, end: e, errors: end.errors };
    if (!result) result = cand;
    else {
      const d0 = Math.abs(result.end - result.start - m);
      const d1 = Math.abs(cand.end - cand.start - m);
      if (d1 < d0 || (d1 === d0 && cand.end - cand.start > result.end - result.start)) result = cand;
    }
  }
  return result;
}

/**
 * Forward: returns the smallest end position (exclusive) with the minimum error count, and in
 * `last` the largest one with that count.
 * Backward (`reverse`): scans text[to-1 … from] with the reversed pattern and returns the start
 * position (inclusive) of the best match ending at `to`; the pattern must end exactly at `to`.
 */
function bestEnd(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  reverse: boolean,
): { pos: number; errors: number; last: number } | null {
  const m = pattern.length;
  const k = Math.min(maxErrors, m);
  // col[i]: edit distance of pattern[0..i) against the best substring ending at the current char.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  // In reverse mode the match must end at `to`: row 0 is free only before the first text char.
  let lastActive = Math.min(k, m); // deepest row with value <= k
  let best: { pos: number; errors: number; last: number } | null = null;
  if (reverse && m <= k) best = { pos: to, errors: m, last: to };
  const n = to - from;
  for (let step = 0; step < n; step++) {
    const tIdx = reverse ? to - 1 - step : from + step;
    const tc = text.charCodeAt(tIdx);
    cur[0] = reverse ? step + 1 : 0;
    const limit = Math.min(m, lastActive + 1);
    for (let i = 1; i <= limit; i++) {
      const pc = pattern.charCodeAt(reverse ? m - i : i - 1);
      let v = prev[i - 1]! + (pc === tc ? 0 : 1);
      const del = prev[i]! + 1;
      if (del < v) v = del;
      const ins = cur[i - 1]! + 1;
      if (ins < v) v = ins;
      cur[i] = v;
    }
    for (let i = limit + 1; i <= m; i++) cur[i] = k + 1;
    let la = limit;
    while (la > 0 && cur[la]! > k) la--;
    lastActive = la;
    if (limit === m && cur[m]! <= k) {
      const errors = cur[m]!;
      const pos = reverse ? tIdx : tIdx + 1;
      // Forward: keep the leftmost end of the fewest errors. Reverse: keep the longest-reaching
      // start of the fewest errors only when strictly better (ties keep the tighter start).
      if (!best || errors < best.errors) best = { pos, errors, last: pos };
      else if (errors === best.errors && !reverse) best.last = pos;
    }
    if (reverse && cur[0]! > k && lastActive === 0) break;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return best;
}

let ROW_A = new Int32Array(64);
let ROW_B = new Int32Array(64);

// ---------------------------------------------------------------- Myers' bit-vector search

let PV = new Int32Array(8);
let MV = new Int32Array(8);
/** Per block: D at its last row in the current column (the cut-off's bookkeeping). */
let SCORE = new Int32Array(8);

/**
 * Match masks of the pattern, without a Map: `PEQ_ROW[c]` is 1 + the row of character c's masks
 * in `PEQ` (0: c is not in the pattern), one Int32 per block. Scratch, reset after each search
 * (only the pattern's characters are touched), so a text character costs one array read.
 * Allocated on first use (128 KB): the content script loads this module on every page, and most
 * pages never get this far.
 */
let PEQ_ROW_TABLE: Uint16Array | null = null;
const peqRows = (): Uint16Array => (PEQ_ROW_TABLE ??= new Uint16Array(1 << 16));
let PEQ = new Int32Array(64);

/** Fill PEQ_ROW/PEQ for `pattern` (reversed when `reverse`). */
function buildPeq(pattern: string, nb: number, reverse: boolean): void {
  const PEQ_ROW = peqRows();
  const m = pattern.length;
  if (PEQ.length < (m + 1) * nb) PEQ = new Int32Array(2 * (m + 1) * nb);
  let rows = 0;
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(reverse ? m - 1 - i : i);
    let r = PEQ_ROW[c]!;
    if (r === 0) {
      r = PEQ_ROW[c] = ++rows;
      // A loop, not PEQ.fill: nb is 1–8 and a builtin call per distinct character cost more.
      for (let b = r * nb, e = b + nb; b < e; b++) PEQ[b] = 0;
    }
    PEQ[r * nb + (i >>> 5)]! |= 1 << (i & 31);
  }
}

function clearPeq(pattern: string): void {
  const PEQ_ROW = peqRows();
  for (let i = 0; i < pattern.length; i++) PEQ_ROW[pattern.charCodeAt(i)] = 0;
}

/**
 * `bestEnd` with Myers' algorithm (blocks of 32 pattern rows; Hyyrö's formulation of the block
 * step with the horizontal delta carried between blocks). Same contract as `bestEnd`.
 */
function bestEndBits(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  reverse: boolean,
): { pos: number; errors: number; last: number } | null {
  const m = pattern.length;
  const k = Math.min(maxErrors, m);
  const nb = (m + 31) >>> 5;
  buildPeq(pattern, nb, reverse);
  try {
    return bestEndBitsScan(text, m, k, nb, from, to, reverse);
  } finally {
    clearPeq(pattern);
  }
}

/**
 * The column scan of `bestEndBits`, with Ukkonen's cut-off applied to whole blocks (as in Myers
 * 1999, §4): only blocks 0..y are computed, where every row below block y is known to exceed k.
 * On text unlike the pattern the distance passes k a few dozen rows down, so a 140-character
 * anchor (5 blocks) costs ~2 blocks per text character instead of 5; near a match all blocks run.
 *
 * Why it is exact where it matters (values ≤ k): D[i][j] ≥ D[i-1][j-1] and vertical steps are ≥ −1,
 * so when every row below block y exceeds k in one column, in the next only the first row of block
 * y+1 can reach ≤ k, and only if the last row of block y is ≤ k+1. That is when block y+1 is
 * (re)activated, with its previous column taken as "+1 per row" below block y's last row: those
 * stand-in values exceed k as the true ones do, and a value ≤ k never derives from one > k, so
 * every value ≤ k comes out exact. A block is dropped when even its smallest possible row (last
 * row minus its row count − 1) exceeds k. The tests compare it with the plain DP on random input.
 */
function bestEndBitsScan(
  text: string,
  m: number,
  k: number,
  nb: number,
  from: number,
  to: number,
  reverse: boolean,
): { pos: number; errors: number; last: number } | null {
  const peq = PEQ;
  const PEQ_ROW = peqRows();
  if (PV.length < nb) {
    PV = new Int32Array(nb * 2);
    MV = new Int32Array(nb * 2);
    SCORE = new Int32Array(nb * 2);
  }
  for (let b = 0; b < nb; b++) {
    PV[b] = -1;
    MV[b] = 0;
    SCORE[b] = Math.min(32 * (b + 1), m); // D[last row of b] before any text: i
  }
  const lastTop = 1 << ((m - 1) & 31);
  const lastRows = m - 32 * (nb - 1); // rows in the last block
  // Last active block: the one holding row k (D[i] = i at the start).
  let y = Math.min(nb - 1, k >>> 5);
  // Anchored (reverse) only: blocks before `lo` are frozen. There D[i][j] ≥ j − i, so once a
  // block's last row is more than k above the diagonal it exceeds k for good; it is no longer
  // computed and the block below takes a horizontal delta of 0 from it (its last value, > k, held
  // constant: values ≤ k never derive from it, so they stay exact). A band of ~2k+1 rows is
  // computed instead of every row down to the diagonal.
  let lo = 0;
  let best: { pos: number; errors: number; last: number } | null = null;
  if (reverse && m <= k) best = { pos: to, errors: m, last: to };
  const n = to - from;
  for (let step = 0; step < n; step++) {
    const tIdx = reverse ? to - 1 - step : from + step;
    const row = PEQ_ROW[text.charCodeAt(tIdx)]! * nb;
    if (reverse) {
      // Freeze blocks whose last row, at the column just computed (step columns), exceeds k.
      while (lo < y && 32 * (lo + 1) < step - k) lo++;
    }
    // Row 0: free start (0) for the search, +1 per column when anchored (reverse); 0 below a frozen block.
    let hin = reverse && lo === 0 ? 1 : 0;
    for (let b = lo; ; b++) {
      let eq = row === 0 ? 0 : peq[row + b]!;
      const pv = PV[b]!;
      const mv = MV[b]!;
      const hinNeg = hin < 0 ? 1 : 0;
      const xv = eq | mv;
      eq |= hinNeg;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      const top = b === nb - 1 ? lastTop : 1 << 31;
      const hout = ph & top ? 1 : mh & top ? -1 : 0;
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | hinNeg;
      PV[b] = mh | ~(xv | ph);
      MV[b] = ph & xv;
      SCORE[b]! += hout;
      if (b < y) {
        hin = hout;
        continue;
      }
      // b === y: activate the next block if its first row may now be ≤ k.
      if (b < nb - 1 && SCORE[b]! <= k + 1) {
        y = b + 1;
        PV[y] = -1;
        MV[y] = 0;
        // Its previous column, +1 per row below block b's previous last row.
        SCORE[y] = SCORE[b]! - hout + (y === nb - 1 ? lastRows : 32);
        hin = hout;
        continue;
      }
      break;
    }
    // Drop trailing blocks whose rows all exceed k.
    while (y > 0 && SCORE[y]! - (y === nb - 1 ? lastRows : 32) >= k) y--;
    if (y < nb - 1) continue; // D[m] > k
    const score = SCORE[nb - 1]!;
    if (score <= k) {
      const pos = reverse ? tIdx : tIdx + 1;
      if (!best || score < best.errors) best = { pos, errors: score, last: pos };
      else if (score === best.errors && !reverse) best.last = pos;
    }
    // Anchored: the score can fall by at most one per remaining column; stop when hopeless.
    if (reverse && score - (n - step - 1) > k && best) break;
  }
  return best;
}

/**
 * Cheap necessary condition for `approxSearch(text, pattern, maxErrors, from, to)` to succeed,
 * for patterns of two or more 32-character blocks: the pattern's rows are cut into those blocks,
 * and each block's best distance to any stretch of text[from, to) where its part of an occurrence
 * could lie is found with a one-word bit-vector scan; the sum must not exceed `maxErrors`.
 *
 * Why it never rejects an occurrence: an alignment of the pattern with ≤ maxErrors edits aligns
 * each block with a stretch of the occurrence, and its edits are the sum of the blocks' edits,
 * each at least that block's best distance. Where a block's stretch can lie: the occurrence lies
 * in [from, to), the part before the block (`first` rows) takes at least first − maxErrors
 * characters and the part after it at least (m − last) − maxErrors, so the block's stretch starts
 * at or after from + first − maxErrors and ends at or before to − (m − last) + maxErrors.
 *
 * What it catches that the bigram condition does not: text made of the anchor's own words and
 * phrases in another order (a report on the same story). Bigram counts ignore order; the blocks
 * keep it within 32 characters, so only the blocks that really recur come out close. Cost: one
 * word step per block and text character, about a third of the block search it saves.
 */
export function blocksFilter(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): boolean {
  const m = pattern.length;
  const nb = (m + 31) >>> 5;
  if (nb < 2) return true; // one block: this would be the search itself
  buildPeq(pattern, nb, false);
  const PEQ_ROW = peqRows();
  const peq = PEQ;
  let sum = 0;
  for (let b = 0; b < nb && sum <= maxErrors; b++) {
    const first = 32 * b;
    const rows = Math.min(32, m - first);
    const start = Math.max(from, from + first - maxErrors);
    const end = Math.min(to, to - (m - first - rows) + maxErrors);
    const top = 1 << (rows - 1);
    // Semi-global (free start in the text: row 0 is 0 in every column); before any text, D[i] = i.
    let pv = -1;
    let mv = 0;
    let score = rows;
    let best = rows;
    for (let j = start; j < end && best > 0; j++) {
      const r = PEQ_ROW[text.charCodeAt(j)]!;
      const eq = r === 0 ? 0 : peq[r * nb + b]!; // row 0 of PEQ is not cleared for nb > 1
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
      let ph = mv | ~(xh | pv);
      const mh = pv & xh;
      if (ph & top) score++;
      else if (mh & top) score--;
      ph <<= 1;
      pv = (mh << 1) | ~(xv | ph);
      mv = ph & xv;
      if (score < best) best = score;
    }
    sum += best;
  }
  clearPeq(pattern);
  return sum <= maxErrors;
}

/**
 * Levenshtein distance. Context strings (a dataset prefix/suffix against the page text beside a
 * match, ~14 characters) are compared for every exact and fuzzy hit, so the common case — the
 * shorter string fits one machine word — runs Myers' bit-vector recurrence: one step per
 * character of the longer string instead of a full table.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const [p, t] = a.length <= b.length ? [a, b] : [b, a];
  return p.length <= 32 ? editDistanceWord(p, t) : editDistanceTable(a, b);
}

/** Global edit distance for a pattern of 1 to 32 characters (one 32-bit block, row 0 = +1 per column). */
function editDistanceWord(pattern: string, text: string): number {
  const m = pattern.length;
  buildPeq(pattern, 1, false);
  const PEQ_ROW = peqRows();
  let pv = -1;
  let mv = 0;
  let score = m;
  const top = 1 << (m - 1);
  for (let j = 0; j < text.length; j++) {
    const eq = PEQ[PEQ_ROW[text.charCodeAt(j)]!]!; // row 0 of PEQ is never written: 0 = no match
    const xv = eq | mv;
    const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    const mh = pv & xh;
    if (ph & top) score++;
    else if (mh & top) score--;
    ph = (ph << 1) | 1;
    pv = (mh << 1) | ~(xv | ph);
    mv = ph & xv;
  }
  clearPeq(pattern);
  return score;
}

/** The plain dynamic programme (long strings, and the tests' oracle). */
export function editDistanceTable(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (ROW_A.length <= b.length) {
    ROW_A = new Int32Array(b.length * 2 + 1);
    ROW_B = new Int32Array(b.length * 2 + 1);
  }
  let prev = ROW_A;
  let cur = ROW_B;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ac = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      let v = prev[j - 1]! + (ac === b.charCodeAt(j - 1) ? 0 : 1);
      const d = prev[j]! + 1;
      if (d < v) v = d;
      const ins = cur[j - 1]! + 1;
      if (ins < v) v = ins;
      cur[j] = v;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[b.length]!;
}

/** Similarity in [0, 1] of two strings by edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}

/**
 * Mean similarity of the dataset's normalised prefix/suffix to the page text around [start, end),
 * or null when the anchor has no context. One space at the junction is skipped on the page side:
 * normalisation drops the line break that ends a seed's prefix (or starts its suffix), while the
 * page has a space there for its block boundary.
 */
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number | null {
  // Only the context's reach is read (and the junction space beside it): that stretch as code units.
  const from = Math.max(0, start - prefix.length - 1);
  const to = Math.min(text.length, end + suffix.length + 1);
  return contextSimilarityUnits(unitsOf(text.slice(from, to)), start - from, end - from, prefix, suffix);
}

/**
 * `contextSimilarity` on the page text as UTF-16 code units, the engine's form (decoding the whole
 * page to a string costs Chromium ~1.5 µs per 1,000 characters). An identical context (the common
 * case on a copy of the source) is recognised in place, without building a string.
 */
export function contextSimilarityUnits(codes: Uint16Array, start: number, end: number, prefix: string, suffix: string): number | null {
  let n = 0;
  let sum = 0;
  if (prefix) {
    const e = start > 0 && codes[start - 1] === 32 ? start - 1 : start;
    const at = e - prefix.length;
    sum += at >= 0 && unitsHold(codes, at, prefix) ? 1 : similarity(prefix, unitsToString(codes, Math.max(0, at), e));
    n++;
  }
  if (suffix) {
    const b = end < codes.length && codes[end] === 32 ? end + 1 : end;
    sum += unitsHold(codes, b, suffix) ? 1 : similarity(suffix, unitsToString(codes, b, Math.min(codes.length, b + suffix.length)));
    n++;
  }
  return n ? sum / n : null;
}

/** Whether `codes` holds `s` at `at`. */
export function unitsHold(codes: Uint16Array, at: number, s: string): boolean {
  const m = s.length;
  if (at < 0 || at + m > codes.length) return false;
  for (let i = 0; i < m; i++) if (codes[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** codes[from, to) as a string (short stretches: context strings, a match's surroundings). */
export function unitsToString(codes: Uint16Array, from: number, to: number): string {
  return String.fromCharCode.apply(null, codes.subarray(from, to) as unknown as number[]);
}

export interface ScoredMatch extends ApproxMatch {
  /** 1 − errors / pattern length. */
  quoteScore: number;
  /** Mean similarity of the dataset's prefix/suffix to the text around the match (null: no context). */
  contextScore: number | null;
  /** Combined score in [0, 1]. */
  score: number;
}

/** Weights of the combined score: the quote itself dominates; context breaks ties and vetoes. */
export const QUOTE_WEIGHT = 0.7;
export const CONTEXT_WEIGHT = 0.3;

export function scoreMatch(
  text: string | Uint16Array,
  match: ApproxMatch,
  pattern: string,
  prefix: string,
  suffix: string,
): ScoredMatch {
  const quoteScore = 1 - match.errors / pattern.length;
  const contextScore =
    typeof text === 'string'
      ? contextSimilarity(text, match.start, match.end, prefix, suffix)
      : contextSimilarityUnits(text, match.start, match.end, prefix, suffix);
  const score = contextScore === null ? quoteScore : QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * contextScore;
  return { ...match, quoteScore, contextScore, score };
}

/**
 * Scratch tables for `bigramWindows`, counts by bigram hash (reused; the entries touched are reset
 * after each call). 4,096 buckets, 16 KB each: small enough to allocate with the module on every
 * page; a window and a pattern touch a few hundred, and a collision only counts an unshared
 * bigram as shared (the filter stays a valid necessary condition, just a little weaker).
 */
const BIGRAM_BITS = 12;
const PAT = new Int32Array(1 << BIGRAM_BITS);
const WIN = new Int32Array(1 << BIGRAM_BITS);

/** Bucket of the bigram s[i] s[i+1]: Fibonacci hashing of the two code units as one 32-bit value. */
function bigramKey(s: string, i: number): number {
  return Math.imul((s.charCodeAt(i) << 16) | s.charCodeAt(i + 1), 0x9e3779b1) >>> (32 - BIGRAM_BITS);
}

/** Scratch: the window text's bigram keys, computed once per call (each is read 2–3 times). */
let KEYS = new Int32Array(512);

/**
 * Cheap necessary condition for `approxSearch(text, pattern, maxErrors, from, to)` to succeed:
 * an edit destroys at most two of the pattern's bigrams, so some window of length m + maxErrors
 * must hold all but 2·maxErrors of them (hash collisions only weaken the bound; it stays valid).
 * O(window) array operations, ~20× cheaper than the cut-off dynamic programme, and it rejects
 * most unrelated windows (same entities, other sentences).
 */
export function bigramFilter(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): boolean {
  return bigramWindows(text, pattern, maxErrors, from, to) !== null;
}

/**
 * The first and last start of a window (m + maxErrors characters from `start`) that passes the
 * bigram condition, or null when none does. Every occurrence with ≤ maxErrors edits starts at a
 * passing window's start, so `approxSearch` over [lo, hi + m + maxErrors) finds what it finds over
 * [from, to), over a shorter stretch of text.
 */
export function bigramWindows(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): { lo: number; hi: number } | null {
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
