/**
 * The matching pipeline on one document with a given compiled index:
 * detect article → text model of its body (boilerplate excluded) → normalise with offset map →
 * gram prefilter → per candidate anchor: exact at the seeded position, else bounded fuzzy search
 * scored with context → thresholds → DOM ranges.
 */

import { boilerplateFilter } from '../detect/boilerplate';
import { detectArticle } from '../detect/article';
import type { CompiledIndex } from '../index/format';
import { decodeUnits, engineNormalizeScratch, newNormalizeScratch, normalizeUnits, toOriginalRange, unitsOf, type NormalizeScratch } from '../text/normalize';
import { makeRange } from '../text/range';
import { buildTextModel, pointAt } from '../text/text-model';
import { approxSearch, bigramWindows, blocksFilter, contextSimilarityUnits, scoreMatch, unitsHold } from './match-quote';
import { passesGate } from './gate';
import { partition } from './partition';
import { findCandidates, worthFuzzy, type Candidate } from './prefilter';
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
import type { AnnotateOptions, Annotation, AnnotationResult, PartObserver, Speaker } from './types';

interface Hit {
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
/** Ranges built between two yields of the stepwise engine. */
const RANGE_STEP = 32;
/**
 * Article text beyond which the page is annotated in parts (partition.ts): far above any news
 * article (the seed articles are 4–7k characters), so ordinary pages keep the single pass.
 */
const LARGE_PAGE_CHARS = 200_000;
/** Characters per part of a large page: a few ms of text model + normaliser + prefilter each. */
const PART_CHARS = 50_000;

/** Run a step generator to completion. */
function finish<T>(steps: Generator<unknown, T, undefined>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Best match of each candidate anchor in the normalised text `text` (`codes`: the same as code units). */
export function matchAnchors(text: string, index: CompiledIndex, language: 'ja' | 'en' | undefined, codes?: Uint16Array): Hit[] {
  return finish(matchAnchorsSteps(codes ?? unitsOf(text), index, language, text));
}

function* matchAnchorsSteps(
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
      this.consider({ anchor: cand.anchor, start: s, end: s + m, score: ctx === null ? 1 : 0.7 + 0.3 * ctx, method: a.kind === 'text' ? 'text' : 'exact' });
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

/** `annotateDocument` with an explicit index (tests, benchmark, synthetic datasets). */
export function annotateWithIndex(doc: Document, index: CompiledIndex, options: AnnotateOptions = {}): AnnotationResult {
  return finish(annotateWithIndexSteps(doc, index, options));
}

/**
 * The same work as a generator that yields between bounded steps (detection, text model,
 * normalisation, prefilter, every MATCH_STEP candidates, every RANGE_STEP ranges), so a caller can
 * spread it over several tasks (the overlay's `annotateDocumentSteps` seam). The DOM must not
 * change between steps; if it may, start over.
 */
export function* annotateWithIndexSteps(
  doc: Document,
  index: CompiledIndex,
  options: AnnotateOptions = {},
): Generator<unknown, AnnotationResult, undefined> {
  const det = detectArticle(doc);
  const language = det.language;
  if (!det.isArticle || !det.root) return { isArticle: false, language, annotations: [] };
  // Native-only rejection of articles that name nothing of the dataset (see gate.ts).
  const rootText = det.rootText ?? det.root.textContent ?? '';
  if (!passesGate(rootText, index)) return { isArticle: true, language, annotations: [] };
  yield;

  const exclude = boilerplateFilter(det.heading);
  const ownerDoc = det.root.ownerDocument ?? doc;
  if (rootText.length <= LARGE_PAGE_CHARS) {
    const annotations = yield* annotatePart(det.root, undefined, index, language, ownerDoc, exclude, options.afterPart);
    return { isArticle: true, language, annotations };
  }
  const parts = partition(det.root, PART_CHARS, exclude);
  yield;
  const annotations: Annotation[] = [];
  for (const part of parts) {
    annotations.push(...(yield* annotatePart(part.parent, { first: part.first, last: part.last }, index, language, ownerDoc, exclude, options.afterPart)));
    yield;
  }
  return { isArticle: true, language, annotations };
}

/**
 * The normaliser's output buffers, reused from one page (part) to the next: fresh typed arrays per
 * call cost Chromium more than the loop that fills them. Taken while a part is being matched and
 * put back after, so a second run interleaved with a stepwise one (or one abandoned midway)
 * simply allocates its own.
 */
let pooledScratch: NormalizeScratch | null = null;
let engineScratchTaken = false; // engineNormalizeScratch() has been handed out

/** Text model → normalise → match → ranges for one root (or one span of its children). */
function* annotatePart(
  root: Element,
  span: { first: Node; last: Node } | undefined,
  index: CompiledIndex,
  language: 'ja' | 'en' | undefined,
  ownerDoc: Document,
  exclude: (el: Element) => boolean,
  afterPart?: PartObserver,
): Generator<unknown, Annotation[], undefined> {
  const model = buildTextModel(root, { exclude, span });
  yield;
  let scratch = pooledScratch;
  if (!scratch) {
    // The bound engine scratch the first time; a fresh one only if a run was abandoned with it.
    scratch = engineScratchTaken ? newNormalizeScratch() : engineNormalizeScratch();
    engineScratchTaken = true;
  }
  pooledScratch = null;
  const norm = normalizeUnits(model.text, scratch);
  yield;
  const hits = yield* matchAnchorsSteps(norm.codes, index, language);
  if (afterPart) {
    const seen = hits.map((h) => {
      const [start, end] = toOriginalRange(norm, h.start, h.end);
      return { start, end, claim: index.anchors[h.anchor]!.c };
    });
    yield* afterPart.part(model, root, seen);
  }
  if (hits.length === 0) {
    pooledScratch = scratch;
    return [];
  }

  const speaker = (id: string): Speaker => {
    const s = index.speakers[id];
    return { id, name: s ? s.name : { ja: id, en: id } };
  };
  const annotations: Annotation[] = [];
  for (let hi = 0; hi < hits.length; hi++) {
    if (hi > 0 && hi % RANGE_STEP === 0) yield;
    const h = hits[hi]!;
    const [os, oe] = toOriginalRange(norm, h.start, h.end);
    const start = pointAt(model, os, 'start');
    const end = pointAt(model, oe, 'end');
    if (!start || !end) continue;
    const range = makeRange(ownerDoc, start, end);
    const anchor = index.anchors[h.anchor]!;
    const claim = index.claims[anchor.c]!;
    annotations.push({
      claimId: claim.id,
      range,
      // Within one Text node the range's text is a slice of its data (the DOM's definition of
      // toString); across nodes, toString() gathers every Text node in between, hidden ones too.
      quote: start.node === end.node ? start.node.data.slice(start.offset, end.offset) : range.toString(),
      score: Math.round(h.score * 1000) / 1000,
      method: h.method,
      lang: anchor.lang,
      speaker: speaker(claim.speakerId),
      saidOn: claim.saidOn,
      sourceId: claim.sourceId,
      relations: (claim.relations ?? []).map(([type, direction, other]) => {
        const o = index.claims[other]!;
        return {
          type,
          direction,
          claimId: o.id,
          speaker: speaker(o.speakerId),
          text: o.text ?? { ja: '', en: '' },
          sourceId: o.sourceId,
        };
      }),
    });
  }
  pooledScratch = scratch;
  return annotations;
}
