/**
 * Both matching tiers on one document: the first tier (exact/fuzzy copies, lib/match/engine.ts)
 * with the restatement tier riding on its `afterPart` seam, then the tier's stories and
 * confidence. `annotateTiersSteps` yields between bounded steps like the engine's generator, so the
 * overlay can run it in time slices.
 */

import type { CompiledIndex } from '../index/format';
import { annotateWithIndexSteps } from '../match/pipeline';
import { RestatementTier } from './tier';
import type { TieredResult } from './types';

export function* annotateTiersSteps(doc: Document, index: CompiledIndex): Generator<unknown, TieredResult, undefined> {
  const tier = new RestatementTier(index, doc);
  const first = yield* annotateWithIndexSteps(doc, index, tier);
  const second = yield* tier.finish();
  return { ...first, ...second };
}

export function annotateTiers(doc: Document, index: CompiledIndex): TieredResult {
  const steps = annotateTiersSteps(doc, index);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
