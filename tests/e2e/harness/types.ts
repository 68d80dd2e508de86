/**
 * Runs in the page with `root`, the closed shadow root of the first `host` element (null when there
 * is none), and `arg`. Self-contained (it is serialised). It runs in a world of its own, apart from
 * page script: page script never sees the root, nor anything this function does.
 */
export type ShadowFn<R, A> = (root: ShadowRoot | null, arg: A) => R | Promise<R>;

/** A page driven by either Playwright (Chromium) or Puppeteer (Firefox), behind one small interface. */
export interface E2EPage {
  goto(url: string): Promise<void>;
  /** Runs `fn` in the page's own world (as page script). `fn` must be self-contained (it is serialised). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** Polls `fn` in the page until it returns a truthy value, or throws after `timeoutMs`. */
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  /**
   * Runs `fn` with the closed shadow root of `host` (Counterpoint's UI), reached through the
   * browser's automation protocol (CDP `DOM.describeNode` with `pierce`, WebDriver BiDi
   * serialisation with `includeShadowTree: "all"`) in an isolated world: the way a test can read
   * what page script cannot.
   */
  shadow<R, A = undefined>(host: string, fn: ShadowFn<R, A>, arg?: A): Promise<R>;
  /** Polls `shadow(host, fn, arg)` until truthy, or throws after `timeoutMs`. */
  waitForShadow<A = undefined>(host: string, fn: ShadowFn<unknown, A>, arg?: A, timeoutMs?: number): Promise<void>;
  /** Real (trusted) key events: CDP `Input.dispatchKeyEvent` / BiDi `input.performActions`. */
  press(key: string): Promise<void>;
  /** Types `text` with real key events into whatever has focus. */
  type(text: string): Promise<void>;
  /** Real (trusted) pointer input at viewport coordinates. */
  move(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  /** A real double click at viewport coordinates (selects a word). */
  dblclick(x: number, y: number): Promise<void>;
  /** A real drag with the primary button held, from one point to another (selects text). */
  drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void>;
  /** Brings the tab to the front (focus, active tab). */
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export type BrowserName = 'chromium' | 'firefox';

export interface ExtensionSession {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Opens a new tab at `url` (usually on the test's own 127.0.0.1 server). */
  openPage(url: string): Promise<E2EPage>;
  /** Opens an extension page such as `popup.html` in a tab. */
  openExtensionPage(path: string): Promise<E2EPage>;
  /** URLs of the open tabs (to see what the extension opened). */
  tabUrls(): Promise<string[]>;
  /** URLs of every request the browser made that did not go to 127.0.0.1 or an extension URL. */
  foreignRequests(): string[];
  /**
   * Chromium only (null elsewhere): runs `fn` in the content script's own isolated world of the page
   * (found through CDP), as a compromised content script would: to check what the background grants it.
   */
  inContentScript?<R, A = undefined>(page: E2EPage, fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /**
   * The text on the clipboard, read in `page` (a web page on the test server, brought to the front).
   * Chromium: the page's origin is granted clipboard-read for it. Firefox: only in a session launched
   * with `readableClipboard` (a testing pref that lets web pages read the clipboard without asking).
   */
  readClipboard(page: E2EPage): Promise<string>;
  /**
   * Firefox only (absent elsewhere): evaluates `expression` (awaited, JSON-serialisable result) in
   * the browser's own privileged scope (WebDriver BiDi `moz:scope: chrome`, allowed by
   * `--remote-allow-system-access`), where the add-on manager and the install prompt's strings live.
   */
  inBrowserScope?<R>(expression: string): Promise<R>;
  /** The installed extension's id (Chromium: the generated id; Firefox: the gecko id). */
  extensionId?: string;
  close(): Promise<void>;
}
