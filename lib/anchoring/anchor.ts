import type { NoteTarget } from './types';
import { normalizeWithMap, toOriginalRange, type Normalized } from '../text/normalize';
import { bestByContext, fuzzyFindByEdits, fuzzyFindByWindows, MAX_EDIT_SEARCH_CHARS, occurrences } from './find-quote';

/**
 * Re-anchoring: find a saved highlight in the page's current visible text.
 *
 *  1. position: the TextPositionSelector still points at the exact text (page unchanged);
 *  2. exact: the quote occurs verbatim elsewhere; the occurrence whose prefix/suffix agree best
 *     (then the one nearest the old position) wins;
 *  3. normalized: the same, after folding (width, case, whitespace) on both sides, with the claim
 *     matcher's normaliser, so a note and a claim on the same words agree on offsets and folding;
 *  4. fuzzy: the quote was edited a little. Up to 400 characters: the claim matcher's bounded
 *     edit-distance search with its thresholds. Longer highlights: a window of similar length that
 *     starts or ends like the quote and is similar enough (character-bigram Dice ≥ 0.6). See find-quote.ts.
 * No result means an orphan: the caller keeps and lists it, never drops it.
 */

export type AnchorMethod = 'position' | 'exact' | 'normalized' | 'fuzzy';

export interface Anchored {
  /** [start, end) in the page text. */
  start: number;
  end: number;
  method: AnchorMethod;
}

/** A page's text plus its folded form, computed once and shared by every highlight on the page. */
export class PageText {
  private norm: Normalized | null = null;
  constructor(
    readonly text: string,
    private readonly normalize: (s: string) => Normalized = normalizeWithMap,
  ) {}
  get normalized(): Normalized {
    return (this.norm ??= this.normalize(this.text));
  }
  fold(s: string): string {
    return this.normalize(s).text;
  }
}

/** Finds `target` in `page`; null means orphan. */
export function anchorTarget(page: PageText, target: NoteTarget): Anchored | null {
  const { exact, prefix, suffix } = target.quote;
  const text = page.text;
  const pos = target.position;
  if (pos && text.slice(pos.start, pos.end) === exact) return { start: pos.start, end: pos.end, method: 'position' };

  const hint = pos?.start ?? null;
  const at = bestByContext(text, occurrences(text, exact), exact.length, prefix, suffix, hint);
  if (at !== null) return { start: at, end: at + exact.length, method: 'exact' };

  const norm = page.normalized;
  const nExact = page.fold(exact);
  if (!nExact) return null;
  const nPrefix = page.fold(prefix);
  const nSuffix = page.fold(suffix);
  // The hint is in raw offsets; folding rarely moves text far, so it still orders candidates.
  const nAt = bestByContext(norm.text, occurrences(norm.text, nExact), nExact.length, nPrefix, nSuffix, hint);
  if (nAt !== null) {
    const [start, end] = toOriginalRange(norm, nAt, nAt + nExact.length);
    return { start, end, method: 'normalized' };
  }

  const fuzzy =
    nExact.length > MAX_EDIT_SEARCH_CHARS
      ? fuzzyFindByWindows(norm.text, nExact, nPrefix, nSuffix, hint)
      : fuzzyFindByEdits(norm.text, nExact, nPrefix, nSuffix, hint);
  if (fuzzy) {
    let [start, end] = toOriginalRange(norm, fuzzy.start, fuzzy.end);
    // A window is cut by length, so it may begin or end on the space next to the words.
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    return { start, end, method: 'fuzzy' };
  }
  return null;
}
