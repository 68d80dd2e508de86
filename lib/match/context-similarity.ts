/**
 * How well a match's surroundings agree with the context recorded beside its quote (the
 * dataset's normalised prefix/suffix of an anchor).
 */

import { unitsHold, unitsOf, unitsToString } from '../text/code-units';
import { editSimilarity } from './edit-distance';

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
    sum += at >= 0 && unitsHold(codes, at, prefix) ? 1 : editSimilarity(prefix, unitsToString(codes, Math.max(0, at), e));
    n++;
  }
  if (suffix) {
    const b = end < codes.length && codes[end] === 32 ? end + 1 : end;
    sum += unitsHold(codes, b, suffix) ? 1 : editSimilarity(suffix, unitsToString(codes, b, Math.min(codes.length, b + suffix.length)));
    n++;
  }
  return n ? sum / n : null;
}
