/**
 * The claim annotator for the page the content script runs on, loaded only when the page needs it.
 *
 * What every page pays: article detection (a few native collection lookups) and, on articles, the
 * page gate (one case-insensitive regular-expression pass over the article text against the
 * dataset's entity names, NFKC-folded first only when the text holds characters that need it;
 * lib/match/gate.ts). The annotator detects again when it runs: the index arrives asynchronously and
 * the page may have changed meanwhile. Only the gate's terms are bundled into the content script.
 * A page that passes the gate asks for the compiled index and card catalog (`IndexSource`; the
 * content script's is `utils/claims-data.ts`, one `claims:data` message), so the content script
 * stays small and pages about other things never load the dataset at all.
 */

import gateData from '../generated/claims-gate.json';
import { detectArticle } from '../detect/article';
import type { CompiledIndex } from '../index/format';
import { annotateWithIndex, annotateWithIndexSteps } from '../match/pipeline';
import { compileGate, passesGateRegExp } from '../match/gate';
import type { OverlayEngineResult } from './types';

export interface PageAnnotator {
  annotateDocument(doc: Document): OverlayEngineResult;
  /**
   * Optional: the same work as a generator that yields after each bounded step (a few ms). When
   * the annotator provides it, the overlay runs it in time slices (lib/overlay/slices.ts) so no
   * task of the extension becomes a long task on very large pages.
   */
  annotateDocumentSteps?(doc: Document): Iterator<unknown, OverlayEngineResult, undefined>;
}

/** The compiled index, or null when it cannot be had (the caller tries again on its next run). */
export type IndexSource = () => Promise<CompiledIndex | null>;

const gate = compileGate(gateData.gate);

/**
 * An annotator for `doc`. Pages that are not articles, or articles that name nothing of the
 * dataset, get a constant "no annotations" annotator without any message or index; null when the
 * index was needed and could not be had.
 */
export async function loadPageAnnotator(doc: Document, index: IndexSource): Promise<PageAnnotator | null> {
  const det = detectArticle(doc);
  if (!det.isArticle || !det.root || !passesGateRegExp(det.root.textContent ?? '', gate)) {
    const result: OverlayEngineResult = { isArticle: det.isArticle, language: det.language, annotations: [] };
    return { annotateDocument: () => result };
  }
  const compiled = await index();
  if (!compiled) return null;
  return {
    annotateDocument: (d) => annotateWithIndex(d, compiled),
    annotateDocumentSteps: (d) => annotateWithIndexSteps(d, compiled),
  };
}
