/**
 * Firefox's part of `npm run bench:footprint`: the same pages and variants (no extension, the empty
 * extension, this tree's Firefox build) in Firefox ESR over WebDriver BiDi, one browser each, fresh
 * tabs, rotating order, cold and warm (reload), medians.
 *
 * What Firefox lets a script measure, and what it does not (README "Speed"):
 *  - the load event and its delay (navigation timing), and when the badge appeared (a preload
 *    script in the page's main world), as in Chromium;
 *  - the memory of the extension's own content-script realm: Firefox's memory reporters (read in
 *    the browser's privileged scope, which `--remote-allow-system-access` opens to the automation
 *    protocol) name every realm, and a content script's is "[Expanded Principal [page,
 *    moz-extension://…]], Content Script"; its bytes are summed after a GC of the content
 *    processes. An exact attribution Chromium has no equivalent of (there the isolate is shared).
 *  - NOT the main-thread time of the content script: BiDi has no tracing, and the Gecko profiler,
 *    started from the privileged scope, returned no samples of the page's content process in
 *    headless ESR 153 (tried: its profile listed no thread for the page). Nor Blink-like engine
 *    memory per allocator.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BADGE_WATCH, median, startFootprintServer, type PageDef } from './bench-footprint';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxRow {
  page: string;
  variant: string;
  phase: 'cold' | 'warm';
  loadMs: number;
  loadDelayMs: number;
  badgeMs: number | null;
  /** The extension's content-script realm, KiB (null: no extension). */
  realmKiB: number | null;
  /** Not measurable in Firefox here (see above): always null. */
  extensionJsMs: number | null;
  samples: number | null;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: Record<string, unknown> }>;
}

/** Evaluates `expression` in the browser's privileged scope; JSON result. */
async function privileged<R>(browser: Browser, expression: string): Promise<R> {
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = (tree.result.contexts as { context: string }[])[0]!.context;
  const out = await conn.send('script.evaluate', {
    expression: `(async () => JSON.stringify(await (async () => ${expression})()))()`,
    awaitPromise: true,
    target: { context },
  });
  if (out.result.type === 'exception') throw new Error(JSON.stringify(out.result.exceptionDetails).slice(0, 400));
  return JSON.parse((out.result.result as { value: string }).value) as R;
}

/** Bytes of the content-script realms of extension `uuid` on `host` (after a GC of the content processes). */
async function realmBytes(browser: Browser, host: string, uuid: string): Promise<number> {
  return privileged<number>(
    browser,
    `(async () => {
      Services.obs.notifyObservers(null, 'child-gc-request');
      await new Promise((r) => setTimeout(r, 700));
      const mgr = Cc['@mozilla.org/memory-reporter-manager;1'].getService(Ci.nsIMemoryReporterManager);
      let bytes = 0;
      await new Promise((done) => mgr.getReports((process, path, kind, units, amount) => {
        if (units === Ci.nsIMemoryReporter.UNITS_BYTES && path.startsWith('explicit/') && path.includes(${JSON.stringify(host)}) && path.includes(${JSON.stringify(uuid)}) && path.includes('Content Script')) bytes += amount;
      }, null, () => done(), null, false));
      return bytes;
    })()`,
  );
}

interface FfLoad {
  loadMs: number;
  badgeMs: number | null;
  realm: number | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function settle(page: Page, expectBadge: boolean): Promise<void> {
  await sleep(1800);
  if (!expectBadge) return;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await page.evaluate(() => (window as unknown as { __fpBadgeAt?: number }).__fpBadgeAt !== undefined).catch(() => false)) break;
    await sleep(100);
  }
  await sleep(1000);
}

export async function firefoxFootprint(o: { empty: string; own: string; pages: PageDef[]; rounds: number }): Promise<FirefoxRow[] | string> {
  const variants = [
    { name: 'none', dir: null as string | null },
    { name: 'empty', dir: o.empty },
    { name: 'counterpoint', dir: resolve(o.own) },
  ];
  const { server, port } = await startFootprintServer();
  const hosts: string[] = [];
  for (let r = 0; r < o.rounds; r++) for (const p of o.pages) for (const v of variants) hosts.push(`ff${r}-${p.file.replace(/\W/g, '')}-${v.name}.test`);
  const browsers: { name: string; browser: Browser; uuid: string | null }[] = [];
  const results = new Map<string, { cold: FfLoad[]; warm: FfLoad[] }>();
  try {
    for (const v of variants) {
      const browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: { 'network.dns.localDomains': hosts.join(','), 'network.proxy.type': 0, 'browser.safebrowsing.malware.enabled': false, 'browser.safebrowsing.phishing.enabled': false },
      });
      let uuid: string | null = null;
      if (v.dir) {
        const id = await browser.installExtension(v.dir);
        uuid = await privileged<string>(browser, `WebExtensionPolicy.getByID(${JSON.stringify(id)}).mozExtensionHostname`);
      }
      browsers.push({ name: v.name, browser, uuid });
    }
    await sleep(2000);
    for (let round = 0; round < o.rounds; round++) {
      for (const page of o.pages.map((_, i) => o.pages[(i + round) % o.pages.length]!)) {
        for (const b of browsers.map((_, i) => browsers[(i + round) % browsers.length]!)) {
          const host = `ff${round}-${page.file.replace(/\W/g, '')}-${b.name}.test`;
          const url = `http://${host}:${port}/${page.file}`;
          const expectBadge = b.name === 'counterpoint' && (page.kind === 'matched' || page.kind === 'large');
          const tab = await b.browser.newPage();
          const one = async (reload: boolean): Promise<FfLoad> => {
            if (reload) await tab.reload({ waitUntil: 'load', timeout: 120_000 });
            else await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
            await settle(tab, expectBadge);
            const seen = await tab.evaluate(() => {
              const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
              return { loadMs: n ? n.loadEventStart : -1, badgeMs: (window as unknown as { __fpBadgeAt?: number }).__fpBadgeAt ?? null };
            });
            return { ...seen, realm: b.uuid ? await realmBytes(b.browser, host, b.uuid) : null };
          };
          try {
            await tab.evaluateOnNewDocument(BADGE_WATCH);
            const cold = await one(false);
            const warm = await one(true);
            const k = `${page.file}|${b.name}`;
            const acc = results.get(k) ?? { cold: [], warm: [] };
            acc.cold.push(cold);
            acc.warm.push(warm);
            results.set(k, acc);
          } finally {
            await tab.close().catch(() => undefined);
          }
          process.stderr.write('f');
        }
      }
      process.stderr.write(` firefox round ${round + 1}/${o.rounds}\n`);
    }
  } finally {
    for (const b of browsers) await b.browser.close().catch(() => undefined);
    server.close();
  }
  const rows: FirefoxRow[] = [];
  for (const page of o.pages) {
    const none = results.get(`${page.file}|none`);
    for (const v of variants) {
      const r = results.get(`${page.file}|${v.name}`);
      if (!r || !none || v.name === 'none') continue;
      for (const phase of ['cold', 'warm'] as const) {
        const loads = r[phase];
        const base = none[phase];
        const badges = loads.map((l) => l.badgeMs).filter((x): x is number => x !== null);
        const realms = loads.map((l) => l.realm).filter((x): x is number => x !== null);
        rows.push({
          page: page.file,
          variant: v.name,
          phase,
          loadMs: median(loads.map((l) => l.loadMs)),
          loadDelayMs: median(loads.map((l, i) => l.loadMs - (base[i]?.loadMs ?? NaN))),
          badgeMs: badges.length ? median(badges) : null,
          realmKiB: realms.length ? median(realms) / 1024 : null,
          extensionJsMs: null,
          samples: null,
        });
      }
    }
  }
  return rows;
}
