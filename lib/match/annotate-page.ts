/**
 * The page side of matching one document: detect article → gate → text model of its body
 * (boilerplate excluded), in parts on very large pages → the first tier on each part's text, where
 * its `ClaimFinder` runs it → DOM ranges of the offsets it answers.
 *
 * The finder is the background in the extension (the content script sends the part's text,
 * lib/overlay/page-annotator.ts `remoteAnnotator`) or the engine in this process over an index
 * (pipeline.ts: the CLI, the tests, the benchmarks). Nothing here reads the index, so the content
 * script carries none of the engine.
 */

import { boilerplateFilter } from '../detect/boilerplate';
import { detectArticle, type ArticleDetection } from '../detect/article';
import type { GatedArticle } from '../overlay/page-check';
import { makeRange } from '../text/range';
import { buildTextModel, pointAt, type TextModel } from '../text/text-model';
import { isPromiseLike } from '../overlay/slices';
import type { FoundClaim } from './find-claims';
import { forgetLastMatch } from './gate';
import { partition } from './partition';
import type { Annotation, AnnotationResult, PartObserver } from './types';

/** Ranges built between two yields of the stepwise engine. */
const RANGE_STEP = 32;
/**
 * Article text beyond which the page is annotated in parts (partition.ts): far above any news
 * article (the seed articles are 4–7k characters), so ordinary pages keep the single pass.
 */
const LARGE_PAGE_CHARS = 200_000;
/** Characters per part of a large page: a few ms of text model + normaliser + prefilter each. */
export const PART_CHARS = 50_000;

/**
 * The first tier on one part's text, as steps. A step may yield a promise (a reply from the
 * background): `runInSlices` waits for it before the next step, so the finder sets its result
 * when the promise settles. Null when the tier could not be had (the part then shows nothing).
 */
export type ClaimFinder = (text: string, language: 'ja' | 'en' | undefined) => Generator<unknown, FoundClaim[] | null, undefined>;

/** What the pipeline needs of the first tier: its gate on the article's text, and the finder. */
export interface PageMatcher {
  passes(text: string): boolean;
  find: ClaimFinder;
}

/**
 * The pipeline as a generator that yields between bounded steps (detection, text model, the
 * finder's steps, every RANGE_STEP ranges), so a caller can spread it over several tasks (the
 * overlay's `annotateDocumentSteps` seam). The DOM must not change between steps; if it may,
 * start over. `afterPart`: the second tier's seam (types.ts, PartObserver; lib/restate): its steps
 * run after each part's matching, in the same slices.
 */
export function* annotateSteps(doc: Document, matcher: PageMatcher, afterPart?: PartObserver, gated?: GatedArticle): Generator<unknown, AnnotationResult, undefined> {
  // The article the caller detected and let through the gate in this run, while it is still in the
  // page (the first stage's page check, moments before): not detected and gated again. Else both here.
  const given = gated?.root.isConnected ? gated : undefined;
  const det: ArticleDetection = given ?? detectArticle(doc);
  const language = det.language;
  if (!det.isArticle || !det.root) {
    forgetLastMatch();
    return { isArticle: false, language, annotations: [] };
  }
  const rootText = given ? given.rootText : (det.rootText ?? det.root.textContent ?? '');
  if (!given) {
    // Native-only rejection of articles that name nothing of the dataset (see gate.ts).
    const passes = matcher.passes(rootText);
    forgetLastMatch(); // the article's text is not kept alive by the realm's last match (gate.ts)
    if (!passes) return { isArticle: true, language, annotations: [] };
  }
  yield;

  const exclude = boilerplateFilter(det.heading);
  const ownerDoc = det.root.ownerDocument ?? doc;
  if (rootText.length <= LARGE_PAGE_CHARS) {
    const run = yield* startPart(det.root, undefined, matcher.find, language, exclude);
    return { isArticle: true, language, annotations: yield* finishPart(run, ownerDoc, afterPart, true) };
  }
  const parts = partition(det.root, PART_CHARS, exclude);
  yield;
  // Every part's text model first, each part's request sent as soon as its model is built: the
  // background matches one part while the page builds the next (on the 2 MB page, 40 parts one
  // after another put the badge ~100 ms later than matching on the page, measured side by side).
  const runs: PartRun[] = [];
  for (const part of parts) {
    runs.push(yield* startPart(part.parent, { first: part.first, last: part.last }, matcher.find, language, exclude));
    yield;
  }
  const annotations: Annotation[] = [];
  for (const run of runs) {
    annotations.push(...(yield* finishPart(run, ownerDoc, afterPart)));
    yield;
  }
  return { isArticle: true, language, annotations };
}

/** One part on its way: its text model, and its finder, finished or waiting for the background. */
interface PartRun {
  root: Element;
  model: TextModel;
  finding: Generator<unknown, FoundClaim[] | null, undefined>;
  /** The reply the finder waits for; null when it has finished (`found`). */
  waiting: PromiseLike<unknown> | null;
  found: FoundClaim[] | null;
}

/**
 * Builds a part's text model (one root, or one span of its children) and runs its finder's steps
 * until it finishes or waits for a reply (a yielded promise): the wait is left for `finishPart`, so
 * the next part's work goes on meanwhile. A finder that runs here keeps its steps' slices.
 */
function* startPart(
  root: Element,
  span: { first: Node; last: Node } | undefined,
  find: ClaimFinder,
  language: 'ja' | 'en' | undefined,
  exclude: (el: Element) => boolean,
): Generator<unknown, PartRun, undefined> {
  const model = buildTextModel(root, { exclude, span });
  yield;
  const finding = find(model.text, language);
  for (;;) {
    const r = finding.next();
    if (r.done) return { root, model, finding, waiting: null, found: r.value };
    if (isPromiseLike(r.value)) return { root, model, finding, waiting: r.value, found: null };
    yield r.value;
  }
}

/**
 * Waits for the part's reply if it must, shows the part to the second tier, and makes ranges of the
 * matches. `whole`: the part is the whole article, so a match whose text names nobody the claim is
 * about is dropped (`FoundClaim.aboutNamed`: a near-verbatim copy about someone else). Parts of a
 * very large page keep theirs: whom it is about may be named in another part.
 */
function* finishPart(run: PartRun, ownerDoc: Document, afterPart?: PartObserver, whole = false): Generator<unknown, Annotation[], undefined> {
  let found = run.found;
  if (run.waiting) {
    yield run.waiting;
    found = yield* run.finding; // the rest of the finder, from where it waited
  }
  const { model, root } = run;
  const hits = whole ? (found ?? []).filter((h) => h.aboutNamed) : (found ?? []);
  if (afterPart) yield* afterPart.part(model, root, hits.map(({ start, end, claim }) => ({ start, end, claim })));
  if (hits.length === 0) return [];
  // The finder may have waited for the background: a page that replaced the text meanwhile is
  // matched again by the next run (its mutation observer), not drawn from stale offsets.
  if (!model.nodes.every((n) => n.isConnected)) return [];

  const annotations: Annotation[] = [];
  for (let i = 0; i < hits.length; i++) {
    if (i > 0 && i % RANGE_STEP === 0) yield;
    const { start: os, end: oe, claim, ...match } = hits[i]!;
    const start = pointAt(model, os, 'start');
    const end = pointAt(model, oe, 'end');
    if (!start || !end) continue;
    const range = makeRange(ownerDoc, start, end);
    // Within one Text node the range's text is a slice of its data (the DOM's definition of
    // toString); across nodes, toString() gathers every Text node in between, hidden ones too.
    const quote = start.node === end.node ? start.node.data.slice(start.offset, end.offset) : range.toString();
    annotations.push({ ...match, range, quote });
  }
  return annotations;
}
