import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './browsers';
import { isForeign } from './requests';
import type { E2EPage, ExtensionSession } from './types';

function wrap(page: Page): E2EPage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 15_000) => {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 50 });
    },
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: false });
    },
    close: () => page.close(),
  };
}

/** Command-line flags for Chromium with the extension in `extensionDir` and no traffic off the machine. */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    // Chromium still looks up Google hosts; send every name nowhere except our own server.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ];
}

/** Launches Debian's Chromium with the built extension (`.output/chrome-mv3`) loaded unpacked. */
export async function launchChromium(
  extensionDir = resolve('.output/chrome-mv3'),
  options: { colorScheme?: 'light' | 'dark'; locale?: string; userDataDir?: string } = {},
): Promise<ExtensionSession> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'cp-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: 1100, height: 800 },
    args: [...chromiumArgs(extensionDir), `--lang=${options.locale ?? 'en-US'}`],
  });
  const foreign: string[] = [];
  context.on('request', (req) => {
    if (isForeign(req.url())) foreign.push(req.url());
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 60_000 }));
  const extensionId = new URL(worker.url()).host;

  return {
    name: 'chromium',
    async openPage(url) {
      const page = wrap(await context.newPage());
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = wrap(await context.newPage());
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    tabUrls: async () => context.pages().map((p) => p.url()),
    foreignRequests: () => [...foreign],
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
