/**
 * What Counterpoint costs a page, side by side with an empty extension (npm run bench:footprint;
 * also the last part of npm run bench). Not a test: it prints a table and one JSON line, and keeps
 * everything in test-artifacts/footprint.json.
 *
 * Browsers, launched together and used in turn: Chromium with no extension (twice: `none` and
 * `none-2`, an A/A pair that shows the noise of every figure), with an empty MV3 extension built
 * here (a content script of one line, at document_idle like ours), with this tree's build
 * (.output/chrome-mv3), and with `--baseline=DIR` another build (e.g. main's before the change) so
 * "as soon as before" can be judged in the same run. Every page load is in a fresh tab on a host of
 * its own (`r3-front-counterpoint.test`, mapped to 127.0.0.1), so it gets a renderer process of its
 * own; the variants take turns in an order that rotates every round, and so do the pages.
 *
 * Pages (tests/fixtures/footprint/, written for this; see make-pages.ts): a weather and tides page
 * (not an article, nothing like one), a news front page (not an article, but its story cards are
 * `<article>` elements, so detection must read them), an article about another story, an article that quotes the dataset's story, and the
 * 2 MB article of the overlay's e2e suite (tests/fixtures/large-page.ts). The server delays images
 * (60–240 ms) and the ad script (450 ms), so the load event can come after `document_idle`, as on
 * the web.
 *
 * Per load, cold (the tab's first load of the page: a new renderer process, nothing compiled) and
 * warm (the same tab reloaded: same process, V8's caches warm):
 *  - the extension's main-thread time and its longest task, from a trace (scripts/footprint-trace.ts
 *    says what counts), and its time before the load event began;
 *  - JS heap: `Runtime.getHeapUsage` of the renderer's isolate after two forced collections, ~2 s
 *    after load (or after the badge showed). The isolate holds the page's world and every
 *    extension's isolated world, so the extension's part is the difference from the same page with
 *    no extension (the empty extension's difference is its isolated world's global object and
 *    bindings: nothing else). Also Blink's own heap (`embedderHeapUsedSize`, Oilpan: DOM nodes,
 *    ranges, styles) and the DOM node count (`Memory.getDOMCounters`);
 *  - on the 2 MB page, a memory-infra dump of the renderer (Blink's heap, PartitionAlloc's string
 *    buffers and typed-array memory, malloc, V8's heap), each above no extension's;
 *  - the load event (navigation timing `loadEventStart`) and its delay: this load's minus the same
 *    round's with no extension, median of the rounds;
 *  - when the overlay's badge appeared (a mutation observer in the page's main world, put in
 *    before the page's scripts; the same for any build), and how many highlights were registered.
 * Medians over the rounds. The machine's load average is printed with the figures: only ratios
 * measured side by side in one run mean anything.
 *
 * Targets (issue #17): on the non-article page the extension's main-thread time ≤ 2× the empty
 * extension's and its heap ≤ 100 KiB above the empty extension's; on the article without the story
 * ≤ 3×; on the matched article no extension task over 50 ms and the badge no later than the
 * baseline's; the load event's delay no more than 10% over the empty extension's.
 *
 * Options: --rounds=N (default 5), --baseline=DIR (a built chrome-mv3 directory), --variant=NAME:DIR
 * (repeatable: more built directories, each its own row), --pages=a,b
 * (file names), --no-firefox, --firefox-rounds=N.
 */

import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { largePage } from '../tests/fixtures/large-page';
import { firefoxFootprint, type FirefoxRow } from './footprint-firefox';
import { extensionCost, FOOTPRINT_CATEGORIES, type ExtensionCost, type TraceEvent } from './footprint-trace';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const ROUNDS = Number(arg('rounds') ?? 5);
const BASELINE = arg('baseline');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIXTURES = resolve('tests/fixtures/footprint');

export interface PageDef {
  file: string;
  label: string;
  /** 'listing': not an article, but made of `<article>` cards, so detection has to read it. */
  kind: 'non-article' | 'listing' | 'article' | 'matched' | 'large';
}
export const ALL_PAGES: PageDef[] = [
  { file: 'weather.html', label: 'weather and tides page (not an article)', kind: 'non-article' },
  { file: 'front.html', label: 'news front page (not an article: story cards)', kind: 'listing' },
  { file: 'article-other.html', label: 'article, another story', kind: 'article' },
  { file: 'article-named.html', label: 'article naming the story’s people, another event', kind: 'article' },
  { file: 'article-lecun.html', label: 'article quoting the story', kind: 'matched' },
  { file: 'large.html', label: '2 MB article with the story', kind: 'large' },
];
const only = arg('pages')?.split(',');
const PAGES = only ? ALL_PAGES.filter((p) => only.some((o) => p.file.includes(o))) : ALL_PAGES;

// ------------------------------------------------------------------ the empty extension

/** An MV3 extension whose content script is one line, at document_idle (Chromium and Firefox). */
export function buildEmptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cp-empty-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'Empty',
      version: '1.0',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle' }],
      browser_specific_settings: { gecko: { id: 'empty@counterpoint.invalid' } },
    }),
  );
  writeFileSync(join(dir, 'content.js'), 'void document.readyState;\n');
  return dir;
}

// ------------------------------------------------------------------ the server

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

/** Delay per path: images 60–240 ms (by name), the ad script 450 ms; the rest at once. */
function delayOf(path: string): number {
  if (path === '/assets/ads.js') return 450;
  if (path.startsWith('/img/')) {
    let h = 0;
    for (const c of path) h = (h * 31 + c.charCodeAt(0)) % 997;
    return 60 + (h % 4) * 60;
  }
  return 0;
}

/** Serves the footprint pages on 127.0.0.1 (any Host: each load names a host of its own). */
export async function startFootprintServer(): Promise<{ server: Server; port: number }> {
  const large = largePage();
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (): void => {
      let body: string | Buffer;
      if (path === '/large.html') body = large;
      else {
        const file = resolve(join(FIXTURES, path));
        if (!file.startsWith(FIXTURES + '/') || !existsSync(file)) {
          res.writeHead(404, { 'content-type': 'text/plain' });
          res.end('not found');
          return;
        }
        body = readFileSync(file);
      }
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    };
    const d = delayOf(path);
    if (d) setTimeout(send, d);
    else send();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { server, port: address.port };
}

// ------------------------------------------------------------------ Chromium

export interface Variant {
  name: string;
  dir: string | null;
  browser?: Browser;
}

/** In the page's main world, before its scripts: when the overlay's host appears. */
export const BADGE_WATCH = `(() => {
  const start = () => {
    const seen = () => { if (window.__fpBadgeAt === undefined && document.querySelector('counterpoint-badge')) { window.__fpBadgeAt = performance.now(); window.__fpHighlights = (window.CSS && CSS.highlights) ? CSS.highlights.size : -1; } };
    const mo = new MutationObserver(seen);
    mo.observe(document.documentElement, { childList: true });
    if (document.body) mo.observe(document.body, { childList: true });
    seen();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true }); else start();
})();`;

export async function launchChromium(v: Variant, port: number): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    enableExtensions: v.dir ? [v.dir] : false,
    defaultViewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-renderer-backgrounding',
      '--disable-background-timer-throttling',
      '--disable-backgrounding-occluded-windows',
      // Every *.test host is this machine's server; every other name resolves nowhere.
      `--host-resolver-rules=MAP *.test 127.0.0.1:${port},MAP * ~NOTFOUND`,
    ],
  });
}

/** The renderer's memory by allocator (KiB), from a memory-infra dump. */
export interface MemoryDump {
  blinkGc: number;
  stringBuffers: number;
  arrayBuffers: number;
  malloc: number;
  v8Heap: number;
}

export interface Load {
  cost: ExtensionCost | null;
  heapUsed: number;
  embedderHeap: number;
  nodes: number;
  loadMs: number;
  badgeMs: number | null;
  highlights: number | null;
  dump: MemoryDump | null;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function settle(page: Page, kind: PageDef['kind'], expectBadge: boolean): Promise<void> {
  // The comments arrive 700 ms after load and the overlay's re-run watcher waits 400 ms of quiet.
  await sleep(1800);
  if (!expectBadge || (kind !== 'matched' && kind !== 'large')) return;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await page.evaluate(() => (window as unknown as { __fpBadgeAt?: number }).__fpBadgeAt !== undefined)) break;
    await sleep(100);
  }
  await sleep(1000);
}

/** A detailed memory-infra dump of the renderer that runs `page` (the largest one with a V8 heap in the dump of its process). */
async function memoryDump(page: Page, cdp: CDPSession): Promise<MemoryDump | null> {
  await page.tracing.start({ categories: ['disabled-by-default-memory-infra'] });
  await cdp.send('Tracing.requestMemoryDump' as never, { deterministic: true, levelOfDetail: 'detailed' } as never).catch(() => undefined);
  const raw = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(raw ?? new Uint8Array()).toString('utf8')) as { traceEvents?: { ph: string; pid: number; args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value: string } } }> } } }[] }).traceEvents ?? [];
  let best: Record<string, { attrs?: { size?: { value: string } } }> | null = null;
  let bestSize = -1;
  for (const e of events) {
    const a = e.ph === 'v' ? e.args?.dumps?.allocators : undefined;
    if (!a || !Object.keys(a).some((k) => k.startsWith('v8/main'))) continue;
    const size = parseInt(a['partition_alloc/partitions/buffer']?.attrs?.size?.value ?? '0', 16);
    if (size > bestSize) {
      bestSize = size;
      best = a;
    }
  }
  if (!best) return null;
  const kib = (k: string): number => parseInt(best![k]?.attrs?.size?.value ?? '0', 16) / 1024;
  return {
    blinkGc: kib('blink_gc/main/allocated_objects'),
    stringBuffers: kib('partition_alloc/partitions/buffer'),
    arrayBuffers: kib('partition_alloc/partitions/array_buffer'),
    malloc: kib('malloc/allocated_objects'),
    v8Heap: kib('v8/main/heap'),
  };
}

async function oneLoad(page: Page, cdp: CDPSession, url: string, kind: PageDef['kind'], expectBadge: boolean, reload: boolean): Promise<Load> {
  await page.tracing.start({ categories: FOOTPRINT_CATEGORIES });
  if (reload) await page.reload({ waitUntil: 'load', timeout: 120_000 });
  else await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle(page, kind, expectBadge);
  const raw = await page.tracing.stop();
  const events = (JSON.parse(Buffer.from(raw ?? new Uint8Array()).toString('utf8')) as { traceEvents?: TraceEvent[] }).traceEvents ?? [];
  const onPage = await page.evaluate(() => {
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const w = window as unknown as { __fpBadgeAt?: number; __fpHighlights?: number };
    return { loadMs: n ? n.loadEventStart : -1, badgeMs: w.__fpBadgeAt ?? null, highlights: w.__fpHighlights ?? null };
  });
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as unknown as { usedSize: number; embedderHeapUsedSize?: number };
  const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
  return {
    cost: extensionCost(events, url),
    heapUsed: heap.usedSize,
    embedderHeap: heap.embedderHeapUsedSize ?? 0,
    nodes: dom.nodes,
    dump: kind === 'large' ? await memoryDump(page, cdp) : null,
    ...onPage,
  };
}

async function measure(browser: Browser, url: string, kind: PageDef['kind'], expectBadge: boolean): Promise<{ cold: Load; warm: Load }> {
  const page = await browser.newPage();
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Page.enable');
    await cdp.send('Runtime.enable');
    await cdp.send('HeapProfiler.enable');
    await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: BADGE_WATCH });
    const cold = await oneLoad(page, cdp, url, kind, expectBadge, false);
    const warm = await oneLoad(page, cdp, url, kind, expectBadge, true);
    return { cold, warm };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close().catch(() => undefined);
  }
}

// ------------------------------------------------------------------ statistics

export const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

interface Row {
  page: string;
  kind: PageDef['kind'];
  variant: string;
  phase: 'cold' | 'warm';
  totalMs: number;
  injectionMs: number;
  callbackMs: number;
  compileMs: number;
  beforeLoadMs: number;
  longestTaskMs: number;
  maxLongestTaskMs: number;
  heapKiB: number;
  embedderKiB: number;
  nodes: number;
  loadMs: number;
  loadDelayMs: number;
  badgeMs: number | null;
  highlights: number | null;
  dump: MemoryDump | null;
}

function summarise(page: PageDef, variant: string, phase: 'cold' | 'warm', loads: Load[], none: Load[]): Row {
  const c = (f: (x: ExtensionCost) => number): number => median(loads.map((l) => (l.cost ? f(l.cost) : 0)));
  const above = (f: (l: Load) => number): number => median(loads.map(f)) - median(none.map(f));
  // Delay: per round, this load minus the same round's load with no extension.
  const delays = loads.map((l, i) => l.loadMs - (none[i]?.loadMs ?? NaN));
  const badges = loads.map((l) => l.badgeMs).filter((x): x is number => x !== null);
  const dumps = loads.map((l) => l.dump).filter((d): d is MemoryDump => d !== null);
  const noneDumps = none.map((l) => l.dump).filter((d): d is MemoryDump => d !== null);
  const dumpAbove = (k: keyof MemoryDump): number => median(dumps.map((d) => d[k])) - median(noneDumps.map((d) => d[k]));
  return {
    page: page.file,
    kind: page.kind,
    variant,
    phase,
    totalMs: c((x) => x.totalMs),
    injectionMs: c((x) => x.injectionMs),
    callbackMs: c((x) => x.callbackMs),
    compileMs: c((x) => x.compileMs),
    beforeLoadMs: c((x) => x.beforeLoadMs),
    longestTaskMs: c((x) => x.longestTaskMs),
    maxLongestTaskMs: Math.max(0, ...loads.map((l) => l.cost?.longestTaskMs ?? 0)),
    heapKiB: above((l) => l.heapUsed) / 1024,
    embedderKiB: above((l) => l.embedderHeap) / 1024,
    nodes: above((l) => l.nodes),
    loadMs: median(loads.map((l) => l.loadMs)),
    loadDelayMs: median(delays),
    badgeMs: badges.length ? median(badges) : null,
    highlights: badges.length ? median(loads.map((l) => l.highlights ?? 0)) : null,
    dump:
      dumps.length && noneDumps.length
        ? { blinkGc: dumpAbove('blinkGc'), stringBuffers: dumpAbove('stringBuffers'), arrayBuffers: dumpAbove('arrayBuffers'), malloc: dumpAbove('malloc'), v8Heap: dumpAbove('v8Heap') }
        : null,
  };
}

// ------------------------------------------------------------------ the run

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`bench:footprint: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
    return;
  }
  const own = resolve('.output/chrome-mv3');
  if (!existsSync(join(own, 'manifest.json'))) throw new Error('no build in .output/chrome-mv3: run npm run build first');
  const empty = buildEmptyExtension();
  const variants: Variant[] = [
    { name: 'none', dir: null },
    { name: 'none-2', dir: null },
    { name: 'empty', dir: empty },
    { name: 'counterpoint', dir: own },
    ...(BASELINE ? [{ name: 'baseline', dir: resolve(BASELINE) }] : []),
    // --variant=NAME:DIR (repeatable): more builds side by side, e.g. a change's steps.
    ...process.argv
      .filter((a) => a.startsWith('--variant='))
      .map((a) => a.slice('--variant='.length))
      .map((a) => ({ name: a.slice(0, a.indexOf(':')), dir: resolve(a.slice(a.indexOf(':') + 1)) })),
  ];
  const loadStart = loadavg();
  const { server, port } = await startFootprintServer();
  const results = new Map<string, { cold: Load[]; warm: Load[] }>();
  const key = (p: string, v: string): string => `${p}|${v}`;
  try {
    for (const v of variants) v.browser = await launchChromium(v, port);
    await sleep(2000); // service workers and extension start-up
    // One unmeasured load per browser: the browser's own first-page costs are not the page's.
    for (const v of variants) await measure(v.browser!, `http://warmup-${v.name}.test:${port}/front.html`, 'non-article', false);
    for (let round = 0; round < ROUNDS; round++) {
      const pages = PAGES.map((_, i) => PAGES[(i + round) % PAGES.length]!);
      for (const page of pages) {
        const order = variants.map((_, i) => variants[(i + round) % variants.length]!);
        for (const v of order) {
          const url = `http://r${round}-${page.file.replace(/\W/g, '')}-${v.name}.test:${port}/${page.file}`;
          const expectBadge = v.name === 'counterpoint' || v.name === 'baseline';
          const r = await measure(v.browser!, url, page.kind, expectBadge);
          const k = key(page.file, v.name);
          const acc = results.get(k) ?? { cold: [], warm: [] };
          acc.cold.push(r.cold);
          acc.warm.push(r.warm);
          results.set(k, acc);
          process.stderr.write('.');
        }
      }
      process.stderr.write(` round ${round + 1}/${ROUNDS}\n`);
    }
  } finally {
    for (const v of variants) await v.browser?.close().catch(() => undefined);
    server.close();
  }
  const loadEnd = loadavg();

  const rows: Row[] = [];
  for (const page of PAGES) {
    const none = results.get(key(page.file, 'none'))!;
    for (const v of variants) {
      if (v.name === 'none') continue;
      const r = results.get(key(page.file, v.name))!;
      rows.push(summarise(page, v.name, 'cold', r.cold, none.cold));
      rows.push(summarise(page, v.name, 'warm', r.warm, none.warm));
    }
  }

  // Firefox: what it lets us measure (scripts/footprint-firefox.ts).
  let firefox: FirefoxRow[] | string = 'not run (--no-firefox)';
  if (!process.argv.includes('--no-firefox')) {
    firefox = await firefoxFootprint({ empty, own: resolve('.output/firefox-mv3'), pages: PAGES, rounds: Number(arg('firefox-rounds') ?? Math.max(3, Math.ceil(ROUNDS / 2))) }).catch(
      (e: unknown) => `failed: ${String(e)}`,
    );
  }

  report(rows, firefox, { rounds: ROUNDS, loadStart, loadEnd, baseline: BASELINE ?? null });
}

// ------------------------------------------------------------------ report

const f1 = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(1));
const f0 = (x: number | null): string => (x === null || !Number.isFinite(x) ? '-' : x.toFixed(0));
const pad = (s: string, n: number): string => (s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length));
const table = (head: string[], widths: number[], rows: string[][]): string[] => [head, ...rows].map((r) => r.map((c, i) => pad(c, widths[i]!)).join(''));

interface Verdict {
  what: string;
  value: string;
  ok: boolean;
}

function verdicts(rows: Row[]): Verdict[] {
  const find = (page: string, variant: string, phase: 'cold' | 'warm'): Row | undefined => rows.find((r) => r.page === page && r.variant === variant && r.phase === phase);
  const out: Verdict[] = [];
  for (const phase of ['cold', 'warm'] as const) {
    for (const r of rows.filter((x) => x.variant === 'counterpoint' && x.phase === phase)) {
      const e = find(r.page, 'empty', phase);
      const aa = find(r.page, 'none-2', phase);
      if (!e) continue;
      const ratio = r.totalMs / e.totalMs;
      if (r.kind === 'non-article' || r.kind === 'listing') {
        out.push({ what: `${r.page} ${phase}: main-thread time ≤ 2× empty's`, value: `${ratio.toFixed(2)}× (${f1(r.totalMs)} vs ${f1(e.totalMs)} ms)`, ok: ratio <= 2 });
        out.push({ what: `${r.page} ${phase}: JS heap ≤ empty's + 100 KiB`, value: `${f0(r.heapKiB - e.heapKiB)} KiB above (A/A: ${f0(aa?.heapKiB ?? NaN)})`, ok: r.heapKiB - e.heapKiB <= 100 });
      }
      if (r.kind === 'article') out.push({ what: `${r.page} ${phase}: main-thread time ≤ 3× empty's`, value: `${ratio.toFixed(2)}× (${f1(r.totalMs)} vs ${f1(e.totalMs)} ms)`, ok: ratio <= 3 });
      if (r.kind === 'matched' || r.kind === 'large') {
        out.push({ what: `${r.page} ${phase}: no extension task over 50 ms`, value: `longest ${f1(r.maxLongestTaskMs)} ms (worst of the rounds)`, ok: r.maxLongestTaskMs <= 50 });
        const b = find(r.page, 'baseline', phase);
        if (b && b.badgeMs !== null && r.badgeMs !== null) out.push({ what: `${r.page} ${phase}: badge no later than the baseline's`, value: `${f0(r.badgeMs)} vs ${f0(b.badgeMs)} ms after navigation start`, ok: r.badgeMs <= b.badgeMs * 1.05 });
      }
      // The load event: the median delay against the empty extension's, with the A/A pair's
      // difference as the noise a delay must exceed to count.
      const noise = Math.abs(aa?.loadDelayMs ?? 0);
      const allowed = Math.max(0, e.loadDelayMs) * 1.1 + noise;
      out.push({
        what: `${r.page} ${phase}: load event delay ≤ 1.1 × empty's (+ A/A noise)`,
        value: `${f1(r.loadDelayMs)} vs ${f1(e.loadDelayMs)} ms (A/A ${f1(aa?.loadDelayMs ?? NaN)}); extension work before load ${f1(r.beforeLoadMs)} vs ${f1(e.beforeLoadMs)} ms`,
        ok: r.loadDelayMs <= allowed,
      });
    }
  }
  return out;
}

function report(rows: Row[], firefox: FirefoxRow[] | string, meta: { rounds: number; loadStart: number[]; loadEnd: number[]; baseline: string | null }): void {
  const lines: string[] = [];
  lines.push(`Counterpoint footprint, Chromium (${CHROMIUM}), side by side: ${meta.rounds} rounds, a fresh tab (and renderer) per page and variant, rotating order; medians.`);
  lines.push(`load average at start ${meta.loadStart.map((x) => x.toFixed(2)).join(' ')}, at end ${meta.loadEnd.map((x) => x.toFixed(2)).join(' ')}${meta.baseline ? `; baseline: ${meta.baseline}` : ''}`);
  lines.push('main ms = inject (isolated world, compile, evaluate) + callbk (extension message tasks and callbacks); pre-load: of it, before the load event;');
  lines.push('heap, Blink KiB and nodes: above the same page with no extension (none-2: a second browser with none, the noise); delay: load event minus no extension\'s, same round.');
  lines.push('');
  lines.push(
    ...table(
      ['page', 'variant', 'phase', 'main ms', 'inject', 'callbk', 'compile', 'pre-load', 'longest', 'worst', 'heap KiB', 'Blink KiB', 'nodes', 'load ms', 'delay', 'badge ms', 'hl'],
      [20, 13, 6, 8, 7, 7, 8, 9, 8, 7, 9, 10, 6, 8, 7, 9, 3],
      rows.map((r) => [r.page, r.variant, r.phase, f1(r.totalMs), f1(r.injectionMs), f1(r.callbackMs), f1(r.compileMs), f1(r.beforeLoadMs), f1(r.longestTaskMs), f1(r.maxLongestTaskMs), f0(r.heapKiB), f0(r.embedderKiB), f0(r.nodes), f0(r.loadMs), f1(r.loadDelayMs), f0(r.badgeMs), r.highlights === null ? '-' : String(r.highlights)]),
    ),
  );
  const dumped = rows.filter((r) => r.dump);
  if (dumped.length) {
    lines.push('');
    lines.push('2 MB page, the renderer by allocator (memory-infra dump, KiB above no extension; medians):');
    lines.push(
      ...table(
        ['variant', 'phase', 'Blink heap', 'strings', 'typed arrays', 'malloc', 'V8 heap'],
        [13, 6, 11, 9, 13, 8, 8],
        dumped.map((r) => [r.variant, r.phase, f0(r.dump!.blinkGc), f0(r.dump!.stringBuffers), f0(r.dump!.arrayBuffers), f0(r.dump!.malloc), f0(r.dump!.v8Heap)]),
      ),
    );
  }
  const v = verdicts(rows);
  lines.push('');
  lines.push('targets (issue #17):');
  for (const x of v) lines.push(`  ${x.ok ? 'ok  ' : 'OVER'} ${x.what}: ${x.value}`);
  lines.push('');
  if (typeof firefox === 'string') lines.push(`Firefox: ${firefox}`);
  else {
    lines.push('Firefox ESR (WebDriver BiDi and the browser\'s privileged scope; README "Speed" says what it cannot measure):');
    lines.push(
      ...table(
        ['page', 'variant', 'phase', 'ext JS ms', 'samples', 'load ms', 'delay', 'badge ms', 'realm KiB'],
        [20, 13, 6, 10, 8, 8, 7, 9, 9],
        firefox.map((r) => [r.page, r.variant, r.phase, f1(r.extensionJsMs), r.samples === null ? '-' : String(r.samples), f0(r.loadMs), f1(r.loadDelayMs), f0(r.badgeMs), f0(r.realmKiB)]),
      ),
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  process.stdout.write(JSON.stringify({ rounds: meta.rounds, loadStart: meta.loadStart, loadEnd: meta.loadEnd, chromium: rows, firefox, verdicts: v }) + '\n');
  mkdirSync('test-artifacts', { recursive: true });
  writeFileSync('test-artifacts/footprint.json', JSON.stringify({ rows, firefox, verdicts: v, meta }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
