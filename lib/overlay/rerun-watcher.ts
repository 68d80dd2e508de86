/**
 * Watches the page for a while after load (and after each navigation) for article bodies that
 * appear late, and asks for a re-run once the DOM has been quiet. Bounded: it stops watching
 * `WATCH_WINDOW_MS` after the last `watch()` and asks at most `MAX_RERUNS` times per window, so a
 * page that never stops changing costs a fixed amount. Mutations the overlay causes itself are
 * filtered out by the caller (`isOwn`), so drawing the overlay never wakes it.
 */

/** Re-runs after page mutations: wait for this much quiet. */
export const MUTATION_DEBOUNCE_MS = 400;
/** …and stop watching this long after load / the last navigation. */
export const WATCH_WINDOW_MS = 15_000;
/** …and re-run at most this many times per navigation. */
export const MAX_RERUNS = 8;

export interface RerunWatcherOptions {
  /** Whether a batch of records is only the overlay's own doing (its host, styles, marks). */
  isOwn(records: readonly MutationRecord[]): boolean;
  rerun(): void;
  now?: () => number;
}

export class RerunWatcher {
  private observer: MutationObserver | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private stopTimer: ReturnType<typeof setTimeout> | undefined;
  private watchUntil = 0;
  private reruns = 0;
  private readonly now: () => number;

  constructor(
    private readonly doc: Document,
    private readonly options: RerunWatcherOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.watch();
  }

  /** (Re)opens the watch window: after load and after each navigation. */
  watch(): void {
    this.watchUntil = this.now() + WATCH_WINDOW_MS;
    this.reruns = 0;
    if (this.observer || !this.doc.documentElement) return;
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
    this.observer = observer;
    clearTimeout(this.stopTimer);
    this.stopTimer = setTimeout(() => {
      if (this.now() >= this.watchUntil) this.stopObserving();
    }, WATCH_WINDOW_MS + 50);
  }

  /** Drops records already queued (the overlay's own insertions, made just now). */
  forget(): void {
    this.observer?.takeRecords();
  }

  private onMutations(records: MutationRecord[]): void {
    if (this.now() > this.watchUntil) {
      this.stopObserving();
      return;
    }
    if (this.options.isOwn(records)) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      if (this.reruns >= MAX_RERUNS || this.now() > this.watchUntil) return;
      this.reruns++;
      this.options.rerun();
    }, MUTATION_DEBOUNCE_MS);
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  disconnect(): void {
    this.stopObserving();
    clearTimeout(this.debounce);
    clearTimeout(this.stopTimer);
  }
}
