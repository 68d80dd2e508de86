import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_PATH, FIREFOX_PATH, browserAvailable } from './browsers';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { pollUntil } from './poll';
import type { BrowserName, E2EPage, ExtensionSession } from './types';

export { startServer } from './server';
export type { E2EPage, ExtensionSession, BrowserName, ShadowFn } from './types';
export { pollUntil } from './poll';

export interface BrowserTarget {
  name: BrowserName;
  available: boolean;
  launch(options?: LaunchOptions): Promise<ExtensionSession>;
  /** The build output this browser loads by default. */
  buildDir: string;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  locale?: string;
  /** Keep the profile here (the caller removes it): relaunching on it is a browser restart. */
  userDataDir?: string;
  /** Load the extension from this directory instead of the build output (e.g. an "updated" copy). */
  extensionDir?: string;
  /** Firefox: let web pages read the clipboard without asking (`readClipboard`); never for the hostile suite. */
  readableClipboard?: boolean;
}

/** Both real browsers, each with the matching build output. */
export const browsers: BrowserTarget[] = [
  {
    name: 'chromium',
    available: browserAvailable(CHROMIUM_PATH),
    buildDir: resolve('.output/chrome-mv3'),
    launch: (o) => launchChromium(o?.extensionDir, o),
  },
  {
    name: 'firefox',
    available: browserAvailable(FIREFOX_PATH),
    buildDir: resolve('.output/firefox-mv3'),
    launch: (o) => launchFirefox(o?.extensionDir, o),
  },
];

/** Screenshots and other artifacts go to a git-ignored folder. */
export function artifactPath(name: string): string {
  const dir = resolve('test-artifacts/e2e');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** The overlay's host element: its closed shadow root is read with `page.shadow(OVERLAY_HOST, …)`. */
export const OVERLAY_HOST = 'counterpoint-badge';

/** Reads the badge's text from inside its shadow root, or null when there is no badge (a `ShadowFn`). */
export const readBadge = (root: ShadowRoot | null): string | null => {
  const badge = root?.querySelector('[data-testid="cp-badge"]');
  return badge ? (badge.textContent ?? '') : null;
};

/** Whether the overlay's badge is shown (a `ShadowFn`). */
export const badgeShown = (root: ShadowRoot | null): boolean => !!root?.querySelector('[data-testid="cp-badge"]');

/**
 * Clicks an element inside the overlay's closed shadow root with real (trusted) pointer input, as the
 * reader would: scrolled into view, then clicked at its centre.
 */
export async function clickInShadow(page: E2EPage, host: string, selector: string, index = 0): Promise<void> {
  const at = await page.shadow(
    host,
    (root, { selector, index }) => {
      const el = root?.querySelectorAll(selector)[index] as HTMLElement | undefined;
      if (!el) return null;
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { selector, index },
  );
  if (!at) throw new Error(`no ${selector} in ${host}`);
  await page.click(at.x, at.y);
}

/** Clicks an element of an extension page (by selector) with real pointer input. */
export async function clickInPage(page: E2EPage, selector: string): Promise<void> {
  const at = await page.evaluate((sel) => {
    const el = document.querySelector(sel) as HTMLElement | null;
    if (!el) return null;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
  if (!at) throw new Error(`no ${selector}`);
  await page.click(at.x, at.y);
}

/** Selects the first occurrence of `needle` in the page's text with the Selection API (self-contained: runs in the page). */
export const selectText = (needle: string): boolean => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n.nodeValue ?? '').indexOf(needle);
    if (i < 0) continue;
    const range = document.createRange();
    range.setStart(n, i);
    range.setEnd(n, i + needle.length);
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    return true;
  }
  return false;
};

interface RuntimeLike {
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown, o?: object): Promise<unknown> };
  scripting: { executeScript(o: { target: { tabId: number; frameIds: number[] }; files: string[] }): Promise<unknown> };
}

/**
 * Sends a tab request from an extension page the way the extension's pages do (`sendToTab`,
 * utils/messaging.ts): the content script on every page (the first look) listens to nothing, so
 * when nothing answers, the first stage is injected into the tab and asked again (self-contained:
 * runs in the extension page).
 */
export const askTabFromExtensionPage = async ({ tabId, message }: { tabId: number; message: unknown }): Promise<unknown> => {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome: RuntimeLike };
  const api = g.browser ?? g.chrome;
  try {
    return await api.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch (e) {
    if (!/receiving end does not exist/i.test(String(e))) throw e;
    await api.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/content-first-stage.js'] });
    return api.tabs.sendMessage(tabId, message, { frameId: 0 });
  }
};

/** Sends a protocol request to the background from an extension page (self-contained: runs in the page). */
export const sendFromExtensionPage = (request: unknown): Promise<unknown> => {
  const g = globalThis as unknown as { browser?: RuntimeLike; chrome: RuntimeLike };
  return (g.browser ?? g.chrome).runtime.sendMessage(request);
};

/**
 * The tab id of the page at `url`, found from an extension page the way the extension itself can:
 * each tab's content script says which page it shows (`notes:page-info`). Chromium does not show the
 * extension other tabs' addresses (no `tabs` permission), so `tabs.query({ url })` cannot be used.
 */
export async function tabIdOf(extensionPage: E2EPage, url: string): Promise<number> {
  let found: number | null = null;
  await pollUntil(async () => {
    found = await extensionPage.evaluate(async (wanted) => {
      const g = globalThis as unknown as { browser?: RuntimeLike; chrome: RuntimeLike };
      const api = g.browser ?? g.chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        // (As the extension asks: the first stage is injected where nothing answers; see
        // askTabFromExtensionPage. No named inner function: tsx, which runs `npm run demo`, wraps
        // those in a `__name` helper the page does not have.)
        const m = { type: 'notes:page-info' };
        type PageInfo = { page?: { sourceUrl?: string } | null; sourceUrl?: string } | null;
        let info: PageInfo = null;
        try {
          info = (await api.tabs.sendMessage(tab.id, m, { frameId: 0 })) as PageInfo;
        } catch (e) {
          if (/receiving end does not exist/i.test(String(e))) {
            try {
              await api.scripting.executeScript({ target: { tabId: tab.id, frameIds: [0] }, files: ['/content-first-stage.js'] });
              info = (await api.tabs.sendMessage(tab.id, m, { frameId: 0 })) as PageInfo;
            } catch {
              info = null;
            }
          }
        }
        // (Builds before #13 answered with the page key itself.)
        if ((info?.page?.sourceUrl ?? info?.sourceUrl) === wanted) return tab.id;
      }
      return null;
    }, url);
    return found !== null;
  }, 15_000, `a tab showing ${url}`);
  return found!;
}
