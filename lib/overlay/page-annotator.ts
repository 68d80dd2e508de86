/**
 * The claim annotator for the page the content script runs on.
 *
 * Two stages (README "Speed"). The first, on every page, decides whether the page needs the
 * annotator at all (`mayHaveClaims` in page-check.ts: article detection and the build-time gate);
 * pages that are not articles, or name nothing of the dataset, get nothing more. The annotator
 * itself (the compiled index, the matcher) is in the second stage, which the background injects
 * only into pages that pass: `annotatorFor(index)`. It detects again when it runs: the page may
 * have changed since the first stage looked.
 */

import type { CompiledIndex } from '../index/format';
import { annotateWithIndex, annotateWithIndexSteps } from '../match/pipeline';
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

/** The matcher over `index`, whole or in steps. */
export function annotatorFor(index: CompiledIndex): PageAnnotator {
  return {
    annotateDocument: (d) => annotateWithIndex(d, index),
    annotateDocumentSteps: (d) => annotateWithIndexSteps(d, index),
  };
}
