/**
 * Matching thresholds, with the trade-off each one makes. Measured on tests/fixtures
 * (tests/unit/annotate-engine.test.ts): with data/claims.json (79 claims), every anchor on the
 * verbatim pages; 133/139 = 95.7% on the edited copies, the 6 misses all in paragraphs the copies
 * removed; zero annotations on the five negative pages (same entities / unrelated / index).
 */

/**
 * Fuzzy search budget: at most this share of an anchor's characters may be edited. 0.2 covers a
 * reworded word or two and punctuation changes in a 40-character sentence; raising it lets the
 * same-entities/different-statement pages come within reach (precision), lowering it loses
 * lightly edited copies (recall). Cost grows linearly with it (Ukkonen cut-off).
 */
export const MAX_ERROR_RATE = 0.2;

/**
 * Anchors shorter than this (normalised characters) are matched exactly only: a 10-character
 * fuzzy match at 20% error is 2 edits, which an unrelated sentence with the same names can reach.
 */
export const MIN_FUZZY_CHARS = 16;

/**
 * Exact matches of anchors shorter than this need supporting context (CONTEXT_FOR_SHORT_EXACT):
 * a short phrase ("一種の失敗だ") can recur in another article.
 */
export const SHORT_EXACT_CHARS = 20;
export const CONTEXT_FOR_SHORT_EXACT = 0.5;

/**
 * Minimum scores. Hypothesis accepts the best fuzzy match whatever its score, a source of wrong
 * anchors; we reject below these. A fuzzy match needs both a close quote (MIN_QUOTE_SCORE, i.e.
 * ≥ 80% of characters unedited, the search budget above) and a combined quote+context score of
 * MIN_SCORE, so a borderline quote must also sit in a recognisable context.
 */
export const MIN_QUOTE_SCORE = 1 - MAX_ERROR_RATE;
export const MIN_SCORE = 0.75;

/**
 * The `text.en` fallback (an English page reporting a Japanese-only article) has no context and is
 * a translation, so it is held to a stricter quote score and must name the speaker on the page.
 */
export const MIN_TEXT_FALLBACK_SCORE = 0.9;

/** At most this many clusters per anchor get a fuzzy search (bounds cost on repetitive pages). */
export const MAX_FUZZY_CLUSTERS = 3;
