/**
 * The matching pipeline on one document with a given compiled index, in this process (the CLI, the
 * tests, the benchmarks): the page side (annotate-page.ts: detection, gate, text model, ranges)
 * with the first tier run here (find-claims.ts: normalise with offset map → gram prefilter → per
 * candidate anchor: exact at the seeded position, else bounded fuzzy search scored with context →
 * thresholds). The extension runs the same page side with the first tier in its background.
 */

import type { CompiledIndex } from '../index/format';
import { annotateSteps, type PageMatcher } from './annotate-page';
import { findClaimsSteps } from './find-claims';
import { passesGate } from './gate';
import { finish } from './match-anchors';
import type { AnnotationResult, PartObserver } from './types';

/** The first tier over `index`, in this process. */
export function indexMatcher(index: CompiledIndex): PageMatcher {
  return { passes: (text) => passesGate(text, index), find: (text, language) => findClaimsSteps(index, text, language) };
}

/** `annotateDocument` with an explicit index (tests, benchmark, synthetic datasets). */
export function annotateWithIndex(doc: Document, index: CompiledIndex): AnnotationResult {
  return finish(annotateWithIndexSteps(doc, index));
}

/** `annotateSteps` over `index` in this process (every step synchronous). */
export function annotateWithIndexSteps(doc: Document, index: CompiledIndex, afterPart?: PartObserver): Generator<unknown, AnnotationResult, undefined> {
  return annotateSteps(doc, indexMatcher(index), afterPart);
}

