/**
 * Tells when the page moves to another address without loading a new document (SPA navigation:
 * `history.pushState`, back/forward), so the overlay and the notes can follow.
 *
 * Nothing here can be forged or observed by page script. WXT's watcher announced each change as a
 * window event (`…:wxt:locationchange`) that page script could both listen for (a fingerprint) and
 * dispatch itself (which made the overlay tear down). This one listens to the Navigation API's
 * `navigate` events, accepting only the browser's own (`isTrusted`), and falls back to reading
 * `location.href` once a second where the API is missing. A page can still navigate itself, which
 * is a real change of address.
 */

/** Polling interval where the Navigation API is missing (WXT's fallback used the same). */
export const LOCATION_POLL_MS = 1000;

/** After a `navigate` event, look for the new address this often, this many times (2 s). */
const SETTLE_STEP_MS = 50;
const SETTLE_ATTEMPTS = 40;

interface NavigationLike {
  addEventListener(type: 'navigate', cb: (e: Event) => void, opts?: AddEventListenerOptions): void;
}

export class LocationWatcher {
  private last: string;
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setInterval> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly win: Window,
    private readonly onChange: (oldUrl: string, newUrl: string) => void,
  ) {
    this.last = win.location.href;
    const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      navigation.addEventListener(
        'navigate',
        (event) => {
          if (!event.isTrusted) return; // page script dispatched it
          // `navigate` fires before the address changes (a traversal changes it later still):
          // look until it has, briefly.
          this.settle(0);
        },
        { signal: this.controller.signal },
      );
    } else {
      this.timer = setInterval(() => this.changed(win.location.href), LOCATION_POLL_MS);
    }
  }

  private settle(attempt: number): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      if (this.win.location.href !== this.last) this.changed(this.win.location.href);
      else if (attempt < SETTLE_ATTEMPTS) this.settle(attempt + 1);
    }, attempt === 0 ? 0 : SETTLE_STEP_MS);
  }

  private changed(next: string): void {
    if (next === this.last) return;
    const old = this.last;
    this.last = next;
    this.onChange(old, next);
  }

  disconnect(): void {
    this.controller.abort();
    clearInterval(this.timer);
    clearTimeout(this.settleTimer);
  }
}
