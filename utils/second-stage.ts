import type { TextDirective } from '../lib/links/text-fragment';
import type { NotesOnPage } from '../lib/notes/lazy-page-notes';
import type { PageAnnotator } from '../lib/overlay/page-annotator';
import type { OverlayContent, OverlayHooks, ShownOverlay } from '../lib/overlay/types';
import { sendRequest } from './messaging';
import { claimWorldSlot, SECOND_STAGE_SLOT, worldSlot } from './stage-slots';

/**
 * The content script in two stages (README "Speed"): the first (entrypoints/content-script/) runs
 * on every page and decides; the second (entrypoints/content-stage-two/: the matcher and its index,
 * the overlay's views, the reader's notes on the page) is injected by the background into the
 * pages that need it (utils/inject-stage.ts). Both run in the extension's isolated world
 * (Chromium) / content-script sandbox (Firefox) of the page, which page script cannot reach, and
 * meet there through one property of that world's global object.
 */

/** What the second stage offers the first. */
export interface SecondStage {
  /** The matcher over the bundled index. */
  annotator(): PageAnnotator;
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
}

interface Registration {
  start(host: FirstStageHost): SecondStage;
  /** Evaluations of the second stage's file in this world (more than one would be a double injection). */
  runs: number;
}

/**
 * Second stage: makes itself known to the first (called by its file's top level). Evaluated again
 * in the same world, it changes nothing but the count: the first registration, with the state
 * the first stage already uses, stays.
 */
export function registerSecondStage(start: (host: FirstStageHost) => SecondStage): void {
  const known = worldSlot<Registration>(SECOND_STAGE_SLOT);
  if (known) {
    known.runs++;
    return;
  }
  claimWorldSlot(SECOND_STAGE_SLOT, { start, runs: 1 } satisfies Registration);
}

/** How many times the second stage's file was evaluated in this world (for `overlay:stats`). */
export function secondStageRuns(): number {
  return worldSlot<Registration>(SECOND_STAGE_SLOT)?.runs ?? 0;
}

/** The first stage's handle on the second. */
export interface SecondStageLoader {
  /** The second stage, injected by the background on first use (null when that failed). */
  load(): Promise<SecondStage | null>;
  /** The second stage if it is loaded, else null (nothing is asked). */
  current(): SecondStage | null;
}

/**
 * First stage: the second stage, asking the background to inject it on first use. One request per
 * document at most (the result is kept; SPA navigations and re-runs reuse it); a failed request
 * is forgotten, so a later run may ask again.
 */
export function secondStageLoader(host: FirstStageHost): SecondStageLoader {
  let loaded: SecondStage | null = null;
  let loading: Promise<SecondStage | null> | null = null;
  return {
    current: () => loaded,
    load: () => {
      if (loaded) return Promise.resolve(loaded);
      loading ??= (async () => {
        if (!worldSlot<Registration>(SECOND_STAGE_SLOT)) {
          const reply = await sendRequest({ type: 'content:second-stage' });
          if (!reply.ok) throw new Error(reply.error);
        }
        const registration = worldSlot<Registration>(SECOND_STAGE_SLOT);
        if (!registration) throw new Error('the second stage did not register');
        return (loaded = registration.start(host));
      })().catch((e: unknown) => {
        console.warn('[Counterpoint] could not load the rest of Counterpoint on this page', e);
        loading = null;
        return null;
      });
      return loading;
    },
  };
}
