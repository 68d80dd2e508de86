/**
 * Finding a highlight's quote in a page's text: every exact occurrence, the one whose context
 * agrees best, and two fuzzy searches for an edited quote (re-anchoring's steps, anchor.ts).
 */

import { approxSearch, type ApproxMatch } from '../match/approx-search';
import { contextSimilarity } from '../match/context-similarity';
import { scoreMatch } from '../match/score-match';
import { MAX_ERROR_RATE, MIN_FUZZY_CHARS, MIN_QUOTE_SCORE, MIN_SCORE } from '../match/thresholds';

const MAX_OCCURRENCES = 1000;

/** Start of every occurrence of `needle` in `haystack` (at most `limit`). */
export function occurrences(haystack: string, needle: string, limit = MAX_OCCURRENCES): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i >= 0 && found.length < limit; i = haystack.indexOf(needle, i + 1)) {
    found.push(i);
  }
  return found;
}

/**
 * Of `starts` (occurrences of a `length`-character quote), the one whose context agrees best (the
 * claim matcher's context scorer, lib/match/context-similarity.ts), then the nearest to `hint`,
 * then the first.
 */
export function bestByContext(
  text: string,
  starts: number[],
  length: number,
  prefix: string,
  suffix: string,
  hint: number | null,
): number | null {
  let chosen: number | null = null;
  let chosenScore = -1;
  let chosenDistance = Infinity;
  for (const at of starts) {
    const score = contextSimilarity(text, at, at + length, prefix, suffix) ?? 0;
    const distance = hint === null ? 0 : Math.abs(at - hint);
    if (score > chosenScore || (score === chosenScore && distance < chosenDistance)) {
      chosen = at;
      chosenScore = score;
      chosenDistance = distance;
    }
  }
  return chosen;
}

/** A fuzzy find: [start, end) in the folded text, and its score. */
export interface FuzzyFound {
  start: number;
  end: number;
  score: number;
}

/**
 * Longest quote given to the edit-distance search: its cost is O(errors × page length), and a
 * 20% budget on a multi-paragraph highlight would be too slow on a long page.
 */
export const MAX_EDIT_SEARCH_CHARS = 400;

/**
 * At most this many close occurrences of one quote are scored (each costs a search of the text
 * left beside the others): a quote repeated more often than this on a page is boilerplate.
 */
const MAX_FUZZY_OCCURRENCES = 16;

/**
 * The claim matcher's bounded fuzzy search (lib/match/) of a folded quote in folded page text, held
 * to its thresholds (≤ 20% edits, combined quote+context score ≥ 0.75), so a note and a claim on
 * the same words agree. Every close occurrence is scored, as exact ones are: the best combined
 * score wins, then the nearest to `hint`, then the first. Null when too short, too long
 * (MAX_EDIT_SEARCH_CHARS) or not close.
 */
export function fuzzyFindByEdits(hay: string, quote: string, prefix: string, suffix: string, hint: number | null): FuzzyFound | null {
  if (quote.length < MIN_FUZZY_CHARS || quote.length > MAX_EDIT_SEARCH_CHARS) return null;
  let found: FuzzyFound | null = null;
  let foundDistance = Infinity;
  for (const match of closeOccurrences(hay, quote, Math.floor(quote.length * MAX_ERROR_RATE))) {
    const scored = scoreMatch(hay, match, quote, prefix, suffix);
    if (scored.quoteScore < MIN_QUOTE_SCORE || scored.score < MIN_SCORE) continue;
    const distance = hint === null ? 0 : Math.abs(scored.start - hint);
    if (!found || scored.score > found.score || (scored.score === found.score && (distance < foundDistance || (distance === foundDistance && scored.start < found.start)))) {
      found = { start: scored.start, end: scored.end, score: scored.score };
      foundDistance = distance;
    }
  }
  return found;
}

/**
 * Non-overlapping occurrences of `quote` in `hay` with at most `maxErrors` edits (up to
 * MAX_FUZZY_OCCURRENCES): the best one, then the best of the text on either side of it, and so on.
 */
function closeOccurrences(hay: string, quote: string, maxErrors: number): ApproxMatch[] {
  const found: ApproxMatch[] = [];
  const stretches: [number, number][] = [[0, hay.length]];
  while (stretches.length && found.length < MAX_FUZZY_OCCURRENCES) {
    const [from, to] = stretches.pop()!;
    if (to - from < quote.length - maxErrors) continue;
    const m = approxSearch(hay, quote, maxErrors, from, to);
    if (!m) continue;
    found.push(m);
    stretches.push([m.end, to], [from, m.start]);
  }
  return found;
}

export const MIN_FUZZY_LENGTH = 8;
export const FUZZY_THRESHOLD = 0.6;

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function bigramDice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  for (const [g, n] of A) common += Math.min(n, B.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/**
 * Fuzzy search of a long quote (beyond MAX_EDIT_SEARCH_CHARS) in folded text: a window of similar
 * length that starts or ends like the quote and is similar enough (bigram Dice ≥ FUZZY_THRESHOLD).
 */
export function fuzzyFindByWindows(hay: string, quote: string, prefix: string, suffix: string, hint: number | null): FuzzyFound | null {
  if (quote.length < MIN_FUZZY_LENGTH) return null;
  const k = Math.min(16, Math.max(4, Math.floor(quote.length / 3)));
  const head = quote.slice(0, k);
  const tail = quote.slice(-k);
  const heads = occurrences(hay, head, 200);
  const tails = occurrences(hay, tail, 200).map((t) => t + k);
  const windows: [number, number][] = [];
  const minLen = quote.length * 0.5;
  const maxLen = quote.length * 1.5;
  for (const h of heads) {
    windows.push([h, Math.min(hay.length, h + quote.length)]);
    for (const t of tails) if (t - h >= minLen && t - h <= maxLen) windows.push([h, t]);
  }
  for (const t of tails) windows.push([Math.max(0, t - quote.length), t]);
  let found: FuzzyFound | null = null;
  for (const [s, e] of windows) {
    // Context agreement (≤ 0.001) and nearness to the hint only order windows of (nearly) equal
    // similarity (repeated boilerplate): one bigram of Dice is worth ≥ 0.0008 up to 1,000-character quotes.
    const sim = bigramDice(hay.slice(s, e), quote);
    const score = sim + (contextSimilarity(hay, s, e, prefix, suffix) ?? 0) / 1000 - (hint === null ? 0 : Math.abs(s - hint) / 1e9);
    if (sim >= FUZZY_THRESHOLD && (!found || score > found.score)) found = { start: s, end: e, score };
  }
  return found;
}
