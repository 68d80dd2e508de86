/**
 * Bounded approximate search of a quote in text.
 *
 * `approxSearch` is Sellers' semi-global edit distance (the pattern must match whole, it may start
 * anywhere in the text window), computed with Myers' bit-vector algorithm in 32-row blocks: one
 * column of the DP matrix costs ⌈m/32⌉ word operations, so a 150-character anchor over a
 * 250-character window is ~1,300 word steps instead of ~20,000 cells. The start of the best match
 * is recovered by an anchored search backwards from its end. The plain dynamic programme (with
 * Ukkonen's cut-off) is the tests' oracle: tests/helpers/approx-search-reference.ts.
 */

import { PatternMasks } from './pattern-masks';

export interface ApproxMatch {
  /** Start (inclusive) and end (exclusive) in the searched text. */
  start: number;
  end: number;
  /** Edit distance between the pattern and text[start, end). */
  errors: number;
}

/** A match end (forward) or start (reverse), with the fewest errors; `last`: see `BestEnd`. */
export interface EndHit {
  pos: number;
  errors: number;
  last: number;
}

/**
 * Forward: returns the smallest end position (exclusive) with the minimum error count, and in
 * `last` the largest one with that count.
 * Backward (`reverse`): scans text[to-1 … from] with the reversed pattern and returns the start
 * position (inclusive) of the best match ending at `to`; the pattern must end exactly at `to`.
 */
export type BestEnd = (text: string, pattern: string, maxErrors: number, from: number, to: number, reverse: boolean) => EndHit | null;

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
  return searchWith(bestEndBits, text, pattern, maxErrors, from, to);
}

/**
 * `approxSearch` around any `BestEnd` (the tests run it with the plain dynamic programme): the
 * best end, then the start by an anchored backward search.
 */
export function searchWith(bestEnd: BestEnd, text: string, pattern: string, maxErrors: number, from: number, to: number): ApproxMatch | null {
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

// Scratch of the block scan (grown on demand): per block, its vertical deltas (Myers' Pv/Mv) and
// the distance D at its last row in the current column (the cut-off's bookkeeping).
let PV = new Int32Array(8);
let MV = new Int32Array(8);
let SCORE = new Int32Array(8);
const MASKS = new PatternMasks();

/**
 * `BestEnd` with Myers' algorithm (blocks of 32 pattern rows; Hyyrö's formulation of the block
 * step with the horizontal delta carried between blocks).
 */
function bestEndBits(
  text: string,
  pattern: string,
  maxErrors: number,
  from: number,
  to: number,
  reverse: boolean,
): EndHit | null {
  const m = pattern.length;
  const k = Math.min(maxErrors, m);
  const nb = (m + 31) >>> 5;
  MASKS.build(pattern, nb, reverse);
  try {
    return bestEndBitsScan(text, m, k, nb, from, to, reverse);
  } finally {
    MASKS.clear(pattern);
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
): EndHit | null {
  const peq = MASKS.masks;
  const PEQ_ROW = MASKS.rows();
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
  let best: EndHit | null = null;
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
