/** A page driven by either Playwright (Chromium) or Puppeteer (Firefox), behind one small interface. */
export interface E2EPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page. `fn` must be self-contained (it is serialised). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value, or throws after `timeoutMs`. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  press(key: string): Promise<void>;
  /** Types `text` with real key events into whatever has focus. */
  type(text: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export type BrowserName = 'chromium' | 'firefox';

export interface ExtensionSession {
  name: BrowserName;
  /** Opens a new tab at `url` (usually on the test's own 127.0.0.1 server). */
  openPage(url: string): Promise<E2EPage>;
  /** Opens an extension page such as `popup.html` in a tab. */
  openExtensionPage(path: string): Promise<E2EPage>;
  /** URLs of the open tabs (to see what the extension opened). */
  tabUrls(): Promise<string[]>;
  /** URLs of every request the browser made that did not go to 127.0.0.1 or an extension URL. */
  foreignRequests(): string[];
  close(): Promise<void>;
}
