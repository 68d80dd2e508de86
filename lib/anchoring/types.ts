/**
 * What a highlight is described by: W3C Web Annotation selectors over the page's visible text
 * (lib/text/text-model.ts). Anchoring owns these types; storage keeps them as they are here.
 */

/** W3C Web Annotation TextQuoteSelector: the highlighted text plus up to 32 characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector: [start, end) in the page's `document.body.textContent`,
 * counted in UTF-16 code units, as the DOM (and Hypothesis) count them, so another tool reading
 * the page's text finds the same offsets (schema v3; v2 counted Counterpoint's own visible text).
 * Only ever a hint: a reader verifies the quote at the position before trusting it. The anchorer
 * reads it mapped into the visible text (text-position.ts, reanchor.ts).
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/**
 * What a note points at. A quote is always present for a highlight; the position is only a hint
 * (pages change), so it may be missing. Page-level notes from schema v1 have no target at all.
 */
export interface NoteTarget {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
}

/** What re-anchoring reads of a saved note (storage's notes are one such): where it was made and what it points at. */
export interface AnchorableNote {
  url: string;
  target: NoteTarget | null;
}
