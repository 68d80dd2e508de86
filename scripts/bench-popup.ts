/**
 * Popup smoothness with 10,000 notes (npm run bench:popup; not a test): one run, printed as a
 * table and one JSON line.
 *
 * Headless Chromium loads the built extension (.output/chrome-mv3) in a throw-away profile;
 * 10,000 generated notes (half Japanese, half English, over 500 pages) go in through the
 * `notes:import` message, as a reader's JSON-LD file would. Then popup.html is opened several
 * times with a buffered `longtask` PerformanceObserver installed before any of its scripts run,
 * and searched (a common English word, a Japanese phrase, one note's text, a miss) by typing into the
 * search box. Reported: the longest main-thread task of the popup while opening (until the list
 * is shown and the page has been idle a moment) and while searching, and how long the list took
 * to appear; one more opening runs with the CPU throttled 4x (reported, not part of the target).
 * A deliberate 120 ms task in each opened popup checks that the observer sees long
 * tasks at all. Target: no long task > 50 ms (a `longtask` entry is only emitted above 50 ms, so
 * "none" means every task stayed under it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { exportJsonLd } from '../lib/export/jsonld';
import { ownNoteFields } from '../lib/storage/db';
import type { NoteView } from '../lib/storage/notes-repo';
import { chromiumArgs } from '../tests/e2e/harness/chromium';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXTENSION = resolve('.output/chrome-mv3');
const NOTES = Number(process.env.BENCH_NOTES ?? 10_000);
const OPENS = 3;
const TARGET_MS = 50;
/** Quiet time after the list is shown before the opening is considered done. */
const SETTLE_MS = 1500;

// ---- generated notes ---------------------------------------------------------------------------

const EN_WORDS = 'council bridge harbour repairs engineers budget election court ruling minister inflation rates energy prices hospital school transport tunnel cables statement report investors regulator climate summit treaty'.split(' ');
const JA_PHRASES = ['市議会が発表した', '橋の修理は六週間続いた', '予算案が可決された', '選挙の結果が判明した', '裁判所の判断が示された', '物価の上昇が続いている', '病院の建設が遅れている', '気候変動への対策を議論した', '運輸局によると', '投資家の間で懸念が広がった'];

function uuidFor(i: number): string {
  const hex = i.toString(16).padStart(12, '0');
  return `0b1e5a11-0000-4000-8000-${hex}`;
}

function generateNotes(n: number): NoteView[] {
  let seed = 42;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const start = Date.UTC(2025, 0, 1);
  const notes: NoteView[] = [];
  for (let i = 0; i < n; i++) {
    const ja = i % 2 === 0;
    const page = i % 500;
    const url = `https://news.example/${ja ? 'ja' : 'en'}/story-${page}`;
    const exact = ja
      ? `${pick(JA_PHRASES)}。${pick(JA_PHRASES)}と関係者は述べた`
      : Array.from({ length: 10 + Math.floor(rnd() * 10) }, () => pick(EN_WORDS)).join(' ');
    const body = ja
      ? `確認すること: ${pick(JA_PHRASES)}\n二つ目のメモ ${i}`
      : `Check ${pick(EN_WORDS)} and ${pick(EN_WORDS)} against the ${pick(EN_WORDS)} notes.\nFollow-up ${i}`;
    const createdAt = start + i * 60_000;
    notes.push({
      id: uuidFor(i),
      url,
      sourceUrl: url,
      title: ja ? `ニュース記事 ${page}` : `News story ${page}`,
      body: i % 10 === 9 ? '' : body,
      target: { quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 10, end: 10 + exact.length } },
      claimId: i % 7 === 0 ? `claim-${i % 50}` : null,
      anchorState: i % 13 === 0 ? 'orphan' : 'anchored',
      createdAt,
      updatedAt: createdAt,
      ...ownNoteFields(),
    });
  }
  return notes;
}

// ---- in-page helpers -----------------------------------------------------------------------

const LONGTASK_SPY = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
    window.__longTaskSpy = true;
  } catch (e) { window.__longTaskSpy = String(e); }
})();`;

interface LongTask {
  start: number;
  duration: number;
}

const takeLongTasks = (page: Page): Promise<LongTask[]> =>
  page.evaluate(() => {
    const w = window as unknown as { __longTasks: LongTask[] };
    const out = w.__longTasks.slice();
    w.__longTasks.length = 0;
    return out;
  });

/** Pads to a column width counting CJK characters as two columns, as a terminal shows them. */
const padCols = (s: string, width: number): string => {
  const cols = [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, width - cols));
};
const longest = (tasks: LongTask[]): number => tasks.reduce((m, t) => Math.max(m, t.duration), 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function launch(): Promise<{ context: BrowserContext; extensionId: string; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'cp-bench-popup-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 420, height: 600 },
    args: chromiumArgs(EXTENSION),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, extensionId: new URL(worker.url()).host, profile };
}

interface OpenResult {
  longestMs: number;
  /** When the longest task started (ms after navigation start), to tell script start-up from rendering. */
  longestAtMs: number | null;
  longTasks: number;
  listShownMs: number;
  total: number;
  rendered: number;
}

async function openPopup(context: BrowserContext, popupUrl: string, cpuSlowdown = 1): Promise<{ page: Page; result: OpenResult }> {
  const page = await context.newPage();
  if (cpuSlowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  }
  await page.addInitScript(LONGTASK_SPY);
  await page.goto(popupUrl, { waitUntil: 'load' });
  const spy = await page.evaluate(() => (window as unknown as { __longTaskSpy?: unknown }).__longTaskSpy);
  if (spy !== true) throw new Error(`long-task observer not installed: ${String(spy)}`);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="note-item"]') && document.querySelector('[data-testid="notes-list"]')?.getAttribute('aria-busy') === 'false',
    undefined,
    { timeout: 60_000, polling: 20 },
  );
  const listShownMs = await page.evaluate(() => Math.round(performance.now()));
  await sleep(SETTLE_MS);
  const tasks = await takeLongTasks(page);
  await checkObserverSees(page);
  const shown = await page.evaluate(() => ({
    total: Number(document.querySelector('[data-testid="notes-list"]')?.getAttribute('data-total')),
    rendered: document.querySelectorAll('[data-testid="note-item"]').length,
  }));
  const worst = tasks.reduce<LongTask | null>((m, t) => (m && m.duration >= t.duration ? m : t), null);
  return { page, result: { longestMs: longest(tasks), longestAtMs: worst?.start ?? null, longTasks: tasks.length, listShownMs, ...shown } };
}

/** Control: a deliberate 120 ms task must be reported, or "no long task" would mean nothing. */
async function checkObserverSees(page: Page): Promise<void> {
  // Scheduled as a page task (a task run by the debugger protocol is not reported).
  await page.evaluate(() => {
    setTimeout(() => {
      const end = performance.now() + 120;
      while (performance.now() < end) {
        /* busy */
      }
    }, 0);
  });
  await sleep(300);
  const seen = await takeLongTasks(page);
  if (longest(seen) < 100) throw new Error(`the long-task observer missed a 120 ms task (saw ${JSON.stringify(seen)})`);
}

interface SearchResult {
  query: string;
  longestMs: number;
  longTasks: number;
  hits: number;
  rendered: number;
}

async function search(page: Page, query: string): Promise<SearchResult> {
  const box = page.locator('[data-testid="notes-search"]');
  await box.fill('');
  await page.waitForFunction(() => document.querySelector('[data-testid="notes-list"]')?.getAttribute('aria-busy') === 'false');
  await sleep(400);
  await takeLongTasks(page);
  const before = await page.evaluate(() => document.querySelector('[data-testid="notes-list"]')?.getAttribute('data-total'));
  await box.pressSequentially(query, { delay: 60 });
  // Done when the list answers this query (debounced) and nothing is loading.
  await page.waitForFunction(
    (prev) => {
      const list = document.querySelector('[data-testid="notes-list"]');
      if (!list || list.getAttribute('aria-busy') !== 'false') return false;
      return list.getAttribute('data-total') !== prev || document.querySelector('[data-testid="notes-no-results"]');
    },
    before,
    { timeout: 60_000, polling: 20 },
  ).catch(() => undefined); // a query whose total equals the unfiltered one: settle below decides
  await sleep(SETTLE_MS);
  const tasks = await takeLongTasks(page);
  const shown = await page.evaluate(() => ({
    hits: Number(document.querySelector('[data-testid="notes-list"]')?.getAttribute('data-total')),
    rendered: document.querySelectorAll('[data-testid="note-item"]').length,
  }));
  return { query, longestMs: longest(tasks), longTasks: tasks.length, ...shown };
}

async function main(): Promise<void> {
  const notes = generateNotes(NOTES);
  const file = exportJsonLd(notes, Date.now());
  const { context, extensionId, profile } = await launch();
  try {
    const popupUrl = `chrome-extension://${extensionId}/popup.html`;
    const loader = await context.newPage();
    await loader.goto(popupUrl, { waitUntil: 'load' });
    const importStart = Date.now();
    const report = (await loader.evaluate(
      (content) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'notes:import', content }),
      file,
    )) as { ok: boolean; added?: number; error?: string };
    const importMs = Date.now() - importStart;
    if (!report.ok || report.added !== NOTES) throw new Error(`import failed: ${JSON.stringify(report)}`);
    await loader.close();

    const opens: OpenResult[] = [];
    let last: Page | null = null;
    for (let i = 0; i < OPENS; i++) {
      const { page, result } = await openPopup(context, popupUrl);
      opens.push(result);
      if (i < OPENS - 1) await page.close();
      else last = page;
    }
    // The same opening on a 4x slower CPU (DevTools throttling): a margin check, reported only.
    const slow = await openPopup(context, popupUrl, 4);
    await slow.page.close();
    // Scrolling on: "show more" five times (100 notes each) on the opened popup.
    await takeLongTasks(last!);
    for (let i = 0; i < 5; i++) {
      const before = await last!.evaluate(() => document.querySelectorAll('[data-testid="note-item"]').length);
      await last!.locator('[data-testid="notes-more"]').click();
      await last!.waitForFunction((n) => document.querySelectorAll('[data-testid="note-item"]').length > n, before, { timeout: 60_000 });
    }
    await sleep(SETTLE_MS);
    const moreTasks = await takeLongTasks(last!);
    const more = {
      longestMs: longest(moreTasks),
      longTasks: moreTasks.length,
      rendered: await last!.evaluate(() => document.querySelectorAll('[data-testid="note-item"]').length),
    };
    await last!.evaluate(() => window.scrollTo(0, 0));
    const searches: SearchResult[] = [];
    for (const q of ['council', '市議会', 'Follow-up 4243', 'zzyzx']) searches.push(await search(last!, q));

    const openLongest = Math.max(...opens.map((o) => o.longestMs));
    const searchLongest = Math.max(...searches.map((s) => s.longestMs));
    const moreLongest = more.longestMs;
    const lines = [
      `Popup with ${NOTES.toLocaleString('en')} notes (import via notes:import: ${importMs} ms; load average ${loadavg()[0]!.toFixed(1)}: long tasks are wall time, a busy machine lengthens them)`,
      '',
      'phase                     longest task  long tasks  list shown  total   rendered',
      ...opens.map(
        (o, i) =>
          `open #${i + 1}                   ${String(o.longestMs).padStart(6)} ms  ${String(o.longTasks).padStart(10)}  ${String(o.listShownMs).padStart(7)} ms  ${String(o.total).padStart(6)}  ${String(o.rendered).padStart(8)}`,
      ),
      `open, CPU 4x slower       ${String(slow.result.longestMs).padStart(6)} ms  ${String(slow.result.longTasks).padStart(10)}  ${String(slow.result.listShownMs).padStart(7)} ms  ${String(slow.result.total).padStart(6)}  ${String(slow.result.rendered).padStart(8)}`,
      `show more x5              ${String(more.longestMs).padStart(6)} ms  ${String(more.longTasks).padStart(10)}  ${'-'.padStart(10)}  ${'-'.padStart(6)}  ${String(more.rendered).padStart(8)}`,
      ...searches.map(
        (s) =>
          `${padCols(`search ${JSON.stringify(s.query)}`, 25)} ${String(s.longestMs).padStart(6)} ms  ${String(s.longTasks).padStart(10)}  ${'-'.padStart(10)}  ${String(s.hits).padStart(6)}  ${String(s.rendered).padStart(8)}`,
      ),
      '',
      'open #1 is the first popup after the import page closed: it also pays one-off start-up (code cache, ICU data); a',
      'one-off long task there was also seen with 0 notes on this machine, so it is reported but not blamed on the list.',
      `longest task opening: ${openLongest} ms, searching: ${searchLongest} ms, show more: ${moreLongest} ms (target: none over ${TARGET_MS} ms; 0 = no long task)`,
    ];
    const summary = {
      bench: 'popup',
      notes: NOTES,
      importMs,
      loadAverage: Number(loadavg()[0]!.toFixed(2)),
      openLongestTaskMs: openLongest,
      searchLongestTaskMs: searchLongest,
      showMoreLongestTaskMs: moreLongest,
      targetMs: TARGET_MS,
      pass: openLongest <= TARGET_MS && searchLongest <= TARGET_MS && moreLongest <= TARGET_MS,
      opens,
      openCpu4x: slow.result,
      showMore: more,
      searches,
    };
    process.stdout.write(lines.join('\n') + '\n\n' + JSON.stringify(summary) + '\n');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
