import type { TextDirective } from '../lib/links/text-fragment';
import type { NotesOnPage } from '../lib/notes/lazy-page-notes';
import type { PageAnnotator } from '../lib/overlay/page-annotator';
import type { OverlayContent, OverlayHooks, ShownOverlay } from '../lib/overlay/types';
import { partLoader, partRuns, registerPart, type PartLoader } from './injected-part';
import { SECOND_STAGE_SLOT } from './stage-slots';

/**
 * The content script's second stage (entrypoints/content-stage-two/: the overlay's views, the
 * reader's notes on the page, the menu at a highlight), injected by the background into the pages
 * that need it (utils/inject-stage.ts): an article the matcher found claims on, a page with the
 * reader's notes, a page where the reader asks to note a selection. It runs in the extension's
 * isolated world (Chromium) / content-script sandbox (Firefox) of the page, which page script
 * cannot reach, and meets the first stage there (utils/injected-part.ts).
 */

/** What the second stage offers the first. */
export interface SecondStage {
  /** Draws the matches (highlights, badge, cards); `hooks`: what the overlay tells the first stage back. */
  openOverlay(doc: Document, content: OverlayContent, signature: string, hooks: OverlayHooks): Promise<ShownOverlay>;
  /** The reader's notes on this page (drawn at once if it has any), with the menu at a clicked highlight. */
  pageNotes(doc: Document): NotesOnPage;
  /** The text directives (`#:~:text=…`) this document was opened at, asked once. */
  linkTarget(): Promise<readonly TextDirective[]>;
  /** Stops what it watches itself (the UI language); the first stage takes away the rest. */
  disconnect(): void;
}

/** What the first stage lends the second. */
export interface FirstStageHost {
  /** Records one synchronous piece of the overlay's work (`overlay:stats`). */
  measure(name: string, start: number): void;
  /** Builds the claims overlay again (the reader changed the UI language its cards are in). */
  refreshOverlay(): void;
  /** Whether a claim's highlight is at this viewport point (a click there is the claim card's). */
  claimAt(x: number, y: number): boolean;
  /** The page's claim annotator (both tiers in the background; a note taken over a claim names it). */
  annotator(): Promise<PageAnnotator | null>;
}

/**
 * Second stage: makes itself known to the first (called by its file's top level). Evaluated again
 * in the same world, it changes nothing but the count: the first registration, with the state
 * the first stage already uses, stays.
 */
export function registerSecondStage(start: (host: FirstStageHost) => SecondStage): void {
  registerPart(SECOND_STAGE_SLOT, start);
}

/** How many times the second stage's file was evaluated in this world (for `overlay:stats`). */
export function secondStageRuns(): number {
  return partRuns(SECOND_STAGE_SLOT);
}

/**
 * First stage: the second stage, asking the background to inject it on first use. One request per
 * document at most (the result is kept; SPA navigations and re-runs reuse it); a failed request
 * is forgotten, so a later run may ask again.
 */
export function secondStageLoader(host: FirstStageHost): PartLoader<SecondStage> {
  return partLoader<FirstStageHost, SecondStage>(SECOND_STAGE_SLOT, { type: 'content:second-stage' }, host, 'second stage');
}
