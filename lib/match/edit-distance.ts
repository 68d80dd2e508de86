/**
 * Levenshtein distance, and the similarity ratio built on it.
 */

import { PatternMasks } from './pattern-masks';

const MASKS = new PatternMasks();

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

/**
 * Global edit distance for a pattern of 1 to 32 characters (one 32-bit block, row 0 = +1 per
 * column). Myers' one-word step is written out, as in block-filter.ts: see there.
 */
function editDistanceWord(pattern: string, text: string): number {
  const m = pattern.length;
  MASKS.build(pattern, 1, false);
  const PEQ_ROW = MASKS.rows();
  const peq = MASKS.masks;
  let pv = -1;
  let mv = 0;
  let score = m;
  const top = 1 << (m - 1);
  for (let j = 0; j < text.length; j++) {
    const eq = peq[PEQ_ROW[text.charCodeAt(j)]!]!; // row 0 of the masks is never written: 0 = no match
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
  MASKS.clear(pattern);
  return score;
}

// Scratch rows of the table (grown on demand).
let ROW_A = new Int32Array(64);
let ROW_B = new Int32Array(64);

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

/** Similarity in [0, 1] of two strings: 1 − edit distance / the longer length (1 for two empty strings). */
export function editSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  return len === 0 ? 1 : 1 - editDistance(a, b) / len;
}
