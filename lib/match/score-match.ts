/**
 * The score of a match: the quote itself weighed against its prefix/suffix context, like the
 * Hypothesis client's TextQuoteSelector anchoring, but — unlike it — the caller rejects anything
 * under a minimum score (see `thresholds.ts`).
 */

import type { ApproxMatch } from './approx-search';
import { contextSimilarity, contextSimilarityUnits } from './context-similarity';

export interface ScoredMatch extends ApproxMatch {
  /** 1 − errors / pattern length. */
  quoteScore: number;
  /** Mean similarity of the dataset's prefix/suffix to the text around the match (null: no context). */
  contextScore: number | null;
  /** Combined score in [0, 1]. */
  score: number;
}

/** Weights of the combined score: the quote itself dominates; context breaks ties and vetoes. */
export const QUOTE_WEIGHT = 0.7;
export const CONTEXT_WEIGHT = 0.3;

/** The combined score of a quote score and a context score (null: no context, the quote alone). */
export function combinedScore(quoteScore: number, contextScore: number | null): number {
  return contextScore === null ? quoteScore : QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * contextScore;
}

export function scoreMatch(
  text: string | Uint16Array,
  match: ApproxMatch,
  pattern: string,
  prefix: string,
  suffix: string,
): ScoredMatch {
  const quoteScore = 1 - match.errors / pattern.length;
  const contextScore =
    typeof text === 'string'
      ? contextSimilarity(text, match.start, match.end, prefix, suffix)
      : contextSimilarityUnits(text, match.start, match.end, prefix, suffix);
  return { ...match, quoteScore, contextScore, score: combinedScore(quoteScore, contextScore) };
}
