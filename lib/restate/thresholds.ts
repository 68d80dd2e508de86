/**
 * Restatement-tier thresholds (placeholder values; measured trade-offs are written in once the
 * fixtures exist).
 */

/** Common news words count this much of their idf. */
export const COMMON_WEIGHT = 0.5;

/** BM25 parameters. */
export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** A window shorter than the claim may gain at most this factor from BM25's length normalisation. */
export const MAX_LENGTH_GAIN = 1.25;

/** Sentences per window. */
export const MAX_WINDOW_SENTENCES = 3;

/** Candidates below this score are not examined at all. */
export const CANDIDATE_SCORE = 0.3;
/** Shown as "possibly related" (badge list only) from this score on. */
export const LOW_SCORE = 0.35;
/** Highlighted from this score on. */
export const HIGH_SCORE = 0.4;
/** A highlighted match on a page where its story is not recognised needs this much. */
export const STANDALONE_SCORE = 0.65;
/** Shared terms other than names (names alone are not a restatement). */
export const MIN_CONTENT_TERMS = 2;

/** A story's event sentence: score against the story's event text. */
export const EVENT_SCORE = 0.4;
/** Sentences at the top of the article (headline, lead) where a story is announced. */
export const LEAD_SENTENCES = 5;
/** Claims of a story matched (either tier) that make the story without an event sentence. */
export const STORY_CLAIMS = 2;
/** Paragraphs before a quotation's where its speaker may be named ("… , LeCun said." / "“…”"). */
export const CONTEXT_PARAGRAPHS = 2;
/** A quotation's score counts this much more when it and another claim of its speaker share a passage. */
export const QUOTE_PREFERENCE = 1.1;
