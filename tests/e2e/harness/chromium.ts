import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_PATH } from './browsers';
import { isForeign } from './requests';
import { pollUntil, shadowCallSource } from './poll';
import type { E2EPage, ExtensionSession, ShadowFn } from './types';

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

/** An isolated world of the page's main frame, made once per document. */
async function isolatedWorld(cdp: Cdp, cache: { loaderId?: string; contextId?: number }): Promise<number> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string; loaderId: string } } };
  if (cache.contextId === undefined || cache.loaderId !== frameTree.frame.loaderId) {
    const world = (await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'counterpoint-test' })) as { executionContextId: number };
    cache.loaderId = frameTree.frame.loaderId;
    cache.contextId = world.executionContextId;
  }
  return cache.contextId;
}

function wrap(page: Page, context: BrowserContext): E2EPage {
  let cdp: Cdp | null = null;
  const world: { loaderId?: string; contextId?: number } = {};
  const shadow = async <R, A>(host: string, fn: ShadowFn<R, A>, arg?: A): Promise<R> => {
    cdp ??= await context.newCDPSession(page);
    const contextId = await isolatedWorld(cdp, world);
    const found = (await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(host)})`, contextId })) as { result: { objectId?: string } };
    let root: { objectId: string } | { value: null } = { value: null };
    if (found.result.objectId) {
      const { node } = (await cdp.send('DOM.describeNode', { objectId: found.result.objectId, pierce: true, depth: 1 })) as { node: { shadowRoots?: { backendNodeId: number }[] } };
      const sr = node.shadowRoots?.[0];
      if (sr) {
        const resolved = (await cdp.send('DOM.resolveNode', { backendNodeId: sr.backendNodeId, executionContextId: contextId })) as { object: { objectId: string } };
        root = { objectId: resolved.object.objectId };
      }
    }
    const out = (await cdp.send('Runtime.callFunctionOn', {
      functionDeclaration: shadowCallSource(fn as never),
      executionContextId: contextId,
      arguments: [root, { value: JSON.stringify(arg ?? null) }],
      returnByValue: true,
      awaitPromise: true,
    })) as { result: { value?: string }; exceptionDetails?: { exception?: { description?: string }; text?: string } };
    if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception?.description ?? out.exceptionDetails.text ?? 'error in shadow()');
    return (JSON.parse(out.result.value ?? '{"v":null}') as { v: R }).v;
  };
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 15_000) => {
      await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 50 });
    },
    shadow,
    waitForShadow: (host, fn, arg, timeoutMs = 15_000) => pollUntil(() => shadow(host, fn, arg), timeoutMs, `${host}: ${fn.toString().slice(0, 120)}`),
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    move: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    dblclick: (x, y) => page.mouse.dblclick(x, y),
    drag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
      await page.mouse.move(to.x, to.y, { steps: 4 });
      await page.mouse.up();
    },
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => {
      await page.screenshot({ path, fullPage: false });
    },
    close: () => page.close(),
    [PAGE]: page,
  } as E2EPage;
}

/** The Playwright page behind an `E2EPage` (for the content-script world). */
const PAGE = Symbol('page');

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

  const extensionOrigin = `chrome-extension://${extensionId}`;
  return {
    name: 'chromium',
    extensionOrigin,
    extensionId,
    async inContentScript(page, fn, arg) {
      const pw = (page as unknown as { [PAGE]: Page })[PAGE];
      const cdp = await context.newCDPSession(pw);
      try {
        const contexts: { id: number; origin: string; auxData?: { frameId?: string; type?: string } }[] = [];
        cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
        await cdp.send('Runtime.enable');
        const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
        const world = contexts.find((c) => c.origin === extensionOrigin && c.auxData?.frameId === frameTree.frame.id);
        if (!world) throw new Error('no content-script world in this page');
        const out = (await cdp.send('Runtime.callFunctionOn', {
          functionDeclaration: `async function (argJson) { const out = await (${fn.toString()})(JSON.parse(argJson)); return JSON.stringify({ v: out === undefined ? null : out }); }`,
          executionContextId: world.id,
          arguments: [{ value: JSON.stringify(arg ?? null) }],
          returnByValue: true,
          awaitPromise: true,
        })) as { result: { value?: string }; exceptionDetails?: { exception?: { description?: string } } };
        if (out.exceptionDetails) throw new Error(out.exceptionDetails.exception?.description ?? 'error in the content-script world');
        return (JSON.parse(out.result.value ?? '{"v":null}') as { v: never }).v;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async openPage(url) {
      const page = wrap(await context.newPage(), context);
      await page.goto(url);
      return page;
    },
    async openExtensionPage(path) {
      const page = wrap(await context.newPage(), context);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    tabUrls: async () => context.pages().map((p) => p.url()),
    async readClipboard(page) {
      const origin = await page.evaluate(() => location.origin);
      // CDP grants exactly the permissions listed and denies the others: keep writing allowed too.
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      await page.bringToFront();
      return page.evaluate(() => navigator.clipboard.readText());
    },
    foreignRequests: () => [...foreign],
    async close() {
      await context.close();
      if (!options.userDataDir) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
