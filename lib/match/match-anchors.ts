/**
 * Matching in the page's normalised text: the prefilter's candidate clusters, best-supported
 * first, each checked exactly at its seeded positions, else by a bounded fuzzy search (behind two
 * lossless filters) scored with its context, held to the thresholds; the best hit per anchor, one
 * hit per claim and place.
 */

import type { CompiledIndex } from '../index/format';
import { decodeUnits, unitsHold, unitsOf } from '../text/code-units';
import { approxSearch } from './approx-search';
import { bigramWindows } from './bigram-filter';
import { blocksFilter } from './block-filter';
import { contextSimilarityUnits } from './context-similarity';
import { findCandidates, worthFuzzy, type Candidate } from './prefilter';
import { combinedScore, scoreMatch } from './score-match';
import {
  CONTEXT_FOR_SHORT_EXACT,
  MAX_ERROR_RATE,
  MAX_FUZZY_CLUSTERS,
  MIN_FUZZY_CHARS,
  MIN_QUOTE_SCORE,
  MIN_SCORE,
  MIN_TEXT_FALLBACK_SCORE,
  SHORT_EXACT_CHARS,
} from './thresholds';
import type { Annotation } from './types';

/** A match of one anchor: [start, end) in the normalised text. */
export interface Hit {
  anchor: number;
  start: number;
  end: number;
  score: number;
  method: Annotation['method'];
}

/**
 * Clusters with at least this share of their anchor's seeds skip the block filter (a cost choice,
 * not a threshold). On the fixture pages every true fuzzy match hit 7–8 of 8 seeds and the
 * clusters that came to nothing 3–5.
 */
const STRONG_CLUSTER_SHARE = 0.75;

/** Candidates matched between two yields of the stepwise engine (each ≤ ~0.1 ms). */
const MATCH_STEP = 16;

/** Run a step generator to completion. */
export function finish<T>(steps: Generator<unknown, T, undefined>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Best match of each candidate anchor in the normalised text `text` (`codes`: the same as code units). */
export function matchAnchors(text: string, index: CompiledIndex, language: 'ja' | 'en' | undefined, codes?: Uint16Array): Hit[] {
  return finish(matchAnchorsSteps(codes ?? unitsOf(text), index, language, text));
}

/** `matchAnchors` as steps: yields after the prefilter and every MATCH_STEP candidates. */
export function* matchAnchorsSteps(
  codes: Uint16Array,
  index: CompiledIndex,
  language: 'ja' | 'en' | undefined,
  text?: string,
): Generator<unknown, Hit[], undefined> {
  const candidates = findCandidates(codes, index);
  yield;
  const matcher = new CandidateMatcher(codes, index, language, text);
  for (let ci = 0; ci < candidates.length; ci++) {
    if (ci > 0 && ci % MATCH_STEP === 0) yield;
    matcher.match(candidates[ci]!);
  }
  return matcher.hits();
}

/**
 * Exact and fuzzy matching of prefilter candidates, best-supported first, keeping the best hit per
 * anchor. A class rather than the generator's locals: the per-candidate work runs as ordinary
 * (optimisable) code, and the stepwise caller only decides when to yield.
 */
class CandidateMatcher {
  private readonly best = new Map<number, Hit>();
  /** The page's normalised text as a string, decoded on first need (see `text`). */
  private str: string | undefined;
  private readonly fuzzyTries = new Map<number, number>();
  private readonly claimsHit = new Set<number>();
  /**
   * The text.en fallback needs its speaker named on the page. Asked only of a fallback that would
   * otherwise be kept or searched (each ask is a few substring searches over the page), once per speaker.
   */
  private readonly speakerNamed = new Map<string, boolean>();

  constructor(
    private readonly codes: Uint16Array,
    private readonly index: CompiledIndex,
    private readonly language: 'ja' | 'en' | undefined,
    text?: string,
  ) {
    this.str = text;
  }

  /**
   * The whole text as a string, for the text fallback's speaker check only: decoding costs Chromium
   * ~1.5 µs per 1,000 characters, so exact checks and context scoring read the code units, and a
   * fuzzy search decodes its stretch only.
   */
  private get text(): string {
    return (this.str ??= decodeUnits(this.codes));
  }

  /** `text.slice(from, to)`, without decoding the whole text for it. */
  private slice(from: number, to: number): string {
    return this.str !== undefined ? this.str.slice(from, to) : decodeUnits(this.codes.subarray(from, to));
  }

  private named(claim: number): boolean {
    const speakerId = this.index.claims[claim]!.speakerId;
    let v = this.speakerNamed.get(speakerId);
    if (v === undefined) {
      const aliases = this.index.speakers[speakerId]?.aliases ?? [];
      v = aliases.some((al) => al.length >= 2 && this.text.includes(al));
      this.speakerNamed.set(speakerId, v);
    }
    return v;
  }

  private consider(h: Hit): void {
    const cur = this.best.get(h.anchor);
    if (!cur || h.score > cur.score) this.best.set(h.anchor, h);
    if (h.method !== 'text') this.claimsHit.add(this.index.anchors[h.anchor]!.c);
  }

  match(cand: Candidate): void {
    const { codes, index } = this;
    const a = index.anchors[cand.anchor]!;
    const m = a.exact.length;
    if (a.kind === 'text' && this.language !== 'en') return;

    // Exact, at a seeded position.
    let exactFound = false;
    for (const s of cand.starts) {
      if (s < 0 || !unitsHold(codes, s, a.exact)) continue;
      exactFound = true;
      if (a.kind === 'text' && !this.named(a.c)) break;
      const ctx = contextSimilarityUnits(codes, s, s + m, a.prefix, a.suffix);
      if (m < SHORT_EXACT_CHARS && ctx !== null && ctx < CONTEXT_FOR_SHORT_EXACT) continue;
      this.consider({ anchor: cand.anchor, start: s, end: s + m, score: combinedScore(1, ctx), method: a.kind === 'text' ? 'text' : 'exact' });
    }
    if (exactFound || m < MIN_FUZZY_CHARS || !worthFuzzy(cand, m, a.g.length)) return;
    // Lossless skips: an anchor already found exactly keeps that hit (a fuzzy one scores lower),
    // and the text.en fallback is dropped for a claim that has an anchor hit.
    if (this.best.get(cand.anchor)?.method === 'exact') return;
    if (a.kind === 'text' && (this.claimsHit.has(a.c) || !this.named(a.c))) return;

    // Fuzzy, in a window around the cluster.
    const tries = this.fuzzyTries.get(cand.anchor) ?? 0;
    if (tries >= MAX_FUZZY_CLUSTERS) return;
    this.fuzzyTries.set(cand.anchor, tries + 1);
    const k = Math.floor(MAX_ERROR_RATE * m);
    const from = Math.max(0, cand.starts[0]! - k);
    const to = Math.min(codes.length, cand.starts[cand.starts.length - 1]! + m + k);
    // The filters and the search read only [from, to): they run on that stretch alone, offsets
    // shifted by `from`.
    const stretch = this.slice(from, to);
    // Two lossless filters before the block search (~3 µs for a 110-character anchor in Chromium):
    // only the windows that pass the bigram count can hold a match (this also narrows the
    // search), and the anchor's 32-character blocks must recur, in order, within the error budget
    // (~1.5 µs; it rejects reports of the same story, which share phrases but not sentences).
    // Being lossless, neither changes a result; their order is a cost choice. The bigram count is
    // selective over Japanese's large alphabet but lets same-story English through, so English
    // anchors take the block filter first. Strong clusters, nearly always true copies, skip the
    // block filter, which would only delay them.
    const weak = cand.hits < STRONG_CLUSTER_SHARE * a.g.length;
    if (weak && a.lang === 'en' && !blocksFilter(stretch, a.exact, k)) return;
    const win = bigramWindows(stretch, a.exact, k);
    if (!win) return;
    const end = Math.min(stretch.length, win.hi + m + k);
    if (weak && a.lang !== 'en' && !blocksFilter(stretch, a.exact, k, win.lo, end)) return;
    const near = approxSearch(stretch, a.exact, k, win.lo, end);
    if (!near) return;
    const found = { start: near.start + from, end: near.end + from, errors: near.errors };
    const scored = scoreMatch(codes, found, a.exact, a.prefix, a.suffix);
    const minQuote = a.kind === 'text' ? MIN_TEXT_FALLBACK_SCORE : MIN_QUOTE_SCORE;
    if (scored.quoteScore < minQuote || scored.score < MIN_SCORE) return;
    this.consider({ anchor: cand.anchor, start: found.start, end: found.end, score: scored.score, method: a.kind === 'text' ? 'text' : 'fuzzy' });
  }

  /**
   * One hit per claim and place, in page order: overlapping hits of the same claim keep the best;
   * the text fallback is dropped for a claim that has an anchor hit.
   */
  hits(): Hit[] {
    const hits = [...this.best.values()].sort((x, y) => y.score - x.score);
    const kept: Hit[] = [];
    const keptByClaim = new Map<number, Hit[]>();
    for (const h of hits) {
      const c = this.index.anchors[h.anchor]!.c;
      const same = keptByClaim.get(c);
      const clash = same?.some((k) => h.method === 'text' || k.method === 'text' || (h.start < k.end && k.start < h.end));
      if (clash) continue;
      kept.push(h);
      if (same) same.push(h);
      else keptByClaim.set(c, [h]);
    }
    return kept.sort((x, y) => x.start - y.start);
  }
}
