/**
 * The page annotator with the first tier in this process, over a given index (tests, benchmarks):
 * the same page side as the content script's `remoteAnnotator` (page-annotator.ts), the second
 * tier through `restate` when given.
 */

import type { CompiledIndex } from '../index/format';
import { compileGate, passesGateRegExp } from '../match/gate';
import { annotateWithIndex, annotateWithIndexSteps } from '../match/pipeline';
import { PartCollector } from '../restate/page-side';
import { restateCollected, type PageAnnotator, type RestateSource } from './page-annotator';

/** The first tier over `index` in this process, and the second tier through `restate` when given. */
export function annotatorFor(compiled: CompiledIndex, restate?: RestateSource): PageAnnotator {
  // The parts the last stepwise run matched, for the second tier.
  let collector: PartCollector | null = null;
  const peopleGate = compiled.restateGate?.length ? compileGate(compiled.restateGate) : null;
  return {
    annotateDocument: (d) => annotateWithIndex(d, compiled),
    annotateDocumentSteps: (d) => annotateWithIndexSteps(d, compiled, (collector = new PartCollector())),
    restate: (d) => restateCollected(d, collector, (c) => !!peopleGate && c.parts.some((p) => passesGateRegExp(p.model.text, peopleGate)), restate),
  };
}

