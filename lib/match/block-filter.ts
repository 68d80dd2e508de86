/**
 * A lossless filter before the bit-vector search (approx-search.ts): the anchor's 32-character
 * blocks must recur, in order, within the error budget.
 */

import { PatternMasks } from './pattern-masks';

const MASKS = new PatternMasks();

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
  MASKS.build(pattern, nb, false);
  const PEQ_ROW = MASKS.rows();
  const peq = MASKS.masks;
  let sum = 0;
  for (let b = 0; b < nb && sum <= maxErrors; b++) {
    const first = 32 * b;
    const rows = Math.min(32, m - first);
    const start = Math.max(from, from + first - maxErrors);
    const end = Math.min(to, to - (m - first - rows) + maxErrors);
    const top = 1 << (rows - 1);
    // Semi-global (free start in the text: row 0 is 0 in every column); before any text, D[i] = i.
    // Myers' one-word step, written out here as in edit-distance.ts (deliberately: it is the
    // per-character loop, and the two differ in row 0, free here, +1 per column there).
    let pv = -1;
    let mv = 0;
    let score = rows;
    let best = rows;
    for (let j = start; j < end && best > 0; j++) {
      const r = PEQ_ROW[text.charCodeAt(j)]!;
      const eq = r === 0 ? 0 : peq[r * nb + b]!; // row 0 is not cleared for nb > 1
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
  MASKS.clear(pattern);
  return sum <= maxErrors;
}
