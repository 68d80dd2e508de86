/**
 * How well a match's surroundings agree with the context recorded beside its quote: the one
 * context scorer of claims (the dataset's normalised prefix/suffix of an anchor) and of notes
 * (the 32 characters either side of a highlight, raw or folded).
 */

import { unitsHold, unitsOf, unitsToString } from '../text/code-units';
import { editSimilarity } from './edit-distance';

/**
 * Whitespace at the junction of a context and its quote: what the text model writes between
 * blocks ("\n"), what pages write (space, tab, NBSP, the ideographic space), and the normaliser's
 * one space.
 */
function isBlank(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 0xa0 || c === 0x3000;
}

/**
 * Mean similarity (1 − edit distance / length) of the recorded prefix/suffix to the page text
 * around [start, end), or null when there is no context.
 *
 * One blank at the junction is set aside on each side, so a context agrees whether or not it
 * kept the space next to the quote: normalisation drops the line break that ends a seed's prefix
 * (or starts its suffix) while the page has a space there for its block boundary; a note's raw
 * prefix ends with the space before the quote; a prefix written by hand ("we had nothing", for
 * the words after "we had nothing ") usually has none. Without this, a one-character shift of the
 * whole context costs two edits and can send a repeated phrase to the wrong occurrence.
 */
export function contextSimilarity(text: string, start: number, end: number, prefix: string, suffix: string): number | null {
  // Only the context's reach is read (and the junction blank beside it): that stretch as code units.
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
  // The contexts' own junction blank (never there in a normalised anchor's: no string is built then).
  const p = prefix && isBlank(prefix.charCodeAt(prefix.length - 1)) ? prefix.slice(0, -1) : prefix;
  const s = suffix && isBlank(suffix.charCodeAt(0)) ? suffix.slice(1) : suffix;
  if (p) {
    const e = start > 0 && isBlank(codes[start - 1]!) ? start - 1 : start;
    const at = e - p.length;
    sum += at >= 0 && unitsHold(codes, at, p) ? 1 : editSimilarity(p, unitsToString(codes, Math.max(0, at), e));
    n++;
  }
  if (s) {
    const b = end < codes.length && isBlank(codes[end]!) ? end + 1 : end;
    sum += unitsHold(codes, b, s) ? 1 : editSimilarity(s, unitsToString(codes, b, Math.min(codes.length, b + s.length)));
    n++;
  }
  return n ? sum / n : null;
}
