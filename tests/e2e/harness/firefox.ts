import { createHash, randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_PATH } from './browsers';
import { isForeign } from './requests';
import { pollUntil, shadowCallSource } from './poll';
import type { E2EPage, ExtensionSession, ShadowFn } from './types';

/** Must equal `browser_specific_settings.gecko.id` in wxt.config.ts. */
export const GECKO_ID = 'counterpoint@counterpoint.invalid';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** BiDi: the puppeteer connection of the browser, and the browsing context of a page's main frame. */
function bidiOf(browser: Browser, page: Page): { conn: BidiConnection; context: string } {
  return {
    conn: (browser as unknown as { connection: BidiConnection }).connection,
    context: (page.mainFrame() as unknown as { _id: string })._id,
  };
}

function wrap(page: Page, foreign: string[], browser: Browser): E2EPage {
  page.on('request', (req) => {
    if (isForeign(req.url())) foreign.push(req.url());
  });
  const shadow = async <R, A>(host: string, fn: ShadowFn<R, A>, arg?: A): Promise<R> => {
    const { conn, context } = bidiOf(browser, page);
    const target = { context, sandbox: 'counterpoint-test' };
    const found = await conn.send('script.callFunction', {
      functionDeclaration: `(sel) => document.querySelector(sel)`,
      arguments: [{ type: 'string', value: host }],
      awaitPromise: false,
      target,
      serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    });
    const value = (found.result.result as { value?: { shadowRoot?: { sharedId?: string } | null } } | undefined)?.value;
    const root = value?.shadowRoot?.sharedId ? { sharedId: value.shadowRoot.sharedId } : { type: 'null' };
    const out = await conn.send('script.callFunction', {
      functionDeclaration: shadowCallSource(fn as never),
      arguments: [root, { type: 'string', value: JSON.stringify(arg ?? null) }],
      awaitPromise: true,
      target,
    });
    if (out.result.type === 'exception') {
      const details = out.result.exceptionDetails as { text?: string } | undefined;
      throw new Error(details?.text ?? 'error in shadow()');
    }
    const text = (out.result.result as { value?: string }).value ?? '{"v":null}';
    return (JSON.parse(text) as { v: R }).v;
  };
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 15_000) => {
      await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 50 }, arg);
    },
    shadow,
    waitForShadow: (host, fn, arg, timeoutMs = 15_000) => pollUntil(() => shadow(host, fn, arg), timeoutMs, `${host}: ${fn.toString().slice(0, 120)}`),
    // "Control+Enter" as Playwright writes it: modifiers held around the last key.
    press: async (key) => {
      const keys = key.length > 1 ? key.split('+') : [key];
      const last = keys.pop()!;
      for (const k of keys) await page.keyboard.down(k as never);
      await page.keyboard.press(last as never);
      for (const k of keys.reverse()) await page.keyboard.up(k as never);
    },
    type: (text) => page.keyboard.type(text),
    move: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    dblclick: (x, y) => page.mouse.click(x, y, { count: 2 }),
    drag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
      await page.mouse.move(to.x, to.y, { steps: 4 });
      await page.mouse.up();
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path: path as `${string}.png` });
    },
    close: () => page.close(),
  };
}

/** A UUID that is the same for every launch on the same profile directory (so the origin is too). */
function uuidFor(userDataDir: string): string {
  const h = createHash('sha256').update(resolve(userDataDir)).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Launches Firefox ESR over WebDriver BiDi and installs the built extension as a temporary add-on.
 * The add-on's internal UUID is pinned by pref so `moz-extension://UUID/popup.html` is known.
 *
 * With `userDataDir` the profile is kept (the caller owns and removes it) and the UUID is derived
 * from its path, so a relaunch on the same profile reaches the same extension origin. A temporary
 * add-on is uninstalled when Firefox quits; the keep-on-uninstall prefs keep its origin and data
 * so the re-installed add-on (same id) finds them, as a restart or an update would.
 */
export async function launchFirefox(
  extensionDir = resolve('.output/firefox-mv3'),
  options: { colorScheme?: 'light' | 'dark'; locale?: string; userDataDir?: string; readableClipboard?: boolean } = {},
): Promise<ExtensionSession> {
  const uuid = options.userDataDir ? uuidFor(options.userDataDir) : randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    extraPrefsFirefox: {
      ...(options.userDataDir
        ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
        : {}),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'ui.systemUsesDarkTheme': options.colorScheme === 'dark' ? 1 : 0,
      'intl.locale.requested': options.locale ?? 'en-US',
      'intl.accept_languages': options.locale ?? 'en-US',
      // No phoning home during tests.
      'network.captive-portal-service.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      ...(options.readableClipboard ? { 'dom.events.testing.asyncClipboard': true } : {}),
    },
  });
  await browser.installExtension(extensionDir);
  const foreign: string[] = [];

  const session: ExtensionSession = {
    name: 'firefox',
    extensionOrigin: `moz-extension://${uuid}`,
    extensionId: GECKO_ID,
    async inBrowserScope<R>(expression: string): Promise<R> {
      const conn = (browser as unknown as { connection: BidiConnection }).connection;
      const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const context = (tree.result.contexts as { context: string }[] | undefined)?.[0]?.context;
      if (!context) throw new Error('no privileged browsing context');
      const out = await conn.send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (async () => ${expression})()))()`,
        awaitPromise: true,
        target: { context },
      });
      if (out.result.type === 'exception') throw new Error(JSON.stringify(out.result.exceptionDetails).slice(0, 500));
      return JSON.parse((out.result.result as { value: string }).value) as R;
    },
    async openPage(url) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      const wrapped = wrap(page, foreign, browser);
      await wrapped.goto(url);
      return wrapped;
    },
    async openExtensionPage(path) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1100, height: 800 });
      // Navigating to moz-extension:// over BiDi never reports "load": start it and poll instead.
      void page.goto(`moz-extension://${uuid}/${path}`).catch(() => undefined);
      const deadline = Date.now() + 15_000;
      for (;;) {
        const href = await page.evaluate(() => location.href + '|' + document.readyState).catch(() => '');
        if (href.startsWith('moz-extension://') && href.endsWith('|complete')) break;
        if (Date.now() > deadline) throw new Error(`extension page ${path} did not open (last: ${href})`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return wrap(page, foreign, browser);
    },
    async tabUrls() {
      // Puppeteer's page list misses tabs the extension opens itself; the extension's own view of
      // its tabs does not (an extension page sees the URLs of every tab of its own origin and the
      // pages its content script runs on).
      const probe = await session.openExtensionPage('popup.html');
      const urls = await probe.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).browser;
        return (await api.tabs.query({})).map((t) => t.url ?? '');
      });
      await probe.close();
      return urls.filter((u: string) => !u.endsWith('/popup.html'));
    },
    foreignRequests: () => [...foreign],
    async readClipboard(page) {
      if (!options.readableClipboard) throw new Error('launch Firefox with readableClipboard to read the clipboard');
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    async close() {
      await browser.close();
    },
  };
  return session;
}
