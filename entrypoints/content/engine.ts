/**
 * Seam to the matching engine for the content script.
 *
 * What every page pays: article detection (a few native collection lookups) and, on articles, the
 * page gate (one case-insensitive regular-expression pass over the article text against the
 * dataset's entity names, NFKC-folded first only when the text holds characters that need it;
 * lib/match/gate.ts). The engine detects again when it runs: the index arrives asynchronously and the
 * page may have changed meanwhile. Only the gate's terms are bundled here. A page that passes the gate
 * asks the background once for the compiled index and the card catalog (`claims:data`), so the
 * content script stays small and pages about other things never load the dataset at all.
 */

import { browser } from 'wxt/browser';
import gateData from '../../lib/generated/claims-gate.json';
import { detectArticle } from '../../lib/detect/article';
import type { CompiledIndex } from '../../lib/index/format';
import { loadIndex } from '../../lib/index/load';
import { annotateWithIndex, annotateWithIndexSteps } from '../../lib/match/pipeline';
import { compileGate, passesGateRegExp } from '../../lib/match/gate';
import type { ClaimsDataReply } from '../../lib/messages/claims-data';
import { installCatalog } from '../../lib/overlay/bundled';
import type { OverlayEngineResult } from '../../lib/overlay/types';

export interface OverlayEngine {
  annotateDocument(doc: Document): OverlayEngineResult;
  /**
   * Optional: the same work as a generator that yields after each bounded step (a few ms). When
   * the engine provides it, the overlay runs it in time slices (lib/overlay/slices.ts) so no task
   * of the extension becomes a long task on very large pages.
   */
  annotateDocumentSteps?(doc: Document): Iterator<unknown, OverlayEngineResult, undefined>;
}

const gate = compileGate(gateData.gate);

let claimsData: Promise<CompiledIndex | null> | null = null;

/** The compiled index (and, as a side effect, the card catalog), fetched once per page. */
function fetchIndex(): Promise<CompiledIndex | null> {
  claimsData ??= (browser.runtime.sendMessage({ type: 'claims:data' }) as Promise<ClaimsDataReply | undefined>)
    .then((reply) => {
      if (!reply || !reply.ok) throw new Error(reply?.error ?? 'no reply from the background');
      const index = loadIndex(reply.index);
      installCatalog(reply.catalog);
      return index;
    })
    .catch((e: unknown) => {
      console.warn('[Counterpoint] claims data unavailable', e);
      claimsData = null; // try again on the next run
      return null;
    });
  return claimsData;
}

/**
 * An engine for the current document. Pages that are not articles, or articles that name nothing
 * of the dataset, get a constant "no annotations" engine without any message or index.
 */
export async function loadEngine(): Promise<OverlayEngine | null> {
  const det = detectArticle(document);
  if (!det.isArticle || !det.root || !passesGateRegExp(det.root.textContent ?? '', gate)) {
    const result: OverlayEngineResult = { isArticle: det.isArticle, language: det.language, annotations: [] };
    return { annotateDocument: () => result };
  }
  const index = await fetchIndex();
  if (!index) return null;
  return {
    annotateDocument: (doc) => annotateWithIndex(doc, index),
    annotateDocumentSteps: (doc) => annotateWithIndexSteps(doc, index),
  };
}
