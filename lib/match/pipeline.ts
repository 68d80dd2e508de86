/**
 * The matching pipeline on one document with a given compiled index:
 * detect article → text model of its body (boilerplate excluded) → normalise with offset map →
 * gram prefilter → per candidate anchor: exact at the seeded position, else bounded fuzzy search
 * scored with context → thresholds (match-anchors.ts) → DOM ranges.
 */

import { boilerplateFilter } from '../detect/boilerplate';
import { detectArticle } from '../detect/article';
import type { CompiledIndex } from '../index/format';
import { engineNormalizeScratch, newNormalizeScratch, normalizeUnits, toOriginalRange, type NormalizeScratch } from '../text/normalize';
import { makeRange } from '../text/range';
import { buildTextModel, pointAt } from '../text/text-model';
import { passesGate } from './gate';
import { finish, matchAnchorsSteps } from './match-anchors';
import { partition } from './partition';
import type { Annotation, AnnotationResult, PartObserver, Speaker } from './types';

/** Ranges built between two yields of the stepwise engine. */
const RANGE_STEP = 32;
/**
 * Article text beyond which the page is annotated in parts (partition.ts): far above any news
 * article (the seed articles are 4–7k characters), so ordinary pages keep the single pass.
 */
const LARGE_PAGE_CHARS = 200_000;
/** Characters per part of a large page: a few ms of text model + normaliser + prefilter each. */
const PART_CHARS = 50_000;

/** `annotateDocument` with an explicit index (tests, benchmark, synthetic datasets). */
export function annotateWithIndex(doc: Document, index: CompiledIndex): AnnotationResult {
  return finish(annotateWithIndexSteps(doc, index));
}

/**
 * The same work as a generator that yields between bounded steps (detection, text model,
 * normalisation, prefilter, every MATCH_STEP candidates, every RANGE_STEP ranges), so a caller can
 * spread it over several tasks (the overlay's `annotateDocumentSteps` seam). The DOM must not
 * change between steps; if it may, start over. `afterPart`: the second tier's seam (types.ts,
 * PartObserver; lib/restate): its steps run after each part's matching, in the same slices.
 */
export function* annotateWithIndexSteps(doc: Document, index: CompiledIndex, afterPart?: PartObserver): Generator<unknown, AnnotationResult, undefined> {
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
    const annotations = yield* annotatePart(det.root, undefined, index, language, ownerDoc, exclude, afterPart);
    return { isArticle: true, language, annotations };
  }
  const parts = partition(det.root, PART_CHARS, exclude);
  yield;
  const annotations: Annotation[] = [];
  for (const part of parts) {
    annotations.push(...(yield* annotatePart(part.parent, { first: part.first, last: part.last }, index, language, ownerDoc, exclude, afterPart)));
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
