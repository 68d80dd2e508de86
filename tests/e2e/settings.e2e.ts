/**
 * The settings page and the UI language setting, in the built extension in Chromium and Firefox ESR
 * (issue #16): both browsers run in English (Firefox ESR here has no Japanese language pack, so
 * `browser.i18n` alone could never show Japanese); choosing 日本語 on the settings page turns the
 * settings page, the popup and the overlay's badge Japanese. Density and the site list are saved
 * where the overlay reads them. Screenshots, light and dark, go to test-artifacts/e2e/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OVERLAY_HOST, artifactPath, browsers, readBadge, startServer, type E2EPage, type ExtensionSession } from './harness';

type Server = Awaited<ReturnType<typeof startServer>>;

interface StorageLike {
  storage: { local: { get(k: string | string[]): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  i18n: { getUILanguage(): string };
}
/** Runs in an extension page: reads one key of storage.local. */
const readStored = async (key: string): Promise<unknown> => {
  const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
  return (await (g.browser ?? g.chrome).storage.local.get(key))[key];
};
const writeStored = async (items: Record<string, unknown>): Promise<void> => {
  const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
  await (g.browser ?? g.chrome).storage.local.set(items);
};
const browserLanguage = (): string => {
  const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
  return (g.browser ?? g.chrome).i18n.getUILanguage();
};
const sendMessage = (request: unknown): Promise<unknown> => {
  const g = globalThis as unknown as { browser?: StorageLike; chrome: StorageLike };
  return (g.browser ?? g.chrome).runtime.sendMessage(request);
};
const click = (testId: string): void => (document.querySelector(`[data-testid="${testId}"]`) as HTMLElement).click();
const text = (selector: string): string | null => document.querySelector(selector)?.textContent ?? null;

async function openSettings(session: ExtensionSession): Promise<E2EPage> {
  const page = await session.openExtensionPage('options.html');
  await page.waitFor(() => document.querySelector('[data-testid="settings"] h1') && document.querySelector('[data-testid="shortcut"]'), undefined, 30_000);
  return page;
}

async function openPopup(session: ExtensionSession): Promise<E2EPage> {
  const popup = await session.openExtensionPage('popup.html');
  await popup.waitFor(() => document.querySelector('[data-testid="note-count"], [data-testid="popup-error"]'), undefined, 30_000);
  await popup.waitFor(() => document.querySelector('[data-testid="notes-list"]')?.getAttribute('aria-busy') === 'false', undefined, 30_000);
  return popup;
}

/** Every button and select in the page draws itself (no system control look). */
const systemControls = (): string[] =>
  Array.from(document.querySelectorAll('button, select, input[type="checkbox"]'))
    .filter((el) => {
      const s = getComputedStyle(el);
      return s.appearance !== 'none' && s.getPropertyValue('-webkit-appearance') !== 'none';
    })
    .map((el) => el.outerHTML.slice(0, 80));

/** Luminance (0–1) of the page's background. */
const backgroundLuminance = (): number => {
  const m = getComputedStyle(document.body).backgroundColor.match(/\d+(\.\d+)?/g)!.map(Number);
  return (0.2126 * m[0]! + 0.7152 * m[1]! + 0.0722 * m[2]!) / 255;
};

for (const target of browsers) {
  describe.skipIf(!target.available)(`settings and UI language in ${target.name}`, () => {
    let server: Server;
    let session: ExtensionSession;

    beforeAll(async () => {
      server = await startServer(['tests/fixtures']);
      session = await target.launch({ colorScheme: 'light', locale: 'en-US' });
    });
    afterAll(async () => {
      await session?.close();
      await server?.close();
    });

    it('starts in the browser’s language, English, with the shortcut shown', async () => {
      const settings = await openSettings(session);
      // The browser itself speaks English (Firefox ESR here has no Japanese language pack at all).
      expect(await settings.evaluate(browserLanguage)).toMatch(/^en/);
      expect(await settings.evaluate(text, '[data-testid="settings"] h1')).toBe('Counterpoint settings');
      expect(await settings.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await settings.evaluate(() => (document.querySelector('[data-testid="lang-auto"]') as HTMLInputElement).checked)).toBe(true);
      expect(await settings.evaluate(() => document.querySelector('[data-testid="lang-auto"]')!.closest('label')!.textContent)).toBe('Same as the browser (English)');
      expect(await settings.evaluate(() => document.querySelector('[data-testid="shortcut"]')!.getAttribute('data-keys'))).toBe('Alt+Shift+H');
      expect(await settings.evaluate(() => document.querySelector('[data-testid="cp-legend"]')!.getAttribute('data-density'))).toBe('key');
      expect(await settings.evaluate(systemControls)).toEqual([]);
      expect(await settings.evaluate(backgroundLuminance)).toBeGreaterThan(0.8);
      await settings.screenshot(artifactPath(`${target.name}-settings-en-light.png`));
      // The rest of the page (hidden sites, shortcut), for the eye.
      await settings.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await settings.screenshot(artifactPath(`${target.name}-settings-en-light-end.png`));
      await settings.close();
    });

    it('switching to 日本語 shows Japanese in the settings page, the popup and the overlay', async () => {
      const settings = await openSettings(session);
      await settings.evaluate(click, 'lang-ja');
      await settings.waitFor(() => document.querySelector('[data-testid="settings"] h1')?.textContent === 'Counterpoint の設定' && document.documentElement.lang === 'ja');
      expect(await settings.evaluate(readStored, 'uiLanguage')).toBe('ja');
      expect(await settings.evaluate(() => document.title)).toBe('Counterpoint の設定');
      expect(await settings.evaluate(text, '[data-testid="shortcut"]')).toBe('選択した文章をハイライトしてメモを書く: Alt+Shift+H');
      await settings.screenshot(artifactPath(`${target.name}-settings-ja-light.png`));
      await settings.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await settings.screenshot(artifactPath(`${target.name}-settings-ja-light-end.png`));
      await settings.evaluate(() => window.scrollTo(0, 0));

      // Notes on two pages, one taken on a copy whose canonical address is the other page.
      const story = server.url('/pages/en-cnbc-lecun.html');
      const copy = server.url('/pages/edited-en-cnbc-lecun.html');
      const add = (note: Record<string, unknown>) => settings.evaluate(sendMessage, { type: 'notes:add', note });
      const quote = (exact: string) => ({ quote: { exact, prefix: '', suffix: '' }, position: null });
      for (const note of [
        { url: story, sourceUrl: story, title: 'LeCun: xAI is “kind of a failure”', body: '', target: quote('kind of a failure'), claimId: null },
        { url: story, sourceUrl: copy, title: 'LeCun on xAI (syndicated copy)', body: '転載先で取ったメモ。元記事と見比べる。', target: quote('big bubble explosion'), claimId: null },
        { url: story, sourceUrl: copy, title: 'LeCun on xAI (syndicated copy)', body: 'Check the date of the interview.', target: null, claimId: null },
      ]) {
        expect(await add(note)).toMatchObject({ ok: true });
      }

      const popup = await openPopup(session);
      expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ja');
      expect(await popup.evaluate(text, '[data-testid="note-count"]')).toBe('保存したメモ 3 件');
      expect(await popup.evaluate(text, '[data-testid="open-settings"]')).toBe('設定');
      expect(await popup.evaluate(() => (document.querySelector('[data-testid="notes-search"]') as HTMLInputElement).placeholder)).toBe('引用とメモを検索');
      expect(
        await popup.evaluate(() => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="page-group"]')).map((g) => [g.dataset.url, g.querySelectorAll('[data-testid="note-item"]').length])),
      ).toEqual([
        [copy, 2],
        [story, 1],
      ]);
      expect(await popup.evaluate(text, '[data-testid="page-canonical"]')).toMatch(/^正式なアドレス: 127\.0\.0\.1\/pages\/en-cnbc-lecun\.html$/);
      expect(await popup.evaluate(systemControls)).toEqual([]);
      await popup.screenshot(artifactPath(`${target.name}-popup-ja-light.png`));

      // The overlay on an article speaks Japanese too (the badge's claim count).
      const article = await session.openPage(story);
      await article.waitForShadow(OVERLAY_HOST, (root) => root?.querySelector('[data-testid="cp-badge-count"]'), undefined, 30_000);
      expect(await article.shadow(OVERLAY_HOST, readBadge)).toMatch(/主張 \d+ 件/);

      // Back to following the browser: English again, at once, in the open popup and on the open article too.
      await settings.evaluate(click, 'lang-auto');
      await popup.waitFor(() => document.querySelector('[data-testid="note-count"]')?.textContent === '3 saved notes');
      await article.waitForShadow(OVERLAY_HOST, (root) => /\d+ claims/.test(root?.querySelector('[data-testid="cp-badge-count"]')?.textContent ?? ''), undefined, 30_000);
      await article.close();
      await settings.waitFor(() => document.querySelector('[data-testid="settings"] h1')?.textContent === 'Counterpoint settings');
      await popup.screenshot(artifactPath(`${target.name}-popup-en-light.png`));
      await popup.close();
      await settings.close();
    }, 180_000);

    it('saves the density where the overlay reads it, and shows hidden sites again', async () => {
      const settings = await openSettings(session);
      await settings.evaluate(click, 'density-contested');
      await settings.waitFor(() => document.querySelector('[data-testid="cp-legend"]')?.getAttribute('data-density') === 'contested');
      expect(await settings.evaluate(readStored, 'highlightDensity')).toBe('contested');
      expect(await settings.evaluate(() => document.querySelectorAll('[data-testid="cp-legend"] li').length)).toBe(2); // contested, your notes

      // A site turned off (as the popup's switch does) appears in the list, and can be shown again.
      await settings.evaluate(writeStored, { overlayOffSites: [server.origin] });
      await settings.waitFor(() => document.querySelector('[data-testid="sites-list"] [data-testid="site-on"]'));
      await settings.evaluate(click, 'site-on');
      await settings.waitFor(() => document.querySelector('[data-testid="sites-empty"]'));
      expect(await settings.evaluate(readStored, 'overlayOffSites')).toEqual([]);

      await settings.evaluate(click, 'density-key');
      await settings.waitFor(() => document.querySelector('[data-testid="cp-legend"]')?.getAttribute('data-density') === 'key');
      await settings.close();
    });

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });

  describe.skipIf(!target.available)(`settings and popup in ${target.name}, dark`, () => {
    let session: ExtensionSession;

    beforeAll(async () => {
      session = await target.launch({ colorScheme: 'dark', locale: 'en-US' });
    });
    afterAll(async () => {
      await session?.close();
    });

    it('draws the settings page and the popup dark, in both languages', async () => {
      const settings = await openSettings(session);
      expect(await settings.evaluate(backgroundLuminance)).toBeLessThan(0.2);
      await settings.screenshot(artifactPath(`${target.name}-settings-en-dark.png`));
      await settings.evaluate(click, 'lang-ja');
      await settings.waitFor(() => document.documentElement.lang === 'ja');
      await settings.screenshot(artifactPath(`${target.name}-settings-ja-dark.png`));
      const popup = await openPopup(session);
      expect(await popup.evaluate(backgroundLuminance)).toBeLessThan(0.2);
      expect(await popup.evaluate(text, '[data-testid="note-count"]')).toBe('保存したメモ 0 件');
      expect(await popup.evaluate(systemControls)).toEqual([]);
      await popup.screenshot(artifactPath(`${target.name}-popup-ja-dark.png`));
      await popup.close();
      await settings.close();
    });

    it('makes no request that leaves the machine', () => {
      expect(session.foreignRequests()).toEqual([]);
    });
  });
}
