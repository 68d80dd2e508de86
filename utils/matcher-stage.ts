import type { PageAnnotator } from '../lib/overlay/page-annotator';
import { partLoader, partRuns, registerPart, type PartLoader } from './injected-part';
import { MATCHER_SLOT } from './stage-slots';

/**
 * The content script's matcher (entrypoints/content-matcher/: the first tier over the index it asks
 * the background for, and the page's side of the second tier), injected by the background into
 * articles that passed the first stage's gate. Apart from the second stage (the views and the
 * notes): most articles that pass the gate name the story's people without carrying a claim, and
 * they load only this.
 */
export interface MatcherStage {
  /** The matcher over the claims index (asked from the background once; null when it could not be had). */
  annotator(): Promise<PageAnnotator | null>;
}

/** Matcher: makes itself known to the first stage (called by its file's top level). */
export function registerMatcher(start: () => MatcherStage): void {
  registerPart(MATCHER_SLOT, start);
}

/** How many times the matcher's file was evaluated in this world (for `overlay:stats`). */
export function matcherRuns(): number {
  return partRuns(MATCHER_SLOT);
}

/** First stage: the matcher, asking the background to inject it on first use (once per document). */
export function matcherLoader(): PartLoader<MatcherStage> {
  return partLoader<void, MatcherStage>(MATCHER_SLOT, { type: 'content:matcher' }, undefined, 'matcher');
}
