/**
 * The first look: the only part of Counterpoint that runs on every http(s) page (issue #17). It
 * answers one question, as cheaply as a page allows: does this page need Counterpoint at all? Yes
 * when it looks like an article (`looksLikeArticle`: three selector lookups) whose text names
 * someone or something of the dataset (`bodyPassesGate`: the build's gate over the body's text, in
 * a task of its own: on a 2 MB page reading the text takes ~10 ms), or when extension storage
 * says the reader may have notes here (`mayHaveNotes`). Then it asks for the first stage
 * (`startFirstStage`: the background injects it, entrypoints/content-first-stage/) and stops; the
 * first stage keeps the page's life cycle from there.
 *
 * Why so little: every web API a content script first touches costs its isolated world that API's
 * bindings, and every kilobyte of script costs compile time, on every page (README "What the content
 * script costs a page": measured). So on a page that needs nothing it reads a few selectors and
 * extension storage once, and holds no observer and no message listener: requests from the
 * extension's pages start the first stage themselves (`sendToTab`, utils/messaging.ts).
 *
 * Late article bodies (a page that renders its article after `document_idle`) are caught by looking
 * again a few times (`RELOOK_AT_MS`) instead of a mutation observer, and SPA navigations by the
 * location watcher (which look again, notes included: the address changed).
 */
import { LocationWatcher } from './location-watcher';

/**
 * When to look again after the first look or a navigation (ms). A mutation observer that waited
 * for the article (what the first stage does once it runs) cost the isolated world ~1 ms of
 * bindings on every page, as much as the rest of the first look (measured, Chromium 156, weather
 * page: MutationObserver + setTimeout 3.4 ms against the empty extension's 2.4). Timers cost
 * ~0.1 ms for all of them. The price is latency: an article body that appears late is seen at the
 * next look, within ~0.5–7 s rather than at once; the last look is at 15 s, the end of the first
 * stage's own watch window (lib/overlay/rerun-watcher.ts `WATCH_WINDOW_MS`).
 */
export const RELOOK_AT_MS: readonly number[] = [500, 1500, 4000, 8000, 15000];

export interface FirstLookDeps {
  /** Whether the page looks like an article (lib/detect/looks-like-article.ts). */
  looksLikeArticle(doc: Document): boolean;
  /** Whether the page's text may carry a claim (lib/overlay/body-gate.ts). */
  bodyPassesGate(doc: Document): boolean;
  /** Whether the reader may have notes on this page (extension storage; false on error). */
  mayHaveNotes(): Promise<boolean>;
  /** Asks for the first stage; true once it runs in this world. */
  startFirstStage(): Promise<boolean>;
  /** False once the first stage runs here (the look has nothing left to do). */
  shouldContinue(): boolean;
}

export class FirstLook {
  private readonly location: LocationWatcher;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private step = 0;
  private busy = false;
  private done = false;

  constructor(
    private readonly doc: Document,
    win: Window,
    private readonly deps: FirstLookDeps,
  ) {
    this.location = new LocationWatcher(win, () => {
      this.step = 0;
      void this.look(true);
    });
    void this.look(true);
  }

  private async look(withNotes: boolean): Promise<void> {
    if (this.done) return;
    if (!this.deps.shouldContinue()) return this.disconnect();
    if (this.busy) return; // a look is under way (waiting for storage); the next timer looks again
    this.busy = true;
    clearTimeout(this.timer);
    try {
      const needed = (await this.mayCarryClaims()) || (withNotes && (await this.deps.mayHaveNotes()));
      if (needed && !this.done && this.deps.shouldContinue() && (await this.deps.startFirstStage())) {
        this.disconnect();
        return;
      }
    } finally {
      this.busy = false;
    }
    this.schedule();
  }

  private async mayCarryClaims(): Promise<boolean> {
    if (!this.deps.looksLikeArticle(this.doc)) return false;
    await new Promise((resolve) => setTimeout(resolve, 0));
    return !this.done && this.deps.bodyPassesGate(this.doc);
  }

  private schedule(): void {
    if (this.done || this.step >= RELOOK_AT_MS.length) return;
    const wait = RELOOK_AT_MS[this.step]! - (this.step ? RELOOK_AT_MS[this.step - 1]! : 0);
    this.step++;
    this.timer = setTimeout(() => void this.look(false), wait);
  }

  disconnect(): void {
    this.done = true;
    clearTimeout(this.timer);
    this.location.disconnect();
  }
}
