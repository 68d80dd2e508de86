/**
 * THE SEAM between notes and the matching engine (issue #6: "reuse the engine's normaliser and
 * matcher"). Highlights are described and re-found with the same visible-text model, normaliser
 * and bounded fuzzy matcher the claim annotator uses (`lib/text/`, `lib/match/`), so a note and a
 * claim on the same words agree on offsets and folding. Notes code imports the engine only
 * through this file; if the engine's API moves, this is the one place to follow it.
 */
import { approxSearch } from '../match/approx-search';
import { scoreMatch } from '../match/score-match';
import { MAX_ERROR_RATE, MIN_FUZZY_CHARS, MIN_QUOTE_SCORE, MIN_SCORE } from '../match/thresholds';
import { normalizeWithMap, toOriginalRange, type Normalized } from '../text/normalize';
import { buildTextModel, pointAt, type TextModel, type TextPoint } from '../text/text-model';

/** Visible text of a subtree and where each contributing Text node starts in it. */
export type VisibleText = TextModel;
/** Folded text with a map from each folded UTF-16 unit back to [start, end) in the input. */
export type NormalizedText = Normalized;
export type { TextPoint };

/** The page's visible text; `exclude` leaves out subtrees (our own shadow hosts). */
export function buildVisibleText(root: Node, exclude?: (el: Element) => boolean): VisibleText {
  return buildTextModel(root, exclude ? { exclude } : {});
}

/** The engine's folding: NFKC, quotes/dashes unified, lower case, whitespace collapsed (none next to CJK). */
export function normalizeText(input: string): NormalizedText {
  return normalizeWithMap(input);
}

/** [start, end) of normalised text → [start, end) of the input. */
export function toInputRange(norm: NormalizedText, start: number, end: number): [number, number] {
  return toOriginalRange(norm, start, end);
}

/** The DOM point of a text offset (`start` bias snaps forward out of a synthetic break, `end` back). */
export function pointAtOffset(model: VisibleText, offset: number, bias: 'start' | 'end'): TextPoint | null {
  return pointAt(model, offset, bias);
}

/**
 * Longest quote given to the edit-distance matcher: its cost is O(errors × page length), and a
 * 20% budget on a multi-paragraph highlight would be too slow on a long page.
 */
export const MAX_EDIT_SEARCH_CHARS = 400;

/**
 * The engine's bounded fuzzy match of a folded quote in folded page text, held to the engine's
 * thresholds (≤ 20% edits, combined quote+context score ≥ 0.75). Null when too short or not close.
 */
export function engineFuzzyFind(
  hay: string,
  quote: string,
  prefix: string,
  suffix: string,
): { start: number; end: number; score: number } | null {
  if (quote.length < MIN_FUZZY_CHARS || quote.length > MAX_EDIT_SEARCH_CHARS) return null;
  const match = approxSearch(hay, quote, Math.floor(quote.length * MAX_ERROR_RATE));
  if (!match) return null;
  const scored = scoreMatch(hay, match, quote, prefix, suffix);
  if (scored.quoteScore < MIN_QUOTE_SCORE || scored.score < MIN_SCORE) return null;
  return { start: scored.start, end: scored.end, score: scored.score };
}
