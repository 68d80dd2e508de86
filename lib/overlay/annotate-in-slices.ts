/**
 * Runs a page annotator's first tier on a document the way it offers: its steps in time slices
 * (waiting for the background where a step asks it), else at once. Kept apart from
 * page-annotator.ts so the views' stage (which asks for the claims under a reader's selection)
 * does not bundle the pipeline.
 */

import type { GatedArticle } from './page-check';
import type { PageAnnotator } from './page-annotator';
import { runInSlices, SLICE_MS, yieldToMain, type SliceOptions } from './slices';
import type { OverlayEngineResult } from './types';

export async function annotateInSlices(
  annotator: PageAnnotator,
  doc: Document,
  opts: Partial<Pick<SliceOptions, 'onSlice' | 'cancelled'>> & { gated?: GatedArticle } = {},
): Promise<OverlayEngineResult | null> {
  const { gated, ...slices } = opts;
  if (typeof annotator.annotateDocumentSteps === 'function') {
    return (await runInSlices(annotator.annotateDocumentSteps(doc, gated), { budgetMs: SLICE_MS, yieldToMain, ...slices })) ?? null;
  }
  if (typeof annotator.annotateDocument === 'function') {
    const t0 = performance.now();
    const result = annotator.annotateDocument(doc);
    opts.onSlice?.(t0, performance.now());
    return result;
  }
  return null;
}
