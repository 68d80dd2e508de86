import type { NoteTarget } from '../storage/db';
import { engineFuzzyFind, MAX_EDIT_SEARCH_CHARS, normalizeText, toInputRange, type NormalizedText } from './engine';

/**
 * Re-anchoring: find a saved highlight in the page's current visible text.
 *
 *  1. position: the TextPositionSelector still points at the exact text (page unchanged);
 *  2. exact: the quote occurs verbatim elsewhere; the occurrence whose prefix/suffix agree best
 *     (then the one nearest the old position) wins;
 *  3. normalized: the same, after folding (width, case, whitespace) on both sides;
 *  4. fuzzy: the quote was edited a little. Up to 400 characters: the claim engine's bounded
 *     edit-distance matcher with its thresholds (engine.ts). Longer highlights: a window of similar
 *     length that starts or ends like the quote and is similar enough (character-bigram Dice ≥ 0.6).
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
  private norm: NormalizedText | null = null;
  constructor(
    readonly text: string,
    private readonly normalize: (s: string) => NormalizedText = normalizeText,
  ) {}
  get normalized(): NormalizedText {
    return (this.norm ??= this.normalize(this.text));
  }
  fold(s: string): string {
    return this.normalize(s).text;
  }
}

const MAX_OCCURRENCES = 1000;
export const MIN_FUZZY_LENGTH = 8;
export const FUZZY_THRESHOLD = 0.6;

function occurrences(haystack: string, needle: string, limit = MAX_OCCURRENCES): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = haystack.indexOf(needle); i >= 0 && found.length < limit; i = haystack.indexOf(needle, i + 1)) {
    found.push(i);
  }
  return found;
}

/** Characters of `prefix` that end right before `at`, plus characters of `suffix` right after `end`. */
function contextScore(text: string, at: number, end: number, prefix: string, suffix: string): number {
  let p = 0;
  while (p < prefix.length && at - p - 1 >= 0 && text[at - p - 1] === prefix[prefix.length - p - 1]) p++;
  let s = 0;
  while (s < suffix.length && end + s < text.length && text[end + s] === suffix[s]) s++;
  return p + s;
}

function best(
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
    const score = contextScore(text, at, at + length, prefix, suffix);
    const distance = hint === null ? 0 : Math.abs(at - hint);
    if (score > chosenScore || (score === chosenScore && distance < chosenDistance)) {
      chosen = at;
      chosenScore = score;
      chosenDistance = distance;
    }
  }
  return chosen;
}

function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) {
    const g = s.slice(i, i + 2);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Sørensen–Dice over character bigrams: 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  for (const [g, n] of A) common += Math.min(n, B.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** Fuzzy search of a long quote in folded text by head/tail windows; a folded [start, end) or null. */
export function windowFuzzyFind(
  hay: string,
  quote: string,
  prefix: string,
  suffix: string,
  hint: number | null,
): { start: number; end: number; score: number } | null {
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
  let found: { start: number; end: number; score: number } | null = null;
  for (const [s, e] of windows) {
    // Context agreement breaks ties between equally similar windows (repeated boilerplate).
    const sim = similarity(hay.slice(s, e), quote);
    const score = sim + contextScore(hay, s, e, prefix, suffix) / 1000 - (hint === null ? 0 : Math.abs(s - hint) / 1e9);
    if (sim >= FUZZY_THRESHOLD && (!found || score > found.score)) found = { start: s, end: e, score };
  }
  return found;
}

/** Finds `target` in `page`; null means orphan. */
export function anchorTarget(page: PageText, target: NoteTarget): Anchored | null {
  const { exact, prefix, suffix } = target.quote;
  const text = page.text;
  const pos = target.position;
  if (pos && text.slice(pos.start, pos.end) === exact) return { start: pos.start, end: pos.end, method: 'position' };

  const hint = pos?.start ?? null;
  const at = best(text, occurrences(text, exact), exact.length, prefix, suffix, hint);
  if (at !== null) return { start: at, end: at + exact.length, method: 'exact' };

  const norm = page.normalized;
  const nExact = page.fold(exact);
  if (!nExact) return null;
  const nPrefix = page.fold(prefix);
  const nSuffix = page.fold(suffix);
  // The hint is in raw offsets; folding rarely moves text far, so it still orders candidates.
  const nAt = best(norm.text, occurrences(norm.text, nExact), nExact.length, nPrefix, nSuffix, hint);
  if (nAt !== null) {
    const [start, end] = toInputRange(norm, nAt, nAt + nExact.length);
    return { start, end, method: 'normalized' };
  }

  const fuzzy =
    nExact.length > MAX_EDIT_SEARCH_CHARS
      ? windowFuzzyFind(norm.text, nExact, nPrefix, nSuffix, hint)
      : engineFuzzyFind(norm.text, nExact, nPrefix, nSuffix);
  if (fuzzy) {
    let [start, end] = toInputRange(norm, fuzzy.start, fuzzy.end);
    // A window is cut by length, so it may begin or end on the space next to the words.
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    return { start, end, method: 'fuzzy' };
  }
  return null;
}
